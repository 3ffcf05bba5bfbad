// The data of the checklist report (推进清单): one court's items of a campaign, grouped by section
// in the checklist's own display order and numbering, with each item's latest progress note.
// It reads through the checklist's own list (listItems, listSections) so the report numbers and
// orders items exactly as the screen does; it writes nothing of its own.
import type { ServiceContext } from '../api/context';
import { ITEM_STATUS_ZH } from '../app/statusText';
import { listSections } from '../campaigns/campaigns';
import { listItems } from '../checklist/items';
import { latestNoteEach, reportHead, viewedCode } from './reportScope';

/** One item's line in the report. Dates are YYYY-MM-DD everywhere in the table. */
export interface ChecklistReportRow {
  /** 序号: the running number of the whole checklist. */
  number: number;
  title: string;
  /** 具体内容, shown below the title in smaller text; '' when none. */
  content: string;
  leadLeader: string;
  department: string;
  deadline: string;
  /** The latest progress note; null when nobody has reported progress yet. */
  progress: { date: string; text: string } | null;
  /**
   * Chinese status text, with （逾期） appended when past the deadline and not done, and （逾期完成）
   * when it was finished after its deadline — in words, so the mark survives black-and-white print.
   */
  status: string;
  overdue: boolean;
  /** Finished after its deadline (kept once signed off). */
  completedLate: boolean;
}

/** A section heading (with its official number) and the items directly under it. */
export interface ChecklistReportGroup {
  /** "一、争先创优年"; null for items filed under no section. */
  heading: string | null;
  depth: number;
  rows: ChecklistReportRow[];
}

export interface ChecklistReport {
  courtCode: string;
  courtName: string;
  campaignTitle: string;
  /** Today as 2026年11月24日. */
  reportDate: string;
  itemCount: number;
  groups: ChecklistReportGroup[];
}

/**
 * A title that starts with numbering of its own — 一、 （一） (一) 1. 1、 1) （1） ① 第一部分 第二章
 * — typed by hand or carried over from a document. Such a title is printed as written: prefixing
 * the section's number would print "一、一、".
 */
const OWN_NUMBER =
  /^\s*(?:[一二三四五六七八九十百零〇]+[、．.，,]|[（(][一二三四五六七八九十百零〇\d０-９]+[）)]|[\d０-９]+(?:[、，,)）]|[.．](?![\d０-９]))|[①-⑳]|第[一二三四五六七八九十百零〇\d０-９]+(?:部分|章|节|篇|条|项|个方面|方面))/;

export function titleHasOwnNumber(title: string): boolean {
  return OWN_NUMBER.test(title);
}

/** "一、" + title, or the title alone when it carries its own number. */
export function sectionHeading(number: string, title: string): string {
  return titleHasOwnNumber(title) ? title.trim() : `${number}${title}`;
}

/** The heading of the group of items filed under no section. */
export const UNSECTIONED_HEADING = '其他事项';

/** Each item's latest progress note (by note date, then the order written), for one court's items of one campaign. */
async function latestNotes(
  ctx: ServiceContext,
  campaignId: string,
  court: string,
): Promise<Map<string, { date: string; text: string }>> {
  const notes = await ctx.db
    .selectFrom('progressNotes')
    .innerJoin('items', 'items.id', 'progressNotes.itemId')
    .select([
      'progressNotes.itemId as ownerId',
      'progressNotes.noteDate as date',
      'progressNotes.text',
      'progressNotes.changeSeq as seq',
    ])
    .where('items.campaignId', '=', campaignId)
    .where('items.origin', '=', court)
    .where('items.deletedAt', 'is', null)
    .where('progressNotes.deletedAt', 'is', null)
    .execute();
  return latestNoteEach(notes);
}

/**
 * The checklist report of a campaign for this court, or for `courtCode` (a subordinate whose
 * data this database holds).
 */
export async function checklistReport(
  ctx: ServiceContext,
  campaignId: string,
  courtCode?: string,
): Promise<ChecklistReport> {
  const head = await reportHead(ctx, campaignId, courtCode, '推进清单');
  const { campaign, court } = head;
  const [items, sections, notes] = await Promise.all([
    listItems(ctx, campaignId, viewedCode(head)),
    listSections(ctx, campaign, court),
    latestNotes(ctx, campaignId, court),
  ]);

  const bySection = new Map<string | null, ChecklistReportRow[]>();
  for (const item of items) {
    const overdue = item.light === 'red';
    const completedLate = item.completedLate && !overdue;
    const row: ChecklistReportRow = {
      number: item.number,
      title: item.title,
      content: item.content,
      leadLeader: item.leadLeader,
      department: item.departmentName,
      deadline: item.deadline ?? '',
      progress: notes.get(item.id) ?? null,
      status: `${ITEM_STATUS_ZH[item.status]}${overdue ? '（逾期）' : completedLate ? '（逾期完成）' : ''}`,
      overdue,
      completedLate,
    };
    const list = bySection.get(item.sectionId) ?? [];
    list.push(row);
    bySection.set(item.sectionId, list);
  }

  // A section is shown when it or a section below it holds items, so the tree reads whole.
  const parentOf = new Map(sections.map((section) => [section.id, section.parentId]));
  const shown = new Set<string>();
  for (const sectionId of bySection.keys()) {
    for (let id = sectionId; id && !shown.has(id); id = parentOf.get(id) ?? null) shown.add(id);
  }
  const groups: ChecklistReportGroup[] = sections
    .filter((section) => shown.has(section.id))
    .map((section) => ({
      heading: sectionHeading(section.number, section.title),
      depth: section.depth,
      rows: bySection.get(section.id) ?? [],
    }));
  // Items of a section this court cannot see any more, and items in no section, come last.
  const known = new Set(sections.map((section) => section.id));
  const rest = [...bySection].filter(([id]) => id === null || !known.has(id)).flatMap(([, rows]) => rows);
  if (rest.length)
    groups.push({
      heading: sections.length ? UNSECTIONED_HEADING : null,
      depth: 0,
      rows: rest.sort((a, b) => a.number - b.number),
    });

  return {
    courtCode: court,
    courtName: head.courtName,
    campaignTitle: campaign.title,
    reportDate: head.reportDate,
    itemCount: items.length,
    groups,
  };
}
