// Heavy work runs in worker threads (src/main/workers), so the main process's event loop keeps
// answering the window: the demo, report previews and files, sync bundles and a big daily light
// sweep. Checked structurally, not by timing: the worker reports the thread that ran each task
// (the pool keeps the last few), and it is never this test's own thread. And what a worker wrote
// is what the main connection then reads; its refusals and faults arrive as they would have here.
import fs from 'node:fs';
import path from 'node:path';
import { threadId as mainThreadId } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { logFilePath } from '../../src/main/logging/log';
import { SWEEP_IN_WORKER_FROM } from '../../src/main/lights/lightHistory';
import { WORKER_FAULT_MESSAGE } from '../../src/main/workers/workerPool';
import type { JobStatus } from '../../src/shared/model';
import { basicSetup, openCourt, openHarness, tempDir, type Harness } from './harness';

const open: Harness[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
});

/** The tasks the court's worker pool ran, with the thread each ran on. */
function ranInWorkers(h: Harness): Array<{ op: string; threadId: number }> {
  return h.services.ctx.workers.recent().map(({ op, threadId }) => ({ op, threadId }));
}

function expectOffMainThread(tasks: Array<{ threadId: number }>): void {
  expect(mainThreadId).toBe(0);
  for (const task of tasks) {
    expect(task.threadId).toBeGreaterThan(0);
    expect(task.threadId).not.toBe(mainThreadId);
  }
}

async function ended(h: Harness, jobId: string): Promise<JobStatus> {
  return (await h.services.ctx.jobs.waitFor(jobId))!;
}

async function court() {
  const fx = await openCourt();
  open.push(fx.h);
  return fx;
}

describe('heavy work in worker threads', () => {
  it('writes the demo in a worker, through the ChangeWriter, and the main connection reads it', async () => {
    const h = await openHarness();
    open.push(h);
    await h.ok('court.setup', basicSetup);
    const { jobId } = await h.ok('demo.start');
    expect((await ended(h, jobId)).state).toBe('done');
    const tasks = ranInWorkers(h);
    expect(tasks.map((t) => t.op)).toEqual(['demo']);
    expectOffMainThread(tasks);
    expect(await h.ok('campaigns.list')).toHaveLength(3);
    // Every row it wrote has its change number and audit entry, in one unbroken chain. (The demo
    // superior's rows came in its packages: the import is audited as one entry, not row by row.)
    const unaudited = h.services.ctx.sqlite
      .prepare(
        "SELECT count(*) AS n FROM items WHERE origin = (SELECT value FROM settings WHERE key = 'local_court_code') AND id NOT IN (SELECT row_id FROM audit_log)",
      )
      .get() as { n: number };
    expect(unaudited.n).toBe(0);
    expect((await h.ok('audit.verify')).ok).toBe(true);
  });

  it('builds report previews and files in a worker; refusals arrive as the same Chinese answers', async () => {
    const { h, campaign, sections } = await court();
    await h.ok('items.create', { campaignId: campaign.id, sectionId: sections[0].id, title: '落实当场立案制度' });
    const preview = await h.ok('reports.preview', { campaignId: campaign.id, kind: 'checklist' });
    expect(preview.html).toContain('落实当场立案制度');

    const folder = tempDir('court-worker-reports-');
    for (const format of ['html', 'xlsx'] as const) {
      const { jobId } = await h.ok('reports.export', { campaignId: campaign.id, kind: 'checklist', format, folder });
      const status = await ended(h, jobId);
      expect(status.state, status.error ?? '').toBe('done');
      expect(status.message).toBe('已完成');
    }
    expect(fs.readdirSync(folder).sort()).toEqual([
      '龙江县人民法院能力作风建设年推进清单.html',
      '龙江县人民法院能力作风建设年推进清单.xlsx',
    ]);
    const tasks = ranInWorkers(h);
    expect(tasks.map((t) => t.op)).toEqual(['reports.preview', 'reports.save', 'reports.save']);
    expectOffMainThread(tasks);

    // Refused in the worker: the same code, message and field errors as before the move.
    const refused = await h.call('reports.preview', { campaignId: campaign.id, kind: 'checklist', courtCode: 'J9999' });
    expect(refused).toMatchObject({ ok: false, code: 'E_NOT_FOUND' });
    if (!refused.ok) expect(refused.message).toBe('本库没有法院代码为“J9999”的法院的数据，无法生成其推进清单。');
    // Refused before any job or worker: the export's campaign and court are checked at once.
    const before = ranInWorkers(h).length;
    const early = await h.call('reports.export', {
      campaignId: campaign.id,
      kind: 'ledger',
      format: 'pdf',
      folder,
      courtCode: 'J9999',
    });
    expect(early).toMatchObject({ ok: false, code: 'E_NOT_FOUND' });
    if (!early.ok) expect(early.message).toBe('本库没有法院代码为“J9999”的法院的数据，无法生成其整改台账。');
    expect(ranInWorkers(h)).toHaveLength(before);
  });

  it('a fault inside a worker reaches the person as a plain sentence and the log as the detail', async () => {
    const { h, campaign } = await court();
    // A table gone from under the program: the report cannot be gathered.
    h.services.ctx.sqlite.exec('ALTER TABLE items RENAME TO items_gone');
    const folder = tempDir('court-worker-fault-');
    const { jobId } = await h.ok('reports.export', {
      campaignId: campaign.id,
      kind: 'checklist',
      format: 'xlsx',
      folder,
    });
    const status = await ended(h, jobId);
    expect(status).toMatchObject({ state: 'failed', error: WORKER_FAULT_MESSAGE, errorCode: null });
    const preview = await h.call('reports.preview', { campaignId: campaign.id, kind: 'checklist' });
    expect(preview).toMatchObject({ ok: false, code: 'E_INTERNAL' });
    if (!preview.ok) expect(preview.message).not.toMatch(/SqliteError|items_gone|\n\s+at /);
    expect(fs.readdirSync(folder)).toEqual([]);
    // The detail is for support: in this process's log, from the worker.
    const log = fs.readFileSync(logFilePath(h.dataDir, 'main'), 'utf8');
    expect(log).toMatch(/job failed unexpectedly \{"job":"reports\.export"/);
    expect(log).toMatch(/in the worker thread: SqliteError: no such table: items/);
  });

  it('runs a big daily light sweep in a worker and a small one where it is asked for', async () => {
    const { h, campaign, sections } = await court();
    const item = await h.ok('items.create', {
      campaignId: campaign.id,
      sectionId: sections[0].id,
      title: '清理长期未结案件',
      deadline: '2026-11-30',
    });
    await h.ok('items.list', { campaignId: campaign.id });
    expect(ranInWorkers(h)).toEqual([]);

    // Enough items for the worker: copies of the first, due the same day, each its own record.
    const sqlite = h.services.ctx.sqlite;
    const columns = (sqlite.prepare('SELECT name FROM pragma_table_info(?)').all('items') as { name: string }[])
      .map((c) => c.name)
      .filter((name) => name !== 'id');
    sqlite
      .prepare(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
         INSERT INTO items (id, ${columns.join(', ')})
         SELECT printf('0190f0e4-0000-7000-8000-%012d', i), ${columns.map((c) => `items.${c}`).join(', ')}
         FROM n, items WHERE items.id = ?`,
      )
      .run(SWEEP_IN_WORKER_FROM, item.id);
    // A week on, the deadline has passed: the sweep dates red from the day after it.
    h.setNow('2026-12-07T09:00:00+08:00');
    const listed = await h.ok('items.list', { campaignId: campaign.id });
    expect(listed).toHaveLength(SWEEP_IN_WORKER_FROM + 1);
    expect(listed.every((row) => row.light === 'red' && row.wasRed)).toBe(true);
    const tasks = ranInWorkers(h);
    expect(tasks.map((t) => t.op)).toEqual(['lights.sweep']);
    expectOffMainThread(tasks);
    const spans = sqlite
      .prepare("SELECT count(*) AS n FROM light_history WHERE light = 'red' AND since = '2026-12-01' AND until IS NULL")
      .get() as { n: number };
    expect(spans.n).toBe(SWEEP_IN_WORKER_FROM + 1);
    // Once a day: the next list does not sweep again.
    await h.ok('items.list', { campaignId: campaign.id });
    expect(ranInWorkers(h)).toHaveLength(1);
  });

  it('exports a sync bundle in a worker', async () => {
    const { h } = await court();
    const folder = tempDir('court-worker-sync-');
    const status = await ended(h, (await h.ok('sync.export', { folder, full: false })).jobId);
    expect(status.state, status.error ?? '').toBe('done');
    expect(fs.readdirSync(folder)).toHaveLength(1);
    expect(path.extname(fs.readdirSync(folder)[0])).toBe('.dtsync');
    const tasks = ranInWorkers(h);
    expect(tasks.map((t) => t.op)).toEqual(['sync']);
    expectOffMainThread(tasks);
  });
});
