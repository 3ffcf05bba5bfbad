// The pieces every feature contract (src/shared/<feature>/<feature>Contract.ts) is written with:
// defineOperation ties an operation's input schema, who may call it and what it returns into one
// entry, and mergeOperationTables joins the features' tables into the one table (src/shared/operationTable.ts),
// refusing a name that two features both define.
//
// zod is imported as a namespace (`import * as z`) in every contract file on purpose: the Electron
// preload bundles the table to learn the operation names, and only a namespace import lets esbuild
// leave out the parts of zod no schema uses (about 0.2 MB instead of 0.8 MB in the preload).
import type * as z from 'zod';
import type { Role } from './access/accessModel';

/**
 * Who may call an operation. Policy data, so the renderer may read it too (to hide a button the
 * person could not use); the check itself is made in the main process (src/main/api/dispatch.ts).
 * Department limits for 填报人 and the two-person rule for sign-off are checked by the services,
 * which know the record.
 */
export type Access =
  /** No log-in needed: start-up, setup and the log-in itself. */
  | 'public'
  /** Any logged-in account. */
  | 'user'
  /** Logged in with at least one of these roles. */
  | readonly Role[];

export const ADMIN = ['admin'] as const;
export const MANAGERS = ['admin', 'reviewer'] as const;
export const REVIEWER = ['reviewer'] as const;
/** Filers too, limited to their own department by the service. */
export const WORKERS = ['admin', 'reviewer', 'filer'] as const;

declare const resultType: unique symbol;

/** One operation of the contract. `Result` exists only for the type checker: nothing is stored. */
export interface Operation<Input extends z.ZodType, Result> {
  readonly input: Input;
  readonly access: Access;
  readonly [resultType]?: Result;
}

/** What an operation returns when it succeeds. */
export type ResultOf<Op> = Op extends Operation<z.ZodType, infer Result> ? Result : never;

/**
 * An operation returning `Result`, taking what `input` accepts, callable by `access`. Written
 * `defineOperation<Result>()(input, access)` so the result is named while the input schema's
 * type is still inferred.
 */
export const defineOperation =
  <Result>() =>
  <Input extends z.ZodType>(input: Input, access: Access): Operation<Input, Result> => ({ input, access });

/** A feature's operations, by name. */
export type OperationTable = Record<string, Operation<z.ZodType, unknown>>;

type NamesOf<Tables extends readonly OperationTable[]> = Tables extends readonly [
  infer First extends OperationTable,
  ...infer Rest extends readonly OperationTable[],
]
  ? keyof First | NamesOf<Rest>
  : never;

/** Names that occur in more than one of the tables. */
export type DuplicateNames<Tables extends readonly OperationTable[]> = Tables extends readonly [
  infer First extends OperationTable,
  ...infer Rest extends readonly OperationTable[],
]
  ? (keyof First & NamesOf<Rest>) | DuplicateNames<Rest>
  : never;

type Merged<Tables extends readonly OperationTable[]> = Tables extends readonly [
  infer First extends OperationTable,
  ...infer Rest extends readonly OperationTable[],
]
  ? First & Merged<Rest>
  : unknown;

/**
 * Joins the features' tables into one. A spread would let a later feature silently replace an
 * earlier feature's operation of the same name; here that is a type error naming the duplicates
 * (`duplicateOperationNames`), and, should a cast hide it, an error when the module loads.
 */
export function mergeOperationTables<const Tables extends readonly OperationTable[]>(
  ...tables: Tables &
    ([DuplicateNames<Tables>] extends [never] ? unknown : { duplicateOperationNames: DuplicateNames<Tables> })
): Merged<Tables> {
  const merged: OperationTable = {};
  for (const table of tables as readonly OperationTable[]) {
    for (const name of Object.keys(table)) {
      if (Object.prototype.hasOwnProperty.call(merged, name)) {
        throw new Error(`Operation "${name}" is defined by two features of the contract`);
      }
      merged[name] = table[name];
    }
  }
  return merged as Merged<Tables>;
}
