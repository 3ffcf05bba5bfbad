// A demo province court's own work on the mandatory items it received from its superior: the
// departments and people that carry them, who answers for each item, progress notes, completions
// and sign-offs. The plans of the single-court demo are the starting point; a court's pace moves
// each item ahead of or behind that plan (a court far behind has most of its work undone and
// several overdue, red items). Written through the ChangeWriter like any other change.
import type { ChangeWriter } from '../data/ownedRows';
import { DEPARTMENT_HEADS, DEPARTMENTS, PEOPLE, type DeptKey, type PersonKey } from './demoOrg';
import { at, campaignWindow, DEMO_CAMPAIGNS, fromDay, planItem, toDay, writeSignoff } from './demoData';
import type { DemoCampaign, DemoItem, DemoSection, Plan } from './demoTypes';
import type { Pace } from './provinceCourts';

/** A stable number in [0, 1) for a court and an item, so the same command builds the same province. */
function spread(court: string, title: string): number {
  let hash = 2166136261;
  for (const ch of `${court}|${title}`) hash = Math.imul(hash ^ ch.codePointAt(0)!, 16777619);
  return ((hash >>> 0) % 1000) / 1000;
}

const finished = (plan: Plan) =>
  plan.s === 'signed' ||
  plan.s === 'done' ||
  plan.s === 'signedLate' ||
  plan.s === 'doneLate' ||
  plan.s === 'reworked' ||
  plan.s === 'returned';

/** The item as this court has done it: the demo's plan moved by the court's pace. */
export function pacedItem(item: DemoItem, pace: Pace, chance: number): DemoItem {
  const plan = item.plan;
  const due = 'due' in plan ? plan.due : 0;
  // A finished item set back: the completion report (the last note) was never written.
  const unfinished = (pct: number): DemoItem => ({
    ...item,
    notes: item.notes.slice(0, -1),
    plan: { s: 'progress', due, pct },
  });
  switch (pace) {
    case 'steady':
      // Much as planned, with a few items ahead and a few behind, so no two courts look alike.
      if (chance < 0.15) return pacedItem(item, 'behind', chance);
      if (chance > 0.85) return pacedItem(item, 'ahead', chance);
      return item;
    case 'ahead':
      // Most of the plan done sooner; now and then an item just as planned.
      if (chance < 0.12) return item;
      if (plan.s === 'notStarted') return { ...item, plan: { s: 'progress', due, pct: 40 } };
      if ((plan.s === 'progress' || plan.s === 'dueSoon') && chance > 0.55 && item.notes.length > 0)
        return { ...item, plan: { s: 'done', due } };
      if (plan.s === 'progress' || plan.s === 'dueSoon')
        return { ...item, plan: { ...plan, pct: Math.min(95, plan.pct + 20) } };
      if (plan.s === 'overdue') return { ...item, plan: { s: 'doneLate', due, late: 3 } };
      if (plan.s === 'done') return { ...item, plan: { s: 'signed', due } };
      if (plan.s === 'ongoing') return { ...item, plan: { s: 'ongoing', pct: Math.min(95, (plan.pct ?? 60) + 15) } };
      return item;
    case 'behind':
      if (chance >= 0.55) return item;
      if (plan.s === 'signed') return { ...item, plan: { s: 'done', due } };
      if (finished(plan)) return unfinished(70);
      if (plan.s === 'progress' || plan.s === 'dueSoon' || plan.s === 'overdue')
        return { ...item, plan: { ...plan, pct: Math.max(10, plan.pct - 30) } };
      if (plan.s === 'ongoing') return { ...item, plan: { s: 'ongoing', pct: 30 } };
      return item;
    case 'farBehind':
      if (chance >= 0.85) return item;
      if (finished(plan)) return chance < 0.4 ? unfinished(30) : unfinished(60);
      if (plan.s === 'progress' || plan.s === 'dueSoon' || plan.s === 'overdue')
        return chance < 0.5
          ? { ...item, notes: [], plan: { s: 'notStarted', due } }
          : { ...item, plan: { ...plan, pct: 10 } };
      if (plan.s === 'ongoing') return { ...item, notes: item.notes.slice(0, 1), plan: { s: 'ongoing', pct: 10 } };
      return item;
  }
}

function demoItemsOf(campaign: DemoCampaign): DemoItem[] {
  const walk = (sections: readonly DemoSection[]): DemoItem[] =>
    sections.flatMap((s) => [...(s.items ?? []), ...walk(s.children ?? [])]);
  return walk(campaign.sections);
}

/** Each demo item by campaign title and item title (the first where a title repeats), built once. */
let demoItemIndex: Map<string, Map<string, { campaign: DemoCampaign; item: DemoItem }>> | null = null;
function findDemoItem(campaignTitle: string, itemTitle: string) {
  if (!demoItemIndex) {
    demoItemIndex = new Map();
    for (const campaign of DEMO_CAMPAIGNS) {
      if (demoItemIndex.has(campaign.title)) continue;
      const items = new Map<string, { campaign: DemoCampaign; item: DemoItem }>();
      for (const item of demoItemsOf(campaign)) if (!items.has(item.title)) items.set(item.title, { campaign, item });
      demoItemIndex.set(campaign.title, items);
    }
  }
  return demoItemIndex.get(campaignTitle)?.get(itemTitle);
}

/** Departments and people of the demo, added at this court where missing; the departments' ids. */
async function ensureOrganisation(writer: ChangeWriter): Promise<Record<DeptKey, string>> {
  const existing = await writer.trx
    .selectFrom('departments')
    .select(['id', 'name', 'sortOrder'])
    .where('deletedAt', 'is', null)
    .where('origin', '=', writer.actor.court)
    .execute();
  let order = existing.reduce((max, d) => Math.max(max, d.sortOrder), 0);
  const ids = {} as Record<DeptKey, string>;
  for (const key of Object.keys(DEPARTMENTS) as DeptKey[]) {
    const found = existing.find((d) => d.name === DEPARTMENTS[key]);
    ids[key] = found
      ? found.id
      : (
          await writer.insert('departments', {
            name: DEPARTMENTS[key],
            headName: PEOPLE[DEPARTMENT_HEADS[key]]?.name ?? '',
            sortOrder: (order += 1),
          })
        ).id;
  }
  if (existing.length === 0) {
    for (const person of Object.values(PEOPLE)) {
      await writer.insert('people', {
        name: person.name,
        title: person.title,
        departmentId: person.dept ? ids[person.dept] : null,
      });
    }
  }
  return ids;
}

export interface WorkSummary {
  items: number;
  done: number;
  notes: number;
}

/**
 * Works on this court's copies of the demo campaigns' mandatory items as they stood on `today`
 * (this court's clock), at `pace`. The campaigns run on the issuer's calendar (`campaignToday`,
 * the day the province was built); deadlines stay the issuer's; only the execution (who,
 * progress, completion, sign-off) is written.
 */
export async function writeProvinceWork(
  writer: ChangeWriter,
  options: { today: string; campaignToday: string; pace: Pace },
): Promise<WorkSummary> {
  const { today, campaignToday, pace } = options;
  const summary: WorkSummary = { items: 0, done: 0, notes: 0 };
  const departmentIds = await ensureOrganisation(writer);
  const copies = await writer.trx
    .selectFrom('items')
    .innerJoin('campaigns', 'campaigns.id', 'items.campaignId')
    .select(['items.id', 'items.title', 'items.deadline', 'campaigns.title as campaignTitle'])
    .where('items.origin', '=', writer.actor.court)
    .where('items.sourceItemId', 'is not', null)
    .where('items.deletedAt', 'is', null)
    .orderBy('items.sortOrder')
    .execute();
  let seq = 0;
  for (const copy of copies) {
    const found = findDemoItem(copy.campaignTitle, copy.title);
    if (!found) continue;
    const { campaign, item: demoItem } = found;
    seq += 1;
    const item = pacedItem(demoItem, pace, spread(writer.actor.court, copy.title));
    // The campaign's window is the issuer's; the work stops at this court's own today.
    const win = { ...campaignWindow(campaignToday, campaign.monthsBack), today: toDay(today) };
    const rows = planItem(item, seq, win, today);
    const ownerKey: PersonKey = item.owner ?? DEPARTMENT_HEADS[item.dept];
    const owner = PEOPLE[ownerKey].name;
    const done = rows.status === 'completed' || rows.status === 'signed_off';
    // The issuer's deadline decides lateness, not the plan's.
    const deadline = copy.deadline ? toDay(copy.deadline) : rows.deadline;
    await writer.update('items', copy.id, undefined, {
      leadLeader: PEOPLE[item.lead].name,
      departmentId: departmentIds[item.dept],
      owner,
      status: rows.status,
      percent: rows.percent,
      completedAt: done && rows.completedDay !== null ? at(rows.completedDay, '17:20') : null,
      completedLate: done && rows.completedDay !== null && rows.completedDay > deadline ? 1 : 0,
    });
    const pending = [...rows.signoffs];
    const reviewer = PEOPLE[campaign.reviewer].name;
    for (const note of rows.notes) {
      while (pending.length && pending[0].day < note.day)
        await writeSignoff(writer, copy.id, pending.shift()!, reviewer);
      await writer.insert('progressNotes', {
        itemId: copy.id,
        noteDate: fromDay(note.day),
        author: owner,
        text: note.text,
        percent: note.percent,
      });
      summary.notes += 1;
    }
    for (const decision of pending) await writeSignoff(writer, copy.id, decision, reviewer);
    summary.items += 1;
    if (done) summary.done += 1;
  }
  return summary;
}
