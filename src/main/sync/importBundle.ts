// Reading bundles into the court database: verify everything that can be verified before a row
// is written (envelope, zip structure, entry names and sizes, manifest signature and counts, the
// sender's key and its right to speak for the courts it relays, the addressee, the sequence),
// then apply all rows in ONE transaction — every row checked against its table's schema and the
// manifest's change range, nested bundles each verified against their own signature — and
// either commit, or roll back for a preview (dry run), a cancel or any refusal.
// Evidence files and the kept copy of each received bundle are durable in their final place
// BEFORE the commit (noted in a file journal first), so a crash at any moment leaves the court
// exactly before or exactly after the import; a refused or cancelled import removes them again.
// The transaction is data/transactions' writeTransaction. The rows themselves, and the session's
// bookkeeping around them, go through prepared statements on the same connection inside it (see
// `prepare`): this is the bulk path.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Transaction } from 'kysely';
import type BetterSqlite3 from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { BundleSummary, ImportReport, SyncChangeCount } from '../../shared/model';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { isDatabaseBusy } from '../api/databaseFaults';
import { requireProfile, superiorCourtCodes, timestamp } from '../court/courtProfile';
import { requireUser } from '../access/access';
import { actorName } from '../access/accounts';
import type { CourtProfile } from '../../shared/model';
import { ChangeWriter, type Actor } from '../data/ownedRows';
import { ROW_COLUMNS, syncTableLabel, type SyncTableName } from '../data/rowSchemas';
import { AuditAppender } from '../audit/auditLog';
import type { Database } from '../data/schema';
import { writeTransaction } from '../data/transactions';
import { RowReader } from './rowReader';
import { compileFill } from './rowColumns';
import { BlobWriter, blobIntact } from '../evidence/blobStore';
import { crashPoint } from '../durability/crashPoints';
import { FileJournal } from '../durability/fileJournal';
import { JobCancelled, type JobControl } from '../jobs/jobRegistry';
import type { OpenedBundleZip } from './format/container';
import { decryptFile, readEnvelopeHeader } from './format/envelope';
import { assertLooksLikeBundle } from './notABundle';
import { fingerprintOf, normalizeFingerprint } from './format/keys';
import { DEFAULT_LIMITS } from './format/limits';
import { entryKind, type CourtCard, type Manifest, type ManifestEntry } from './format/manifest';
import { ensureCourtKeys, type OwnKeys } from './courtKeys';
import { retiredKeyRefusal, retireRelayedKey } from '../recovery/recoveryService';
import { SYNC_TABLES, SYNC_TABLE_NAMES, tableColumns, type SyncTable } from './syncTables';
import { actorLabel, bundleSummary, NESTED_ROLE_WORDS, nestedSummary, sha256File, tempPath } from './syncFiles';
import { describeCourt, directRefusal, relayRefusal, restartCourtStream } from './bundleTrust';
import { rosterBelow, rosterCourts, type RosterEntry } from '../province/roster';
import { newSealedRowScope, refuseUnsealedNotes, SealedRowGuard, type SealedRowScope } from './sealedRows';
import {
  checkEnvelopeMatches,
  checkNestedName,
  latestPlausibleDay,
  openVerifiedBundle,
  readCheckedRows,
} from './bundleChecks';

export interface ImportOptions {
  file: string;
  /** The name the person knows the file by (uploads are stored under an id). */
  fileName?: string;
  dryRun: boolean;
  /** Fingerprints a person compared for courts met for the first time. */
  trust: string[];
  /** Direct senders not on the roster that a person accepted (加入应报名单): added in the import. */
  addToRoster?: string[];
  /**
   * Import inside a write transaction the caller holds and commits (the demo: its superior's
   * packages and the court's work on them land all or nothing). The files the import placed are
   * then the caller's to settle: each `keep` after the commit, each `discard` after a rollback.
   */
  within?: { trx: Transaction<Database>; placed: { keep(): Promise<void>; discard(): void }[] };
}

type Row = Record<string, unknown>;
const KIND_TEXT = { report_up: '上报包', package_down: '下发包' } as const;

interface RowShape {
  key: string;
  names: string[];
  assigned: string[];
  insert: BetterSqlite3.Statement;
  /** Inserts unless the id is held already (then changes nothing): most rows of a bundle are new,
   * and this spares them the lookup. */
  insertNew: BetterSqlite3.Statement;
  update: BetterSqlite3.Statement;
  existing: BetterSqlite3.Statement;
  /** One row's values in `names` order, refilled for each row: a statement binds them at once. */
  values: unknown[];
  /** Fills `values` from a row (compiled per table). */
  fill: (row: Row, values: unknown[]) => void;
}

/** A broadcast package down carries the signer's roster: its nested packages are applied before
 * its own rows (checkNestedAddressee). */
const nestedGoFirst = (manifest: Manifest) => manifest.kind === 'package_down' && manifest.target.code === '*';

/** Parents whose campaign is remembered at once while applying rows. */
const PARENT_CACHE_LIMIT = 50_000;

interface VerifiedBundle {
  zip: OpenedBundleZip;
  manifest: Manifest;
  /** The plain (signed, unencrypted) zip on disk and its SHA-256: kept for relaying. */
  plainPath: string;
  sha256: string;
  size: number;
  /** Rows actually read from its rows/ entries (filled in as they are read). */
  counted: number;
  /** Notes, orders and notices met while reading, checked once all its rows are in (sealedRows). */
  sealed: SealedRowScope;
}

/** Thrown for refusals that concern one court's bundle sequence, so history can name that court. */
export class SequenceError extends ApiError {
  constructor(
    code: string,
    message: string,
    readonly courtCode: string,
    readonly courtName: string,
    readonly seq: number,
  ) {
    super(code, message);
  }
}

const label = syncTableLabel;

export class ImportSession {
  private readonly temps: string[] = [];
  private readonly changes = new Map<string, SyncChangeCount>();
  /** Titles of campaigns met in the bundle: a preview rolls back before its report is written. */
  private readonly campaignTitles = new Map<string, string>();
  private readonly courtNames = new Map<string, string>();
  private readonly columns: Map<string, Set<string>>;
  private readonly statements = new Map<string, BetterSqlite3.Statement>();
  private sealedGuard: SealedRowGuard | null = null;
  private readonly shapes = new Map<string, RowShape>();
  private readonly parentCampaigns = new Map<string, string | null>();
  private readonly nestedSummaries: BundleSummary['nested'] = [];
  private readonly needsTrust: ImportReport['needsTrust'] = [];
  private readonly newlyVouched: ImportReport['newlyVouched'] = [];
  private readonly auditAlerts: ImportReport['auditAlerts'] = [];
  private readonly packages: { issuer: string; campaignId: string }[] = [];
  /** The roster when the import began (courts below this one), by code. */
  private roster = new Map<string, RosterEntry>();
  private superiors: string[] = [];
  private readonly notOnRoster: ImportReport['notOnRoster'] = [];
  private readonly mergedOnRoster: ImportReport['mergedOnRoster'] = [];
  private readonly addedToRoster: ImportReport['addedToRoster'] = [];
  /** Packages down applied in this import: a receipt each (written in the transaction). */
  private readonly receipts: { source: string; seq: number; campaignId: string | null }[] = [];
  private readonly materialized = { added: 0, updated: 0, removed: 0 };
  private readonly trusted: string[];
  /** Evidence files go straight to their final place (before the commit); null in a preview. */
  private readonly blobs: BlobWriter | null;
  /** The kept copies of received bundles, journaled like evidence files. */
  private readonly keptCopies: FileJournal | null;
  private readonly createdCopies: string[] = [];
  /** Placed files are settled: kept after the commit, or removed after a refusal. */
  private placedSettled = false;
  /** The signer's key replaces one a relay had vouched for: its numbering starts again. */
  private rootKeyRenewed = false;
  private files = 0;
  /** Files a preview found missing here that the import would add (nothing is written then). */
  private restored = 0;
  private processed = 0;
  private total = 0;
  private readonly now: string;
  private readonly latestDay: string;
  /** Reads big rows entries beside this thread; started before the bundle is opened. */
  private rowReader: RowReader | null = null;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly profile: CourtProfile,
    private readonly keys: OwnKeys,
    private readonly options: ImportOptions,
    private readonly control?: JobControl,
  ) {
    this.columns = new Map([...tableColumns(ctx.sqlite)].map(([table, names]) => [table, new Set(names)]));
    this.trusted = options.trust.map(normalizeFingerprint);
    this.now = timestamp(ctx);
    this.latestDay = latestPlausibleDay(ctx.now());
    this.blobs = options.dryRun ? null : new BlobWriter(ctx.dataDir);
    this.keptCopies = options.dryRun ? null : new FileJournal(ctx.dataDir);
  }

  private get sqlite(): BetterSqlite3.Database {
    return this.ctx.sqlite;
  }

  private get sealedRows(): SealedRowGuard {
    this.sealedGuard ??= new SealedRowGuard((sql) => this.prepare(sql));
    return this.sealedGuard;
  }

  /** Prepared once per session and reused for every row: a progress note inserts in ~6 µs this
   * way, ~37–41 µs through Kysely, which compiles and prepares each query anew (scripts/bench/
   * importStatements.ts, 20,000 rows × 5, one transaction each, 2026-12-05). */
  private prepare(sql: string): BetterSqlite3.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.sqlite.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private temp(label: string): string {
    const file = tempPath(this.ctx.dataDir, label);
    this.temps.push(file);
    return file;
  }

  /** Ends the row reader (its open files first), then removes the temporary files. */
  async cleanup(): Promise<void> {
    await this.rowReader?.close();
    for (const file of this.temps) fs.rmSync(file, { force: true });
  }

  /** Nothing will be committed: remove what was put in place for this import. Called while the
   * write lock is still held, so no other import can have come to rely on these files. */
  private discardPlaced(): void {
    if (this.placedSettled) return;
    this.placedSettled = true;
    this.blobs?.discard();
    for (const file of this.createdCopies) fs.rmSync(file, { force: true });
    this.keptCopies?.close();
  }

  /** The transaction committed (or there was none to commit): the placed files stay. */
  private async keepPlaced(): Promise<void> {
    if (this.placedSettled) return;
    this.placedSettled = true;
    await this.blobs?.committed();
    this.keptCopies?.close();
  }

  private checkCancel(): void {
    if (this.control?.cancelled) throw new JobCancelled();
  }

  private tick(): void {
    this.processed += 1;
    if (this.processed % 500 === 0) {
      this.checkCancel();
      if (this.processed % 2000 === 0) {
        this.control?.progress(
          this.processed,
          Math.max(this.total, this.processed),
          `正在${this.options.dryRun ? '核对' : '导入'}数据（${this.processed} / ${Math.max(this.total, this.processed)} 行）`,
        );
      }
      crashPoint('import.rows');
    }
  }

  /** Opens a file as a verified bundle: decrypting first when it is sealed for this court. */
  async openRoot(): Promise<{ bundle: VerifiedBundle; encrypted: boolean }> {
    const file = this.options.file;
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new ApiError('E_NOT_FOUND', '找不到要导入的文件。');
    // An .xlsx or a zip of photos is "这不是同步包（…）", not the parser's complaint about its names.
    const kind = await assertLooksLikeBundle(file);
    // A bundle after all: the row reader thread starts up while this one decrypts and verifies it.
    this.rowReader ??= RowReader.forBundle(file);
    let plain = file;
    let envelopeHeader: Awaited<ReturnType<typeof readEnvelopeHeader>> | null = null;
    let plainHash: crypto.Hash | null = null;
    if (kind === 'envelope') {
      envelopeHeader = await readEnvelopeHeader(file);
      if (envelopeHeader.target.code !== this.profile.code) {
        throw new ApiError(
          'E_WRONG_TARGET',
          `这个同步包是${describeCourt(envelopeHeader.source)}发给${describeCourt(envelopeHeader.target)}的，不是发给本院的，没有导入任何内容。`,
        );
      }
      plain = this.temp('decrypted');
      this.checkSpace(fs.statSync(file).size);
      plainHash = crypto.createHash('sha256');
      await decryptFile(
        file,
        plain,
        { boxPublic: this.keys.boxPublic, boxPrivate: this.keys.boxPrivate, fingerprint: this.keys.fingerprint },
        DEFAULT_LIMITS.maxTotalBytes,
        plainHash,
      );
    }
    const bundle = await this.verify(plain, plainHash?.digest('hex'));
    if (envelopeHeader) {
      try {
        checkEnvelopeMatches(envelopeHeader, bundle.manifest);
      } catch (error) {
        await bundle.zip.close();
        throw error;
      }
    }
    return { bundle, encrypted: envelopeHeader !== null };
  }

  private checkSpace(bytes: number): void {
    try {
      const stats = fs.statfsSync(this.ctx.dataDir);
      if (stats.bavail * stats.bsize < bytes * 2 + 64 * 1024 * 1024) {
        throw new ApiError('E_NO_SPACE', '数据文件夹所在磁盘空间不足，无法导入这个同步包。请清理磁盘后再试。');
      }
    } catch (error) {
      if (error instanceof ApiError) throw error;
    }
  }

  /** Structure, names, sizes, signature, counts, version: everything about one plain bundle file
   * that needs no database. */
  private async verify(plainPath: string, knownSha256?: string): Promise<VerifiedBundle> {
    const { zip, manifest } = await openVerifiedBundle(plainPath, {
      schemaVersion: this.ctx.schemaVersion,
      now: this.ctx.now(),
    });
    try {
      this.checkSpace(manifest.entries.reduce((sum, entry) => sum + entry.size, 0));
      this.courtNames.set(manifest.source.code, manifest.source.name);
      const size = fs.statSync(plainPath).size;
      // A nested bundle's hash was checked as it was extracted, a decrypted one's as it was
      // written; only a plain file from outside is hashed here.
      return {
        zip,
        manifest,
        plainPath,
        sha256: knownSha256 ?? (await sha256File(plainPath)),
        size,
        counted: 0,
        sealed: newSealedRowScope(),
      };
    } catch (error) {
      await zip.close();
      throw error;
    }
  }

  private knownCourt(code: string): Row | undefined {
    return this.prepare('SELECT * FROM sync_courts WHERE code = ?').get(code) as Row | undefined;
  }

  private confirmedByPerson(fingerprint: string): boolean {
    return this.trusted.includes(normalizeFingerprint(fingerprint));
  }

  /**
   * A directly received bundle's signer. Known by a key a person here confirmed: the keys must be
   * the same. Not known, or known only through a relay's vouching: a person must compare the
   * fingerprint now (the preview names the court); a vouched key never stands in for that.
   */
  private trustRoot(manifest: Manifest): void {
    const source = manifest.source;
    if (source.code === this.profile.code) {
      throw new ApiError('E_ORIGIN', '这是本院自己导出的同步包，不能导入本院。');
    }
    const retired = retiredKeyRefusal(this.sqlite, source);
    if (retired) throw retired;
    const relation = manifest.kind === 'report_up' ? 'subordinate' : 'superior';
    const known = this.knownCourt(source.code);
    const confirmedBefore = known && known.sign_key && known.vouched_by === null;
    if (confirmedBefore) {
      this.checkSameKeys(known, source);
      if (manifest.kind === 'package_down' && known.relation !== 'superior') {
        throw new ApiError('E_WRONG_TARGET', `${describeCourt(source)}是本院的下级法院，它的下发包不能导入本院。`);
      }
      if (manifest.kind === 'report_up' && known.relation === 'superior') {
        throw new ApiError('E_WRONG_TARGET', `${describeCourt(source)}是本院的上级法院，它不能向本院上报。`);
      }
    }
    const refusal = directRefusal(manifest.kind, source, this.profile);
    if (refusal) throw new ApiError('E_ORIGIN', `${refusal}，没有导入任何内容。`);
    if (confirmedBefore) return;
    const fingerprint = fingerprintOf(source.signKey, source.boxKey);
    const replacesVouched = Boolean(
      known && known.sign_key && (known.sign_key !== source.signKey || known.box_key !== source.boxKey),
    );
    if (!this.confirmedByPerson(fingerprint)) {
      if (this.options.dryRun) {
        this.needsTrust.push({
          code: source.code,
          name: source.name,
          level: source.level,
          fingerprint,
          ...(replacesVouched ? { replacesVouched } : {}),
        });
      } else {
        const first = known?.vouched_by
          ? `本院此前只经 ${String(known.vouched_by)} 转报担保认识${describeCourt(source)}，这是它第一次直接发来同步包`
          : `首次收到${describeCourt(source)}的同步包`;
        throw new ApiError(
          'E_UNTRUSTED',
          `${first}。请与对方电话核对密钥指纹：${fingerprint}。核对一致后再确认导入。${this.trusted.length ? '（您提供的指纹与此包不符。）' : ''}`,
        );
      }
    }
    // A person confirmed this key: it replaces whatever a relay vouched for. Another key is
    // another installation, so its numbering starts again, and so does the audit witness.
    this.rootKeyRenewed = replacesVouched;
    this.insertTrust(source, relation, fingerprint, actorLabel(this.ctx), null, replacesVouched);
  }

  private checkSameKeys(known: Row, card: CourtCard): void {
    if (known.sign_key !== card.signKey || known.box_key !== card.boxKey) {
      throw new ApiError(
        'E_KEY_MISMATCH',
        `${describeCourt(card)}这次使用的密钥与本院已信任的不同（已信任的指纹：${known.fingerprint as string}）。可能是对方重装了程序，也可能是伪造的同步包。请先电话联系对方核实；确属重装的，由管理员在“信任的法院”中移除后重新导入。`,
      );
    }
  }

  private insertTrust(
    card: CourtCard,
    relation: 'superior' | 'subordinate' | 'relayed',
    fingerprint: string,
    trustedBy: string,
    vouchedBy: string | null,
    newKey = false,
  ): void {
    this.pendingTrust.push(async (trx) => {
      this.prepare(
        // A court whose trust was removed keeps its row (and sequence): only the keys are renewed.
        `INSERT INTO sync_courts (code, name, level, parent_code, sign_key, box_key, fingerprint, relation, trusted_at, trusted_by, vouched_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (code) DO UPDATE SET name = excluded.name, level = excluded.level, parent_code = excluded.parent_code,
           sign_key = excluded.sign_key, box_key = excluded.box_key, fingerprint = excluded.fingerprint, relation = excluded.relation,
           trusted_at = excluded.trusted_at, trusted_by = excluded.trusted_by, vouched_by = excluded.vouched_by`,
      ).run(
        card.code,
        card.name,
        card.level,
        card.parentCode,
        card.signKey,
        card.boxKey,
        fingerprint,
        relation,
        this.now,
        trustedBy,
        vouchedBy,
      );
      if (newKey) await restartCourtStream(trx, card.code);
    });
  }

  private readonly pendingTrust: ((trx: Transaction<Database>) => Promise<void>)[] = [];
  /** The import's write transaction, while it is open. */
  private trx: Transaction<Database> | null = null;

  /** Checks a bundle's place in its sender's sequence. 'skip': already held (relayed twice). */
  private sequence(manifest: Manifest, bundleSha: string, nested: boolean): 'apply' | 'same' | 'skip' {
    const source = manifest.source;
    if (manifest.kind === 'package_down') {
      const same = this.prepare(
        "SELECT 1 FROM sync_received WHERE source_code = ? AND kind = 'package_down' AND sha256 = ?",
      ).get(source.code, bundleSha);
      if (same) return nested ? 'skip' : 'same';
      // Numbered per addressee: the broadcast package ('*') and each court's sealed package apart.
      const newer = this.prepare(
        "SELECT max(seq) AS seq FROM sync_received WHERE source_code = ? AND kind = 'package_down' AND campaign_id = ? AND target_code = ?",
      ).get(source.code, manifest.campaign?.id ?? '', manifest.target.code) as { seq: number | null };
      if (newer.seq !== null && newer.seq > manifest.seq) {
        if (nested) return 'skip';
        throw new SequenceError(
          'E_OLDER',
          `这是${describeCourt(source)}“${manifest.campaign?.title ?? ''}”的第 ${manifest.seq} 号下发包，本院已有更新的第 ${newer.seq} 号，较旧的包不会导入（数据不会回退）。`,
          source.code,
          source.name,
          manifest.seq,
        );
      }
      return 'apply';
    }
    const known = nested || !this.rootKeyRenewed ? this.knownCourt(source.code) : undefined;
    const held = (known?.last_seq as number | undefined) ?? 0;
    const heldThrough = (known?.last_change_through as number | null | undefined) ?? null;
    if (manifest.seq <= held) {
      if (nested) return 'skip';
      const same = this.prepare(
        "SELECT 1 FROM sync_received WHERE source_code = ? AND kind = 'report_up' AND seq = ? AND sha256 = ?",
      ).get(source.code, manifest.seq, bundleSha);
      if (same) return 'same';
      throw new SequenceError(
        'E_OLDER',
        `这是${describeCourt(source)}的第 ${manifest.seq} 号同步包，本院已导入到第 ${held} 号，较旧的包不会导入（数据不会回退）。`,
        source.code,
        source.name,
        manifest.seq,
      );
    }
    if (manifest.full) return 'apply';
    // What matters is that no change is missing: a bundle may start at or before the change this
    // court already holds (a number skipped by an interrupted export is then harmless), never after.
    const continuous =
      heldThrough !== null
        ? manifest.changeFrom <= heldThrough
        : manifest.seq === held + 1 && (held > 0 || manifest.changeFrom === 0);
    if (!continuous) {
      throw new SequenceError(
        'E_GAP',
        `缺少${describeCourt(source)}的第 ${held + 1} 号同步包（本包是第 ${manifest.seq} 号），为避免数据缺漏没有导入。请找到缺少的同步包先导入，或请对方导出一份完整快照。`,
        source.code,
        source.name,
        manifest.seq,
      );
    }
    return 'apply';
  }

  /**
   * The audit witness: a report up carries its sender's audit-log head and the hashes now found
   * at positions it reported before. A log that went backwards, or whose entry at a reported
   * position changed, is flagged on the court (the import itself goes on: the rows are signed).
   */
  private witnessAudit(manifest: Manifest): void {
    if (manifest.kind !== 'report_up') return;
    const source = manifest.source;
    const known = this.knownCourt(source.code);
    const storedCount = (known?.audit_count as number | null | undefined) ?? null;
    const storedHash = (known?.audit_hash as string | null | undefined) ?? null;
    const audit = manifest.audit;
    let problem: string | null = null;
    if (!audit) {
      if (storedCount !== null) problem = '这次上报没有附上审计日志链头，而此前的上报都有';
    } else if (storedCount !== null && storedHash !== null) {
      if (audit.count < storedCount) {
        problem = `审计记录从上次上报的 ${storedCount} 条减少到 ${audit.count} 条（记录被删除或整个日志被替换）`;
      } else if (audit.count === storedCount && audit.hash !== storedHash) {
        problem = `第 ${storedCount} 条审计记录与上次上报时不同（日志被改写）`;
      } else {
        const then = audit.reported.find((position) => position.count === storedCount);
        if (then && then.hash !== storedHash) problem = `第 ${storedCount} 条审计记录与上次上报时不同（日志被改写）`;
      }
    }
    if (problem) {
      const message = `审计日志与上次上报不一致：${problem}。`;
      this.auditAlerts.push({ code: source.code, name: source.name, message });
      this.prepare('UPDATE sync_courts SET audit_alert = ?, audit_alert_at = ? WHERE code = ?').run(
        message,
        this.now,
        source.code,
      );
    }
    if (audit)
      this.prepare('UPDATE sync_courts SET audit_count = ?, audit_hash = ? WHERE code = ?').run(
        audit.count,
        audit.hash,
        source.code,
      );
  }

  private count(court: string, campaignId: string | null, outcome: 'added' | 'updated' | 'unchanged' | 'older'): void {
    // Rows come in runs of one court and one campaign: the last entry is nearly always the one.
    const last = this.lastCount;
    if (last && last.courtCode === court && last.campaignId === campaignId) {
      last[outcome] += 1;
      return;
    }
    const key = `${court}|${campaignId ?? ''}`;
    let entry = this.changes.get(key);
    if (!entry) {
      entry = {
        courtCode: court,
        courtName: this.courtNames.get(court) ?? court,
        campaignId,
        campaignTitle: '',
        added: 0,
        updated: 0,
        unchanged: 0,
        older: 0,
      };
      this.changes.set(key, entry);
    }
    this.lastCount = entry;
    entry[outcome] += 1;
  }

  private lastCount: SyncChangeCount | null = null;

  private campaignOf(table: SyncTable, row: Row): string | null {
    if (table.campaign === null) return table.name === 'campaigns' ? (row.id as string) : null;
    if (table.campaign === 'column') return (row.campaign_id as string) ?? null;
    // Notes, evidence and events come many to a parent: remember parents' campaigns (bounded).
    const parentId = row[table.campaign.via] as string;
    const known = this.parentCampaigns.get(parentId);
    if (known !== undefined) return known;
    const parent = this.prepare(`SELECT campaign_id FROM ${table.campaign.parentTable} WHERE id = ?`).get(parentId) as
      { campaign_id: string } | undefined;
    this.rememberParent(parentId, parent?.campaign_id ?? null);
    return parent?.campaign_id ?? null;
  }

  /** The campaign of a row just written. A row carrying its campaign is remembered as a parent:
   * a bundle brings items before their progress notes, which then need no lookup. */
  private written(table: SyncTable, row: Row): string | null {
    const campaignId = this.campaignOf(table, row);
    if (table.campaign === 'column') this.rememberParent(row.id as string, campaignId);
    return campaignId;
  }

  private rememberParent(id: string, campaignId: string | null): void {
    if (this.parentCampaigns.size >= PARENT_CACHE_LIMIT) this.parentCampaigns.clear();
    this.parentCampaigns.set(id, campaignId);
  }

  /** The statements for one table, built once. Every row of a table carries exactly the table's
   * columns (its schema checked that), so values are taken in one fixed column order and the hot
   * loop neither looks at a row's keys nor rebuilds SQL. */
  private shapeOf(table: string): RowShape {
    const known = this.shapes.get(table);
    if (known) return known;
    const names = ROW_COLUMNS[table as SyncTableName];
    const allowed = this.columns.get(table)!;
    for (const name of names) {
      if (!allowed.has(name)) throw new Error(`rowSchemas: column ${table}.${name} is not in the database`);
    }
    const assigned = names.filter((name) => name !== 'id');
    const shape: RowShape = {
      key: table,
      names: [...names],
      assigned,
      insert: this.prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`),
      insertNew: this.prepare(
        `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')}) ON CONFLICT (id) DO NOTHING`,
      ),
      update: this.prepare(`UPDATE ${table} SET ${assigned.map((name) => `${name} = ?`).join(', ')} WHERE id = ?`),
      existing: this.prepare(`SELECT origin, version FROM ${table} WHERE id = ?`),
      values: new Array<unknown>(names.length),
      fill: compileFill(names),
    };
    this.shapes.set(table, shape);
    return shape;
  }

  private applyRow(table: SyncTable, row: Row, source: CourtCard): void {
    if (table.name === 'campaigns') this.campaignTitles.set(row.id as string, row.title as string);
    const shape = this.shapeOf(table.name);
    const values = shape.values;
    shape.fill(row, values);
    let outcome: 'added' | 'updated' | 'unchanged' | 'older';
    // Courts are looked up first: a reinstalled court's new row replaces its old one below.
    if (table.name !== 'courts' && this.runWrite(table.name, row, shape.insertNew, values).changes === 1) {
      this.count(source.code, this.written(table, row), 'added');
      this.tick();
      return;
    }
    const version = row.version as number;
    const existing = shape.existing.get(row.id) as { origin: string; version: number } | undefined;
    if (!existing) {
      // A court that reinstalled describes itself with a new row: it replaces the old one.
      if (table.name === 'courts')
        this.prepare('DELETE FROM courts WHERE code = ? AND origin = ? AND id <> ?').run(row.code, row.origin, row.id);
      this.runWrite(table.name, row, shape.insert, values);
      outcome = 'added';
    } else if (existing.origin !== row.origin) {
      throw new ApiError(
        'E_ORIGIN',
        `同步包试图改写一条属于 ${existing.origin} 的${label(table.name)}，一个法院只能修改自己的数据，没有导入任何内容。`,
      );
    } else if (version > existing.version) {
      this.runWrite(table.name, row, shape.update, [...shape.assigned.map((name) => row[name]), row.id]);
      outcome = 'updated';
    } else {
      outcome = version === existing.version ? 'unchanged' : 'older';
    }
    this.count(
      source.code,
      outcome === 'added' || outcome === 'updated' ? this.written(table, row) : this.campaignOf(table, row),
      outcome,
    );
    this.tick();
  }

  /** Runs one row's write (its values in the statement's order), a refused constraint worded for people. */
  private runWrite(
    table: string,
    row: Row,
    statement: BetterSqlite3.Statement,
    values: unknown[],
  ): BetterSqlite3.RunResult {
    try {
      return statement.run(values);
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
        throw new ApiError(
          'E_MISSING_REFERENCE',
          `同步包中的${label(table)}引用了本院没有的记录（编号 ${String(row.id)}）。多半是它所属的专项活动尚未下发到本院：请先导入上级法院的下发包，再导入这个同步包。没有导入任何内容。`,
        );
      }
      if (code.startsWith('SQLITE_CONSTRAINT') || code === 'SQLITE_MISMATCH') {
        throw new ApiError('E_CORRUPT', `同步包中的${label(table)}不符合数据规则，没有导入任何内容。`);
      }
      throw error;
    }
  }

  /** Reads one rows/ entry, checking every row (readCheckedRows); `apply` writes them (false:
   * check and count only). */
  private async readRowsEntry(
    bundle: VerifiedBundle,
    table: SyncTable,
    entry: ManifestEntry,
    apply: boolean,
  ): Promise<void> {
    const manifest = bundle.manifest;
    const source = manifest.source;
    // Sections nest: all are read first, then parents are inserted before their children.
    const waiting: Row[] | null = apply && table.name === 'sections' ? [] : null;
    const onRow = (row: Row) => {
      if (!apply) return;
      this.sealedRows.row(manifest, bundle.sealed, table.name, row);
      if (waiting) waiting.push(row);
      else this.applyRow(table, row, source);
    };
    // A big entry is read in the reader thread while this one writes (rowReader.ts).
    const counted =
      (await this.rowReader?.read(bundle.plainPath, manifest, table.name, entry, this.latestDay, onRow)) ??
      (await readCheckedRows(bundle.zip, manifest, table.name, entry, this.latestDay, onRow));
    bundle.counted += counted;
    if (!waiting) return;
    const present = this.prepare('SELECT 1 FROM sections WHERE id = ?');
    const inBundle = new Set(waiting.map((row) => row.id));
    let pending = waiting;
    while (pending.length > 0) {
      const ready = pending.filter(
        (row) => row.parent_id === null || !inBundle.has(row.parent_id) || present.get(row.parent_id),
      );
      const next = ready.length > 0 ? ready : pending;
      for (const row of next) {
        this.applyRow(table, row, source);
        inBundle.delete(row.id);
      }
      pending = pending.filter((row) => !next.includes(row));
    }
  }

  /**
   * Evidence files of one bundle: each checked against its hash. Importing: put in its final
   * place now, durable before the commit (a missing or damaged copy here is replaced). A preview
   * only checks. `onlyKnown`: just restore files whose rows are already held (a bundle imported
   * before, whose files may have been lost).
   */
  private async applyFiles(bundle: VerifiedBundle, onlyKnown: boolean): Promise<void> {
    for (const entry of bundle.manifest.entries) {
      const kind = entryKind(entry.name);
      if (kind.kind !== 'file') continue;
      const known = this.prepare('SELECT 1 FROM evidence_blobs WHERE sha256 = ?').get(kind.sha256);
      if (onlyKnown && !known) continue;
      // Placing (importing) checks the copy held here itself; a preview only looks.
      const missing = this.blobs
        ? (await this.blobs.place(kind.sha256, entry.size, (temp) =>
            bundle.zip.extractTo(entry.name, entry.sha256, DEFAULT_LIMITS.maxFileBytes, temp),
          )) === 'placed'
        : !(await blobIntact(this.ctx.dataDir, kind.sha256, entry.size));
      // An entry not extracted is still read, so a damaged bundle is refused whatever is held here.
      if (!this.blobs || !missing) await bundle.zip.verifyEntry(entry.name, entry.sha256, DEFAULT_LIMITS.maxFileBytes);
      if (missing) {
        if (known) this.restored += 1;
        else this.files += 1;
      }
      if (!known)
        this.prepare('INSERT INTO evidence_blobs (sha256, size, created_at) VALUES (?, ?, ?)').run(
          kind.sha256,
          entry.size,
          this.now,
        );
      this.checkCancel();
    }
  }

  /** A subordinate's (or superior's) own signed bundle carried inside another, checked on its own. */
  private async applyNested(outer: VerifiedBundle, onlyRepair: boolean): Promise<void> {
    const nestedEntries = outer.manifest.entries
      .map((entry) => ({ entry, kind: entryKind(entry.name) }))
      .filter(
        (
          item,
        ): item is { entry: ManifestEntry; kind: { kind: 'nested'; source: string; seq: number; sha256: string } } =>
          item.kind.kind === 'nested',
      )
      .sort((a, b) => a.kind.source.localeCompare(b.kind.source) || a.kind.seq - b.kind.seq);
    for (const { entry, kind } of nestedEntries) {
      const file = this.temp('nested');
      await outer.zip.extractTo(entry.name, entry.sha256, DEFAULT_LIMITS.maxTotalBytes, file);
      const bundle = await this.verify(file, entry.sha256);
      try {
        const manifest = bundle.manifest;
        const relayer = outer.manifest.source;
        checkNestedName(kind, manifest);
        if (manifest.kind !== outer.manifest.kind) {
          throw new ApiError(
            'E_ORIGIN',
            `${describeCourt(relayer)}转来的同步包种类不符，不能转报或转发，没有导入任何内容。`,
          );
        }
        if (manifest.kind === 'report_up' && manifest.target.code !== relayer.code) {
          throw new ApiError(
            'E_ORIGIN',
            `${describeCourt(relayer)}转来的同步包不是发给它的，不能转报，没有导入任何内容。`,
          );
        }
        if (manifest.kind === 'package_down') await this.checkNestedAddressee(outer.manifest, manifest);
        // Only a court already trusted here is looked at again when its bundle is held already.
        if (!(await this.trustNested(outer.manifest, manifest, !onlyRepair))) continue;
        const step = onlyRepair ? 'skip' : this.sequence(manifest, bundle.sha256, true);
        if (manifest.kind === 'report_up' && !onlyRepair) this.rosterByRelay(manifest.source, relayer);
        if (step === 'apply') {
          this.total += manifest.counts.rows;
          this.witnessAudit(manifest);
          await this.applyBundle(bundle);
          await this.recordReceived(bundle, relayer.code);
          crashPoint('import.nested');
        } else {
          // Held already: checked and counted all the same, and any lost evidence file restored.
          await this.checkBundle(bundle);
        }
        this.nestedSummaries.push(
          nestedSummary(manifest, {
            rows: bundle.counted,
            files: manifest.entries.filter((item) => entryKind(item.name).kind === 'file').length,
          }),
        );
      } finally {
        await bundle.zip.close();
      }
    }
  }

  /** The rows of an already-held bundle checked (not applied), its nested bundles likewise, its
   * lost evidence files restored. */
  private async checkBundle(bundle: VerifiedBundle): Promise<void> {
    await this.applyNested(bundle, true);
    await this.applyFiles(bundle, true);
    for (const { table, entry } of this.rowsEntries(bundle.manifest))
      await this.readRowsEntry(bundle, table, entry, false);
  }

  /**
   * A nested bundle's signer: the relaying court must have the right to carry it (its direct
   * subordinate's report, or its own parent's package), and its key must be the one held here —
   * or, for a court not known yet, the one the relaying court vouches for (listed in the preview).
   * Without `mayTrust` (a held bundle looked at again, outside any transaction) a court not known
   * is not trusted now: false, and the bundle is passed over.
   */
  private async trustNested(outer: Manifest, manifest: Manifest, mayTrust: boolean): Promise<boolean> {
    const source = manifest.source;
    const relayer = outer.source;
    if (source.code === this.profile.code)
      throw new ApiError('E_ORIGIN', '转报的同步包中有自称本院的数据，没有导入任何内容。');
    const relayerLevel = (this.knownCourt(relayer.code)?.level as string | undefined) || relayer.level;
    const refusal = relayRefusal(outer.kind, relayer, relayerLevel, source, manifest.target.code !== '*');
    if (refusal) throw new ApiError('E_ORIGIN', `${refusal}，没有导入任何内容。`);
    const known = this.knownCourt(source.code);
    const retired = retiredKeyRefusal(this.sqlite, source);
    if (retired) {
      // A bundle from before the key was retired, held here already (a full relay carries the
      // history again): passed over. One numbered after what is held: refused.
      if (manifest.kind === 'report_up' && manifest.seq <= ((known?.last_seq as number | undefined) ?? 0)) return false;
      throw retired;
    }
    const vouched = outer.vouches.find((card) => card.code === source.code);
    if (known && known.sign_key) {
      // A court rebuilt from a 恢复包 has a new key: the relaying court that vouched for the old one
      // (and made the 恢复包, retiring the old key there) now vouches for the new one. Its sequence
      // goes on; the old key is retired here too.
      const renewed =
        mayTrust &&
        known.vouched_by === relayer.code &&
        (known.sign_key !== source.signKey || known.box_key !== source.boxKey) &&
        vouched?.signKey === source.signKey &&
        vouched?.boxKey === source.boxKey;
      if (!renewed) {
        this.checkSameKeys(known, source);
        return true;
      }
      const fingerprint = fingerprintOf(source.signKey, source.boxKey);
      retireRelayedKey(
        this.sqlite,
        {
          code: source.code,
          name: known.name as string,
          signKey: known.sign_key as string,
          boxKey: known.box_key as string,
          fingerprint: known.fingerprint as string,
        },
        fingerprint,
        `经${describeCourt(relayer)}转报担保`,
        this.now,
      );
      this.newlyVouched.push({
        code: source.code,
        name: source.name,
        level: source.level,
        fingerprint,
        vouchedBy: { code: relayer.code, name: relayer.name },
      });
      this.insertTrust(
        source,
        known.relation as 'relayed',
        fingerprint,
        `经${describeCourt(relayer)}转报担保`,
        relayer.code,
      );
      await this.flushTrust();
      return true;
    }
    if (!mayTrust) return false;
    if (!vouched || vouched.signKey !== source.signKey || vouched.boxKey !== source.boxKey) {
      throw new ApiError(
        'E_UNTRUSTED',
        `${describeCourt(relayer)}转来的${describeCourt(source)}同步包没有得到它的担保，无法确认来源，没有导入任何内容。`,
      );
    }
    const relation = manifest.kind === 'report_up' ? 'relayed' : 'superior';
    const fingerprint = fingerprintOf(source.signKey, source.boxKey);
    this.newlyVouched.push({
      code: source.code,
      name: source.name,
      level: source.level,
      fingerprint,
      vouchedBy: { code: relayer.code, name: relayer.name },
    });
    this.insertTrust(source, relation, fingerprint, `经${describeCourt(relayer)}转报担保`, relayer.code);
    // Trust rows go in now, inside the transaction, so later checks (sequence, keys) see them.
    await this.flushTrust();
    return true;
  }

  private async flushTrust(): Promise<void> {
    for (const insert of this.pendingTrust.splice(0)) await insert(this.openTrx());
  }

  /** Vouches only for courts the signer may speak for: its direct subordinates (reports up) or
   * its own parent (packages down). Checked for every card, carried bundle or not. */
  private checkVouches(manifest: Manifest): void {
    const knownRelayer = this.knownCourt(manifest.source.code);
    const relayerLevel = (knownRelayer?.level as string | undefined) || manifest.source.level;
    const seen = new Set<string>();
    for (const card of manifest.vouches) {
      if (seen.has(card.code))
        throw new ApiError('E_CORRUPT', '同步包的担保名单中有重复的法院，清单格式有误，没有导入任何内容。');
      seen.add(card.code);
      const refusal = relayRefusal(manifest.kind, manifest.source, relayerLevel, card);
      if (refusal) throw new ApiError('E_ORIGIN', `${refusal}，也不能为它的密钥担保，没有导入任何内容。`);
    }
  }

  /**
   * Rows and files of one verified bundle and the bundles nested in it, parents before what cites
   * them: in a package down the superior's nested package first (its definition must exist before
   * the relayer's notes on it); in a report up the relayer's own rows first (a campaign it issued
   * itself must exist before its subordinates' work on it arrives).
   */
  /** Has the row reader start on the bundle's big rows entries, which this thread reads next
   * (asked again: no effect). */
  private readAhead(bundle: VerifiedBundle): void {
    this.rowReader?.readAhead(
      bundle.plainPath,
      bundle.manifest,
      this.rowsEntries(bundle.manifest).map(({ table, entry }) => ({ table: table.name, entry })),
      this.latestDay,
    );
  }

  /** A bundle's rows entries in the order they are applied: parents' tables before children's. */
  private rowsEntries(manifest: Manifest): { table: SyncTable; entry: ManifestEntry }[] {
    return SYNC_TABLES.flatMap((table) => {
      const entry = manifest.entries.find((item) => item.name === `rows/${table.name}.ndjson`);
      return entry ? [{ table, entry }] : [];
    });
  }

  private async applyBundle(bundle: VerifiedBundle): Promise<void> {
    this.checkVouches(bundle.manifest);
    refuseUnsealedNotes(bundle.manifest);
    // A sealed package addressed to one court carries the signer's roster: its rows go first, so
    // the courts its nested packages are addressed to are known here (checkNestedAddressee).
    const nestedFirst = nestedGoFirst(bundle.manifest);
    if (nestedFirst) await this.applyNested(bundle, false);
    this.readAhead(bundle);
    await this.applyFiles(bundle, false);
    for (const entry of bundle.manifest.entries) {
      const kind = entryKind(entry.name);
      if (kind.kind === 'rows' && !SYNC_TABLE_NAMES.has(kind.table)) {
        throw new ApiError(
          'E_CORRUPT',
          `同步包中有本程序不认识的数据表“${kind.table}”，可能来自更新的版本，没有导入任何内容。`,
        );
      }
    }
    for (const { table, entry } of this.rowsEntries(bundle.manifest))
      await this.readRowsEntry(bundle, table, entry, true);
    this.sealedRows.afterRows(bundle.manifest, bundle.sealed);
    if (!nestedFirst) await this.applyNested(bundle, false);
    if (bundle.manifest.kind === 'package_down' && bundle.manifest.campaign) {
      this.packages.push({ issuer: bundle.manifest.source.code, campaignId: bundle.manifest.campaign.id });
    }
    // A receipt for each broadcast package imported (nested ones too): reported up, so the issuer
    // learns who holds it. Sealed packages are numbered per addressee and get none.
    if (bundle.manifest.kind === 'package_down' && bundle.manifest.target.code === '*') {
      this.receipts.push({
        source: bundle.manifest.source.code,
        seq: bundle.manifest.seq,
        campaignId: bundle.manifest.campaign?.id ?? null,
      });
    }
    if (bundle.manifest.kind === 'report_up') {
      this.prepare(
        'UPDATE sync_courts SET last_seq = ?, last_change_through = ?, last_bundle_at = ?, last_imported_at = ?, name = ? WHERE code = ?',
      ).run(
        bundle.manifest.seq,
        bundle.manifest.changeThrough,
        bundle.manifest.createdAt,
        this.now,
        bundle.manifest.source.name,
        bundle.manifest.source.code,
      );
    } else {
      // Packages are numbered per issuer across campaigns: record when, not a sequence to continue.
      this.prepare('UPDATE sync_courts SET last_bundle_at = ?, last_imported_at = ?, name = ? WHERE code = ?').run(
        bundle.manifest.createdAt,
        this.now,
        bundle.manifest.source.name,
        bundle.manifest.source.code,
      );
    }
  }

  /** Keeps the signed plain bundle so it can be forwarded upward (or a package passed down):
   * durable in its place before the commit, noted in the journal first. */
  private async recordReceived(bundle: VerifiedBundle, relayedBy: string | null): Promise<void> {
    const manifest = bundle.manifest;
    const relative = path.join(
      'sync',
      'received',
      manifest.source.code,
      `${manifest.kind}-${manifest.seq}-${bundle.sha256.slice(0, 16)}.zip`,
    );
    if (this.keptCopies) {
      const target = path.join(this.ctx.dataDir, relative);
      const { existed } = await this.keptCopies.place(target, (temp) => fs.copyFileSync(bundle.plainPath, temp), {
        entry: { kind: 'received', path: relative },
      });
      if (!existed) this.createdCopies.push(target);
    }
    this.prepare(
      `INSERT OR IGNORE INTO sync_received (id, source_code, target_code, kind, seq, full, campaign_id, sha256, size, file_path, relayed_by, received_at, forwarded_seq, bundle_created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)`,
    ).run(
      uuidv7(),
      manifest.source.code,
      // A broadcast package is kept under '*', a sealed one under its addressee (numbered apart).
      manifest.target.code,
      manifest.kind,
      manifest.seq,
      manifest.full ? 1 : 0,
      manifest.campaign?.id ?? null,
      bundle.sha256,
      bundle.size,
      relative,
      relayedBy,
      this.now,
      manifest.createdAt,
    );
  }

  /** The roster of courts below this one, read before the import's transaction. */
  private async loadRoster(): Promise<void> {
    this.superiors = await superiorCourtCodes(this.ctx);
    this.roster = new Map((await rosterCourts(this.ctx)).map((entry) => [entry.code, entry]));
  }

  /** A direct sender of a report up must be on the roster, or be added by a person now. */
  private rosterCheck(source: CourtCard): void {
    const held = this.roster.get(source.code);
    if (held) {
      if (held.mergedAt) this.mergedOnRoster.push({ code: source.code, name: source.name, mergedAt: held.mergedAt });
      return;
    }
    if ((this.options.addToRoster ?? []).includes(source.code)) {
      this.addToRoster(source, 'manual', source.parentCode);
      return;
    }
    this.notOnRoster.push({
      code: source.code,
      name: source.name,
      level: source.level,
      parentCode: source.parentCode,
    });
  }

  /** An import (not a preview) of a report up from a court not on the roster is refused: after
   * every row was checked, so a damaged or forged bundle is named for what it is first. */
  private refuseNotOnRoster(): void {
    if (this.options.dryRun || this.notOnRoster.length === 0) return;
    const court = this.notOnRoster[0];
    throw new ApiError(
      'E_NOT_ON_ROSTER',
      `${describeCourt(court)}不在本院应报名单中，没有导入任何内容。请先预览这个同步包，核对后选择“加入应报名单”再导入。`,
    );
  }

  /** A court first seen through a relay joins the roster under the relaying court. */
  private rosterByRelay(source: CourtCard, relayer: CourtCard): void {
    if (this.roster.has(source.code)) {
      const held = this.roster.get(source.code)!;
      if (held.mergedAt && !this.mergedOnRoster.some((court) => court.code === source.code)) {
        this.mergedOnRoster.push({ code: source.code, name: source.name, mergedAt: held.mergedAt });
      }
      return;
    }
    if (this.addedToRoster.some((court) => court.code === source.code)) return;
    this.addToRoster(source, 'relay', relayer.code);
  }

  private addToRoster(card: CourtCard, addedBy: 'manual' | 'relay', parentCode: string): void {
    if (card.level !== 'intermediate' && card.level !== 'basic') return;
    this.addedToRoster.push({ code: card.code, name: card.name, level: card.level, parentCode, addedBy });
  }

  /**
   * A package nested in a package down: the superior's broadcast package ('*'), or a sealed
   * package addressed to the outer package's addressee or to a court below this court (on the
   * path to it, which may read it and passes it on). Anything else is refused (E_ORIGIN).
   */
  private async checkNestedAddressee(outer: Manifest, inner: Manifest): Promise<void> {
    const to = inner.target.code;
    if (to === '*') {
      if (outer.target.code === '*') return;
    } else if (to === outer.target.code || to === this.profile.code) {
      return;
    } else {
      const below = await rosterBelow(this.openTrx(), this.profile.code, this.superiors, true);
      if (below.some((entry) => entry.code === to)) return;
    }
    throw new ApiError(
      'E_ORIGIN',
      `${describeCourt(outer.source)}的下发包中夹带了发给${describeCourt(inner.target)}的下发包，该院不在本院之下，不能经本院转交，没有导入任何内容。`,
    );
  }

  /** This court's own rows the import writes: roster entries it accepted, package receipts. */
  private async writeOwnRecords(): Promise<void> {
    if (this.addedToRoster.length === 0 && this.receipts.length === 0) return;
    const trx = this.openTrx();
    const writer = new ChangeWriter(trx, this.actor(), this.now);
    for (const court of this.addedToRoster) {
      const held = await trx
        .selectFrom('rosterCourts')
        .select('id')
        .where('origin', '=', this.profile.code)
        .where('code', '=', court.code)
        .where('deletedAt', 'is', null)
        .executeTakeFirst();
      if (held) continue;
      await writer.insert(
        'rosterCourts',
        {
          id: await this.stableId(trx, 'roster_courts', `roster|${this.profile.code}|${court.code}`),
          code: court.code,
          name: court.name,
          level: court.level as 'intermediate' | 'basic',
          parentCode: court.parentCode,
          jurisdiction: '',
          mergedAt: null,
          mergedInto: null,
          addedBy: court.addedBy,
        },
        'sync-import',
      );
    }
    for (const receipt of this.receipts) {
      if (receipt.source === this.profile.code) continue;
      const held = await trx
        .selectFrom('packageReceipts')
        .select('id')
        .where('origin', '=', this.profile.code)
        .where('sourceCode', '=', receipt.source)
        .where('seq', '=', receipt.seq)
        .executeTakeFirst();
      if (held) continue;
      await writer.insert(
        'packageReceipts',
        {
          id: await this.stableId(
            trx,
            'package_receipts',
            `receipt|${this.profile.code}|${receipt.source}|${receipt.seq}`,
          ),
          sourceCode: receipt.source,
          seq: receipt.seq,
          campaignId: receipt.campaignId,
          importedAt: this.now,
        },
        'sync-import',
      );
    }
    await writer.finish();
  }

  /** The same id each time the same bundle brings the same record (an import run again after a
   * crash writes exactly the same rows); a fresh one if that id was used before (a deleted row). */
  private async stableId(
    trx: Transaction<Database>,
    table: 'roster_courts' | 'package_receipts',
    key: string,
  ): Promise<string> {
    const hex = crypto.createHash('sha256').update(key).digest('hex');
    const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
    const used = await trx
      .selectFrom(table === 'roster_courts' ? 'rosterCourts' : 'packageReceipts')
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst();
    return used ? uuidv7() : id;
  }

  /** currentActor without its database read: the profile was read when the session began. */
  private actor(): Actor {
    const user = requireUser(this.ctx);
    return { name: actorName(user), court: this.profile.code, userId: user.id, displayName: user.displayName };
  }

  private openTrx(): Transaction<Database> {
    if (!this.trx) throw new Error('ImportSession: no write transaction is open');
    return this.trx;
  }

  /** This court's own copy of each mandatory item of the packages just applied. */
  private async materialize(): Promise<void> {
    if (this.packages.length === 0) return;
    const trx = this.openTrx();
    // The writer works in the import's transaction, and shares its audit appender.
    const writer = new ChangeWriter(trx, this.actor(), this.now);
    for (const { issuer, campaignId } of this.packages) {
      if (issuer === this.profile.code) continue;
      const definitions = await trx
        .selectFrom('items')
        .selectAll()
        .where('origin', '=', issuer)
        .where('campaignId', '=', campaignId)
        .where('kind', '=', 'mandatory')
        .orderBy('sortOrder')
        .execute();
      for (const definition of definitions) {
        const copy = await trx
          .selectFrom('items')
          .select(['id', 'deletedAt', 'sourceVersion'])
          .where('origin', '=', this.profile.code)
          .where('sourceItemId', '=', definition.id)
          .executeTakeFirst();
        if (definition.deletedAt !== null) {
          if (copy && copy.deletedAt === null) {
            await writer.softDelete('items', copy.id, undefined, 'package-update');
            this.materialized.removed += 1;
          }
          continue;
        }
        const fields = {
          sectionId: definition.sectionId,
          sortOrder: definition.sortOrder,
          title: definition.title,
          content: definition.content,
          deadline: definition.deadline,
          frequency: definition.frequency,
          sourceVersion: definition.version,
        };
        if (!copy) {
          await writer.insert(
            'items',
            {
              campaignId,
              kind: 'mandatory',
              leadLeader: '',
              departmentId: null,
              owner: '',
              status: 'not_started',
              percent: 0,
              completedAt: null,
              completedLate: 0,
              sourceItemId: definition.id,
              ...fields,
            },
            'package-update',
          );
          this.materialized.added += 1;
        } else if (copy.deletedAt === null && (copy.sourceVersion ?? 0) < definition.version) {
          await writer.update('items', copy.id, undefined, fields, 'package-update');
          this.materialized.updated += 1;
        }
      }
    }
    await writer.finish();
  }

  /** One entry in the hash-chained audit log per import: who brought which bundle in, and what it did. */
  private async auditImport(manifest: Manifest): Promise<void> {
    const audit = AuditAppender.for(this.openTrx());
    await audit.append({
      at: this.now,
      actor: actorLabel(this.ctx),
      court: this.profile.code,
      operation: 'sync-import',
      tableName: 'courts',
      rowId: manifest.source.code,
      before: null,
      after: {
        kind: manifest.kind,
        seq: manifest.seq,
        full: manifest.full,
        file: this.options.fileName ?? path.basename(this.options.file),
        totals: this.totals(),
        nested: this.nestedSummaries.length,
        materialized: this.materialized,
        ...(this.newlyVouched.length
          ? {
              vouched: this.newlyVouched.map((court) => ({
                code: court.code,
                fingerprint: court.fingerprint,
                by: court.vouchedBy.code,
              })),
            }
          : {}),
        ...(this.auditAlerts.length ? { auditAlerts: this.auditAlerts } : {}),
      },
    });
    await audit.flush();
  }

  /**
   * Applies the bundle in one write transaction (the write lock, or a plain refusal when another
   * window or the command line holds it): committed, or rolled back for a preview, a cancel or any
   * refusal — the files placed for it removed first, while the lock is still held.
   */
  private async applyInTransaction(root: VerifiedBundle): Promise<boolean> {
    const within = this.options.within;
    if (within) {
      this.trx = within.trx;
      try {
        await this.applyRoot(root);
      } catch (error) {
        this.discardPlaced();
        throw error;
      } finally {
        this.trx = null;
      }
      return !this.options.dryRun;
    }
    let begun = false;
    try {
      await writeTransaction(
        this.ctx.db,
        async (trx) => {
          begun = true;
          this.trx = trx;
          await this.applyRoot(root);
        },
        { rollback: this.options.dryRun, beforeRollback: () => this.discardPlaced() },
      );
    } catch (error) {
      if (!begun && isDatabaseBusy(error)) {
        throw new ApiError(
          'E_BUSY',
          '数据库正被另一个窗口或命令行占用（可能正在导入或导出），没有导入任何内容。请稍后重试。',
        );
      }
      throw error;
    } finally {
      this.trx = null;
    }
    return !this.options.dryRun;
  }

  /** The import's work inside its write transaction. */
  private async applyRoot(root: VerifiedBundle): Promise<void> {
    const manifest = root.manifest;
    await this.flushTrust();
    this.witnessAudit(manifest);
    await this.applyBundle(root);
    this.refuseNotOnRoster();
    await this.recordReceived(root, null);
    await this.materialize();
    await this.writeOwnRecords();
    await this.auditImport(manifest);
    this.checkCancel();
    crashPoint('import.before-commit');
    if (!this.options.dryRun) {
      this.control?.progress(this.processed, Math.max(this.total, this.processed), '正在保存…');
    }
  }

  async run(): Promise<ImportReport> {
    this.checkCancel();
    this.control?.progress(0, 0, '正在核对同步包…');
    const { bundle: root, encrypted } = await this.openRoot();
    try {
      const manifest = root.manifest;
      if (
        manifest.kind === 'report_up'
          ? manifest.target.code !== this.profile.code
          : manifest.target.code !== '*' && manifest.target.code !== this.profile.code
      ) {
        throw new ApiError(
          'E_WRONG_TARGET',
          `这个同步包是${describeCourt(manifest.source)}发给${describeCourt(manifest.target)}的，不是发给本院的，没有导入任何内容。`,
        );
      }
      // A package addressed to one court carries supervision notes and orders: it is only ever sealed to that court.
      if (manifest.kind === 'package_down' && manifest.target.code !== '*' && !encrypted) {
        throw new ApiError(
          'E_NOT_SEALED',
          `这个下发包是${describeCourt(manifest.source)}专门发给本院的督导意见和督办单包，却没有加密，可能被人改动过，没有导入任何内容。请联系对方重新生成。`,
        );
      }
      this.trustRoot(manifest);
      await this.loadRoster();
      if (manifest.kind === 'report_up') this.rosterCheck(manifest.source);
      const step = this.sequence(manifest, root.sha256, false);
      const summary = () => bundleSummary(manifest, encrypted, this.nestedSummaries, root.counted);
      crashPoint('import.verified');
      if (step === 'same') {
        // Imported before: nothing to write, but every file the bundle carries that is missing or
        // damaged here (a crash, a failing disk) is put back.
        await this.checkBundle(root);
        await this.keepPlaced();
        const restored = this.restored;
        this.alreadyHeld = true;
        const again = `此同步包（${describeCourt(manifest.source)}${KIND_TEXT[manifest.kind]}第 ${manifest.seq} 号）已导入过，没有任何变化`;
        return this.report(
          summary(),
          restored ? 'imported' : 'unchanged',
          restored
            ? `${again}；${this.options.dryRun ? '将补回' : '已补回'}本院缺失或损坏的佐证材料文件 ${restored} 个。`
            : `${again}。`,
        );
      }
      this.total = manifest.counts.rows;
      // The reader begins on the rows while the write lock is taken and the files are placed
      // (unless nested bundles' rows come first: it reads in the order asked).
      if (!nestedGoFirst(manifest)) this.readAhead(root);
      const committed = await this.applyInTransaction(root);
      if (committed && this.options.within) {
        this.options.within.placed.push({ keep: () => this.keepPlaced(), discard: () => this.discardPlaced() });
      } else if (committed) {
        crashPoint('import.committed');
        await this.keepPlaced();
      }
      const totals = this.totals();
      const restored = this.restored;
      const changed =
        totals.added +
          totals.updated +
          this.files +
          restored +
          this.materialized.added +
          this.materialized.updated +
          this.materialized.removed >
        0;
      const verb = this.options.dryRun ? '将' : '已';
      const message = changed
        ? `${verb}导入${describeCourt(manifest.source)}${KIND_TEXT[manifest.kind]}第 ${manifest.seq} 号：新增 ${totals.added} 条，更新 ${totals.updated} 条，未变 ${totals.unchanged} 条${totals.older ? `，较旧未导入 ${totals.older} 条` : ''}${this.files ? `，佐证材料 ${this.files} 个` : ''}${restored > 0 ? `，补回缺失的佐证材料文件 ${restored} 个` : ''}${this.nestedText()}。`
        : `${describeCourt(manifest.source)}${KIND_TEXT[manifest.kind]}第 ${manifest.seq} 号中没有新的变化${this.options.dryRun ? '' : '（已记下收到的包编号）'}。`;
      return this.report(summary(), changed ? 'imported' : 'unchanged', message);
    } catch (error) {
      // Refused before the transaction began: nothing it placed is kept.
      this.discardPlaced();
      throw error;
    } finally {
      await root.zip.close();
    }
  }

  /** The bundles carried inside, in words: '，其中含 2 个下级法院同步包' and the like. */
  private nestedText(): string {
    const parts = (['subordinate_report', 'superior_package', 'addressed_package'] as const)
      .map(
        (role) => [this.nestedSummaries.filter((item) => item.role === role).length, NESTED_ROLE_WORDS[role]] as const,
      )
      .filter(([n]) => n > 0)
      .map(([n, word]) => `${n} 个${word}`);
    return parts.length ? `，其中含${parts.join('、')}` : '';
  }

  private totals(): ImportReport['totals'] {
    const totals = { added: 0, updated: 0, unchanged: 0, older: 0, files: this.files };
    for (const entry of this.changes.values()) {
      totals.added += entry.added;
      totals.updated += entry.updated;
      totals.unchanged += entry.unchanged;
      totals.older += entry.older;
    }
    return totals;
  }

  private report(bundle: BundleSummary, outcome: ImportReport['outcome'], message: string): ImportReport {
    const titles = this.prepare('SELECT title FROM campaigns WHERE id = ?');
    const changes = [...this.changes.values()].map((entry) => ({
      ...entry,
      courtName: this.courtNames.get(entry.courtCode) ?? entry.courtName,
      campaignTitle: entry.campaignId
        ? ((titles.get(entry.campaignId) as { title: string } | undefined)?.title ??
          this.campaignTitles.get(entry.campaignId) ??
          '')
        : '',
    }));
    changes.sort(
      (a, b) => a.courtCode.localeCompare(b.courtCode) || a.campaignTitle.localeCompare(b.campaignTitle, 'zh-CN'),
    );
    return {
      dryRun: this.options.dryRun,
      outcome,
      bundle,
      needsTrust: this.needsTrust,
      newlyVouched: this.newlyVouched,
      auditAlerts: this.auditAlerts,
      restoredFiles: this.restored,
      changes,
      totals: this.totals(),
      materialized: { ...this.materialized },
      notOnRoster: this.notOnRoster,
      mergedOnRoster: this.mergedOnRoster,
      addedToRoster: this.addedToRoster,
      alreadyHeld: this.alreadyHeld,
      message,
    };
  }

  /** This very bundle was imported before (same bytes): there is nothing to record. */
  private alreadyHeld = false;
}

/** Imports (or, with dryRun, previews) one bundle file. Throws ApiError on any refusal. */
export async function runImport(
  ctx: ServiceContext,
  options: ImportOptions,
  control?: JobControl,
): Promise<ImportReport> {
  // Inside the caller's transaction every read goes through it (the root connection is held).
  const inner = options.within ? { ...ctx, db: options.within.trx } : ctx;
  const profile = await requireProfile(inner);
  const keys = await ensureCourtKeys(inner);
  const session = new ImportSession(inner, profile, keys, options, control);
  try {
    return await session.run();
  } finally {
    await session.cleanup();
  }
}
