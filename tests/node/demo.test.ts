// The demo data set, loaded the way a clerk loads it: through court.setup (or demo.start) as a
// background job, into a real data folder, read back through the operation table.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Input } from '../../src/shared/api';
import type { Campaign, ItemRow } from '../../src/shared/model';
import { DEMO_TITLES } from '../../src/main/demo/demoData';
import { blobPath } from '../../src/main/evidence/evidenceStore';
import { NENGLI_TITLE } from '../../src/main/demo/campaignNengli';
import { QINGLIAN_TITLE } from '../../src/main/demo/campaignQinglian';
import { ZHIXING_TITLE } from '../../src/main/demo/campaignZhixing';
import { ADMIN, basicCourt, basicSetup, openHarness, type Harness } from './harness';
import { courtFingerprint, exportReportUp, importBundle } from '../../src/main/sync/syncService';
import { engineCtx, HIGH, openSyncCourt, outFolder } from './sync/syncFixtures';

const open: Harness[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
});

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type Profile = Partial<Input<'court.setup'>['profile']>;

async function harnessAt(now = '2026-11-24T10:00:00+08:00', profile: Profile = {}) {
  const h = await openHarness({ now });
  open.push(h);
  const setup = await h.ok('court.setup', { profile: { ...basicCourt, ...profile }, admin: ADMIN, loadDemo: true });
  expect(setup.demoJobId).toBeTruthy();
  return { h, jobId: setup.demoJobId! };
}

async function loadedDemo(now?: string, profile?: Profile) {
  const { h, jobId } = await harnessAt(now, profile);
  const job = await h.services.ctx.jobs.waitFor(jobId);
  expect(job?.error ?? null).toBeNull();
  expect(job?.state).toBe('done');
  const campaigns = await h.ok('campaigns.list');
  const items = new Map<string, ItemRow[]>();
  for (const c of campaigns) items.set(c.title, await h.ok('items.list', { campaignId: c.id }));
  return { h, job: job!, campaigns, items, all: [...items.values()].flat() };
}

const byTitle = (campaigns: Campaign[], title: string) => {
  const found = campaigns.find((c) => c.title === title);
  expect(found, `缺少示例活动“${title}”`).toBeTruthy();
  return found!;
};

describe('demo data', () => {
  it('loads three campaigns from the seed articles with a realistic mix of states', async () => {
    const started = Date.now();
    const { h, job, campaigns, items, all } = await loadedDemo();
    const elapsed = Date.now() - started;
    console.log(`示例数据载入用时 ${elapsed} ms，共 ${all.length} 项事项`);

    expect(campaigns.map((c) => c.title).sort()).toEqual([...DEMO_TITLES].sort());
    expect(job.done).toBe(job.total);
    expect(job.message).toBe('已完成');

    const nengli = byTitle(campaigns, NENGLI_TITLE);
    expect(nengli.issuingCourtName).toBe('黑龙江省高级人民法院');
    expect(nengli.status).toBe('active');
    expect(nengli.startDate! <= '2026-11-24' && nengli.endDate! >= '2026-11-24').toBe(true);
    expect(nengli.description).toContain('1+4+10+16');
    expect(items.get(NENGLI_TITLE)!.length).toBeGreaterThanOrEqual(40);
    const qinglian = byTitle(campaigns, QINGLIAN_TITLE);
    expect(qinglian.issuingCourtName).toBe(basicCourt.name);
    expect(items.get(QINGLIAN_TITLE)!.length).toBeGreaterThanOrEqual(20);
    expect(items.get(ZHIXING_TITLE)!.length).toBeGreaterThanOrEqual(10);

    // The 1+4+10+16 structure and the drives are sections, numbered as in official documents.
    const detail = await h.ok('campaigns.get', { id: nengli.id });
    const top = detail.sections.filter((s) => s.depth === 0);
    expect(top[0].number).toBe('一、');
    expect(top[0].title).toContain('领导责任体系');
    const leadership = detail.sections.filter((s) => s.parentId === top[0].id).map((s) => `${s.number}${s.title}`);
    expect(leadership).toEqual([
      '（一）领导小组',
      '（二）领导小组办公室及4个工作组',
      '（三）10个推进专班',
      '（四）16个“包片联点”督导组',
    ]);
    for (const name of ['争先创优年', '案件质量提升年', '解放思想', '学习型法院', '8个方面38个问题', '6个难题']) {
      expect(
        top.some((s) => s.title.includes(name)),
        name,
      ).toBe(true);
    }
    const qinglianSections = (await h.ok('campaigns.get', { id: qinglian.id })).sections;
    expect(qinglianSections.filter((s) => s.depth === 0).map((s) => s.title.slice(0, 4))).toEqual([
      '稳步起航',
      '思想领航',
      '规矩导航',
      '氛围助航',
      '廉政护航',
      '实干远航',
    ]);

    // Every item is filled in like a real checklist.
    for (const item of all) {
      expect(item.leadLeader, item.title).not.toBe('');
      expect(item.departmentName, item.title).not.toBe('');
      expect(item.owner, item.title).not.toBe('');
      expect(item.deadline, item.title).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const count = (pred: (i: ItemRow) => boolean) => all.filter(pred).length;
    expect(count((i) => i.kind === 'mandatory')).toBeGreaterThan(10);
    expect(count((i) => i.kind === 'own')).toBeGreaterThan(10);
    expect(count((i) => i.frequency === 'monthly')).toBeGreaterThan(3);
    expect(count((i) => i.frequency === 'quarterly')).toBeGreaterThan(3);

    // The mix of states and lights.
    const nengliItems = items.get(NENGLI_TITLE)!;
    for (const list of [nengliItems, items.get(QINGLIAN_TITLE)!]) {
      for (const light of ['red', 'yellow', 'green'] as const)
        expect(
          list.some((i) => i.light === light),
          light,
        ).toBe(true);
      for (const status of ['signed_off', 'completed', 'in_progress', 'not_started', 'returned'] as const) {
        expect(
          list.some((i) => i.status === status),
          status,
        ).toBe(true);
      }
      expect(list.some((i) => i.completedLate)).toBe(true);
    }
    expect(count((i) => i.status === 'signed_off')).toBeGreaterThanOrEqual(15);
    expect(count((i) => i.light === 'red')).toBeGreaterThanOrEqual(5);
    expect(count((i) => i.light === 'yellow')).toBeGreaterThanOrEqual(3);
    expect(count((i) => i.completedLate)).toBeGreaterThanOrEqual(3);
    expect(count((i) => i.noteCount >= 2)).toBeGreaterThan(40);

    // Figures agree with the rows.
    const progress = await h.ok('stats.campaignProgress', { campaignId: nengli.id });
    expect(progress.overall.total).toBe(nengliItems.length);
    expect(progress.overall.signedOff).toBe(nengliItems.filter((i) => i.status === 'signed_off').length);
    expect(progress.overall.overdue).toBe(nengliItems.filter((i) => i.light === 'red').length);
    expect(progress.overall.yellow).toBe(nengliItems.filter((i) => i.light === 'yellow').length);
    expect(progress.overall.percentDone).toBeGreaterThan(20);
    expect(progress.overall.percentDone).toBeLessThan(80);
    expect(progress.byDepartment.length).toBeGreaterThan(5);
    expect(nengli.figures).toMatchObject({ total: progress.overall.total, done: progress.overall.done });

    // Organisation.
    const departments = await h.ok('departments.list');
    for (const name of [
      '立案庭',
      '刑事审判庭',
      '民事审判第一庭',
      '执行局',
      '审判管理办公室',
      '政治部',
      '办公室',
      '研究室',
      '纪检监察室',
    ]) {
      expect(
        departments.some((d) => d.name === name),
        name,
      ).toBe(true);
    }
    const people = await h.ok('people.list');
    expect(people.some((p) => p.title.includes('院长') && !p.title.includes('副'))).toBe(true);
    expect(people.filter((p) => p.title.includes('副院长')).length).toBeGreaterThanOrEqual(2);
    expect(people.some((p) => p.title.includes('审核人'))).toBe(true);

    expect(await h.ok('audit.verify')).toMatchObject({ ok: true, problems: [] });
  });

  it('keeps dated history that fits the states: notes, completion, sign-off and return', async () => {
    const { h, campaigns, all } = await loadedDemo();
    const today = '2026-11-24';
    const starts = new Map(campaigns.map((c) => [c.id, c.startDate!]));
    let withHistory = 0;
    for (const row of all) {
      const item = await h.ok('items.get', { id: row.id });
      const start = starts.get(item.campaignId)!;
      for (const note of item.notes) {
        expect(note.noteDate <= today, `${item.title} ${note.noteDate}`).toBe(true);
        expect(note.noteDate >= start, `${item.title} ${note.noteDate}`).toBe(true);
        expect(note.text).not.toMatch(/\{|\}/);
      }
      // Notes come back newest first; percentages never go down over time.
      const percents = item.notes
        .map((n) => n.percent)
        .filter((p): p is number => p !== null)
        .reverse();
      expect(percents, item.title).toEqual([...percents].sort((a, b) => a - b));
      if (item.notes.length >= 2) withHistory += 1;

      if (item.status === 'completed' || item.status === 'signed_off') {
        expect(item.percent).toBe(100);
        expect(item.completedAt, item.title).toBeTruthy();
        expect(item.completedLate).toBe(item.completedAt!.slice(0, 10) > item.deadline!);
        expect(item.completedAt!.slice(0, 10) < today).toBe(true);
        expect(item.light).toBe('green');
      } else {
        expect(item.completedAt).toBeNull();
        expect(item.completedLate).toBe(false);
      }
      if (item.status === 'not_started') {
        expect(item.notes).toHaveLength(0);
        expect(item.percent).toBe(0);
      }
      if (item.status === 'in_progress') {
        expect(item.notes.length).toBeGreaterThan(0);
        expect(item.percent).toBe(item.notes[0].percent);
      }
      // signoffs come back newest first
      const latest = item.signoffs[0];
      if (item.status === 'signed_off') {
        expect(latest.decision).toBe('approved');
        expect(latest.decidedAt.slice(0, 10) >= item.completedAt!.slice(0, 10)).toBe(true);
        expect(latest.decidedAt.slice(0, 10) <= today).toBe(true);
        expect(latest.reviewer).not.toBe('');
      } else if (item.status === 'returned') {
        expect(latest.decision).toBe('returned');
        expect(latest.opinion.length).toBeGreaterThan(10);
      } else {
        expect(item.signoffs).toHaveLength(0);
      }
      if (item.frequency !== 'once' && item.status === 'in_progress') {
        expect(item.deadline! >= today).toBe(true);
      }
    }
    expect(withHistory).toBeGreaterThan(40);

    // One item was sent back once, redone, and then signed off: both decisions are kept.
    const reworked = [];
    for (const row of all.filter((i) => i.status === 'signed_off')) {
      const item = await h.ok('items.get', { id: row.id });
      if (item.signoffs.some((s) => s.decision === 'returned')) reworked.push(item);
    }
    expect(reworked.length).toBeGreaterThanOrEqual(1);
    expect(reworked[0].signoffs.map((s) => s.decision)).toEqual(['approved', 'returned']);

    // The returned self-inspection forms carry the reviewer's reason.
    const forms = all.find((i) => i.title.includes('查摆报告表') && i.status === 'returned');
    expect(forms).toBeTruthy();
    const formsDetail = await h.ok('items.get', { id: forms!.id });
    expect(formsDetail.signoffs[0].opinion).toContain('避重就轻');
    expect(formsDetail.light).toBe('red');

    // The demo items are ordinary items: a clerk can carry on with them.
    const waiting = all.find((i) => i.status === 'completed')!;
    const signed = await h.ok('items.signOff', { id: waiting.id, version: waiting.version, opinion: '同意销号。' });
    expect(signed.status).toBe('signed_off');
    const search = await h.ok('items.search', { campaignId: forms!.campaignId, query: '查摆报告表' });
    expect(search.ids).toContain(forms!.id);
  });

  it('backs finished items with evidence files stored in the data folder', async () => {
    const { h, all } = await loadedDemo();
    const finished = all.filter((i) => i.status === 'signed_off' || i.status === 'completed');
    for (const item of finished) expect(item.evidenceCount, item.title).toBeGreaterThanOrEqual(1);
    expect(finished.some((i) => i.evidenceCount === 2)).toBe(true);
    for (const item of all.filter((i) => i.status === 'in_progress' || i.status === 'not_started'))
      expect(item.evidenceCount).toBe(0);
    const sentBack = all.filter((i) => i.status === 'returned');
    for (const item of sentBack) expect(item.evidenceCount).toBe(1);

    const detail = await h.ok('items.get', { id: finished.find((i) => i.evidenceCount === 2)!.id });
    expect(detail.evidence.map((e) => e.mimeType).sort()).toEqual(['text/csv', 'text/plain']);
    for (const file of detail.evidence) {
      const bytes = fs.readFileSync(blobPath(h.dataDir, file.sha256));
      expect(bytes.length).toBe(file.size);
      expect(crypto.createHash('sha256').update(bytes).digest('hex')).toBe(file.sha256);
      expect(file.originalName).toMatch(/\.(txt|csv)$/);
      expect(bytes.toString('utf8')).toContain(detail.notes[0].text);
    }
    expect(await h.ok('evidence.open', { id: detail.evidence[0].id })).toEqual({ opened: true });
    expect(h.opened).toHaveLength(1);
    expect(fs.readFileSync(h.opened[0])).toEqual(fs.readFileSync(blobPath(h.dataDir, detail.evidence[0].sha256)));
  });

  it('gives the same content for the same day (only row ids differ)', async () => {
    const project = (all: ItemRow[]) =>
      all.map((i) => [
        i.title,
        i.number,
        i.kind,
        i.leadLeader,
        i.departmentName,
        i.owner,
        i.deadline,
        i.frequency,
        i.status,
        i.percent,
        i.light,
        i.completedLate,
        i.completedAt,
        i.noteCount,
        i.evidenceCount,
      ]);
    const first = await loadedDemo();
    const second = await loadedDemo();
    expect(project(second.all)).toEqual(project(first.all));
    expect(second.campaigns.map((c) => [c.title, c.startDate, c.endDate, c.year])).toEqual(
      first.campaigns.map((c) => [c.title, c.startDate, c.endDate, c.year]),
    );
  });

  it.each(['2026-01-31', '2026-02-28', '2026-06-30', '2026-12-31', '2027-03-01'])(
    'fits any day it is loaded on (%s)',
    async (day) => {
      const { h, campaigns, all } = await loadedDemo(`${day}T09:00:00+08:00`);
      expect(campaigns).toHaveLength(3);
      for (const light of ['red', 'yellow', 'green'] as const)
        expect(
          all.some((i) => i.light === light),
          light,
        ).toBe(true);
      for (const c of campaigns) {
        expect(c.startDate! < day && c.endDate! > day, c.title).toBe(true);
        for (const item of all.filter((i) => i.campaignId === c.id)) {
          expect(item.deadline! >= c.startDate! && item.deadline! <= c.endDate!, `${item.title} ${item.deadline}`).toBe(
            true,
          );
          if (item.completedAt) expect(item.completedAt.slice(0, 10) < day).toBe(true);
        }
      }
      const sample = await h.ok('items.get', {
        id: all.find((i) => i.frequency === 'monthly' && i.noteCount >= 2)!.id,
      });
      expect(sample.notes.every((n) => n.noteDate <= day)).toBe(true);
      expect((await h.ok('audit.verify')).ok).toBe(true);
    },
  );

  it('names the high court as issuer, or this court when it is itself the high court', async () => {
    const { campaigns } = await loadedDemo(undefined, {
      name: '黑龙江省高级人民法院',
      code: 'J00',
      level: 'high',
      parentCode: '',
      parentName: '',
    });
    expect(byTitle(campaigns, NENGLI_TITLE)).toMatchObject({
      issuingCourtCode: 'J00',
      issuingCourtName: '黑龙江省高级人民法院',
      origin: 'J00',
    });
  });
});

describe('demo job', () => {
  it('cancelled right after it starts leaves nothing behind', async () => {
    const { h, jobId } = await harnessAt();
    const cancelled = await h.ok('jobs.cancel', { jobId });
    expect(cancelled.state).toBe('running');
    const job = await h.services.ctx.jobs.waitFor(jobId);
    expect(job?.state).toBe('cancelled');
    expect(job?.message).toContain('没有写入任何数据');
    expect(await h.ok('campaigns.list')).toEqual([]);
    expect(await h.ok('departments.list')).toEqual([]);
    expect(await h.ok('people.list')).toEqual([]);
    const audit = await h.ok('audit.list', { limit: 500 });
    // Only the setup itself: the court profile, the first account and its log-in.
    expect(new Set(audit.map((e) => e.tableName))).toEqual(new Set(['courts', 'users']));
    expect((await h.ok('audit.verify')).ok).toBe(true);
  });

  it('cancelled half-way, after progress was reported, also leaves nothing behind', async () => {
    const h = await openHarness();
    open.push(h);
    await h.ok('court.setup', basicSetup);
    const { jobId } = await h.ok('demo.start');
    // Polled straight from the registry, every millisecond: the job runs in a worker thread and
    // goes on while this one waits, so a slower poll could miss the middle of it.
    let status = h.services.ctx.jobs.get(jobId)!;
    for (const deadline = Date.now() + 60_000; status.state === 'running' && status.done < 20;) {
      expect(Date.now()).toBeLessThan(deadline);
      await pause(1);
      status = h.services.ctx.jobs.get(jobId)!;
    }
    expect(status.state).toBe('running');
    expect(status.done).toBeGreaterThanOrEqual(20);
    expect(status.total).toBeGreaterThan(status.done);
    expect(status.message).toMatch(/正在写入/);
    h.services.ctx.jobs.cancel(jobId);
    expect((await h.services.ctx.jobs.waitFor(jobId))?.state).toBe('cancelled');
    expect(await h.ok('campaigns.list')).toEqual([]);
    expect(await h.ok('departments.list')).toEqual([]);
    const counter = h.services.ctx.sqlite.prepare('SELECT value FROM change_counter').get() as { value: number };
    expect(counter.value).toBe(1);
    expect(h.services.ctx.sqlite.prepare('SELECT count(*) AS n FROM evidence_blobs').get()).toEqual({ n: 0 });
    expect((await h.ok('audit.verify')).ok).toBe(true);
    // And a later load still works.
    const again = await h.ok('demo.start');
    expect((await h.services.ctx.jobs.waitFor(again.jobId))?.state).toBe('done');
    expect(await h.ok('campaigns.list')).toHaveLength(3);
  });

  it('refuses to load the demo a second time, in Chinese, and changes nothing', async () => {
    const { h, campaigns } = await loadedDemo();
    const before = h.services.ctx.sqlite.prepare('SELECT value FROM change_counter').get();
    const second = await h.call('demo.start');
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(second.code).toBe('E_DEMO_LOADED');
    expect(second.message).toContain('示例数据已经载入过');
    expect(second.message).toContain(NENGLI_TITLE);
    expect(h.services.ctx.sqlite.prepare('SELECT value FROM change_counter').get()).toEqual(before);
    expect(await h.ok('campaigns.list')).toHaveLength(3);

    // Once the demo campaigns are deleted it may be loaded again; departments are reused, not doubled.
    for (const c of campaigns) await h.ok('campaigns.delete', { id: c.id, version: c.version });
    const departmentsBefore = await h.ok('departments.list');
    const blobs = () => h.services.ctx.sqlite.prepare('SELECT count(*) AS n FROM evidence_blobs').get();
    const blobsBefore = blobs();
    const again = await h.ok('demo.start');
    expect((await h.services.ctx.jobs.waitFor(again.jobId))?.state).toBe('done');
    expect(await h.ok('campaigns.list')).toHaveLength(3);
    expect((await h.ok('departments.list')).map((d) => d.id)).toEqual(departmentsBefore.map((d) => d.id));
    // Same day, same evidence content: each file is stored once.
    expect(blobs()).toEqual(blobsBefore);
  });

  it('refuses a second start while the first is still running, and two quick starts never load twice', async () => {
    const h = await openHarness();
    open.push(h);
    await h.ok('court.setup', basicSetup);
    const first = await h.ok('demo.start');
    const second = await h.call('demo.start');
    expect(second).toMatchObject({ ok: false, code: 'E_DEMO_RUNNING' });
    expect((await h.services.ctx.jobs.waitFor(first.jobId))?.state).toBe('done');
    expect(await h.ok('campaigns.list')).toHaveLength(3);
  });

  it('keeps the clerk’s own departments and adds the rest', async () => {
    const h = await openHarness();
    open.push(h);
    await h.ok('court.setup', basicSetup);
    const own = await h.ok('departments.create', { name: '执行局' });
    const { jobId } = await h.ok('demo.start');
    expect((await h.services.ctx.jobs.waitFor(jobId))?.state).toBe('done');
    const departments = await h.ok('departments.list');
    expect(departments.filter((d) => d.name === '执行局')).toEqual([own]);
    const nengli = (await h.ok('campaigns.list')).find((c) => c.title === NENGLI_TITLE)!;
    const items = await h.ok('items.list', { campaignId: nengli.id });
    expect(items.some((i) => i.departmentId === own.id)).toBe(true);
  });

  it("loads at a high court that already holds a subordinate's copies of the demo campaigns", async () => {
    // A basic court under the high court loads the demo and reports up: the high court then holds
    // three campaigns with the demo's titles, owned by the basic court.
    const { h: basic } = await loadedDemo();
    const folder = outFolder();
    const up = await exportReportUp(await engineCtx(basic), { folder, full: false });
    const high = await openSyncCourt(HIGH);
    open.push(high);
    // A court not yet on the high court's roster: accepted onto it, as a person would.
    await importBundle(await engineCtx(high), {
      file: up.filePath,
      dryRun: false,
      trust: [await courtFingerprint(await engineCtx(basic))],
      addToRoster: [basicCourt.code],
    });
    const held = () =>
      high.services.ctx.sqlite
        .prepare('SELECT origin, count(*) AS n FROM campaigns WHERE deleted_at IS NULL GROUP BY origin ORDER BY origin')
        .all();
    expect(held()).toEqual([{ origin: basicCourt.code, n: 3 }]);

    // Its own demo is not "already loaded": only its own campaigns count.
    const { jobId } = await high.ok('demo.start');
    const job = await high.services.ctx.jobs.waitFor(jobId);
    expect(job?.error ?? null).toBeNull();
    expect(job?.state).toBe('done');
    expect(held()).toEqual([
      { origin: HIGH.code, n: 3 },
      { origin: basicCourt.code, n: 3 },
    ]);
    // A second load is still refused: now its own demo campaigns are here.
    const again = await high.call('demo.start');
    expect(again).toMatchObject({ ok: false, code: 'E_DEMO_LOADED' });
  });
});
