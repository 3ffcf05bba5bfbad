// The clerk's saved wording of the written summary: one template per part, per campaign, in the
// local table summary_texts (this court's own words, never synced). Saving and resetting write
// the rows and their audit entries in one transaction.
import type { SummaryPart } from '../../shared/model';
import type { ServiceContext } from '../api/context';
import { AuditAppender } from '../audit/auditLog';
import type { Actor } from '../data/ownedRows';
import { writeTransaction } from '../data/transactions';

export interface SavedPart {
  body: string;
  savedAt: string;
  savedBy: string;
}

/** The audit log's table name and row id of one part's wording. */
const AUDIT_TABLE = 'summaryTexts';
const auditRow = (campaignId: string, part: SummaryPart) => `${campaignId}/${part}`;

export async function savedParts(ctx: ServiceContext, campaignId: string): Promise<Map<SummaryPart, SavedPart>> {
  const rows = await ctx.db
    .selectFrom('summaryTexts')
    .select(['part', 'body', 'savedAt', 'savedBy'])
    .where('campaignId', '=', campaignId)
    .execute();
  return new Map(rows.map((row) => [row.part, { body: row.body, savedAt: row.savedAt, savedBy: row.savedBy }]));
}

/** Keeps each part's template given; a part whose text is unchanged writes nothing. */
export async function writeParts(
  ctx: ServiceContext,
  actor: Actor,
  now: string,
  campaignId: string,
  parts: Array<[SummaryPart, string]>,
): Promise<void> {
  await writeTransaction(ctx.db, async (trx) => {
    const audit = AuditAppender.for(trx);
    for (const [part, body] of parts) {
      const before = await trx
        .selectFrom('summaryTexts')
        .select('body')
        .where('campaignId', '=', campaignId)
        .where('part', '=', part)
        .executeTakeFirst();
      if (before?.body === body) continue;
      const row = { campaignId, part, body, savedAt: now, savedBy: actor.displayName };
      await trx
        .insertInto('summaryTexts')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['campaignId', 'part']).doUpdateSet({ body, savedAt: now, savedBy: actor.displayName }),
        )
        .execute();
      await audit.append({
        at: now,
        actor: actor.name,
        court: actor.court,
        operation: 'summary-save',
        tableName: AUDIT_TABLE,
        rowId: auditRow(campaignId, part),
        before: before ? { body: before.body } : null,
        after: { body },
      });
    }
    await audit.flush();
  });
}

/** Drops the saved templates of `parts`: they are drafted from the data again. */
export async function dropParts(
  ctx: ServiceContext,
  actor: Actor,
  now: string,
  campaignId: string,
  parts: readonly SummaryPart[],
): Promise<void> {
  await writeTransaction(ctx.db, async (trx) => {
    const audit = AuditAppender.for(trx);
    const rows = await trx
      .selectFrom('summaryTexts')
      .select(['part', 'body'])
      .where('campaignId', '=', campaignId)
      .where('part', 'in', [...parts])
      .execute();
    for (const row of rows) {
      await trx.deleteFrom('summaryTexts').where('campaignId', '=', campaignId).where('part', '=', row.part).execute();
      await audit.append({
        at: now,
        actor: actor.name,
        court: actor.court,
        operation: 'summary-reset',
        tableName: AUDIT_TABLE,
        rowId: auditRow(campaignId, row.part),
        before: { body: row.body },
        after: null,
      });
    }
    await audit.flush();
  });
}
