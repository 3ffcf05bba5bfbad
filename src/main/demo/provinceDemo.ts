// A whole demo province in one folder (cli demo --province DIR): a high court, its intermediate
// courts and their basic courts, each in its own data folder (DIR/<code>/), exchanging real signed
// bundles through the sync engine's public functions, as they would on USB sticks:
//
//   high court: demo campaigns, the roster of every court below it → publishes each campaign
//   intermediate courts: import (fingerprint confirmed) → pass each package down
//   basic courts: import → work at their own pace → report up (encrypted to their parent)
//   intermediate courts: work, import their basic courts' reports → relay up
//   high court: imports the relays, and with them every basic court's rows
//
// One basic court never reports; one last reported STALE_DAYS ago (its clock is set back while it
// works and exports, so its bundle is dated then). Every court's clock is its own (`now` of its
// service context), so reports are dated on the days the layout gives.
import fs from 'node:fs';
import path from 'node:path';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { dispatch } from '../api/dispatch';
import { createServices, type Services } from '../app/services';
import { openCliSession } from '../access/cliSession';
import { currentActor, timestamp, today } from '../court/courtProfile';
import { withChanges } from '../data/ownedRows';
import { rosterCourts } from '../province/roster';
import { courtFingerprint, exportReportUp, importBundle, publishCampaign } from '../sync/syncService';
import { loadDemoHere } from './demoJob';
import { DEMO_TITLES } from './demoData';
import { writeProvinceWork } from './provinceWork';
import {
  DEMO_PASSWORD,
  DEMO_USERNAME,
  PROVINCE_BASIC,
  PROVINCE_COURTS,
  PROVINCE_HIGH,
  PROVINCE_INTERMEDIATE,
  STALE_DAYS,
  type ProvinceCourt,
} from './provinceCourts';

const DAY_MS = 86_400_000;
/** The caller name the province builder's sessions use. */
const CALLER = 'province-demo';
/** Where the bundles the courts exchanged are left, beside the court folders, for people to look at. */
export const BUNDLE_FOLDER = '同步包';

export interface ProvinceProgress {
  (step: number, total: number, message: string): void;
}

export interface ProvinceCourtResult {
  code: string;
  name: string;
  level: ProvinceCourt['level'];
  parentCode: string;
  jurisdiction: string;
  dataDir: string;
  username: string;
  password: string;
  /** When its last report up was written; null: never reported. */
  lastReportAt: string | null;
  items: number;
  done: number;
}

export interface ProvinceResult {
  dir: string;
  bundleDir: string;
  today: string;
  /** The moment the province's clock stood at (ISO): report ages are counted from it. */
  builtAt: string;
  campaigns: string[];
  courts: ProvinceCourtResult[];
  /** Bundles exchanged (packages down, reports up, relays). */
  bundles: number;
  ms: number;
}

interface OpenProvinceCourt {
  court: ProvinceCourt;
  services: Services;
  ctx: ServiceContext;
  /** Moves this court's clock (its service context's `now`). */
  setNow(date: Date): void;
  fingerprint: string;
}

/** Opens a new data folder and sets the court up, its administrator logged in. */
async function setUpCourt(dir: string, court: ProvinceCourt, now: Date): Promise<OpenProvinceCourt> {
  let clock = now;
  const services = createServices({ dataDir: path.join(dir, court.code), now: () => clock });
  try {
    const profile = {
      name: court.name,
      code: court.code,
      level: court.level,
      parentCode: court.parentCode,
      parentName: court.parentName,
      operatorName: court.operatorName,
    };
    const setup = await dispatch(
      services.ctx,
      'court.setup',
      { profile, admin: { username: DEMO_USERNAME, password: DEMO_PASSWORD } },
      CALLER,
    );
    if (!setup.ok) throw new ApiError(setup.code, setup.message);
    const user = await openCliSession(services.ctx);
    const ctx: ServiceContext = { ...services.ctx, caller: CALLER, user };
    return {
      court,
      services,
      ctx,
      setNow(date) {
        clock = date;
      },
      fingerprint: await courtFingerprint(ctx),
    };
  } catch (error) {
    await services.close();
    throw error;
  }
}

/**
 * Imports a bundle whose sender a person has compared by phone (`trust`). A report from a court
 * not yet on this court's roster (`senders` it does not list) is accepted onto it, as a person
 * would after reading the preview's “不在本院应报名单中”.
 */
async function importConfirmed(
  at: OpenProvinceCourt,
  file: string,
  trust: string[],
  senders: string[] = [],
): Promise<void> {
  // Only a report's sender can be missing from the roster: a package down needs no look-up.
  const listed = senders.length ? new Set((await rosterCourts(at.ctx)).map((court) => court.code)) : new Set<string>();
  const addToRoster = senders.filter((code) => !listed.has(code));
  await importBundle(at.ctx, { file, dryRun: false, trust, addToRoster });
}

/** Writes the roster at the high court: every court below it, with level, parent and jurisdiction. */
async function writeRoster(high: OpenProvinceCourt): Promise<void> {
  const actor = await currentActor(high.ctx);
  await withChanges(high.ctx.db, actor, timestamp(high.ctx), async (writer) => {
    for (const court of [...PROVINCE_INTERMEDIATE, ...PROVINCE_BASIC]) {
      await writer.insert('rosterCourts', {
        code: court.code,
        name: court.name,
        level: court.level as 'intermediate' | 'basic',
        parentCode: court.parentCode,
        jurisdiction: court.jurisdiction,
        mergedAt: null,
        mergedInto: null,
        addedBy: 'manual',
      });
    }
  });
}

async function writeWork(at: OpenProvinceCourt, campaignToday: string) {
  const actor = await currentActor(at.ctx);
  return withChanges(at.ctx.db, actor, timestamp(at.ctx), (writer) =>
    writeProvinceWork(writer, { today: today(at.ctx), campaignToday, pace: at.court.pace }),
  );
}

/** The folder must be new or empty: a province is never built over anything. */
function prepareFolder(dir: string): void {
  if (fs.existsSync(dir)) {
    if (!fs.statSync(dir).isDirectory())
      throw new ApiError('E_NOT_FOLDER', `“${dir}”是一个文件，不是文件夹。--province 应指向一个新的或空的文件夹。`);
    if (fs.readdirSync(dir).length > 0)
      throw new ApiError(
        'E_FOLDER_NOT_EMPTY',
        `文件夹“${dir}”不是空的。示例省份要建在新的或空的文件夹里，以免覆盖已有数据；请换一个文件夹名。`,
      );
  }
  fs.mkdirSync(dir, { recursive: true });
}

/** Builds the province in `dir` as of `now`, reporting each step through `progress`. */
export async function buildProvinceDemo(
  dirArg: string,
  options: { now?: Date; progress: ProvinceProgress },
): Promise<ProvinceResult> {
  const started = Date.now();
  const dir = path.resolve(dirArg);
  prepareFolder(dir);
  const bundleDir = path.join(dir, BUNDLE_FOLDER);
  fs.mkdirSync(bundleDir, { recursive: true });
  const now = options.now ?? new Date();
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const total = 5 + PROVINCE_INTERMEDIATE.length * 2 + PROVINCE_BASIC.length;
  let step = 0;
  const progress = (message: string) => options.progress((step += 1), total, message);
  const open: OpenProvinceCourt[] = [];
  const summaries = new Map<string, { items: number; done: number }>();
  const reportedAt = new Map<string, string>();
  let bundles = 0;
  try {
    // 1. The high court: its demo campaigns and the roster of every court below it.
    const high = await setUpCourt(dir, PROVINCE_HIGH, now);
    open.push(high);
    progress(`正在载入${PROVINCE_HIGH.name}的示例专项活动…`);
    await loadDemoHere(high.ctx, { progress: () => undefined, cancelled: false });
    await writeRoster(high);
    const campaigns = await high.ctx.db
      .selectFrom('campaigns')
      .select(['id', 'title'])
      .where('origin', '=', PROVINCE_HIGH.code)
      .where('title', 'in', [...DEMO_TITLES])
      .where('deletedAt', 'is', null)
      .execute();
    progress(`${PROVINCE_HIGH.name}正在发布 ${campaigns.length} 项专项活动的下发包…`);
    const packages: string[] = [];
    for (const campaign of campaigns) {
      packages.push((await publishCampaign(high.ctx, { campaignId: campaign.id, folder: bundleDir })).filePath);
      bundles += 1;
    }

    // 2. Intermediate courts import the packages and pass them down.
    const relayedDown = new Map<string, string[]>();
    const middles: OpenProvinceCourt[] = [];
    for (const court of PROVINCE_INTERMEDIATE) {
      progress(`${court.name}：导入下发包并转发给下级法院…`);
      const middle = await setUpCourt(dir, court, now);
      open.push(middle);
      middles.push(middle);
      const files: string[] = [];
      for (const file of packages) await importConfirmed(middle, file, [high.fingerprint]);
      for (const campaign of campaigns) {
        files.push((await publishCampaign(middle.ctx, { campaignId: campaign.id, folder: bundleDir })).filePath);
        bundles += 1;
      }
      relayedDown.set(court.code, files);
    }

    // 3. Basic courts import their intermediate court's packages, work, and report up.
    const reportsUp = new Map<string, { file: string; fingerprint: string; code: string }[]>();
    for (const court of PROVINCE_BASIC) {
      const when = court.reportedDaysAgo === null ? now : daysAgo(court.reportedDaysAgo);
      const parent = middles.find((m) => m.court.code === court.parentCode)!;
      progress(
        court.reportedDaysAgo === null
          ? `${court.name}：导入下发包、推进工作（从未上报）…`
          : `${court.name}：导入下发包、推进工作并上报…`,
      );
      const basic = await setUpCourt(dir, court, when);
      try {
        for (const file of relayedDown.get(court.parentCode) ?? [])
          await importConfirmed(basic, file, [parent.fingerprint]);
        summaries.set(court.code, await writeWork(basic, today(high.ctx)));
        if (court.reportedDaysAgo !== null) {
          const report = await exportReportUp(basic.ctx, { folder: bundleDir, full: false });
          bundles += 1;
          reportedAt.set(court.code, when.toISOString());
          const list = reportsUp.get(court.parentCode) ?? [];
          list.push({ file: report.filePath, fingerprint: basic.fingerprint, code: court.code });
          reportsUp.set(court.parentCode, list);
        }
      } finally {
        // A basic court is done once it has reported: closed now, so a dozen databases are not open at once.
        await basic.services.close();
      }
    }

    // 4. Intermediate courts work on their own copies, import their basic courts' reports and relay up.
    const relaysUp: { file: string; fingerprint: string; code: string }[] = [];
    for (const middle of middles) {
      progress(`${middle.court.name}：导入下级法院上报包并转报…`);
      summaries.set(middle.court.code, await writeWork(middle, today(high.ctx)));
      const received = reportsUp.get(middle.court.code) ?? [];
      for (const report of received) await importConfirmed(middle, report.file, [report.fingerprint], [report.code]);
      const relay = await exportReportUp(middle.ctx, { folder: bundleDir, full: false });
      bundles += 1;
      reportedAt.set(middle.court.code, now.toISOString());
      relaysUp.push({ file: relay.filePath, fingerprint: middle.fingerprint, code: middle.court.code });
    }

    // 5. The high court imports the relays: the whole province's progress.
    progress(`${PROVINCE_HIGH.name}：导入各中级人民法院转报的上报包…`);
    for (const relay of relaysUp) await importConfirmed(high, relay.file, [relay.fingerprint], [relay.code]);
    const highItems = await high.ctx.db
      .selectFrom('items')
      .select((eb) => [
        eb.fn.countAll<number>().as('items'),
        eb.fn.sum<number>(eb.case().when('status', 'in', ['completed', 'signed_off']).then(1).else(0).end()).as('done'),
      ])
      .where('origin', '=', PROVINCE_HIGH.code)
      .where('deletedAt', 'is', null)
      .executeTakeFirstOrThrow();
    summaries.set(PROVINCE_HIGH.code, { items: Number(highItems.items), done: Number(highItems.done ?? 0) });
    progress('示例省份已建成');

    return {
      dir,
      bundleDir,
      today: today(high.ctx),
      builtAt: now.toISOString(),
      campaigns: campaigns.map((c) => c.title),
      courts: PROVINCE_COURTS.map((court) => ({
        code: court.code,
        name: court.name,
        level: court.level,
        parentCode: court.parentCode,
        jurisdiction: court.jurisdiction,
        dataDir: path.join(dir, court.code),
        username: DEMO_USERNAME,
        password: DEMO_PASSWORD,
        lastReportAt: reportedAt.get(court.code) ?? null,
        items: summaries.get(court.code)?.items ?? 0,
        done: summaries.get(court.code)?.done ?? 0,
      })),
      bundles,
      ms: Date.now() - started,
    };
  } finally {
    for (const court of open) await court.services.close();
  }
}

export { STALE_DAYS };
