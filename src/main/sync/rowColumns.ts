// Code compiled per table from its column names (our own schema's, ROW_COLUMNS, held to plain
// identifiers): reading `row.id`, `row.origin`… by name, and building rows with an object literal,
// run several times faster over a bundle's thousands of rows than generic loops over a name list.
import type { BundleRow } from './rowReaderProtocol';

function checkedNames(names: readonly string[]): readonly string[] {
  for (const name of names) {
    if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`rowColumns: column name ${name} cannot be compiled`);
  }
  return names;
}

/** Fills `values` with a row's values in `names` order (the order a prepared statement binds). */
export function compileFill(names: readonly string[]): (row: BundleRow, values: unknown[]) => void {
  const body = checkedNames(names)
    .map((name, index) => `values[${index}] = row.${name};`)
    .join('\n');
  return new Function('row', 'values', body) as (row: BundleRow, values: unknown[]) => void;
}

/** Rows back from columns (one array per name, `count` values each): how the row reader thread
 * hands a batch over, as arrays of plain values cost far less to pass between threads than objects. */
export function compileRows(names: readonly string[]): (columns: unknown[][], count: number) => BundleRow[] {
  const fields = checkedNames(names)
    .map((name, index) => `${name}: columns[${index}][i]`)
    .join(', ');
  return new Function(
    'columns',
    'count',
    `const rows = new Array(count);\nfor (let i = 0; i < count; i += 1) rows[i] = { ${fields} };\nreturn rows;`,
  ) as (columns: unknown[][], count: number) => BundleRow[];
}

/** Columns from rows: `names.map(name => rows.map(row => row[name]))`. */
export function toColumns(names: readonly string[], rows: BundleRow[]): unknown[][] {
  return names.map((name) => rows.map((row) => row[name]));
}
