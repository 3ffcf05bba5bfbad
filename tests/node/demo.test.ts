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
import { courtFingerprint, importBundle, publishCampaign } from '../../src/main/sync/syncService';
import { engineCtx, HIGH, INTERMEDIATE, openSyncCourt, outFolder } from './sync/syncFixtures';

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

    // People by rank (职务), then by the pinyin of the name, as the API returns them.
    expect(people.slice(0, 4).map((p) => p.name)).toEqual(['陈立华', '王建军', '刘晓梅', '赵国强']);

    expect(await h.ok('audit.verify')).toMatchObject({ ok: true, problems: [] });
  });

  it('imports the campaigns a higher court issues as a real package: its 规定动作 are read-only copies', async () => {
    const { h, campaigns, items } = await loadedDemo();
    const nengli = byTitle(campaigns, NENGLI_TITLE);
    const zhixing = byTitle(campaigns, ZHIXING_TITLE);
    const qinglian = byTitle(campaigns, QINGLIAN_TITLE);
    // Issued by the demo superior: its rows, received through its packages.
    for (const issued of [nengli, zhixing]) {
      expect(issued).toMatchObject({
        origin: 'J00',
        issuingCourtCode: 'J00',
        issuingCourtName: '黑龙江省高级人民法院',
      });
      const list = items.get(issued.title)!;
      const mandatory = list.filter((i) => i.kind === 'mandatory');
      expect(mandatory.length).toBeGreaterThan(0);
      for (const item of mandatory) {
        expect(item.sourceItemId, item.title).toBeTruthy();
        expect(item.origin, item.title).toBe(basicCourt.code);
      }
      // The court's own additions (自选动作) stay its own rows, not copies.
      for (const item of list.filter((i) => i.kind === 'own')) expect(item.sourceItemId, item.title).toBeNull();
    }
    expect(items.get(NENGLI_TITLE)!.some((i) => i.kind === 'own')).toBe(true);
    expect(qinglian.origin).toBe(basicCourt.code);
    expect(items.get(QINGLIAN_TITLE)!.every((i) => i.sourceItemId === null)).toBe(true);
    // The lights still show the whole mix on the issued campaign.
    for (const light of ['red', 'yellow', 'green'] as const)
      expect(
        items.get(NENGLI_TITLE)!.some((i) => i.light === light),
        light,
      ).toBe(true);
    expect(items.get(NENGLI_TITLE)!.some((i) => i.sourceItemId && i.wasRed)).toBe(true);

    // The superior is known and trusted like a real parent, and each package left its receipt.
    const sqlite = h.services.ctx.sqlite;
    expect(
      sqlite.prepare("SELECT code, relation, fingerprint FROM sync_courts WHERE code = 'J00'").get(),
    ).toMatchObject({
      code: 'J00',
      relation: 'superior',
      fingerprint: expect.stringMatching(/^\d{5}( \d{5}){7}$/),
    });
    // Two campaigns published, then the first again with the 通报 (broadcast) and the 督办单 (sealed here).
    expect(sqlite.prepare("SELECT count(*) AS n FROM package_receipts WHERE source_code = 'J00'").get()).toEqual({
      n: 3,
    });
    expect(
      sqlite
        .prepare(
          "SELECT target_code AS target, count(*) AS n FROM sync_received WHERE source_code = 'J00' AND kind = 'package_down' GROUP BY target_code ORDER BY target_code",
        )
        .all(),
    ).toEqual([
      { target: '*', n: 3 },
      { target: basicCourt.code, n: 1 },
    ]);

    // A 填报人 may not move a 规定动作's deadline (nor may anyone here): it came with the package.
    const open = items
      .get(NENGLI_TITLE)!
      .find((i) => i.sourceItemId && i.status === 'in_progress' && i.departmentId && i.deadline)!;
    expect(open).toBeTruthy();
    await h.addUser({ username: 'tianbao', displayName: '填报员', roles: ['filer'], departmentId: open.departmentId });
    const detail = await h.ok('items.get', { id: open.id });
    const moved = new Date(Date.parse(`${detail.deadline}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
    const input = {
      id: detail.id,
      version: detail.version,
      sectionId: detail.sectionId,
      title: detail.title,
      content: detail.content,
      kind: detail.kind,
      leadLeader: detail.leadLeader,
      departmentId: detail.departmentId,
      owner: detail.owner,
      deadline: moved,
      frequency: detail.frequency,
      percent: detail.percent,
      deadlineReason: '工作量大，需要延期。',
    };
    for (const caller of [h.as('tianbao'), h]) {
      const refused = await caller.call('items.update', input);
      expect(refused).toMatchObject({ ok: false, code: 'E_READ_ONLY' });
    }
    expect((await h.ok('items.get', { id: open.id })).deadline).toBe(detail.deadline);
    expect(await h.ok('audit.verify')).toMatchObject({ ok: true, problems: [] });
  });

  it('receives the superior’s 督办单 (a red 催办 already signed for, a blue 提醒 not yet) and its 通报 through its packages', async () => {
    const { h, campaigns, items } = await loadedDemo();
    const nengli = byTitle(campaigns, NENGLI_TITLE);
    const orders = await h.ok('orders.list', {});
    expect(orders.map((o) => [o.kind, o.colour, o.state, o.relation, o.origin])).toEqual(
      expect.arrayContaining([
        ['urge', 'red', 'signed', 'received', 'J00'],
        ['remind', 'blue', 'unsigned', 'received', 'J00'],
      ]),
    );
    expect(orders).toHaveLength(2);
    const red = orders.find((o) => o.colour === 'red')!;
    const blue = orders.find((o) => o.colour === 'blue')!;
    for (const order of orders) {
      expect(order.campaignId).toBe(nengli.id);
      expect(order.courtCode).toBe(basicCourt.code);
      expect(order.docNumber).toMatch(/^黑高法督〔2026〕\d+号$/);
      // About ten days after the demo's today (2026-11-24).
      expect(order.replyDue).toBe('2026-12-04');
      expect(order.overdue).toBe(false);
    }
    // The red one concerns two of the court's own overdue items, the blue one an item due soon.
    const own = new Map(items.get(NENGLI_TITLE)!.map((i) => [i.id, i]));
    expect(red.items).toHaveLength(2);
    for (const item of red.items) {
      expect(own.get(item.id)?.origin).toBe(basicCourt.code);
      expect(own.get(item.id)?.light).toBe('red');
    }
    expect(blue.items).toHaveLength(1);
    expect(own.get(blue.items[0].id)?.deadline ?? '').toMatch(/^2026-(11-(2[4-9]|30)|12-0[1-4])$/);
    // The 签收 is this court's own row; the orders are the superior's.
    expect(red.signedBy).toBeTruthy();
    const sqlite = h.services.ctx.sqlite;
    expect(sqlite.prepare('SELECT origin, kind FROM order_responses').all()).toEqual([
      { origin: basicCourt.code, kind: 'sign' },
    ]);
    // Waiting on the administrator: the blue one to sign for, the red one to answer.
    const tasks = await h.ok('orders.tasks');
    expect(tasks.map((t) => [t.task, t.order.colour]).sort()).toEqual([
      ['reply', 'red'],
      ['sign', 'blue'],
    ]);
    // The 情况通报, issued, names this court critically: on 本院挂图 and in the 督办通报 tab.
    const notices = await h.ok('notices.list', { campaignId: nengli.id });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      kind: 'situation',
      status: 'issued',
      relation: 'received',
      origin: 'J00',
      namedCourts: [{ code: basicCourt.code, name: basicCourt.name, stance: 'criticism' }],
    });
    expect(notices[0].body).toContain(basicCourt.name);
    expect((await h.ok('notices.aboutUs')).map((n) => n.id)).toEqual([notices[0].id]);
    expect(await h.ok('audit.verify')).toMatchObject({ ok: true, problems: [] });
  });

  it('links the accounts to their people, so the clerk can file her own 查摆报告', async () => {
    const { h, campaigns } = await loadedDemo();
    const people = await h.ok('people.list');
    const [admin] = await h.ok('users.list');
    expect(admin.personId).toBeTruthy();
    const person = people.find((p) => p.id === admin.personId)!;
    expect(person.name).toBe(admin.displayName);
    // A new account is linked to the person of its name, or gets one made for it.
    const head = people.find((p) => p.name === '郑雪')!;
    const zheng = await h.addUser({
      username: 'zhengxue',
      displayName: '郑雪',
      roles: ['filer'],
      departmentId: head.departmentId,
    });
    expect(zheng.personId).toBe(head.id);
    const newcomer = await h.addUser({
      username: 'xinren',
      displayName: '新同事',
      roles: ['filer'],
      departmentId: head.departmentId,
    });
    const made = (await h.ok('people.list')).find((p) => p.id === newcomer.personId)!;
    expect(made).toMatchObject({ name: '新同事', departmentId: head.departmentId });
    // The filer files a person-scope 查摆报告 for herself.
    const nengli = byTitle(campaigns, NENGLI_TITLE);
    const report = await h
      .as('xinren')
      .ok('inspection.create', { campaignId: nengli.id, scope: 'person', personId: made.id });
    expect(report).toMatchObject({ personId: made.id });
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

    // The titles carry their own quotation marks: not wrapped in a second pair.
    expect(second.message).not.toContain('““');
    expect(second.message).not.toContain('””');

    // The court's own demo campaign can be deleted; the issued ones cannot (they came in a
    // package), and they still count as loaded.
    const own = campaigns.find((c) => c.title === QINGLIAN_TITLE)!;
    await h.ok('campaigns.delete', { id: own.id, version: own.version });
    const issued = campaigns.find((c) => c.title === NENGLI_TITLE)!;
    expect(await h.call('campaigns.delete', { id: issued.id, version: issued.version })).toMatchObject({
      ok: false,
      code: 'E_NOT_OWNER',
    });
    const third = await h.call('demo.start');
    expect(third).toMatchObject({ ok: false, code: 'E_DEMO_LOADED' });
    if (!third.ok) expect(third.message).not.toContain(QINGLIAN_TITLE);
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

  it("loads at a court that already holds its real superior's copies of the demo campaigns", async () => {
    // The high court loads the demo (its own campaigns: it issues them) and publishes them; the
    // intermediate court below it imports them: it then holds three campaigns with the demo's
    // titles, owned by the high court.
    const high = await openSyncCourt(HIGH);
    open.push(high);
    const first = await high.ok('demo.start');
    expect((await high.services.ctx.jobs.waitFor(first.jobId))?.state).toBe('done');
    const middle = await openSyncCourt(INTERMEDIATE);
    open.push(middle);
    const folder = outFolder();
    const trust = [await courtFingerprint(await engineCtx(high))];
    for (const campaign of await high.ok('campaigns.list')) {
      const pkg = await publishCampaign(await engineCtx(high), { campaignId: campaign.id, folder });
      await importBundle(await engineCtx(middle), { file: pkg.filePath, dryRun: false, trust });
    }
    const held = () =>
      middle.services.ctx.sqlite
        .prepare('SELECT origin, count(*) AS n FROM campaigns WHERE deleted_at IS NULL GROUP BY origin ORDER BY origin')
        .all();
    expect(held()).toEqual([{ origin: HIGH.code, n: 3 }]);

    // Its own demo is not "already loaded": only its own and the demo superior's campaigns count.
    const { jobId } = await middle.ok('demo.start');
    const job = await middle.services.ctx.jobs.waitFor(jobId);
    expect(job?.error ?? null).toBeNull();
    expect(job?.state).toBe('done');
    expect(held()).toEqual([
      { origin: 'J00', n: 2 },
      { origin: HIGH.code, n: 3 },
      { origin: INTERMEDIATE.code, n: 1 },
    ]);
    // A second load is still refused: now the demo campaigns are here.
    const again = await middle.call('demo.start');
    expect(again).toMatchObject({ ok: false, code: 'E_DEMO_LOADED' });
  });
});
