// Evasion checks (防止避重就轻) shown to the reviewer before accepting reports: claims without
// concrete facts or with too little of them, facts copied between claims or between people,
// vague "no problem found" reasons, catalogue problems nobody claimed, and who has not filed.
// The app points; the reviewer decides. Nothing here writes. This court's reports and people only.
import type { EvasionChecks, EvasionFinding, InspectionScope } from '../../shared/model';
import type { ServiceContext } from '../api/context';
import { definitionOrigins, loadCampaignRow } from '../campaigns/campaigns';
import { ownCourtCode } from '../court/courtProfile';
import { loadCatalogue } from './catalogue';

/** Facts with fewer letters/digits than this (after dropping spaces and punctuation) are too thin to name a person, case or event. */
export const MIN_FACT_CHARS = 15;
/** A "no problem found" reason shorter than this says nothing. */
export const MIN_REASON_CHARS = 15;
/** Texts this long or longer are compared for near-copies; shorter ones only for identical text. */
export const NEAR_COPY_MIN_CHARS = 10;
/** Character-bigram Jaccard similarity at which two texts count as copied with small edits. */
export const NEAR_COPY_SIMILARITY = 0.8;

/** Only letters (汉字 included) and digits: spacing, punctuation and symbols do not make a text different. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]/gu, '')
    .toLowerCase();
}

/** How many letters and digits a text has (a Chinese character counts one). */
export function substanceLength(text: string): number {
  return [...normaliseText(text)].length;
}

export function bigrams(normalised: string): Set<string> {
  const chars = [...normalised];
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i += 1) grams.add(chars[i] + chars[i + 1]);
  return grams;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const gram of small) if (large.has(gram)) shared += 1;
  return shared / (a.size + b.size - shared);
}

interface FactText {
  claimId: string;
  reportId: string;
  subjectName: string;
  /** 1-based position of the claim in its report. */
  position: number;
  title: string;
  normalised: string;
  grams: Set<string>;
}

/**
 * Pairs of texts that are the same after normalising, or near-copies of each other. Identical
 * texts are grouped by their normalised form. Near-copies use prefix filtering, so a campaign
 * with thousands of claims is not compared pair by pair: order every text's bigrams rarest
 * first; two texts with similarity ≥ t share at least ⌈t·|larger|⌉ bigrams, so (taking texts
 * from small to large) the larger one's first |x| − ⌈t·|x|⌉ + 1 bigrams must meet the smaller
 * one's prefix. Only texts that meet there, and whose sizes allow t, are compared in full.
 */
export function copiedPairs(texts: FactText[]): Array<{ a: FactText; b: FactText; identical: boolean }> {
  const pairs: Array<{ a: FactText; b: FactText; identical: boolean }> = [];
  const byText = new Map<string, FactText[]>();
  for (const text of texts) {
    if (!text.normalised) continue;
    const group = byText.get(text.normalised) ?? [];
    for (const earlier of group) pairs.push({ a: earlier, b: text, identical: true });
    group.push(text);
    byText.set(text.normalised, group);
  }
  // One representative per distinct text for the near-copy pass; the identical ones are paired above.
  const groups = [...byText.values()].filter(
    (group) => [...group[0].normalised].length >= NEAR_COPY_MIN_CHARS && group[0].grams.size > 0,
  );
  const frequency = new Map<string, number>();
  for (const group of groups) for (const gram of group[0].grams) frequency.set(gram, (frequency.get(gram) ?? 0) + 1);
  const rarestFirst = (x: string, y: string) => frequency.get(x)! - frequency.get(y)! || (x < y ? -1 : x > y ? 1 : 0);
  const ordered = groups
    .map((group) => ({ group, tokens: [...group[0].grams].sort(rarestFirst) }))
    .sort((x, y) => x.tokens.length - y.tokens.length);
  const index = new Map<string, number[]>();
  for (const [position, entry] of ordered.entries()) {
    const size = entry.tokens.length;
    const prefix = entry.tokens.slice(0, size - Math.ceil(NEAR_COPY_SIMILARITY * size) + 1);
    const seen = new Set<number>();
    for (const token of prefix) {
      for (const other of index.get(token) ?? []) {
        if (seen.has(other)) continue;
        seen.add(other);
        const smaller = ordered[other];
        if (smaller.tokens.length < NEAR_COPY_SIMILARITY * size) continue;
        if (jaccard(smaller.group[0].grams, entry.group[0].grams) < NEAR_COPY_SIMILARITY) continue;
        for (const a of smaller.group) for (const b of entry.group) pairs.push({ a, b, identical: false });
      }
    }
    for (const token of prefix) {
      const list = index.get(token);
      if (list) list.push(position);
      else index.set(token, [position]);
    }
  }
  return pairs;
}

const quote = (text: string, max = 20) => {
  const chars = [...text.trim()];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
};

export async function evasionChecks(ctx: ServiceContext, campaignId: string): Promise<EvasionChecks> {
  const campaign = await loadCampaignRow(ctx, campaignId);
  const [own, origins] = await Promise.all([ownCourtCode(ctx), definitionOrigins(ctx, campaign)]);
  const [reports, claims, catalogue, people, departments] = await Promise.all([
    ctx.db
      .selectFrom('inspectionReports')
      .select([
        'id',
        'scope',
        'personId',
        'departmentId',
        'subjectName',
        'status',
        'noProblem',
        'noProblemReason',
        'submittedAt',
      ])
      .where('campaignId', '=', campaignId)
      .where('origin', '=', own)
      .where('deletedAt', 'is', null)
      .execute(),
    ctx.db
      .selectFrom('inspectionClaims')
      .innerJoin('inspectionReports', 'inspectionReports.id', 'inspectionClaims.reportId')
      .leftJoin('problems', 'problems.id', 'inspectionClaims.problemId')
      .select([
        'inspectionClaims.id',
        'inspectionClaims.reportId',
        'inspectionClaims.problemId',
        'inspectionClaims.ownProblem',
        'inspectionClaims.facts',
        'inspectionClaims.sortOrder',
        'problems.title as problemTitle',
      ])
      .where('inspectionReports.campaignId', '=', campaignId)
      .where('inspectionReports.origin', '=', own)
      .where('inspectionReports.deletedAt', 'is', null)
      .where('inspectionClaims.deletedAt', 'is', null)
      .orderBy('inspectionClaims.sortOrder')
      .execute(),
    loadCatalogue(ctx.db, campaignId, origins),
    ctx.db
      .selectFrom('people')
      .select(['id', 'name', 'departmentId'])
      .where('origin', '=', own)
      .where('deletedAt', 'is', null)
      .orderBy('name')
      .execute(),
    ctx.db
      .selectFrom('departments')
      .select(['id', 'name', 'sortOrder'])
      .where('origin', '=', own)
      .where('deletedAt', 'is', null)
      .orderBy('sortOrder')
      .orderBy('name')
      .execute(),
  ]);

  const findings: EvasionFinding[] = [];
  // Drafts are still being written; a returned report is under revision but was sent once, so it is looked at too.
  const filed = reports.filter((r) => r.status !== 'draft');
  const filedById = new Map(filed.map((r) => [r.id, r]));
  const texts: FactText[] = [];
  const positions = new Map<string, number>();
  for (const claim of claims) {
    const report = filedById.get(claim.reportId);
    if (!report) continue;
    const position = (positions.get(report.id) ?? 0) + 1;
    positions.set(report.id, position);
    const title = claim.problemTitle ?? claim.ownProblem;
    const which = `“${report.subjectName}”的查摆报告第 ${position} 个问题${title ? `（${quote(title)}）` : ''}`;
    const normalised = normaliseText(claim.facts);
    const base = { reportId: report.id, claimId: claim.id, otherReportId: null, otherClaimId: null };
    if (!normalised) {
      findings.push({
        kind: 'no_facts',
        ...base,
        message: `${which}没有写具体事实，看不出涉及哪个人、哪件案件或事件。`,
      });
      continue;
    }
    const length = [...normalised].length;
    if (length < MIN_FACT_CHARS) {
      findings.push({
        kind: 'short_facts',
        ...base,
        message: `${which}的具体事实只有 ${length} 个字（“${quote(claim.facts)}”），过于简单，请核实是否写明了具体人、具体案（事）件。`,
      });
    }
    texts.push({
      claimId: claim.id,
      reportId: report.id,
      subjectName: report.subjectName,
      position,
      title,
      normalised,
      grams: bigrams(normalised),
    });
  }

  for (const { a, b, identical } of copiedPairs(texts)) {
    // Name the later submission as the copy: the earlier one was there first.
    const [first, second] =
      (filedById.get(a.reportId)?.submittedAt ?? '') <= (filedById.get(b.reportId)?.submittedAt ?? '')
        ? [a, b]
        : [b, a];
    const how = identical ? '完全相同' : '高度相似（仅个别字句不同）';
    if (first.reportId === second.reportId) {
      const [early, late] = first.position <= second.position ? [first, second] : [second, first];
      findings.push({
        kind: 'copied_within',
        reportId: late.reportId,
        claimId: late.claimId,
        otherReportId: early.reportId,
        otherClaimId: early.claimId,
        message: `“${late.subjectName}”的查摆报告第 ${late.position} 个问题与第 ${early.position} 个问题的具体事实${how}，可能是照抄凑数。`,
      });
    } else {
      findings.push({
        kind: 'copied_between',
        reportId: second.reportId,
        claimId: second.claimId,
        otherReportId: first.reportId,
        otherClaimId: first.claimId,
        message: `“${second.subjectName}”的查摆报告第 ${second.position} 个问题与“${first.subjectName}”的第 ${first.position} 个问题的具体事实${how}，可能是互相照抄。`,
      });
    }
  }

  for (const report of filed) {
    if (report.noProblem !== 1) continue;
    const length = substanceLength(report.noProblemReason);
    if (length < MIN_REASON_CHARS) {
      findings.push({
        kind: 'vague_no_problem',
        reportId: report.id,
        claimId: null,
        otherReportId: null,
        otherClaimId: null,
        message:
          length === 0
            ? `“${report.subjectName}”填报“未查摆出问题”，但没有写理由。`
            : `“${report.subjectName}”填报“未查摆出问题”，理由只有 ${length} 个字（“${quote(report.noProblemReason)}”），过于笼统，请核实是否认真查摆。`,
      });
    }
  }

  const claimed = new Set<string>();
  for (const claim of claims) {
    const status = filedById.get(claim.reportId)?.status;
    if (claim.problemId && (status === 'submitted' || status === 'accepted')) claimed.add(claim.problemId);
  }
  const unclaimedProblems = catalogue.aspects.flatMap((aspect) =>
    aspect.problems
      .filter((problem) => !claimed.has(problem.id))
      .map((problem) => ({
        problemId: problem.id,
        number: problem.number,
        title: problem.title,
        aspectTitle: aspect.title,
      })),
  );

  const departmentName = new Map(departments.map((d) => [d.id, d.name]));
  const statusOf = (scope: InspectionScope, id: string): 'none' | 'draft' | 'returned' | null => {
    const report = reports.find(
      (r) => r.scope === scope && (scope === 'person' ? r.personId === id : r.departmentId === id),
    );
    if (!report) return 'none';
    return report.status === 'draft' || report.status === 'returned' ? report.status : null;
  };
  const notFiled: EvasionChecks['notFiled'] = [];
  for (const department of departments) {
    const status = statusOf('department', department.id);
    if (status)
      notFiled.push({
        scope: 'department',
        id: department.id,
        name: department.name,
        departmentName: department.name,
        status,
      });
  }
  const departmentRank = new Map(departments.map((d, index) => [d.id, index]));
  const orderedPeople = [...people].sort(
    (a, b) =>
      (departmentRank.get(a.departmentId ?? '') ?? 1e9) - (departmentRank.get(b.departmentId ?? '') ?? 1e9) ||
      a.name.localeCompare(b.name, 'zh-Hans-CN'),
  );
  for (const person of orderedPeople) {
    const status = statusOf('person', person.id);
    if (status) {
      notFiled.push({
        scope: 'person',
        id: person.id,
        name: person.name,
        departmentName: person.departmentId ? (departmentName.get(person.departmentId) ?? '') : '',
        status,
      });
    }
  }

  return { campaignId, findings, unclaimedProblems, notFiled };
}
