// The history of traffic-light colours ("was red", "late but done"). A colour follows from the
// date, so it can change while nobody writes anything: once a day (the first call that needs
// lights), every open record's colour is compared with its open span and a new span starts when
// it differs; a state change (completed, signed off, reopened, deadline moved) settles that one
// record at once. Spans are local and derived; they never travel in sync bundles.
import type { Kysely, Transaction } from 'kysely';
import { addDays, lightRule } from '../../shared/checklistRules';
import type { EscalationTarget, Light, LightRecordKind, LightSpan } from '../../shared/model';
import type { ServiceContext } from '../api/context';
import type { Database } from '../data/schema';
import { today } from '../court/courtProfile';

type Db = Kysely<Database> | Transaction<Database>;
type Shown = 'green' | 'yellow' | 'red';

export interface CurrentLight {
  id: string;
  /** 'none' (no deadline) or a finished record closes the open span. */
  light: Light;
  /** The record's deadline and warning window, to date a colour back to when it really began. */
  deadline: string | null;
  yellowDays: number;
  finished: boolean;
  /** The day the record was created (YYYY-MM-DD…): no colour is dated before it. */
  createdAt: string;
}

/** The first day a colour held, when the sweep only notices it later (the PC was off). */
function colourStart(current: CurrentLight, day: string): string {
  if (!current.deadline) return day;
  if (current.light === 'red') return addDays(current.deadline, 1);
  if (current.light === 'yellow') return addDays(current.deadline, -current.yellowDays);
  return day;
}

/**
 * Brings the spans of these records of one kind up to date for `day`. Records left out are not
 * touched. Safe to call repeatedly: unchanged colours write nothing.
 */
export async function recordLights(db: Db, kind: LightRecordKind, currents: CurrentLight[], day: string): Promise<void> {
  if (currents.length === 0) return;
  const open = new Map<string, { id: number; light: Shown; since: string }>();
  // Chunked to stay under SQLite's bound-parameter limit.
  for (let start = 0; start < currents.length; start += 500) {
    const ids = currents.slice(start, start + 500).map((c) => c.id);
    const rows = await db
      .selectFrom('lightHistory')
      .select(['id', 'recordId', 'light', 'since'])
      .where('recordKind', '=', kind)
      .where('until', 'is', null)
      .where('recordId', 'in', ids)
      .execute();
    for (const row of rows) open.set(row.recordId, { id: row.id, light: row.light, since: row.since });
  }
  const inserts: Array<{ recordKind: LightRecordKind; recordId: string; light: Shown; since: string; until: null }> = [];
  for (const current of currents) {
    const span = open.get(current.id);
    const shown = current.finished || current.light === 'none' ? null : (current.light as Shown);
    if (span && span.light === shown) continue;
    let since = day;
    if (shown) {
      since = colourStart(current, day);
      const created = current.createdAt.slice(0, 10);
      if (since < created) since = created;
      if (span && since < span.since) since = span.since;
      if (since > day) since = day;
    }
    if (span) {
      await db.updateTable('lightHistory').set({ until: shown ? since : day }).where('id', '=', span.id).execute();
    }
    if (shown) inserts.push({ recordKind: kind, recordId: current.id, light: shown, since, until: null });
  }
  for (let start = 0; start < inserts.length; start += 200) {
    await db.insertInto('lightHistory').values(inserts.slice(start, start + 200)).execute();
  }
}

const SWEPT_KEY = 'lights_swept_on';

/** Extra sweeps registered by other areas (the ledger's measures and look-backs). */
type Sweeper = (db: Transaction<Database>, day: string) => Promise<void>;
const sweepers: Sweeper[] = [];
export function registerLightSweeper(sweeper: Sweeper): void {
  sweepers.push(sweeper);
}

async function sweepItems(db: Transaction<Database>, day: string): Promise<void> {
  const rows = await db
    .selectFrom('items')
    .innerJoin('campaigns', 'campaigns.id', 'items.campaignId')
    .select(['items.id', 'items.status', 'items.deadline', 'items.createdAt', 'campaigns.yellowDays'])
    .where('items.deletedAt', 'is', null)
    .where('campaigns.deletedAt', 'is', null)
    .execute();
  const rules = new Map<number, ReturnType<typeof lightRule>>();
  const currents = rows.map((row) => {
    if (!rules.has(row.yellowDays)) rules.set(row.yellowDays, lightRule(day, row.yellowDays));
    const light = rules.get(row.yellowDays)!(row.status, row.deadline);
    return { id: row.id, light, deadline: row.deadline, yellowDays: row.yellowDays, createdAt: row.createdAt, finished: row.status === 'completed' || row.status === 'signed_off' };
  });
  await recordLights(db, 'item', currents, day);
}

/** Once per calendar day: record today's colour of every open record. */
export async function sweepLights(ctx: ServiceContext): Promise<void> {
  const day = today(ctx);
  const swept = await ctx.db.selectFrom('settings').select('value').where('key', '=', SWEPT_KEY).executeTakeFirst();
  if (swept?.value === day) return;
  await ctx.db.transaction().execute(async (trx) => {
    await sweepItems(trx, day);
    for (const sweeper of sweepers) await sweeper(trx, day);
    await trx
      .insertInto('settings')
      .values({ key: SWEPT_KEY, value: day })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: day }))
      .execute();
  });
}

/** Settles one item's colour right after its state or deadline changed. */
export async function settleItemLight(db: Db, itemId: string, day: string): Promise<void> {
  const row = await db
    .selectFrom('items')
    .innerJoin('campaigns', 'campaigns.id', 'items.campaignId')
    .select(['items.id', 'items.status', 'items.deadline', 'items.createdAt', 'campaigns.yellowDays'])
    .where('items.id', '=', itemId)
    .executeTakeFirst();
  if (!row) return;
  const light = lightRule(day, row.yellowDays)(row.status, row.deadline);
  await recordLights(db, 'item', [{ id: row.id, light, deadline: row.deadline, yellowDays: row.yellowDays, createdAt: row.createdAt, finished: row.status === 'completed' || row.status === 'signed_off' }], day);
}

export async function lightHistory(db: Db, kind: LightRecordKind, id: string): Promise<LightSpan[]> {
  const rows = await db
    .selectFrom('lightHistory')
    .select(['light', 'since', 'until'])
    .where('recordKind', '=', kind)
    .where('recordId', '=', id)
    .orderBy('since')
    .orderBy('id')
    .execute();
  return rows;
}

/** Ids (of the given ones, or all of a kind) that have ever shown red. */
export async function everRed(db: Db, kind: LightRecordKind): Promise<Set<string>> {
  const rows = await db.selectFrom('lightHistory').select('recordId').where('light', '=', 'red').where('recordKind', '=', kind).execute();
  return new Set(rows.map((row) => row.recordId));
}

/** Whom a colour is escalated to, resolved to a name (blank when that person is not recorded). */
export function escalationName(
  rules: { escalateGreen: EscalationTarget; escalateYellow: EscalationTarget; escalateRed: EscalationTarget },
  light: Light,
  people: { owner: string; departmentHead: string; leadLeader: string },
): string {
  if (light === 'none') return '';
  const target = light === 'red' ? rules.escalateRed : light === 'yellow' ? rules.escalateYellow : rules.escalateGreen;
  return target === 'owner' ? people.owner : target === 'department_head' ? people.departmentHead : people.leadLeader;
}
