// The only way court data is written: every insert, update and soft delete of an owned row goes
// through a ChangeWriter inside one transaction, which enforces the ownership rule (only the
// origin court changes a row), optimistic versions, the monotonic change counter, and the audit
// log entry with before/after.
import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { AuditAppender } from '../audit/auditLog';
import { ApiError } from '../api/errors';
import { RECORD_LABELS } from '../../shared/recordLabels';
import { assertInsertableRow, assertUpdatedRow } from './rowSchemas';
import type { Database, OwnedTable } from './schema';
import { writeTransaction } from './transactions';

export interface Actor {
  /** The person named in the audit log: 姓名（用户名）. */
  name: string;
  /** This installation's court code: the origin of everything it creates. */
  court: string;
  /** The local account acting (null only while the first account is being created). */
  userId: string | null;
  /** The account's name as people write it on forms (进展填报人, 审核人). */
  displayName: string;
}

type OwnedInsert<T extends OwnedTable> = Omit<
  Insertable<Database[T]>,
  'id' | 'origin' | 'version' | 'changeSeq' | 'createdAt' | 'updatedAt' | 'deletedAt'
> & { id?: string };
type OwnedRow<T extends OwnedTable> = Selectable<Database[T]>;
type OwnedPatch<T extends OwnedTable> = Omit<
  Updateable<Database[T]>,
  'id' | 'origin' | 'version' | 'changeSeq' | 'createdAt' | 'updatedAt' | 'deletedAt'
>;

/** Gap between neighbours' sort orders (items, findings, measures), so a move usually rewrites one row. */
export const ORDER_GAP = 1024;

/** The common columns every owned row shows to clients. */
export function ownedFields(row: {
  id: string;
  origin: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}) {
  return { id: row.id, origin: row.origin, version: row.version, createdAt: row.createdAt, updatedAt: row.updatedAt };
}

export class ChangeWriter {
  private readonly audit: AuditAppender;

  constructor(
    readonly trx: Transaction<Database>,
    readonly actor: Actor,
    readonly now: string,
  ) {
    this.audit = AuditAppender.for(trx);
  }

  private async nextChangeSeq(): Promise<number> {
    const row = await this.trx
      .updateTable('changeCounter')
      .set((eb) => ({ value: eb('value', '+', 1) }))
      .where('id', '=', 1)
      .returning('value')
      .executeTakeFirstOrThrow();
    return row.value;
  }

  async insert<T extends OwnedTable>(table: T, values: OwnedInsert<T>, operation = 'create'): Promise<OwnedRow<T>> {
    const row = {
      ...values,
      id: values.id ?? uuidv7(),
      origin: this.actor.court,
      version: 1,
      changeSeq: await this.nextChangeSeq(),
      createdAt: this.now,
      updatedAt: this.now,
      deletedAt: null,
    };
    // The whole row as SQLite will store it (defaults filled in) must be one other courts accept.
    assertInsertableRow(table, row);
    // Kysely's generic insert typing cannot follow a table-name type parameter.
    await this.trx
      .insertInto(table)
      .values(row as never)
      .execute();
    await this.audit.append({ ...this.auditFields(table, row.id, operation), before: null, after: row });
    return row as unknown as OwnedRow<T>;
  }

  /** Loads a live row this court owns, checking the version the caller last saw. */
  async loadOwned<T extends OwnedTable>(table: T, id: string, expectedVersion?: number): Promise<OwnedRow<T>> {
    const row = (await this.trx
      .selectFrom(table as OwnedTable)
      .selectAll()
      .where('id', '=', id)
      .where('deletedAt', 'is', null)
      .executeTakeFirst()) as OwnedRow<T> | undefined;
    if (!row) throw new ApiError('E_NOT_FOUND', `找不到这条${RECORD_LABELS[table]}，可能已被删除，请刷新后再试。`);
    const owned = row as unknown as { origin: string; version: number };
    if (owned.origin !== this.actor.court) {
      throw new ApiError(
        'E_NOT_OWNER',
        `这条${RECORD_LABELS[table]}由 ${owned.origin} 法院下发，本院只能查看，不能修改。`,
      );
    }
    if (expectedVersion !== undefined && owned.version !== expectedVersion) {
      throw new ApiError(
        'E_STALE',
        `这条${RECORD_LABELS[table]}刚被修改过，您看到的不是最新内容。请刷新后再修改，已填写的内容不会丢失。`,
      );
    }
    return row;
  }

  async update<T extends OwnedTable>(
    table: T,
    id: string,
    expectedVersion: number | undefined,
    patch: OwnedPatch<T>,
    operation = 'update',
  ): Promise<OwnedRow<T>> {
    const before = await this.loadOwned(table, id, expectedVersion);
    const changed = Object.entries(patch).filter(([key, value]) => (before as Record<string, unknown>)[key] !== value);
    if (changed.length === 0) return before;
    const beforeVersion = (before as unknown as { version: number }).version;
    const next = {
      ...Object.fromEntries(changed),
      version: beforeVersion + 1,
      changeSeq: await this.nextChangeSeq(),
      updatedAt: this.now,
    };
    // The whole row as it will be after the update must be one other courts accept.
    assertUpdatedRow(table, before, next);
    await this.trx
      .updateTable(table as OwnedTable)
      .set(next as never)
      .where('id', '=', id)
      .execute();
    const after = { ...before, ...next };
    await this.audit.append({
      ...this.auditFields(table, id, operation),
      before: Object.fromEntries(changed.map(([key]) => [key, (before as Record<string, unknown>)[key]])),
      after: Object.fromEntries(changed.map(([key]) => [key, (after as Record<string, unknown>)[key]])),
    });
    return after as OwnedRow<T>;
  }

  /**
   * Marks a row changed when only its child rows changed (e.g. a report's claims): a new version
   * and change number, so a second editor holding the old version is told it is stale, and sync
   * sees the parent as changed.
   */
  async touch<T extends OwnedTable>(table: T, id: string, operation: string): Promise<void> {
    const before = await this.loadOwned(table, id);
    const version = (before as unknown as { version: number }).version + 1;
    const next = { version, changeSeq: await this.nextChangeSeq(), updatedAt: this.now };
    assertUpdatedRow(table, before, next);
    await this.trx
      .updateTable(table as OwnedTable)
      .set(next as never)
      .where('id', '=', id)
      .execute();
    await this.audit.append({
      ...this.auditFields(table, id, operation),
      before: { version: version - 1 },
      after: { version },
    });
  }

  async softDelete<T extends OwnedTable>(
    table: T,
    id: string,
    expectedVersion?: number,
    operation = 'delete',
  ): Promise<void> {
    const before = await this.loadOwned(table, id, expectedVersion);
    const beforeVersion = (before as unknown as { version: number }).version;
    const next = {
      deletedAt: this.now,
      version: beforeVersion + 1,
      changeSeq: await this.nextChangeSeq(),
      updatedAt: this.now,
    };
    // The tombstone travels too: it must be a row other courts accept.
    assertUpdatedRow(table, before, next);
    await this.trx
      .updateTable(table as OwnedTable)
      .set(next as never)
      .where('id', '=', id)
      .execute();
    await this.audit.append({ ...this.auditFields(table, id, operation), before, after: { deletedAt: this.now } });
  }

  async finish(): Promise<void> {
    await this.audit.flush();
  }

  private auditFields(table: OwnedTable, rowId: string, operation: string) {
    return { at: this.now, actor: this.actor.name, court: this.actor.court, operation, tableName: table, rowId };
  }
}

/** Runs `work` in one transaction with a ChangeWriter; all or nothing. */
export async function withChanges<T>(
  db: Kysely<Database>,
  actor: Actor,
  now: string,
  work: (writer: ChangeWriter) => Promise<T>,
): Promise<T> {
  return writeTransaction(db, async (trx) => {
    const writer = new ChangeWriter(trx, actor, now);
    const result = await work(writer);
    await writer.finish();
    return result;
  });
}
