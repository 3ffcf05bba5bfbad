// Files chosen in the window arrive in pieces — files.upload for evidence, sync.upload for bundle
// files — because the renderer has no file system and no request may carry a large body (see
// MAX_BODY_BYTES in the preview server). Each upload is staged under uploads/ in the data folder by
// an id the main process chose, bound to the account that started it and to what it is for (an
// evidence upload cannot be imported as a bundle, nor the other way round), and used from there.
// A staged file is removed once used, when the person gives up (放弃), and — if the program
// stopped in between — at the next start once nothing has been added to it for a day
// (removeAbandonedUploads). Nothing here touches the database.
import fs from 'node:fs';
import path from 'node:path';
import { v4 as uuidv4 } from 'uuid';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';

export const UPLOADS_DIR = 'uploads';
/** Where bundle uploads were staged before uploads were shared; swept at start like uploads/. */
const LEGACY_DIRS = [path.join('sync', 'incoming')];
/** An upload nothing was added to for this long was abandoned (a crash, a closed window). */
export const ABANDONED_AFTER_MS = 24 * 60 * 60 * 1000;

/** What an upload is for: its own size limit, and it can only be used for that. */
export interface UploadKind {
  name: 'bundle' | 'evidence';
  maxBytes: number;
  /** The refusal when the file grows past maxBytes. */
  tooLarge: string;
}

interface UploadMeta {
  kind: UploadKind['name'];
  fileName: string;
  complete: boolean;
  /** The account that started it (null for a caller without one). */
  userId: string | null;
}

export interface StagedUpload {
  file: string;
  fileName: string;
  size: number;
}

const NOT_FOUND = '找不到这次上传的文件，可能已被放弃或已过期，请重新选择文件。';

function files(dataDir: string, uploadId: string) {
  const dir = path.join(dataDir, UPLOADS_DIR);
  return { dir, data: path.join(dir, `${uploadId}.part`), meta: path.join(dir, `${uploadId}.json`) };
}

function readMeta(file: string): UploadMeta | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as UploadMeta;
  } catch {
    return null;
  }
}

const ownerOf = (ctx: ServiceContext): string | null => ctx.user?.id ?? null;

/** The upload's record when it exists, is of this kind and was started by this caller. */
function ownMeta(ctx: ServiceContext, kind: UploadKind, uploadId: string): UploadMeta | null {
  const meta = readMeta(files(ctx.dataDir, uploadId).meta);
  return meta && meta.kind === kind.name && meta.userId === ownerOf(ctx) ? meta : null;
}

/** Uploads being used right now (by their record's path): not to be removed under the reader. */
const inUse = new Set<string>();
/** Uploads discarded while in use: removed when the use ends. */
const discardWhenFree = new Set<string>();

/** Takes one piece: the first (uploadId null) starts an upload; `final` marks it complete. */
export function receiveChunk(
  ctx: ServiceContext,
  kind: UploadKind,
  input: { uploadId: string | null; fileName: string; chunkBase64: string; final: boolean },
): { uploadId: string; bytes: number } {
  const uploadId = input.uploadId ?? uuidv4();
  const paths = files(ctx.dataDir, uploadId);
  if (input.uploadId) {
    const meta = ownMeta(ctx, kind, uploadId);
    if (!meta || meta.complete || !fs.existsSync(paths.data)) throw new ApiError('E_NOT_FOUND', NOT_FOUND);
  } else {
    fs.mkdirSync(paths.dir, { recursive: true });
    writeMeta(paths.meta, { kind: kind.name, fileName: input.fileName, complete: false, userId: ownerOf(ctx) });
    fs.writeFileSync(paths.data, Buffer.alloc(0));
  }
  const chunk = Buffer.from(input.chunkBase64, 'base64');
  const size = fs.statSync(paths.data).size + chunk.length;
  if (size > kind.maxBytes) {
    removeFiles(paths);
    throw new ApiError('E_TOO_LARGE', kind.tooLarge);
  }
  fs.appendFileSync(paths.data, chunk);
  if (input.final)
    writeMeta(paths.meta, { kind: kind.name, fileName: input.fileName, complete: true, userId: ownerOf(ctx) });
  return { uploadId, bytes: size };
}

function writeMeta(file: string, meta: UploadMeta): void {
  fs.writeFileSync(file, JSON.stringify(meta));
}

/** The staged file of a finished upload of this kind (for work that reads it by path, as bundle import does). */
export function uploadedFile(ctx: ServiceContext, kind: UploadKind, uploadId: string): StagedUpload {
  const paths = files(ctx.dataDir, uploadId);
  const meta = ownMeta(ctx, kind, uploadId);
  if (!meta) throw new ApiError('E_NOT_FOUND', NOT_FOUND);
  if (!meta.complete) throw new ApiError('E_UNFINISHED', '文件还没有上传完，请等上传完成后再保存。');
  try {
    return { file: paths.data, fileName: meta.fileName, size: fs.statSync(paths.data).size };
  } catch {
    throw new ApiError('E_NOT_FOUND', NOT_FOUND);
  }
}

/**
 * Runs `work` on a finished upload, which is removed when `work` succeeds and kept (for another
 * try, or for files.discardUpload) when it throws. One use at a time.
 */
export async function useUpload<T>(
  ctx: ServiceContext,
  kind: UploadKind,
  uploadId: string,
  work: (staged: StagedUpload) => Promise<T>,
): Promise<T> {
  const paths = files(ctx.dataDir, uploadId);
  if (inUse.has(paths.meta)) throw new ApiError('E_BUSY', '这个文件正在保存，请稍候。');
  const staged = uploadedFile(ctx, kind, uploadId);
  inUse.add(paths.meta);
  let result: T;
  try {
    result = await work(staged);
  } finally {
    inUse.delete(paths.meta);
    if (discardWhenFree.delete(paths.meta)) removeFiles(paths);
  }
  removeFiles(paths);
  return result;
}

/** Gives up an upload of this kind started by this caller; false when there was none. */
export function discardUpload(ctx: ServiceContext, kind: UploadKind, uploadId: string): boolean {
  if (!ownMeta(ctx, kind, uploadId)) return false;
  const paths = files(ctx.dataDir, uploadId);
  if (inUse.has(paths.meta)) discardWhenFree.add(paths.meta);
  else removeFiles(paths);
  return true;
}

function removeFiles(paths: { data: string; meta: string }): void {
  fs.rmSync(paths.data, { force: true });
  fs.rmSync(paths.meta, { force: true });
}

/**
 * Call once at start-up: removes staged uploads nothing was added to for a day (left by a crash or
 * a window closed mid-upload), here and in the folder older versions staged bundles in. Returns
 * how many files were removed. Uploads in progress are untouched (they are younger).
 */
export function removeAbandonedUploads(dataDir: string, now: number = Date.now()): number {
  let removed = 0;
  for (const folder of [UPLOADS_DIR, ...LEGACY_DIRS]) {
    const dir = path.join(dataDir, folder);
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue;
    }
    // An upload is its record and its data (<id>.json, <id>.part): judged by the newer of the two.
    const uploads = new Map<string, { files: string[]; newest: number }>();
    for (const name of names) {
      const file = path.join(dir, name);
      let stat: fs.Stats;
      try {
        stat = fs.statSync(file);
      } catch {
        continue;
      }
      if (!stat.isFile()) continue;
      const id = name.replace(/\.[^.]*$/, '');
      const entry = uploads.get(id) ?? { files: [], newest: 0 };
      entry.files.push(file);
      entry.newest = Math.max(entry.newest, stat.mtimeMs);
      uploads.set(id, entry);
    }
    for (const { files: parts, newest } of uploads.values()) {
      if (now - newest < ABANDONED_AFTER_MS) continue;
      for (const file of parts) {
        try {
          fs.rmSync(file, { force: true });
          removed += 1;
        } catch {
          // Locked by another program: tried again at the next start.
        }
      }
    }
  }
  return removed;
}
