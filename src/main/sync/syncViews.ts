// What the sync screens show: this court's sync state, the courts it trusts, its subordinates'
// bundle ages and gaps. Read-only except removing a trusted court.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import dayjs from 'dayjs';
import type { SubordinateCourt, SyncOverview, TrustedCourt } from '../../shared/model';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { auditAccess } from '../access/accounts';
import { requireProfile } from '../court/courtProfile';
import { ensureCourtKeys } from './courtKeys';
import { SYNC_TABLES } from './syncTables';
import { readHistory } from './syncHistory';
import { actorLabel } from './syncFiles';
import { nextSeq } from './outbox';
import { restartCourtStream } from './bundleTrust';

type Row = Record<string, unknown>;

function toTrusted(row: Row): TrustedCourt {
  return {
    code: row.code as string,
    name: row.name as string,
    level: row.level as string,
    parentCode: row.parent_code as string,
    relation: row.relation as TrustedCourt['relation'],
    fingerprint: row.fingerprint as string,
    trustedAt: row.trusted_at as string,
    trustedBy: row.trusted_by as string,
    vouchedBy: (row.vouched_by as string | null) ?? null,
    lastSeq: row.last_seq as number,
    lastBundleAt: (row.last_bundle_at as string | null) ?? null,
    lastImportedAt: (row.last_imported_at as string | null) ?? null,
    auditAlert: (row.audit_alert as string | null) ?? null,
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

export function defaultExportFolder(ctx: ServiceContext): string {
  return path.join(ctx.dataDir, 'exports');
}

export async function syncOverview(ctx: ServiceContext): Promise<SyncOverview> {
  const profile = await requireProfile(ctx);
  const keys = await ensureCourtKeys(ctx);
  const sqlite = ctx.sqlite;
  const parentRow = profile.parentCode
    ? (sqlite.prepare("SELECT * FROM sync_courts WHERE code = ? AND relation = 'superior'").get(profile.parentCode) as
        Row | undefined)
    : undefined;
  const last = profile.parentCode
    ? (sqlite
        .prepare(
          "SELECT seq, created_at, file_name, full, through_change_seq FROM sync_outbox WHERE target_code = ? AND state = 'done' ORDER BY seq DESC LIMIT 1",
        )
        .get(profile.parentCode) as Row | undefined)
    : undefined;
  const since = (last?.through_change_seq as number | undefined) ?? 0;
  const pendingChanges = SYNC_TABLES.reduce(
    (sum, table) =>
      sum +
      (
        sqlite
          .prepare(`SELECT count(*) AS n FROM ${table.name} WHERE origin = ? AND change_seq > ?`)
          .get(profile.code, since) as { n: number }
      ).n,
    0,
  );
  const pendingRelays = (
    sqlite
      .prepare(
        "SELECT count(*) AS n FROM sync_received WHERE kind = 'report_up' AND target_code = ? AND forwarded_seq IS NULL",
      )
      .get(profile.code) as { n: number }
  ).n;
  const folder = defaultExportFolder(ctx);
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
    nextSeq: profile.parentCode ? nextSeq(ctx, profile.parentCode).seq : 1,
    lastExport: last
      ? {
          seq: last.seq as number,
          at: last.created_at as string,
          fileName: last.file_name as string,
          full: last.full === 1,
        }
      : null,
    pendingChanges,
    pendingRelays,
    defaultFolder: folder,
    drives: detectDrives(),
  };
}

export async function trustedCourts(ctx: ServiceContext): Promise<TrustedCourt[]> {
  const rows = ctx.sqlite
    .prepare(
      "SELECT * FROM sync_courts WHERE sign_key != '' ORDER BY CASE relation WHEN 'superior' THEN 0 WHEN 'subordinate' THEN 1 ELSE 2 END, code",
    )
    .all() as Row[];
  return rows.map(toTrusted);
}

/** Forgets a court's key (e.g. it reinstalled): its next bundle asks for the fingerprint again.
 * Its rows stay; the audit log records who removed the trust. */
export async function untrustCourt(ctx: ServiceContext, code: string): Promise<{ code: string }> {
  const row = ctx.sqlite.prepare("SELECT * FROM sync_courts WHERE code = ? AND sign_key != ''").get(code) as
    Row | undefined;
  if (!row) throw new ApiError('E_NOT_FOUND', `本院没有信任 ${code} 的密钥。`);
  // A reinstalled court numbers its bundles from 1 again. Starting its sequence over is safe: old
  // bundles were signed with the key being forgotten and will not verify against the new one.
  ctx.sqlite.transaction(() => {
    ctx.sqlite.prepare("UPDATE sync_courts SET sign_key = '', box_key = '', fingerprint = '' WHERE code = ?").run(code);
    restartCourtStream(ctx.sqlite, code);
  })();
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
  const rows = ctx.sqlite
    .prepare("SELECT * FROM sync_courts WHERE relation IN ('subordinate', 'relayed') ORDER BY code")
    .all() as Row[];
  const itemCounts = new Map(
    (
      ctx.sqlite.prepare('SELECT origin, count(*) AS n FROM items WHERE deleted_at IS NULL GROUP BY origin').all() as {
        origin: string;
        n: number;
      }[]
    ).map((row) => [row.origin, row.n]),
  );
  const gaps = readHistory(ctx.dataDir).filter((entry) => entry.code === 'E_GAP');
  const now = dayjs(ctx.now());
  return rows.map((row) => {
    const lastSeq = row.last_seq as number;
    const gap = gaps.some((entry) => entry.courtCode === row.code && (entry.seq ?? 0) > lastSeq + 1);
    const lastBundleAt = (row.last_bundle_at as string | null) ?? null;
    return {
      code: row.code as string,
      name: row.name as string,
      level: row.level as string,
      parentCode: row.parent_code as string,
      via: (row.vouched_by as string | null) ?? null,
      lastSeq,
      lastBundleAt,
      lastImportedAt: (row.last_imported_at as string | null) ?? null,
      ageDays: lastBundleAt ? Math.max(0, now.diff(dayjs(lastBundleAt), 'day')) : null,
      missingSeq: gap ? lastSeq + 1 : null,
      itemCount: itemCounts.get(row.code as string) ?? 0,
      auditAlert: row.audit_alert ? { message: row.audit_alert as string, at: row.audit_alert_at as string } : null,
    };
  });
}
