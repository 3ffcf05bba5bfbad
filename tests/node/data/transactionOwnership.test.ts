// One owner of transactions (src/main/data/transactions.ts) and one data-access style (Kysely):
// the program's sources are searched for transactions opened elsewhere and for raw statements
// outside the places that have a stated reason, and the owner's guarantees are checked on a real
// database: write transactions take the write lock at BEGIN, snapshots do not, nesting and
// querying past one's own transaction fail at once instead of waiting forever.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openDatabase, type OpenedDatabase } from '../../../src/main/data/database';
import { immediateTransactionSync, readTransaction, writeTransaction } from '../../../src/main/data/transactions';
import { tempDir } from './tempFolder';

const SOURCES = ['src/main', 'src/cli'].map((dir) => path.resolve(dir));
const DATA_LAYER = path.resolve('src/main/data');

/** Places that use prepared statements on the raw connection, and why (one line each). */
const RAW_STATEMENTS: Record<string, string> = {
  'src/main/sync/importBundle.ts': 'bulk import: statements prepared once per session, measured faster per row',
  'src/main/sync/exportBundle.ts': 'bundle rows are stored rows under their own column names, read in bulk',
  'src/main/sync/outbox.ts': 'settled synchronously at start-up; a reserved number needs a flushed commit',
  'src/main/sync/syncTables.ts': 'schema introspection for the import statement cache and the bench baseline',
  'src/main/durability/fileJournal.ts': 'start-up recovery runs synchronously inside createServices',
  'src/main/demo/demoJob.ts': 'demo refusal read synchronously before the job starts',
  'src/main/diagnostics/diagnosticsExport.ts':
    'row counts of every table for the diagnostics file, over tables known only at run time',
  'src/main/backup/backupService.ts':
    'runs inside the pre-migration hook, before Kysely exists; keys are stripped on the snapshot’s own connection',
  'src/main/checklist/itemWindow.ts':
    'read-only window queries over json_each and window functions, prepared once per filter shape',
  'src/main/recovery/recoveryService.ts':
    'rebuilds a court from stored rows under their own column names, like the bundle import, in its transaction',
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const relative = (file: string) => path.relative(path.resolve('.'), file).split(path.sep).join('/');

/** Lines of `text` that open, end or nest a transaction themselves. */
function transactionStatements(text: string): string[] {
  const patterns = [
    /\.transaction\s*\(/,
    /\bstartTransaction\s*\(/,
    /['"`]\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE\s+SAVEPOINT)\b/i,
  ];
  return text
    .split('\n')
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => !line.startsWith('//') && !line.startsWith('*') && patterns.some((p) => p.test(line)))
    .map(({ line, number }) => `${number}: ${line}`);
}

/** Does `text` run statements on the raw better-sqlite3 connection? */
function usesRawStatements(text: string): boolean {
  return /\.prepare\s*\(|\bsqlite\.exec\s*\(/.test(text);
}

describe('transaction ownership in the sources', () => {
  const files = SOURCES.flatMap(sourceFiles).filter((file) => !file.startsWith(DATA_LAYER + path.sep));

  it('no file outside src/main/data opens, ends or nests a transaction itself', () => {
    const found = files.flatMap((file) =>
      transactionStatements(fs.readFileSync(file, 'utf8')).map((line) => `${relative(file)}:${line}`),
    );
    expect(found).toEqual([]);
  });

  it('the search finds the ways a transaction could be opened by hand', () => {
    const planted = [
      "  sqlite.exec('BEGIN IMMEDIATE');",
      '  ctx.sqlite.exec("COMMIT");',
      '  await sql`ROLLBACK`.execute(db);',
      '  await ctx.db.transaction().execute(async (trx) => {',
      '  const run = sqlite.transaction(() => {});',
      '  const trx = await db.startTransaction().execute();',
    ];
    expect(transactionStatements(planted.join('\n'))).toHaveLength(planted.length);
    expect(transactionStatements("// sqlite.exec('BEGIN') is not allowed here\nconst begin = 'BEGINNER';")).toEqual([]);
  });

  it('raw statements appear only where a reason is listed, and every listed place still needs one', () => {
    const raw = files
      .filter((file) => usesRawStatements(fs.readFileSync(file, 'utf8')))
      .map(relative)
      .sort();
    expect(raw).toEqual(Object.keys(RAW_STATEMENTS).sort());
  });
});

describe('the transaction owner', () => {
  const opened: OpenedDatabase[] = [];
  const others: BetterSqlite3.Database[] = [];
  afterEach(async () => {
    for (const db of opened.splice(0)) await db.close();
    for (const other of others.splice(0)) other.close();
  });

  function court(): { database: OpenedDatabase; other: BetterSqlite3.Database } {
    const file = path.join(tempDir(), DATABASE_FILE);
    const database = openDatabase(file);
    opened.push(database);
    // A second connection, as the command line or the sync worker would hold, that never waits.
    const other = new BetterSqlite3(file, { timeout: 0 });
    others.push(other);
    return { database, other };
  }
  const otherCanWrite = (other: BetterSqlite3.Database) => {
    try {
      other.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('probe', 'other')").run();
      return true;
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_BUSY') return false;
      throw error;
    }
  };

  it('takes the write lock when a write transaction begins, before its first write', async () => {
    const { database, other } = court();
    const during = await writeTransaction(database.db, async () => otherCanWrite(other));
    expect(during).toBe(false);
    expect(otherCanWrite(other)).toBe(true);
  });

  it('reads a snapshot without blocking writers, and sees none of their later commits', async () => {
    const { database, other } = court();
    const seen = await readTransaction(database.db, async (trx) => {
      const before = await trx.selectFrom('settings').selectAll().where('key', '=', 'probe').executeTakeFirst();
      const wrote = otherCanWrite(other);
      const after = await trx.selectFrom('settings').selectAll().where('key', '=', 'probe').executeTakeFirst();
      return { before, wrote, after };
    });
    expect(seen).toEqual({ before: undefined, wrote: true, after: undefined });
  });

  it('commits, rolls back on a throw, and rolls back on request (a preview) returning the result', async () => {
    const { database } = court();
    const value = (key: string) =>
      database.sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
    await writeTransaction(database.db, (trx) =>
      trx.insertInto('settings').values({ key: 'kept', value: '1' }).execute(),
    );
    await expect(
      writeTransaction(database.db, async (trx) => {
        await trx.insertInto('settings').values({ key: 'thrown', value: '1' }).execute();
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    let cleanedUpWhileLocked = false;
    const preview = await writeTransaction(
      database.db,
      async (trx) => {
        await trx.insertInto('settings').values({ key: 'previewed', value: '1' }).execute();
        return 'would add one';
      },
      { rollback: true, beforeRollback: () => (cleanedUpWhileLocked = database.sqlite.inTransaction) },
    );
    expect(preview).toBe('would add one');
    expect(cleanedUpWhileLocked).toBe(true);
    expect([value('kept'), value('thrown'), value('previewed')]).toEqual(['1', undefined, undefined]);
    expect(database.sqlite.inTransaction).toBe(false);
  });

  it('refuses a nested transaction and a query past the open one, instead of waiting for itself', async () => {
    const { database } = court();
    await expect(
      writeTransaction(database.db, () => writeTransaction(database.db, async () => 'inner')),
    ).rejects.toThrow(/already open/);
    await expect(
      writeTransaction(database.db, () => database.db.selectFrom('settings').selectAll().execute()),
    ).rejects.toThrow(/use the trx/);
    await expect(
      writeTransaction(database.db, async () => immediateTransactionSync(database.sqlite, () => 'joined')),
    ).rejects.toThrow(/cannot join/);
    expect(database.sqlite.inTransaction).toBe(false);
  });

  it('lets a concurrent caller wait its turn: its statements never land inside another transaction', async () => {
    const { database } = court();
    const order: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = writeTransaction(database.db, async (trx) => {
      order.push('first begins');
      await trx.insertInto('settings').values({ key: 'first', value: '1' }).execute();
      await held;
      order.push('first ends');
      throw new Error('first rolls back');
    });
    const second = writeTransaction(database.db, async (trx) => {
      order.push('second begins');
      await trx.insertInto('settings').values({ key: 'second', value: '1' }).execute();
    });
    const plain = database.db.selectFrom('settings').select('key').where('key', 'in', ['first', 'second']).execute();
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    await expect(first).rejects.toThrow('first rolls back');
    await second;
    expect(order).toEqual(['first begins', 'first ends', 'second begins']);
    // The plain read queued behind the first transaction: it never saw its uncommitted row.
    expect(await plain).not.toContainEqual({ key: 'first' });
    expect(database.sqlite.prepare("SELECT key FROM settings WHERE key IN ('first', 'second')").pluck().all()).toEqual([
      'second',
    ]);
  });
});
