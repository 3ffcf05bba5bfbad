// 文号 (document numbers) of 督办单 and 通报: 发文机关代字 + 〔year〕 + a per-year counter, e.g.
// 黑高法督〔2026〕12号 for an order and 黑高法〔2026〕12号 for a notice. Each series counts on its own
// (orders in supervision_orders, notices in notices), per issuing court and year; deleted rows
// still count so a number is never given twice.
import type { Kysely } from 'kysely';
import type { ServiceContext } from '../api/context';
import type { Database } from '../data/schema';
import { ownCourtCode } from '../court/courtProfile';

/** The setting that remembers the 发文机关代字 last used on an order or a notice. */
export const DOC_PREFIX_KEY = 'orders.docPrefix';

export type DocSeries = 'order' | 'notice';

/**
 * The 发文机关代字 a court would write, from its name: the first character of the place, then
 * 高法 (高级人民法院), 中法 (中级人民法院) or 法 (any other court). 黑龙江省高级人民法院 → 黑高法,
 * 齐齐哈尔市中级人民法院 → 齐中法, 龙江县人民法院 → 龙法. A person can always change it in the dialog.
 */
export function derivePrefix(courtName: string, level?: 'high' | 'intermediate' | 'basic' | null): string {
  const name = courtName.trim();
  const first = name.charAt(0) || '本';
  if (name.includes('高级人民法院') || (!name.includes('中级') && level === 'high')) return `${first}高法`;
  if (name.includes('中级人民法院') || (!name.includes('高级') && level === 'intermediate')) return `${first}中法`;
  return `${first}法`;
}

/** The 代字 remembered from the last order or notice this court issued, else derived from its name. */
export async function defaultDocPrefix(ctx: Pick<ServiceContext, 'db'>): Promise<string> {
  const remembered = await ctx.db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', DOC_PREFIX_KEY)
    .executeTakeFirst();
  if (remembered?.value) return remembered.value;
  const own = await ownCourtCode(ctx);
  const court = await ctx.db
    .selectFrom('courts')
    .select(['name', 'level'])
    .where('code', '=', own)
    .where('origin', '=', own)
    .executeTakeFirst();
  return derivePrefix(court?.name ?? '', court?.level ?? null);
}

/** Remembers the 代字 just used (inside the issuing transaction), for the next dialog. */
export async function rememberDocPrefix(trx: Kysely<Database>, prefix: string): Promise<void> {
  await trx
    .insertInto('settings')
    .values({ key: DOC_PREFIX_KEY, value: prefix })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: prefix }))
    .execute();
}

/**
 * The next number of this court's series in `year`: one more than the highest given so far
 * (deleted rows included, so numbers never repeat), 1 for a new year.
 */
export async function nextDocSeq(
  trx: Kysely<Database>,
  table: 'supervisionOrders' | 'notices',
  origin: string,
  year: number,
): Promise<number> {
  const row =
    table === 'supervisionOrders'
      ? await trx
          .selectFrom('supervisionOrders')
          .select((eb) => eb.fn.max('docSeq').as('top'))
          .where('origin', '=', origin)
          .where('docYear', '=', year)
          .executeTakeFirst()
      : await trx
          .selectFrom('notices')
          .select((eb) => eb.fn.max('docSeq').as('top'))
          .where('origin', '=', origin)
          .where('docYear', '=', year)
          .executeTakeFirst();
  return Number(row?.top ?? 0) + 1;
}

/** 黑高法督〔2026〕12号 (order) / 黑高法〔2026〕12号 (notice). */
export function formatDocNumber(prefix: string, year: number, seq: number, series: DocSeries): string {
  return `${prefix}${series === 'order' ? '督' : ''}〔${year}〕${seq}号`;
}
