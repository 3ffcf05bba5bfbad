// Who may speak for whom in a bundle. A court signs its own rows; it relays (nests) or vouches
// only for its direct subordinates in the court hierarchy — a basic court has none — and an
// intermediate court passes down only its own parent's package. A sealed package addressed to one
// court may also carry the signer's own sealed packages for courts below that court (the path). A key learned through such a
// relay is "vouched": it lets the relayed bundles verify, but it never overrides a key a person
// here confirmed, and a court that later writes to this court directly is trusted only after a
// person here compares its fingerprint, whatever a relay said.
import type { Kysely } from 'kysely';
import type { Database } from '../data/schema';
import type { CourtCard, Manifest } from './format/manifest';

export type CourtLevel = 'high' | 'intermediate' | 'basic';

const RANK: Record<CourtLevel, number> = { high: 3, intermediate: 2, basic: 1 };
export const LEVEL_NAMES: Record<CourtLevel, string> = {
  high: '高级人民法院',
  intermediate: '中级人民法院',
  basic: '基层人民法院',
};

export function isCourtLevel(level: unknown): level is CourtLevel {
  return level === 'high' || level === 'intermediate' || level === 'basic';
}

export function rankOf(level: string): number {
  return isCourtLevel(level) ? RANK[level] : 0;
}

export function describeCourt(card: { code: string; name: string }): string {
  return `${card.name}（${card.code}）`;
}

/**
 * Why `relayer` may not carry `inner` (a bundle of another court nested in its own), or null when
 * it may. `relayerLevel` is the level this court holds for the relayer (from the first, person-
 * confirmed contact), falling back to the level the relayer signed.
 */
export function relayRefusal(
  outerKind: Manifest['kind'],
  relayer: CourtCard,
  relayerLevel: string,
  inner: CourtCard,
  /** The inner bundle is a package sealed for one court (not '*'): the relayer's own such
   * packages for courts further down travel inside its package to the court on the path. */
  innerAddressed = false,
): string | null {
  if (outerKind === 'report_up') {
    if (rankOf(relayerLevel) <= RANK.basic) {
      return `${describeCourt(relayer)}是基层人民法院，没有下级法院，不能转报其他法院的同步包`;
    }
    if (inner.parentCode !== relayer.code) {
      return `${describeCourt(inner)}不是${describeCourt(relayer)}的直接下级法院，后者不能替它转报`;
    }
    if (!isCourtLevel(inner.level) || rankOf(inner.level) >= rankOf(relayerLevel)) {
      return `${describeCourt(inner)}自称${isCourtLevel(inner.level) ? LEVEL_NAMES[inner.level] : '级别不明的法院'}，不是${describeCourt(relayer)}的下级法院，后者不能替它转报`;
    }
    return null;
  }
  // A package down nests only the relayer's own parent's package, or (addressed packages) the
  // relayer's own packages for courts below the addressee.
  if (innerAddressed && inner.code === relayer.code) return null;
  if (relayer.parentCode !== inner.code) {
    return `${describeCourt(inner)}不是${describeCourt(relayer)}的上级法院，后者不能转发它的下发包`;
  }
  if (!isCourtLevel(inner.level) || rankOf(inner.level) <= rankOf(relayerLevel)) {
    return `${describeCourt(inner)}的级别不高于${describeCourt(relayer)}，后者不能转发它的下发包`;
  }
  return null;
}

/** Why a bundle signed by `source` cannot come straight to this court, or null when it can. */
export function directRefusal(
  kind: Manifest['kind'],
  source: CourtCard,
  own: { code: string; level: string },
): string | null {
  if (kind === 'report_up') {
    if (source.parentCode !== own.code) {
      return `${describeCourt(source)}登记的上级法院是 ${source.parentCode || '（无）'}，不是本院，它的上报包不能导入本院`;
    }
    if (!isCourtLevel(source.level) || rankOf(source.level) >= rankOf(own.level)) {
      return `${describeCourt(source)}的级别不低于本院，它不能向本院上报`;
    }
    return null;
  }
  if (!isCourtLevel(source.level) || rankOf(source.level) <= rankOf(own.level)) {
    return `${describeCourt(source)}的级别不高于本院，它的下发包不能导入本院`;
  }
  return null;
}

/** A court's key was replaced (it reinstalled, or a key a person confirmed took the place of a
 * vouched one): another installation numbers its bundles from 1 and keeps another audit log, so
 * the sequence held for it and the audit witness start again. */
export async function restartCourtStream(trx: Kysely<Database>, code: string): Promise<void> {
  await trx
    .updateTable('syncCourts')
    .set({ lastSeq: 0, lastChangeThrough: null, auditCount: null, auditHash: null })
    .where('code', '=', code)
    .execute();
}
