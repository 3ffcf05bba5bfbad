// Writes the demo data set (departments, people and three campaigns built from the seed articles)
// through the ChangeWriter, so every row gets its id, origin, version, change number and audit
// entry like any other. Dates are placed around `today` so the lights show a realistic mix:
// signed off, finished and waiting for sign-off, under way with a dated history of progress
// notes, due within days (yellow), overdue (red), finished late (逾期完成), and sent back.
// The content is the same for the same `today`; only the generated row ids differ.
import { ApiError } from '../api/errors';
import { linkAccountsToPeople } from '../access/accounts';
import { chineseNumeral } from '../../shared/checklistRules';
import type { ItemStatus } from '../../shared/model';
import { ORDER_GAP, type ChangeWriter } from '../data/ownedRows';
import { nengliCampaign } from './campaignNengli';
import { qinglianCampaign } from './campaignQinglian';
import { zhixingCampaign } from './campaignZhixing';
import { evidenceFor, writeEvidence } from './demoEvidence';
import type { BlobWriter } from '../evidence/blobStore';
import { DEPARTMENT_HEADS, DEPARTMENTS, PEOPLE, type DeptKey, type PersonKey } from './demoOrg';
import { demoTime, type DemoCampaign, type DemoItem, type DemoSection } from './demoTypes';
import { writeDemoInspection } from './demoInspection';
import { writeDemoLedger } from './demoLedger';
import { writeDemoIndicators } from './demoIndicators';
import { DEMO_SUPERIOR, itemKey, sectionKey, type CampaignDates, type IssuedCampaign } from './demoSuperior';

export interface DemoOptions {
  /** YYYY-MM-DD; deadlines are placed around it so the lights show a realistic mix. */
  today: string;
  /** Called between steps; throws to cancel. */
  progress(done: number, total: number, message: string): void;
  /** Where evidence files go; when given, finished items get small evidence files. */
  blobs?: BlobWriter;
  /**
   * The campaigns a superior issued, already imported here from its packages: the court fills in
   * its copies of their 规定动作 and adds its own rows to them. Without it every campaign is written
   * as this court's own (a high court).
   */
  issued?: Map<DemoCampaign, IssuedCampaign>;
}

export const DEMO_CAMPAIGNS: readonly DemoCampaign[] = [nengliCampaign, qinglianCampaign, zhixingCampaign];
export const DEMO_TITLES: readonly string[] = DEMO_CAMPAIGNS.map((c) => c.title);

export const DEMO_ALREADY_LOADED = (titles: string[]) =>
  new ApiError(
    'E_DEMO_LOADED',
    // The titles carry their own quotation marks (“能力作风建设年”活动): listed as they are.
    `示例数据已经载入过（${titles.join('、')}），不能重复载入。`,
  );

/** Let the event loop breathe (progress polls, other windows) every this many items. */
const YIELD_EVERY = 8;

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic on YYYY-MM-DD strings (UTC, so no time zone or DST can shift a day).

const DAY_MS = 86_400_000;
export const toDay = (date: string): number => {
  const [y, m, d] = date.split('-').map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
};
export const fromDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const monthStart = (year: number, month0: number): number => Math.round(Date.UTC(year, month0, 1) / DAY_MS);
const monthEnd = (year: number, month0: number): number => monthStart(year, month0 + 1) - 1;

export interface Window {
  today: number;
  start: number;
  end: number;
}

/** The campaign began on the 1st of the month `monthsBack` months ago and ends with next month. */
export function campaignWindow(today: string, monthsBack: number): Window {
  const [y, m] = today.split('-').map(Number);
  return { today: toDay(today), start: monthStart(y, m - 1 - monthsBack), end: monthEnd(y, m) };
}

/** Deadline of a standing task: the end of the current month or quarter. */
function periodEnd(today: string, frequency: 'monthly' | 'quarterly'): number {
  const [y, m] = today.split('-').map(Number);
  return frequency === 'monthly' ? monthEnd(y, m - 1) : monthEnd(y, Math.floor((m - 1) / 3) * 3 + 2);
}

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);
const round5 = (value: number) => Math.round(value / 5) * 5;
/** Times of day for people to read; China Standard Time, where the users are. */
export const at = (day: number, hhmm: string) => demoTime(fromDay(day), hhmm);

function fillPlaceholders(text: string, day: number): string {
  const [, month] = fromDay(day).split('-').map(Number);
  return text
    .replaceAll('{月}', `${chineseNumeral(month)}月`)
    .replaceAll('{季}', `第${chineseNumeral(Math.floor((month - 1) / 3) + 1)}季度`);
}

/** `count` dates ending on `last`, at most `gap` days apart, never before `first`. */
function spreadDates(count: number, first: number, last: number, gap: number): number[] {
  if (count <= 0) return [];
  const room = Math.max(0, last - first);
  const step = count > 1 ? Math.max(0, Math.min(gap, Math.floor(room / (count - 1)))) : 0;
  return Array.from({ length: count }, (_, i) => last - step * (count - 1 - i));
}

// ---------------------------------------------------------------------------------------------
// From a plan to the rows of one item.

const APPROVALS = [
  '佐证材料齐全，完成情况属实，同意销号。',
  '经核对台账和佐证材料，符合销号条件，予以销号。',
  '已按要求完成，同意销号，请注意巩固成效。',
  '完成质量较好，同意销号，纳入季度抽查“回头看”范围。',
];
const LATE_APPROVAL = '任务已完成，但超出完成时限，记为逾期完成，同意销号。';
const REWORK_APPROVAL = '补充材料已核实，问题已整改到位，同意销号。';

export interface NoteRow {
  day: number;
  text: string;
  percent: number | null;
}
export interface SignoffRow {
  day: number;
  decision: 'approved' | 'returned';
  opinion: string;
}
export interface ItemRows {
  deadline: number;
  status: ItemStatus;
  percent: number;
  completedDay: number | null;
  notes: NoteRow[];
  /** Sign-off decisions, each written right after the note with the same or an earlier day. */
  signoffs: SignoffRow[];
}

const ramp = (count: number, final: number) =>
  Array.from({ length: count }, (_, i) => (i === count - 1 ? final : round5((final * (i + 1)) / count)));

/** Turns an item's plan into dated rows. `seq` varies the small offsets from item to item. */
export function planItem(item: DemoItem, seq: number, win: Window, today: string): ItemRows {
  const { plan } = item;
  const frequency = item.frequency ?? 'once';
  const k = 1 + (seq % 5);
  const earliest = win.start + 5;
  const yesterday = win.today - 1;
  const deadline =
    plan.s === 'ongoing'
      ? clamp(periodEnd(today, frequency === 'quarterly' ? 'quarterly' : 'monthly'), win.today, win.end)
      : clamp(win.today + plan.due, win.start + 14, win.end);

  const notesUpTo = (texts: string[], last: number, percents: number[], gap = 24): NoteRow[] =>
    spreadDates(texts.length, earliest, last, gap).map((day, i) => ({
      day,
      text: fillPlaceholders(texts[i], day),
      percent: percents[i],
    }));

  switch (plan.s) {
    case 'signed':
    case 'done':
    case 'signedLate':
    case 'doneLate': {
      const late = plan.s === 'signedLate' || plan.s === 'doneLate';
      const completed = late
        ? Math.min(deadline + plan.late, yesterday - 1)
        : Math.max(Math.min(deadline, yesterday - 1) - k, win.start + 3);
      const notes = notesUpTo(item.notes, completed, ramp(item.notes.length, 100));
      const signedOff = plan.s === 'signed' || plan.s === 'signedLate';
      const lateNow = completed > deadline;
      return {
        deadline,
        status: signedOff ? 'signed_off' : 'completed',
        percent: 100,
        completedDay: completed,
        notes,
        signoffs: signedOff
          ? [
              {
                day: Math.min(completed + 1 + (seq % 4), yesterday),
                decision: 'approved',
                opinion: item.review ?? (lateNow ? LATE_APPROVAL : APPROVALS[seq % APPROVALS.length]),
              },
            ]
          : [],
      };
    }
    case 'returned': {
      const completed = Math.max(Math.min(deadline, yesterday - 3) - k, win.start + 3);
      return {
        deadline,
        status: 'returned',
        percent: 100,
        completedDay: null,
        notes: notesUpTo(item.notes, completed, ramp(item.notes.length, 100)),
        signoffs: [
          {
            day: Math.min(completed + 2, yesterday),
            decision: 'returned',
            opinion: item.review ?? '佐证材料不全，请补充后重新提交。',
          },
        ],
      };
    }
    case 'reworked': {
      // Finished once, sent back, redone: the last note is the resubmission.
      const first = Math.max(Math.min(deadline, yesterday - 12) - 10 - k, win.start + 3);
      const again = first + 8;
      const before = item.notes.slice(0, -1);
      const notes = notesUpTo(before, first, ramp(before.length, 100));
      notes.push({ day: again, text: item.notes[item.notes.length - 1], percent: 100 });
      return {
        deadline,
        status: 'signed_off',
        percent: 100,
        completedDay: again,
        notes,
        signoffs: [
          { day: first + 2, decision: 'returned', opinion: item.review ?? '佐证材料不全，请补充后重新提交。' },
          { day: Math.min(again + 2, yesterday), decision: 'approved', opinion: REWORK_APPROVAL },
        ],
      };
    }
    case 'progress':
    case 'dueSoon':
    case 'overdue': {
      if (item.notes.length === 0)
        return { deadline, status: 'not_started', percent: 0, completedDay: null, notes: [], signoffs: [] };
      const last = yesterday - (seq % 6);
      return {
        deadline,
        status: 'in_progress',
        percent: plan.pct,
        completedDay: null,
        notes: notesUpTo(item.notes, last, ramp(item.notes.length, plan.pct)),
        signoffs: [],
      };
    }
    case 'notStarted':
      return { deadline, status: 'not_started', percent: 0, completedDay: null, notes: [], signoffs: [] };
    case 'ongoing': {
      const elapsed = (win.today - win.start) / Math.max(1, win.end - win.start);
      const pct = plan.pct ?? clamp(round5(elapsed * 100), 10, 95);
      const last = yesterday - 1 - (seq % 5);
      const gap = frequency === 'quarterly' ? 91 : 30;
      const notes = spreadDates(item.notes.length, earliest, last, gap).map((day, i) => ({
        day,
        text: fillPlaceholders(item.notes[i], day),
        percent: ramp(item.notes.length, pct)[i],
      }));
      return {
        deadline,
        status: notes.length ? 'in_progress' : 'not_started',
        percent: notes.length ? pct : 0,
        completedDay: null,
        notes,
        signoffs: [],
      };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Writing.

const countItems = (sections: readonly DemoSection[]): number =>
  sections.reduce((sum, s) => sum + (s.items?.length ?? 0) + countItems(s.children ?? []), 0);

/** Campaigns whose demo copy counts as loaded here: this court's own, and the demo superior's. */
export const demoOrigins = (court: string) => [...new Set([court, DEMO_SUPERIOR.code])];

/**
 * Titles of the demo campaigns already loaded here (live): this court's own, and those the demo
 * superior issued to it, so loading twice can be refused. Other courts' copies (a subordinate's
 * report, a real superior's package) do not count: a high court that holds its basic courts' demo
 * campaigns can still load its own.
 */
export async function loadedDemoTitles(writer: ChangeWriter): Promise<string[]> {
  const rows = await writer.trx
    .selectFrom('campaigns')
    .select('title')
    .where('deletedAt', 'is', null)
    .where('origin', 'in', demoOrigins(writer.actor.court))
    .where('title', 'in', [...DEMO_TITLES])
    .execute();
  return rows.map((row) => row.title);
}

/** Steps of the demo's progress bar: the superior's packages (2 when issued), people, items, end. */
export const demoStepCount = (issued: boolean) =>
  (issued ? 2 : 0) + 1 + DEMO_CAMPAIGNS.reduce((sum, c) => sum + countItems(c.sections), 0) + 1;

/** A campaign's dates as of `today`, and each item's deadline by its place in the file. */
export function campaignDates(campaign: DemoCampaign, today: string): CampaignDates {
  const win = campaignWindow(today, campaign.monthsBack);
  const deadlines = new Map<string, string>();
  const walk = (sections: readonly DemoSection[], parent: string | null) => {
    for (const [position, section] of sections.entries()) {
      const key = sectionKey(parent, position);
      for (const [order, item] of (section.items ?? []).entries())
        deadlines.set(itemKey(key, order), fromDay(planItem(item, 0, win, today).deadline));
      walk(section.children ?? [], key);
    }
  };
  walk(campaign.sections, null);
  return {
    year: Number(fromDay(win.start).slice(0, 4)),
    startDate: fromDay(win.start),
    endDate: fromDay(win.end),
    deadlines,
  };
}

/** Writes the demo; the caller has refused a second load (loadedDemoTitles) in the same transaction. */
export async function writeDemoData(writer: ChangeWriter, options: DemoOptions): Promise<void> {
  const total = demoStepCount(Boolean(options.issued));
  let step = options.issued ? 2 : 0;
  options.progress(step, total, '正在检查现有数据…');

  const court = await writer.trx
    .selectFrom('courts')
    .select(['code', 'name', 'level'])
    .where('code', '=', writer.actor.court)
    .executeTakeFirstOrThrow();

  // Departments and people. A department the clerk already typed in is reused, not duplicated.
  options.progress(step, total, '正在建立部门和人员…');
  const existing = await writer.trx
    .selectFrom('departments')
    .select(['id', 'name', 'sortOrder'])
    .where('deletedAt', 'is', null)
    .execute();
  let nextOrder = existing.reduce((max, d) => Math.max(max, d.sortOrder), 0);
  const departmentIds = {} as Record<DeptKey, string>;
  for (const key of Object.keys(DEPARTMENTS) as DeptKey[]) {
    const name = DEPARTMENTS[key];
    const found = existing.find((d) => d.name === name);
    departmentIds[key] = found
      ? found.id
      : (
          await writer.insert('departments', {
            name,
            headName: PEOPLE[DEPARTMENT_HEADS[key]]?.name ?? '',
            sortOrder: (nextOrder += 1),
          })
        ).id;
  }
  const people = await writer.trx
    .selectFrom('people')
    .select(['name', 'title'])
    .where('deletedAt', 'is', null)
    .execute();
  for (const person of Object.values(PEOPLE)) {
    if (people.some((p) => p.name === person.name && p.title === person.title)) continue;
    await writer.insert('people', {
      name: person.name,
      title: person.title,
      departmentId: person.dept ? departmentIds[person.dept] : null,
    });
  }
  // The accounts on this PC stand for people too: linked, so each can file its own 查摆报告.
  // An account without a department (the clerk who set the court up) joins 办公室.
  await linkAccountsToPeople(writer, departmentIds.bangong);
  options.progress((step += 1), total, '部门和人员已建立');

  let seq = 0;
  for (const campaign of DEMO_CAMPAIGNS) {
    const win = campaignWindow(options.today, campaign.monthsBack);
    // Issued by the superior: imported from its package, with its sections and 规定动作 (copies here).
    const issued = options.issued?.get(campaign);
    const campaignId =
      issued?.campaignId ??
      (
        await writer.insert('campaigns', {
          title: campaign.title,
          issuingCourtCode: court.code,
          issuingCourtName: court.name,
          year: Number(fromDay(win.start).slice(0, 4)),
          startDate: fromDay(win.start),
          endDate: fromDay(win.end),
          description: campaign.description,
          status: 'active',
          yellowDays: 7,
        })
      ).id;
    const copies = issued ? await copiesOf(writer, campaignId) : new Map<string, string>();
    const reviewer = PEOPLE[campaign.reviewer].name;
    const itemTotal = countItems(campaign.sections);
    let itemIndex = 0;

    const writeSections = async (
      sections: readonly DemoSection[],
      parentKey: string | null,
      parentId: string | null,
    ): Promise<void> => {
      for (const [position, section] of sections.entries()) {
        const key = sectionKey(parentKey, position);
        const sectionId =
          issued?.sections.get(key) ??
          (
            await writer.insert('sections', {
              campaignId,
              parentId,
              title: section.title,
              sortOrder: position + 1,
            })
          ).id;
        for (const [order, item] of (section.items ?? []).entries()) {
          itemIndex += 1;
          options.progress(step, total, `正在写入${campaign.title}（${itemIndex}/${itemTotal}）…`);
          const definition = item.kind === 'mandatory' ? issued?.items.get(itemKey(key, order)) : undefined;
          const copyId = definition ? copies.get(definition) : undefined;
          if (definition && !copyId) throw new Error(`demo: no copy of the issued item “${item.title}”`);
          await writeItem(writer, item, seq, win, options.today, {
            campaignId,
            sectionId,
            sortOrder: (order + 1) * ORDER_GAP,
            departmentIds,
            reviewer,
            blobs: options.blobs,
            copyId,
          });
          seq += 1;
          step += 1;
          if (seq % YIELD_EVERY === 0) await new Promise<void>((resolve) => setImmediate(resolve));
        }
        await writeSections(section.children ?? [], key, sectionId);
      }
    };
    await writeSections(campaign.sections, null, null);
    // The self-inspection follows seed 000 (能力作风建设年); the rectification ledger, with its
    // inspection and petition sources, sits with the 清廉法院 drive.
    if (campaign === nengliCampaign) {
      options.progress(step, total, '正在写入问题清单和查摆报告…');
      await writeDemoInspection(writer, { campaignId, today: options.today, departmentIds });
      await writeDemoIndicators(writer, { campaignId, today: options.today });
    }
    if (campaign === qinglianCampaign) {
      options.progress(step, total, '正在写入整改台账…');
      await writeDemoLedger(writer, { campaignId, today: options.today, departmentIds });
    }
  }
  options.progress(total, total, '示例数据已写入');
}

/** This court's copies of an issued campaign's 规定动作, by the issuer's item id. */
async function copiesOf(writer: ChangeWriter, campaignId: string): Promise<Map<string, string>> {
  const rows = await writer.trx
    .selectFrom('items')
    .select(['id', 'sourceItemId'])
    .where('campaignId', '=', campaignId)
    .where('origin', '=', writer.actor.court)
    .where('sourceItemId', 'is not', null)
    .where('deletedAt', 'is', null)
    .execute();
  return new Map(rows.map((row) => [row.sourceItemId!, row.id]));
}

interface ItemPlace {
  campaignId: string;
  sectionId: string;
  sortOrder: number;
  departmentIds: Record<DeptKey, string>;
  reviewer: string;
  blobs?: BlobWriter;
  /** This court's copy of an issued 规定动作 (made by the import): filled in, not inserted. */
  copyId?: string;
}

async function writeItem(
  writer: ChangeWriter,
  item: DemoItem,
  seq: number,
  win: Window,
  today: string,
  place: ItemPlace,
): Promise<void> {
  const rows = planItem(item, seq, win, today);
  const ownerKey: PersonKey = item.owner ?? DEPARTMENT_HEADS[item.dept];
  const owner = PEOPLE[ownerKey].name;
  const done = rows.status === 'completed' || rows.status === 'signed_off';
  // What the court fills in; the definition (title, content, section, deadline, frequency, kind)
  // of an issued 规定动作 came with the package.
  const work = {
    leadLeader: PEOPLE[item.lead].name,
    departmentId: place.departmentIds[item.dept],
    owner,
    status: rows.status,
    percent: rows.percent,
    completedAt: done && rows.completedDay !== null ? at(rows.completedDay, '17:20') : null,
    completedLate: done && rows.completedDay !== null && rows.completedDay > rows.deadline ? 1 : 0,
  };
  const itemRow = place.copyId
    ? await writer.update('items', place.copyId, undefined, work)
    : await writer.insert('items', {
        campaignId: place.campaignId,
        sectionId: place.sectionId,
        sortOrder: place.sortOrder,
        title: item.title,
        content: item.content,
        kind: item.kind,
        deadline: fromDay(rows.deadline),
        frequency: item.frequency ?? 'once',
        ...work,
      });
  // The item was set when the campaign began, not when the demo was loaded: boards draw their
  // burn-down from creation and completion dates. Same transaction, the row was just written.
  const createdDay = Math.min(win.start, rows.completedDay ?? win.start, ...rows.notes.map((note) => note.day));
  await writer.trx
    .updateTable('items')
    .set({ createdAt: at(createdDay, '09:00') })
    .where('id', '=', itemRow.id)
    .execute();
  // History in the order it happened: each sign-off after the notes written up to its day, the
  // evidence with the report that finished the work.
  const pending = [...rows.signoffs];
  for (const note of rows.notes) {
    while (pending.length && pending[0].day < note.day)
      await writeSignoff(writer, itemRow.id, pending.shift()!, place.reviewer);
    await writer.insert('progressNotes', {
      itemId: itemRow.id,
      noteDate: fromDay(note.day),
      author: owner,
      text: note.text,
      percent: note.percent,
    });
  }
  const finished = done || rows.status === 'returned';
  if (place.blobs && finished && rows.notes.length) {
    const lastNote = rows.notes[rows.notes.length - 1];
    const files = evidenceFor(
      {
        title: item.title,
        content: item.content,
        department: DEPARTMENTS[item.dept],
        owner,
        deadline: fromDay(rows.deadline),
        completed: fromDay(rows.completedDay ?? lastNote.day),
      },
      rows.notes.map((note) => ({ date: fromDay(note.day), text: note.text })),
      // A returned item was sent back for missing material: it has the report only.
      rows.status !== 'returned' && seq % 2 === 0,
    );
    await writeEvidence(writer, place.blobs, itemRow.id, files);
  }
  for (const decision of pending) await writeSignoff(writer, itemRow.id, decision, place.reviewer);
}

export async function writeSignoff(
  writer: ChangeWriter,
  itemId: string,
  decision: SignoffRow,
  reviewer: string,
): Promise<void> {
  await writer.insert('signoffs', {
    itemId,
    reviewer,
    decidedAt: at(decision.day, '10:30'),
    decision: decision.decision,
    opinion: decision.opinion,
  });
}
