// Issue 5's matrix bench (b1), bundled by scripts/bench.mjs and run as a child process on the
// province's high court after every relay: the `boards.province` handler called in-process
// (campaign lookup, sections, the GROUP BY over items, folding into the matrix, ranking, bundle
// ages), median of N runs; the baseline is the same GROUP BY of the same counts run with a
// prepared better-sqlite3 statement and nothing else. Also reports the campaign id and the number
// of rows the matrix has, for the render bench in the preview.
// Usage: node boardsBench.cjs --data DIR [--campaign TITLE] [--reps N]
// Ends with one line `BOARDS_JSON=...`.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import BetterSqlite3 from 'better-sqlite3';
import { DATABASE_FILE } from '../../src/main/data/database';
import { provinceHandlers } from '../../src/main/province/provinceHandlers';
import { engineContext, openCourtServices } from './provinceBuild';
import { BENCH_NOW, CAMPAIGN_TITLES } from './provinceShape';

const argv = process.argv.slice(2);
const arg = (name: string, fallback = '') => {
  const index = argv.indexOf(name);
  return index >= 0 ? argv[index + 1] : fallback;
};

/** The same counts as the handler's query: completed and overdue as the checklist counts them. */
const RAW_SQL = `
  SELECT origin, section_id, count(*) AS total,
         sum(CASE WHEN status IN ('completed', 'signed_off') THEN 1 ELSE 0 END) AS completed,
         sum(CASE WHEN status NOT IN ('completed', 'signed_off') AND deadline IS NOT NULL AND deadline < ? THEN 1 ELSE 0 END) AS overdue
    FROM items WHERE campaign_id = ? AND deleted_at IS NULL GROUP BY origin, section_id`;

async function main(): Promise<void> {
  const dataDir = arg('--data');
  const title = arg('--campaign', CAMPAIGN_TITLES[0]);
  const reps = Math.max(1, Number(arg('--reps', '15')));
  if (!dataDir) throw new Error('用法：boardsBench --data 高院数据目录 [--campaign 活动名称] [--reps N]');

  const services = openCourtServices(dataDir);
  let result: Record<string, unknown>;
  try {
    const ctx = await engineContext(services);
    const campaign = ctx.sqlite
      .prepare(
        'SELECT id FROM campaigns WHERE title = ? AND origin = (SELECT value FROM settings WHERE key = ?) AND deleted_at IS NULL',
      )
      .get(title, 'local_court_code') as { id: string } | undefined;
    if (!campaign) throw new Error(`${dataDir} 中没有本院的专项活动“${title}”`);
    const items = (
      ctx.sqlite
        .prepare('SELECT count(*) AS n FROM items WHERE campaign_id = ? AND deleted_at IS NULL')
        .get(campaign.id) as { n: number }
    ).n;
    const allItems = (ctx.sqlite.prepare('SELECT count(*) AS n FROM items').get() as { n: number }).n;
    const plan = (
      ctx.sqlite.prepare(`EXPLAIN QUERY PLAN ${RAW_SQL}`).all('2026-12-28', campaign.id) as { detail: string }[]
    )
      .map((row) => row.detail)
      .join('；');

    const handler = provinceHandlers['boards.province'];
    // One warm-up each: the first run reads the pages from disk.
    const board = await handler(ctx, { campaignId: campaign.id });
    const samples: number[] = [];
    for (let i = 0; i < reps; i += 1) {
      const start = performance.now();
      await handler(ctx, { campaignId: campaign.id });
      samples.push(performance.now() - start);
    }

    // The baseline on its own connection, as a bare query with the same parameters.
    const raw = new BetterSqlite3(path.join(dataDir, DATABASE_FILE), { readonly: true });
    const baseline: number[] = [];
    try {
      const statement = raw.prepare(RAW_SQL);
      const day = BENCH_NOW.slice(0, 10);
      statement.all(day, campaign.id);
      for (let i = 0; i < reps; i += 1) {
        const start = performance.now();
        statement.all(day, campaign.id);
        baseline.push(performance.now() - start);
      }
    } finally {
      raw.close();
    }
    result = {
      campaignId: campaign.id,
      campaignTitle: title,
      items,
      allItems,
      origins: new Set(board.courts.filter((c) => c.totals.total > 0).map((c) => c.code)).size,
      rows: board.courts.length,
      columns: board.sections.length,
      samples,
      baseline,
      plan,
    };
  } finally {
    await services.close();
  }
  process.stdout.write(`BOARDS_JSON=${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`挂图基准出错：${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
