// The history of traffic-light colours ("was red", "late but done"). A colour follows from the
// date, so it can change while nobody writes anything: once a day (the first call that needs
// lights), every open record's colour is compared with its open span and a new span starts when
// it differs; a state change (completed, signed off, reopened, deadline moved) settles that one
// record at once. Spans are local and derived; they never travel in sync bundles, and only this
// court's own records are swept (other courts' copies are coloured on read, without history).
// A big sweep runs in a worker thread, so the window's calls are answered meanwhile.
import { isMainThread } from 'node:worker_threads';
import type { Kysely, Transaction } from 'kysely';
import { addDays, deadlineJudge, isDone } from '../../shared/checklistRules';
import type { EscalationTarget, Light, LightRecordKind, LightSpan } from '../../shared/model';
import type { ServiceContext } from '../api/context';
import type { Database } from '../data/schema';
import { writeTransaction } from '../data/transactions';
import { ownCourtCode, today } from '../court/courtProfile';

type Db = Kysely<Database> | Transaction<Database>;
type Shown = 'green' | 'yellow' | 'red';

/** What a record's colour follows from (the colour itself is judged by deadlineRule). */
export interface CurrentLight {
  id: string;
  /** The deadline (a look-back's due date) and warning window; also to date a colour back. */
  deadline: string | null;
  yellowDays: number;
  /** Done, handed in or re-checked: green, and it closes the open span. */
  finished: boolean;
  /** The day the record was created (YYYY-MM-DD…): no colour is dated before it. */
  createdAt: string;
}

/** The first day a colour held, when the sweep only notices it later (the PC was off). */
function colourStart(current: CurrentLight, light: Shown, day: string): string {
  if (!current.deadline) return day;
  if (light === 'red') return addDays(current.deadline, 1);
  if (light === 'yellow') return addDays(current.deadline, -current.yellowDays);
  return day;
}

/**
 * Brings the spans of these records of one kind up to date for `day`. Records left out are not
 * touched. Safe to call repeatedly: unchanged colours write nothing.
 */
export async function recordLights(
  db: Db,
  kind: LightRecordKind,
  currents: CurrentLight[],
  day: string,
): Promise<void> {
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
  const inserts: Array<{ recordKind: LightRecordKind; recordId: string; light: Shown; since: string; until: null }> =
    [];
  const judge = deadlineJudge(day);
  const shownOf = (current: CurrentLight): Shown | null => {
    const light = judge(current.yellowDays, current.finished, current.deadline);
    return current.finished || light === 'none' ? null : light;
  };
  // A record taken up again (sent back, reopened) in the colour its last span ended with continues
  // that span: the history never reads "绿灯 → 绿灯".
  const resumed = await lastClosedSpans(
    db,
    kind,
    currents.filter((c) => !open.has(c.id) && shownOf(c) !== null).map((c) => c.id),
  );
  for (const current of currents) {
    const span = open.get(current.id);
    const shown = shownOf(current);
    if (span && span.light === shown) continue;
    const last = span ? undefined : resumed.get(current.id);
    if (shown && last && last.light === shown) {
      await db.updateTable('lightHistory').set({ until: null }).where('id', '=', last.id).execute();
      continue;
    }
    let since = day;
    if (shown) {
      since = colourStart(current, shown, day);
      const created = current.createdAt.slice(0, 10);
      if (since < created) since = created;
      if (span && since < span.since) since = span.since;
      if (since > day) since = day;
    }
    if (span) {
      await db
        .updateTable('lightHistory')
        .set({ until: shown ? since : day })
        .where('id', '=', span.id)
        .execute();
    }
    if (shown) inserts.push({ recordKind: kind, recordId: current.id, light: shown, since, until: null });
  }
  for (let start = 0; start < inserts.length; start += 200) {
    await db
      .insertInto('lightHistory')
      .values(inserts.slice(start, start + 200))
      .execute();
  }
}

/** The latest closed span of each of these records (those whose work was finished), by record. */
async function lastClosedSpans(
  db: Db,
  kind: LightRecordKind,
  ids: string[],
): Promise<Map<string, { id: number; light: Shown }>> {
  const last = new Map<string, { id: number; light: Shown }>();
  for (let start = 0; start < ids.length; start += 500) {
    const rows = await db
      .selectFrom('lightHistory')
      .select(['id', 'recordId', 'light'])
      .where('recordKind', '=', kind)
      .where('until', 'is not', null)
      .where('recordId', 'in', ids.slice(start, start + 500))
      .orderBy('since')
      .orderBy('id')
      .execute();
    for (const row of rows) last.set(row.recordId, { id: row.id, light: row.light });
  }
  return last;
}

const SWEPT_KEY = 'lights_swept_on';

/** Extra sweeps registered by other areas (the ledger's measures and look-backs), of `court`'s own records. */
type Sweeper = (db: Transaction<Database>, day: string, court: string) => Promise<void>;
const sweepers: Sweeper[] = [];
export function registerLightSweeper(sweeper: Sweeper): void {
  sweepers.push(sweeper);
}

async function sweepItems(db: Transaction<Database>, day: string, court: string): Promise<void> {
  const rows = await db
    .selectFrom('items')
    .innerJoin('campaigns', 'campaigns.id', 'items.campaignId')
    .select(['items.id', 'items.status', 'items.deadline', 'items.createdAt', 'campaigns.yellowDays'])
    .where('items.origin', '=', court)
    .where('items.deletedAt', 'is', null)
    .where('campaigns.deletedAt', 'is', null)
    .execute();
  const currents = rows.map((row) => ({
    id: row.id,
    deadline: row.deadline,
    yellowDays: row.yellowDays,
    createdAt: row.createdAt,
    finished: isDone(row.status),
  }));
  await recordLights(db, 'item', currents, day);
}

/**
 * From this many checklist items in the database, the daily sweep runs in a worker thread: a
 * sweep of 20,000 items holds the thread for a few hundred milliseconds, while one of a thousand
 * takes a few (less than starting a worker would) and runs where it is asked for.
 */
export const SWEEP_IN_WORKER_FROM = 2_000;

/** The sweep under way in a worker, per pool: calls that come while it runs wait for it. */
const sweeping = new WeakMap<ServiceContext['workers'], Promise<void>>();

/** Once per calendar day: record today's colour of every open record (before lights are read). */
export async function sweepLights(ctx: ServiceContext): Promise<void> {
  if ((await sweptOn(ctx)) === today(ctx)) return;
  if (!isMainThread) return sweepLightsHere(ctx);
  const items = await ctx.db
    .selectFrom('items')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(items.n) < SWEEP_IN_WORKER_FROM) return sweepLightsHere(ctx);
  let running = sweeping.get(ctx.workers);
  if (!running) {
    const pool = ctx.workers;
    running = pool
      .run({ op: 'lights.sweep' }, { user: ctx.user, now: ctx.now() })
      .then(() => undefined)
      .finally(() => sweeping.delete(pool));
    sweeping.set(pool, running);
  }
  await running;
}

async function sweptOn(ctx: ServiceContext): Promise<string | undefined> {
  const swept = await ctx.db.selectFrom('settings').select('value').where('key', '=', SWEPT_KEY).executeTakeFirst();
  return swept?.value;
}

/** The sweep itself, in this thread (a worker's, or the main thread's for a small court). */
export async function sweepLightsHere(ctx: ServiceContext): Promise<void> {
  const day = today(ctx);
  if ((await sweptOn(ctx)) === day) return;
  const court = await ownCourtCode(ctx);
  await writeTransaction(ctx.db, async (trx) => {
    await sweepItems(trx, day, court);
    for (const sweeper of sweepers) await sweeper(trx, day, court);
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
  await recordLights(
    db,
    'item',
    [
      {
        id: row.id,
        deadline: row.deadline,
        yellowDays: row.yellowDays,
        createdAt: row.createdAt,
        finished: isDone(row.status),
      },
    ],
    day,
  );
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

/** The items or measures of one campaign that have ever shown red. */
/**
 * The items or measures that were ever red: of a whole campaign, or (`ids`) of just those records,
 * as the checklist's window asks for its hundred rows.
 */
export async function everRed(
  db: Db,
  kind: 'item' | 'measure',
  scope: { campaignId: string } | { ids: string[] },
): Promise<Set<string>> {
  if ('ids' in scope && scope.ids.length === 0) return new Set();
  const records =
    'ids' in scope
      ? scope.ids
      : kind === 'item'
        ? db.selectFrom('items').select('id').where('campaignId', '=', scope.campaignId)
        : db.selectFrom('ledgerMeasures').select('id').where('campaignId', '=', scope.campaignId);
  const rows = await db
    .selectFrom('lightHistory')
    .select('recordId')
    .distinct()
    .where('light', '=', 'red')
    .where('recordKind', '=', kind)
    .where('recordId', 'in', records)
    .execute();
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
