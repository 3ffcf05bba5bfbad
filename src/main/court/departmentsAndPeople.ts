// Departments (责任部门) and people (院领导, 责任人, 审核人) of this court. Subordinates'
// departments and people arrive with their bundles; lists and name checks keep to our own.
import type { Selectable } from 'kysely';
import type { Department, Person } from '../../shared/model';
import { comparePeople } from '../../shared/court/peopleOrder';
import type { ParsedInput } from '../../shared/api';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { ownedFields, withChanges } from '../data/ownedRows';
import type { DepartmentsTable, PeopleTable } from '../data/schema';
import { currentActor, ownCourtCode, timestamp } from './courtProfile';

const toDepartment = (row: Selectable<DepartmentsTable>): Department => ({
  ...ownedFields(row),
  name: row.name,
  sortOrder: row.sortOrder,
  headName: row.headName,
});

const toPerson = (row: Selectable<PeopleTable>): Person => ({
  ...ownedFields(row),
  name: row.name,
  title: row.title,
  departmentId: row.departmentId,
});

export async function listDepartments(ctx: ServiceContext): Promise<Department[]> {
  const own = await ownCourtCode(ctx);
  const rows = await ctx.db
    .selectFrom('departments')
    .selectAll()
    .where('origin', '=', own)
    .where('deletedAt', 'is', null)
    .orderBy('sortOrder')
    .orderBy('name')
    .execute();
  return rows.map(toDepartment);
}

async function assertDepartmentNameFree(ctx: ServiceContext, name: string, exceptId?: string): Promise<void> {
  const own = await ownCourtCode(ctx);
  let query = ctx.db
    .selectFrom('departments')
    .select('id')
    .where('name', '=', name)
    .where('origin', '=', own)
    .where('deletedAt', 'is', null);
  if (exceptId) query = query.where('id', '!=', exceptId);
  if (await query.executeTakeFirst()) {
    throw new ApiError('E_DUPLICATE', `已有名为“${name}”的部门。`, { name: '已有同名部门' });
  }
}

export async function createDepartment(
  ctx: ServiceContext,
  input: ParsedInput<'departments.create'>,
): Promise<Department> {
  await assertDepartmentNameFree(ctx, input.name);
  const actor = await currentActor(ctx);
  return withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
    const last = await writer.trx
      .selectFrom('departments')
      .select((eb) => eb.fn.max('sortOrder').as('max'))
      .where('origin', '=', actor.court)
      .executeTakeFirst();
    return toDepartment(
      await writer.insert('departments', {
        name: input.name,
        headName: input.headName,
        sortOrder: (last?.max ?? 0) + 1,
      }),
    );
  });
}

export async function updateDepartment(
  ctx: ServiceContext,
  input: ParsedInput<'departments.update'>,
): Promise<Department> {
  await assertDepartmentNameFree(ctx, input.name, input.id);
  const actor = await currentActor(ctx);
  return withChanges(ctx.db, actor, timestamp(ctx), async (writer) =>
    toDepartment(
      await writer.update('departments', input.id, input.version, { name: input.name, headName: input.headName }),
    ),
  );
}

export async function deleteDepartment(
  ctx: ServiceContext,
  input: ParsedInput<'departments.delete'>,
): Promise<{ id: string }> {
  const own = await ownCourtCode(ctx);
  const inUse = await ctx.db
    .selectFrom('items')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('departmentId', '=', input.id)
    .where('origin', '=', own)
    .where('deletedAt', 'is', null)
    .executeTakeFirstOrThrow();
  if (inUse.n > 0) {
    throw new ApiError('E_IN_USE', `该部门还负责 ${inUse.n} 项事项，请先把这些事项改给其他部门。`);
  }
  const actor = await currentActor(ctx);
  await withChanges(ctx.db, actor, timestamp(ctx), (writer) =>
    writer.softDelete('departments', input.id, input.version),
  );
  return { id: input.id };
}

export async function listPeople(ctx: ServiceContext): Promise<Person[]> {
  const own = await ownCourtCode(ctx);
  const rows = await ctx.db
    .selectFrom('people')
    .selectAll()
    .where('origin', '=', own)
    .where('deletedAt', 'is', null)
    .execute();
  // By rank (职务), then by the pinyin of the name: the order is defined in src/shared.
  return rows.map(toPerson).sort(comparePeople);
}

export async function createPerson(ctx: ServiceContext, input: ParsedInput<'people.create'>): Promise<Person> {
  const actor = await currentActor(ctx);
  return withChanges(ctx.db, actor, timestamp(ctx), async (writer) =>
    toPerson(await writer.insert('people', { name: input.name, title: input.title, departmentId: input.departmentId })),
  );
}

export async function updatePerson(ctx: ServiceContext, input: ParsedInput<'people.update'>): Promise<Person> {
  const actor = await currentActor(ctx);
  return withChanges(ctx.db, actor, timestamp(ctx), async (writer) =>
    toPerson(
      await writer.update('people', input.id, input.version, {
        name: input.name,
        title: input.title,
        departmentId: input.departmentId,
      }),
    ),
  );
}

export async function deletePerson(ctx: ServiceContext, input: ParsedInput<'people.delete'>): Promise<{ id: string }> {
  const actor = await currentActor(ctx);
  await withChanges(ctx.db, actor, timestamp(ctx), (writer) => writer.softDelete('people', input.id, input.version));
  return { id: input.id };
}
