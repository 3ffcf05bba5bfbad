// The printed layout of the reports, read back from real PDFs: the demo court's database built
// through the harness (court.setup with the demo data), every kind printed with the real Chromium
// printer, and the pages measured with poppler's `pdftotext -bbox` (word boxes per page, in points:
// A4 is 595 × 842 pt, 1 mm = 2.835 pt). Portrait documents keep to the GB/T 9704-2012 text block
// (37 mm top, 28 mm left, 156 × 225 mm) — the inspection form's Word file too, as LibreOffice lays
// it out; the ledger fills its pages; the checklist numbers its sections once and keeps state words
// whole; the summary's chart bars carry their numbers and whole labels; the saved HTML reads as a
// page on screen. Every PDF is rendered to PNG under artifacts/issue17/layout/ to be looked at.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportKind } from '../../src/shared/model';
import { buildReport, type BuiltReport } from '../../src/main/reports/reportKinds';
import { ChromiumPdfPrinter, printLayout } from '../../src/main/reports/reportPdf';
import { sectionHeading, titleHasOwnNumber } from '../../src/main/reports/checklistReport';
import { barChart, barFigures, wrapLabel } from '../../src/main/reports/summaryCharts';
import { summaryReport } from '../../src/main/reports/summaryReport';
import { ADMIN, basicCourt, openHarness, tempDir, type Harness } from './harness';
import { readZipEntries } from './zipEntries';

const OUT = path.resolve(__dirname, '..', '..', 'artifacts', 'issue17', 'layout');
const MM = 72 / 25.4;
/** Measuring tolerance: about a millimetre. */
const SLACK = 1 * MM;
/** GB/T 9704-2012: the text block of a portrait page. */
const BLOCK = { top: 37 * MM, left: 28 * MM, width: 156 * MM, height: 225 * MM };
/** The landscape tables keep the report margins: 25 mm top, 20 mm bottom and sides. */
const LANDSCAPE_BLOCK = { top: 25 * MM, bottom: (210 - 20) * MM };

interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}
interface Page {
  width: number;
  height: number;
  words: Word[];
}

const decode = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** Every page's word boxes, from pdftotext -bbox (XHTML with one <word> per word). */
function wordBoxes(file: string): Page[] {
  const result = spawnSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout
    .split('<page ')
    .slice(1)
    .map((page) => {
      const size = /width="([\d.]+)" height="([\d.]+)"/.exec(page)!;
      const words = [
        ...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g),
      ].map((m) => ({ xMin: +m[1], yMin: +m[2], xMax: +m[3], yMax: +m[4], text: decode(m[5]) }));
      return { width: +size[1], height: +size[2], words };
    });
}

/** The text as pdftotext lays it out (-layout) or in the order drawn (-raw), all pages. */
function pdfText(file: string, mode: '-layout' | '-raw'): string {
  return spawnSync('pdftotext', [mode, file, '-'], { encoding: 'utf8' }).stdout;
}

/** The page number under the block: "第 3 页 共 9 页" (tables and forms) or "— 3 —" (a prose 公文). */
const FOOTER_WORD = /^(第|页|共|\d+|—|—\d+—)$/;

/** A page's words apart from the footer's page number (below the text block). */
function bodyWords(page: Page, blockBottom: number): Word[] {
  return page.words.filter((w) => !(w.yMin > blockBottom && FOOTER_WORD.test(w.text)));
}

let h: Harness;
let campaignId = '';
let ledgerCampaignId = '';
const printer = new ChromiumPdfPrinter();
const printed = new Map<ReportKind, { report: BuiltReport; file: string; pages: Page[] }>();
const folder = tempDir('court-layout-');

/** Prints a kind once, keeps the PDF and HTML under artifacts/ and renders its pages to PNG. */
async function print(kind: ReportKind) {
  const known = printed.get(kind);
  if (known) return known;
  const report = await buildReport(h.services.ctx, {
    campaignId: kind === 'ledger' ? ledgerCampaignId : campaignId,
    kind,
  });
  const pdf = await printer.print(report.html, { landscape: report.landscape });
  const file = path.join(folder, `${kind}.pdf`);
  fs.writeFileSync(file, pdf);
  fs.writeFileSync(path.join(OUT, `${kind}.html`), report.html);
  fs.copyFileSync(file, path.join(OUT, `${kind}.pdf`));
  for (const old of fs.readdirSync(OUT)) if (old.startsWith(`${kind}-`)) fs.rmSync(path.join(OUT, old));
  spawnSync('pdftoppm', ['-png', '-r', '60', file, path.join(OUT, kind)]);
  const result = { report, file, pages: wordBoxes(file) };
  printed.set(kind, result);
  return result;
}

/**
 * Every word of every page inside the portrait text block; the page number alone below it:
 * "第 X 页 共 Y 页" for a form ('official' margins with the report footer), "— X —" for a prose 公文.
 */
function expectInsideTextBlock(pages: Page[], name: string, layout: 'official' | 'official-document') {
  const bottom = BLOCK.top + BLOCK.height;
  pages.forEach((page, index) => {
    const where = `${name} 第 ${index + 1} 页`;
    // A4 portrait: 595.3 × 841.9 pt (Chromium rounds it up a little).
    expect(Math.abs(page.width - 595.3), where).toBeLessThan(1.5);
    expect(Math.abs(page.height - 841.9), where).toBeLessThan(1.5);
    const words = bodyWords(page, bottom);
    expect(words.length, where).toBeGreaterThan(0);
    const box = {
      top: Math.min(...words.map((w) => w.yMin)),
      left: Math.min(...words.map((w) => w.xMin)),
      right: Math.max(...words.map((w) => w.xMax)),
      bottom: Math.max(...words.map((w) => w.yMax)),
    };
    expect(box.top, `${where}：正文上边距不足 37 mm`).toBeGreaterThanOrEqual(BLOCK.top - SLACK);
    expect(box.left, `${where}：正文左边距不足 28 mm`).toBeGreaterThanOrEqual(BLOCK.left - SLACK);
    expect(box.right, `${where}：正文超出 156 mm 版心`).toBeLessThanOrEqual(BLOCK.left + BLOCK.width + SLACK);
    expect(box.bottom, `${where}：正文超出 225 mm 版心`).toBeLessThanOrEqual(bottom + SLACK);
    // The page number sits under the block, and every page has one.
    const footer = page.words
      .filter((w) => w.yMin > bottom)
      .map((w) => w.text)
      .join('');
    if (layout === 'official') {
      expect(footer, where).toBe(`第${index + 1}页共${pages.length}页`);
      // A form's text starts at the top margin (the first line is the heading), not lower down.
      expect(box.top, where).toBeLessThan(BLOCK.top + 8 * MM);
    } else expect(footer, where).toBe(`—${index + 1}—`);
  });
}

beforeAll(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  h = await openHarness({ now: '2026-11-24T10:00:00+08:00' });
  const setup = await h.ok('court.setup', { profile: basicCourt, admin: ADMIN, loadDemo: true });
  const job = await h.services.ctx.jobs.waitFor(setup.demoJobId!);
  expect(job?.error ?? null).toBeNull();
  expect(job?.state).toBe('done');
  const campaigns = await h.ok('campaigns.list');
  // The demo's 能力作风建设年 has the checklist, the 查摆 reports and the summary's figures; the
  // 清廉法院 campaign the 17 findings of the rectification ledger.
  campaignId = campaigns.find((c) => c.title.includes('能力作风'))!.id;
  ledgerCampaignId = campaigns.find((c) => c.title.includes('清廉法院'))!.id;
  // Section titles typed with numbers of their own, as clerks copy them from a document.
  for (const title of ['十、自选动作', '第十一部分 队伍建设']) {
    const detail = await h.ok('sections.create', { campaignId, title });
    const section = detail.sections.find((s) => s.title === title)!;
    await h.ok('items.create', {
      campaignId,
      sectionId: section.id,
      title: `${title}的落实事项`,
      deadline: '2026-12-31',
    });
  }
}, 180_000);

afterAll(async () => {
  await printer.close();
  await h?.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

describe('portrait documents: the GB/T 9704 text block, "第 X 页 共 Y 页" under it', () => {
  it('查摆报告表 (PDF): every page inside 37 mm top, 28 mm left, 156 × 225 mm', async () => {
    const { report, pages } = await print('inspection');
    expect(report.landscape).toBe(false);
    expect(printLayout(report.html)).toBe('official');
    expect(pages.length).toBeGreaterThan(2);
    expectInsideTextBlock(pages, '查摆报告表', 'official');
    // The title in 2号 (22 pt), the form's cells in 4号 (14 pt): word boxes scale with the size.
    const height = (text: string) => {
      const word = pages[0].words.find((w) => w.text.includes(text))!;
      return word.yMax - word.yMin;
    };
    const ratio = height('查摆报告表') / height('填报日期');
    expect(ratio).toBeGreaterThan(22 / 14 - 0.15);
    expect(ratio).toBeLessThan(22 / 14 + 0.15);
  }, 120_000);

  it('活动总结 (PDF, portrait): inside the same text block', async () => {
    const { report, pages } = await print('summary');
    expect(report.landscape).toBe(false);
    const layout = printLayout(report.html);
    expect(layout === 'official' || layout === 'official-document').toBe(true);
    expectInsideTextBlock(pages, '活动总结', layout as 'official' | 'official-document');
  }, 120_000);

  it('查摆报告表 (Word): the 公文 margins, 2号 title and 4号 cells, and LibreOffice lays it out inside the block', async () => {
    const { report } = await print('inspection');
    const file = path.join(folder, 'inspection.docx');
    fs.writeFileSync(file, await report.document!());
    const entries = await readZipEntries(file);
    const part = (name: string) => entries.find((e) => e.name === name)!.bytes.toString('utf8');
    const xml = part('word/document.xml');
    const margins = [...xml.matchAll(/<w:pgMar ([^>]*)\/>/g)].map((m) =>
      Object.fromEntries([...m[1].matchAll(/w:(\w+)="(\d+)"/g)].map((a) => [a[1], Number(a[2])])),
    );
    expect(margins.length).toBeGreaterThan(1);
    const twips = (mm: number) => Math.round((mm * 1440) / 25.4);
    for (const margin of margins)
      expect(margin).toMatchObject({ top: twips(37), bottom: twips(35), left: twips(28), right: twips(26) });
    // Title 2号 (44 half-points), court and headings 3号 (32), the form's cells 4号 (28).
    for (const size of [44, 32, 28]) expect(xml.includes(`<w:sz w:val="${size}"/>`), `字号 ${size / 2} pt`).toBe(true);
    // A form numbers its pages "第 X 页 共 Y 页" in the footer.
    const footers = entries.filter((e) => /^word\/footer\d*\.xml$/.test(e.name)).map((e) => e.bytes.toString('utf8'));
    expect(footers.length).toBeGreaterThan(0);
    for (const footer of footers) {
      const text = footer.replace(/<[^>]+>/g, '');
      expect(text).toMatch(/第.*页 共.*页/);
      expect(footer.includes('NUMPAGES')).toBe(true);
    }

    // LibreOffice (standing in for WPS and Word) lays the document out: the same text block.
    const profile = path.join(folder, 'lo-profile');
    const converted = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', folder, file],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(converted.status, converted.stderr).toBe(0);
    const pdf = path.join(folder, 'inspection.pdf');
    fs.copyFileSync(pdf, path.join(OUT, 'inspection-docx.pdf'));
    for (const old of fs.readdirSync(OUT)) if (old.startsWith('inspection-docx-')) fs.rmSync(path.join(OUT, old));
    spawnSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(OUT, 'inspection-docx')]);
    const pages = wordBoxes(pdf);
    expect(pages.length).toBeGreaterThan(2);
    expectInsideTextBlock(pages, '查摆报告表（Word）', 'official');
  }, 180_000);
});

describe('整改台账: rows kept whole without pushing whole findings to the next page', () => {
  it('17 findings print on at most 4 pages, every page but the last at least ~80% full', async () => {
    const { report, pages } = await print('ledger');
    expect(report.landscape).toBe(true);
    expect(report.recordCount).toBe(17);
    expect(printLayout(report.html)).toBe('report');
    // No rowspan (Chromium keeps a rowspanned cell's rows together) and no unbreakable groups.
    expect(report.html).not.toMatch(/rowspan/);
    expect(report.html).not.toMatch(/tbody\s*\{[^}]*break-inside/);
    expect(pages.length).toBeLessThanOrEqual(4);
    const fills = pages.map((page) => {
      const words = bodyWords(page, LANDSCAPE_BLOCK.bottom);
      const lowest = Math.max(...words.map((w) => w.yMax));
      return (lowest - LANDSCAPE_BLOCK.top) / (LANDSCAPE_BLOCK.bottom - LANDSCAPE_BLOCK.top);
    });
    console.log(`整改台账 ${pages.length} 页，各页填充：${fills.map((f) => `${Math.round(f * 100)}%`).join('、')}`);
    for (const [index, fill] of fills.slice(0, -1).entries())
      expect(fill, `第 ${index + 1} 页只填到 ${Math.round(fill * 100)}%`).toBeGreaterThanOrEqual(0.8);
    // Landscape tables keep their narrower margins: text reaches beyond the portrait block.
    expect(Math.max(...pages[0].words.map((w) => w.xMax))).toBeGreaterThan(700);
    // Every finding and every measure is printed, the header on every page.
    const text = pdfText(printed.get('ledger')!.file, '-layout');
    expect(
      text
        .split('\f')
        .filter((p) => p.trim())
        .every((p) => p.includes('整改措施')),
    ).toBe(true);
  }, 120_000);
});

describe('推进清单: section numbers once, state words whole, late completion in words', () => {
  it('prints a title that carries its own number as written, never "一、一、"', async () => {
    const { file } = await print('checklist');
    const text = pdfText(file, '-layout');
    expect(text).toContain('十、自选动作');
    expect(text).toContain('第十一部分 队伍建设');
    const doubled =
      /([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)\s*([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|第[一二三四五六七八九十]+部分)/;
    expect(text).not.toMatch(doubled);
  }, 120_000);

  it('numbering forms a title may start with', () => {
    for (const title of [
      '一、自选动作',
      '（二）专项',
      '(三)专项',
      '1. 专项',
      '1、专项',
      '2）专项',
      '（3）专项',
      '①专项',
      '第一部分 队伍',
      '第二章 总则',
      '第3节 细则',
    ])
      expect(titleHasOwnNumber(title), title).toBe(true);
    for (const title of ['争先创优年', '12368 热线', '2026年度考核', '1.5倍工作量', '十分重要的事项'])
      expect(titleHasOwnNumber(title), title).toBe(false);
    expect(sectionHeading('一、', '一、争先创优年')).toBe('一、争先创优年');
    expect(sectionHeading('一、', '争先创优年')).toBe('一、争先创优年');
    expect(sectionHeading('（二）', '（2）案件质量')).toBe('（2）案件质量');
  });

  it('never breaks inside a state word; overdue and late completion are said in words', async () => {
    const { report, file, pages } = await print('checklist');
    // The state column: the last 11% of the table, which runs from 20 mm to 277 mm.
    const columnLeft = (20 + 0.89 * 257) * MM;
    const token = /^(?:未开始|推进中|已完成待销号|已销号|已退回)?(?:（逾期）|（逾期完成）)?$/;
    let lines = 0;
    for (const [index, page] of pages.entries()) {
      const byLine = new Map<number, string>();
      for (const word of page.words.filter((w) => w.xMin >= columnLeft - 2 && w.yMin < LANDSCAPE_BLOCK.bottom)) {
        const key = Math.round(word.yMin);
        byLine.set(key, (byLine.get(key) ?? '') + word.text);
      }
      for (const line of byLine.values()) {
        if (line === '状态') continue;
        lines += 1;
        expect(line, `第 ${index + 1} 页状态栏`).toMatch(token);
      }
    }
    expect(lines).toBeGreaterThan(20);
    const text = pdfText(file, '-layout');
    expect(text).toContain('（逾期）');
    expect(text).toContain('（逾期完成）');
    expect(report.html).toMatch(/<span class="nowrap">推进中<\/span><wbr><span class="nowrap">（逾期）<\/span>/);
  }, 120_000);
});

describe('活动总结: chart bars carry their numbers, labels are never cut', () => {
  it('every section bar reads "done/total · NN%", every label whole, nothing cut with "…"', async () => {
    const { file, report } = await print('summary');
    const data = await summaryReport(h.services.ctx, campaignId);
    expect(data.sections.length).toBeGreaterThan(3);
    const raw = pdfText(file, '-raw');
    const squeezed = raw.replace(/\s+/g, '');
    for (const section of data.sections) {
      expect(raw).toContain(barFigures(section.completed, section.total));
      expect(squeezed).toContain(section.title.replace(/\s+/g, ''));
    }
    expect(report.html).not.toContain('…');
    // The SVG is static: no script, nothing fetched.
    expect(report.html).not.toMatch(/<script|href="http|xlink:href/);
  }, 120_000);

  it('wraps a long label over lines of about equal length, never starting a line with a closing bracket', () => {
    const label = '二、工作推进体系（方案+细则+清单+举措）再加上一段很长的说明文字';
    const lines = wrapLabel(label, 18);
    expect(lines.join('')).toBe(label);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines.slice(1)) expect(line).not.toMatch(/^[）」”、，。]/);
    const chart = barChart([{ label, done: 12, total: 15 }]);
    expect(chart).toContain('12/15 · 80%');
    expect(chart).not.toContain('…');
    expect(barFigures(199, 200)).toBe('199/200 · 99%');
  });
});

describe('the saved HTML report on screen', () => {
  it('reads as an A4 sheet with margins in a browser window, and prints unchanged', async () => {
    const { report } = await print('inspection');
    const ledger = await print('ledger');
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      const pxPerMm = 96 / 25.4;
      const body = async () =>
        page.evaluate(() => {
          const b = document.body.getBoundingClientRect();
          const style = getComputedStyle(document.body);
          return {
            left: b.left,
            width: b.width,
            paddingTop: parseFloat(style.paddingTop),
            paddingLeft: parseFloat(style.paddingLeft),
          };
        });
      for (const [html, paperMm, margins, name] of [
        [report.html, 210, { top: 37, left: 28 }, 'portrait'],
        [ledger.report.html, 297, { top: 25, left: 20 }, 'landscape'],
      ] as const) {
        await page.setContent(html);
        await page.screenshot({ path: path.join(OUT, `screen-${name}-1366.png`) });
        const sheet = await body();
        expect(sheet.width).toBeCloseTo(paperMm * pxPerMm, 0);
        expect(sheet.left).toBeGreaterThan(0);
        expect(sheet.paddingTop).toBeCloseTo(margins.top * pxPerMm, 0);
        expect(sheet.paddingLeft).toBeCloseTo(margins.left * pxPerMm, 0);
        // Printed, the @page margins frame the text: no sheet padding on top of them.
        await page.emulateMedia({ media: 'print' });
        const paper = await body();
        expect(paper.paddingTop).toBe(0);
        expect(paper.left).toBe(0);
        await page.emulateMedia({ media: 'screen' });
      }
      // In the app's preview frame (the paper minus its 20 mm side margins), the portrait form
      // moves its text to where the printed 156 mm block sits.
      await page.setViewportSize({ width: Math.round(170 * pxPerMm), height: 768 });
      await page.setContent(report.html);
      await page.screenshot({ path: path.join(OUT, 'screen-portrait-preview.png') });
      const framed = await body();
      expect(framed.width).toBeCloseTo(156 * pxPerMm, 0);
      expect(framed.left).toBeCloseTo(8 * pxPerMm, 0);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
