// Who opens transactions on a court database: only this module. Every connection is shared by
// Kysely (which queues callers behind its one connection) and, on the two bulk paths, prepared
// statements; a BEGIN issued anywhere else would run beside Kysely's queue, so a concurrent
// caller's statements would silently land inside it (and a better-sqlite3 `.transaction()` opened
// while another is open joins it as a savepoint). tests/node/data/transactionOwnership.test.ts
// fails when src/main outside this folder opens or ends a transaction itself.
//
// - writeTransaction: Kysely, BEGIN IMMEDIATE. It takes the write lock up front, so two processes
//   (window, command line, sync worker) wait for each other (busy_timeout) instead of failing when
//   a read lock cannot be upgraded.
// - readTransaction: Kysely, deferred BEGIN: one consistent snapshot that never blocks writers.
// - immediateTransactionSync: better-sqlite3, for synchronous work only (start-up recovery before
//   the connection is shared, the outbox reservation with its flushed commit). It refuses to run
//   inside another transaction rather than silently joining it.
// Inside writeTransaction/readTransaction, use the `trx` given to `work`: the connection is held
// for it, so a query through the root `db` would wait for the transaction to end.
import { AsyncLocalStorage } from 'node:async_hooks';
import type BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type Kysely,
  type SqliteDialectConfig,
  type Transaction,
  type TransactionSettings,
} from 'kysely';
import type { Database } from './schema';

/** The transaction this async call chain is inside, if any, so that opening another one or
 * querying the root database inside it fails at once instead of waiting for itself forever. */
interface OpenTransaction {
  db: Kysely<Database>;
  /** Set once BEGIN has run on this driver's connection. */
  driver?: CourtSqliteDriver;
}
const openTransactions = new AsyncLocalStorage<OpenTransaction>();

/** Kysely's SQLite driver with the transaction kinds above: read-only transactions begin deferred,
 * all others BEGIN IMMEDIATE; a rollback after SQLite already ended the transaction (a full disk,
 * an I/O error) does not replace the error that ended it. */
class CourtSqliteDriver extends SqliteDriver {
  constructor(
    config: SqliteDialectConfig,
    private readonly sqlite: BetterSqlite3.Database,
  ) {
    super(config);
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    // The connection is held by a transaction of this very call chain: waiting would never end.
    if (openTransactions.getStore()?.driver === this) {
      throw new Error('A query went through the database while its own transaction is open: use the trx.');
    }
    return super.acquireConnection();
  }

  override async beginTransaction(connection: DatabaseConnection, settings?: TransactionSettings): Promise<void> {
    await connection.executeQuery(
      CompiledQuery.raw(settings?.accessMode === 'read only' ? 'BEGIN' : 'BEGIN IMMEDIATE'),
    );
    const open = openTransactions.getStore();
    if (open) open.driver = this;
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (!this.sqlite.inTransaction) return;
    await connection.executeQuery(CompiledQuery.raw('ROLLBACK'));
  }
}

export class CourtSqliteDialect extends SqliteDialect {
  constructor(private readonly sqlite: BetterSqlite3.Database) {
    super({ database: sqlite });
  }

  override createDriver(): Driver {
    return new CourtSqliteDriver({ database: this.sqlite }, this.sqlite);
  }
}

function refuseNesting(db: Kysely<Database>): void {
  if (openTransactions.getStore()?.db === db) {
    throw new Error('A transaction is already open on this database: pass its trx instead of opening another.');
  }
}

export interface WriteOptions {
  /** Roll back even when `work` succeeds (a preview shows what would change, then keeps nothing). */
  rollback?: boolean;
  /** Runs just before a rollback, while the write lock is still held. */
  beforeRollback?: () => void;
}

/** Rolled back on purpose, carrying the result out of Kysely's transaction. */
class PlannedRollback<T> {
  constructor(readonly result: T) {}
}

/** Runs `work` in one write transaction (BEGIN IMMEDIATE): committed when it returns, rolled back
 * when it throws (or always, with `rollback`). SQLITE_BUSY from BEGIN means another process holds
 * the write lock beyond busy_timeout; callers word it for people (databaseFault). */
export async function writeTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Transaction<Database>) => Promise<T>,
  options: WriteOptions = {},
): Promise<T> {
  refuseNesting(db);
  try {
    return await openTransactions.run({ db }, () =>
      db
        .transaction()
        .setAccessMode('read write')
        .execute(async (trx) => {
          let result: T;
          try {
            result = await work(trx);
          } catch (error) {
            options.beforeRollback?.();
            throw error;
          }
          if (options.rollback) {
            options.beforeRollback?.();
            throw new PlannedRollback(result);
          }
          return result;
        }),
    );
  } catch (error) {
    if (error instanceof PlannedRollback) return error.result as T;
    throw error;
  }
}

/** Runs `work` on one consistent snapshot (deferred BEGIN); nothing it reads changes under it. */
export async function readTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  refuseNesting(db);
  return openTransactions.run({ db }, () =>
    db
      .transaction()
      .setAccessMode('read only')
      .execute((trx) => work(trx)),
  );
}

/** Runs synchronous `work` in one BEGIN IMMEDIATE transaction on the raw connection. Refuses to
 * start inside another transaction: joining it would tie this write to someone else's commit. */
export function immediateTransactionSync<T>(sqlite: BetterSqlite3.Database, work: () => T): T {
  if (sqlite.inTransaction) {
    throw new Error('A transaction is already open on this connection: synchronous work cannot join it.');
  }
  return sqlite.transaction(work).immediate();
}
