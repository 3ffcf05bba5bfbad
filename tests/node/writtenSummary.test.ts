// The written 活动总结 on a real database: a basic court with items (done, signed off, overdue,
// late, recurring), progress notes and 亮点, ledger findings of three sources (closed, open,
// long-term), indicators with last year's values and self-inspection reports; the four parts
// drafted from it, the figures in the text held to the data, the clerk's template kept and
// filled, reset; the 亮点 columns travelling up to the intermediate court (and a bundle of an
// older program without them); and the printed documents read back (DOCX XML, PDF text).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { buildReport, REPORT_FORMATS } from '../../src/main/reports/reportKinds';
import { closeSharedPdfPrinter, sharedPdfPrinter } from '../../src/main/reports/reportPdf';
import { readZipEntries } from './zipEntries';
import { runCli } from './cliProcess';
import type { WrittenSummary } from '../../src/shared/model';
import { ensureCourtKeys } from '../../src/main/sync/courtKeys';
import { courtFingerprint, exportReportUp, importBundle } from '../../src/main/sync/syncService';
import { openCourt, tempDir, type Harness } from './harness';
import { secondReviewer, type Fixture } from './apiCases/shared';
import { goodClaim, submittedReport, withCatalogue, withOrg } from './apiCases/inspection';
import { ndjson, readBundle, rowsOf, setEntry, writeBundle } from './sync/bundleSurgery';
import {
  BASIC,
  BASIC_2,
  INTERMEDIATE,
  openEngineCourt,
  outFolder,
  passDown,
  reportUp,
  ROSTER,
} from './sync/syncFixtures';

// The browser kept warm across this file's prints.
afterAll(() => closeSharedPdfPrinter());

const open: Harness[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.close()));
});

const partText = (summary: WrittenSummary, part: string) => summary.parts.find((p) => p.part === part)!.text;
const fieldValue = (summary: WrittenSummary, name: string) => summary.fields.find((f) => f.name === name)?.value;

/** The basic court's campaign with a little of everything the summary reports (today is 2026-11-24). */
async function court(): Promise<Fixture & { ids: Record<string, string> }> {
  const fx = await openCourt();
  open.push(fx.h);
  const { h, campaign, sections } = fx;
  const org = await withOrg(fx);
  const reviewer = await secondReviewer(fx);
  const item = (fields: Record<string, unknown> & { title: string }) =>
    h.ok('items.create', { campaignId: campaign.id, sectionId: sections[0].id, ...fields });

  // A: done on time and signed off, marked 亮点 as an item.
  const a = await item({ title: '落实当场立案制度', departmentId: org.lian.id, deadline: '2026-11-30' });
  await h.ok('progress.add', {
    itemId: a.id,
    noteDate: '2026-11-10',
    text: '制定当场立案工作细则，当场立案率提升至98%。',
    percent: 80,
  });
  const aDone = await h.ok('items.markComplete', {
    id: a.id,
    version: (await h.ok('items.get', { id: a.id })).version,
  });
  const aSigned = await reviewer.ok('items.signOff', { id: a.id, version: aDone.version, opinion: '同意销号' });
  await h.ok('items.markHighlight', { id: a.id, version: aSigned.version, highlight: true });
  // B: open, due soon, with a note marked 亮点.
  const b = await item({ title: '规范诉讼服务窗口', departmentId: org.lian.id, deadline: '2026-12-20' });
  const note = await h.ok('progress.add', {
    itemId: b.id,
    noteDate: '2026-11-20',
    text: '开设跨域立案窗口，群众办事平均等候时间缩短一半',
    percent: 50,
  });
  await h.ok('progress.markHighlight', { id: note.id, version: note.version, highlight: true });
  // C: overdue since 2026-10-31 (24 days).
  const c = await item({
    title: '清理长期未结案件',
    sectionId: sections[1].id,
    departmentId: org.xingshi.id,
    deadline: '2026-10-31',
    deadlineReason: '按部署补录',
  });
  // D: completed after its deadline (逾期完成).
  const d = await item({
    title: '执行案款集中清理',
    sectionId: sections[1].id,
    departmentId: org.xingshi.id,
    deadline: '2026-11-10',
    deadlineReason: '按部署补录',
  });
  await h.ok('items.markComplete', { id: d.id, version: d.version });
  // E: a monthly task, due at the year's end.
  await item({
    title: '每月通报审判质效',
    sectionId: sections[1].id,
    departmentId: org.lian.id,
    frequency: 'monthly',
    deadline: '2026-12-31',
  });

  // Ledger: closed (巡视/巡察反馈), open (信访件), long-term only (审务督察).
  const f1 = await h.ok('ledger.createFinding', {
    campaignId: campaign.id,
    source: 'inspection_feedback',
    title: '当场立案率偏低',
  });
  const m1 = await h.ok('ledger.createMeasure', {
    findingId: f1.id,
    text: '修订细则',
    owner: '郑雪',
    deadline: '2026-12-31',
  });
  const m1s = await h.ok('ledger.submit', { id: m1.id, version: m1.version, note: '细则已印发。' });
  await reviewer.ok('ledger.signOff', { id: m1s.id, version: m1s.version, opinion: '同意销号' });
  const f2 = await h.ok('ledger.createFinding', {
    campaignId: campaign.id,
    source: 'petition',
    title: '执行案款发放慢',
  });
  await h.ok('ledger.createMeasure', {
    findingId: f2.id,
    text: '建立案款台账',
    owner: '冯志刚',
    deadline: '2026-12-31',
  });
  const f3 = await h.ok('ledger.createFinding', {
    campaignId: campaign.id,
    source: 'audit_supervision',
    title: '庭审着装不规范',
  });
  await h.ok('ledger.createMeasure', { findingId: f3.id, text: '每月庭审巡查', owner: '冯志刚', longTerm: true });

  // Indicators: one met and better than last year, one missed and worse.
  const filing = await h.ok('indicators.create', {
    campaignId: campaign.id,
    name: '当场立案率',
    line: 'filing',
    unit: 'percent',
    direction: 'up',
    target: 95,
    period: 'monthly',
  });
  await h.ok('indicators.recordValue', { indicatorId: filing.id, period: '2025-10', value: 93 });
  await h.ok('indicators.recordValue', { indicatorId: filing.id, period: '2026-10', value: 96 });
  const appeal = await h.ok('indicators.create', {
    campaignId: campaign.id,
    name: '上诉率',
    line: 'general',
    unit: 'percent',
    direction: 'down',
    target: 8,
    period: 'monthly',
  });
  await h.ok('indicators.recordValue', { indicatorId: appeal.id, period: '2025-10', value: 7 });
  await h.ok('indicators.recordValue', { indicatorId: appeal.id, period: '2026-10', value: 11 });

  // 查摆: two reports; aspect 一 claimed twice, aspect 二 once.
  const catalogue = await withCatalogue(fx);
  const [p1, , p3] = catalogue.aspects.flatMap((aspect) => aspect.problems);
  await submittedReport(fx, org.zhengxue.id, p1.id, h, [goodClaim(p1.id), goodClaim(p3.id)]);
  await submittedReport(fx, org.fengzg.id, p1.id);
  return { ...fx, ids: { a: a.id, b: b.id, c: c.id, note: note.id } };
}

describe('the written summary of a basic court', () => {
  it('drafts the four parts in order, every figure a field equal to the data', async () => {
    const fx = await court();
    const summary = await fx.h.ok('summary.get', { campaignId: fx.campaign.id });
    expect(summary.parts.map((p) => p.heading)).toEqual([
      '一、基本情况',
      '二、主要做法和成效',
      '三、存在的问题',
      '四、下一步工作打算',
    ]);
    expect(summary).toMatchObject({ scope: 'court', editable: true, highlightCount: 2 });

    // Counted independently from the database.
    const sqlite = fx.h.services.ctx.sqlite;
    const count = (where: string) =>
      (
        sqlite
          .prepare(`SELECT count(*) AS n FROM items WHERE campaign_id = ? AND deleted_at IS NULL AND ${where}`)
          .get(fx.campaign.id) as { n: number }
      ).n;
    const total = count('1 = 1');
    const done = count("status IN ('completed', 'signed_off')");
    expect(fieldValue(summary, '事项总数')).toBe(String(total));
    expect(fieldValue(summary, '已完成')).toBe(String(done));
    expect(fieldValue(summary, '已销号')).toBe(String(count("status = 'signed_off'")));
    expect(fieldValue(summary, '逾期完成')).toBe(String(count('completed_late = 1')));
    expect(fieldValue(summary, '逾期未完成')).toBe(
      String(count("status NOT IN ('completed', 'signed_off') AND deadline < '2026-11-24'")),
    );
    expect(fieldValue(summary, '完成率')).toBe(`${Math.floor((done * 100) / total)}%`);
    expect([total, done]).toEqual([5, 2]);

    const situation = partText(summary, 'situation');
    expect(situation).toContain('共有事项5项，已完成2项（其中已销号1项），完成率40%；逾期未完成1项，逾期完成1项。');
    // Ledger: overall and by source, with the labels the ledger prints.
    expect(fieldValue(summary, '整改问题数')).toBe('3');
    expect(fieldValue(summary, '整改销号率')).toBe('33.3%');
    expect(fieldValue(summary, '整改销号率（巡视/巡察反馈）')).toBe('100%');
    expect(fieldValue(summary, '整改销号率（信访件）')).toBe('0%');
    expect(situation).toContain('整改台账共有问题3个，已整改销号1个，整改销号率33.3%');
    expect(situation).toContain('巡视/巡察反馈问题1个，已整改销号1个，整改销号率100%');
    // 查摆 by aspect, indicators with 同比.
    expect(situation).toContain('共查摆问题3个，其中窗口作风方面2个，担当作为方面1个');
    expect(situation).toContain('设置指标2项，最新一期达标1项，未达标1项');
    expect(situation).toContain('当场立案率96%，同比上升3个百分点');
    expect(situation).toContain('上诉率11%，同比上升4个百分点');
    expect(fieldValue(summary, '指标同比向好数')).toBe('1');
    // Departments ahead and behind.
    // 刑事审判庭 has done 1 of 2 (50%), 立案庭 1 of 3 (33%).
    expect(fieldValue(summary, '进度靠前部门')).toBe('刑事审判庭');
    expect(fieldValue(summary, '进度靠后部门')).toBe('立案庭');
    expect(situation).toContain('从各部门推进情况看，刑事审判庭进度靠前，立案庭进度相对滞后。');

    // 主要做法: the marked item (its latest note) and the marked note, under their section.
    const practices = partText(summary, 'practices');
    expect(practices.split('\n')[0]).toBe('（一）争先创优年');
    expect(practices).toContain('我院围绕“落实当场立案制度”，制定当场立案工作细则，当场立案率提升至98%。');
    expect(practices).toContain('我院围绕“规范诉讼服务窗口”，开设跨域立案窗口，群众办事平均等候时间缩短一半。');

    // 存在的问题: the overdue item with its days, the open finding, the missed indicator, 查摆.
    const problems = partText(summary, 'problems');
    expect(problems).toContain('“清理长期未结案件”（逾期24天）');
    expect(problems).toContain('“执行案款发放慢”');
    expect(problems).toContain('上诉率最新一期未达到目标值（共1项）');
    expect(problems).not.toContain('庭审着装不规范'); // long-term only: counted apart, not as open
    expect(problems).toMatch(/^活动开展以来/);
    expect(problems).toContain('一是推进不够平衡');

    // 下一步: the open items due soonest and the long-term work.
    const next = partText(summary, 'nextSteps');
    expect(next).toContain('“规范诉讼服务窗口”（12月20日前）');
    expect(next).toContain('1项需长期坚持的整改措施');
    expect(next).toContain('1项按月、按季推进的事项');
    // Every field cited in every drafted part is known.
    expect(summary.parts.flatMap((p) => p.unknownFields)).toEqual([]);
  });

  it('keeps the clerk’s wording while the figures follow the data; reset brings the draft back', async () => {
    const fx = await court();
    const template = '截至【统计日期】，我院完成率【完成率】，逾期未完成【逾期未完成】项。经院党组研究，【缺的字段】。';
    await fx.h.ok('summary.save', { campaignId: fx.campaign.id, parts: { situation: template } });
    let summary = await fx.h.ok('summary.get', { campaignId: fx.campaign.id });
    expect(partText(summary, 'situation')).toBe(
      '截至2026年11月24日，我院完成率40%，逾期未完成1项。经院党组研究，【缺的字段】。',
    );
    expect(summary.parts[0].unknownFields).toEqual(['缺的字段']);

    // The data changes: the overdue item is done; the words stay, the figures move.
    const c = await fx.h.ok('items.get', { id: fx.ids.c });
    await fx.h.ok('items.markComplete', { id: c.id, version: c.version });
    summary = await fx.h.ok('summary.get', { campaignId: fx.campaign.id });
    expect(partText(summary, 'situation')).toBe(
      '截至2026年11月24日，我院完成率60%，逾期未完成0项。经院党组研究，【缺的字段】。',
    );
    expect(summary.parts[0].template).toBe(template);

    const reset = await fx.h.ok('summary.reset', { campaignId: fx.campaign.id });
    expect(reset.parts[0].saved).toBeNull();
    expect(partText(reset, 'situation')).toContain('完成率60%');
    expect(partText(reset, 'situation')).not.toContain('院党组');
  });

  it('without 亮点, 主要做法 asks the clerk to mark them or write the part', async () => {
    const fx = await court();
    const a = await fx.h.ok('items.get', { id: fx.ids.a });
    await fx.h.ok('items.markHighlight', { id: a.id, version: a.version, highlight: false });
    const note = a.notes[0];
    expect(note.highlight).toBe(false);
    const b = await fx.h.ok('items.get', { id: fx.ids.b });
    await fx.h.ok('progress.markHighlight', { id: b.notes[0].id, version: b.notes[0].version, highlight: false });
    const summary = await fx.h.ok('summary.get', { campaignId: fx.campaign.id });
    expect(summary.highlightCount).toBe(0);
    expect(partText(summary, 'practices')).toMatch(/标为“亮点”.*也可直接在此填写我院的主要做法和成效/);
  });
});

describe('亮点 travel up with the report', () => {
  it('a highlight marked at a basic court arrives at the intermediate court and is quoted in its jurisdiction summary', async () => {
    const folder = outFolder();
    const middle = await openEngineCourt(INTERMEDIATE, open);
    const basic = await openEngineCourt(BASIC, open);
    const campaign = await middle.h.ok('campaigns.create', { title: '能力作风建设年', year: 2026 });
    await middle.h.ok('sections.create', { campaignId: campaign.id, title: '一、争先创优' });
    await passDown(middle, basic, BASIC.code, campaign.id, folder);
    // A court on the roster that has sent nothing yet: the jurisdiction is drafted from this court alone.
    await middle.h.ok('roster.add', {
      code: BASIC_2.code,
      name: BASIC_2.name,
      level: 'basic',
      parentCode: INTERMEDIATE.code,
      jurisdiction: '讷河市',
    });
    const before = await middle.h.ok('summary.get', { campaignId: campaign.id });
    expect(before.scope).toBe('jurisdiction');
    expect(fieldValue(before, '应报法院数')).toBe('1');
    expect(fieldValue(before, '已报送法院数')).toBe('0');

    const item = await basic.h.ok('items.create', {
      campaignId: campaign.id,
      title: '推行网上立案',
      deadline: '2026-12-31',
    });
    const note = await basic.h.ok('progress.add', {
      itemId: item.id,
      noteDate: '2026-11-20',
      text: '网上立案率达到85%',
      percent: 60,
    });
    await basic.h.ok('progress.markHighlight', { id: note.id, version: note.version, highlight: true });
    await reportUp(basic, middle, BASIC.code, folder);

    const held = middle.h.services.ctx.sqlite
      .prepare('SELECT highlight FROM progress_notes WHERE id = ?')
      .get(note.id) as { highlight: number };
    expect(held.highlight).toBe(1);
    const summary = await middle.h.ok('summary.get', { campaignId: campaign.id });
    expect(summary.scope).toBe('jurisdiction');
    expect(summary.highlightCount).toBe(1);
    expect(partText(summary, 'practices')).toContain('龙江县人民法院围绕“推行网上立案”，网上立案率达到85%。');
    expect(fieldValue(summary, '事项总数')).toBe('1');
    expect(partText(summary, 'situation')).toContain('全辖区应报法院2个，按期报送1个，报送率50%');

    // The basic court's own summary, seen from above: read-only, drafted from its data.
    const theirs = await middle.h.ok('summary.get', { campaignId: campaign.id, courtCode: BASIC.code });
    expect(theirs).toMatchObject({ scope: 'court', editable: false, courtName: BASIC.name });
  });

  it('a bundle of an older program without the highlight columns imports with highlight 0; a current one without them is refused', async () => {
    const folder = outFolder();
    const basic = await openEngineCourt(BASIC, open);
    const middle = await openEngineCourt(INTERMEDIATE, open);
    const campaign = await basic.h.ok('campaigns.create', { title: '清廉法院建设', year: 2026 });
    const item = await basic.h.ok('items.create', { campaignId: campaign.id, title: '开展廉政风险排查' });
    const note = await basic.h.ok('progress.add', { itemId: item.id, noteDate: '2026-11-20', text: '排查完毕' });
    await basic.h.ok('progress.markHighlight', { id: note.id, version: note.version, highlight: true });
    const up = await exportReportUp(basic.ctx, { folder, full: false });
    const key = (await ensureCourtKeys(basic.ctx)).signPrivate;
    const trust = [await courtFingerprint(basic.ctx)];

    const withoutHighlight = async (name: string, schemaVersion: number) => {
      const bundle = await readBundle(up.filePath);
      for (const table of ['items', 'progress_notes']) {
        const rows = rowsOf(bundle, table).map(({ highlight, ...rest }) => {
          expect(highlight).toBe(table === 'items' ? 0 : 1);
          return rest;
        });
        setEntry(bundle, `rows/${table}.ndjson`, ndjson(rows));
      }
      bundle.manifest.app.schemaVersion = schemaVersion;
      const file = path.join(folder, `${name}.dtsync`);
      await writeBundle(file, bundle, { signWith: key });
      return file;
    };

    const current = await withoutHighlight('current', 11);
    const refused = await importBundle(middle.ctx, { file: current, dryRun: false, trust, addToRoster: ROSTER }).then(
      () => null,
      (error: { code: string; message: string }) => error,
    );
    expect(refused?.code).toBe('E_CORRUPT');
    expect(refused?.message).toMatch(/highlight 不正确：缺少此字段/);

    const older = await withoutHighlight('older', 10);
    await importBundle(middle.ctx, { file: older, dryRun: false, trust, addToRoster: ROSTER });
    const rows = middle.h.services.ctx.sqlite
      .prepare('SELECT id, highlight FROM progress_notes WHERE id = ?')
      .all(note.id) as Array<{ highlight: number }>;
    expect(rows).toEqual([{ id: note.id, highlight: 0 }]);
  });
});

const ARTIFACTS = path.resolve('artifacts/issue17');
const HEADINGS = ['一、基本情况', '二、主要做法和成效', '三、存在的问题', '四、下一步工作打算'];
const squeeze = (text: string) => text.replace(/\s+/g, '');

describe('the printed written summary', () => {
  it('Word: the four headings, the clerk’s text with figures filled, 公文 margins, sizes and grid; then the 附件', async () => {
    const fx = await court();
    await fx.h.ok('summary.save', {
      campaignId: fx.campaign.id,
      parts: { problems: '对照要求，尚有【逾期未完成】项事项逾期未完成，整改销号率【整改销号率】。' },
    });
    expect(REPORT_FORMATS.summary).toEqual(['pdf', 'docx', 'xlsx', 'html']);
    const report = await buildReport(fx.h.services.ctx, { campaignId: fx.campaign.id, kind: 'summary' });
    const docx = await report.document!();
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    fs.writeFileSync(path.join(ARTIFACTS, 'written-summary.docx'), docx);
    const dir = tempDir('court-summary-docx-');
    const file = path.join(dir, 'summary.docx');
    fs.writeFileSync(file, docx);
    const entries = await readZipEntries(file);
    const xml = entries.find((e) => e.name === 'word/document.xml')!.bytes.toString('utf8');
    const texts = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    const at = HEADINGS.map((heading) => texts.indexOf(heading));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(texts).toContain('龙江县人民法院关于“能力作风建设年”活动开展情况的总结');
    expect(texts).toContain('对照要求，尚有1项事项逾期未完成，整改销号率33.3%。');
    expect(texts).toContain('共有事项5项，已完成2项');
    expect(texts).not.toMatch(/【(完成率|事项总数|逾期未完成)】/);
    // The annex after the signature: 附件, the overdue table with the overdue item.
    expect(texts.indexOf('附件')).toBeGreaterThan(texts.indexOf('四、下一步工作打算'));
    expect(texts.slice(texts.indexOf('附件'))).toContain('清理长期未结案件');
    // GB/T 9704: top 37 mm, left 28 mm (twips), title 2号 (44 half-points), body 3号 (32), grid 22 × 28.
    const margin = /<w:pgMar ([^>]*)\/>/.exec(xml)![1];
    const twip = (name: string) => Number(new RegExp(`w:${name}="(\\d+)"`).exec(margin)![1]);
    expect(twip('top')).toBeCloseTo(2098, -1);
    expect(twip('left')).toBeCloseTo(1587, -1);
    expect(twip('right')).toBeCloseTo(1474, -1);
    expect(twip('bottom')).toBeCloseTo(1984, -1);
    expect(xml).toContain('<w:sz w:val="44"/>');
    expect(xml).toContain('<w:sz w:val="32"/>');
    expect(xml).toMatch(/<w:spacing w:line="579" w:lineRule="exact"/);
    // No document grid in force (a docGrid without a type is Word's "no grid").
    expect(xml).not.toMatch(/<w:docGrid [^>]*w:type=/);
    const footers = entries.filter((e) => /^word\/footer\d+\.xml$/.test(e.name)).map((e) => e.bytes.toString('utf8'));
    expect(footers.some((f) => f.includes('PAGE') && f.includes('— '))).toBe(true);
    expect(fs.existsSync(path.join(ARTIFACTS, 'written-summary.docx'))).toBe(true);

    // The command line writes the same Word document.
    const dataDir = fx.h.dataDir;
    await fx.h.close();
    open.splice(open.indexOf(fx.h), 1);
    const out = path.join(dir, '总结.docx');
    const cli = await runCli([
      'report',
      '--data',
      dataDir,
      '--campaign',
      fx.campaign.id,
      '--kind',
      'summary',
      '--format',
      'docx',
      '--out',
      out,
    ]);
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stdout).toMatch(/已生成活动总结（DOCX）/);
    const cliXml = (await readZipEntries(out)).find((e) => e.name === 'word/document.xml')!.bytes.toString('utf8');
    expect(cliXml).toContain('对照要求，尚有1项事项逾期未完成，整改销号率33.3%。');
  }, 120_000);

  it('PDF: the text on 公文 pages numbered “— n —”, the four headings and the figures, the 附件 on a page of its own', async () => {
    const fx = await court();
    const report = await buildReport(fx.h.services.ctx, { campaignId: fx.campaign.id, kind: 'summary' });
    const pdf = await sharedPdfPrinter().print(report.html);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, 'written-summary.pdf');
    fs.writeFileSync(file, pdf);
    const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout;
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(3);
    const pageText = (n: number) =>
      spawnSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), file, '-'], { encoding: 'utf8' }).stdout;
    const all = Array.from({ length: pages }, (_, i) => pageText(i + 1));
    for (const [index, text] of all.entries()) expect(squeeze(text), `第 ${index + 1} 页`).toContain(`—${index + 1}—`);
    const flat = squeeze(all.join('\n'));
    const at = HEADINGS.map((heading) => flat.indexOf(heading));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(flat).toContain(squeeze('龙江县人民法院关于“能力作风建设年”活动开展情况的总结'));
    expect(flat).toContain('共有事项5项，已完成2项（其中已销号1项），完成率40%');
    expect(flat).toContain('整改销号率33.3%');
    // The 附件 starts a page: its first line is 附件, after the signature on an earlier page.
    const annexPage = all.findIndex((text) => text.trim().startsWith('附件'));
    expect(annexPage).toBeGreaterThan(0);
    expect(squeeze(all.slice(0, annexPage).join(''))).toContain('2026年11月24日');
    expect(squeeze(all[annexPage])).toContain('活动推进情况统计');
    // The text block starts 37 mm from the top and 28 mm from the left of the first page.
    const bbox = spawnSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' }).stdout;
    const words = [...bbox.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g)].map(
      (m) => ({ xMin: Number(m[1]), yMin: Number(m[2]), text: m[5] }),
    );
    const mm = (pt: number) => (pt * 25.4) / 72;
    const body = words.filter((w) => w.text !== '—' && !/^\d+$/.test(w.text));
    expect(mm(Math.min(...body.map((w) => w.xMin)))).toBeGreaterThan(27);
    expect(mm(Math.min(...body.map((w) => w.yMin)))).toBeGreaterThan(36);
    // Look at it: the first page and the annex.
    for (const [page, name] of [
      [1, 'written-summary-p1'],
      [annexPage + 1, 'written-summary-annex'],
    ] as const) {
      const result = spawnSync('pdftoppm', [
        '-png',
        '-r',
        '60',
        '-f',
        String(page),
        '-l',
        String(page),
        '-singlefile',
        file,
        path.join(ARTIFACTS, name),
      ]);
      expect(result.status).toBe(0);
    }
  }, 120_000);
});
