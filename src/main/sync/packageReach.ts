// Which roster courts hold each package this court published for a campaign (issue 13 item 6).
// A court records a receipt (package_receipts, its own row) for every broadcast package it
// imports, nested ones too, and its next report up carries it here; so the issuer learns who
// holds which package without asking.
import type { PackageReach } from '../../shared/model';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { requireProfile } from '../court/courtProfile';
import { rosterCourts } from '../province/roster';

export async function packageReach(ctx: ServiceContext, campaignId: string): Promise<PackageReach> {
  const profile = await requireProfile(ctx);
  const campaign = await ctx.db
    .selectFrom('campaigns')
    .select(['id', 'title'])
    .where('id', '=', campaignId)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
  if (!campaign) throw new ApiError('E_NOT_FOUND', '找不到这项专项活动，可能已被删除。');
  const published = await ctx.db
    .selectFrom('syncOutbox')
    .select(['seq', 'createdAt', 'fileName'])
    .where('targetCode', '=', '*')
    .where('kind', '=', 'package_down')
    .where('campaignId', '=', campaignId)
    .where('state', '=', 'done')
    .orderBy('seq', 'desc')
    .execute();
  const receipts = await ctx.db
    .selectFrom('packageReceipts')
    .select(['origin', 'seq', 'importedAt'])
    .where('sourceCode', '=', profile.code)
    .where('deletedAt', 'is', null)
    .where((eb) => eb.or([eb('campaignId', '=', campaignId), eb('campaignId', 'is', null)]))
    .execute();
  const seqs = new Set(published.map((item) => item.seq));
  const held = new Map<string, { seq: number; importedAt: string }>();
  for (const receipt of receipts) {
    // Packages are numbered across campaigns: only this campaign's numbers count.
    if (!seqs.has(receipt.seq)) continue;
    const before = held.get(receipt.origin);
    if (!before || receipt.seq > before.seq)
      held.set(receipt.origin, { seq: receipt.seq, importedAt: receipt.importedAt });
  }
  const newest = published[0]?.seq ?? null;
  const roster = await rosterCourts(ctx);
  return {
    campaignId,
    campaignTitle: campaign.title,
    packages: published.map((item) => ({ seq: item.seq, createdAt: item.createdAt, fileName: item.fileName })),
    courts: roster.map((court) => {
      const mine = held.get(court.code) ?? null;
      return {
        code: court.code,
        name: court.name,
        level: court.level,
        parentCode: court.parentCode,
        merged: court.mergedAt !== null,
        heldSeq: mine?.seq ?? null,
        heldImportedAt: mine?.importedAt ?? null,
        current: mine !== null && newest !== null && mine.seq >= newest,
        holds: published.map((item) => mine !== null && mine.seq >= item.seq),
      };
    }),
  };
}
