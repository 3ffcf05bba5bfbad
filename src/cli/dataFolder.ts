// Opens a court's data folder the way the app does (createServices), refusing a folder without
// a database (a mistyped --data must not quietly create an empty court), and logs the command
// line in as the folder's administrator.
import fs from 'node:fs';
import path from 'node:path';
import { createServices, type Services } from '../main/app/services';
import type { ServiceContext } from '../main/api/context';
import { ApiError } from '../main/api/errors';
import { DATABASE_FILE } from '../main/data/database';
import { getProfile } from '../main/court/courtProfile';
import { CLI_CALLER, openCliSession } from '../main/access/cliSession';
import type { CourtProfile } from '../shared/model';
import { MESSAGES } from './text';

export interface OpenCourt {
  services: Services;
  /** The service context as the command line's administrator sees it (caller 'cli'). */
  ctx: ServiceContext;
  profile: CourtProfile;
}

export function resolveFolder(dir: string): string {
  return path.resolve(dir);
}

/** Opens an existing data folder (for init: a new or empty one). */
export function openFolder(dir: string, options: { create: boolean }): Services {
  const folder = resolveFolder(dir);
  if (fs.existsSync(folder) && !fs.statSync(folder).isDirectory())
    throw new ApiError('E_NOT_FOLDER', MESSAGES.notFolder(dir));
  if (!options.create && !fs.existsSync(path.join(folder, DATABASE_FILE))) {
    throw new ApiError('E_NO_DATA', MESSAGES.noDatabase(dir));
  }
  return createServices({ dataDir: folder });
}

/** Opens a set-up court with the administrator logged in on the 'cli' caller. */
export async function openCourt(dir: string): Promise<OpenCourt> {
  const services = openFolder(dir, { create: false });
  try {
    const profile = await getProfile(services.ctx);
    if (!profile) throw new ApiError('E_NO_PROFILE', MESSAGES.notSetUp(dir));
    const user = await openCliSession(services.ctx);
    return { services, ctx: { ...services.ctx, caller: CLI_CALLER, user }, profile };
  } catch (error) {
    await services.close();
    throw error;
  }
}

/** Runs `work` on an open court and always closes the database afterwards. */
export async function withCourt<T>(dir: string, work: (court: OpenCourt) => Promise<T>): Promise<T> {
  const court = await openCourt(dir);
  try {
    return await work(court);
  } finally {
    await court.services.close();
  }
}
