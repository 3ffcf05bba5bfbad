// What the sync screens show: this court's sync state, the courts it trusts, its subordinates'
// bundle ages and gaps. Read-only except removing a trusted court.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import dayjs from 'dayjs';
import type { Selectable } from 'kysely';
import type { RelayableCampaign, SubordinateCourt, SyncOverview, TrustedCourt } from '../../shared/model';
import type { ServiceContext } from '../api/context';
import type { SyncCourtsTable } from '../data/schema';
import { writeTransaction } from '../data/transactions';
import { ApiError } from '../api/errors';
import { auditAccess } from '../access/accounts';
import { requireProfile } from '../court/courtProfile';
import { ensureCourtKeys } from './courtKeys';
import { SYNC_TABLES, syncTableKey } from './syncTables';
import { readHistory } from './syncHistory';
import { actorLabel } from './syncFiles';
import { nextSeq } from './outbox';
import { restartCourtStream } from './bundleTrust';

type CourtRow = Selectable<SyncCourtsTable>;

function toTrusted(row: CourtRow): TrustedCourt {
  return {
    code: row.code,
    name: row.name,
    level: row.level,
    parentCode: row.parentCode,
    relation: row.relation,
    fingerprint: row.fingerprint,
    trustedAt: row.trustedAt,
    trustedBy: row.trustedBy,
    vouchedBy: row.vouchedBy ?? null,
    lastSeq: row.lastSeq,
    lastBundleAt: row.lastBundleAt ?? null,
    lastImportedAt: row.lastImportedAt ?? null,
    auditAlert: row.auditAlert ?? null,
  };
}

/** Folders that look like removable drives on Windows, UOS/Kylin/Debian and macOS. */
export function detectDrives(): { path: string; label: string }[] {
  const found: { path: string; label: string }[] = [];
  if (process.platform === 'win32') {
    for (const letter of 'DEFGHIJKLMNOPQRSTUVWXYZ') {
      const root = `${letter}:\\`;
      if (fs.existsSync(root)) found.push({ path: root, label: `${letter} 盘` });
    }
    return found;
  }
  const user = os.userInfo().username;
  for (const base of [`/media/${user}`, `/run/media/${user}`, '/media', '/Volumes']) {
    let names: string[] = [];
    try {
      names = fs.readdirSync(base);
    } catch {
      continue;
    }
    for (const name of names) {
      const full = path.join(base, name);
      if (name === user || found.some((drive) => drive.path === full)) continue;
      try {
        if (fs.statSync(full).isDirectory()) found.push({ path: full, label: name });
      } catch {
        // A drive pulled out while we looked.
      }
    }
  }
  return found;
}

/** The folder a person last wrote a bundle to (上报, 下发, 转发): a setting of this computer only. */
const LAST_FOLDER_KEY = 'sync.lastExportFolder';

/** Where bundles go when no folder was chosen yet: a folder people find in the file manager
 * (文档/专项活动同步包, or in the home folder when there is no Documents), never the
 * application's data folder. */
export function defaultExportFolder(): string {
  const home = os.homedir();
  const documents = path.join(home, 'Documents');
  return path.join(fs.existsSync(documents) ? documents : home, '专项活动同步包');
}

/** The folder the export screens offer: the one last chosen while it still exists, else the default. */
export async function offeredExportFolder(ctx: ServiceContext): Promise<string> {
  const row = await ctx.db.selectFrom('settings').select('value').where('key', '=', LAST_FOLDER_KEY).executeTakeFirst();
  const last = row?.value ?? '';
  return last && fs.existsSync(last) ? last : defaultExportFolder();
}

/** Remembers the folder a person chose, offered next time for export, publish and relay. */
export async function rememberExportFolder(ctx: ServiceContext, folder: string): Promise<void> {
  await ctx.db
    .insertInto('settings')
    .values({ key: LAST_FOLDER_KEY, value: folder })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: folder }))
    .execute();
}

export async function syncOverview(ctx: ServiceContext): Promise<SyncOverview> {
  const profile = await requireProfile(ctx);
  const keys = await ensureCourtKeys(ctx);
  const db = ctx.db;
  const parentRow = profile.parentCode
    ? await db
        .selectFrom('syncCourts')
        .selectAll()
        .where('code', '=', profile.parentCode)
        .where('relation', '=', 'superior')
        .executeTakeFirst()
    : undefined;
  const last = profile.parentCode
    ? await db
        .selectFrom('syncOutbox')
        .select(['seq', 'createdAt', 'fileName', 'full', 'throughChangeSeq'])
        .where('targetCode', '=', profile.parentCode)
        .where('state', '=', 'done')
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst()
    : undefined;
  const since = last?.throughChangeSeq ?? 0;
  let pendingChanges = 0;
  for (const table of SYNC_TABLES) {
    const counted = await db
      .selectFrom(syncTableKey(table.name))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('origin', '=', profile.code)
      .where('changeSeq', '>', since)
      .executeTakeFirstOrThrow();
    pendingChanges += counted.n;
  }
  const { pendingRelays } = await db
    .selectFrom('syncReceived')
    .select((eb) => eb.fn.countAll<number>().as('pendingRelays'))
    .where('kind', '=', 'report_up')
    .where('targetCode', '=', profile.code)
    .where('forwardedSeq', 'is', null)
    .executeTakeFirstOrThrow();
  const folder = await offeredExportFolder(ctx);
  return {
    court: {
      code: profile.code,
      name: profile.name,
      level: profile.level,
      parentCode: profile.parentCode,
      parentName: profile.parentName,
    },
    fingerprint: keys.fingerprint,
    parent: parentRow ? toTrusted(parentRow) : null,
    nextSeq: profile.parentCode ? (await nextSeq(db, profile.parentCode)).seq : 1,
    lastExport: last ? { seq: last.seq, at: last.createdAt, fileName: last.fileName, full: last.full === 1 } : null,
    pendingChanges,
    pendingRelays,
    defaultFolder: folder,
    drives: detectDrives(),
    relayable: await relayableCampaigns(ctx, profile),
  };
}

export async function trustedCourts(ctx: ServiceContext): Promise<TrustedCourt[]> {
  const rows = await ctx.db
    .selectFrom('syncCourts')
    .selectAll()
    .where('signKey', '!=', '')
    .orderBy((eb) =>
      eb.case().when('relation', '=', 'superior').then(0).when('relation', '=', 'subordinate').then(1).else(2).end(),
    )
    .orderBy('code')
    .execute();
  return rows.map(toTrusted);
}

/** Forgets a court's key (e.g. it reinstalled): its next bundle asks for the fingerprint again.
 * Its rows stay; the audit log records who removed the trust. */
export async function untrustCourt(ctx: ServiceContext, code: string): Promise<{ code: string }> {
  const row = await ctx.db
    .selectFrom('syncCourts')
    .select(['fingerprint', 'name'])
    .where('code', '=', code)
    .where('signKey', '!=', '')
    .executeTakeFirst();
  if (!row) throw new ApiError('E_NOT_FOUND', `本院没有信任 ${code} 的密钥。`);
  // A reinstalled court numbers its bundles from 1 again. Starting its sequence over is safe: old
  // bundles were signed with the key being forgotten and will not verify against the new one.
  await writeTransaction(ctx.db, async (trx) => {
    await trx
      .updateTable('syncCourts')
      .set({ signKey: '', boxKey: '', fingerprint: '' })
      .where('code', '=', code)
      .execute();
    await restartCourtStream(trx, code);
  });
  await auditAccess(ctx, {
    actor: actorLabel(ctx),
    operation: 'untrust',
    tableName: 'courts',
    rowId: code,
    after: { removedFingerprint: row.fingerprint, name: row.name },
  });
  return { code };
}

export async function subordinateCourts(ctx: ServiceContext): Promise<SubordinateCourt[]> {
  const rows = await ctx.db
    .selectFrom('syncCourts')
    .selectAll()
    .where('relation', 'in', ['subordinate', 'relayed'])
    .orderBy('code')
    .execute();
  const counted = await ctx.db
    .selectFrom('items')
    .select((eb) => ['origin', eb.fn.countAll<number>().as('n')])
    .where('deletedAt', 'is', null)
    .groupBy('origin')
    .execute();
  const itemCounts = new Map(counted.map((row) => [row.origin, row.n]));
  const gaps = readHistory(ctx.dataDir).filter((entry) => entry.code === 'E_GAP');
  const now = dayjs(ctx.now());
  return rows.map((row) => {
    const lastSeq = row.lastSeq;
    const gap = gaps.some((entry) => entry.courtCode === row.code && (entry.seq ?? 0) > lastSeq + 1);
    const lastBundleAt = row.lastBundleAt ?? null;
    return {
      code: row.code,
      name: row.name,
      level: row.level,
      parentCode: row.parentCode,
      via: row.vouchedBy ?? null,
      lastSeq,
      lastBundleAt,
      lastImportedAt: row.lastImportedAt ?? null,
      ageDays: lastBundleAt ? Math.max(0, now.diff(dayjs(lastBundleAt), 'day')) : null,
      missingSeq: gap ? lastSeq + 1 : null,
      itemCount: itemCounts.get(row.code) ?? 0,
      auditAlert: row.auditAlert ? { message: row.auditAlert, at: row.auditAlertAt as string } : null,
    };
  });
}

/**
 * Superior campaigns this court can pass down: a court with subordinates (not a basic court) that
 * holds a superior's broadcast package of a campaign still here. For each, the newest package held,
 * this court's last pass-down and whether a newer superior package arrived since.
 */
async function relayableCampaigns(ctx: ServiceContext, profile: { level: string }): Promise<RelayableCampaign[]> {
  if (profile.level === 'basic') return [];
  const received = await ctx.db
    .selectFrom('syncReceived as r')
    .innerJoin('campaigns as c', 'c.id', 'r.campaignId')
    .select([
      'r.id',
      'r.sourceCode',
      'r.seq',
      'r.receivedAt',
      'r.bundleCreatedAt',
      'r.campaignId',
      'r.forwardedSeq',
      'c.title',
      'c.origin',
    ])
    .where('r.kind', '=', 'package_down')
    .where('r.targetCode', '=', '*')
    .where('r.relayedBy', 'is', null)
    .where('c.deletedAt', 'is', null)
    .whereRef('r.sourceCode', '=', 'c.origin')
    .orderBy('r.seq', 'desc')
    .execute();
  // Broadcast packages only ('*'): a package sealed to this court is never passed down.
  const newest = new Map<string, (typeof received)[number]>();
  for (const row of received) if (!newest.has(row.campaignId as string)) newest.set(row.campaignId as string, row);
  const names = new Map(
    (await ctx.db.selectFrom('syncCourts').select(['code', 'name']).execute()).map((row) => [row.code, row.name]),
  );
  // This court's last pass-down of each campaign: one read for all of them, newest first.
  const lastPassed = new Map<string, { seq: number; createdAt: string }>();
  if (newest.size > 0) {
    const passed = await ctx.db
      .selectFrom('syncOutbox')
      .select(['campaignId', 'seq', 'createdAt'])
      .where('targetCode', '=', '*')
      .where('kind', '=', 'package_down')
      .where('campaignId', 'in', [...newest.keys()])
      .where('state', '=', 'done')
      .orderBy('seq', 'desc')
      .execute();
    for (const row of passed)
      if (!lastPassed.has(row.campaignId as string)) lastPassed.set(row.campaignId as string, row);
  }
  const result: RelayableCampaign[] = [];
  for (const [campaignId, row] of newest) {
    const last = lastPassed.get(campaignId);
    // The newest superior package a pass-down of this court carried (marked when it was written).
    const carried = received
      .filter((item) => item.campaignId === campaignId && item.forwardedSeq !== null)
      .reduce<number | null>((max, item) => (max === null || item.seq > max ? item.seq : max), null);
    result.push({
      campaignId,
      title: row.title,
      superior: { code: row.sourceCode, name: names.get(row.sourceCode) ?? row.sourceCode },
      superiorSeq: row.seq,
      superiorCreatedAt: row.bundleCreatedAt ?? null,
      receivedAt: row.receivedAt,
      lastPassedDown: last ? { seq: last.seq, at: last.createdAt, superiorSeq: carried } : null,
      newerSincePassedDown: !last || carried === null || carried < row.seq,
    });
  }
  return result.sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
}
