// 恢复包: a court that lost its data folder is rebuilt from what its parent court holds. The
// reinstalled court makes new keys and writes a 恢复申请; the parent (fingerprint checked by phone)
// writes a 恢复包 sealed to the new key and, in the same transaction, retires the old key (an
// append-only record and an audit entry); the reinstalled court imports it in one transaction and
// continues its report sequence and its audit chain (from an anchor: the head the parent witnessed),
// so its next report up is neither a gap nor a replay. SQL on the raw connection inside the
// transactions, like the sync import (the bulk path).
import fs from 'node:fs';
import path from 'node:path';
import dayjs from 'dayjs';
import { v7 as uuidv7 } from 'uuid';
import type BetterSqlite3 from 'better-sqlite3';
import type {
  PendingRecovery,
  RecoveryImportResult,
  RecoveryPackageFile,
  RecoveryPreview,
  RecoveryRequestFile,
  RecoveryRequestView,
} from '../../shared/recovery/recoveryModel';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { AuditAppender } from '../audit/auditLog';
import { getProfile, LOCAL_COURT_KEY, requireProfile, superiorCourtCodes, timestamp } from '../court/courtProfile';
import { checkSyncRow } from '../data/rowSchemas';
import { readTransaction, writeTransaction } from '../data/transactions';
import { BlobWriter, blobPath } from '../evidence/blobStore';
import { ensureCourtKeys } from '../sync/courtKeys';
import { decryptFile, encryptFile, readEnvelopeHeader, sniffBundle } from '../sync/format/envelope';
import { fingerprintOf, formatFingerprint, normalizeFingerprint } from '../sync/format/keys';
import { DEFAULT_LIMITS } from '../sync/format/limits';
import { EVIDENCE_COLUMNS, SYNC_TABLES } from '../sync/syncTables';
import { actorLabel, tempPath } from '../sync/syncFiles';
import {
  extractBlob,
  openPlainPackage,
  PACKAGE_EXTENSION,
  readRequestFile,
  requestFingerprint,
  REQUEST_EXTENSION,
  signRequest,
  writePlainPackage,
  type CourtCardWithState,
  type OpenedPackage,
  type PackageBlob,
  type RecoveryManifest,
  type RecoveryRequest,
} from './recoveryFormat';

type Row = Record<string, unknown>;
const PENDING_KEY = 'recovery_request';
export const AUDIT_ANCHOR_KEY = 'audit_anchor';
const AUDIT_HEAD_KEY = 'audit_head';

/** What a package down to the court carries from the courts above it, per table: definitions of
 * the campaigns it works on, notices, notes and orders on it, the roster. `campaign`: only rows of
 * those campaigns; `court`: only rows about the court or a court under it. */
const FROM_ABOVE: Record<string, { campaign?: 'id' | 'campaign_id'; court?: boolean; extra?: string }> = {
  courts: {},
  departments: {},
  roster_courts: {},
  campaigns: { campaign: 'id' },
  sections: { campaign: 'campaign_id' },
  items: { campaign: 'campaign_id', extra: "AND kind = 'mandatory'" },
  problem_aspects: { campaign: 'campaign_id' },
  problems: { campaign: 'campaign_id' },
  indicators: { campaign: 'campaign_id' },
  notices: { campaign: 'campaign_id', extra: "AND status = 'issued'" },
  supervision_notes: { campaign: 'campaign_id', court: true },
  supervision_orders: { campaign: 'campaign_id', court: true },
};

const safeName = (text: string) => text.replace(/[\\/:*?"<>|\s]+/g, '').slice(0, 40);

function checkFolder(folder: string): string {
  const resolved = path.resolve(folder);
  if (!fs.existsSync(resolved) || !fs.statSync(resolved).isDirectory()) {
    throw new ApiError('E_NO_FOLDER', `找不到文件夹“${folder}”，请确认 U 盘已插好或重新选择。`);
  }
  return resolved;
}

/** The reinstalled court's steps run only before a court is set up here. */
export async function refuseWhenSetUp(ctx: ServiceContext): Promise<void> {
  if (await getProfile(ctx)) {
    throw new ApiError(
      'E_ALREADY_SET_UP',
      '本机已经设置了法院，不能再用恢复包重建。恢复包只用于重装后尚未设置法院的电脑。',
    );
  }
}

// ——— The reinstalled court ———

export async function pendingRecovery(ctx: ServiceContext): Promise<PendingRecovery | null> {
  if (await getProfile(ctx)) return null;
  const row = await ctx.db.selectFrom('settings').select('value').where('key', '=', PENDING_KEY).executeTakeFirst();
  return row ? (JSON.parse(row.value) as PendingRecovery) : null;
}

export async function requestRecovery(
  ctx: ServiceContext,
  input: { courtCode: string; courtName: string; folder: string },
): Promise<RecoveryRequestFile> {
  await refuseWhenSetUp(ctx);
  const folder = checkFolder(input.folder);
  const keys = await ensureCourtKeys(ctx);
  const requestedAt = ctx.now().toISOString();
  const request = signRequest(
    {
      courtCode: input.courtCode,
      courtName: input.courtName,
      signKey: keys.signPublic,
      boxKey: keys.boxPublic,
      requestedAt,
    },
    keys.signPrivate,
  );
  const fileName = `${input.courtCode}_${safeName(input.courtName)}_恢复申请_${dayjs(ctx.now()).format('YYYYMMDD')}${REQUEST_EXTENSION}`;
  const file = path.join(folder, fileName);
  const temp = `${file}.part`;
  try {
    fs.writeFileSync(temp, JSON.stringify(request, null, 2));
    fs.renameSync(temp, file);
  } catch {
    fs.rmSync(temp, { force: true });
    throw new ApiError('E_SAVE', `无法把恢复申请写入“${input.folder}”，请检查 U 盘是否写保护或空间不足。`);
  }
  const pending: PendingRecovery = {
    courtCode: input.courtCode,
    courtName: input.courtName,
    fingerprint: keys.fingerprint,
    requestedAt,
  };
  await ctx.db
    .insertInto('settings')
    .values({ key: PENDING_KEY, value: JSON.stringify(pending) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(pending) }))
    .execute();
  return { fileName, path: file, ...pending };
}

/** Decrypts with this computer's (new) key and checks the parent's signature and the addressee. */
async function openPackage(ctx: ServiceContext, file: string): Promise<{ opened: OpenedPackage; cleanup: () => void }> {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile())
    throw new ApiError('E_NOT_FOUND', '找不到要导入的恢复包文件。');
  const notPackage = new ApiError(
    'E_NOT_RECOVERY',
    '这个文件不是恢复包（恢复包由上级法院为本院制作，文件名以 .dtrec 结尾）。没有导入任何内容。',
  );
  if ((await sniffBundle(file)) !== 'envelope') throw notPackage;
  const header = await readEnvelopeHeader(file);
  if (header.kind !== 'recovery') throw notPackage;
  const keys = await ensureCourtKeys(ctx);
  if (normalizeFingerprint(header.recipientFingerprint) !== normalizeFingerprint(keys.fingerprint)) {
    throw new ApiError(
      'E_WRONG_KEY',
      `这个恢复包是${header.source.name}为另一台电脑（另一把密钥）制作的，本机无法打开。请确认使用的是本机生成恢复申请后上级法院制作的恢复包。没有导入任何内容。`,
    );
  }
  const plain = tempPath(ctx.dataDir, 'recovery-plain');
  const cleanup = () => fs.rmSync(plain, { force: true });
  try {
    await decryptFile(
      file,
      plain,
      { boxPublic: keys.boxPublic, boxPrivate: keys.boxPrivate, fingerprint: keys.fingerprint },
      DEFAULT_LIMITS.maxTotalBytes,
    );
    const opened = openPlainPackage(plain, ctx.schemaVersion);
    const target = opened.manifest.target;
    if (target.signKey !== keys.signPublic || target.boxKey !== keys.boxPublic) {
      throw new ApiError('E_WRONG_KEY', '这个恢复包不是为本机的新密钥制作的，不能导入。没有导入任何内容。');
    }
    return { opened, cleanup };
  } catch (error) {
    cleanup();
    if (error instanceof ApiError && ['E_TAMPERED', 'E_TRUNCATED', 'E_CORRUPT'].includes(error.code)) {
      throw new ApiError(
        error.code,
        '恢复包的内容与制作时不一致（文件不完整、损坏或被改动），已拒绝导入。请重新复制，或请上级法院重新制作。没有导入任何内容。',
      );
    }
    throw error;
  }
}

function previewOf(manifest: RecoveryManifest): RecoveryPreview {
  return {
    court: {
      code: manifest.target.code,
      name: manifest.target.name,
      level: manifest.target.level,
      parentCode: manifest.target.parentCode,
      parentName: manifest.target.parentName,
    },
    parent: {
      code: manifest.source.code,
      name: manifest.source.name,
      fingerprint: fingerprintOf(manifest.source.signKey, manifest.source.boxKey),
    },
    rows: manifest.counts.rows,
    files: manifest.counts.files,
    campaigns: manifest.campaigns,
    lastSeq: manifest.sequence.lastSeq,
    createdAt: manifest.createdAt,
  };
}

export async function previewRecovery(ctx: ServiceContext, file: string): Promise<RecoveryPreview> {
  await refuseWhenSetUp(ctx);
  const { opened, cleanup } = await openPackage(ctx, file);
  try {
    return previewOf(opened.manifest);
  } finally {
    cleanup();
  }
}

/** Rows in an order their references are met: sections parents first. */
function orderedRows(table: string, rows: Row[]): Row[] {
  if (table !== 'sections') return rows;
  const result: Row[] = [];
  const placed = new Set<unknown>();
  const ids = new Set(rows.map((row) => row.id));
  let pending = rows;
  while (pending.length) {
    const ready = pending.filter(
      (row) => row.parent_id === null || !ids.has(row.parent_id) || placed.has(row.parent_id),
    );
    const next = ready.length ? ready : pending;
    for (const row of next) {
      result.push(row);
      placed.add(row.id);
    }
    pending = pending.filter((row) => !next.includes(row));
  }
  return result;
}

export async function importRecovery(
  ctx: ServiceContext,
  file: string,
  parentFingerprint: string,
): Promise<RecoveryImportResult> {
  await refuseWhenSetUp(ctx);
  const { opened, cleanup } = await openPackage(ctx, file);
  const placedBundles: string[] = [];
  const blobs = new BlobWriter(ctx.dataDir);
  try {
    const manifest = opened.manifest;
    const parentFp = fingerprintOf(manifest.source.signKey, manifest.source.boxKey);
    if (normalizeFingerprint(parentFingerprint) !== normalizeFingerprint(parentFp)) {
      throw new ApiError(
        'E_FINGERPRINT',
        `您输入的上级法院指纹与恢复包签名者（${manifest.source.name}）的指纹不一致，可能不是上级法院制作的恢复包，没有导入任何内容。请再次电话核对。`,
      );
    }
    const now = timestamp(ctx);
    const target = manifest.target;
    // Evidence and kept bundles durable in their final place before the rows commit.
    for (const [index, blob] of manifest.blobs.entries()) {
      if (blob.kind === 'file') {
        await blobs.place(blob.sha256, blob.size, (temp) => extractBlob(opened, index, temp));
      } else if (blob.bundle) {
        const own = blob.bundle.sourceCode === target.code;
        const relative = path.join(
          'sync',
          own ? 'recovered' : 'received',
          blob.bundle.sourceCode,
          `report_up-${blob.bundle.seq}-${blob.sha256.slice(0, 16)}.zip`,
        );
        const dest = path.join(ctx.dataDir, relative);
        fs.mkdirSync(path.dirname(dest), { recursive: true });
        extractBlob(opened, index, `${dest}.part`);
        fs.renameSync(`${dest}.part`, dest);
        placedBundles.push(dest);
        (blob as PackageBlob & { relative?: string }).relative = relative;
      }
    }
    const sqlite = ctx.sqlite;
    const result = await writeTransaction(ctx.db, async (trx) => {
      if (sqlite.prepare('SELECT 1 FROM settings WHERE key = ?').get(LOCAL_COURT_KEY)) {
        throw new ApiError('E_ALREADY_SET_UP', '本机已经设置了法院，不能再用恢复包重建。');
      }
      // The files first: evidence rows cite them.
      for (const blob of manifest.blobs) {
        if (blob.kind === 'file')
          sqlite
            .prepare('INSERT OR IGNORE INTO evidence_blobs (sha256, size, created_at) VALUES (?, ?, ?)')
            .run(blob.sha256, blob.size, now);
      }
      let maxChange = manifest.sequence.lastChangeThrough;
      let rows = 0;
      const localColumns = (table: string) =>
        new Set(
          (sqlite.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).map((c) => c.name),
        );
      for (const table of SYNC_TABLES) {
        const list = manifest.rows[table.name];
        if (!list?.length) continue;
        const allowed = localColumns(table.name);
        const statements = new Map<string, BetterSqlite3.Statement>();
        for (const row of orderedRows(table.name, list)) {
          const problem = checkSyncRow(table.name, row);
          if (problem) {
            throw new ApiError(
              'E_CORRUPT',
              `恢复包中有一条数据不符合数据规则（${problem.problem}），没有导入任何内容。`,
            );
          }
          const names = Object.keys(row).filter((name) => allowed.has(name));
          const key = names.join(',');
          let statement = statements.get(key);
          if (!statement) {
            statement = sqlite.prepare(
              `INSERT INTO ${table.name} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')}) ON CONFLICT (id) DO NOTHING`,
            );
            statements.set(key, statement);
          }
          try {
            statement.run(...names.map((name) => row[name] as never));
          } catch {
            throw new ApiError(
              'E_CORRUPT',
              '恢复包中的数据无法写入本机数据库（引用缺失或不符合数据规则），没有导入任何内容。',
            );
          }
          if (typeof row.change_seq === 'number' && row.change_seq > maxChange) maxChange = row.change_seq;
          rows += 1;
        }
      }
      const ownCourt = sqlite
        .prepare('SELECT 1 FROM courts WHERE code = ? AND origin = ?')
        .get(target.code, target.code);
      if (!ownCourt) {
        maxChange += 1;
        sqlite
          .prepare(
            'INSERT INTO courts (id, origin, version, change_seq, created_at, updated_at, code, name, level, parent_code, parent_name) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?)',
          )
          .run(
            uuidv7(),
            target.code,
            maxChange,
            now,
            now,
            target.code,
            target.name,
            target.level,
            target.parentCode || null,
            target.parentName || null,
          );
      }
      // Its change counter above everything imported: the next report continues from lastChangeThrough.
      sqlite.prepare('UPDATE change_counter SET value = max(value, ?) WHERE id = 1').run(maxChange);
      const setting = sqlite.prepare(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      );
      setting.run(LOCAL_COURT_KEY, target.code);
      setting.run('operator_name', '');
      // Trust: the parent (its fingerprint compared by a person), the courts under this one (vouched by the parent).
      const trust = sqlite.prepare(
        `INSERT INTO sync_courts (code, name, level, parent_code, sign_key, box_key, fingerprint, relation, trusted_at, trusted_by, vouched_by, last_seq, last_change_through, last_bundle_at, audit_count, audit_hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (code) DO NOTHING`,
      );
      const source = manifest.source;
      trust.run(
        source.code,
        source.name,
        source.level,
        source.parentCode,
        source.signKey,
        source.boxKey,
        parentFp,
        'superior',
        now,
        '恢复包导入时电话核对指纹',
        null,
        0,
        null,
        null,
        null,
        null,
      );
      for (const court of manifest.courts) {
        trust.run(
          court.code,
          court.name,
          court.level,
          court.parentCode,
          court.signKey,
          court.boxKey,
          fingerprintOf(court.signKey, court.boxKey),
          court.parentCode === target.code ? 'subordinate' : 'relayed',
          now,
          `经${source.name}恢复包担保`,
          source.code,
          court.lastSeq,
          court.lastChangeThrough,
          court.lastBundleAt,
          court.auditCount,
          court.auditHash,
        );
      }
      // Its report stream to the parent continues: the last report the parent holds is recorded as done.
      const { lastSeq, lastChangeThrough, auditCount, auditHash } = manifest.sequence;
      if (lastSeq > 0) {
        sqlite
          .prepare(
            `INSERT INTO sync_outbox (target_code, seq, kind, full, through_change_seq, campaign_id, file_name, sha256, created_at, state, file_path, change_from, audit_count, audit_hash)
             VALUES (?, ?, 'report_up', 0, ?, NULL, ?, '', ?, 'done', NULL, NULL, ?, ?)`,
          )
          .run(
            source.code,
            lastSeq,
            lastChangeThrough,
            '（恢复包：上级法院所存的最后一个上报包）',
            manifest.createdAt,
            auditCount,
            auditHash,
          );
      }
      // Subordinates' bundles it had received: kept and marked as already passed on.
      for (const blob of manifest.blobs) {
        const info = blob.bundle;
        if (blob.kind !== 'bundle' || !info || info.sourceCode === target.code) continue;
        sqlite
          .prepare(
            `INSERT OR IGNORE INTO sync_received (id, source_code, target_code, kind, seq, full, campaign_id, sha256, size, file_path, relayed_by, received_at, forwarded_seq, bundle_created_at)
             VALUES (?, ?, ?, 'report_up', ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)`,
          )
          .run(
            uuidv7(),
            info.sourceCode,
            info.targetCode,
            info.seq,
            info.full ? 1 : 0,
            info.campaignId,
            blob.sha256,
            blob.size,
            (blob as PackageBlob & { relative?: string }).relative ?? '',
            now,
            Math.max(lastSeq, 1),
            info.createdAt,
          );
      }
      // The audit log continues from the head the parent witnessed (an anchor, not a fault).
      if (auditCount !== null && auditHash !== null && auditCount > 0) {
        setting.run(AUDIT_ANCHOR_KEY, JSON.stringify({ seq: auditCount, hash: auditHash, at: now, from: source.code }));
        setting.run(AUDIT_HEAD_KEY, JSON.stringify({ seq: auditCount, hash: auditHash }));
      }
      sqlite.prepare('DELETE FROM settings WHERE key = ?').run(PENDING_KEY);
      const audit = AuditAppender.for(trx);
      await audit.append({
        at: now,
        actor: '恢复包导入',
        court: target.code,
        operation: 'recovery-import',
        tableName: 'courts',
        rowId: target.code,
        before: null,
        after: {
          parent: source.code,
          parentFingerprint: parentFp,
          rows,
          files: manifest.counts.files,
          lastSeq,
          auditAnchor: auditCount,
          packageCreatedAt: manifest.createdAt,
        },
      });
      await audit.flush();
      return { rows, nextSeq: lastSeq + 1 };
    });
    await blobs.committed();
    return {
      courtCode: target.code,
      courtName: target.name,
      rows: result.rows,
      files: manifest.counts.files,
      nextSeq: result.nextSeq,
    };
  } catch (error) {
    blobs.discard();
    for (const file of placedBundles) fs.rmSync(file, { force: true });
    throw error;
  } finally {
    cleanup();
  }
}

// ——— The parent court ———

/** The codes of `code` and every court under it that this court knows (trusted keys and roster). */
function subtreeOf(sqlite: BetterSqlite3.Database, code: string): string[] {
  const links = [
    ...(sqlite.prepare('SELECT code, parent_code AS parent FROM sync_courts').all() as {
      code: string;
      parent: string;
    }[]),
    ...(sqlite.prepare('SELECT code, parent_code AS parent FROM roster_courts WHERE deleted_at IS NULL').all() as {
      code: string;
      parent: string;
    }[]),
  ];
  const found = new Set([code]);
  for (let grew = true; grew;) {
    grew = false;
    for (const link of links) {
      if (found.has(link.parent) && !found.has(link.code)) {
        found.add(link.code);
        grew = true;
      }
    }
  }
  return [...found];
}

function heldCourt(sqlite: BetterSqlite3.Database, code: string): Row | undefined {
  return sqlite.prepare('SELECT * FROM sync_courts WHERE code = ?').get(code) as Row | undefined;
}

function campaignHoldings(sqlite: BetterSqlite3.Database, codes: string[]): { title: string; items: number }[] {
  return (
    sqlite
      .prepare(
        `SELECT c.title AS title, count(i.id) AS items FROM items i JOIN campaigns c ON c.id = i.campaign_id
         WHERE i.origin IN (SELECT value FROM json_each(?)) AND i.deleted_at IS NULL GROUP BY c.id ORDER BY c.title`,
      )
      .all(JSON.stringify(codes)) as { title: string; items: number }[]
  ).map((row) => ({ title: row.title, items: Number(row.items) }));
}

export async function readRequestView(ctx: ServiceContext, file: string): Promise<RecoveryRequestView> {
  const profile = await requireProfile(ctx);
  const request = readRequestFile(file);
  const base = {
    courtCode: request.courtCode,
    courtName: request.courtName,
    fingerprint: requestFingerprint(request),
    requestedAt: request.requestedAt,
  };
  const sqlite = ctx.sqlite;
  const held = heldCourt(sqlite, request.courtCode);
  if (request.courtCode === profile.code) {
    return { ...base, refusal: '这是本院自己的代码，不能为本院制作恢复包。', held: null };
  }
  if (!held || held.relation !== 'subordinate' || !held.sign_key) {
    return {
      ...base,
      refusal: `本院没有直接收到过${request.courtName}（${request.courtCode}）的上报，不持有它的数据，不能为它制作恢复包。请由直接接收它上报的上级法院制作。`,
      held: null,
    };
  }
  const codes = subtreeOf(sqlite, request.courtCode);
  let rows = 0;
  for (const table of SYNC_TABLES) {
    rows += Number(
      (
        sqlite
          .prepare(`SELECT count(*) AS n FROM ${table.name} WHERE origin IN (SELECT value FROM json_each(?))`)
          .get(JSON.stringify(codes)) as { n: number }
      ).n,
    );
  }
  const hashes = citedFiles(sqlite, codes);
  return {
    ...base,
    refusal: null,
    held: {
      name: held.name as string,
      level: held.level as string,
      currentFingerprint: held.fingerprint as string,
      lastSeq: held.last_seq as number,
      lastReportAt: (held.last_bundle_at as string | null) ?? null,
      rows,
      evidenceFiles: hashes.size,
      campaigns: campaignHoldings(sqlite, codes),
    },
  };
}

function citedFiles(sqlite: BetterSqlite3.Database, codes: string[]): Set<string> {
  const hashes = new Set<string>();
  for (const [table, column] of Object.entries(EVIDENCE_COLUMNS)) {
    const list = sqlite
      .prepare(
        `SELECT DISTINCT ${column} AS sha FROM ${table} WHERE origin IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL AND ${column} IS NOT NULL`,
      )
      .all(JSON.stringify(codes)) as { sha: string }[];
    for (const { sha } of list) hashes.add(sha);
  }
  return hashes;
}

/** The 恢复申请's new key must be the one read out by phone. */
export function checkRequestFingerprint(request: RecoveryRequest, typed: string): void {
  if (normalizeFingerprint(typed) !== normalizeFingerprint(requestFingerprint(request))) {
    throw new ApiError(
      'E_FINGERPRINT',
      '您输入的指纹与恢复申请中新密钥的指纹不一致，可能不是对方本人生成的申请。没有制作恢复包，旧密钥也没有停用。请再次电话核对。',
    );
  }
}

export async function exportRecovery(
  ctx: ServiceContext,
  input: { file: string; fingerprint: string; folder: string },
): Promise<RecoveryPackageFile> {
  const profile = await requireProfile(ctx);
  const view = await readRequestView(ctx, input.file);
  if (view.refusal) throw new ApiError('E_NOT_SUBORDINATE', view.refusal);
  const request = readRequestFile(input.file);
  checkRequestFingerprint(request, input.fingerprint);
  const folder = checkFolder(input.folder);
  const keys = await ensureCourtKeys(ctx);
  const sqlite = ctx.sqlite;
  const createdAt = ctx.now().toISOString();
  const newFingerprint = requestFingerprint(request);

  const plainPath = tempPath(ctx.dataDir, 'recovery-export');
  const { manifest, blobPaths, held } = await readTransaction(ctx.db, async (trx) => {
    const held = heldCourt(sqlite, request.courtCode)!;
    const codes = subtreeOf(sqlite, request.courtCode);
    const codesJson = JSON.stringify(codes);
    const above = [profile.code, ...(await superiorCourtCodes({ db: trx }))].filter((code) => !codes.includes(code));
    const aboveJson = JSON.stringify(above);
    // The campaigns the court works on: those its rows (and its receipts) name.
    const campaignIds = new Set<string>();
    for (const table of SYNC_TABLES) {
      if (table.campaign !== 'column') continue;
      const found = sqlite
        .prepare(
          `SELECT DISTINCT campaign_id AS id FROM ${table.name} WHERE origin IN (SELECT value FROM json_each(?))`,
        )
        .all(codesJson) as { id: string }[];
      for (const { id } of found) campaignIds.add(id);
    }
    const campaignsJson = JSON.stringify([...campaignIds]);
    const rows: Record<string, Row[]> = {};
    let count = 0;
    for (const table of SYNC_TABLES) {
      const own = sqlite
        .prepare(`SELECT * FROM ${table.name} WHERE origin IN (SELECT value FROM json_each(?)) ORDER BY change_seq`)
        .all(codesJson) as Row[];
      const rule = FROM_ABOVE[table.name];
      let fromAbove: Row[] = [];
      if (rule) {
        const params: string[] = [aboveJson];
        let where = '';
        if (rule.campaign) {
          where += ` AND ${rule.campaign} IN (SELECT value FROM json_each(?))`;
          params.push(campaignsJson);
        }
        if (rule.court) {
          where += ' AND court_code IN (SELECT value FROM json_each(?))';
          params.push(codesJson);
        }
        fromAbove = sqlite
          .prepare(
            `SELECT * FROM ${table.name} WHERE origin IN (SELECT value FROM json_each(?))${where} ${rule.extra ?? ''} ORDER BY change_seq`,
          )
          .all(...params) as Row[];
      }
      const all = [...fromAbove, ...own];
      if (all.length) rows[table.name] = all;
      count += all.length;
    }
    const hashes = [...citedFiles(sqlite, codes)].sort();
    const blobs: PackageBlob[] = [];
    const blobPaths: string[] = [];
    for (const sha256 of hashes) {
      const file = blobPath(ctx.dataDir, sha256);
      if (!fs.existsSync(file)) {
        throw new ApiError(
          'E_MISSING_FILE',
          `本院保存的一个佐证材料文件缺失（${sha256.slice(0, 12)}…），无法制作完整的恢复包。请先检查数据文件夹中的 evidence 目录。`,
        );
      }
      blobs.push({ kind: 'file', sha256, size: fs.statSync(file).size });
      blobPaths.push(file);
    }
    const received = sqlite
      .prepare(
        `SELECT source_code, target_code, seq, full, campaign_id, sha256, size, file_path, bundle_created_at FROM sync_received
         WHERE kind = 'report_up' AND source_code IN (SELECT value FROM json_each(?)) ORDER BY source_code, seq`,
      )
      .all(codesJson) as Row[];
    for (const bundle of received) {
      const file = path.join(ctx.dataDir, bundle.file_path as string);
      if (!fs.existsSync(file)) continue;
      blobs.push({
        kind: 'bundle',
        sha256: bundle.sha256 as string,
        size: fs.statSync(file).size,
        bundle: {
          sourceCode: bundle.source_code as string,
          targetCode: bundle.target_code as string,
          seq: bundle.seq as number,
          full: bundle.full === 1,
          campaignId: (bundle.campaign_id as string | null) ?? null,
          createdAt: (bundle.bundle_created_at as string | null) ?? null,
        },
      });
      blobPaths.push(file);
    }
    const courts: CourtCardWithState[] = (
      sqlite
        .prepare(
          "SELECT * FROM sync_courts WHERE code IN (SELECT value FROM json_each(?)) AND code <> ? AND sign_key <> ''",
        )
        .all(codesJson, request.courtCode) as Row[]
    ).map((court) => ({
      code: court.code as string,
      name: court.name as string,
      level: court.level as string,
      parentCode: court.parent_code as string,
      signKey: court.sign_key as string,
      boxKey: court.box_key as string,
      lastSeq: court.last_seq as number,
      lastChangeThrough: (court.last_change_through as number | null) ?? null,
      lastBundleAt: (court.last_bundle_at as string | null) ?? null,
      auditCount: (court.audit_count as number | null) ?? null,
      auditHash: (court.audit_hash as string | null) ?? null,
    }));
    const ownRow = (rows.courts ?? []).find(
      (row) => row.code === request.courtCode && row.origin === request.courtCode,
    );
    const manifest: RecoveryManifest = {
      format: 'court-recovery',
      version: 1,
      createdAt,
      app: { version: ctx.appVersion, schemaVersion: ctx.schemaVersion },
      source: {
        code: profile.code,
        name: profile.name,
        level: profile.level,
        parentCode: profile.parentCode ?? '',
        signKey: keys.signPublic,
        boxKey: keys.boxPublic,
      },
      target: {
        code: request.courtCode,
        name: (ownRow?.name as string | undefined) ?? (held.name as string),
        level: (ownRow?.level as string | undefined) ?? (held.level as string),
        parentCode: (ownRow?.parent_code as string | undefined) ?? profile.code,
        parentName: (ownRow?.parent_name as string | undefined) ?? profile.name,
        signKey: request.signKey,
        boxKey: request.boxKey,
      },
      retiredFingerprint: held.fingerprint as string,
      sequence: {
        lastSeq: held.last_seq as number,
        lastChangeThrough: (held.last_change_through as number | null) ?? 0,
        auditCount: (held.audit_count as number | null) ?? null,
        auditHash: (held.audit_hash as string | null) ?? null,
      },
      courts,
      rows,
      campaigns: campaignHoldings(sqlite, codes),
      counts: { rows: count, files: hashes.length, bundles: blobs.length - hashes.length },
      blobs,
    };
    return { manifest, blobPaths, held };
  });

  const fileName = `${request.courtCode}_${safeName(manifest.target.name)}_恢复包_${dayjs(ctx.now()).format('YYYYMMDD')}${PACKAGE_EXTENSION}`;
  const outPath = path.join(folder, fileName);
  const partPath = `${outPath}.part`;
  try {
    writePlainPackage(plainPath, manifest, blobPaths, keys.signPrivate);
    await encryptFile(
      plainPath,
      partPath,
      {
        kind: 'recovery',
        source: { code: profile.code, name: profile.name },
        target: { code: request.courtCode, name: manifest.target.name },
        createdAt,
      },
      { boxPublic: request.boxKey, fingerprint: newFingerprint },
    );
    const retiring = held.sign_key !== request.signKey || held.box_key !== request.boxKey;
    const actor = actorLabel(ctx);
    const now = timestamp(ctx);
    await writeTransaction(ctx.db, async (trx) => {
      if (retiring) {
        sqlite
          .prepare(
            `INSERT INTO recovery_retired_keys (court_code, court_name, sign_key, box_key, fingerprint, retired_at, retired_by, reason, replaced_by)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            request.courtCode,
            manifest.target.name,
            held.sign_key,
            held.box_key,
            held.fingerprint,
            now,
            actor,
            '为重装制作恢复包时停用',
            newFingerprint,
          );
        // The new key is trusted as confirmed by this person; the sequence and the witnessed audit head stay.
        sqlite
          .prepare(
            'UPDATE sync_courts SET sign_key = ?, box_key = ?, fingerprint = ?, trusted_at = ?, trusted_by = ?, vouched_by = NULL WHERE code = ?',
          )
          .run(request.signKey, request.boxKey, newFingerprint, now, actor, request.courtCode);
      }
      const audit = AuditAppender.for(trx);
      await audit.append({
        at: now,
        actor,
        court: profile.code,
        operation: 'recovery-export',
        tableName: 'sync_courts',
        rowId: request.courtCode,
        before: { fingerprint: held.fingerprint },
        after: {
          fingerprint: newFingerprint,
          retired: retiring,
          reason: '为重装制作恢复包',
          rows: manifest.counts.rows,
          files: manifest.counts.files,
          lastSeq: manifest.sequence.lastSeq,
        },
      });
      await audit.flush();
      fs.renameSync(partPath, outPath);
    });
  } catch (error) {
    fs.rmSync(partPath, { force: true });
    throw error;
  } finally {
    fs.rmSync(plainPath, { force: true });
  }
  return {
    fileName,
    path: outPath,
    bytes: fs.statSync(outPath).size,
    rows: manifest.counts.rows,
    files: manifest.counts.files,
    courtCode: request.courtCode,
    courtName: manifest.target.name,
    retiredFingerprint: formatFingerprint(held.fingerprint as string),
    newFingerprint,
  };
}

/** A bundle signed by a key this court retired: the refusal, or null. */
export function retiredKeyRefusal(
  sqlite: BetterSqlite3.Database,
  card: { code: string; name: string; signKey: string },
): ApiError | null {
  const retired = sqlite
    .prepare(
      'SELECT court_name, retired_at, reason FROM recovery_retired_keys WHERE court_code = ? AND sign_key = ? LIMIT 1',
    )
    .get(card.code, card.signKey) as { court_name: string; retired_at: string; reason: string } | undefined;
  if (!retired) return null;
  const day = dayjs(retired.retired_at).format('YYYY年M月D日');
  return new ApiError(
    'E_KEY_RETIRED',
    `这个同步包由${card.name || retired.court_name}已停用的旧密钥签名（${day} ${retired.reason}），没有导入任何内容。该院重装后已使用新密钥；旧密钥签名的同步包可能是重装前留下的旧文件，也可能被他人冒用。请让该院用新安装的程序重新导出。`,
  );
}

/** Records, at a court that learns through a relay that a court's key was replaced, the old key as retired. */
export function retireRelayedKey(
  sqlite: BetterSqlite3.Database,
  old: { code: string; name: string; signKey: string; boxKey: string; fingerprint: string },
  replacedBy: string,
  by: string,
  at: string,
): void {
  sqlite
    .prepare(
      `INSERT INTO recovery_retired_keys (court_code, court_name, sign_key, box_key, fingerprint, retired_at, retired_by, reason, replaced_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      old.code,
      old.name,
      old.signKey,
      old.boxKey,
      old.fingerprint,
      at,
      by,
      '经上级转报担保换用新密钥时停用',
      replacedBy,
    );
}
