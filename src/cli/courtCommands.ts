// The commands that need no sync engine: init, demo, status and call. Each goes through the same
// operation table as the app (dispatch) or the main process's own queries, never its own SQL.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { dispatch } from '../main/api/dispatch';
import { ApiError } from '../main/api/errors';
import { CLI_CALLER, openCliSession } from '../main/access/cliSession';
import { courtStatus, type CourtStatus } from '../main/status/courtStatus';
import { rosterStatusLines } from '../main/status/rosterStatus';
import { courtLevels, courtSetupInput, type Input, type OperationName, type Result, type Results } from '../shared/api';
import type { ServiceContext } from '../main/api/context';
import { optional, required, UsageError, type ParsedCommand } from './args';
import { openFolder, resolveFolder, withCourt } from './dataFolder';
import { interruptible, progressControl, type Output } from './output';
import { MESSAGES, USAGE } from './text';

/** The administrator every court set up from the command line starts with. */
const ADMIN_USERNAME = 'admin';
const DEFAULT_OPERATOR = '系统管理员';

/** No 0/O, 1/l/I: the password is read off a screen and typed in by someone else. */
const PASSWORD_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

function temporaryPassword(length = 12): string {
  for (;;) {
    const password = Array.from({ length }, () => PASSWORD_ALPHABET[crypto.randomInt(PASSWORD_ALPHABET.length)]).join(
      '',
    );
    if (/[A-Za-z]/.test(password) && /\d/.test(password)) return password;
  }
}

/** Calls one operation as the command line's administrator; a refusal becomes an ApiError. */
async function callOrThrow<K extends OperationName>(
  ctx: ServiceContext,
  name: K,
  input: Input<K>,
): Promise<Results[K]> {
  const result = (await dispatch<K>(ctx, name, input, CLI_CALLER)) as Result<Results[K]>;
  if (!result.ok) throw new ApiError(result.code, result.message, result.fieldErrors);
  return result.value;
}

/** Which option a field of the court profile came from, to name it in a usage error. */
const PROFILE_OPTION: Record<string, string> = {
  name: '--name',
  code: '--code',
  level: '--level',
  parentCode: '--parent',
  parentName: '--parent-name',
  operatorName: '--operator',
};

export async function runInit(parsed: ParsedCommand, output: Output): Promise<void> {
  const dir = required(parsed, 'data');
  const code = required(parsed, 'code');
  const name = required(parsed, 'name');
  const level = required(parsed, 'level');
  if (!(courtLevels as readonly string[]).includes(level)) throw new UsageError(USAGE.badLevel(level), 'init');
  const parentCode = optional(parsed, 'parent') ?? '';
  const parentName = optional(parsed, 'parent-name') ?? '';
  if (level !== 'high' && (!parentCode || !parentName)) throw new UsageError(USAGE.parentNeeded, 'init');
  const profile = {
    name,
    code,
    level,
    parentCode,
    parentName,
    operatorName: optional(parsed, 'operator') ?? DEFAULT_OPERATOR,
  };
  // The app's own rules for a court profile: a bad value is a usage error, found before any file is made.
  const checked = courtSetupInput.safeParse(profile);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new UsageError(USAGE.badOptionValue(PROFILE_OPTION[String(issue.path[0])] ?? '', issue.message), 'init');
  }

  const password = temporaryPassword();
  const services = openFolder(dir, { create: true });
  try {
    const setup = await callOrThrow(services.ctx, 'court.setup', {
      profile: checked.data,
      admin: { username: ADMIN_USERNAME, password },
    });
    // A password printed on a terminal is temporary: the app asks for a new one at first log-in.
    const [admin] = await callOrThrow(services.ctx, 'users.list', {});
    await callOrThrow(services.ctx, 'users.resetPassword', { id: admin.id, password });
    const folder = resolveFolder(dir);
    if (output.json) {
      output.document({
        court: setup.profile,
        dataDir: folder,
        admin: { username: ADMIN_USERNAME, displayName: setup.profile.operatorName, temporaryPassword: password },
      });
      return;
    }
    output.line(MESSAGES.initDone(setup.profile.name, setup.profile.code, setup.profile.level));
    output.line(MESSAGES.dataFolder(folder));
    output.line(MESSAGES.adminAccount(ADMIN_USERNAME, setup.profile.operatorName));
    output.line(MESSAGES.temporaryPassword(password));
    output.line(MESSAGES.passwordOnce);
  } finally {
    await services.close();
  }
}

const POLL_MS = 200;

/** Waits for a job started through the API, showing its progress; a refusal or cancel throws. */
async function waitForJob(ctx: ServiceContext, jobId: string, output: Output): Promise<void> {
  const control = progressControl(output);
  await interruptible(
    output,
    () => void dispatch(ctx, 'jobs.cancel', { jobId }, CLI_CALLER),
    async () => {
      for (;;) {
        const status = await callOrThrow(ctx, 'jobs.get', { jobId });
        if (status.state === 'running') {
          control.progress(status.done, status.total, status.message);
          await new Promise((resolve) => setTimeout(resolve, POLL_MS));
          continue;
        }
        if (status.state === 'done') return;
        if (status.state === 'cancelled') throw new ApiError('E_CANCELLED', MESSAGES.jobCancelled);
        throw new ApiError(status.errorCode ?? 'E_JOB_FAILED', status.error ?? status.message);
      }
    },
  );
}

export async function runDemo(parsed: ParsedCommand, output: Output): Promise<void> {
  await withCourt(required(parsed, 'data'), async ({ ctx }) => {
    const { jobId } = await callOrThrow(ctx, 'demo.start', {});
    if (!output.json) output.note(MESSAGES.demoStarted);
    await waitForJob(ctx, jobId, output);
    const status = await courtStatus(ctx);
    if (output.json) {
      output.document({
        loaded: true,
        campaigns: status.campaigns.map(({ id, title, items }) => ({ id, title, items })),
      });
      return;
    }
    output.line(
      MESSAGES.demoDone(
        status.campaigns.length,
        status.campaigns.reduce((sum, c) => sum + c.items, 0),
      ),
    );
  });
}

function printStatus(status: CourtStatus, output: Output): void {
  output.line(MESSAGES.statusCourt(status.court));
  output.line(MESSAGES.statusToday(status.today));
  output.line(MESSAGES.statusCampaigns(status.campaigns.length));
  const courtName = new Map(status.courts.map((court) => [court.code, court.name]));
  const named = (code: string) => courtName.get(code) ?? code;
  for (const campaign of status.campaigns) {
    const own = campaign.origin === status.court.code;
    output.line(MESSAGES.statusCampaign(campaign, own ? null : `${named(campaign.origin)}（${campaign.origin}）`));
    output.line(MESSAGES.statusCampaignId(campaign.id));
    // Other courts' copies held here (subordinates' reports, the issuer's definition), one line each.
    for (const court of campaign.byCourt) {
      if (court.code !== status.court.code) output.line(MESSAGES.statusCampaignCourt(named(court.code), court));
    }
  }
  output.line(MESSAGES.statusCourts(status.courts.length));
  for (const court of status.courts) output.line(MESSAGES.statusHeldCourt(court, court.relation === 'self'));
  for (const court of status.courts) if (court.auditAlert) output.line(MESSAGES.statusAuditAlert(court));
  if (status.roster) for (const line of rosterStatusLines(status.roster)) output.line(line);
}

export async function runStatus(parsed: ParsedCommand, output: Output): Promise<void> {
  await withCourt(required(parsed, 'data'), async ({ ctx }) => {
    const status = await courtStatus(ctx);
    if (output.json) output.document(status);
    else printStatus(status, output);
  });
}

function readJsonInput(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  // '-' reads the input from stdin, for inputs too long for a command line.
  const source = text === '-' ? fs.readFileSync(0, 'utf8') : text;
  try {
    return JSON.parse(source);
  } catch (error) {
    throw new UsageError(USAGE.badJson((error as Error).message), 'call');
  }
}

/** `call`: any operation, JSON in, the Result value out; exit 1 when it was refused. */
export async function runCall(parsed: ParsedCommand, output: Output): Promise<boolean> {
  const [operation, jsonText] = parsed.positionals;
  const input = readJsonInput(jsonText);
  const services = openFolder(required(parsed, 'data'), { create: false });
  try {
    // A folder without a court or administrator still answers the public operations.
    await openCliSession(services.ctx).catch((error: unknown) => {
      if (!(error instanceof ApiError)) throw error;
    });
    const result = await dispatch(services.ctx, operation, input, CLI_CALLER);
    output.document(result);
    return result.ok;
  } finally {
    await services.close();
  }
}
