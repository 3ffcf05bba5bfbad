// What an import checks about supervision notes, orders (督办单), their responses and notices
// (通报) beyond each row's own schema (docs/sync-format.md §7.1): notes and orders only ever
// travel sealed, each in the package addressed to the court it concerns (or to a court on the
// path to it); a 签收 or reply answers an order this court holds and that was addressed to the
// court answering; a notice travels down only once issued, and names only courts below its
// issuer. Each check is cheap: a lookup by primary key per response row, and one read of the
// (small) roster per bundle that carries notes, orders or notices.
import type BetterSqlite3 from 'better-sqlite3';
import { ApiError } from '../api/errors';
import type { Manifest } from './format/manifest';
import { describeCourt } from './bundleTrust';

type Row = Record<string, unknown>;

/** The tables that travel only in packages sealed to one court. */
export const SEALED_TABLES = ['supervision_notes', 'supervision_orders'] as const;

/** What one bundle's rows brought that is checked once all of them are applied. */
export interface SealedRowScope {
  /** court_code of the notes and orders of a package addressed to one court. */
  sealedCourts: Set<string>;
  /** Courts named by the (live) notices of the bundle. */
  namedCourts: Set<string>;
}

export function newSealedRowScope(): SealedRowScope {
  return { sealedCourts: new Set(), namedCourts: new Set() };
}

export const FORGED_MESSAGE =
  '同步包中有对本院从未发出（或未转交）的督办单的签收或回复，可能是伪造的，没有导入任何内容。';

/**
 * A broadcast package ('*': signed, not encrypted, readable by every court) never carries notes
 * or orders: they are sealed to the court they concern. Judged from the signed manifest, before
 * any row is read.
 */
export function refuseUnsealedNotes(manifest: Manifest): void {
  if (manifest.kind !== 'package_down' || manifest.target.code !== '*') return;
  const carried = SEALED_TABLES.filter((table) =>
    manifest.entries.some((entry) => entry.name === `rows/${table}.ndjson`),
  );
  if (carried.length === 0) return;
  throw new ApiError(
    'E_NOT_SEALED',
    `${describeCourt(manifest.source)}发给所有下级法院的下发包（不加密）中夹带了${carried.includes('supervision_orders') ? '督办单' : '督导意见'}。督导意见和督办单只能加密发给相关法院，这个包可能是伪造的，没有导入任何内容。`,
  );
}

export class SealedRowGuard {
  private readonly orderOf: BetterSqlite3.Statement;
  private readonly rosterRows: BetterSqlite3.Statement;
  /** Every roster row held here, by court code: its parent codes (read at most once per bundle). */
  private parents: Map<string, Set<string>> | null = null;

  constructor(prepare: (sql: string) => BetterSqlite3.Statement) {
    this.orderOf = prepare('SELECT origin, court_code FROM supervision_orders WHERE id = ?');
    this.rosterRows = prepare('SELECT code, parent_code FROM roster_courts');
  }

  /** One row of `manifest`'s bundle, checked before it is written. */
  row(manifest: Manifest, scope: SealedRowScope, table: string, row: Row): void {
    switch (table) {
      case 'supervision_notes':
      case 'supervision_orders':
        if (manifest.kind === 'package_down' && manifest.target.code !== '*') {
          scope.sealedCourts.add(row.court_code as string);
        }
        return;
      case 'order_responses': {
        // Before the row is written: the person sees why, not the missing reference it would be.
        const order = this.orderOf.get(row.order_id) as { origin: string; court_code: string } | undefined;
        if (!order || order.court_code !== row.origin || order.origin === row.origin) {
          throw new ApiError('E_FORGED', FORGED_MESSAGE);
        }
        return;
      }
      case 'notices':
        if (manifest.kind === 'package_down' && row.status !== 'issued') {
          throw new ApiError(
            'E_CORRUPT',
            `${describeCourt(manifest.source)}的下发包中有尚未印发的通报草稿。通报印发后才会下发，这个包可能是伪造或损坏的，没有导入任何内容。`,
          );
        }
        if (row.deleted_at === null) {
          for (const named of JSON.parse(row.named_courts as string) as { code: string }[]) {
            scope.namedCourts.add(named.code);
          }
        }
        return;
      default:
    }
  }

  /**
   * After all rows of one bundle are applied (its roster rows among them): the notes and orders
   * of a sealed package concern its addressee or courts below it; a notice names only courts
   * below its issuer.
   */
  afterRows(manifest: Manifest, scope: SealedRowScope): void {
    // Read afresh for each bundle: the roster rows it (or an earlier one) brought count.
    this.parents = null;
    if (scope.sealedCourts.size > 0) {
      const target = manifest.target.code;
      const stray = [...scope.sealedCourts].find((code) => !this.atOrBelow(code, target));
      if (stray !== undefined) {
        throw new ApiError(
          'E_ORIGIN',
          `${describeCourt(manifest.source)}发给${describeCourt(manifest.target)}的督导意见和督办单包中有关于其他法院（${stray}）的督导意见或督办单，该院不在收件法院之下，没有导入任何内容。`,
        );
      }
    }
    if (scope.namedCourts.size > 0) {
      const issuer = manifest.source.code;
      const stray = [...scope.namedCourts].find((code) => code === issuer || !this.atOrBelow(code, issuer));
      if (stray !== undefined) {
        throw new ApiError(
          'E_ORIGIN',
          `${describeCourt(manifest.source)}的通报点名的法院不在发文法院的管辖范围内（${stray}），没有导入任何内容。`,
        );
      }
    }
    scope.sealedCourts.clear();
    scope.namedCourts.clear();
  }

  /** `code` is `top`, or its chain of roster parents (any court's roster rows held here, the
   * bundle's own applied already) reaches `top`. */
  private atOrBelow(code: string, top: string): boolean {
    if (code === top) return true;
    this.parents ??= this.readRoster();
    const seen = new Set<string>([code]);
    const queue = [code];
    while (queue.length > 0) {
      for (const parent of this.parents.get(queue.pop()!) ?? []) {
        if (parent === top) return true;
        if (!seen.has(parent)) {
          seen.add(parent);
          queue.push(parent);
        }
      }
    }
    return false;
  }

  private readRoster(): Map<string, Set<string>> {
    const parents = new Map<string, Set<string>>();
    for (const { code, parent_code } of this.rosterRows.all() as { code: string; parent_code: string }[]) {
      let set = parents.get(code);
      if (!set) parents.set(code, (set = new Set()));
      set.add(parent_code);
    }
    return parents;
  }
}
