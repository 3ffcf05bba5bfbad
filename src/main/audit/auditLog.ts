// Append-only audit log chained by SHA-256: each entry's hash covers its own fields and the
// previous entry's hash, and settings.audit_head remembers the last seq and hash, so an edited,
// inserted or removed entry (even the last one) is detected by verifyAuditChain.
import crypto from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { AuditEntry, AuditProblem, AuditVerifyResult } from '../../shared/model';
import type { Database } from '../data/schema';

export const GENESIS_HASH = '0'.repeat(64);
const HEAD_KEY = 'audit_head';
/** Set by a recovery import (src/main/recovery): the chain continues from the head the parent
 * court witnessed, {seq, hash, at, from}; entries up to seq were lost with the old data folder. */
const ANCHOR_KEY = 'audit_anchor';

interface Anchor extends Head {
  at: string;
  from: string;
}

export async function readAuditAnchor(db: Kysely<Database> | Transaction<Database>): Promise<Anchor | null> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', ANCHOR_KEY).executeTakeFirst();
  return row ? (JSON.parse(row.value) as Anchor) : null;
}

export interface AuditRecord {
  at: string;
  actor: string;
  court: string;
  operation: string;
  tableName: string;
  rowId: string;
  before: unknown;
  after: unknown;
}

interface Head {
  seq: number;
  hash: string;
}

/** JSON with object keys sorted at every depth, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner && typeof inner === 'object' && !Array.isArray(inner)) {
      return Object.fromEntries(
        Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      );
    }
    return inner;
  });
}

export function entryHash(
  prevHash: string,
  seq: number,
  fields: Omit<AuditRecord, 'before' | 'after'>,
  beforeJson: string | null,
  afterJson: string | null,
): string {
  const body = canonicalJson({ seq, ...fields, beforeJson, afterJson });
  return crypto.createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

async function readHead(db: Kysely<Database> | Transaction<Database>): Promise<Head> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', HEAD_KEY).executeTakeFirst();
  return row ? (JSON.parse(row.value) as Head) : { seq: 0, hash: GENESIS_HASH };
}

const appenders = new WeakMap<Transaction<Database>, AuditAppender>();

/**
 * Appends entries inside the caller's transaction; keeps the head in memory between appends.
 * One appender per transaction (see `for`), so every writer in it continues the same chain.
 */
export class AuditAppender {
  private head: Head | null = null;

  private constructor(private readonly trx: Transaction<Database>) {}

  static for(trx: Transaction<Database>): AuditAppender {
    let appender = appenders.get(trx);
    if (!appender) {
      appender = new AuditAppender(trx);
      appenders.set(trx, appender);
    }
    return appender;
  }

  async append(record: AuditRecord): Promise<void> {
    this.head ??= await readHead(this.trx);
    const seq = this.head.seq + 1;
    const beforeJson = record.before === undefined || record.before === null ? null : canonicalJson(record.before);
    const afterJson = record.after === undefined || record.after === null ? null : canonicalJson(record.after);
    const { before: _before, after: _after, ...fields } = record;
    const hash = entryHash(this.head.hash, seq, fields, beforeJson, afterJson);
    await this.trx
      .insertInto('auditLog')
      .values({ seq, ...fields, beforeJson, afterJson, prevHash: this.head.hash, hash })
      .execute();
    this.head = { seq, hash };
  }

  /** Writes the head once at the end of the transaction. */
  async flush(): Promise<void> {
    if (!this.head) return;
    await this.trx
      .insertInto('settings')
      .values({ key: HEAD_KEY, value: JSON.stringify(this.head) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(this.head) }))
      .execute();
  }
}

export async function listAudit(
  db: Kysely<Database>,
  filter: { rowId?: string; beforeSeq?: number; limit: number },
): Promise<AuditEntry[]> {
  let query = db.selectFrom('auditLog').selectAll().orderBy('seq', 'desc').limit(filter.limit);
  if (filter.rowId) query = query.where('rowId', '=', filter.rowId);
  if (filter.beforeSeq) query = query.where('seq', '<', filter.beforeSeq);
  const rows = await query.execute();
  return rows.map((row) => ({
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    court: row.court,
    operation: row.operation,
    tableName: row.tableName,
    rowId: row.rowId,
    before: row.beforeJson ? JSON.parse(row.beforeJson) : null,
    after: row.afterJson ? JSON.parse(row.afterJson) : null,
    hash: row.hash,
  }));
}

/** Walks the whole chain in seq order and reports every break a person should know about. */
export async function verifyAuditChain(db: Kysely<Database>): Promise<AuditVerifyResult> {
  const problems: AuditProblem[] = [];
  const anchor = await readAuditAnchor(db);
  let prevHash = anchor?.hash ?? GENESIS_HASH;
  let expectedSeq = (anchor?.seq ?? 0) + 1;
  let checked = 0;
  const pageSize = 5000;
  let lastSeq = anchor?.seq ?? 0;
  for (;;) {
    const rows = await db
      .selectFrom('auditLog')
      .selectAll()
      .where('seq', '>', lastSeq)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const row of rows) {
      checked += 1;
      if (row.seq !== expectedSeq) {
        problems.push({
          seq: row.seq,
          kind: 'deleted',
          message: `第 ${expectedSeq} 至 ${row.seq - 1} 条审计记录缺失（被删除）`,
        });
      }
      const { seq, prevHash: storedPrev, hash, beforeJson, afterJson, ...fields } = row;
      const recomputed = entryHash(storedPrev, seq, fields, beforeJson, afterJson);
      if (recomputed !== hash) {
        problems.push({ seq, kind: 'edited', message: `第 ${seq} 条审计记录的内容被改动过` });
      } else if (storedPrev !== prevHash && row.seq === expectedSeq) {
        problems.push({ seq, kind: 'inserted', message: `第 ${seq} 条审计记录与前一条接不上（有记录被插入或替换）` });
      }
      prevHash = hash;
      expectedSeq = seq + 1;
      lastSeq = seq;
    }
    if (rows.length < pageSize) break;
  }
  const head = await readHead(db);
  if (head.seq !== lastSeq || (lastSeq > 0 && head.hash !== prevHash)) {
    problems.push({
      seq: head.seq,
      kind: head.seq > lastSeq ? 'deleted' : 'head',
      message:
        head.seq > lastSeq
          ? `最后 ${head.seq - lastSeq} 条审计记录被删除`
          : '审计记录的末尾与登记的链头不一致（有记录被追加或替换）',
    });
  }
  const anchored = anchor
    ? {
        anchor: {
          seq: anchor.seq,
          at: anchor.at,
          from: anchor.from,
          message: `本院数据由上级法院（${anchor.from}）制作的恢复包重建：审计记录从第 ${anchor.seq + 1} 条接续上级法院核验过的第 ${anchor.seq} 条，此前的记录随原数据文件夹丢失。`,
        },
      }
    : {};
  return { ok: problems.length === 0, checked, problems, ...anchored };
}

/** Count used by tests and diagnostics. */
export async function countAudit(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('auditLog')
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}
