// The checks of a bundle that need no database, shared by import and inspect so both judge a file
// alike: opening it (openVerifiedBundle: zip, manifest, signature against the key it carries,
// schema version, time, the manifest's numbers against its own entry list), reading its rows
// (readCheckedRows: each row against its table's schema, the signer and the change range; the
// line count against the manifest's), and the envelope and nested-bundle names.
import { ApiError } from '../api/errors';
import { ROW_DEFAULTS, syncRowChecker, syncRowRefusal, syncTableLabel, type SyncTableName } from '../data/rowSchemas';
import { checkEntriesAgainstManifest, openBundleZip, type OpenedBundleZip } from './format/container';
import { verifyBytes } from './format/keys';
import { DEFAULT_LIMITS } from './format/limits';
import { entryKind, parseManifest, type Manifest, type ManifestEntry } from './format/manifest';
import { SYNC_TABLE_NAMES } from './syncTables';
import { describeCourt } from './bundleTrust';

const DAY = 24 * 60 * 60 * 1000;
/** How far ahead of the receiving computer's clock a bundle's times may be. Office PC clocks are
 * often off by hours or days — which is why order is never taken from them — never by a year; a
 * time further ahead would make a court's data look fresh on the boards for years. */
const FUTURE_TOLERANCE = 366 * DAY;
/** The times every owned row carries, written by the sender's clock like the manifest's own. */
const OWNED_TIMES = ['created_at', 'updated_at', 'deleted_at'] as const;

/** The latest time a bundle read on a computer whose clock says `now` may carry. */
function latestPlausibleTime(now: Date): number {
  return now.getTime() + FUTURE_TOLERANCE;
}

/** The same bound as a calendar day (YYYY-MM-DD): rows' times, already checked to be ISO 8601,
 * compare by their first ten characters (a zone moves a time by less than a day; the tolerance
 * is a year), which is much cheaper than parsing each of them. */
export function latestPlausibleDay(now: Date): string {
  return new Date(latestPlausibleTime(now)).toISOString().slice(0, 10);
}

/** The manifest's creation time is a real time, and not far in this computer's future. */
function checkManifestTime(manifest: Manifest, now: Date): void {
  const created = Date.parse(manifest.createdAt);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(manifest.createdAt) || Number.isNaN(created)) {
    throw new ApiError('E_CORRUPT', '同步包清单中的生成时间格式有误，清单可能被篡改或损坏，没有导入任何内容。');
  }
  if (created > latestPlausibleTime(now)) {
    throw new ApiError(
      'E_FUTURE_TIME',
      `同步包记载的生成时间（${manifest.createdAt.slice(0, 10)}）比本机日期晚一年以上，不可信，没有导入任何内容。请检查发件法院和本机电脑的日期设置后，请对方重新导出。`,
    );
  }
}

/** The first database schema version that wrote bundles. */
export const FIRST_SYNC_SCHEMA_VERSION = 3;

/** A bundle written by a program whose database is newer than ours may carry columns or rules we
 * do not know: refused with a message to upgrade, before anything else about it is judged. */
function checkSchemaVersion(manifest: Manifest, ownSchemaVersion: number): void {
  const theirs = manifest.app.schemaVersion;
  if (theirs > ownSchemaVersion) {
    throw new ApiError(
      'E_FUTURE_FORMAT',
      `这个同步包由更新版本的督导台（${manifest.app.version || '版本不明'}，数据结构第 ${theirs} 版）生成，本程序只认识到第 ${ownSchemaVersion} 版。请先升级本程序，再导入这个同步包。没有导入任何内容。`,
    );
  }
  if (theirs < FIRST_SYNC_SCHEMA_VERSION) {
    throw new ApiError(
      'E_CORRUPT',
      `同步包清单记载的数据结构版本（第 ${theirs} 版）不可能写出同步包，清单格式有误，没有导入任何内容。`,
    );
  }
}

/** counts.files / counts.nested equal the entries listed; counts.rows equals the sum of the rows
 * entries' line counts, each of which is given; every rows entry names a table that travels. */
function checkManifestCounts(manifest: Manifest): void {
  let rows = 0;
  let files = 0;
  let nested = 0;
  for (const entry of manifest.entries) {
    const kind = entryKind(entry.name);
    if (kind.kind === 'rows') {
      if (!SYNC_TABLE_NAMES.has(kind.table)) {
        throw new ApiError(
          'E_CORRUPT',
          `同步包中有本程序不认识的数据表“${kind.table}”，可能来自更新的版本，没有导入任何内容。`,
        );
      }
      if (entry.rows === undefined) throw countsRefusal(`数据表 ${kind.table} 没有记载行数`);
      rows += entry.rows;
    } else if (kind.kind === 'file') {
      if (entry.rows !== undefined) throw countsRefusal('佐证材料不应记载行数');
      files += 1;
    } else {
      if (entry.rows !== undefined) throw countsRefusal('下级法院同步包不应记载行数');
      nested += 1;
    }
  }
  if (manifest.counts.rows !== rows)
    throw countsRefusal(`记载共 ${manifest.counts.rows} 行数据，各数据表合计 ${rows} 行`);
  if (manifest.counts.files !== files)
    throw countsRefusal(`记载 ${manifest.counts.files} 个佐证材料，实际有 ${files} 个`);
  if (manifest.counts.nested !== nested)
    throw countsRefusal(`记载 ${manifest.counts.nested} 个转报的同步包，实际有 ${nested} 个`);
}

function countsRefusal(detail: string): ApiError {
  return new ApiError(
    'E_CORRUPT',
    `同步包清单中的统计数字与内容不符（${detail}），清单可能被篡改或损坏，没有导入任何内容。`,
  );
}

/**
 * Columns added to synced tables after bundles were first written, with the schema version
 * (migration) that added them. A bundle of an older program has no such column: its rows get the
 * column's SQL default (a highlight it could not mark is no highlight). A bundle that declares a
 * schema version with the column and leaves it out is damaged, and refused like any other.
 */
const COLUMNS_ADDED_LATER: Partial<Record<SyncTableName, Record<string, number>>> = {
  items: { highlight: 11 },
  progress_notes: { highlight: 11 },
};

/** The columns of `table` a bundle of `schemaVersion` may leave out, with the default each then gets. */
function columnsOlderProgramsLack(table: string, schemaVersion: number): [string, string | number][] {
  const added = COLUMNS_ADDED_LATER[table as SyncTableName];
  if (!added) return [];
  return Object.entries(added)
    .filter(([, since]) => schemaVersion < since)
    .map(([column]) => [column, ROW_DEFAULTS[table as SyncTableName][column]]);
}

/**
 * Every rule a row of one rows/ entry must meet before it may touch a database: its table's
 * schema (types, every column and no other, ranges), the signer's ownership of it, and the change
 * range the manifest declares. Built once per entry (what depends on the table and the manifest
 * is worked out then); the returned check takes the row and its line in the entry, for the message.
 */
function bundleRowCheck(
  table: string,
  manifest: Manifest,
  latestDay: string,
): (row: Record<string, unknown>, line: number) => void {
  const lacking = columnsOlderProgramsLack(table, manifest.app.schemaVersion);
  const problemOf = syncRowChecker(table);
  const source = manifest.source;
  const signer = source.code;
  const isCourts = table === 'courts';
  const { changeFrom, changeThrough } = manifest;
  // A time whose first ten characters come after latestDay is also after this string, so most
  // times are cleared by one comparison, without cutting out their day.
  const afterLatest = `${latestDay}\uffff`;
  const futureTime = (value: unknown): value is string =>
    typeof value === 'string' && value > afterLatest && value.slice(0, 10) > latestDay;
  return (row, line) => {
    for (const [column, value] of lacking) if (!(column in row)) row[column] = value;
    const problem = problemOf(row);
    if (problem) throw new ApiError('E_CORRUPT', syncRowRefusal(table, line, problem));
    if (row.origin !== signer || (isCourts && row.code !== signer)) {
      throw new ApiError(
        'E_ORIGIN',
        `同步包中有一条${syncTableLabel(table)}（第 ${line} 行）自称来自 ${String(isCourts ? row.code : row.origin)}，但签名的是${describeCourt(source)}。一个法院只能报送自己的数据，没有导入任何内容。`,
      );
    }
    if (futureTime(row.created_at) || futureTime(row.updated_at) || futureTime(row.deleted_at)) {
      const column = OWNED_TIMES.find((name) => futureTime(row[name]))!;
      const value = row[column] as string;
      throw new ApiError(
        'E_FUTURE_TIME',
        `同步包中“${syncTableLabel(table)}”（${table}）第 ${line} 行的字段 ${column}（${value.slice(0, 10)}）比本机日期晚一年以上，不可信，没有导入任何内容。请检查发件法院和本机电脑的日期设置。`,
      );
    }
    const changeSeq = row.change_seq as number;
    if (changeSeq <= changeFrom || changeSeq > changeThrough) {
      throw new ApiError(
        'E_CORRUPT',
        `同步包中“${syncTableLabel(table)}”第 ${line} 行数据的修改顺序号 ${changeSeq} 不在清单声明的范围（${changeFrom} 之后至 ${changeThrough}）内，清单与内容不符，没有导入任何内容。`,
      );
    }
  };
}

/** After reading a rows entry: the manifest's line count for it must be the number read. */
function checkRowsCounted(table: string, declared: number | undefined, counted: number): void {
  if (declared !== counted) {
    throw new ApiError(
      'E_CORRUPT',
      `同步包清单记载“${syncTableLabel(table)}”有 ${declared ?? 0} 行，实际是 ${counted} 行，清单与内容不符，没有导入任何内容。`,
    );
  }
}

/**
 * Opens a plain bundle file and checks everything about it that needs no database — the zip
 * (docs/sync-format.md §1), the manifest, its signature against the key it carries, the schema
 * version, its time, and its numbers against its entries — for import and inspect alike. On a
 * refusal the zip is closed again.
 */
export async function openVerifiedBundle(
  file: string,
  reader: { schemaVersion: number; now: Date },
): Promise<{ zip: OpenedBundleZip; manifest: Manifest }> {
  const zip = await openBundleZip(file, DEFAULT_LIMITS);
  try {
    const manifest = parseManifest(zip.manifestBytes);
    if (!zip.signature)
      throw new ApiError(
        'E_UNSIGNED',
        `同步包缺少${describeCourt(manifest.source)}的签名，无法确认来源，没有导入任何内容。`,
      );
    if (!verifyBytes(zip.manifestBytes, zip.signature, manifest.source.signKey)) {
      throw new ApiError('E_BAD_SIGNATURE', '同步包的签名与内容不符，可能被篡改或损坏，没有导入任何内容。');
    }
    checkSchemaVersion(manifest, reader.schemaVersion);
    checkManifestTime(manifest, reader.now);
    checkEntriesAgainstManifest(zip, manifest, DEFAULT_LIMITS);
    checkManifestCounts(manifest);
    return { zip, manifest };
  } catch (error) {
    await zip.close();
    throw error;
  }
}

/**
 * Reads one rows/ entry with every row checked (bundleRowCheck) and its line count held to the
 * manifest's; each checked row goes to `onRow`. Returns the rows read. A failure while reading is
 * judged after the whole entry was hashed (readRows): damage is reported as damage.
 */
export async function readCheckedRows(
  zip: OpenedBundleZip,
  manifest: Manifest,
  table: string,
  entry: ManifestEntry,
  latestDay: string,
  onRow?: (row: Record<string, unknown>) => void | Promise<void>,
): Promise<number> {
  const check = bundleRowCheck(table, manifest, latestDay);
  const { rows } = await zip.readRows(entry.name, entry.sha256, DEFAULT_LIMITS.maxRowsEntryBytes, (row, line) => {
    check(row, line);
    return onRow?.(row);
  });
  checkRowsCounted(table, entry.rows, rows);
  return rows;
}

/** A nested bundle is what its entry name (nested/<CODE>-<seq>-<sha256>.zip) says it is. */
export function checkNestedName(name: { source: string; seq: number }, manifest: Manifest): void {
  if (manifest.source.code !== name.source || manifest.seq !== name.seq) {
    throw new ApiError(
      'E_TAMPERED',
      '转报的同步包与其登记的名称（法院代码、包编号）不符，可能被篡改，没有导入任何内容。',
    );
  }
}

/** An envelope's header (unsigned, but the encryption's associated data) agrees with the manifest inside. */
export function checkEnvelopeMatches(
  header: { source: { code: string }; target: { code: string }; kind: string },
  manifest: Manifest,
): void {
  if (
    header.source.code !== manifest.source.code ||
    header.kind !== manifest.kind ||
    header.target.code !== manifest.target.code
  ) {
    throw new ApiError('E_TAMPERED', '同步包外层信息与内部签名内容不一致，可能被篡改，没有导入任何内容。');
  }
}
