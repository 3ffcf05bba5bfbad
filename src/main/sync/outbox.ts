// The outbox: the sequence of bundles this court has written to each target. A number is
// reserved ('pending') before the bundle file takes its final name and completed ('done') after,
// so a number is never given to two different files and a failure never leaves a gap; exports
// interrupted in between are settled here at the next export or start.
// Prepared statements, synchronously, on purpose: settlePendingExports runs inside createServices
// at start-up (synchronous, before the connection is shared), and reserving a number must flush
// its commit (synchronous=FULL around one synchronous transaction). Each write is one
// immediateTransactionSync, which refuses to join a transaction someone else has open.
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { isDatabaseBusy } from '../api/databaseFaults';
import { hashFileSync } from '../evidence/blobStore';
import type { Database } from '../data/schema';
import { immediateTransactionSync } from '../data/transactions';
import type { Manifest } from './format/manifest';

/** A received bundle carried on inside this one (relay). */
export interface Nested {
  id: string;
  sourceCode: string;
  seq: number;
  sha256: string;
  size: number;
  filePath: string;
}

/** Where the bundle is being written, and what the outbox will record once it is reserved. */
export interface Delivery {
  kind: Manifest['kind'];
  target: { code: string; name: string };
  seq: number;
  full: boolean;
  changeFrom: number;
  changeThrough: number;
  campaignId: string | null;
  createdAt: string;
  audit: { count: number; hash: string } | null;
  nested: Nested[];
}

const RESERVE_ATTEMPTS = 3;

/** Writes the pending outbox row in a transaction whose commit is flushed to the disk (the file
 * takes its final name right after). Busy: retried, then refused in plain words. */
export async function reserveSequence(
  ctx: ServiceContext,
  delivery: Delivery,
  outPath: string,
  sha256: string,
): Promise<void> {
  const sqlite = ctx.sqlite;
  const reserve = () => {
    const last = sqlite
      .prepare('SELECT max(seq) AS seq FROM sync_outbox WHERE target_code = ?')
      .get(delivery.target.code) as { seq: number | null };
    if ((last.seq ?? 0) >= delivery.seq) {
      throw new ApiError(
        'E_BUSY',
        '刚才另一个窗口或命令行也导出了同步包，本次导出的包编号已被占用，没有保存。请重新导出。',
      );
    }
    sqlite
      .prepare(
        `INSERT INTO sync_outbox (target_code, seq, kind, full, through_change_seq, campaign_id, file_name, sha256, created_at, state, file_path, change_from, audit_count, audit_hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?)`,
      )
      .run(
        delivery.target.code,
        delivery.seq,
        delivery.kind,
        delivery.full ? 1 : 0,
        delivery.changeThrough,
        delivery.campaignId,
        path.basename(outPath),
        sha256,
        delivery.createdAt,
        outPath,
        delivery.changeFrom,
        delivery.audit?.count ?? null,
        delivery.audit?.hash ?? null,
      );
    const mark = sqlite.prepare('UPDATE sync_received SET forwarded_seq = ? WHERE id = ? AND forwarded_seq IS NULL');
    for (const bundle of delivery.nested) mark.run(delivery.seq, bundle.id);
  };
  for (let attempt = 1; ; attempt += 1) {
    try {
      withFlushedCommit(sqlite, () => immediateTransactionSync(sqlite, reserve));
      return;
    } catch (error) {
      if (!isDatabaseBusy(error)) throw error;
      if (attempt >= RESERVE_ATTEMPTS) {
        throw new ApiError(
          'E_BUSY',
          '数据库正被另一个窗口或命令行占用（可能正在导入同步包），同步包没有保存，包编号也没有占用。请稍后重试。',
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}

/** Runs a write whose commit must survive a power cut, not only a crash (WAL + synchronous=FULL). */
function withFlushedCommit(sqlite: ServiceContext['sqlite'], write: () => void): void {
  const previous = sqlite.pragma('synchronous', { simple: true }) as number;
  sqlite.pragma('synchronous = FULL');
  try {
    write();
  } finally {
    sqlite.pragma(`synchronous = ${previous}`);
  }
}

export function completeSequence(ctx: Pick<ServiceContext, 'sqlite'>, target: string, seq: number): void {
  // The file is in place: a failure here leaves the row pending, and the next export or start
  // completes it (the file is there with its hash).
  try {
    immediateTransactionSync(ctx.sqlite, () =>
      ctx.sqlite.prepare("UPDATE sync_outbox SET state = 'done' WHERE target_code = ? AND seq = ?").run(target, seq),
    );
  } catch (error) {
    if (!isDatabaseBusy(error)) throw error;
  }
}

/** Gives back a reserved number whose file never took its final name. */
export function releaseSequence(
  ctx: Pick<ServiceContext, 'sqlite'>,
  target: string,
  seq: number,
  kind: Manifest['kind'],
): void {
  immediateTransactionSync(ctx.sqlite, () => {
    ctx.sqlite
      .prepare("DELETE FROM sync_outbox WHERE target_code = ? AND seq = ? AND state = 'pending'")
      .run(target, seq);
    if (kind === 'report_up')
      ctx.sqlite
        .prepare("UPDATE sync_received SET forwarded_seq = NULL WHERE kind = 'report_up' AND forwarded_seq = ?")
        .run(seq);
  });
}

/**
 * Settles exports interrupted between reserving their number and completing (a crash, a power
 * cut, a pulled USB stick): a file found under its final name with the recorded hash completes
 * the row; a file certainly absent (its folder is there) releases the number. A row whose folder
 * cannot be reached stays pending: its number is never reused, and the next bundle starts where
 * the last completed one ended, so no change is left out whichever file arrives.
 */
export function settlePendingExports(ctx: Pick<ServiceContext, 'sqlite'>): void {
  const pending = ctx.sqlite
    .prepare("SELECT target_code, seq, kind, sha256, file_path FROM sync_outbox WHERE state = 'pending'")
    .all() as {
    target_code: string;
    seq: number;
    kind: Manifest['kind'];
    sha256: string;
    file_path: string | null;
  }[];
  for (const row of pending) {
    const file = row.file_path;
    if (file && fs.existsSync(file) && hashFileSync(file) === row.sha256) {
      completeSequence(ctx, row.target_code, row.seq);
    } else if (!file || fs.existsSync(path.dirname(file))) {
      releaseSequence(ctx, row.target_code, row.seq, row.kind);
    }
  }
}

/** The next number for a target, and the change number the last completed bundle reached. `db`
 * may be an open transaction (an export reads it in its snapshot). */
export async function nextSeq(db: Kysely<Database>, target: string): Promise<{ seq: number; through: number }> {
  const last = await db
    .selectFrom('syncOutbox')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('targetCode', '=', target)
    .executeTakeFirst();
  const done = await db
    .selectFrom('syncOutbox')
    .select('throughChangeSeq')
    .where('targetCode', '=', target)
    .where('state', '=', 'done')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return { seq: (last?.seq ?? 0) + 1, through: done?.throughChangeSeq ?? 0 };
}
