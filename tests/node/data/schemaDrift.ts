// Compares the hand-written Kysely table types (src/main/data/schema.ts) with a database migrated
// by the real migration runner. schema.ts is types only, gone at run time, so it is read with the
// TypeScript compiler's type checker: that resolves what a column's type really is (the imported
// unions such as EscalationTarget, the columns inherited from OwnedColumns, Kysely's Generated<>)
// where reading the text would have to guess. Generating schema.ts from the database instead would
// throw away what the database cannot say (the literal unions and the comments), so the hand-written
// file stays the source and this check holds it to the database.
//
// Per table and column: present on both sides (names mapped by Kysely's own CamelCasePlugin, as the
// running program maps them), the same nullability (NULL allowed in the database ⇔ `| null` in the
// type), the same kind (TEXT ⇔ string-like; INTEGER/REAL ⇔ number-like), and a Generated<> column
// is one the database fills in itself (a default, NULL, or the rowid).
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { CamelCasePlugin } from 'kysely';
import ts from 'typescript';

export const SCHEMA_FILE = path.resolve('src/main/data/schema.ts');

type Kind = 'text' | 'number' | 'other';

interface DeclaredColumn {
  nullable: boolean;
  kind: Kind;
  generated: boolean;
}

interface DeclaredTable {
  interfaceName: string;
  columns: Map<string, DeclaredColumn>;
}

/** The snake_case names the program uses at run time (database.ts: new CamelCasePlugin()). */
class RuntimeNames extends CamelCasePlugin {
  toDatabase(name: string): string {
    return this.snakeCase(name);
  }
}
const names = new RuntimeNames();

function compilerOptions(): ts.CompilerOptions {
  const configFile = path.resolve('tsconfig.json');
  const config = ts.readConfigFile(configFile, (file) => ts.sys.readFile(file));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, path.dirname(configFile));
  return { ...parsed.options, noEmit: true };
}

function kindOf(type: ts.Type): Kind {
  const parts = type.isUnion() ? type.types : [type];
  const kinds = new Set<Kind>();
  for (const part of parts) {
    if (part.flags & ts.TypeFlags.Null) continue;
    if (part.flags & ts.TypeFlags.StringLike) kinds.add('text');
    else if (part.flags & ts.TypeFlags.NumberLike) kinds.add('number');
    else kinds.add('other');
  }
  return kinds.size === 1 ? [...kinds][0] : 'other';
}

function includes(type: ts.Type, flag: ts.TypeFlags): boolean {
  return (type.isUnion() ? type.types : [type]).some((part) => (part.flags & flag) !== 0);
}

/**
 * The tables and columns schema.ts declares, keyed by database (snake_case) names. `text`, when
 * given, stands in for the file's contents (a test plants a mismatch without touching the file).
 */
export function readDeclaredSchema(text?: string): Map<string, DeclaredTable> {
  const options = compilerOptions();
  const host = ts.createCompilerHost(options);
  if (text !== undefined) {
    const readFile = host.readFile.bind(host);
    const getSourceFile = host.getSourceFile.bind(host);
    host.readFile = (file) => (path.resolve(file) === SCHEMA_FILE ? text : readFile(file));
    host.getSourceFile = (file, language, onError, create) =>
      path.resolve(file) === SCHEMA_FILE
        ? ts.createSourceFile(file, text, language)
        : getSourceFile(file, language, onError, create);
  }
  const program = ts.createProgram([SCHEMA_FILE], options, host);
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(SCHEMA_FILE);
  if (!source) throw new Error(`cannot read ${SCHEMA_FILE}`);
  const database = source.statements.find(
    (statement): statement is ts.InterfaceDeclaration =>
      ts.isInterfaceDeclaration(statement) && statement.name.text === 'Database',
  );
  if (!database) throw new Error('schema.ts declares no interface Database');

  const tables = new Map<string, DeclaredTable>();
  for (const member of database.members) {
    if (!ts.isPropertySignature(member) || !member.type || !ts.isIdentifier(member.name)) continue;
    const tableType = checker.getTypeFromTypeNode(member.type);
    const columns = new Map<string, DeclaredColumn>();
    for (const property of checker.getPropertiesOfType(tableType)) {
      const declaration = property.valueDeclaration ?? property.declarations?.[0] ?? member;
      let type = checker.getTypeOfSymbolAtLocation(property, declaration);
      let generated = false;
      // Generated<T> and ColumnType<S, I, U>: the column reads as S; inserting may leave it out.
      const select = type.getProperty('__select__');
      const insert = type.getProperty('__insert__');
      if (select && insert) {
        generated = includes(checker.getTypeOfSymbolAtLocation(insert, declaration), ts.TypeFlags.Undefined);
        type = checker.getTypeOfSymbolAtLocation(select, declaration);
      }
      columns.set(names.toDatabase(property.name), {
        nullable: includes(type, ts.TypeFlags.Null),
        kind: kindOf(type),
        generated,
      });
    }
    tables.set(names.toDatabase(member.name.text), { interfaceName: member.type.getText(source), columns });
  }
  return tables;
}

interface TableInfoRow {
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
}

/** Ordinary tables of a database; FTS tables and their shadow tables are read with sql`` only. */
function databaseTables(sqlite: BetterSqlite3.Database): string[] {
  return (
    sqlite
      .prepare(
        "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'",
      )
      .all() as { name: string }[]
  )
    .map((row) => row.name)
    .sort();
}

/** Every difference between schema.ts (or `text` standing in for it) and the database, one line
 * each, naming the table and column; empty when they agree. */
export function schemaMismatches(sqlite: BetterSqlite3.Database, text?: string): string[] {
  const declared = readDeclaredSchema(text);
  const problems: string[] = [];
  const inDatabase = databaseTables(sqlite);
  for (const table of inDatabase) {
    const wanted = declared.get(table);
    if (!wanted) {
      problems.push(`table ${table}: in the database, missing from schema.ts`);
      continue;
    }
    const columns = sqlite.prepare('SELECT * FROM pragma_table_info(?)').all(table) as TableInfoRow[];
    for (const column of columns) {
      const where = `${table}.${column.name} (${wanted.interfaceName})`;
      const type = wanted.columns.get(column.name);
      if (!type) {
        problems.push(`${where}: in the database, missing from schema.ts`);
        continue;
      }
      // A primary key is never NULL here: STRICT tables say so, and an INTEGER one is the rowid.
      const nullable = column.notnull === 0 && column.pk === 0;
      if (nullable !== type.nullable) {
        problems.push(
          nullable
            ? `${where}: the database allows NULL, schema.ts does not`
            : `${where}: schema.ts allows null, the database does not`,
        );
      }
      const kind: Kind =
        column.type === 'TEXT' ? 'text' : ['INTEGER', 'REAL'].includes(column.type) ? 'number' : 'other';
      if (kind !== type.kind) {
        problems.push(`${where}: ${column.type || 'untyped'} in the database, ${type.kind} in schema.ts`);
      }
      if (type.generated && column.dflt_value === null && !nullable && column.pk === 0) {
        problems.push(`${where}: Generated<> in schema.ts, but the database has no default for it`);
      }
    }
    const stored = new Set(columns.map((column) => column.name));
    for (const name of wanted.columns.keys()) {
      if (!stored.has(name))
        problems.push(`${table}.${name} (${wanted.interfaceName}): in schema.ts, not in the database`);
    }
  }
  for (const table of declared.keys()) {
    if (!inDatabase.includes(table)) problems.push(`table ${table}: in schema.ts, not in the database`);
  }
  return problems;
}
