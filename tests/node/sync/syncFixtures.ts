// Courts for sync tests: a high court, an intermediate court and a basic court under it, each in
// its own temp data folder with its administrator logged in; and the engine context that acts
// as that administrator (what the worker thread and the command line use).
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { expect } from 'vitest';
import { courtFingerprint, exportReportUp, importBundle, publishCampaign } from '../../../src/main/sync/syncService';
import type { ServiceContext } from '../../../src/main/api/context';
import { loadSessionUser } from '../../../src/main/access/accounts';
import { ADMIN, openHarness, tempDir, type Harness } from '../harness';

export const HIGH = { name: '黑龙江省高级人民法院', code: 'J23', level: 'high' as const, operatorName: '李处长' };
export const INTERMEDIATE = {
  name: '齐齐哈尔市中级人民法院',
  code: 'J2302',
  level: 'intermediate' as const,
  parentCode: 'J23',
  parentName: '黑龙江省高级人民法院',
  operatorName: '赵科长',
};
export const BASIC = {
  name: '龙江县人民法院',
  code: 'J230201',
  level: 'basic' as const,
  parentCode: 'J2302',
  parentName: '齐齐哈尔市中级人民法院',
  operatorName: '王书记员',
};
export const BASIC_2 = {
  name: '讷河市人民法院',
  code: 'J230202',
  level: 'basic' as const,
  parentCode: 'J2302',
  parentName: '齐齐哈尔市中级人民法院',
  operatorName: '孙书记员',
};

/** The subordinate courts a person here accepts onto the roster (加入应报名单) when importing their
 * reports up: tests that are not about the roster name them all. */
export const ROSTER = [INTERMEDIATE.code, BASIC.code, BASIC_2.code];

export type SyncProfile = typeof HIGH | typeof INTERMEDIATE | typeof BASIC;

export async function openSyncCourt(profile: SyncProfile): Promise<Harness> {
  const h = await openHarness();
  await h.ok('court.setup', { profile, admin: ADMIN });
  return h;
}

/** A court together with the engine context acting as its administrator. */
export interface SyncCourt {
  h: Harness;
  ctx: ServiceContext;
}

/** Sets a court up and returns it with its engine context; `open` collects it for closing after the test. */
export async function openEngineCourt(profile: SyncProfile, open?: Harness[]): Promise<SyncCourt> {
  const h = await openSyncCourt(profile);
  open?.push(h);
  return { h, ctx: await engineCtx(h) };
}

/** The service context acting as the court's administrator, as the sync worker gets it. */
export async function engineCtx(h: Harness): Promise<ServiceContext> {
  const ctx = h.services.ctx;
  const user = await loadSessionUser(ctx, ctx.sessions.userIdOf(ADMIN.username)!);
  return { ...ctx, user, caller: 'test-engine' };
}

export function outFolder(): string {
  return tempDir('court-bundles-');
}

/** SHA-256 of the database file with every connection closed: "byte-for-byte unchanged". */
export function fileHash(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

export function databaseFile(h: Harness): string {
  return path.join(h.dataDir, 'court.sqlite3');
}

export function countRows(h: Harness, table: string, where = '1 = 1', ...params: unknown[]): number {
  return (
    h.services.ctx.sqlite.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get(...params) as { n: number }
  ).n;
}

/** Adds many items with monthly progress notes straight into a court's database (test set-up at
 * scale; the rows carry proper origins, versions and change numbers). Returns rows written. */
export function bulkWork(h: Harness, campaignId: string, items: number, notesPerItem: number): number {
  const sqlite = h.services.ctx.sqlite;
  const origin =
    (sqlite.prepare("SELECT value FROM settings WHERE key = 'local_court_code'").get() as { value: string } | undefined)
      ?.value ?? (sqlite.prepare('SELECT code FROM courts LIMIT 1').get() as { code: string }).code;
  const now = '2026-11-24T02:00:00.000Z';
  let seq = (sqlite.prepare('SELECT value FROM change_counter WHERE id = 1').get() as { value: number }).value;
  const insertItem = sqlite.prepare(
    'INSERT INTO items (id, origin, version, change_seq, created_at, updated_at, campaign_id, sort_order, title, content) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertNote = sqlite.prepare(
    'INSERT INTO progress_notes (id, origin, version, change_seq, created_at, updated_at, item_id, note_date, author, text, percent) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  sqlite.transaction(() => {
    for (let i = 0; i < items; i += 1) {
      const itemId = crypto.randomUUID();
      insertItem.run(
        itemId,
        origin,
        (seq += 1),
        now,
        now,
        campaignId,
        (i + 1) * 1024,
        `批量事项 ${i + 1}：落实审判执行工作举措`,
        '按月报告进展',
      );
      for (let month = 1; month <= notesPerItem; month += 1) {
        insertNote.run(
          crypto.randomUUID(),
          origin,
          (seq += 1),
          now,
          now,
          itemId,
          `2026-${String(month).padStart(2, '0')}-28`,
          '王书记员',
          `${month} 月已按计划推进`,
          Math.min(100, month * 8),
        );
      }
    }
    sqlite.prepare('UPDATE change_counter SET value = ? WHERE id = 1').run(seq);
  })();
  return items * (1 + notesPerItem);
}

/** Temporary files an operation left in the data folder (sync/tmp) or its journal folder: none
 * once it has finished, however it finished. */
export function leftoverTemps(dataDir: string): string[] {
  const list = (dir: string) =>
    fs.existsSync(dir) ? fs.readdirSync(dir).map((name) => path.join(path.basename(dir), name)) : [];
  return [...list(path.join(dataDir, 'sync', 'tmp')), ...list(path.join(dataDir, 'journal'))];
}

/** The refusal a call ends in (it must be refused, with a Chinese message). */
export async function refusalOf(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught as { code: string; message: string },
  );
  expect(error, 'should be refused').not.toBeNull();
  expect(error!.message).toMatch(/[\u4e00-\u9fa5]/);
  return error!;
}

/**
 * Every file a publication wrote that `code` imports: the broadcast package, and the sealed ones
 * addressed to it or to a court below it (it is on their path; test court codes nest: J23 → J2302 → J230201).
 */
function packagesFor(published: { filePath: string }, code: string): string[] {
  const sealed = (published as { packages?: Array<{ filePath: string; target: { code: string } }> }).packages ?? [];
  const files = [published.filePath];
  for (const pkg of sealed) {
    if (pkg.target.code.startsWith(code) && !files.includes(pkg.filePath)) files.push(pkg.filePath);
  }
  return files;
}

/** The superior publishes the campaign and the subordinate imports what is for it (trusting the superior). */
export async function passDown(from: SyncCourt, to: SyncCourt, toCode: string, campaignId: string, folder: string) {
  const published = await publishCampaign(from.ctx, { campaignId, folder });
  const trust = [await courtFingerprint(from.ctx)];
  for (const file of packagesFor(published, toCode)) await importBundle(to.ctx, { file, dryRun: false, trust });
}

/** Three levels with the high court's campaign (one mandatory item, 开展庭审观摩活动) passed down
 * to the intermediate court and from there to the basic court. */
export async function threeLevels(open: Harness[]) {
  const folder = outFolder();
  const high = await openEngineCourt(HIGH, open);
  const middle = await openEngineCourt(INTERMEDIATE, open);
  const basic = await openEngineCourt(BASIC, open);
  const campaign = await high.h.ok('campaigns.create', { title: '能力作风建设年', year: 2026 });
  await high.h.ok('items.create', { campaignId: campaign.id, title: '开展庭审观摩活动', kind: 'mandatory' });
  await passDown(high, middle, INTERMEDIATE.code, campaign.id, folder);
  await passDown(middle, basic, BASIC.code, campaign.id, folder);
  return { folder, high, middle, basic, campaign };
}

/** The subordinate reports up and the superior imports it (trusting it and taking it onto the roster). */
export async function reportUp(from: SyncCourt, to: SyncCourt, fromCode: string, folder: string) {
  const up = await exportReportUp(from.ctx, { folder, full: false });
  const trust = [await courtFingerprint(from.ctx)];
  await importBundle(to.ctx, { file: up.filePath, dryRun: false, trust, addToRoster: [fromCode] });
}
