// What a court database holds, in the few figures a person compares before replacing the current
// data with a backup: per campaign the items, how many are done, the ledger findings and evidence
// files, and overall the evidence files, audit entries, people and the time of the last change.
// Every live row is counted (a higher court's copy of its subordinates' work included): a restore
// replaces all of them.
import { sql, type Kysely } from 'kysely';
import type { CampaignHolding, DataSummary } from '../../shared/backup/backupModel';
import type { Database } from '../data/schema';
import { LOCAL_COURT_KEY } from '../court/courtProfile';

const count = sql<number>`count(*)`;

export async function summarizeData(db: Kysely<Database>): Promise<DataSummary> {
  const codeRow = await db.selectFrom('settings').select('value').where('key', '=', LOCAL_COURT_KEY).executeTakeFirst();
  const courtCode = codeRow?.value ?? null;
  const court = courtCode
    ? await db
        .selectFrom('courts')
        .select('name')
        .where('code', '=', courtCode)
        .where('origin', '=', courtCode)
        .executeTakeFirst()
    : undefined;

  const campaigns = await db
    .selectFrom('campaigns')
    .select(['id', 'title'])
    .where('deletedAt', 'is', null)
    .orderBy('year', 'desc')
    .orderBy('title')
    .execute();
  const items = await db
    .selectFrom('items')
    .select((eb) => [
      'campaignId',
      count.as('items'),
      sql<number>`sum(case when ${eb.ref('status')} in ('completed', 'signed_off') then 1 else 0 end)`.as('done'),
    ])
    .where('deletedAt', 'is', null)
    .groupBy('campaignId')
    .execute();
  const findings = await db
    .selectFrom('ledgerFindings')
    .select(['campaignId', count.as('n')])
    .where('deletedAt', 'is', null)
    .groupBy('campaignId')
    .execute();
  const itemEvidence = await db
    .selectFrom('evidence as e')
    .innerJoin('items as i', 'i.id', 'e.itemId')
    .select(['i.campaignId as campaignId', count.as('n')])
    .where('e.deletedAt', 'is', null)
    .groupBy('i.campaignId')
    .execute();
  const ledgerEvidence = await db
    .selectFrom('ledgerEvidence as le')
    .innerJoin('ledgerMeasures as m', 'm.id', 'le.measureId')
    .select(['m.campaignId as campaignId', count.as('n')])
    .where('le.deletedAt', 'is', null)
    .groupBy('m.campaignId')
    .execute();

  const of = (rows: { campaignId: string; n: number }[], id: string) =>
    Number(rows.find((row) => row.campaignId === id)?.n ?? 0);
  const holdings: CampaignHolding[] = campaigns.map((campaign) => {
    const itemRow = items.find((row) => row.campaignId === campaign.id);
    return {
      campaignId: campaign.id,
      title: campaign.title,
      items: Number(itemRow?.items ?? 0),
      doneItems: Number(itemRow?.done ?? 0),
      ledgerFindings: of(findings, campaign.id),
      evidenceFiles: of(itemEvidence, campaign.id) + of(ledgerEvidence, campaign.id),
    };
  });

  const blobs = await db.selectFrom('evidenceBlobs').select(count.as('n')).executeTakeFirstOrThrow();
  const audit = await db.selectFrom('auditLog').select(count.as('n')).executeTakeFirstOrThrow();
  const people = await db
    .selectFrom('people')
    .select(count.as('n'))
    .where('deletedAt', 'is', null)
    .executeTakeFirstOrThrow();
  const last = await db.selectFrom('auditLog').select('at').orderBy('seq', 'desc').limit(1).executeTakeFirst();

  return {
    courtCode,
    courtName: court?.name ?? null,
    campaigns: holdings,
    evidenceFiles: Number(blobs.n),
    auditEntries: Number(audit.n),
    people: Number(people.n),
    lastChangeAt: last?.at ?? null,
  };
}
