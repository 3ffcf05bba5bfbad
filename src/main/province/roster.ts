// The roster (应报法院): the courts this court expects reports from. A court keeps its own list and
// also receives its superiors' lists in their packages, so an intermediate court knows its basic
// courts without typing them. The roster a court works with is every listed court below it: its
// own entries first, then the entries its superiors keep for courts under this one.
import type { Kysely } from 'kysely';
import type { ServiceContext } from '../api/context';
import type { Database } from '../data/schema';
import { ownCourtCode, superiorCourtCodes } from '../court/courtProfile';

export interface RosterEntry {
  id: string;
  /** The court that keeps this entry: this court, or a superior whose list arrived in a package. */
  origin: string;
  version: number;
  code: string;
  name: string;
  level: 'intermediate' | 'basic';
  parentCode: string;
  jurisdiction: string;
  mergedAt: string | null;
  mergedInto: string | null;
  addedBy: 'manual' | 'import' | 'relay';
}

/** What the defaults of a campaign's reporting rules are when a court has set none. */
export const DEFAULT_REPORTING_RULES = {
  period: 'month',
  dueDays: 5,
  staleDays: 30,
  laggardRule: 'bottom',
  laggardCount: 10,
  laggardBelow: 60,
} as const;

export interface ReportingRules {
  period: 'week' | 'month' | 'quarter';
  dueDays: number;
  staleDays: number;
  laggardRule: 'bottom' | 'below';
  laggardCount: number;
  laggardBelow: number;
}

/**
 * Every roster court below this one, one entry per code (this court's own entry wins over a
 * superior's), merged courts included unless left out. Sorted by parent, then code, so a
 * jurisdiction's courts sit together.
 */
export async function rosterCourts(
  ctx: Pick<ServiceContext, 'db'>,
  options: { includeMerged?: boolean } = {},
): Promise<RosterEntry[]> {
  const own = await ownCourtCode(ctx);
  const superiors = await superiorCourtCodes(ctx);
  return rosterBelow(ctx.db, own, superiors, options.includeMerged ?? true);
}

export async function rosterBelow(
  db: Kysely<Database>,
  own: string,
  superiors: string[],
  includeMerged: boolean,
): Promise<RosterEntry[]> {
  const rows = await db
    .selectFrom('rosterCourts')
    .select([
      'id',
      'origin',
      'version',
      'code',
      'name',
      'level',
      'parentCode',
      'jurisdiction',
      'mergedAt',
      'mergedInto',
      'addedBy',
    ])
    .where('deletedAt', 'is', null)
    .where('origin', 'in', [own, ...superiors])
    .execute();
  const byCode = new Map<string, RosterEntry>();
  for (const row of rows) {
    const held = byCode.get(row.code);
    if (!held || (row.origin === own && held.origin !== own)) byCode.set(row.code, row);
  }
  // Keep only courts whose chain of parents reaches this court (a superior's list also names
  // courts in other jurisdictions).
  const below = (code: string): boolean => {
    const seen = new Set<string>();
    let parent = byCode.get(code)?.parentCode;
    while (parent && !seen.has(parent)) {
      if (parent === own) return true;
      seen.add(parent);
      parent = byCode.get(parent)?.parentCode;
    }
    return false;
  };
  return [...byCode.values()]
    .filter((entry) => entry.code !== own && below(entry.code))
    .filter((entry) => includeMerged || entry.mergedAt === null)
    .sort((a, b) => a.parentCode.localeCompare(b.parentCode) || a.code.localeCompare(b.code));
}

/** A campaign's reporting rules at this court, or the defaults. */
export async function reportingRules(ctx: Pick<ServiceContext, 'db'>, campaignId: string): Promise<ReportingRules> {
  const row = await ctx.db
    .selectFrom('campaignReporting')
    .select(['period', 'dueDays', 'staleDays', 'laggardRule', 'laggardCount', 'laggardBelow'])
    .where('campaignId', '=', campaignId)
    .executeTakeFirst();
  return row ?? { ...DEFAULT_REPORTING_RULES };
}
