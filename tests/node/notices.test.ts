// 通报 (notices) with real courts in temp folders: a high court with a roster (an intermediate
// court and two basic courts under it, one merged away), their items as their reports up leave
// them; drafts pre-filled from the figures (checked against boards.province), the jurisdiction
// rule, ownership and states, the 文号 counter, repeated criticism, aboutUs at the court named;
// and the 公文 itself: printed through reports.export to PDF (A4 portrait, GB/T 9704 margins,
// “— 1 —” at the outer corner) and saved as Word (margins, grid, fonts, odd/even footers).
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobStatus, NamedCourt, Notice, ReportFile } from '../../src/shared/model';
import { ADMIN, openHarness, tempDir, type Harness } from './harness';
import { HIGH, INTERMEDIATE } from './sync/syncFixtures';
import { readZipEntries } from './zipEntries';
import { runCli } from './cliProcess';
import { expectFailure } from './apiCases/shared';

const ROOT = path.resolve(__dirname, '..', '..');
const ARTIFACTS = path.join(ROOT, 'artifacts');
const open: Harness[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.close()));
});

const NEHE = { code: 'J230202', name: '讷河市人民法院' };
const LONGJIANG = { code: 'J230201', name: '龙江县人民法院' };
const STAMP = '2026-11-20T09:00:00+08:00';

/** A court's item as its report up leaves it at the high court. */
function insertItems(
  h: Harness,
  campaignId: string,
  sectionId: string,
  origin: string,
  items: Array<{ status: string; deadline: string }>,
) {
  const insert = h.services.ctx.sqlite.prepare(
    'INSERT INTO items (id, origin, version, change_seq, created_at, updated_at, campaign_id, section_id, sort_order, title, status, deadline) VALUES (?, ?, 1, 5, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  items.forEach((item, index) => {
    const id = `0190f0e4-0000-7000-8000-${origin.padStart(8, '0')}${String(index).padStart(4, '0')}`;
    insert.run(
      id,
      origin,
      STAMP,
      STAMP,
      campaignId,
      sectionId,
      (index + 1) * 1024,
      `事项${index + 1}`,
      item.status,
      item.deadline,
    );
  });
}

/** The high court J23 with its roster and three subordinates' items; the clock at 2026-11-24. */
async function province() {
  const h = await openHarness();
  open.push(h);
  await h.ok('court.setup', { profile: HIGH, admin: ADMIN });
  const campaign = await h.ok('campaigns.create', {
    title: '能力作风建设年',
    year: 2026,
    startDate: '2026-03-01',
    endDate: '2026-12-31',
  });
  const detail = await h.ok('sections.create', { campaignId: campaign.id, title: '争先创优' });
  const sectionId = detail.sections[0].id;
  await h.ok('roster.add', { code: 'J2302', name: INTERMEDIATE.name, level: 'intermediate', parentCode: 'J23' });
  await h.ok('roster.add', { ...LONGJIANG, level: 'basic', parentCode: 'J2302' });
  await h.ok('roster.add', { ...NEHE, level: 'basic', parentCode: 'J2302' });
  const merged = await h.ok('roster.add', {
    code: 'J230209',
    name: '富裕县人民法院',
    level: 'basic',
    parentCode: 'J2302',
  });
  await h.ok('roster.merge', {
    id: merged.id,
    version: merged.version,
    into: LONGJIANG.code,
    mergedAt: '2026-06-30',
  } as never);
  const sync = h.services.ctx.sqlite.prepare(
    "INSERT INTO sync_courts (code, name, level, parent_code, sign_key, box_key, fingerprint, relation, trusted_at, trusted_by, last_seq, last_bundle_at) VALUES (?, ?, ?, ?, 'k', 'k', ?, 'subordinate', ?, '李处长（admin）', 1, ?)",
  );
  sync.run('J2302', INTERMEDIATE.name, 'intermediate', 'J23', '1'.repeat(40), STAMP, STAMP);
  sync.run(LONGJIANG.code, LONGJIANG.name, 'basic', 'J2302', '2'.repeat(40), STAMP, STAMP);
  sync.run(NEHE.code, NEHE.name, 'basic', 'J2302', '3'.repeat(40), STAMP, STAMP);
  const done = { status: 'completed', deadline: '2026-10-31' };
  const late = { status: 'in_progress', deadline: '2026-10-31' };
  const open_ = { status: 'in_progress', deadline: '2026-12-31' };
  insertItems(h, campaign.id, sectionId, LONGJIANG.code, [done, done, done, open_]);
  insertItems(h, campaign.id, sectionId, NEHE.code, [done, late, late, late]);
  insertItems(h, campaign.id, sectionId, 'J2302', [done, open_]);
  return { h, campaign };
}

const criticise = (court: { code: string }) => ({ code: court.code, stance: 'criticism' as const });

async function draft(
  h: Harness,
  campaignId: string,
  named: Array<{ code: string; stance: NamedCourt['stance'] }> = [criticise(NEHE)],
  kind: Notice['kind'] = 'criticism',
) {
  return h.ok('notices.draft', { campaignId, kind, namedCourts: named });
}

const rate = (r: number | null) => `${Math.round((r ?? 0) * 1000) / 10}%`;

describe('notices.draft', () => {
  it('pre-fills title, 主送, 落款, dates and a body whose figures are the board’s', async () => {
    const { h, campaign } = await province();
    const board = await h.ok('boards.province', { campaignId: campaign.id });
    const notice = await draft(h, campaign.id);
    expect(notice).toMatchObject({
      kind: 'criticism',
      status: 'draft',
      docNumber: '',
      relation: 'own',
      origin: 'J23',
      originName: HIGH.name,
      campaignTitle: '能力作风建设年',
      title: '关于对讷河市人民法院“能力作风建设年”工作进展滞后情况的通报',
      addressees: '各中级人民法院，本院各部门',
      issuerName: HIGH.name,
      signedDate: '2026-11-24',
      periodFrom: '2026-03-01',
      periodTo: '2026-11-24',
      namedCourts: [{ code: NEHE.code, name: NEHE.name, stance: 'criticism' }],
      criticismCounts: { [NEHE.code]: 1 },
      draftedBy: '李处长',
    });
    const t = board.total.totals;
    expect(t).toMatchObject({ total: 10, completed: 5, overdue: 3 });
    const body = notice.body;
    expect(body).toContain(
      `全省法院共有推进事项${t.total}项，已完成${t.completed}项，完成率${rate(t.completionRate)}；逾期未完成${t.overdue}项`,
    );
    expect(body).toContain('完成率50%');
    // Headings 一、二、… each on a line of its own; 3–5 parts of prose besides.
    const lines = body.split('\n');
    expect(lines.filter((line) => /^[一二三四五六七]、/.test(line)).map((line) => line.slice(0, 2))).toEqual([
      '一、',
      '二、',
      '三、',
      '四、',
      '五、',
    ]);
    expect(lines[0]).toMatch(/现将有关情况通报如下：$/);
    // Ahead and behind, by name with their own figures (the board's rows).
    const nehe = board.courts.find((c) => c.code === NEHE.code)!;
    const longjiang = board.courts.find((c) => c.code === LONGJIANG.code)!;
    expect(body).toContain(`推进较快的法院：${LONGJIANG.name}（完成率${rate(longjiang.totals.completionRate)}`);
    expect(body).toMatch(new RegExp(`推进较慢的法院：${NEHE.name}（完成率25%，已完成1项/共4项，逾期未完成3项）`));
    expect(nehe.totals.overdue).toBe(3);
    // Reporting rate of the current period, orders, and the criticism count.
    expect(body).toContain(
      '本期（2026年11月1日至2026年11月30日）进度应于2026年12月5日前报送，报送期限尚未截止，应报送的3个法院目前均未报送。',
    );
    expect(body).toContain('尚未向全省法院发出督办单');
    expect(body).toContain(`${NEHE.name}完成率25%，已完成1项/共4项，逾期未完成3项（本专项活动中第 1 次被通报批评）`);
    expect(body).toMatch(/限期整改到位，并于12月9日前将整改情况书面报送黑龙江省高级人民法院/);

    // The other kinds: their own titles and closing requirements.
    const praise = await draft(h, campaign.id, [{ code: LONGJIANG.code, stance: 'praise' }], 'praise');
    expect(praise.title).toBe('关于表扬龙江县人民法院“能力作风建设年”工作成效突出的通报');
    expect(praise.body).toContain('予以通报表扬');
    expect(praise.body).not.toContain('被通报批评');
    const situation = await draft(h, campaign.id, [], 'situation');
    expect(situation.title).toBe('关于“能力作风建设年”推进情况的通报');
    expect(situation.body).toContain('各级法院要对照本通报');
  });

  it('refuses a court outside the jurisdiction, a merged one, and a basic court drafting', async () => {
    const { h, campaign } = await province();
    const outside = expectFailure(
      await h.call('notices.draft', {
        campaignId: campaign.id,
        kind: 'criticism',
        namedCourts: [criticise({ code: 'J2401' })],
      }),
      'E_INVALID',
      /不在本院管辖范围内/,
    );
    expect(outside.fieldErrors?.namedCourts).toMatch(/J2401.*不在本院管辖范围内/);
    expect(outside.fieldErrors?.['namedCourts.0.code']).toMatch(/不在本院管辖范围内/);
    const merged = expectFailure(
      await h.call('notices.draft', {
        campaignId: campaign.id,
        kind: 'criticism',
        namedCourts: [criticise({ code: 'J230209' })],
      }),
      'E_INVALID',
      /富裕县人民法院已撤并/,
    );
    expect(merged.fieldErrors?.namedCourts).toMatch(/不在本院管辖范围内/);
    // This court itself is not below itself.
    expectFailure(
      await h.call('notices.draft', {
        campaignId: campaign.id,
        kind: 'criticism',
        namedCourts: [criticise({ code: 'J23' })],
      }),
      'E_INVALID',
      /不在本院管辖范围内/,
    );
    expect(await h.ok('notices.list', { campaignId: campaign.id })).toEqual([]);

    const basic = await openHarness();
    open.push(basic);
    await basic.ok('court.setup', {
      profile: {
        ...LONGJIANG,
        level: 'basic',
        parentCode: 'J2302',
        parentName: INTERMEDIATE.name,
        operatorName: '王书记员',
      },
      admin: ADMIN,
    });
    const c = await basic.ok('campaigns.create', { title: '能力作风建设年', year: 2026 });
    expectFailure(
      await basic.call('notices.draft', { campaignId: c.id, kind: 'situation' }),
      'E_FORBIDDEN',
      /基层法院/,
    );
  });
});

describe('saving, issuing and deleting', () => {
  it('keeps drafts editable by their court only, numbers issued ones per year and closes them', async () => {
    const { h, campaign } = await province();
    const first = await draft(h, campaign.id);
    const saved = await h.ok('notices.save', {
      id: first.id,
      version: first.version,
      kind: 'criticism',
      title: first.title,
      addressees: '各中级人民法院',
      body: `${first.body}\n（补充）请各中院督促辖区法院。`,
      issuerName: HIGH.name,
      signedDate: '2026-11-25',
      namedCourts: [criticise(NEHE)],
    });
    expect(saved).toMatchObject({ version: first.version + 1, addressees: '各中级人民法院', signedDate: '2026-11-25' });
    expect(saved.body).toContain('（补充）');
    // A stale version is refused; the outside-court rule holds on save too.
    const input = {
      id: first.id,
      version: first.version,
      kind: 'criticism' as const,
      title: '改标题',
      addressees: '各中级人民法院',
      body: '正文',
      issuerName: HIGH.name,
      signedDate: '2026-11-25',
      namedCourts: [criticise(NEHE)],
    };
    expectFailure(await h.call('notices.save', input), 'E_STALE');
    expectFailure(
      await h.call('notices.save', { ...input, version: saved.version, namedCourts: [criticise({ code: 'J2401' })] }),
      'E_INVALID',
      /不在本院管辖范围内/,
    );
    // A criticism notice must name someone critically before it is issued.
    const empty = await draft(h, campaign.id, []);
    expectFailure(await h.call('notices.issue', { id: empty.id, version: empty.version }), 'E_INVALID', /至少要点名/);

    const issued = await h.ok('notices.issue', { id: saved.id, version: saved.version });
    expect(issued).toMatchObject({
      status: 'issued',
      docNumber: '黑高法〔2026〕1号',
      issuedBy: '李处长',
      signedDate: '2026-11-25',
      criticismCounts: { [NEHE.code]: 1 },
    });
    expect(Date.parse(issued.issuedAt!)).toBe(Date.parse('2026-11-24T10:00:00+08:00'));
    expectFailure(
      await h.call('notices.save', { ...input, version: issued.version }),
      'E_CLOSED',
      /通报已发布，不能修改/,
    );
    expectFailure(await h.call('notices.delete', { id: issued.id, version: issued.version }), 'E_CLOSED', /通报已发布/);
    expectFailure(await h.call('notices.issue', { id: issued.id, version: issued.version }), 'E_CLOSED');

    // The counter: the next notice is 2号; a deleted draft never took a number.
    await h.ok('notices.delete', { id: empty.id, version: empty.version });
    expectFailure(await h.call('notices.get', { id: empty.id }), 'E_NOT_FOUND');
    const situation = await draft(h, campaign.id, [], 'situation');
    const second = await h.ok('notices.issue', { id: situation.id, version: situation.version });
    expect(second.docNumber).toBe('黑高法〔2026〕2号');

    // Every write is in the audit log under the notices table.
    const audit = await h.ok('audit.list', { limit: 50 });
    const ops = audit.filter((e) => e.tableName === 'notices').map((e) => e.operation);
    expect(ops).toEqual(expect.arrayContaining(['create', 'update', 'issue', 'delete']));
    expect(ops.filter((op) => op === 'issue')).toHaveLength(2);

    // Newest first; own ones whatever their state.
    const list = await h.ok('notices.list', { campaignId: campaign.id });
    expect(list.map((n) => n.id)).toEqual([situation.id, first.id]);
    expect(list.every((n) => n.relation === 'own')).toBe(true);
  });

  it('counts repeated criticism of a court: the second notice says 第 2 次', async () => {
    const { h, campaign } = await province();
    const one = await draft(h, campaign.id);
    await h.ok('notices.issue', { id: one.id, version: one.version });
    const two = await draft(h, campaign.id, [criticise(NEHE), criticise(LONGJIANG)]);
    expect(two.title).toBe('关于对讷河市人民法院等2个法院“能力作风建设年”工作进展滞后情况的通报');
    expect(two.body).toContain('（本专项活动中第 2 次被通报批评）');
    expect(two.body).toContain(`${LONGJIANG.name}完成率75%，已完成3项/共4项（本专项活动中第 1 次被通报批评）`);
    expect(two.criticismCounts).toEqual({ [NEHE.code]: 2, [LONGJIANG.code]: 1 });
    const issued = await h.ok('notices.issue', { id: two.id, version: two.version });
    expect(issued.criticismCounts).toEqual({ [NEHE.code]: 2, [LONGJIANG.code]: 1 });
    // The first one still counts only itself.
    expect((await h.ok('notices.get', { id: one.id })).criticismCounts).toEqual({ [NEHE.code]: 1 });
    const third = await draft(h, campaign.id);
    expect(third.body).toContain('（本专项活动中第 3 次被通报批评）');
  });
});

describe('at the courts below', () => {
  it('shows a superior’s issued notices read-only, and the ones criticising this court in aboutUs', async () => {
    const { h, campaign } = await province();
    const notice = await draft(h, campaign.id, [criticise({ code: 'J2302' }), criticise(NEHE)]);
    const issued = await h.ok('notices.issue', { id: notice.id, version: notice.version });
    const other = await draft(h, campaign.id, [criticise(NEHE)]);
    await h.ok('notices.issue', { id: other.id, version: other.version });
    const stillDraft = await draft(h, campaign.id, [criticise({ code: 'J2302' })]);

    // The intermediate court holds the high court's rows as the package down leaves them.
    const middle = await openHarness();
    open.push(middle);
    await middle.ok('court.setup', { profile: INTERMEDIATE, admin: ADMIN });
    const copy = (table: string, id: string) => {
      const row = h.services.ctx.sqlite.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<
        string,
        unknown
      >;
      const columns = Object.keys(row);
      middle.services.ctx.sqlite
        .prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
        .run(...columns.map((c) => row[c]));
    };
    copy('campaigns', campaign.id);
    copy(
      'courts',
      (h.services.ctx.sqlite.prepare("SELECT id FROM courts WHERE code = 'J23'").get() as { id: string }).id,
    );
    for (const id of [issued.id, other.id, stillDraft.id]) copy('notices', id);

    const list = await middle.ok('notices.list', {});
    // The superior's draft is not shown (it never travels; even if held it is not the court's to read).
    expect(list.map((n) => n.id)).toEqual([other.id, issued.id]);
    expect(list[1]).toMatchObject({ relation: 'received', originName: HIGH.name, docNumber: '黑高法〔2026〕1号' });
    expectFailure(await middle.call('notices.get', { id: stillDraft.id }), 'E_NOT_FOUND');
    const about = await middle.ok('notices.aboutUs');
    expect(about.map((n) => n.id)).toEqual([issued.id]);
    expect(about[0].criticismCounts).toEqual({ J2302: 1, [NEHE.code]: 1 });
    // Read-only here: the row's owner is the high court.
    expectFailure(
      await middle.call('notices.save', {
        id: issued.id,
        version: issued.version,
        kind: 'criticism',
        title: 'x',
        addressees: 'x',
        body: 'x',
        issuerName: 'x',
        signedDate: '2026-11-24',
        namedCourts: [criticise(NEHE)],
      }),
      'E_NOT_OWNER',
    );
    expectFailure(await middle.call('notices.delete', { id: issued.id, version: issued.version }), 'E_NOT_OWNER');
    expectFailure(await middle.call('notices.issue', { id: issued.id, version: issued.version }), 'E_NOT_OWNER');
    expect(await h.ok('notices.aboutUs')).toEqual([]);
  });
});

async function exported(h: Harness, jobId: string): Promise<ReportFile> {
  const status = (await h.services.ctx.jobs.waitFor(jobId)) as JobStatus;
  expect(status.state, status.error ?? '').toBe('done');
  return (status.result as { kind: 'reportExport'; report: ReportFile }).report;
}

interface Word {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

/** Each page's words with their boxes (pdftotext -bbox), in points from the top left. */
function wordsByPage(file: string): Word[][] {
  const html = spawnSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' }).stdout;
  return html
    .split('<page ')
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
        (m) => ({ xMin: +m[1], yMin: +m[2], xMax: +m[3], yMax: +m[4], text: m[5] }),
      ),
    );
}

const MM = 72 / 25.4;

describe('the 通报 as a 公文', () => {
  it('prints A4 portrait with the GB/T 9704 margins and “— n —” at the outer corner, and saves Word', async () => {
    const { h, campaign } = await province();
    const notice = await draft(h, campaign.id, [criticise(NEHE), criticise(LONGJIANG)]);
    // A longer body, so the notice runs over two pages.
    const body = `${notice.body}\n${Array.from({ length: 6 }, (_, i) => `（${'一二三四五六'[i]}）补充说明第${i + 1}项`).join('\n')}\n${'各级法院要进一步提高政治站位，压实工作责任，确保各项任务按期完成。'.repeat(6)}`;
    const saved = await h.ok('notices.save', {
      id: notice.id,
      version: notice.version,
      kind: notice.kind,
      title: notice.title,
      addressees: notice.addressees,
      issuerName: notice.issuerName,
      signedDate: notice.signedDate!,
      body,
      namedCourts: notice.namedCourts.map(({ code, stance }) => ({ code, stance })),
    });
    const issued = await h.ok('notices.issue', { id: saved.id, version: saved.version });

    // Preview: the same document, portrait, pdf/docx/html.
    const preview = await h.ok('reports.preview', { campaignId: campaign.id, kind: 'notice', noticeId: issued.id });
    expect(preview).toMatchObject({
      kind: 'notice',
      landscape: false,
      formats: ['pdf', 'docx', 'html'],
      baseName: `黑高法〔2026〕1号${issued.title}`,
    });
    expect(preview.html).toContain('@page :left');
    expectFailure(
      await h.call('reports.preview', { campaignId: campaign.id, kind: 'notice' }),
      'E_INVALID',
      /请选择要打印的通报/,
    );
    const folder = tempDir('court-notice-');
    expectFailure(
      await h.call('reports.export', {
        campaignId: campaign.id,
        kind: 'notice',
        format: 'xlsx',
        noticeId: issued.id,
        folder,
      }),
      'E_INVALID',
      /Word/,
    );

    const pdf = await exported(
      h,
      (
        await h.ok('reports.export', {
          campaignId: campaign.id,
          kind: 'notice',
          format: 'pdf',
          noticeId: issued.id,
          folder,
        })
      ).jobId,
    );
    expect(path.basename(pdf.path)).toBe(`黑高法〔2026〕1号${issued.title}.pdf`);
    const info = spawnSync('pdfinfo', [pdf.path], { encoding: 'utf8' }).stdout;
    expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(info).toContain(`黑高法〔2026〕1号 ${issued.title}`);
    expect(info).toMatch(/^Title:\s+黑高法/m);
    const pages = wordsByPage(pdf.path);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pdf.pages).toBe(pages.length);

    // Text block: left edge 28 mm, right edge 210 − 26 mm, nothing above 37 mm or below 297 − 35 mm
    // except the page number.
    const all = pages.flat();
    const text = all.filter((w) => !/^[—\d]+$/.test(w.text));
    expect(Math.min(...text.map((w) => w.xMin))).toBeCloseTo(28 * MM, 0);
    expect(Math.max(...text.map((w) => w.xMax))).toBeLessThanOrEqual((210 - 26) * MM + 1);
    expect(Math.min(...text.map((w) => w.yMin))).toBeGreaterThanOrEqual(37 * MM - 10);
    expect(Math.max(...text.map((w) => w.yMax))).toBeLessThanOrEqual((297 - 35) * MM + 4);
    // Lines 28.95 pt apart (22 to a 225 mm text block); a full page holds 21 or 22 of them
    // (a heading kept with its paragraph may leave the last line empty).
    const tops = [
      ...new Set(pages[1].filter((w) => !/^[—\d]+$/.test(w.text)).map((w) => Math.round(w.yMin * 10) / 10)),
    ].sort((a, b) => a - b);
    expect(tops.length).toBeGreaterThanOrEqual(21);
    expect(tops.length).toBeLessThanOrEqual(22);
    // (Word tops: a line in 黑体 sits a fraction of a point off the serif lines, as the faces' ascents differ.)
    for (let i = 1; i < tops.length; i += 1) expect(Math.abs(tops[i] - tops[i - 1] - 28.95)).toBeLessThan(1);
    // A full body line holds 28 characters.
    const lineWidths = pages[1].filter(
      (w) => w.xMin < 28 * MM + 2 && /^[\u4e00-\u9fa5，。、；：（）“”]+$/.test(w.text),
    );
    expect(Math.max(...lineWidths.map((w) => [...w.text].length))).toBe(28);

    const flat = (page: Word[]) => page.map((w) => w.text).join('');
    expect(flat(pages[0])).toContain('黑龙江省高级人民法院');
    expect(flat(pages[0])).toContain('黑高法〔2026〕1号');
    expect(flat(pages[0])).toContain('关于对讷河市人民法院等2个法院');
    expect(flat(pages[0])).toContain('各中级人民法院，本院各部门：');
    expect(flat(pages.at(-1)!)).toContain('2026年11月24日');
    // Page numbers: “— 1 —” right on page 1, “— 2 —” left on page 2, under the text block.
    pages.forEach((page, index) => {
      const number = page.filter((w) => w.yMin > (297 - 35) * MM);
      expect(number.map((w) => w.text).join(' ')).toBe(`— ${index + 1} —`);
      const [left, right] = [Math.min(...number.map((w) => w.xMin)), Math.max(...number.map((w) => w.xMax))];
      if (index % 2 === 0) expect(right).toBeGreaterThan(150 * MM);
      else expect(left).toBeLessThan(60 * MM);
      // Its middle about 7 mm + half a 14 pt line under the text block.
      const middle = (number[0].yMin + number[0].yMax) / 2;
      expect(middle).toBeGreaterThan((297 - 35 + 6) * MM);
      expect(middle).toBeLessThan((297 - 35 + 12) * MM);
    });
    // The page footer of the other reports is not there.
    expect(flat(pages[0])).not.toMatch(/第1页共/);

    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const prefix = path.join(folder, 'page');
    expect(spawnSync('pdftoppm', ['-png', '-r', '60', pdf.path, prefix]).status).toBe(0);
    for (const file of fs.readdirSync(folder).filter((f) => f.startsWith('page')))
      fs.copyFileSync(
        path.join(folder, file),
        path.join(ARTIFACTS, `issue15-h3-notice-${file.replace(/^page-?/, 'p')}`),
      );

    // Word: the same page, grid, faces and odd/even page-number footers.
    const docx = await exported(
      h,
      (
        await h.ok('reports.export', {
          campaignId: campaign.id,
          kind: 'notice',
          format: 'docx',
          noticeId: issued.id,
          folder,
        })
      ).jobId,
    );
    const entries = await readZipEntries(docx.path);
    const entry = (name: string) => entries.find((e) => e.name === name)?.bytes.toString('utf8') ?? '';
    const xml = entry('word/document.xml');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(
      /<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" w:header="\d+" w:footer="1304"/,
    );
    // 22 lines a page: exact line spacing of 28.95 pt (579 twips).
    expect(xml).toMatch(/<w:spacing w:line="579" w:lineRule="exact"/);
    // No document grid in force (a docGrid without a type is Word's "no grid").
    expect(xml).not.toMatch(/<w:docGrid [^>]*w:type=/);
    // 28 characters a line: body runs 0.2 pt narrower (−4 twentieths of a point).
    expect(xml).toMatch(/<w:spacing w:val="-4"\/>/);
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toMatch(/<w:color w:val="E60012"\/>/);
    expect(xml).toMatch(/<w:bottom w:val="single" w:color="E60012"/);
    expect(xml).toContain('<w:sz w:val="44"/>');
    expect(xml).toContain('<w:sz w:val="32"/>');
    expect(xml).toContain('黑高法〔2026〕1号');
    expect(xml).toContain('2026年11月24日');
    expect(xml).toMatch(/<w:footerReference w:type="default" r:id="[^"]+"\/>/);
    expect(xml).toMatch(/<w:footerReference w:type="even" r:id="[^"]+"\/>/);
    expect(entry('word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    const footers = entries.filter((e) => /^word\/footer\d+\.xml$/.test(e.name)).map((e) => e.bytes.toString('utf8'));
    expect(footers).toHaveLength(2);
    for (const footer of footers) {
      expect(footer).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
      expect(footer).toContain('— ');
      expect(footer).toContain('<w:sz w:val="28"/>');
    }
    expect(footers.some((f) => f.includes('<w:jc w:val="right"/>'))).toBe(true);
    expect(footers.some((f) => f.includes('<w:jc w:val="left"/>'))).toBe(true);
    const docProps = entry('docProps/core.xml');
    expect(docProps).toContain(`黑高法〔2026〕1号 ${issued.title}`);
  });
});

describe('督办单 in the notice and the 督办台账', () => {
  it('writes the order replies by court into a draft, and prints the ledger (PDF landscape, Excel)', async () => {
    const { h, campaign } = await province();
    const issued = await h.ok('orders.issue', {
      campaignId: campaign.id,
      courtCodes: [NEHE.code, LONGJIANG.code],
      itemIds: [],
      kind: 'supervise',
      colour: 'red',
      requirement: '请于 11 月 30 日前报送逾期事项的整改情况，并说明未按期完成的原因和下一步措施。',
      replyDue: '2026-11-30',
      docPrefix: '黑高法',
    });
    expect(issued.docNumber).toBe('黑高法督〔2026〕1号');
    // Past the reply deadline, nobody replied: both overdue.
    h.setNow('2026-12-05T10:00:00+08:00');
    const notice = await draft(h, campaign.id);
    expect(notice.body).toContain(
      '全省法院共收到督办单2份，已签收0份，按期回复0份，逾期回复0份，逾期未回复2份，已办结0份。',
    );
    expect(notice.body).toContain(`${NEHE.name}收到督办单1份，逾期未回复1份`);
    expect(notice.body).toContain('督办单逾期未回复1份（本专项活动中第 1 次被通报批评）');

    const preview = await h.ok('reports.preview', { campaignId: campaign.id, kind: 'orders' });
    expect(preview).toMatchObject({
      kind: 'orders',
      title: '督办台账',
      landscape: true,
      formats: ['pdf', 'xlsx', 'html'],
    });
    expect(preview.html).toContain('齐齐哈尔市中级人民法院辖区小计');
    expect(preview.html).toContain('全省合计');
    expect(preview.html).toContain('红色');
    expect(preview.html).toContain('逾期5天');

    const folder = tempDir('court-orders-report-');
    const pdf = await exported(
      h,
      (await h.ok('reports.export', { campaignId: campaign.id, kind: 'orders', format: 'pdf', folder })).jobId,
    );
    expect(path.basename(pdf.path)).toBe(`${HIGH.name}能力作风建设年督办台账.pdf`);
    const info = spawnSync('pdfinfo', [pdf.path], { encoding: 'utf8' }).stdout;
    expect(info).toMatch(/Page size:\s+84[12]\.\d+ x 59[45]\.\d+ pts \(A4\)/);
    const text = spawnSync('pdftotext', ['-raw', pdf.path, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
    expect(text).toContain('黑高法督〔2026〕1号');
    expect(text).toMatch(/第1页共\d+页/);
    const prefix = path.join(folder, 'orders');
    expect(spawnSync('pdftoppm', ['-png', '-r', '60', pdf.path, prefix]).status).toBe(0);
    for (const file of fs.readdirSync(folder).filter((f) => f.startsWith('orders') && f.endsWith('.png')))
      fs.copyFileSync(
        path.join(folder, file),
        path.join(ARTIFACTS, `issue15-h3-orders-${file.replace(/^orders-?/, 'p')}`),
      );

    const xlsx = await exported(
      h,
      (await h.ok('reports.export', { campaignId: campaign.id, kind: 'orders', format: 'xlsx', folder })).jobId,
    );
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx.path);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['各法院', '督办单明细']);
    const courts = workbook.getWorksheet('各法院')!;
    expect(courts.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, paperSize: 9 });
    expect(courts.pageSetup.printTitlesRow).toBe('3:3');
    const names = courts.getColumn(2).values.filter(Boolean).map(String);
    expect(names).toEqual(
      expect.arrayContaining([NEHE.name, LONGJIANG.name, '齐齐哈尔市中级人民法院辖区小计', '全省合计']),
    );
    let totalRow = courts.getRow(1);
    courts.eachRow((row) => {
      if (row.getCell(2).value === '全省合计') totalRow = row;
    });
    expect(totalRow.number).toBeGreaterThan(3);
    expect(totalRow.getCell(3).value).toBe(2);
    expect(totalRow.getCell(7).value).toBe(2);
    const list = workbook.getWorksheet('督办单明细')!;
    const first = list.getRow(4);
    expect(first.getCell(2).value).toBe('黑高法督〔2026〕1号');
    expect(first.getCell(5).value).toMatch(/红色/);
    expect(first.getCell(10).value).toBe('待签收');
    // The requirement wraps: the row is tall enough for its lines.
    expect(first.height).toBeGreaterThan(20);
  });
});

describe('printing a 公文 in the desktop app', () => {
  it('uses the document’s own @page and page numbers, without the report footer', async () => {
    const { pdfPrintOptions } = await import('../../src/main/electron/pdfWindow');
    const { isOfficialDocument, officialDocumentHtml, signaturePaddings } =
      await import('../../src/main/reports/officialDocument');
    const html = officialDocumentHtml({
      documentTitle: '通报',
      mark: '黑龙江省高级人民法院',
      docNumber: '',
      title: '关于推进情况的通报',
      addressees: '各中级人民法院',
      body: '一、总体情况\n正文。',
      signature: '黑龙江省高级人民法院',
      signedDate: '2026-12-05',
    });
    expect(isOfficialDocument(html)).toBe(true);
    expect(html).toContain('2026年12月5日');
    expect(html).toContain('<p class="h1">一、总体情况</p>');
    expect(html).toMatch(/@page \{ size: A4 portrait; margin: 37mm 26mm 35mm 28mm; \}/);
    const { printLayout } = await import('../../src/main/reports/reportPdf');
    expect(printLayout(html)).toBe('official-document');
    expect(pdfPrintOptions(false, printLayout(html))).toEqual({
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: false,
    });
    // Other reports get "第 X 页 共 Y 页" added as a page margin box (printableDocument); a 公文 keeps its own.
    const { PAGE_NUMBER_RULE, printableDocument } = await import('../../src/main/reports/reportPdf');
    expect(printableDocument(html, 'inline')).not.toContain(PAGE_NUMBER_RULE);
    expect(printableDocument('<html><head></head><body>表</body></html>', 'inline')).toContain(PAGE_NUMBER_RULE);
    // 落款: the signature two characters in; the date starting two characters right of it.
    expect(signaturePaddings('黑龙江省高级人民法院', '2026年12月5日')).toEqual({ signature: 2, date: 3.5 });
    // A short name: the date two characters in and the signature moved left.
    expect(signaturePaddings('某法院', '2026年12月5日')).toEqual({ signature: 7.5, date: 2 });
  });
});

describe('the command line', () => {
  it('writes a notice with `report --kind notice --notice ID`, and asks for the notice when it is missing', async () => {
    const { h, campaign } = await province();
    const notice = await draft(h, campaign.id);
    await h.close();
    open.splice(open.indexOf(h), 1);
    const out = tempDir('court-notice-cli-');
    const args = ['report', '--data', h.dataDir, '--campaign', campaign.id, '--kind', 'notice', '--out', out];
    const docx = await runCli([...args, '--format', 'docx', '--notice', notice.id, '--json']);
    expect(docx.code, docx.stderr).toBe(0);
    const written = JSON.parse(docx.stdout) as { kind: string; format: string; file: string };
    expect(written).toMatchObject({ kind: 'notice', format: 'docx' });
    const document = (await readZipEntries(written.file))
      .find((e) => e.name === 'word/document.xml')!
      .bytes.toString('utf8');
    expect(document).toContain(notice.title.slice(0, 8));
    const missing = await runCli([...args, '--format', 'pdf']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('请选择要打印的通报');
    const malformed = await runCli([...args, '--format', 'pdf', '--notice', 'not-an-id']);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('--notice');
    fs.rmSync(out, { recursive: true, force: true });
  }, 120_000);
});
