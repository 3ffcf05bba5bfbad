// What a data folder holds, at a glance, for the command line's `status`: this court, each
// campaign with this court's own progress on it (and every other court's, per origin), and every
// court whose rows the database holds with its last bundle sequence number.
import { sql } from 'kysely';
import type { ServiceContext } from '../api/context';
import { requireProfile, today } from '../court/courtProfile';
import { RECORD_LABELS } from '../../shared/recordLabels';
import { isDone } from '../../shared/checklistRules';
import type { OwnedTable } from '../data/schema';
import { rosterStatus, type RosterStatus } from './rosterStatus';

export interface StatusFigures {
  /** Live checklist items. */
  items: number;
  /** Completed, whether or not signed off yet. */
  done: number;
  signedOff: number;
  /** Not done and past the deadline (a red light). */
  overdue: number;
}

export interface CampaignStatus extends StatusFigures {
  id: string;
  title: string;
  /** The court that owns the campaign's definition. */
  origin: string;
  issuingCourtName: string;
  year: number;
  status: string;
  /** Items, done, signed off and overdue counted per court that owns them (own copies included). */
  byCourt: Array<StatusFigures & { code: string }>;
}

export interface HeldCourtStatus {
  code: string;
  name: string;
  level: string;
  /** 'self' for this court; otherwise how its bundles are trusted here, or null when unknown. */
  relation: 'self' | 'superior' | 'subordinate' | 'relayed' | null;
  /** Live checklist items owned by this court. */
  itemCount: number;
  /** Live rows of every kind owned by this court. */
  rows: number;
  /** This court: the last report-up bundle written; another court: the last of its bundles imported here. */
  lastSeq: number;
  /** When that bundle was written (as recorded), or null. */
  lastBundleAt: string | null;
  /** When a bundle from this court was last imported here; null for this court itself. */
  lastImportedAt: string | null;
  /** The audit witness: "审计日志与上次上报不一致：…" when a report from this court contradicted an
   * earlier one (its log went backwards or was rewritten); null otherwise and for this court. */
  auditAlert: string | null;
  /** When that was found. */
  auditAlertAt: string | null;
}

export interface CourtStatus {
  court: { code: string; name: string; level: string; parentCode: string | null; parentName: string | null };
  today: string;
  schemaVersion: number;
  appVersion: string;
  /** Live campaigns; the figures at the top level are this court's own items only. */
  campaigns: CampaignStatus[];
  /** This court first, then every court whose rows this database holds or whose bundles it trusts, by code. */
  courts: HeldCourtStatus[];
  /** At a higher court: every roster court's reporting in the current period (see rosterStatus.ts); null at a basic court. */
  roster: RosterStatus | null;
}

const emptyFigures = (): StatusFigures => ({ items: 0, done: 0, signedOff: 0, overdue: 0 });

/** Live rows per origin, across every kind of owned row. */
async function rowsByOrigin(ctx: ServiceContext): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const table of Object.keys(RECORD_LABELS) as OwnedTable[]) {
    // Every owned table has the same common columns; Kysely cannot follow a table-name union.
    const rows = await ctx.db
      .selectFrom(table as 'items')
      .select(['origin', (eb) => eb.fn.countAll<number>().as('n')])
      .where('deletedAt', 'is', null)
      .groupBy('origin')
      .execute();
    for (const row of rows) counts.set(row.origin, (counts.get(row.origin) ?? 0) + Number(row.n));
  }
  return counts;
}

export async function courtStatus(ctx: ServiceContext): Promise<CourtStatus> {
  const profile = await requireProfile(ctx);
  const day = today(ctx);

  const campaignRows = await ctx.db
    .selectFrom('campaigns')
    .select(['id', 'title', 'origin', 'issuingCourtName', 'year', 'status'])
    .where('deletedAt', 'is', null)
    .orderBy('year', 'desc')
    .orderBy('title')
    .execute();
  // One pass over the items, grouped in SQL by campaign, owner and the three facts that count.
  const itemGroups = await ctx.db
    .selectFrom('items')
    .select([
      'campaignId',
      'origin',
      'status',
      sql<number>`deadline IS NOT NULL AND deadline < ${day}`.as('pastDeadline'),
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .where('deletedAt', 'is', null)
    .groupBy(['campaignId', 'origin', 'status', 'pastDeadline'])
    .execute();

  const figures = new Map<string, Map<string, StatusFigures>>();
  const itemsByOrigin = new Map<string, number>();
  for (const group of itemGroups) {
    const perCourt = figures.get(group.campaignId) ?? new Map<string, StatusFigures>();
    figures.set(group.campaignId, perCourt);
    const entry = perCourt.get(group.origin) ?? emptyFigures();
    perCourt.set(group.origin, entry);
    const n = Number(group.n);
    entry.items += n;
    if (isDone(group.status)) entry.done += n;
    if (group.status === 'signed_off') entry.signedOff += n;
    if (!isDone(group.status) && Number(group.pastDeadline) === 1) entry.overdue += n;
    itemsByOrigin.set(group.origin, (itemsByOrigin.get(group.origin) ?? 0) + n);
  }

  const campaigns: CampaignStatus[] = campaignRows.map((campaign) => {
    const perCourt = figures.get(campaign.id) ?? new Map<string, StatusFigures>();
    return {
      id: campaign.id,
      title: campaign.title,
      origin: campaign.origin,
      issuingCourtName: campaign.issuingCourtName,
      year: campaign.year,
      status: campaign.status,
      ...(perCourt.get(profile.code) ?? emptyFigures()),
      byCourt: [...perCourt.entries()]
        .map(([code, counts]) => ({ code, ...counts }))
        .sort((a, b) => a.code.localeCompare(b.code)),
    };
  });

  const [rowCounts, courtRows, trusted, lastExport, received] = await Promise.all([
    rowsByOrigin(ctx),
    ctx.db.selectFrom('courts').select(['code', 'name', 'level']).where('deletedAt', 'is', null).execute(),
    ctx.db
      .selectFrom('syncCourts')
      .select([
        'code',
        'name',
        'level',
        'relation',
        'lastSeq',
        'lastBundleAt',
        'lastImportedAt',
        'auditAlert',
        'auditAlertAt',
      ])
      .execute(),
    ctx.db
      .selectFrom('syncOutbox')
      .select(['seq', 'createdAt'])
      .where('kind', '=', 'report_up')
      .where('state', '=', 'done')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst(),
    // Packages down are counted here too: sync_courts.last_seq follows report-up bundles only.
    ctx.db
      .selectFrom('syncReceived')
      .select(['sourceCode', (eb) => eb.fn.max('seq').as('seq'), (eb) => eb.fn.max('receivedAt').as('receivedAt')])
      .groupBy('sourceCode')
      .execute(),
  ]);
  const courtByCode = new Map(courtRows.map((row) => [row.code, row]));
  const trustedByCode = new Map(trusted.map((row) => [row.code, row]));
  const receivedByCode = new Map(received.map((row) => [row.sourceCode, row]));
  const held = new Set([...rowCounts.keys(), ...trustedByCode.keys()].filter((code) => code !== profile.code));
  const others: HeldCourtStatus[] = [...held].sort().map((code) => {
    const known = trustedByCode.get(code);
    const imported = receivedByCode.get(code);
    return {
      code,
      name: known?.name ?? courtByCode.get(code)?.name ?? code,
      level: known?.level || courtByCode.get(code)?.level || '',
      relation: known?.relation ?? null,
      itemCount: itemsByOrigin.get(code) ?? 0,
      rows: rowCounts.get(code) ?? 0,
      lastSeq: Math.max(known?.lastSeq ?? 0, Number(imported?.seq ?? 0)),
      lastBundleAt: known?.lastBundleAt ?? null,
      lastImportedAt: known?.lastImportedAt ?? (imported?.receivedAt as string | undefined) ?? null,
      auditAlert: known?.auditAlert ?? null,
      auditAlertAt: known?.auditAlertAt ?? null,
    };
  });
  const self: HeldCourtStatus = {
    code: profile.code,
    name: profile.name,
    level: profile.level,
    relation: 'self',
    itemCount: itemsByOrigin.get(profile.code) ?? 0,
    rows: rowCounts.get(profile.code) ?? 0,
    lastSeq: lastExport?.seq ?? 0,
    lastBundleAt: lastExport?.createdAt ?? null,
    lastImportedAt: null,
    auditAlert: null,
    auditAlertAt: null,
  };

  return {
    court: {
      code: profile.code,
      name: profile.name,
      level: profile.level,
      parentCode: profile.parentCode,
      parentName: profile.parentName,
    },
    today: day,
    schemaVersion: ctx.schemaVersion,
    appVersion: ctx.appVersion,
    campaigns,
    courts: [self, ...others],
    roster: await rosterStatus(ctx),
  };
}
