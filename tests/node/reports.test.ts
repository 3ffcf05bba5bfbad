// The checklist report (推进清单) checked from the generated files: the HTML's text and escaping,
// the XLSX read back with exceljs, the PDF's text per page with poppler's pdftotext (header
// repeated, page numbers, every item exactly once), and the command line writing real files.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './cliProcess';
import { openCourt, tempDir } from './harness';
import { checklistReport } from '../../src/main/reports/checklistReport';
import { checklistReportHtml } from '../../src/main/reports/reportHtml';
import { closeSharedPdfPrinter, pdfPageCount, sharedPdfPrinter } from '../../src/main/reports/reportPdf';
import { checklistReportXlsx, CHECKLIST_SHEET, HEADER_ROW } from '../../src/main/reports/reportXlsx';

// The browser kept warm across this file's prints.
afterAll(() => closeSharedPdfPrinter());

const ARTIFACTS = path.join(ROOT, 'artifacts');
const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
});

const TRICKY = '<script>alert("x")</script> & 甲乙';
const HEADER = ['序号', '任务', '牵头院领导', '责任部门', '完成时限', '进展情况', '状态'];

/** A court with three sections (one nested), `perSection` items in each, a few notes and an overdue item. */
async function courtWithChecklist(perSection: number) {
  const { h, campaign, sections } = await openCourt();
  const department = await h.ok('departments.create', { name: '立案庭', headName: '刘庭长' });
  const third = await h.ok('sections.create', {
    campaignId: campaign.id,
    parentId: sections[1].id,
    title: '审判质效专项',
  });
  const targets = [sections[0], sections[1], third.sections.find((s) => s.title === '审判质效专项')!];
  const titles: string[] = [];
  let n = 0;
  for (const section of targets) {
    for (let i = 0; i < perSection; i += 1) {
      n += 1;
      const title = `核查第${String(n).padStart(3, '0')}项台账`;
      titles.push(title);
      await h.ok('items.create', {
        campaignId: campaign.id,
        sectionId: section.id,
        title,
        content: i % 2 === 0 ? '逐案核对立案登记、审限变更和结案报结情况，发现问题当场登记并限期整改到位。' : '',
        leadLeader: '陈立华',
        departmentId: department.id,
        deadline: '2026-12-31',
      });
    }
  }
  return { h, campaign, sections, targets, titles };
}

describe('checklist report data and HTML', () => {
  it('numbers items in display order under their sections, with the latest note and overdue status, escaped in the HTML', async () => {
    const { h, campaign, sections } = await openCourt();
    const department = await h.ok('departments.create', { name: '审管办' });
    await h.ok('items.create', {
      campaignId: campaign.id,
      sectionId: sections[1].id,
      title: TRICKY,
      content: '第一行\n第二行',
      leadLeader: '王建军',
      departmentId: department.id,
      deadline: '2026-11-01',
      deadlineReason: '补录已逾期的事项',
    });
    const first = await h.ok('items.create', {
      campaignId: campaign.id,
      sectionId: sections[0].id,
      title: '建立周报制度',
      deadline: '2026-12-31',
    });
    await h.ok('progress.add', { itemId: first.id, noteDate: '2026-11-20', text: '周报制度正式运行' });
    await h.ok('progress.add', { itemId: first.id, noteDate: '2026-11-10', text: '较早的进展' });
    await h.ok('items.create', { campaignId: campaign.id, sectionId: null, title: '未归栏目的事项' });

    const report = await checklistReport(h.services.ctx, campaign.id);
    expect(report.courtName).toBe('龙江县人民法院');
    expect(report.campaignTitle).toBe('能力作风建设年');
    expect(report.reportDate).toBe('2026年11月24日');
    expect(report.groups.map((g) => g.heading)).toEqual(['一、争先创优年', '二、案件质量提升年', '其他事项']);
    const rows = report.groups.flatMap((g) => g.rows);
    expect(rows.map((r) => [r.number, r.title])).toEqual([
      [1, '建立周报制度'],
      [2, TRICKY],
      [3, '未归栏目的事项'],
    ]);
    expect(rows[0].progress).toEqual({ date: '2026-11-20', text: '周报制度正式运行' });
    expect(rows[0].status).toBe('推进中');
    expect(rows[1]).toMatchObject({
      leadLeader: '王建军',
      department: '审管办',
      deadline: '2026-11-01',
      status: '未开始（逾期）',
      overdue: true,
      progress: null,
    });

    const html = checklistReportHtml(report);
    expect(html).toContain('<div class="court">龙江县人民法院</div>');
    expect(html).toContain('<h1>能力作风建设年推进清单</h1>');
    expect(html).toContain('（2026年11月24日）');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 甲乙');
    expect(html).not.toContain('<script>');
    expect(html).toContain('第一行<br>第二行');
    expect(html).toContain('display: table-header-group');
    expect(html).toContain('page-break-inside: avoid');
    for (const title of HEADER) expect(html).toContain(`<th>${title}</th>`);
    await h.close();
  });

  it('refuses a court this database holds nothing of', async () => {
    const { h, campaign } = await openCourt();
    await expect(checklistReport(h.services.ctx, campaign.id, 'X99')).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
    await h.close();
  });
});

describe('checklist report files', () => {
  let fixture: Awaited<ReturnType<typeof courtWithChecklist>>;
  beforeAll(async () => {
    fixture = await courtWithChecklist(50);
    const [firstItem] = (await fixture.h.ok('items.list', { campaignId: fixture.campaign.id })).slice(0, 1);
    await fixture.h.ok('progress.add', { itemId: firstItem.id, noteDate: '2026-11-20', text: '已完成第一轮核查' });
  }, 120_000);
  afterAll(() => fixture.h.close());

  it('writes an XLSX with the title, a frozen header, widths, merged bold section rows and item rows', async () => {
    const report = await checklistReport(fixture.h.services.ctx, fixture.campaign.id);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await checklistReportXlsx(report)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(CHECKLIST_SHEET)!;
    expect(sheet).toBeDefined();
    expect(sheet.getCell('A1').value).toBe('龙江县人民法院能力作风建设年推进清单');
    expect(sheet.getCell('A2').value).toBe('（2026年11月24日）');
    expect(HEADER.map((_, i) => sheet.getRow(HEADER_ROW).getCell(i + 1).value)).toEqual(HEADER);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW });
    const widths = HEADER.map((_, i) => sheet.getColumn(i + 1).width ?? 0);
    expect(widths[1]).toBeGreaterThan(30);
    expect(widths[5]).toBeGreaterThan(30);
    expect(widths[0]).toBeLessThan(10);

    const section = sheet.getRow(HEADER_ROW + 1);
    expect(section.getCell(1).value).toBe('一、争先创优年');
    expect(section.getCell(1).font?.bold).toBe(true);
    expect(section.getCell(7).isMerged).toBe(true);
    expect(section.getCell(7).master.address).toBe(`A${HEADER_ROW + 1}`);

    const item = sheet.getRow(HEADER_ROW + 2);
    expect(item.getCell(1).value).toBe(1);
    const task = item.getCell(2).value as ExcelJS.CellRichTextValue;
    expect(task.richText.map((run) => run.text).join('')).toBe(
      '核查第001项台账\n逐案核对立案登记、审限变更和结案报结情况，发现问题当场登记并限期整改到位。',
    );
    expect([3, 4, 5, 6, 7].map((c) => item.getCell(c).value)).toEqual([
      '陈立华',
      '立案庭',
      '2026-12-31',
      '2026-11-20\n已完成第一轮核查',
      '推进中',
    ]);
    expect(item.getCell(2).alignment?.wrapText).toBe(true);
    expect(item.getCell(2).border?.left?.style).toBe('thin');
    // Three section rows (the third nested under the second) and 150 item rows.
    expect(sheet.rowCount).toBe(HEADER_ROW + 3 + 150);
    expect(sheet.getRow(HEADER_ROW + 2 + 50).getCell(1).value).toBe('二、案件质量提升年');
    expect(sheet.getRow(HEADER_ROW + 3 + 50 + 50).getCell(1).value).toBe('　（一）审判质效专项');
  });

  it('prints a multi-page PDF with the header and "第 N 页 共 M 页" on every page and every item exactly once', async () => {
    const report = await checklistReport(fixture.h.services.ctx, fixture.campaign.id);
    const pdf = await sharedPdfPrinter().print(checklistReportHtml(report));
    const dir = tempDir('court-report-');
    folders.push(dir);
    const file = path.join(dir, 'checklist.pdf');
    fs.writeFileSync(file, pdf);

    const pages = pdfPageCount(pdf)!;
    expect(pages).toBeGreaterThan(1);
    const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout;
    expect(info).toMatch(new RegExp(`Pages:\\s+${pages}\\b`));

    let whole = '';
    for (let page = 1; page <= pages; page += 1) {
      const text = spawnSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), file, '-'], {
        encoding: 'utf8',
      }).stdout;
      const headerLine = text.split('\n').find((line) => line.includes('序号'));
      expect(headerLine, `第 ${page} 页没有表头`).toBeDefined();
      for (const title of ['任务', '责任部门', '完成时限', '进展情况', '状态']) expect(headerLine).toContain(title);
      expect(text.replace(/\s+/g, ' ')).toContain(`第 ${page} 页 共 ${pages} 页`);
      whole += text;
    }
    expect(whole).toContain('龙江县人民法院');
    expect(whole).toContain('能力作风建设年推进清单');
    for (const title of fixture.titles) {
      expect(whole.split(title).length - 1, title).toBe(1);
    }

    // Page 1 as a picture, kept for people to look at.
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const prefix = path.join(dir, 'page');
    const render = spawnSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', file, prefix]);
    expect(render.status).toBe(0);
    fs.copyFileSync(`${prefix}.png`, path.join(ARTIFACTS, 'checklist-report-p1.png'));
  }, 120_000);
});

describe('report command', () => {
  it('writes a PDF and an XLSX, and refuses a format the kind does not offer', async () => {
    const { h, campaign, titles } = await courtWithChecklist(4);
    const dataDir = h.dataDir;
    folders.push(dataDir);
    await h.close();
    const out = tempDir('court-report-out-');
    folders.push(out);
    const base = ['report', '--data', dataDir, '--campaign', campaign.id, '--kind', 'checklist'];

    const pdfFile = path.join(out, '推进清单.pdf');
    const pdf = await runCli([...base, '--format', 'pdf', '--out', pdfFile]);
    expect(pdf.code, pdf.stderr).toBe(0);
    expect(pdf.stdout.trim()).toMatch(
      new RegExp(`^已生成推进清单（PDF，\\d+ 页）：${pdfFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
    );
    const text = spawnSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' }).stdout;
    for (const title of titles) expect(text).toContain(title);

    const xlsxFile = path.join(out, '推进清单.xlsx');
    const xlsx = await runCli([...base, '--format', 'xlsx', '--out', xlsxFile, '--json']);
    expect(xlsx.code, xlsx.stderr).toBe(0);
    expect(JSON.parse(xlsx.stdout)).toMatchObject({
      kind: 'checklist',
      format: 'xlsx',
      file: xlsxFile,
      items: 12,
      court: { code: 'J2301' },
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxFile);
    expect(
      workbook
        .getWorksheet(CHECKLIST_SHEET)!
        .getRow(HEADER_ROW + 2)
        .getCell(2).value,
    ).toMatchObject({ richText: expect.any(Array) });

    // The checklist has no Word form: a usage error naming the formats it has, and no file.
    const wrongFormat = await runCli([...base, '--format', 'docx', '--out', path.join(out, 'x.docx')]);
    expect(wrongFormat.code).toBe(2);
    expect(wrongFormat.stderr).toContain('推进清单不能生成 DOCX 文件，--format 可选 pdf、xlsx、html');
    expect(fs.existsSync(path.join(out, 'x.docx'))).toBe(false);

    const badFormat = await runCli([...base, '--format', 'pptx', '--out', path.join(out, 'x.pptx')]);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain('--format');
  }, 120_000);
});
