// The row schemas of the synced tables (src/main/data/rowSchemas.ts) held to the migrated database
// (columns, NOT NULL, types, defaults, CHECK constraints), to everything the demo data writes, to
// the malformed rows a signed bundle might still carry, to ChangeWriter, and to a time budget.
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { openDatabase, DATABASE_FILE, type OpenedDatabase } from '../../src/main/data/database';
import { withChanges, type Actor, type ChangeWriter } from '../../src/main/data/ownedRows';
import {
  checkSyncRow,
  passesPlainChecks,
  ROW_COLUMNS,
  ROW_DEFAULTS,
  ROW_SCHEMAS,
  syncRowRefusal,
  syncTableLabel,
  type SyncTableName,
} from '../../src/main/data/rowSchemas';
import { SYNC_TABLES } from '../../src/main/sync/syncTables';
import { ADMIN, basicCourt, openCourt, openHarness, tempDir, type Harness } from './harness';
import { bulkWork } from './sync/syncFixtures';

type Row = Record<string, unknown>;
const TABLES = SYNC_TABLES.map((table) => table.name as SyncTableName);

const openDbs: OpenedDatabase[] = [];
const openHarnesses: Harness[] = [];
afterEach(async () => {
  for (const db of openDbs.splice(0)) await db.close();
  for (const h of openHarnesses.splice(0)) await h.close();
});

function migratedDatabase(): OpenedDatabase {
  const db = openDatabase(path.join(tempDir('court-rowschemas-'), DATABASE_FILE));
  openDbs.push(db);
  return db;
}

const shapeOf = (table: SyncTableName) =>
  (ROW_SCHEMAS[table] as unknown as z.ZodObject).shape as Record<string, z.ZodType>;
const accepts = (schema: z.ZodType, value: unknown) => schema.safeParse(value).success;

interface ColumnInfo {
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
}

describe('row schemas and the migrated database', () => {
  it('have exactly the columns of every synced table, in order, with the same NOT NULL', () => {
    const { sqlite } = migratedDatabase();
    expect(Object.keys(ROW_SCHEMAS).sort()).toEqual([...TABLES].sort());
    for (const table of TABLES) {
      const info = sqlite.prepare('SELECT * FROM pragma_table_info(?)').all(table) as ColumnInfo[];
      expect(info.length, table).toBeGreaterThan(0);
      expect(Object.keys(shapeOf(table)), table).toEqual(info.map((column) => column.name));
      expect(ROW_COLUMNS[table], table).toEqual(info.map((column) => column.name));
      for (const column of info) {
        // A TEXT PRIMARY KEY of a STRICT table takes no NULL either.
        const nullable = column.notnull === 0 && column.pk === 0;
        expect(accepts(shapeOf(table)[column.name], null), `${table}.${column.name} accepts null`).toBe(nullable);
      }
    }
  });

  it('type every column as SQLite declares it: TEXT strings, INTEGER integers, REAL numbers', () => {
    const { sqlite } = migratedDatabase();
    for (const table of TABLES) {
      for (const column of sqlite.prepare('SELECT * FROM pragma_table_info(?)').all(table) as ColumnInfo[]) {
        const schema = shapeOf(table)[column.name];
        const where = `${table}.${column.name}`;
        expect(accepts(schema, undefined), where).toBe(false);
        expect(accepts(schema, true), where).toBe(false);
        expect(accepts(schema, { value: 1 }), where).toBe(false);
        expect(accepts(schema, [1]), where).toBe(false);
        if (column.type === 'TEXT') {
          expect(accepts(schema, 1), where).toBe(false);
        } else if (column.type === 'INTEGER') {
          expect(accepts(schema, '1'), where).toBe(false);
          expect(accepts(schema, 1.5), where).toBe(false);
          expect(accepts(schema, Number.MAX_SAFE_INTEGER + 2), where).toBe(false);
        } else {
          expect(column.type, where).toBe('REAL');
          expect(accepts(schema, '1.5'), where).toBe(false);
          expect(accepts(schema, 1.5), where).toBe(true);
        }
      }
    }
  });

  it('record the SQL defaults of the migrations (used to complete what the writer inserts)', () => {
    const { sqlite } = migratedDatabase();
    const literal = (value: string | number) =>
      typeof value === 'number' ? String(value) : `'${value.replaceAll("'", "''")}'`;
    for (const table of TABLES) {
      const info = sqlite.prepare('SELECT * FROM pragma_table_info(?)').all(table) as ColumnInfo[];
      const fromDatabase = Object.fromEntries(
        info.filter((c) => c.dflt_value !== null).map((c) => [c.name, c.dflt_value]),
      );
      const fromSchema = Object.fromEntries(
        Object.entries(ROW_DEFAULTS[table]).map(([column, value]) => [column, literal(value)]),
      );
      expect(fromSchema, table).toEqual(fromDatabase);
      for (const [column, value] of Object.entries(ROW_DEFAULTS[table]))
        expect(accepts(shapeOf(table)[column], value), `${table}.${column}`).toBe(true);
    }
  });

  it('enforce every column CHECK of the migrations: the listed values and ranges, nothing else', () => {
    const { sqlite } = migratedDatabase();
    let inChecks = 0;
    let betweenChecks = 0;
    for (const table of TABLES) {
      const sql = (
        sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) as { sql: string }
      ).sql.replace(/\s+/g, ' ');
      const shape = shapeOf(table);
      const enumColumns = new Set<string>();
      for (const [, column, list] of sql.matchAll(/CHECK \((\w+) IN \(([^)]*)\)\)/g)) {
        inChecks += 1;
        enumColumns.add(column);
        const values = list
          .split(',')
          .map((v) => v.trim())
          .map((v) => (v.startsWith("'") ? v.slice(1, -1) : Number(v)));
        for (const value of values) expect(accepts(shape[column], value), `${table}.${column} = ${value}`).toBe(true);
        if (typeof values[0] === 'number') {
          for (const value of [-1, 2, Math.max(...(values as number[])) + 1])
            expect(accepts(shape[column], value), `${table}.${column} = ${value}`).toBe(false);
        } else {
          for (const value of ['', 'other', `${values[0]} `, String(values[0]).toUpperCase()]) {
            expect(accepts(shape[column], value), `${table}.${column} = ${value}`).toBe(false);
          }
        }
      }
      for (const [, column, low, high] of sql.matchAll(/CHECK \((\w+) BETWEEN (-?\d+) AND (-?\d+)\)/g)) {
        betweenChecks += 1;
        for (const value of [Number(low), Number(high)])
          expect(accepts(shape[column], value), `${table}.${column} = ${value}`).toBe(true);
        for (const value of [Number(low) - 1, Number(high) + 1, Number(low) + 0.5])
          expect(accepts(shape[column], value), `${table}.${column} = ${value}`).toBe(false);
      }
      // And no enumeration in a schema that the migrations do not also hold.
      for (const [column, schema] of Object.entries(shape)) {
        const inner = schema.def.type === 'nullable' ? (schema as z.ZodNullable<z.ZodType>).unwrap() : schema;
        if (inner.def.type === 'enum') expect(enumColumns.has(column), `${table}.${column} has a CHECK IN`).toBe(true);
      }
    }
    // Guards the parsing above: the migrations hold 38 IN and 4 BETWEEN checks on synced tables.
    expect(inChecks).toBe(38);
    expect(betweenChecks).toBe(4);
  });
});

// ───────────── The demo data ─────────────

describe('every row the writers store', () => {
  it('passes its schema: the demo data set, loaded as a clerk loads it', async () => {
    const h = await openHarness();
    openHarnesses.push(h);
    const setup = await h.ok('court.setup', { profile: basicCourt, admin: ADMIN, loadDemo: true });
    const job = await h.services.ctx.jobs.waitFor(setup.demoJobId!);
    expect(job?.error ?? null).toBeNull();
    expect(job?.state).toBe('done');
    // The demo attaches no ledger evidence: one file through the operation, so that table is read too.
    let attached = false;
    for (const campaign of await h.ok('campaigns.list')) {
      for (const row of await h.ok('ledger.list', { campaignId: campaign.id })) {
        if (attached || !row.measure) continue;
        const name = '整改后照片.jpg';
        attached = (
          await h.call('ledger.addEvidence', {
            measureId: row.measure.id,
            phase: 'after',
            name,
            mimeType: 'image/jpeg',
            dataBase64: Buffer.from(name).toString('base64'),
          })
        ).ok;
      }
    }
    expect(attached).toBe(true);
    const sqlite = h.services.ctx.sqlite;
    const failures: string[] = [];
    const counts: Record<string, number> = {};
    for (const table of TABLES) {
      const rows = sqlite.prepare(`SELECT * FROM ${table}`).all() as Row[];
      counts[table] = rows.length;
      for (const row of rows) {
        // As the row travels: through JSON (docs/sync-format.md §2).
        const problem = checkSyncRow(table, JSON.parse(JSON.stringify(row)));
        if (problem)
          failures.push(
            `${table} ${String(row.id)}: ${problem.column} ${problem.problem} (${JSON.stringify(row[problem.column ?? ''])})`,
          );
      }
    }
    console.log(`示例数据各表行数：${JSON.stringify(counts)}`);
    expect(failures).toEqual([]);
    const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
    expect(total).toBeGreaterThan(500);
    // The demo writes nearly every table; absent at one court on its own: notes from a higher court
    // and deadline changes. Its superior's roster, 督办单 and 通报 arrive by real packages, and the
    // court signs for one order.
    expect(TABLES.filter((table) => counts[table] === 0)).toEqual(['supervision_notes', 'deadline_changes']);
    // Receipts of packages are there: the campaigns the demo's superior issues come as real packages.
    expect(counts.package_receipts).toBeGreaterThan(0);
  });
});

// ───────────── The plain predicates ─────────────

describe('the plain predicates that spare valid rows the zod parse', () => {
  it('accept exactly what the zod schemas accept, probed column by column on every table', async () => {
    const h = await openHarness();
    openHarnesses.push(h);
    const setup = await h.ok('court.setup', { profile: basicCourt, admin: ADMIN, loadDemo: true });
    await h.services.ctx.jobs.waitFor(setup.demoJobId!);
    const sqlite = h.services.ctx.sqlite;
    const sample = (table: string) => sqlite.prepare(`SELECT * FROM ${table} LIMIT 1`).get() as Row | undefined;
    // The demo has no supervision notes: one as a higher court writes it.
    const note: Row = {
      id: ITEM.id,
      origin: 'J23',
      version: 1,
      change_seq: 5,
      created_at: NOW,
      updated_at: NOW,
      deleted_at: null,
      campaign_id: ITEM.campaign_id,
      court_code: 'J2301',
      item_id: null,
      kind: 'supervision',
      author: '李处长',
      text: '请补充佐证材料',
    };
    // Nor a roster entry or a package receipt (province tables): one each as the writers store them.
    const rosterCourt: Row = {
      ...note,
      campaign_id: undefined,
      court_code: undefined,
      item_id: undefined,
      kind: undefined,
      author: undefined,
      text: undefined,
      code: 'J2301',
      name: '哈尔滨市道里区人民法院',
      level: 'basic',
      parent_code: 'J23',
      jurisdiction: '哈尔滨市',
      merged_at: null,
      merged_into: null,
      added_by: 'manual',
    };
    for (const key of Object.keys(rosterCourt)) if (rosterCourt[key] === undefined) delete rosterCourt[key];
    const receipt: Row = {
      id: ITEM.id,
      origin: 'J2301',
      version: 1,
      change_seq: 7,
      created_at: NOW,
      updated_at: NOW,
      deleted_at: null,
      source_code: 'J23',
      seq: 3,
      campaign_id: ITEM.campaign_id,
      imported_at: NOW,
    };
    // Nor ledger evidence: one as the operation stores it.
    const ledgerFile: Row = {
      id: ITEM.id,
      origin: 'J2301',
      version: 1,
      change_seq: 9,
      created_at: NOW,
      updated_at: NOW,
      deleted_at: null,
      measure_id: ITEM.campaign_id,
      lookback_id: null,
      phase: 'after',
      sha256: 'b'.repeat(64),
      original_name: '整改后照片.jpg',
      size: 2048,
      mime_type: 'image/jpeg',
      detected_type: 'jpg',
    };
    // Nor a deadline move (延期): one as the reviewer's operation stores it.
    const deadlineChange: Row = {
      ...receipt,
      source_code: undefined,
      seq: undefined,
      imported_at: undefined,
      record_kind: 'item',
      record_id: ITEM.id,
      from_deadline: '2026-06-30',
      to_deadline: '2026-07-31',
      reason: '等待上级法院统一部署',
      decided_by: '王审核',
      decided_at: NOW,
    };
    for (const key of Object.keys(deadlineChange)) if (deadlineChange[key] === undefined) delete deadlineChange[key];
    // Nor (on its own) a 督办单, a 签收 or reply, or a 通报: one each as their operations store them.
    const order: Row = {
      id: ITEM.id,
      origin: 'J23',
      version: 2,
      change_seq: 11,
      created_at: NOW,
      updated_at: NOW,
      deleted_at: null,
      campaign_id: ITEM.campaign_id,
      court_code: 'J2301',
      batch_id: ITEM.campaign_id,
      kind: 'supervise',
      colour: 'red',
      requirement: '请于期限内报送整改情况\n并附佐证材料',
      reply_due: '2026-12-10',
      doc_number: '黑高法督〔2026〕12号',
      doc_year: 2026,
      doc_seq: 12,
      item_ids: JSON.stringify([ITEM.id]),
      issued_by: '李处长',
      issued_at: NOW,
      status: 'closed',
      decided_by: '李处长',
      decided_at: NOW,
      decision_note: '同意办结',
      decided_reply_id: ITEM.campaign_id,
    };
    const orderResponse: Row = {
      id: ITEM.id,
      origin: 'J2301',
      version: 3,
      change_seq: 12,
      created_at: NOW,
      updated_at: NOW,
      deleted_at: null,
      order_id: ITEM.campaign_id,
      kind: 'reply',
      text: '已组织整改\n详见佐证材料',
      item_ids: JSON.stringify([ITEM.id]),
      evidence_ids: '[]',
      status: 'sent',
      author: '张书记员',
      submitted_at: NOW,
      reviewed_by: '王审核',
      reviewed_at: NOW,
      review_note: '',
      responded_at: NOW,
    };
    const notice: Row = {
      id: ITEM.id,
      origin: 'J23',
      version: 2,
      change_seq: 13,
      created_at: NOW,
      updated_at: NOW,
      deleted_at: null,
      campaign_id: ITEM.campaign_id,
      kind: 'criticism',
      title: '关于专项活动进展情况的通报',
      addressees: '各中级人民法院，各基层人民法院',
      body: '一、总体情况\n二、存在问题',
      issuer_name: '黑龙江省高级人民法院',
      named_courts: JSON.stringify([{ code: 'J2301', name: '哈尔滨市道里区人民法院', stance: 'criticism' }]),
      period_from: '2026-11-01',
      period_to: '2026-11-30',
      status: 'issued',
      doc_number: '黑高法〔2026〕3号',
      doc_year: 2026,
      doc_seq: 3,
      signed_date: '2026-12-01',
      drafted_by: '李处长',
      issued_by: '李处长',
      issued_at: NOW,
    };
    const samples: Record<string, Row> = {
      supervision_notes: note,
      ledger_evidence: ledgerFile,
      roster_courts: rosterCourt,
      package_receipts: receipt,
      deadline_changes: deadlineChange,
      supervision_orders: order,
      order_responses: orderResponse,
      notices: notice,
    };
    const probes: unknown[] = [
      undefined,
      null,
      '',
      ' ',
      'x',
      'J23',
      'j23',
      0,
      1,
      2,
      -1,
      7,
      100,
      101,
      1.5,
      -0.5,
      2 ** 60,
      Number.MAX_SAFE_INTEGER,
      true,
      false,
      {},
      [],
      [1],
      '2026-11-24',
      '2026-02-29',
      '2028-02-29',
      '2026-13-01',
      '2026-11-24T10:00:00+08:00',
      '2026-11-24T10:00:00.123Z',
      '2026-11-24T25:00:00Z',
      '2026-11-24 10:00:00',
      '2026-03',
      '2026-Q2',
      '2026-Q5',
      ITEM.id,
      String(ITEM.id).toUpperCase(),
      'a'.repeat(64),
      'A'.repeat(64),
      'a'.repeat(63),
      '正常的文字',
      '第一行\n第二行',
      '制表\t符',
      '回车\r',
      '空\u0000字符',
      '响铃\u0007',
      '\u0085',
      '\u007f',
      'x'.repeat(501),
      'x'.repeat(2001),
      'x'.repeat(100_001),
      'own',
      'mandatory',
      'person',
      'department',
      'draft',
      'signed_off',
      'approved',
      'owner',
      'up',
      'down',
      'percent',
    ];
    let compared = 0;
    const disagreements: string[] = [];
    for (const table of TABLES) {
      const base = samples[table] ?? sample(table);
      expect(base, table).toBeDefined();
      const valid = JSON.parse(JSON.stringify(base)) as Row;
      const agree = (row: Row, what: string) => {
        compared += 1;
        const plain = passesPlainChecks(table as SyncTableName, row);
        const full = ROW_SCHEMAS[table as SyncTableName].safeParse(row).success;
        if (plain !== full) disagreements.push(`${table} ${what}: plain ${plain}, zod ${full}`);
      };
      agree(valid, 'as stored');
      agree({ ...valid, extra_column: 1 }, 'with an extra column');
      for (const column of Object.keys(valid)) {
        agree(without(valid, column), `without ${column}`);
        for (const probe of probes)
          agree({ ...valid, [column]: probe }, `${column} = ${JSON.stringify(probe)?.slice(0, 30)}`);
      }
    }
    expect(disagreements).toEqual([]);
    expect(compared).toBeGreaterThan(10_000);
  });
});

// ───────────── Malformed rows ─────────────

const NOW = '2026-11-24T10:00:00+08:00';
const ITEM: Row = {
  id: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  origin: 'J2301',
  version: 3,
  change_seq: 42,
  created_at: NOW,
  updated_at: '2026-11-24T02:00:00.000Z',
  deleted_at: null,
  campaign_id: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a00',
  section_id: null,
  sort_order: 2048,
  title: '落实“三个规定”',
  content: '第一行\n\t第二行',
  kind: 'own',
  lead_leader: '王建军',
  department_id: null,
  owner: '陈立华',
  deadline: '2026-12-31',
  frequency: 'monthly',
  status: 'in_progress',
  percent: 50,
  completed_at: null,
  completed_late: 0,
  completed_by: null,
  source_item_id: null,
  source_version: null,
  highlight: 0,
};
const REPORT: Row = {
  id: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a01',
  origin: 'J2301',
  version: 1,
  change_seq: 7,
  created_at: NOW,
  updated_at: NOW,
  deleted_at: null,
  campaign_id: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a00',
  scope: 'person',
  person_id: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a02',
  department_id: null,
  subject_name: '陈立华',
  status: 'draft',
  round: 0,
  no_problem: 0,
  no_problem_reason: '',
  submitted_at: null,
  submitted_by: null,
  submitted_by_name: '',
  decided_at: null,
  reviewer: '',
  review_note: '',
};
const without = (row: Row, ...columns: string[]) =>
  Object.fromEntries(Object.entries(row).filter(([key]) => !columns.includes(key)));

describe('malformed rows are refused with the column at fault', () => {
  it('accepts the well-formed rows the cases start from', () => {
    expect(checkSyncRow('items', ITEM)).toBeNull();
    expect(checkSyncRow('inspection_reports', REPORT)).toBeNull();
  });

  const cases: [string, Row, string | null, RegExp][] = [
    ['percent as a string', { ...ITEM, percent: '50' }, 'percent', /^应为 0 至 100 的整数$/],
    ['percent above 100', { ...ITEM, percent: 101 }, 'percent', /^应为 0 至 100 的整数$/],
    ['percent below 0', { ...ITEM, percent: -1 }, 'percent', /0 至 100/],
    ['a title given as a number', { ...ITEM, title: 7 }, 'title', /^应为文字$/],
    ['a title that is null', { ...ITEM, title: null }, 'title', /^不能为空/],
    ['a missing column', without(ITEM, 'owner'), 'owner', /^缺少此字段$/],
    ['an extra column', { ...ITEM, secret: 'x' }, 'secret', /^不应有此字段$/],
    [
      'a __proto__ key',
      JSON.parse(JSON.stringify(ITEM).replace('{', '{"__proto__":{"x":1},')) as Row,
      '__proto__',
      /^不应有此字段$/,
    ],
    [
      'an update carrying 5 of the columns',
      { id: ITEM.id, origin: 'J2301', version: 4, change_seq: 43, title: '只改标题' },
      'created_at',
      /^缺少此字段$/,
    ],
    ['version -1', { ...ITEM, version: -1 }, 'version', /^应为不小于 1 的整数$/],
    ['version 0', { ...ITEM, version: 0 }, 'version', /^应为不小于 1 的整数$/],
    ['change_seq 0', { ...ITEM, change_seq: 0 }, 'change_seq', /^应为不小于 1 的整数$/],
    ['status done', { ...ITEM, status: 'done' }, 'status', /not_started、in_progress、completed、signed_off、returned/],
    ['deleted_at yesterday', { ...ITEM, deleted_at: 'yesterday' }, 'deleted_at', /带时区的时间/],
    ['a time without a zone', { ...ITEM, updated_at: '2026-11-24T10:00:00' }, 'updated_at', /带时区的时间/],
    [
      'a time on a day that does not exist',
      { ...ITEM, created_at: '2026-02-29T10:00:00+08:00' },
      'created_at',
      /带时区的时间/,
    ],
    ['a date that does not exist', { ...ITEM, deadline: '2026-02-30' }, 'deadline', /日期/],
    ['a date with a time', { ...ITEM, deadline: '2026-12-31T00:00:00Z' }, 'deadline', /日期/],
    ['an id that is not a UUID', { ...ITEM, id: 'item-1' }, 'id', /UUID/],
    ['a reference that is not a UUID', { ...ITEM, campaign_id: '../../etc' }, 'campaign_id', /UUID/],
    ['an origin that is not a court code', { ...ITEM, origin: 'j2301' }, 'origin', /法院代码/],
    ['a title with U+0000', { ...ITEM, title: '落实\u0000规定' }, 'title', /控制字符/],
    ['a title with U+0007', { ...ITEM, title: '落实\u0007规定' }, 'title', /控制字符/],
    ['a title with a line break', { ...ITEM, title: '落实\n规定' }, 'title', /换行符/],
    ['content with a carriage return', { ...ITEM, content: '第一行\r\n第二行' }, 'content', /控制字符/],
    ['content with U+0085', { ...ITEM, content: '第一行\u0085第二行' }, 'content', /控制字符/],
    ['content with DEL', { ...ITEM, content: '第一行\u007f' }, 'content', /控制字符/],
    ['a title far too long', { ...ITEM, title: '长'.repeat(2001) }, 'title', /不能超过 2000 个字符/],
    ['a float where an integer belongs', { ...ITEM, sort_order: 1.5 }, 'sort_order', /^应为整数$/],
    ['an integer beyond the safe range', { ...ITEM, sort_order: 2 ** 60 }, 'sort_order', /^应为整数$/],
    ['a boolean flag', { ...ITEM, completed_late: true }, 'completed_late', /^应为 0 或 1$/],
    ['a flag of 2', { ...ITEM, completed_late: 2 }, 'completed_late', /^应为 0 或 1$/],
    ['a nested object', { ...ITEM, title: { zh: '落实' } }, 'title', /^应为文字$/],
    ['an array', { ...ITEM, owner: ['陈立华'] }, 'owner', /^应为文字$/],
    ['a person report without the person', { ...REPORT, person_id: null }, 'person_id', /按个人填报时不能为空/],
    [
      'a department report without the department',
      { ...REPORT, scope: 'department' },
      'department_id',
      /按部门填报时不能为空/,
    ],
  ];
  for (const [name, row, column, problem] of cases) {
    it(`refuses ${name}`, () => {
      const table = 'scope' in row ? 'inspection_reports' : 'items';
      const found = checkSyncRow(table, row);
      expect(found).not.toBeNull();
      expect(found!.column).toBe(column);
      expect(found!.problem).toMatch(problem);
    });
  }

  it('refuses what is not a row at all, and tables that do not travel', () => {
    expect(checkSyncRow('items', null)).toEqual({ column: null, problem: expect.stringContaining('JSON 对象') });
    expect(checkSyncRow('items', [ITEM])).toEqual({ column: null, problem: expect.stringContaining('JSON 对象') });
    expect(checkSyncRow('items', '{}')).toEqual({ column: null, problem: expect.stringContaining('JSON 对象') });
    expect(checkSyncRow('users', { id: ITEM.id })?.column).toBeNull();
    expect(checkSyncRow('toString', {})?.column).toBeNull();
  });

  it('checks the other kinds of column too: sha256, periods, court codes, real numbers', () => {
    const indicatorValue: Row = {
      ...without(
        ITEM,
        ...Object.keys(ITEM).filter(
          (key) => !['id', 'origin', 'version', 'change_seq', 'created_at', 'updated_at', 'deleted_at'].includes(key),
        ),
      ),
      indicator_id: ITEM.campaign_id,
      period: '2026-Q1',
      value: 98.5,
      note: '',
      evidence_sha256: 'a'.repeat(64),
      evidence_name: '统计表.xlsx',
      entered_by: '张书记员',
    };
    expect(checkSyncRow('indicator_values', indicatorValue)).toBeNull();
    expect(checkSyncRow('indicator_values', { ...indicatorValue, evidence_sha256: 'A'.repeat(64) })?.column).toBe(
      'evidence_sha256',
    );
    expect(checkSyncRow('indicator_values', { ...indicatorValue, period: '2026-13' })?.column).toBe('period');
    expect(checkSyncRow('indicator_values', { ...indicatorValue, value: '98.5' })?.column).toBe('value');
    expect(checkSyncRow('indicator_values', { ...indicatorValue, value: null })?.column).toBe('value');
  });

  it('words the refusal with the table, line and column', () => {
    expect(syncTableLabel('progress_notes')).toBe('进展情况');
    expect(syncRowRefusal('items', 12, checkSyncRow('items', { ...ITEM, percent: 101 })!)).toBe(
      '同步包中“事项”（items）第 12 行的字段 percent 不正确：应为 0 至 100 的整数。没有导入任何内容。',
    );
    expect(syncRowRefusal('items', 1, checkSyncRow('items', 7)!)).toBe(
      '同步包中“事项”（items）第 1 行不正确：应为一个 JSON 对象（一行数据）。没有导入任何内容。',
    );
  });
});

// ───────────── ChangeWriter ─────────────

describe('ChangeWriter writes only rows other courts accept', () => {
  it('throws, naming table and column, and writes nothing', async () => {
    const { h, campaign } = await openCourt();
    openHarnesses.push(h);
    const ctx = h.services.ctx;
    const actor: Actor = { name: '王书记员（admin）', court: basicCourt.code, userId: null, displayName: '王书记员' };
    const item = await h.ok('items.create', { campaignId: campaign.id, title: '落实“三个规定”' });
    const count = () => (ctx.sqlite.prepare('SELECT count(*) AS n FROM items').get() as { n: number }).n;
    const counter = () => (ctx.sqlite.prepare('SELECT value FROM change_counter').get() as { value: number }).value;
    const before = {
      items: count(),
      counter: counter(),
      row: ctx.sqlite.prepare('SELECT * FROM items WHERE id = ?').get(item.id),
    };
    const fields = {
      campaignId: campaign.id,
      sectionId: null,
      sortOrder: 1,
      title: '新事项',
      content: '',
      kind: 'own' as const,
      leadLeader: '',
      departmentId: null,
      owner: '',
      deadline: null,
      frequency: 'once' as const,
      status: 'not_started' as const,
      percent: 0,
      completedAt: null,
      completedLate: 0,
    };

    const attempts: [string, (writer: ChangeWriter) => Promise<unknown>, RegExp][] = [
      [
        'insert percent 150',
        (w) => w.insert('items', { ...fields, percent: 150 }),
        /事项（items，编号 .*）时的字段 percent 不正确：应为 0 至 100 的整数/,
      ],
      ['insert percent "50"', (w) => w.insert('items', { ...fields, percent: '50' as never }), /items.*percent/],
      [
        'insert a bell in a title',
        (w) => w.insert('items', { ...fields, title: '落实\u0007' }),
        /items.*title.*控制字符/,
      ],
      [
        'insert a deadline that is not a date',
        (w) => w.insert('items', { ...fields, deadline: '12月底' }),
        /items.*deadline/,
      ],
      [
        'insert a missing NOT NULL column',
        (w) =>
          w.insert('progressNotes', {
            itemId: item.id,
            noteDate: '2026-11-24',
            author: '王书记员',
            text: undefined as never,
            percent: null,
          }),
        /progress_notes.*text.*不能为空/,
      ],
      [
        'update the status to done',
        (w) => w.update('items', item.id, undefined, { status: 'done' as never }),
        /items.*status/,
      ],
      [
        'update a reference to a non-id',
        (w) => w.update('items', item.id, undefined, { departmentId: 'finance' }),
        /items.*department_id.*UUID/,
      ],
      [
        'update completed_late to true',
        (w) => w.update('items', item.id, undefined, { completedLate: true as never }),
        /items.*completed_late/,
      ],
    ];
    for (const [name, attempt, message] of attempts) {
      const failure = await withChanges(ctx.db, actor, '2026-11-24T10:00:00+08:00', attempt).then(
        () => null,
        (error: unknown) => error,
      );
      expect(failure, name).toBeInstanceOf(Error);
      expect((failure as Error).constructor, name).toBe(Error);
      expect((failure as Error).message, name).toMatch(message);
    }
    // A writer given a time without a zone is refused too (every timestamp column would carry it).
    const noZone = await withChanges(ctx.db, actor, '2026-11-24 10:00', (w) => w.insert('items', fields)).catch(
      (error: Error) => error,
    );
    expect((noZone as Error).message).toMatch(/items.*created_at.*带时区的时间/);

    expect({
      items: count(),
      counter: counter(),
      row: ctx.sqlite.prepare('SELECT * FROM items WHERE id = ?').get(item.id),
    }).toEqual(before);
    // Columns left out take their SQL defaults, and a good write still goes through.
    await withChanges(ctx.db, actor, '2026-11-24T10:00:00+08:00', async (w) => {
      await w.insert('departments', { name: '立案庭', sortOrder: 9 });
      await w.update('items', item.id, undefined, { percent: 60, status: 'in_progress' });
      await w.touch('items', item.id, 'touch');
      await w.softDelete('items', item.id);
    });
    expect(ctx.sqlite.prepare('SELECT percent, version, deleted_at FROM items WHERE id = ?').get(item.id)).toEqual({
      percent: 60,
      version: 4,
      deleted_at: '2026-11-24T10:00:00+08:00',
    });
  });
});

// ───────────── Speed ─────────────

describe('checking speed at import scale', () => {
  let h: Harness;
  let campaign: Row;
  let items: Row[];
  let notes: Row[];
  beforeAll(async () => {
    const court = await openCourt();
    h = court.h;
    // 100,000 items with one progress note each, as the sync tests' bulkWork writes them.
    bulkWork(h, court.campaign.id, 100_000, 1);
    const sqlite = h.services.ctx.sqlite;
    campaign = sqlite.prepare('SELECT * FROM campaigns WHERE id = ?').get(court.campaign.id) as Row;
    items = (sqlite.prepare('SELECT * FROM items WHERE title LIKE ?').all('批量事项%') as Row[]).map(
      (row) => JSON.parse(JSON.stringify(row)) as Row,
    );
    notes = (sqlite.prepare('SELECT * FROM progress_notes').all() as Row[]).map(
      (row) => JSON.parse(JSON.stringify(row)) as Row,
    );
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  /** Inserts the rows into a fresh migrated database with prepared statements, as the importer does. */
  function insertAll(check: boolean): number {
    const { sqlite } = migratedDatabase();
    const statement = (table: string, row: Row) => {
      const names = Object.keys(row);
      return sqlite.prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`);
    };
    const insertCampaign = statement('campaigns', campaign);
    const insertItem = statement('items', items[0]);
    const insertNote = statement('progress_notes', notes[0]);
    const started = process.hrtime.bigint();
    sqlite.transaction(() => {
      insertCampaign.run(...Object.values(campaign));
      for (const row of items) {
        if (check && checkSyncRow('items', row)) throw new Error('bad row');
        insertItem.run(...Object.values(row));
      }
      for (const row of notes) {
        if (check && checkSyncRow('progress_notes', row)) throw new Error('bad row');
        insertNote.run(...Object.values(row));
      }
    })();
    return Number(process.hrtime.bigint() - started) / 1e6;
  }

  it('takes a few microseconds a row and keeps an import well under 3× plain inserts', () => {
    expect(items.length).toBe(100_000);
    expect(notes.length).toBe(100_000);
    const time = (table: SyncTableName, rows: Row[]) => {
      let best = Infinity;
      for (let round = 0; round < 3; round += 1) {
        const started = process.hrtime.bigint();
        for (const row of rows)
          if (checkSyncRow(table, row))
            throw new Error(`bad ${table} row: ${JSON.stringify(checkSyncRow(table, row))}`);
        best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e3 / rows.length);
      }
      return best;
    };
    const itemMicros = time('items', items);
    const noteMicros = time('progress_notes', notes);
    const plain = insertAll(false);
    const checked = insertAll(true);
    console.log(
      `行校验：items ${itemMicros.toFixed(2)} µs/行，progress_notes ${noteMicros.toFixed(2)} µs/行；` +
        `20 万行预编译插入 ${plain.toFixed(0)} ms，加校验 ${checked.toFixed(0)} ms（${(checked / plain).toFixed(2)} 倍）`,
    );
    // Loose bounds for a shared machine; the log line above is the measurement.
    expect(itemMicros).toBeLessThan(25);
    expect(noteMicros).toBeLessThan(25);
    expect(checked / plain).toBeLessThan(3);
  });
});
