// The other report kinds — 查摆报告表, 整改台账, 活动总结 — built from the demo data set and checked
// from the generated files: PDF text per page with poppler's pdftotext (forms on their own pages,
// figures equal to the operations' own answers and to SQL counted here, header repeated), the
// workbooks read back with exceljs, the Word document unzipped, and the command line writing files.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './cliProcess';
import { ADMIN, basicCourt, openCourt, openHarness, tempDir, type Harness } from './harness';
import type { Campaign } from '../../src/shared/model';
import { NENGLI_TITLE } from '../../src/main/demo/campaignNengli';
import { QINGLIAN_TITLE } from '../../src/main/demo/campaignQinglian';
import { buildReport, type BuiltReport } from '../../src/main/reports/reportKinds';
import { closeSharedPdfPrinter, pdfPageCount, sharedPdfPrinter } from '../../src/main/reports/reportPdf';
import { isOfficialDocument } from '../../src/main/reports/officialDocument';

// The browser kept warm across this file's prints.
afterAll(() => closeSharedPdfPrinter());

const ARTIFACTS = path.join(ROOT, 'artifacts');
const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
});

/** A court with the demo data set loaded (three campaigns; inspection in 能力作风建设年, the ledger in 清廉法院). */
async function demoCourt(): Promise<{ h: Harness; nengli: Campaign; qinglian: Campaign }> {
  const h = await openHarness({ now: '2026-11-24T10:00:00+08:00' });
  const setup = await h.ok('court.setup', { profile: basicCourt, admin: ADMIN, loadDemo: true });
  const job = await h.services.ctx.jobs.waitFor(setup.demoJobId!);
  expect(job?.state).toBe('done');
  const campaigns = await h.ok('campaigns.list');
  return {
    h,
    nengli: campaigns.find((c) => c.title === NENGLI_TITLE)!,
    qinglian: campaigns.find((c) => c.title === QINGLIAN_TITLE)!,
  };
}

interface Printed {
  file: string;
  pages: string[];
  /** The whole text in painting order with every blank removed, for text that wraps inside cells. */
  flat: string;
}

const squeeze = (text: string) => text.replace(/\s+/g, '');

/** Prints the report to PDF in a temp folder and reads its text back page by page. */
async function printed(report: BuiltReport, artifact?: string): Promise<Printed> {
  const pdf = await sharedPdfPrinter().print(report.html, { landscape: report.landscape });
  const dir = tempDir('court-report-kinds-');
  folders.push(dir);
  const file = path.join(dir, 'report.pdf');
  fs.writeFileSync(file, pdf);
  const count = pdfPageCount(pdf)!;
  const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout;
  expect(info).toMatch(new RegExp(`Pages:\\s+${count}\\b`));
  // Portrait forms, landscape tables: width below height or above it.
  const [w, h] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!.slice(1).map(Number);
  expect(w > h).toBe(report.landscape);
  const pages: string[] = [];
  for (let page = 1; page <= count; page += 1) {
    const text = spawnSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), file, '-'], {
      encoding: 'utf8',
    }).stdout;
    // A 公文 (the written 活动总结) numbers its pages “— n —”; tables “第 X 页 共 Y 页”.
    const number = isOfficialDocument(report.html) ? `—${page}—` : `第${page}页共${count}页`;
    expect(squeeze(text), `第 ${page} 页页码`).toContain(number);
    pages.push(text);
  }
  // -raw keeps the order Chromium painted in: a cell's wrapped lines stay together.
  const flat = squeeze(spawnSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).stdout);
  if (artifact) {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const prefix = path.join(dir, 'page');
    expect(spawnSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', file, prefix]).status).toBe(
      0,
    );
    fs.copyFileSync(`${prefix}.png`, path.join(ARTIFACTS, artifact));
  }
  return { file, pages, flat };
}

async function readWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

/** Every cell's text of a sheet, blanks removed (rich text joined). */
function sheetText(sheet: ExcelJS.Worksheet): string {
  const parts: string[] = [];
  sheet.eachRow((row) => row.eachCell((cell) => parts.push(cell.text)));
  return squeeze(parts.join('|'));
}

function zipEntry(buffer: Buffer, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== name) return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        });
      });
      zip.on('end', () => reject(new Error(`没有 ${name}`)));
      zip.readEntry();
    });
  });
}

describe('report kinds on a small court', () => {
  it('escapes what people typed, prints an empty ledger and summary, and refuses a court the database does not hold', async () => {
    const { h, campaign } = await openCourt();
    const tricky = '<script>alert("x")</script> & 甲乙';
    const finding = await h.ok('ledger.createFinding', {
      campaignId: campaign.id,
      source: 'petition',
      title: tricky,
      reference: '信访第1号',
    });
    await h.ok('ledger.createMeasure', {
      findingId: finding.id,
      text: `${tricky}的措施`,
      owner: '李四',
      leadLeader: '王建军',
      deadline: '2026-12-31',
    });
    const ledger = await buildReport(h.services.ctx, { campaignId: campaign.id, kind: 'ledger' });
    expect(ledger.html).not.toContain('<script>');
    expect(ledger.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 甲乙');
    expect(ledger.html).toContain('问题 1 个，已整改销号 0 个，整改率 0%；措施 1 项，已完成 0 项；长期坚持 0 项。');
    expect(ledger.html).toContain('信访件：受理 1 件，已办结 0 件，办结率 0%');

    const inspection = await buildReport(h.services.ctx, { campaignId: campaign.id, kind: 'inspection' });
    expect(inspection.recordCount).toBe(0);
    expect(inspection.html).toContain('本院在该专项活动中尚无查摆报告。');
    const summary = await buildReport(h.services.ctx, { campaignId: campaign.id, kind: 'summary' });
    expect(summary.baseName).toBe('龙江县人民法院能力作风建设年活动总结');
    expect(summary.html).toContain('没有逾期未完成的事项。');
    expect(summary.html).toContain('本活动尚未设置指标。');

    for (const kind of ['inspection', 'ledger', 'summary'] as const) {
      await expect(
        buildReport(h.services.ctx, { campaignId: campaign.id, kind, courtCode: 'X99' }),
      ).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
    }
    await h.close();
  });
});

describe('report kinds from the demo data', () => {
  let h: Harness;
  let nengli: Campaign;
  let qinglian: Campaign;
  beforeAll(async () => {
    ({ h, nengli, qinglian } = await demoCourt());
  }, 120_000);
  afterAll(() => h?.close());

  it('查摆报告表: each report on its own portrait page under its heading, then a summary whose counts equal SQL counts', async () => {
    const report = await buildReport(h.services.ctx, { campaignId: nengli.id, kind: 'inspection' });
    expect(report.formats).toEqual(['pdf', 'xlsx', 'docx', 'html']);
    expect(report.landscape).toBe(false);
    const reports = await h.ok('inspection.list', { campaignId: nengli.id });
    expect(reports.length).toBeGreaterThan(2);
    expect(report.recordCount).toBe(reports.length);

    const { pages } = await printed(report, 'inspection-report-p1.png');
    const formHeading = `${nengli.title}查摆报告表`;
    const starts = pages
      .map((text, index) => ({ text, index }))
      .filter(({ text }) => squeeze(text).includes(formHeading));
    expect(starts.length).toBe(reports.length);
    starts.forEach(({ text }, i) => {
      // The form's first table row names its person or department.
      const subjectLine = text.split('\n').find((line) => /^\s*(姓名|部门)\s/.test(line));
      expect(subjectLine, `第 ${i + 1} 份报告表`).toContain(reports[i].subjectName);
    });
    expect(starts[0].index).toBe(0);

    // The summary starts on a page of its own after the last form: counts by state equal what SQL counts here.
    const summaryStart = pages.findIndex((text) => squeeze(text).includes(`${nengli.title}查摆报告汇总`));
    expect(summaryStart).toBeGreaterThan(starts.at(-1)!.index);
    const summary = pages[summaryStart];
    const db = h.services.ctx.db;
    const expected = await sql<{
      n: number;
    }>`SELECT (SELECT count(*) FROM departments WHERE origin = 'J2301' AND deleted_at IS NULL) + (SELECT count(*) FROM people WHERE origin = 'J2301' AND deleted_at IS NULL) AS n`.execute(
      db,
    );
    const states = await sql<{
      status: string;
      n: number;
    }>`SELECT status, count(*) AS n FROM inspection_reports WHERE campaign_id = ${nengli.id} AND origin = 'J2301' AND deleted_at IS NULL GROUP BY status`.execute(
      db,
    );
    const of = (status: string) => states.rows.find((row) => row.status === status)?.n ?? 0;
    const counts = [
      expected.rows[0].n,
      of('submitted') + of('accepted'),
      of('accepted'),
      of('submitted'),
      of('returned'),
      of('draft'),
    ];
    expect(counts[0]).toBeGreaterThan(0);
    const headerLine = summary.split('\n').findIndex((line) => line.includes('应报') && line.includes('已审核'));
    expect(headerLine).toBeGreaterThan(-1);
    const countLine = summary
      .split('\n')
      .slice(headerLine + 1)
      .find((line) => /\d/.test(line))!;
    expect(countLine.trim().split(/\s+/).map(Number)).toEqual(counts);

    // Claims per problem: filed reports claiming it, counted by SQL; each claimed problem's line ends with its count.
    const claimed = await sql<{ title: string; n: number }>`
      SELECT problems.title AS title, count(DISTINCT inspection_reports.id) AS n
      FROM inspection_claims JOIN inspection_reports ON inspection_reports.id = inspection_claims.report_id
      JOIN problems ON problems.id = inspection_claims.problem_id
      WHERE inspection_reports.campaign_id = ${nengli.id} AND inspection_reports.origin = 'J2301' AND inspection_reports.deleted_at IS NULL
        AND inspection_claims.deleted_at IS NULL AND inspection_reports.status IN ('submitted', 'accepted')
      GROUP BY problems.id`.execute(db);
    expect(claimed.rows.length).toBeGreaterThan(0);
    const summaryPages = pages.slice(summaryStart).join('\n').split('\n');
    for (const row of claimed.rows) {
      const line = summaryPages.find((l) => l.includes(row.title));
      expect(line, row.title).toBeDefined();
      expect(line!.trim().split(/\s+/).at(-1), row.title).toBe(String(row.n));
    }

    // The workbook: 汇总 and one row per claim (or per report without claims), every name present.
    const workbook = await readWorkbook(await report.workbook());
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['汇总', '查摆报告']);
    const forms = workbook.getWorksheet('查摆报告')!;
    expect(forms.getRow(3).getCell(2).value).toBe('姓名/部门');
    expect(forms.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    const formText = sheetText(forms);
    for (const r of reports) expect(formText).toContain(squeeze(r.subjectName));
    const summarySheet = sheetText(workbook.getWorksheet('汇总')!);
    for (const row of claimed.rows) expect(summarySheet).toContain(`${squeeze(row.title)}|${row.n}`);

    // The Word document: every person's or department's name in the body, tables with borders.
    const xml = await zipEntry(await report.document!(), 'word/document.xml');
    for (const r of reports) expect(xml).toContain(r.subjectName);
    expect(xml).toContain('w:tblBorders');
    expect(xml).toContain('仿宋');
    expect(xml).toContain('宋体');
  }, 120_000);

  it('整改台账: the closure figures line equals ledger.closure, every measure once, the header on every landscape page', async () => {
    const report = await buildReport(h.services.ctx, { campaignId: qinglian.id, kind: 'ledger' });
    expect(report.landscape).toBe(true);
    const closure = await h.ok('ledger.closure', { campaignId: qinglian.id });
    const rows = await h.ok('ledger.list', { campaignId: qinglian.id });
    const measures = rows.flatMap((r) => (r.measure ? [r.measure] : []));
    expect(measures.length).toBeGreaterThan(5);

    const { pages, flat } = await printed(report, 'ledger-report-p1.png');
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((text, index) => {
      // The header row: the line with 序号 and the lines either side (two-line titles wrap around it).
      const lines = text.split('\n');
      const at = lines.findIndex((line) => line.includes('序号'));
      expect(at, `第 ${index + 1} 页没有表头`).toBeGreaterThanOrEqual(0);
      const header = lines.slice(Math.max(0, at - 1), at + 2).join('\n');
      for (const title of ['整改措施', '牵头院', '整改时限', '整改进展', '状态']) expect(header).toContain(title);
    });
    const closed = measures.filter((m) => m.status === 'signed_off' || m.status === 'lookback_passed').length;
    const rate = closure.overall.rate === null ? '—' : `${closure.overall.rate}%`;
    const line = `问题 ${closure.overall.total} 个，已整改销号 ${closure.overall.closed} 个，整改率 ${rate}；措施 ${measures.length} 项，已完成 ${closed} 项；长期坚持 ${measures.filter((m) => m.longTerm).length} 项。`;
    expect(pages[0].replace(/\s+/g, ' ')).toContain(line);
    // Every measure exactly once (the demo's petitions share one standard measure text: once per petition).
    const times = new Map<string, number>();
    for (const measure of measures) times.set(measure.text, (times.get(measure.text) ?? 0) + 1);
    for (const [text, n] of times) expect(flat.split(squeeze(text)).length - 1, text).toBe(n);

    const workbook = await readWorkbook(await report.workbook());
    const sheet = workbook.getWorksheet('整改台账')!;
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((c) => sheet.getRow(3).getCell(c).value)).toEqual([
      '序号',
      '问题（来源）',
      '整改措施',
      '责任部门/责任人',
      '牵头院领导',
      '整改时限',
      '整改进展',
      '状态',
    ]);
    expect(String(sheet.getCell('A2').value)).toContain(line);
    const text = sheetText(sheet);
    for (const [measureText, n] of times) expect(text.split(squeeze(measureText)).length - 1, measureText).toBe(n);
  }, 120_000);

  it('活动总结: figures equal stats.campaignProgress, overdue titles and indicators listed, charts drawn', async () => {
    const report = await buildReport(h.services.ctx, { campaignId: nengli.id, kind: 'summary' });
    expect(report.landscape).toBe(false);
    const progress = (await h.ok('stats.campaignProgress', { campaignId: nengli.id })).overall;
    const items = await h.ok('items.list', { campaignId: nengli.id });
    const overdue = items.filter((item) => item.light === 'red');
    expect(overdue.length).toBeGreaterThan(0);
    const indicators = await h.ok('indicators.list', { campaignId: nengli.id });
    expect(report.html.match(/<svg class="chart"/g)?.length).toBe(3);

    const { pages, flat } = await printed(report, 'summary-report-p1.png');
    // The written summary first (its title and 一、基本情况), the statistics as its 附件 after.
    const page1 = squeeze(pages[0]);
    expect(page1).toContain('龙江县人民法院关于“能力作风建设年”活动开展情况的总结');
    expect(page1).toContain('一、基本情况');
    expect(flat.indexOf('附件活动推进情况统计')).toBeGreaterThan(flat.indexOf('四、下一步工作打算'));
    expect(flat).toContain(
      squeeze(
        `本院共有推进事项 ${progress.total} 项，已完成 ${progress.done} 项（其中已销号 ${progress.signedOff} 项），完成率 ${progress.percentDone}%；逾期未完成 ${progress.overdue} 项。`,
      ),
    );
    for (const item of overdue) expect(flat, item.title).toContain(squeeze(item.title));
    for (const indicator of indicators) expect(flat, indicator.name).toContain(squeeze(indicator.name));

    const workbook = await readWorkbook(await report.workbook());
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['概况', '逾期事项', '指标']);
    const basics = workbook.getWorksheet('概况')!;
    const facts = new Map<string, unknown>();
    basics.eachRow((row) => facts.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(facts.get('事项总数')).toBe(progress.total);
    expect(facts.get('已完成')).toBe(progress.done);
    expect(facts.get('逾期未完成')).toBe(progress.overdue);
    const overdueSheet = workbook.getWorksheet('逾期事项')!;
    expect(overdueSheet.rowCount).toBe(3 + overdue.length);
    expect(sheetText(overdueSheet)).toContain(squeeze(overdue[0].title));
    expect(workbook.getWorksheet('指标')!.rowCount).toBe(3 + indicators.length);
  }, 120_000);
});

describe('report command for the other kinds', () => {
  it('writes 查摆报告表 as DOCX, 整改台账 as PDF and 活动总结 as XLSX, and refuses DOCX for the ledger', async () => {
    const { h, nengli, qinglian } = await demoCourt();
    const reports = await h.ok('inspection.list', { campaignId: nengli.id });
    const dataDir = h.dataDir;
    folders.push(dataDir);
    await h.close();
    const out = tempDir('court-report-kinds-out-');
    folders.push(out);
    const args = (campaign: Campaign, kind: string, format: string, file: string) => [
      'report',
      '--data',
      dataDir,
      '--campaign',
      campaign.id,
      '--kind',
      kind,
      '--format',
      format,
      '--out',
      file,
    ];

    const docx = await runCli([...args(nengli, 'inspection', 'docx', out), '--json']);
    expect(docx.code, docx.stderr).toBe(0);
    const docxResult = JSON.parse(docx.stdout);
    expect(docxResult).toMatchObject({
      kind: 'inspection',
      format: 'docx',
      pages: null,
      items: reports.length,
      court: { code: 'J2301' },
    });
    expect(path.basename(docxResult.file)).toBe(`龙江县人民法院${nengli.title}查摆报告表.docx`);
    const xml = await zipEntry(fs.readFileSync(docxResult.file), 'word/document.xml');
    for (const r of reports) expect(xml).toContain(r.subjectName);

    const pdfFile = path.join(out, '整改台账.pdf');
    const pdf = await runCli(args(qinglian, 'ledger', 'pdf', pdfFile));
    expect(pdf.code, pdf.stderr).toBe(0);
    expect(pdf.stdout.trim()).toMatch(/^已生成整改台账（PDF，\d+ 页）：/);
    expect(spawnSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' }).stdout).toContain('整改率');

    const xlsxFile = path.join(out, '总结.xlsx');
    const xlsx = await runCli(args(nengli, 'summary', 'xlsx', xlsxFile));
    expect(xlsx.code, xlsx.stderr).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxFile);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['概况', '逾期事项', '指标']);

    const refused = await runCli(args(qinglian, 'ledger', 'docx', path.join(out, 'x.docx')));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('整改台账不能生成 DOCX 文件，--format 可选 pdf、xlsx、html');
    expect(fs.existsSync(path.join(out, 'x.docx'))).toBe(false);
  }, 180_000);
});

/**
 * A high court with a generated province (SQL, as relays leave it): 6 intermediate courts with 8
 * basic courts each on the roster, 12 top-level sections, one item per section per court; one
 * basic court never reported and one intermediate court's last bundle is 50 days old.
 */
async function provinceCourt(): Promise<{ h: Harness; campaign: Campaign }> {
  const h = await openHarness({ now: '2026-11-24T10:00:00+08:00' });
  await h.ok('court.setup', {
    profile: { name: '黑龙江省高级人民法院', code: 'J23', level: 'high', operatorName: '李处长' },
    admin: ADMIN,
  });
  const campaign = await h.ok('campaigns.create', { title: '能力作风建设年', year: 2026, startDate: '2026-01-01' });
  let sections: Array<{ id: string }> = [];
  for (let s = 1; s <= 12; s += 1)
    sections = (await h.ok('sections.create', { campaignId: campaign.id, title: `第${s}项重点工作` })).sections;
  const sqlite = h.services.ctx.sqlite;
  let seq = 1000;
  const roster = sqlite.prepare(
    "INSERT INTO roster_courts (id, origin, change_seq, created_at, updated_at, code, name, level, parent_code, jurisdiction) VALUES (?, 'J23', ?, '2026-10-01T09:00:00+08:00', '2026-10-01T09:00:00+08:00', ?, ?, ?, ?, '黑龙江省')",
  );
  const synced = sqlite.prepare(
    "INSERT INTO sync_courts (code, name, level, parent_code, sign_key, box_key, fingerprint, relation, trusted_at, trusted_by, last_seq, last_bundle_at) VALUES (?, ?, ?, ?, 'k', 'k', ?, ?, '2026-06-01T09:00:00+08:00', '李处长（admin）', 1, ?)",
  );
  const item = sqlite.prepare(
    'INSERT INTO items (id, origin, version, change_seq, created_at, updated_at, campaign_id, section_id, sort_order, title, status, deadline, completed_at) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const cities = ['哈尔滨市', '齐齐哈尔市', '牡丹江市', '佳木斯市', '大庆市', '鸡西市'];
  let n = 0;
  const id = () => `0190f0e4-0000-7000-8000-${String((n += 1)).padStart(12, '0')}`;
  sqlite.transaction(() => {
    cities.forEach((city, c) => {
      const mid = `J23${String(c + 1).padStart(2, '0')}`;
      const courts: Array<[string, string, 'intermediate' | 'basic', string]> = [
        [mid, `${city}中级人民法院`, 'intermediate', 'J23'],
      ];
      for (let b = 1; b <= 8; b += 1)
        courts.push([`${mid}${String(b).padStart(2, '0')}`, `${city}第${b}基层人民法院`, 'basic', mid]);
      courts.forEach(([code, name, level, parent], k) => {
        roster.run(id(), (seq += 1), code, name, level, parent);
        if (code === 'J230308') return; // never reported
        const at = code === 'J2305' ? '2026-10-05T09:00:00+08:00' : '2026-11-20T09:00:00+08:00';
        synced.run(
          code,
          name,
          level,
          parent,
          code.padEnd(40, '0'),
          level === 'intermediate' ? 'subordinate' : 'relayed',
          at,
        );
        sections.forEach((section, s) => {
          const done = (c * 7 + k * 5 + s * (k + 1)) % 11 < 5 + (k % 5);
          item.run(
            id(),
            code,
            (seq += 1),
            '2026-10-01T09:00:00+08:00',
            '2026-11-01T09:00:00+08:00',
            campaign.id,
            section.id,
            s,
            `第${s + 1}项任务`,
            done ? 'completed' : 'in_progress',
            s % 4 === 0 ? '2026-11-01' : '2026-12-31',
            done ? `2026-${(k + s) % 2 ? '10' : '11'}-15T09:00:00+08:00` : null,
          );
        });
      });
    });
  })();
  return { h, campaign };
}

describe('下级法院进度表 (province)', () => {
  it('prints every roster court by jurisdiction with subtotals and the total, header and page numbers on every landscape page', async () => {
    const { h, campaign } = await provinceCourt();
    const board = await h.ok('boards.province', { campaignId: campaign.id });
    const report = await buildReport(h.services.ctx, { campaignId: campaign.id, kind: 'province' });
    expect(report).toMatchObject({ title: '下级法院进度表', landscape: true, recordCount: 54 });
    expect(report.baseName).toBe('黑龙江省高级人民法院能力作风建设年下级法院进度表');
    const { pages, flat } = await printed(report, 'issue13-m-province-pdf.png');
    expect(pages.length).toBeGreaterThan(1);
    for (const [index, page] of pages.entries()) {
      expect(squeeze(page), `第 ${index + 1} 页表头`).toContain('排名法院完成率');
    }
    for (const city of ['哈尔滨市', '齐齐哈尔市', '牡丹江市', '佳木斯市', '大庆市', '鸡西市'])
      expect(flat).toContain(`${city}中级人民法院辖区小计`);
    expect(flat).toContain('全省合计');
    expect(flat).toContain('牡丹江市第8基层人民法院');
    expect(flat).toContain('未报送');
    expect(flat).toContain('数据陈旧');
    // The total line: the rate and the counts of boards.province.
    const total = board.total.totals;
    expect(flat).toContain(
      `全省合计${Math.floor(total.completionRate! * 1000) / 10}%${total.completed}/${total.total}`,
    );

    const workbook = await readWorkbook(await report.workbook());
    const sheet = workbook.getWorksheet('下级法院进度')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 3 });
    expect(sheet.getRow(3).getCell(1).value).toBe('排名');
    expect(sheet.getRow(3).getCell(11).value).toBe('一、第1项重点工作');
    expect(sheet.getColumn(2).width).toBe(30);
    const rows: ExcelJS.Row[] = [];
    sheet.eachRow((row, number) => number > 3 && rows.push(row));
    // 54 courts, 6 subtotals, this court's own row and the total.
    expect(rows).toHaveLength(54 + 6 + 2);
    const totalRow = rows.find((row) => row.getCell(2).value === '全省合计')!;
    expect(totalRow.getCell(4).value).toBeCloseTo(total.completionRate!, 10);
    expect(totalRow.getCell(4).numFmt).toBe('0.0%');
    expect([totalRow.getCell(5).value, totalRow.getCell(6).value, totalRow.getCell(7).value]).toEqual([
      total.completed,
      total.total,
      total.overdue,
    ]);
    expect(totalRow.getCell(1).font.bold).toBe(true);
    const subtotals = rows.filter((row) => String(row.getCell(2).value).endsWith('辖区小计'));
    expect(subtotals.map((row) => row.getCell(6).value)).toEqual(board.jurisdictions.map((j) => j.totals.total));
    expect(subtotals.reduce((sum, row) => sum + Number(row.getCell(5).value), 0)).toBe(
      board.courts.reduce((sum, c) => sum + c.totals.completed, 0),
    );
    const missing = rows.find((row) => row.getCell(2).value === '牡丹江市第8基层人民法院')!;
    expect(missing.getCell(4).value).toBeNull();
    expect(missing.getCell(10).value).toBe('未报送');
    const first = rows.find((row) => row.getCell(1).value === 1)!;
    expect(first.getCell(2).value).toBe(board.courts[0].name);
    await h.close();
  }, 120_000);

  it('活动总结 at the high court counts the province first, then its own items', async () => {
    const { h, campaign } = await provinceCourt();
    const board = await h.ok('boards.province', { campaignId: campaign.id });
    const summary = await buildReport(h.services.ctx, { campaignId: campaign.id, kind: 'summary' });
    const t = board.total;
    const rate = (r: number | null) => `${Math.floor(r! * 1000) / 10}%`;
    expect(summary.html).toContain(
      `全省应报法院 54 个，数据为当期的 ${t.currentCount} 个（报送率 ${rate(t.reportingRate)}）；全省（含本院）事项 ${t.totals.total} 项，已完成 ${t.totals.completed} 项，完成率 ${rate(t.totals.completionRate)}`,
    );
    expect(summary.html).toContain('本院自身：');
    expect(summary.html).toContain('全省推进情况');
    for (const j of board.jurisdictions) expect(summary.html).toContain(`${j.name}辖区小计`);
    const { flat } = await printed(summary);
    expect(flat).toContain(
      `全省合计54${rate(t.reportingRate)}${rate(t.totals.completionRate)}${t.totals.completed}/${t.totals.total}`,
    );
    const workbook = await readWorkbook(await summary.workbook());
    expect(sheetText(workbook.getWorksheet('概况')!)).toContain(`全省推进情况：事项总数|${t.totals.total}`);
    await h.close();
  }, 120_000);

  it('is refused at a basic court and for another court, in Chinese', async () => {
    const { h, campaign } = await openCourt();
    const preview = await h.call('reports.preview', { campaignId: campaign.id, kind: 'province' });
    expect(preview).toMatchObject({ ok: false, code: 'E_INVALID' });
    expect((preview as { message: string }).message).toBe('本院是基层法院，没有下级法院，无法生成下级法院进度表。');
    await h.close();
  });

  it('is written by `report --kind province` as XLSX and PDF', async () => {
    const { h, campaign } = await provinceCourt();
    const dataDir = h.dataDir;
    folders.push(dataDir);
    await h.close();
    const out = tempDir('court-report-province-');
    folders.push(out);
    const args = (format: string) => [
      'report',
      '--data',
      dataDir,
      '--campaign',
      campaign.id,
      '--kind',
      'province',
      '--format',
      format,
      '--out',
      out,
      '--json',
    ];
    const xlsx = await runCli(args('xlsx'));
    expect(xlsx.code, xlsx.stderr).toBe(0);
    const result = JSON.parse(xlsx.stdout);
    expect(result).toMatchObject({ kind: 'province', format: 'xlsx', items: 54, court: { code: 'J23' } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(result.file);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['下级法院进度']);
    const pdf = await runCli(args('pdf'));
    expect(pdf.code, pdf.stderr).toBe(0);
    const printedPdf = JSON.parse(pdf.stdout);
    expect(printedPdf.pages).toBeGreaterThan(1);
    expect(spawnSync('pdftotext', ['-layout', printedPdf.file, '-'], { encoding: 'utf8' }).stdout).toContain(
      '全省合计',
    );
  }, 180_000);
});
