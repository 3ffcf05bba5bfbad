// Repeated criticism (seed 000's accountability for repeated notices): how many issued 通报 name
// each court critically. Used by the 督办 ledger, the province matrix and the notices.
import type { ServiceContext } from '../api/context';

/**
 * Per court code, the number of issued notices (not withdrawn) whose named courts include it with
 * the stance 'criticism': one campaign, or every campaign. A notice counts once per court.
 */
export async function criticismCounts(
  ctx: Pick<ServiceContext, 'db'>,
  campaignId?: string,
): Promise<Map<string, number>> {
  let query = ctx.db
    .selectFrom('notices')
    .select('namedCourts')
    .where('status', '=', 'issued')
    .where('deletedAt', 'is', null);
  if (campaignId) query = query.where('campaignId', '=', campaignId);
  const counts = new Map<string, number>();
  for (const row of await query.execute()) {
    let named: unknown;
    try {
      named = JSON.parse(row.namedCourts);
    } catch {
      continue;
    }
    if (!Array.isArray(named)) continue;
    const criticised = new Set<string>();
    for (const entry of named) {
      if (entry && typeof entry === 'object' && entry.stance === 'criticism' && typeof entry.code === 'string') {
        criticised.add(entry.code);
      }
    }
    for (const code of criticised) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return counts;
}
