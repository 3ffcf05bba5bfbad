// The one contract between the main process and every client (Electron preload, local preview,
// command line). Each operation has an input schema (validated in the main process before any
// data is touched, and reusable by the renderer for field messages), a rule for who may call it,
// and a declared result type.
//
// Layout: one folder per feature, src/shared/<feature>/, holding
//   * <feature>Contract.ts — its operations: name → defineOperation<Result>()(input schema, access);
//   * <feature>Model.ts — the data types its operations return (and the value lists they use),
// and beside it src/main/<feature>/…Handlers.ts with one handler per operation of that contract.
// That is two files per feature, not one: the process boundary lets the renderer and the preloads
// import src/shared only, and the handlers need the database, so they live in src/main. Building
// blocks several features use (text rules, ids, dates, court codes, file pieces) are in
// src/shared/common/. src/shared/operationTable.ts joins the features' tables (a name defined
// twice is a compile error); this file derives from it what every caller has always imported:
// `operations` (name → input schema), `Results`, `operationAccess`, `operationNames`. The model
// types are re-exported here and from ./model, so imports of either file keep working.
//
// How to add an operation:
//   1. add `'feature.verb': defineOperation<TheResult>()(z.object({…}), access)` to the feature's
//      table in src/shared/<feature>/<feature>Contract.ts (its result type, if new, in
//      <feature>Model.ts; a new feature's table also goes into src/shared/operationTable.ts);
//   2. add its handler to the feature's map in src/main/<feature>/…Handlers.ts — the type checker
//      refuses the build until every operation has exactly one handler.
// The preloads, the dispatcher's validation and access check, and the renderer's types follow.
import type * as z from 'zod';
import type { Access, ResultOf } from './contract';
import { operationTable, type OperationName } from './operationTable';
import { OPERATION_NAMES } from './operationNames';

export * from './model';
export * from './operationNames';
export type { Access } from './contract';
export { operationTable } from './operationTable';
export { cleanLine, cleanParagraphs, hasControlCharacters } from './controlCharacters';
export { rowId, isoDate, courtCode, UPLOAD_CHUNK_BYTES, MAX_EVIDENCE_BYTES } from './common/schemas';
export { courtSetupInput } from './court/courtContract';
export { username, newPassword } from './access/accessContract';
export { fingerprintText } from './sync/syncContract';
export { indicatorPeriod } from './indicators/indicatorsContract';

type Table = typeof operationTable;

/** Each operation's input schema, by name. */
export const operations = Object.fromEntries(OPERATION_NAMES.map((name) => [name, operationTable[name].input])) as {
  [K in OperationName]: Table[K]['input'];
};

/** Who may call each operation (checked by src/main/api/dispatch.ts). */
export const operationAccess = Object.fromEntries(
  OPERATION_NAMES.map((name) => [name, operationTable[name].access]),
) as { [K in OperationName]: Access };

export const operationNames: readonly OperationName[] = OPERATION_NAMES;

/** What each operation returns when it succeeds. */
export type Results = { [K in OperationName]: ResultOf<Table[K]> };

export type Input<K extends OperationName> = z.input<(typeof operations)[K]>;
export type ParsedInput<K extends OperationName> = z.output<(typeof operations)[K]>;

export type Failure = {
  ok: false;
  /** Stable machine-readable code, e.g. E_INVALID, E_NOT_FOUND, E_STALE. */
  code: string;
  /** A plain Chinese sentence for the person at the screen. */
  message: string;
  /** Per-field Chinese messages, keyed by the dotted input path. */
  fieldErrors?: Record<string, string>;
};
export type Result<T> = { ok: true; value: T } | Failure;

export type Bridge = { [K in OperationName]: (input: Input<K>) => Promise<Result<Results[K]>> };
