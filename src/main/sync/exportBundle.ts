// Writing bundles: the report-up bundle to the parent court (every row this court owns that
// changed since the last one, or a full snapshot, plus its subordinates' own signed bundles
// received since, for relay) and the package down for one campaign (its definition and issued
// notices for every court; this court's supervision notes and orders sealed to each court). Rows
// are read page by page in one read transaction, so the bundle is a consistent snapshot however
// long writing takes, and memory stays flat.
import fs from 'node:fs';
import path from 'node:path';
import dayjs from 'dayjs';
import type { Kysely, Selectable } from 'kysely';
import type { ExportReport } from '../../shared/model';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { checkSyncRow, syncTableLabel } from '../data/rowSchemas';
import type { Database, SyncCourtsTable } from '../data/schema';
import { readTransaction } from '../data/transactions';
import { cleanLine } from '../../shared/controlCharacters';
import { requireProfile } from '../court/courtProfile';
import { blobPath } from '../evidence/evidenceStore';
import type { JobControl } from '../jobs/jobRegistry';
import { JobCancelled } from '../jobs/jobRegistry';
import { BundleZipWriter } from './format/container';
import { encryptFile } from './format/envelope';
import { signBytes } from './format/keys';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  type CourtCard,
  type Manifest,
  type ManifestAudit,
  type ManifestEntry,
} from './format/manifest';
import { ensureCourtKeys, type OwnKeys } from './courtKeys';
import { SYNC_TABLES, EVIDENCE_COLUMNS, syncTableKey } from './syncTables';
import { appendHistory } from './syncHistory';
import { actorLabel, tempPath } from './syncFiles';
import { GENESIS_HASH, readAuditAnchor } from '../audit/auditLog';
import { hashFile } from '../evidence/blobStore';
import { saveFault } from '../api/databaseFaults';
import { FileJournal } from '../durability/fileJournal';
import {
  completeSequence,
  nextSeq,
  releaseSequence,
  reserveSequence,
  settlePendingExports,
  type Delivery,
  type Nested,
} from './outbox';
import { crashPoint } from '../durability/crashPoints';
import { rosterCourts } from '../province/roster';

const PAGE = 2000;
/** How many earlier reported audit positions a report up repeats (so one lost bundle does not
 * leave the parent without a position to compare). */
const AUDIT_POSITIONS_REPORTED = 8;
export const BUNDLE_EXTENSION = '.dtsync';
const KIND_TEXT = { report_up: '上报包', package_down: '下发包' } as const;

export interface ExportTarget {
  outFile?: string;
  folder?: string;
}

type Row = Record<string, unknown>;

/** Names a bundle file so a person can tell it apart on a USB stick: court, kind, sequence, date. */
export function bundleFileName(
  court: { code: string; name: string },
  kind: keyof typeof KIND_TEXT,
  seq: number,
  date: string,
  campaignTitle?: string,
): string {
  const safe = (text: string) => text.replace(/[\\/:*?"<>|\s]+/g, '').slice(0, 40);
  const parts = [
    court.code,
    safe(court.name),
    KIND_TEXT[kind],
    campaignTitle ? safe(campaignTitle) : null,
    `第${String(seq).padStart(4, '0')}号`,
    date.replace(/-/g, ''),
  ];
  return `${parts.filter(Boolean).join('_')}${BUNDLE_EXTENSION}`;
}

function resolveOut(target: ExportTarget, fileName: string): string {
  if (target.outFile) return path.resolve(target.outFile);
  if (!target.folder) throw new ApiError('E_INVALID', '请选择保存同步包的文件夹。');
  const folder = path.resolve(target.folder);
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
    throw new ApiError('E_NO_FOLDER', `找不到文件夹“${target.folder}”，请确认 U 盘已插好或重新选择。`);
  }
  return path.join(folder, fileName);
}

function checkCancel(control?: JobControl): void {
  if (control?.cancelled) throw new JobCancelled();
}

/** Streams one table's rows of one origin in change order, a page at a time. A bundle row is the
 * stored row under the database's own column names (docs/sync-format.md §2), and this is the bulk
 * path, so a prepared statement on the connection, inside the caller's read transaction. */
function* ownRows(
  ctx: ServiceContext,
  table: string,
  origin: string,
  from: number,
  through: number,
  extra = '',
): Generator<Row> {
  const statement = ctx.sqlite.prepare(
    `SELECT * FROM ${table} WHERE origin = ? AND change_seq > ? AND change_seq <= ? ${extra} ORDER BY change_seq LIMIT ${PAGE}`,
  );
  let after = from;
  for (;;) {
    const page = statement.all(origin, after, through) as Row[];
    for (const row of page) yield row;
    if (page.length < PAGE) return;
    after = page[page.length - 1].change_seq as number;
  }
}

interface Collected {
  entries: ManifestEntry[];
  rows: number;
  files: number;
}

async function writeRows(
  writer: BundleZipWriter,
  table: string,
  rows: Iterable<Row>,
  collected: Collected,
  hashes: Set<string>,
  control: JobControl | undefined,
  total: number,
): Promise<void> {
  let entry: ReturnType<BundleZipWriter['rowsEntry']> | null = null;
  for (const row of rows) {
    checkOutgoingRow(table, row);
    entry ??= writer.rowsEntry(table);
    await entry.add(row);
    const cited = EVIDENCE_COLUMNS[table] ? row[EVIDENCE_COLUMNS[table]] : null;
    if (typeof cited === 'string' && row.deleted_at === null) hashes.add(cited);
    collected.rows += 1;
    if (collected.rows % 2000 === 0) {
      checkCancel(control);
      control?.progress(collected.rows, total, `正在写入数据（${collected.rows} / ${total} 行）`);
    }
  }
  if (entry) collected.entries.push(await entry.finish());
}

/** Every row leaving this court must be one the receiver accepts. A row written before the row
 * rules existed may not be: it is named so a person can put it right, rather than sent to be
 * refused at the other end. */
function checkOutgoingRow(table: string, row: Row): void {
  const problem = checkSyncRow(table, row);
  if (!problem) return;
  const title = typeof row.title === 'string' ? `“${cleanLine(row.title).slice(0, 30)}”` : `（编号 ${String(row.id)}）`;
  throw new ApiError(
    'E_BAD_ROW',
    `本院有一条${syncTableLabel(table)}${title}的字段 ${problem.column ?? ''} 不符合同步规则：${problem.problem}。上级法院会拒收这样的同步包，所以没有导出。请修改这条记录后再导出。`,
  );
}

function addEvidenceFiles(
  ctx: ServiceContext,
  writer: BundleZipWriter,
  hashes: Set<string>,
  collected: Collected,
): void {
  for (const sha256 of [...hashes].sort()) {
    const file = blobPath(ctx.dataDir, sha256);
    if (!fs.existsSync(file)) {
      throw new ApiError(
        'E_MISSING_FILE',
        `佐证材料文件缺失（${sha256.slice(0, 12)}…），无法导出。请检查数据文件夹中的 evidence 目录是否完整。`,
      );
    }
    collected.entries.push(writer.addFile(`files/${sha256}`, file, sha256, fs.statSync(file).size));
    collected.files += 1;
  }
}

function courtCard(
  row: Pick<Selectable<SyncCourtsTable>, 'code' | 'name' | 'level' | 'parentCode' | 'signKey' | 'boxKey'>,
): CourtCard {
  return {
    code: row.code,
    name: row.name,
    level: row.level ?? '',
    parentCode: row.parentCode ?? '',
    signKey: row.signKey,
    boxKey: row.boxKey,
  };
}

async function addNested(
  ctx: ServiceContext,
  trx: Kysely<Database>,
  writer: BundleZipWriter,
  nested: Nested[],
  collected: Collected,
): Promise<CourtCard[]> {
  const codes = [...new Set(nested.map((bundle) => bundle.sourceCode))];
  // One read for every relayed court, not one per nested bundle.
  const courts = new Map(
    (codes.length
      ? await trx
          .selectFrom('syncCourts')
          .select(['code', 'name', 'level', 'parentCode', 'signKey', 'boxKey'])
          .where('code', 'in', codes)
          .execute()
      : []
    ).map((court) => [court.code, court]),
  );
  const vouches = new Map<string, CourtCard>();
  for (const bundle of nested) {
    const file = path.join(ctx.dataDir, bundle.filePath);
    collected.entries.push(
      writer.addNested(
        `nested/${bundle.sourceCode}-${bundle.seq}-${bundle.sha256}.zip`,
        file,
        bundle.sha256,
        bundle.size,
      ),
    );
    const court = courts.get(bundle.sourceCode);
    if (court) vouches.set(bundle.sourceCode, courtCard(court));
  }
  return [...vouches.values()];
}

/**
 * Finishes, signs (and, given a recipient, encrypts) the bundle and gives it its final name, in
 * the only order that can neither lose changes nor reuse a number: the complete file is written
 * and flushed under a temporary name beside the final one; the sequence number is reserved in
 * the outbox ('pending'); only then does the file take its final name; then the row is 'done'.
 * A failure before the reservation leaves no trace; after it, the reservation is released. A
 * crash in between is settled at the next export or start (settlePendingExports).
 */
async function deliverBundle(
  ctx: ServiceContext,
  keys: OwnKeys,
  writer: BundleZipWriter,
  manifest: Manifest,
  plainPath: string,
  outPath: string,
  recipient: { boxKey: string; fingerprint: string } | null,
  delivery: Delivery,
): Promise<{ sha256: string; bytes: number }> {
  const manifestBytes = Buffer.from(JSON.stringify(manifest), 'utf8');
  await writer.finish(manifestBytes, signBytes(manifestBytes, keys.signPrivate));
  crashPoint('export.signed');
  let sealed = plainPath;
  if (recipient) {
    sealed = `${plainPath}.enc`;
    await encryptFile(
      plainPath,
      sealed,
      {
        kind: manifest.kind,
        source: { code: manifest.source.code, name: manifest.source.name },
        target: manifest.target,
        createdAt: manifest.createdAt,
      },
      { boxPublic: recipient.boxKey, fingerprint: recipient.fingerprint },
    );
  }
  const journal = new FileJournal(ctx.dataDir);
  // Filled in once the number is reserved (inside journal.place, before the rename).
  const reserved = { done: false, sha256: '', bytes: 0 };
  try {
    await journal.place(
      outPath,
      async (temp) => {
        // Straight to the temporary name the journal knows, copied when the folder is on another drive.
        try {
          fs.renameSync(sealed, temp);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
          await fs.promises.copyFile(sealed, temp);
        }
      },
      {
        // Written and flushed under the temporary name: the number is reserved before the rename.
        flushed: async (temp) => {
          crashPoint('export.written');
          const { sha256, size } = await hashFile(temp);
          await reserveSequence(ctx, delivery, outPath, sha256);
          Object.assign(reserved, { done: true, sha256, bytes: size });
          crashPoint('export.reserved');
        },
      },
    );
    crashPoint('export.renamed');
    completeSequence(ctx, delivery.target.code, delivery.seq);
    crashPoint('export.done');
    return { sha256: reserved.sha256, bytes: reserved.bytes };
  } catch (error) {
    // Reserved but never renamed: the number goes back, so the next export takes it.
    if (reserved.done) releaseSequence(ctx, delivery.target.code, delivery.seq, delivery.kind);
    throw saveFault(error, path.dirname(outPath), '同步包');
  } finally {
    fs.rmSync(plainPath, { force: true });
    if (sealed !== plainPath) fs.rmSync(sealed, { force: true });
    journal.close();
  }
}

/** This court's audit-log head, and the hashes now found at the positions its recent bundles to
 * this target reported: the parent compares them with what it received (the audit witness). */
async function auditPosition(trx: Kysely<Database>, target: string): Promise<ManifestAudit> {
  const head = await trx
    .selectFrom('auditLog')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const reported = await trx
    .selectFrom('syncOutbox')
    .select('auditCount')
    .distinct()
    .where('targetCode', '=', target)
    .where('state', '=', 'done')
    .where('auditCount', 'is not', null)
    .orderBy('seq', 'desc')
    .limit(AUDIT_POSITIONS_REPORTED)
    .execute();
  // A court rebuilt from a 恢复包 holds no entries up to its anchor: the anchor answers for them.
  const anchor = await readAuditAnchor(trx);
  const positions: ManifestAudit['reported'] = [];
  for (const { auditCount } of reported) {
    const count = auditCount as number;
    if (anchor && count === anchor.seq) {
      positions.push({ count, hash: anchor.hash });
      continue;
    }
    const entry =
      count === 0 ? null : await trx.selectFrom('auditLog').select('hash').where('seq', '=', count).executeTakeFirst();
    positions.push({ count, hash: count === 0 ? GENESIS_HASH : (entry?.hash ?? null) });
  }
  return {
    count: head?.seq ?? anchor?.seq ?? 0,
    hash: head?.hash ?? anchor?.hash ?? GENESIS_HASH,
    reported: positions,
  };
}

/** Report up: this court's changes since its last bundle to its parent, or everything (full). */
export async function exportReportUp(
  ctx: ServiceContext,
  options: ExportTarget & { full: boolean },
  control?: JobControl,
): Promise<ExportReport> {
  const profile = await requireProfile(ctx);
  if (!profile.parentCode) {
    throw new ApiError(
      'E_NO_PARENT',
      '本院是高级人民法院，没有上级法院可以上报。需要向下级法院发送专项活动时，请使用“下发”。',
    );
  }
  const keys = await ensureCourtKeys(ctx);
  const target = { code: profile.parentCode, name: profile.parentName ?? '' };
  const parent = await ctx.db
    .selectFrom('syncCourts')
    .select(['boxKey', 'fingerprint'])
    .where('code', '=', target.code)
    .where('relation', '=', 'superior')
    .executeTakeFirst();
  const createdAt = ctx.now().toISOString();
  settlePendingExports(ctx);
  const plainPath = tempPath(ctx.dataDir, 'export');

  // One read transaction: the change range, the rows, the relayed bundles and the audit head agree.
  let writer: BundleZipWriter | undefined;
  let snapshot: {
    collected: Collected;
    manifest: Manifest;
    nested: Nested[];
    seq: number;
    through: number;
    from: number;
    audit: ManifestAudit;
  };
  try {
    snapshot = await readTransaction(ctx.db, async (trx) => {
      const previous = await nextSeq(trx, target.code);
      const seq = previous.seq;
      const from = options.full ? 0 : previous.through;
      const through = (
        await trx.selectFrom('changeCounter').select('value').where('id', '=', 1).executeTakeFirstOrThrow()
      ).value;
      const audit = await auditPosition(trx, target.code);
      let total = 0;
      for (const table of SYNC_TABLES) {
        const counted = await trx
          .selectFrom(syncTableKey(table.name))
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('origin', '=', profile.code)
          .where('changeSeq', '>', from)
          .where('changeSeq', '<=', through)
          .executeTakeFirstOrThrow();
        total += counted.n;
      }
      const nested = await relayBundles(trx, profile.code, options.full);
      writer = new BundleZipWriter(plainPath);
      const collected: Collected = { entries: [], rows: 0, files: 0 };
      const hashes = new Set<string>();
      control?.progress(0, total, '正在收集本院修改过的数据…');
      for (const table of SYNC_TABLES) {
        await writeRows(
          writer,
          table.name,
          ownRows(ctx, table.name, profile.code, from, through),
          collected,
          hashes,
          control,
          total,
        );
      }
      addEvidenceFiles(ctx, writer, hashes, collected);
      const vouches = await addNested(ctx, trx, writer, nested, collected);
      const manifest: Manifest = {
        format: BUNDLE_FORMAT,
        formatVersion: BUNDLE_FORMAT_VERSION,
        kind: 'report_up',
        full: options.full,
        source: ownCard(profile, keys),
        target,
        seq,
        changeFrom: from,
        changeThrough: through,
        createdAt,
        campaign: null,
        counts: { rows: collected.rows, files: collected.files, nested: nested.length },
        entries: collected.entries,
        vouches,
        app: { version: ctx.appVersion, schemaVersion: ctx.schemaVersion },
        audit,
      };
      return { collected, manifest, nested, seq, through, from, audit };
    });
  } catch (error) {
    await writer?.abort();
    fs.rmSync(plainPath, { force: true });
    throw error;
  }
  const { collected, manifest, nested, seq, through, from, audit } = snapshot;
  crashPoint('export.collected');

  const fileName = bundleFileName(profile, 'report_up', seq, dayjs(ctx.now()).format('YYYY-MM-DD'));
  let outPath: string;
  try {
    outPath = resolveOut(options, fileName);
  } catch (error) {
    await writer!.abort();
    fs.rmSync(plainPath, { force: true });
    throw error;
  }
  control?.progress(collected.rows, collected.rows, parent ? '正在加密并保存…' : '正在保存…');
  const recipient = parent ? { boxKey: parent.boxKey, fingerprint: parent.fingerprint } : null;
  const sealed = await deliverBundle(ctx, keys, writer!, manifest, plainPath, outPath, recipient, {
    kind: 'report_up',
    target,
    seq,
    full: options.full,
    changeFrom: from,
    changeThrough: through,
    campaignId: null,
    createdAt,
    audit: { count: audit.count, hash: audit.hash },
    nested,
  });

  const report: ExportReport = {
    filePath: outPath,
    fileName: path.basename(outPath),
    kind: 'report_up',
    full: options.full,
    seq,
    target,
    encrypted: recipient !== null,
    rows: collected.rows,
    files: collected.files,
    nested: nested.length,
    bytes: sealed.bytes,
    packages: [
      {
        fileName: path.basename(outPath),
        filePath: outPath,
        target,
        seq,
        encrypted: recipient !== null,
        notes: 0,
        bytes: sealed.bytes,
      },
    ],
    skipped: [],
    message: `已导出上报包第 ${seq} 号${options.full ? '（完整快照）' : ''}：${collected.rows} 条数据、${collected.files} 个佐证材料${nested.length ? `、${nested.length} 个下级法院同步包` : ''}${recipient ? '，已加密，只有上级法院能打开' : '，未加密（尚未取得上级法院的密钥）'}。`,
  };
  recordExport(ctx, report, createdAt);
  return report;
}

function recordExport(ctx: ServiceContext, report: ExportReport, at: string): void {
  appendHistory(ctx.dataDir, {
    at,
    direction: 'export',
    kind: report.kind,
    fileName: report.fileName,
    courtCode: report.target.code,
    courtName: report.target.name,
    seq: report.seq,
    rows: report.rows,
    files: report.files,
    added: 0,
    updated: 0,
    unchanged: 0,
    result: 'ok',
    code: null,
    message: report.message,
    actor: actorLabel(ctx),
  });
}

/** Subordinates' bundles to pass on: those not yet forwarded, or for a full snapshot everything
 * from each court's latest full snapshot on. */
async function relayBundles(trx: Kysely<Database>, me: string, full: boolean): Promise<Nested[]> {
  let query = trx
    .selectFrom('syncReceived as r')
    .select(['r.id', 'r.sourceCode', 'r.seq', 'r.sha256', 'r.size', 'r.filePath'])
    .where('r.kind', '=', 'report_up')
    .where('r.targetCode', '=', me)
    .orderBy('r.sourceCode')
    .orderBy('r.seq');
  if (!full) return query.where('r.forwardedSeq', 'is', null).execute();
  // Each court's bundles from its latest full snapshot on.
  query = query.where((eb) =>
    eb(
      'r.seq',
      '>=',
      eb.fn.coalesce(
        eb
          .selectFrom('syncReceived as f')
          .select((inner) => inner.fn.max('f.seq').as('latestFull'))
          .where('f.kind', '=', 'report_up')
          .whereRef('f.targetCode', '=', 'r.targetCode')
          .whereRef('f.sourceCode', '=', 'r.sourceCode')
          .where('f.full', '=', 1),
        eb.lit(0),
      ),
    ),
  );
  return query.execute();
}

function ownCard(
  profile: { code: string; name: string; level: string; parentCode: string | null },
  keys: OwnKeys,
): CourtCard {
  return {
    code: profile.code,
    name: profile.name,
    level: profile.level,
    parentCode: profile.parentCode ?? '',
    signKey: keys.signPublic,
    boxKey: keys.boxPublic,
  };
}

/**
 * Publishing a campaign: the broadcast package ('*', unencrypted, signed) with the campaign's
 * definition (campaign, sections, mandatory items, problem catalogue, indicators, the departments
 * those items cite), the signer's courts row and its roster; for a campaign a superior issued, the
 * superior's own signed package travels inside unchanged (relay down), and this court's issued
 * notices (通报) of the campaign, readable by every court. Supervision notes and orders (督办单)
 * never travel in it: each subordinate court with notes or orders gets its own package, sealed to
 * its key (publishAddressed), written into the same folder.
 */
export async function publishCampaign(
  ctx: ServiceContext,
  options: ExportTarget & { campaignId: string },
  control?: JobControl,
): Promise<ExportReport> {
  const profile = await requireProfile(ctx);
  const keys = await ensureCourtKeys(ctx);
  const campaign = await ctx.db
    .selectFrom('campaigns')
    .select(['id', 'origin', 'title'])
    .where('id', '=', options.campaignId)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
  if (!campaign) throw new ApiError('E_NOT_FOUND', '找不到这项专项活动，可能已被删除。');
  const own = campaign.origin === profile.code;
  let nested: Nested[] = [];
  if (!own) {
    const received = await ctx.db
      .selectFrom('syncReceived')
      .select(['id', 'sourceCode', 'seq', 'sha256', 'size', 'filePath'])
      .where('kind', '=', 'package_down')
      .where('campaignId', '=', campaign.id)
      .where('sourceCode', '=', campaign.origin)
      // The superior's broadcast package only: one sealed to this court carries notes on it.
      .where('targetCode', '=', '*')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!received) {
      throw new ApiError(
        'E_NOT_OWNER',
        `“${campaign.title}”由 ${campaign.origin} 法院部署，本院没有收到它的下发包，不能转发。`,
      );
    }
    nested = [received];
  }
  const target = { code: '*', name: '各下级法院' };
  const createdAt = ctx.now().toISOString();
  settlePendingExports(ctx);
  const me = profile.code;
  // One read transaction: the number and the definition rows agree. Bundle rows are stored rows
  // under the database's own column names (docs/sync-format.md §2): prepared statements, in it.
  const { seq, definition, changeThrough } = await readTransaction(ctx.db, async (trx) => {
    const all = (sql: string, ...params: unknown[]) => ctx.sqlite.prepare(sql).all(...params) as Row[];
    const rows: [string, Row[]][] = own
      ? [
          ['courts', all('SELECT * FROM courts WHERE origin = ? AND code = ?', me, me)],
          [
            'departments',
            all(
              "SELECT * FROM departments WHERE origin = ? AND id IN (SELECT department_id FROM items WHERE campaign_id = ? AND origin = ? AND kind = 'mandatory')",
              me,
              campaign.id,
              me,
            ),
          ],
          ['campaigns', all('SELECT * FROM campaigns WHERE id = ?', campaign.id)],
          [
            'sections',
            all('SELECT * FROM sections WHERE campaign_id = ? AND origin = ? ORDER BY change_seq', campaign.id, me),
          ],
          [
            'items',
            all(
              "SELECT * FROM items WHERE campaign_id = ? AND origin = ? AND kind = 'mandatory' ORDER BY change_seq",
              campaign.id,
              me,
            ),
          ],
          [
            'problem_aspects',
            all(
              'SELECT * FROM problem_aspects WHERE campaign_id = ? AND origin = ? ORDER BY change_seq',
              campaign.id,
              me,
            ),
          ],
          [
            'problems',
            all('SELECT * FROM problems WHERE campaign_id = ? AND origin = ? ORDER BY change_seq', campaign.id, me),
          ],
          [
            'indicators',
            all('SELECT * FROM indicators WHERE campaign_id = ? AND origin = ? ORDER BY change_seq', campaign.id, me),
          ],
        ]
      : [['courts', all('SELECT * FROM courts WHERE origin = ? AND code = ?', me, me)]];
    // The roster travels down, so intermediate courts learn their basic courts.
    rows.push(['roster_courts', all('SELECT * FROM roster_courts WHERE origin = ? ORDER BY change_seq', me)]);
    // Issued notices (通报) go to every court, readable by all; withdrawn ones as tombstones. Drafts
    // never leave this court. Notes and orders never travel here: each is sealed to its court.
    rows.push([
      'notices',
      all(
        "SELECT * FROM notices WHERE campaign_id = ? AND origin = ? AND status = 'issued' ORDER BY change_seq",
        campaign.id,
        me,
      ),
    ]);
    const counter = await trx.selectFrom('changeCounter').select('value').where('id', '=', 1).executeTakeFirstOrThrow();
    return { seq: (await nextSeq(trx, target.code)).seq, definition: rows, changeThrough: counter.value };
  });
  const fileName = bundleFileName(profile, 'package_down', seq, dayjs(ctx.now()).format('YYYY-MM-DD'), campaign.title);
  const written = await writePackage(ctx, keys, profile, {
    target,
    seq,
    campaign,
    rows: definition,
    nested,
    changeThrough,
    createdAt,
    outPath: () => resolveOut(options, fileName),
    recipient: null,
    control,
  });
  // With an explicit file name (command line --out), the sealed packages go beside it.
  const sealedOut = options.outFile ? { folder: path.dirname(path.resolve(options.outFile)) } : options;
  const sealed = await publishAddressed(ctx, keys, profile, campaign, sealedOut, control);
  const files: ExportReport['packages'] = [
    {
      fileName: path.basename(written.outPath),
      filePath: written.outPath,
      target,
      seq,
      encrypted: false,
      notes: 0,
      bytes: written.bytes,
    },
    ...sealed.files,
  ];
  const notesText = sealed.files.length
    ? `；另为 ${sealed.files.length} 个法院各生成一个加密的督导意见和督办单包（只有该院及其上级能打开）`
    : '';
  const skippedText = sealed.skipped.length
    ? `；${sealed.skipped.map((court) => `${court.name}：${court.reason}`).join('；')}`
    : '';
  const report: ExportReport = {
    filePath: written.outPath,
    fileName: path.basename(written.outPath),
    kind: 'package_down',
    full: true,
    seq,
    target,
    encrypted: false,
    rows: written.rows,
    files: 0,
    nested: nested.length,
    bytes: written.bytes,
    packages: files,
    skipped: sealed.skipped,
    message: `已生成“${campaign.title}”下发包第 ${seq} 号：${written.rows} 条数据${own ? '' : '（内含上级法院的原始下发包）'}。下发包不加密，由本院签名防篡改${notesText}${skippedText}。`,
  };
  recordExport(ctx, report, createdAt);
  for (const file of sealed.files) {
    recordExport(
      ctx,
      {
        ...report,
        filePath: file.filePath,
        fileName: file.fileName,
        seq: file.seq,
        target: file.target,
        encrypted: true,
        rows: file.notes,
        nested: 0,
        bytes: file.bytes,
        packages: [file],
        skipped: [],
        message: `已生成发给${file.target.name}的“${campaign.title}”督导意见和督办单包第 ${file.seq} 号（已加密）。`,
      },
      createdAt,
    );
  }
  return report;
}

interface PackageSpec {
  target: { code: string; name: string };
  seq: number;
  campaign: { id: string; title: string };
  rows: [string, Row[]][];
  nested: Nested[];
  changeThrough: number;
  createdAt: string;
  outPath: () => string;
  recipient: { boxKey: string; fingerprint: string } | null;
  control?: JobControl;
}

/** Writes one package down (signed; sealed when given a recipient) and records it in the outbox. */
async function writePackage(
  ctx: ServiceContext,
  keys: OwnKeys,
  profile: { code: string; name: string; level: string; parentCode: string | null },
  spec: PackageSpec,
): Promise<{ outPath: string; rows: number; bytes: number; sha256: string }> {
  const plainPath = tempPath(ctx.dataDir, 'publish');
  const writer = new BundleZipWriter(plainPath);
  const collected: Collected = { entries: [], rows: 0, files: 0 };
  const total = spec.rows.reduce((sum, [, rows]) => sum + rows.length, 0);
  let manifest: Manifest;
  let outPath: string;
  try {
    for (const [table, rows] of spec.rows) {
      await writeRows(writer, table, rows, collected, new Set(), spec.control, total);
    }
    const vouches = await addNested(ctx, ctx.db, writer, spec.nested, collected);
    manifest = {
      format: BUNDLE_FORMAT,
      formatVersion: BUNDLE_FORMAT_VERSION,
      kind: 'package_down',
      full: true,
      source: ownCard(profile, keys),
      target: spec.target,
      seq: spec.seq,
      changeFrom: 0,
      changeThrough: spec.changeThrough,
      createdAt: spec.createdAt,
      campaign: spec.campaign,
      counts: { rows: collected.rows, files: 0, nested: spec.nested.length },
      entries: collected.entries,
      vouches,
      app: { version: ctx.appVersion, schemaVersion: ctx.schemaVersion },
    };
    outPath = spec.outPath();
  } catch (error) {
    await writer.abort();
    fs.rmSync(plainPath, { force: true });
    throw error;
  }
  const sealed = await deliverBundle(ctx, keys, writer, manifest, plainPath, outPath, spec.recipient, {
    kind: 'package_down',
    target: spec.target,
    seq: spec.seq,
    full: true,
    changeFrom: 0,
    changeThrough: spec.changeThrough,
    campaignId: spec.campaign.id,
    createdAt: spec.createdAt,
    audit: null,
    // A superior's broadcast package passed down is marked with the first pass-down that carried it.
    nested: spec.target.code === '*' ? spec.nested : [],
  });
  return { outPath, rows: collected.rows, bytes: sealed.bytes, sha256: sealed.sha256 };
}

/**
 * The sealed packages of a publish: for each direct subordinate T (roster parent = this court)
 * that has anything to receive, one package addressed to T and encrypted to T's key, carrying
 * this court's notes and orders (督办单) on T (a full snapshot, deleted ones too), the superior's
 * sealed packages for T this court received (relay), and this court's own packages for courts
 * whose roster parent is T (T is on their path: it may read them, and passes each down in its own
 * sealed package). A court whose key is not known here gets nothing, and the report says so: a
 * note or an order never travels unencrypted.
 */
async function publishAddressed(
  ctx: ServiceContext,
  keys: OwnKeys,
  profile: { code: string; name: string; level: string; parentCode: string | null },
  campaign: { id: string; origin: string; title: string },
  options: ExportTarget,
  control?: JobControl,
): Promise<{ files: ExportReport['packages']; skipped: ExportReport['skipped'] }> {
  const me = profile.code;
  const roster = await rosterCourts(ctx);
  const parents = new Map(roster.map((entry) => [entry.code, entry.parentCode]));
  const names = new Map(roster.map((entry) => [entry.code, entry.name]));
  const trusted = await ctx.db.selectFrom('syncCourts').selectAll().where('signKey', '!=', '').execute();
  for (const court of trusted) {
    if (!parents.has(court.code) && court.parentCode) parents.set(court.code, court.parentCode);
    if (!names.has(court.code)) names.set(court.code, court.name);
  }
  /** The direct subordinate on the path from this court down to `code`, or null. */
  const pathChild = (code: string): string | null => {
    let current = code;
    const seen = new Set<string>();
    while (!seen.has(current)) {
      seen.add(current);
      const parent = parents.get(current);
      if (!parent) return null;
      if (parent === me) return current;
      current = parent;
    }
    return null;
  };
  // Notes and orders (督办单) alike: a court with only orders gets its package too.
  const noteCounts = [
    ...(await ctx.db
      .selectFrom('supervisionNotes')
      .select((eb) => ['courtCode', eb.fn.countAll<number>().as('n')])
      .where('campaignId', '=', campaign.id)
      .where('origin', '=', me)
      .groupBy('courtCode')
      .execute()),
    ...(await ctx.db
      .selectFrom('supervisionOrders')
      .select((eb) => ['courtCode', eb.fn.countAll<number>().as('n')])
      .where('campaignId', '=', campaign.id)
      .where('origin', '=', me)
      .groupBy('courtCode')
      .execute()),
  ];
  const received = await ctx.db
    .selectFrom('syncReceived')
    .select(['id', 'sourceCode', 'targetCode', 'seq', 'sha256', 'size', 'filePath'])
    .where('kind', '=', 'package_down')
    .where('campaignId', '=', campaign.id)
    .where('targetCode', 'not in', ['*', me])
    .where('sourceCode', '!=', me)
    .orderBy('seq', 'desc')
    .execute();
  const skipped: ExportReport['skipped'] = [];
  // Per direct subordinate: own notes' courts below it, and received packages to carry.
  const plan = new Map<string, { deeper: Set<string>; carried: Nested[]; own: number }>();
  const planFor = (child: string) => {
    let entry = plan.get(child);
    if (!entry) plan.set(child, (entry = { deeper: new Set(), carried: [], own: 0 }));
    return entry;
  };
  const unreachable = new Set<string>();
  for (const { courtCode, n } of noteCounts) {
    if (courtCode === me) continue;
    const child = pathChild(courtCode);
    if (!child) {
      if (unreachable.has(courtCode)) continue;
      unreachable.add(courtCode);
      skipped.push({
        code: courtCode,
        name: names.get(courtCode) ?? courtCode,
        reason: '不在本院应报名单中，无法确定转交路径，督导意见和督办单没有发出',
      });
      continue;
    }
    if (child === courtCode) planFor(child).own += n;
    else planFor(child).deeper.add(courtCode);
  }
  const carriedKeys = new Set<string>();
  for (const bundle of received) {
    // The newest package of each issuer for each addressee.
    const key = `${bundle.sourceCode}|${bundle.targetCode}`;
    if (carriedKeys.has(key)) continue;
    carriedKeys.add(key);
    const child = pathChild(bundle.targetCode);
    if (child) planFor(child).carried.push(bundle);
  }
  const files: ExportReport['packages'] = [];
  const date = dayjs(ctx.now()).format('YYYY-MM-DD');
  for (const [child, entry] of [...plan.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const key = trusted.find((court) => court.code === child);
    const name = names.get(child) ?? child;
    if (!key) {
      skipped.push({
        code: child,
        name,
        reason:
          '本院尚未取得该院的密钥（它还没有向本院上报过），督导意见和督办单不能加密，没有为它生成督导意见和督办单包',
      });
      continue;
    }
    const nested: Nested[] = [...entry.carried];
    let notes = entry.own;
    // This court's own packages for courts below the child: plain signed bundles kept here,
    // carried inside the child's sealed package.
    for (const deeper of [...entry.deeper].sort()) {
      const inner = await addressedPackage(
        ctx,
        keys,
        profile,
        campaign,
        { code: deeper, name: names.get(deeper) ?? deeper },
        () => path.join(ctx.dataDir, 'sync', 'addressed', `${deeper}-${campaign.id}-${Date.now()}${BUNDLE_EXTENSION}`),
        null,
        control,
      );
      notes += inner.notes;
      nested.push({
        id: '',
        sourceCode: me,
        seq: inner.seq,
        sha256: inner.sha256,
        size: inner.bytes,
        filePath: path.relative(ctx.dataDir, inner.outPath),
      });
    }
    const target = { code: child, name };
    const written = await addressedPackage(
      ctx,
      keys,
      profile,
      campaign,
      target,
      (seq) =>
        resolveOut(options, bundleFileName(profile, 'package_down', seq, date, `${campaign.title}督导督办发${name}`)),
      { boxKey: key.boxKey, fingerprint: key.fingerprint },
      control,
      nested,
    );
    files.push({
      fileName: path.basename(written.outPath),
      filePath: written.outPath,
      target,
      seq: written.seq,
      encrypted: true,
      notes,
      bytes: written.bytes,
    });
  }
  return { files, skipped };
}

/** One package addressed to `target`: this court's notes and orders on it (deleted ones too), its
 * courts row and roster, and the given nested packages. `notes` counts both. */
async function addressedPackage(
  ctx: ServiceContext,
  keys: OwnKeys,
  profile: { code: string; name: string; level: string; parentCode: string | null },
  campaign: { id: string; title: string },
  target: { code: string; name: string },
  outPath: (seq: number) => string,
  recipient: { boxKey: string; fingerprint: string } | null,
  control?: JobControl,
  nested: Nested[] = [],
): Promise<{ outPath: string; seq: number; sha256: string; bytes: number; notes: number }> {
  const me = profile.code;
  const { seq, rows, changeThrough } = await readTransaction(ctx.db, async (trx) => {
    const all = (sql: string, ...params: unknown[]) => ctx.sqlite.prepare(sql).all(...params) as Row[];
    const picked: [string, Row[]][] = [
      ['courts', all('SELECT * FROM courts WHERE origin = ? AND code = ?', me, me)],
      ['roster_courts', all('SELECT * FROM roster_courts WHERE origin = ? ORDER BY change_seq', me)],
      [
        'supervision_notes',
        all(
          'SELECT * FROM supervision_notes WHERE campaign_id = ? AND origin = ? AND court_code = ? ORDER BY change_seq',
          campaign.id,
          me,
          target.code,
        ),
      ],
      [
        'supervision_orders',
        all(
          'SELECT * FROM supervision_orders WHERE campaign_id = ? AND origin = ? AND court_code = ? ORDER BY change_seq',
          campaign.id,
          me,
          target.code,
        ),
      ],
    ];
    const counter = await trx.selectFrom('changeCounter').select('value').where('id', '=', 1).executeTakeFirstOrThrow();
    return { seq: (await nextSeq(trx, target.code)).seq, rows: picked, changeThrough: counter.value };
  });
  const file = outPath(seq);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const written = await writePackage(ctx, keys, profile, {
    target,
    seq,
    campaign,
    rows,
    nested,
    changeThrough,
    createdAt: ctx.now().toISOString(),
    outPath: () => file,
    recipient,
    control,
  });
  const notes = rows
    .filter(([table]) => table === 'supervision_notes' || table === 'supervision_orders')
    .reduce((sum, [, picked]) => sum + picked.length, 0);
  return { outPath: written.outPath, seq, sha256: written.sha256, bytes: written.bytes, notes };
}
