// The matrix and province-report bench of issue 13 (rows m1, m2, p1, p2 of `npm run bench
// --only-matrix`) and its scale row of issue 18 (m1-m2 at 500 courts): a high court holding a
// province as relays leave it — by default 15 intermediate and 150 basic courts on its roster (165),
// with --courts N the same 15 intermediate courts and N − 15 basic courts shared out between them
// (500: 32 or 33 each, a synthetic province) — 5 campaigns × 300 items per court (247,500 items at
// 165), the matrix's campaign with 12 top-level sections, written straight into the database (the
// sync path is measured by rows s1-s4), some courts stale and a few never reported. Then, median
// of N runs:
//   m1  the boards.province handler in-process (roster, GROUP BY with the previous period and the
//       lights, subtotals, ranking); baseline the bare GROUP BY of issue 5's bench (boardsBench.ts);
//   p1  the province report to PDF (data, HTML, Chromium print, as the CLI and the app do);
//   p2  the province report to XLSX (data, exceljs bytes).
// --no-reports skips p1-p2 (the 500-court run measures only the matrix).
// Runs from the repository with tsx (the PDF printer imports playwright-core dynamically).
// Usage: npx tsx scripts/bench/provinceMatrix.ts --data DIR [--courts N] [--reps N] [--no-reports];
// ends with MATRIX_JSON=….
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import BetterSqlite3 from 'better-sqlite3';
import { dispatch } from '../../src/main/api/dispatch';
import { DATABASE_FILE } from '../../src/main/data/database';
import { provinceHandlers } from '../../src/main/province/provinceHandlers';
import { buildReport } from '../../src/main/reports/reportKinds';
import { ChromiumPdfPrinter, pdfPageCount } from '../../src/main/reports/reportPdf';
import { engineContext, openCourtServices } from './provinceBuild';
import { BENCH_NOW, CAMPAIGN_TITLES, PROVINCE_ADMIN } from './provinceShape';

const argv = process.argv.slice(2);
const arg = (name: string, fallback = '') => {
  const index = argv.indexOf(name);
  return index >= 0 ? argv[index + 1] : fallback;
};
const log = (message: string) => process.stderr.write(`${message}\n`);

const INTERMEDIATES = 15;
/** Issue 13's province: 15 intermediate courts with 10 basic courts each. */
const DEFAULT_COURTS = 165;
const CAMPAIGNS = 5;
const ITEMS_PER_COURT = 300;
const SECTIONS = 12;
const CITIES = [
  '哈尔滨市',
  '齐齐哈尔市',
  '牡丹江市',
  '佳木斯市',
  '大庆市',
  '鸡西市',
  '双鸭山市',
  '伊春市',
  '七台河市',
  '鹤岗市',
  '黑河市',
  '绥化市',
  '大兴安岭地区',
  '农垦',
  '林区',
];

/** The bare GROUP BY of issue 5's matrix bench (boardsBench.ts): the baseline. */
const RAW_SQL = `
  SELECT origin, section_id, count(*) AS total,
         sum(CASE WHEN status IN ('completed', 'signed_off') THEN 1 ELSE 0 END) AS completed,
         sum(CASE WHEN status NOT IN ('completed', 'signed_off') AND deadline IS NOT NULL AND deadline < ? THEN 1 ELSE 0 END) AS overdue
    FROM items WHERE campaign_id = ? AND deleted_at IS NULL GROUP BY origin, section_id`;

const pad = (n: number, width: number) => String(n).padStart(width, '0');
let idCounter = 0;
const newId = () => `0190f0e4-0000-7000-8000-${(idCounter += 1).toString(16).padStart(12, '0')}`;

/** A deterministic spread in [0, 1) from a few integers. */
const spread = (...values: number[]) => {
  let h = 2166136261;
  for (const v of values) h = Math.imul(h ^ v, 16777619) >>> 0;
  return (h % 10000) / 10000;
};

/** Basic courts under each of the 15 intermediate courts, `rosterSize` courts in all. */
function basicsPerIntermediate(rosterSize: number): number[] {
  const basics = rosterSize - INTERMEDIATES;
  return Array.from(
    { length: INTERMEDIATES },
    (_, i) => Math.floor(basics / INTERMEDIATES) + (i < basics % INTERMEDIATES ? 1 : 0),
  );
}

async function build(
  dataDir: string,
  rosterSize: number,
): Promise<{ campaignId: string; courts: number; items: number }> {
  fs.mkdirSync(dataDir, { recursive: true });
  const services = openCourtServices(dataDir);
  try {
    const setup = await dispatch(
      services.ctx,
      'court.setup',
      {
        profile: { name: '黑龙江省高级人民法院', code: 'J23', level: 'high', operatorName: '李处长' },
        admin: PROVINCE_ADMIN,
      },
      'bench',
    );
    if (!setup.ok) throw new Error(`court.setup：${setup.message}`);
    const ctx = await engineContext(services);
    const call = async <T>(name: string, input: unknown): Promise<T> => {
      const result = await dispatch(ctx, name as never, input as never, 'bench');
      if (!result.ok) throw new Error(`${name}：${result.message}`);
      return result.value as T;
    };
    // The campaigns; the first (the matrix's) with 12 top-level sections of 2 sub-sections each.
    const sectionIds: string[][] = [];
    const campaignIds: string[] = [];
    for (let c = 0; c < CAMPAIGNS; c += 1) {
      const campaign = await call<{ id: string }>('campaigns.create', {
        title: CAMPAIGN_TITLES[c],
        year: 2026,
        startDate: '2026-01-01',
        endDate: '2026-12-31',
      });
      campaignIds.push(campaign.id);
      const ids: string[] = [];
      const tops = c === 0 ? SECTIONS : 4;
      for (let s = 0; s < tops; s += 1) {
        let detail = await call<{ sections: Array<{ id: string; title: string; parentId: string | null }> }>(
          'sections.create',
          { campaignId: campaign.id, title: `重点工作${s + 1}` },
        );
        const top = detail.sections.find((x) => x.title === `重点工作${s + 1}` && x.parentId === null)!.id;
        ids.push(top);
        for (let k = 0; k < 2; k += 1) {
          detail = await call('sections.create', {
            campaignId: campaign.id,
            title: `子项${s + 1}-${k + 1}`,
            parentId: top,
          });
          ids.push(detail.sections.find((x) => x.title === `子项${s + 1}-${k + 1}`)!.id);
        }
      }
      sectionIds.push(ids);
    }
    await services.close();

    // The province, as relays leave it: roster, sync state, every court's items.
    const db = new BetterSqlite3(path.join(dataDir, DATABASE_FILE));
    try {
      db.pragma('journal_mode = WAL');
      const roster = db.prepare(
        "INSERT INTO roster_courts (id, origin, change_seq, created_at, updated_at, code, name, level, parent_code, jurisdiction, added_by) VALUES (?, 'J23', ?, ?, ?, ?, ?, ?, ?, '黑龙江省', 'manual')",
      );
      const synced = db.prepare(
        "INSERT INTO sync_courts (code, name, level, parent_code, sign_key, box_key, fingerprint, relation, trusted_at, trusted_by, last_seq, last_bundle_at, last_imported_at) VALUES (?, ?, ?, ?, 'k', 'k', ?, ?, '2026-01-05T09:00:00+08:00', '李处长（bench）', 3, ?, ?)",
      );
      const item = db.prepare(
        "INSERT INTO items (id, origin, version, change_seq, created_at, updated_at, campaign_id, section_id, sort_order, title, kind, status, percent, deadline, completed_at) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, 'mandatory', ?, ?, ?, ?)",
      );
      const statuses = ['completed', 'signed_off', 'in_progress', 'not_started'] as const;
      let seq = 10;
      let items = 0;
      let courts = 0;
      const now = Date.parse(BENCH_NOW);
      const basicsEach = basicsPerIntermediate(rosterSize);
      db.transaction(() => {
        for (let i = 0; i < INTERMEDIATES; i += 1) {
          const mid = `J23${pad(i + 1, 2)}`;
          const list: Array<[string, string, 'intermediate' | 'basic', string]> = [
            [mid, `${CITIES[i]}中级人民法院`, 'intermediate', 'J23'],
          ];
          for (let b = 0; b < basicsEach[i]; b += 1)
            list.push([`${mid}${pad(b + 1, 2)}`, `${CITIES[i]}第${b + 1}基层人民法院`, 'basic', mid]);
          for (const [code, name, level, parent] of list) {
            courts += 1;
            const stamp = '2026-01-05T09:00:00+08:00';
            roster.run(newId(), (seq += 1), stamp, stamp, code, name, level, parent);
            const r = spread(courts, 7);
            if (r < 0.03) continue; // never reported
            // Most courts reported within a fortnight; about one in twelve is stale (over 30 days).
            const ageDays = r < 0.11 ? 35 + Math.floor(r * 400) : Math.floor(r * 14);
            const at = new Date(now - ageDays * 86_400_000).toISOString();
            synced.run(
              code,
              name,
              level,
              parent,
              code.padEnd(40, '0'),
              level === 'intermediate' ? 'subordinate' : 'relayed',
              at,
              at,
            );
            const skill = 0.35 + 0.6 * spread(courts, 11);
            for (let c = 0; c < CAMPAIGNS; c += 1) {
              const ids = sectionIds[c];
              for (let n = 0; n < ITEMS_PER_COURT; n += 1) {
                const month = 1 + Math.floor(spread(courts, c, n, 1) * 12);
                const created = `2026-${pad(Math.min(month, 11), 2)}-0${1 + (n % 9)}T09:00:00+08:00`;
                const done = spread(courts, c, n, 2) < skill;
                const status = done ? statuses[n % 2] : statuses[2 + (n % 2)];
                const deadline = `2026-${pad(1 + Math.floor(spread(courts, c, n, 3) * 12), 2)}-28`;
                const completedAt = done ? `2026-${pad(Math.min(12, month + 1), 2)}-15T09:00:00+08:00` : null;
                item.run(
                  newId(),
                  code,
                  (seq += 1),
                  created,
                  created,
                  campaignIds[c],
                  ids[n % ids.length],
                  n * 1024,
                  `第${n + 1}项任务`,
                  status,
                  done ? 100 : 30,
                  deadline,
                  completedAt,
                );
                items += 1;
              }
            }
          }
        }
      })();
      db.pragma('wal_checkpoint(TRUNCATE)');
      return { campaignId: campaignIds[0], courts, items };
    } finally {
      db.close();
    }
  } finally {
    await services.close().catch(() => undefined);
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function measure(dataDir: string, campaignId: string, reps: number, withReports: boolean) {
  const services = openCourtServices(dataDir);
  try {
    const ctx = await engineContext(services);
    const handler = provinceHandlers['boards.province'];
    const board = await handler(ctx, { campaignId });
    const matrix: number[] = [];
    for (let i = 0; i < reps; i += 1) {
      const start = performance.now();
      await handler(ctx, { campaignId });
      matrix.push(performance.now() - start);
    }
    const raw = new BetterSqlite3(path.join(dataDir, DATABASE_FILE), { readonly: true });
    const baseline: number[] = [];
    try {
      const statement = raw.prepare(RAW_SQL);
      const day = BENCH_NOW.slice(0, 10);
      statement.all(day, campaignId);
      for (let i = 0; i < reps; i += 1) {
        const start = performance.now();
        statement.all(day, campaignId);
        baseline.push(performance.now() - start);
      }
    } finally {
      raw.close();
    }
    log(`  (m1) boards.province 中位数 ${median(matrix).toFixed(1)} ms（基线 ${median(baseline).toFixed(1)} ms）`);

    const summary = {
      rows: board.courts.length,
      columns: board.sections.length,
      ranked: board.courts.filter((c) => c.rank !== null).length,
      stale: board.courts.filter((c) => c.standing === 'stale').length,
      missing: board.courts.filter((c) => c.standing === 'missing').length,
      matrix,
      baseline,
    };
    if (!withReports) return { ...summary, pdf: [], xlsx: [], pages: null, bytes: 0 };

    const printer = new ChromiumPdfPrinter();
    const pdf: number[] = [];
    const xlsx: number[] = [];
    let pages: number | null = null;
    let bytes = 0;
    const runs = Math.max(3, Math.ceil(reps / 3));
    try {
      for (let i = 0; i < runs; i += 1) {
        let start = performance.now();
        const report = await buildReport(ctx, { campaignId, kind: 'province' });
        // The first print launches the browser; the next ones reuse it, as the app's worker does.
        const file = await printer.print(report.html, { landscape: report.landscape });
        pdf.push(performance.now() - start);
        pages = pdfPageCount(file);
        start = performance.now();
        const workbook = await (await buildReport(ctx, { campaignId, kind: 'province' })).workbook();
        xlsx.push(performance.now() - start);
        bytes = workbook.length;
        log(`  (p1/p2) 第 ${i + 1} 次：PDF ${pdf[i].toFixed(0)} ms（${pages} 页），XLSX ${xlsx[i].toFixed(0)} ms`);
      }
    } finally {
      // A running browser would keep this process alive.
      await printer.close();
    }
    return {
      ...summary,
      pdf,
      xlsx,
      pages,
      bytes,
    };
  } finally {
    await services.close();
  }
}

async function main(): Promise<void> {
  const dataDir = arg('--data');
  const reps = Math.max(3, Number(arg('--reps', '15')));
  const rosterSize = Number(arg('--courts', String(DEFAULT_COURTS)));
  const withReports = !argv.includes('--no-reports');
  if (!dataDir) throw new Error('用法：provinceMatrix.ts --data 目录 [--courts N] [--reps N] [--no-reports]');
  // Basic courts' codes take two digits under their intermediate court's: at most 99 each.
  if (!Number.isInteger(rosterSize) || rosterSize < INTERMEDIATES || rosterSize > INTERMEDIATES * 100)
    throw new Error(`--courts 应为 ${INTERMEDIATES} 到 ${INTERMEDIATES * 100} 之间的整数（名单上的法院总数）`);
  const started = performance.now();
  const expectedItems = rosterSize * CAMPAIGNS * ITEMS_PER_COURT;
  log(
    `(m1-m2${withReports ? ', p1-p2' : ''}) 生成全省高院数据（${rosterSize} 个法院，约 ${expectedItems.toLocaleString('en-US')} 项）…`,
  );
  const built = await build(dataDir, rosterSize);
  const buildMs = performance.now() - started;
  log(`  生成用时 ${(buildMs / 1000).toFixed(1)} s`);
  const result = await measure(dataDir, built.campaignId, reps, withReports);
  process.stdout.write(`MATRIX_JSON=${JSON.stringify({ ...built, buildMs, ...result })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`矩阵基准出错：${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
