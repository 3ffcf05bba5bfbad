// The printed PDFs embed real fonts (docs/documents.md, 字体): on a machine without the 公文 faces
// (this one: Debian, whose Noto CJK fonts are CFF and would print as Type 3 glyphs) the shipped
// Noto Serif SC / Noto Sans SC are embedded as named CID TrueType fonts, the text comes back with
// pdftotext (searchable), and Creator/Producer name the program. Real reports from the demo court's
// database: the checklist (landscape table), the 查摆报告表, a 通报 (公文) and the 活动总结.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a build script in plain JavaScript, without type declarations
import { copyShippedFonts } from '../../scripts/lib/shippedFonts.mjs';
import { ROOT } from './cliProcess';
import { ADMIN, basicCourt, intermediateCourt, openHarness, tempDir, type Harness } from './harness';
import type { Campaign } from '../../src/shared/model';
import { NENGLI_TITLE } from '../../src/main/demo/campaignNengli';
import { buildReport, type BuiltReport } from '../../src/main/reports/reportKinds';
import { closeSharedPdfPrinter, pdfPageCount, sharedPdfPrinter } from '../../src/main/reports/reportPdf';
import { PDF_CREATOR } from '../../src/main/reports/fonts/pdfInfo';
import {
  fontFaceStyle,
  parseUnicodeRange,
  shippedSlices,
  withShippedFonts,
} from '../../src/main/reports/fonts/shippedFonts';
import {
  BODY_STACK,
  HEADING_STACK,
  KAI_STACK,
  NUMBER_STACK,
  TITLE_STACK,
} from '../../src/main/reports/fonts/fontStacks';

// The browser kept warm across this file's prints.
afterAll(() => closeSharedPdfPrinter());

const ARTIFACTS = path.join(ROOT, 'artifacts', 'issue17', 'fonts');
const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
});

interface PdfFont {
  name: string;
  type: string;
  encoding: string;
  embedded: boolean;
  subset: boolean;
  unicode: boolean;
}

/** pdffonts' table, one row per font. */
function pdfFonts(file: string): PdfFont[] {
  const out = spawnSync('pdffonts', [file], { encoding: 'utf8' }).stdout;
  return out
    .split('\n')
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => {
      // name type encoding emb sub uni object ID — the type may have a space ("CID TrueType").
      const m = /^(\S*)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(line);
      if (!m) throw new Error(`pdffonts 行无法识别：${line}`);
      return {
        name: m[1],
        type: m[2],
        encoding: m[3],
        embedded: m[4] === 'yes',
        subset: m[5] === 'yes',
        unicode: m[6] === 'yes',
      };
    });
}

interface Printed {
  file: string;
  fonts: PdfFont[];
  text: string;
  info: string;
}

const squeeze = (text: string) => text.replace(/\s+/g, '');

async function print(report: BuiltReport, name: string): Promise<Printed> {
  const pdf = await sharedPdfPrinter().print(report.html, { landscape: report.landscape });
  const dir = tempDir('court-report-fonts-');
  folders.push(dir);
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  const count = pdfPageCount(pdf)!;
  expect(count).toBeGreaterThan(0);
  // Every page carries its number, drawn in the shipped fonts too: 第 X 页 共 Y 页, or “— X —” on a 公文.
  for (let page = 1; page <= count; page += 1) {
    const text = squeeze(
      spawnSync('pdftotext', ['-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' }).stdout,
    );
    expect(text.includes(`第${page}页共${count}页`) || text.includes(`—${page}—`), `${name} 第 ${page} 页页码`).toBe(
      true,
    );
  }
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.copyFileSync(file, path.join(ARTIFACTS, `${name}.pdf`));
  expect(
    spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', file, path.join(ARTIFACTS, name)]).status,
  ).toBe(0);
  return {
    file,
    fonts: pdfFonts(file),
    text: squeeze(spawnSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).stdout),
    info: spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout,
  };
}

async function demoCourt(): Promise<{ h: Harness; nengli: Campaign }> {
  const h = await openHarness({ now: '2026-11-24T10:00:00+08:00' });
  const setup = await h.ok('court.setup', { profile: basicCourt, admin: ADMIN, loadDemo: true });
  const job = await h.services.ctx.jobs.waitFor(setup.demoJobId!);
  expect(job?.state).toBe('done');
  const campaigns = await h.ok('campaigns.list');
  return { h, nengli: campaigns.find((c) => c.title === NENGLI_TITLE)! };
}

/** An intermediate court with one court below it and an issued 通报 whose body has 一、 and （一） headings. */
async function courtWithNotice(): Promise<BuiltReport> {
  const h = await openHarness({ now: '2026-11-24T10:00:00+08:00' });
  await h.ok('court.setup', { profile: intermediateCourt, admin: ADMIN });
  const campaign = await h.ok('campaigns.create', {
    title: '能力作风建设年',
    year: 2026,
    startDate: '2026-03-01',
    endDate: '2026-12-31',
  });
  await h.ok('roster.add', { code: 'J230202', name: '讷河市人民法院', level: 'basic', parentCode: 'J23' });
  const draft = await h.ok('notices.draft', {
    campaignId: campaign.id,
    kind: 'criticism',
    namedCourts: [{ code: 'J230202', stance: 'criticism' }],
  });
  const saved = await h.ok('notices.save', {
    id: draft.id,
    version: draft.version,
    kind: draft.kind,
    title: draft.title,
    addressees: draft.addressees,
    issuerName: draft.issuerName,
    signedDate: draft.signedDate!,
    body: `${draft.body}\n一、工作要求\n（一）压实整改责任\n各级法院要逐项对账销号，确保整改到位。`,
    namedCourts: draft.namedCourts.map(({ code, stance }) => ({ code, stance })),
  });
  const issued = await h.ok('notices.issue', { id: saved.id, version: saved.version });
  return buildReport(h.services.ctx, { campaignId: campaign.id, kind: 'notice', noticeId: issued.id });
}

/** Every font of the PDF a named, embedded CID TrueType font with a Unicode map — no Type 3 glyphs. */
function expectRealFonts(printed: Printed, name: string) {
  expect(printed.fonts.length, name).toBeGreaterThan(0);
  expect(
    printed.fonts.filter((font) => font.type === 'Type 3'),
    `${name}：Type 3 字体`,
  ).toEqual([]);
  for (const font of printed.fonts) {
    expect(font, name).toMatchObject({ type: 'CID TrueType', embedded: true, subset: true, unicode: true });
    // A subset tag and the face's PostScript name: XXXXXX+NotoSerifSC… or XXXXXX+NotoSansSC….
    expect(font.name, name).toMatch(/^[A-Z]{6}\+NotoS(erif|ans)SC/);
  }
}

/** Creator and Producer name the program and its version; the Title is the document's <title>. */
function expectProgramInfo(printed: Printed, html: string) {
  const title = /<title>([^<]*)<\/title>/
    .exec(html)![1]
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
  expect(title.length).toBeGreaterThan(0);
  const field = (name: string) => new RegExp(`^${name}:\\s+(.*)$`, 'm').exec(printed.info)?.[1];
  expect(field('Creator')).toBe(PDF_CREATOR);
  expect(field('Producer')).toBe(PDF_CREATOR);
  expect(field('Title')).toBe(title);
  expect(PDF_CREATOR).toMatch(/^专项活动督导台 \d+\.\d+\.\d+/);
}

describe('printed reports embed the shipped fonts (this machine has no 公文 faces)', () => {
  let demo: { h: Harness; nengli: Campaign };
  beforeAll(async () => {
    demo = await demoCourt();
  }, 60_000);

  it('the checklist (landscape table): CID TrueType only, searchable, named by the program', async () => {
    const report = await buildReport(demo.h.services.ctx, { campaignId: demo.nengli.id, kind: 'checklist' });
    const printed = await print(report, 'checklist');
    expectRealFonts(printed, '推进清单');
    // Regular text and the bold section rows, each from a face of its own weight (no synthetic bold).
    expect(printed.fonts.some((font) => /NotoSerifSC.*-Regular$/.test(font.name))).toBe(true);
    expect(printed.fonts.some((font) => /NotoSerifSC.*-Bold$/.test(font.name))).toBe(true);
    // The text comes back: title, column heads, an item, the page footer.
    expect(printed.text).toContain(squeeze(report.title));
    expect(printed.text).toContain('牵头院领导');
    expect(printed.text).toContain('成立本院“能力作风建设年”活动领导小组');
    expect(printed.text).toContain('第1页共');
    expectProgramInfo(printed, report.html);
  }, 60_000);

  it('the 查摆报告表 (portrait forms)', async () => {
    const report = await buildReport(demo.h.services.ctx, { campaignId: demo.nengli.id, kind: 'inspection' });
    const printed = await print(report, 'inspection');
    expectRealFonts(printed, '查摆报告表');
    expect(printed.text).toContain('查摆');
    expect(printed.text).toContain('龙江县人民法院');
    expectProgramInfo(printed, report.html);
  }, 60_000);

  it('the 活动总结', async () => {
    const report = await buildReport(demo.h.services.ctx, { campaignId: demo.nengli.id, kind: 'summary' });
    const printed = await print(report, 'summary');
    expectRealFonts(printed, '活动总结');
    expect(printed.text).toContain('龙江县人民法院');
    expect(printed.text).toContain('能力作风建设年');
    expectProgramInfo(printed, report.html);
  }, 60_000);

  it('a 通报 as a 公文: body and title in the serif, 一、 headings in the sans (黑体 stack), page numbers included', async () => {
    const report = await courtWithNotice();
    const printed = await print(report, 'notice');
    expectRealFonts(printed, '通报');
    expect(printed.fonts.some((font) => /NotoSerifSC/.test(font.name))).toBe(true);
    expect(printed.fonts.some((font) => /NotoSansSC/.test(font.name))).toBe(true);
    expect(printed.text).toContain('一、工作要求');
    expect(printed.text).toContain('（一）压实整改责任');
    expect(printed.text).toContain('讷河市人民法院');
    expect(printed.text).toContain('—1—');
    expectProgramInfo(printed, report.html);
  }, 60_000);
});

describe('the font stacks and the shipped fonts', () => {
  it('name the 公文 faces first, the shipped face last before the generic family, and no CFF system face', () => {
    const families = (stack: string) => stack.split(',').map((face) => face.trim().replace(/^'|'$/g, ''));
    const cases: Array<[string, string, string[], string]> = [
      [TITLE_STACK, '方正小标宋简体', ['华文中宋', '宋体', 'SimSun'], 'Noto Serif SC Title'],
      [BODY_STACK, '仿宋_GB2312', ['仿宋', 'FangSong'], 'Noto Serif SC'],
      [HEADING_STACK, '黑体', ['SimHei'], 'Noto Sans SC'],
      [KAI_STACK, '楷体_GB2312', ['楷体', 'KaiTi'], 'Noto Serif SC'],
      [NUMBER_STACK, '宋体', ['SimSun'], 'Noto Serif SC'],
    ];
    for (const [stack, first, also, shipped] of cases) {
      const list = families(stack);
      expect(list[0]).toBe(first);
      for (const face of also) expect(list).toContain(face);
      expect(list.at(-2)).toBe(shipped);
      expect(['serif', 'sans-serif']).toContain(list.at(-1));
      expect(list.filter((face) => /CJK|Source Han/.test(face))).toEqual([]);
    }
  });

  it('adds only the slices a document needs, of the faces it names, and leaves other documents alone', () => {
    const page = `<html><head><style>body{font-family:${BODY_STACK}}</style></head><body>永</body></html>`;
    const style = fontFaceStyle(page);
    const rules = style.split('\n');
    // 永 (U+6C38) at 400 and 700, plus a slice for the page numbers' digits, in the serif only.
    for (const rule of rules)
      expect(rule).toMatch(
        /^@font-face\{font-family:'Noto Serif SC';.*src:url\(data:font\/woff2;base64,[A-Za-z0-9+/=]+\) format\('woff2'\)/,
      );
    const slicesOf = (weight: number) =>
      rules
        .filter((rule) => rule.includes(`font-weight:${weight};`))
        .map((rule) => parseUnicodeRange(/unicode-range:([^;}]+)/.exec(rule)![1]));
    for (const weight of [400, 700]) {
      const ranges = slicesOf(weight);
      expect(ranges.some((slice) => slice.some(([from, to]) => 0x6c38 >= from && 0x6c38 <= to))).toBe(true);
      expect(ranges.some((slice) => slice.some(([from, to]) => 0x30 >= from && 0x39 <= to))).toBe(true);
      // …and those of the page numbers (第 X 页 共 Y 页): no other slice of the 101.
      expect(ranges.some((slice) => slice.some(([from, to]) => 0x7b2c >= from && 0x7b2c <= to))).toBe(true);
      expect(ranges.length).toBeLessThanOrEqual(4);
    }
    // A document naming no shipped face is printed as it is.
    const plain = '<html><head></head><body style="font-family: serif">永</body></html>';
    expect(withShippedFonts(plain)).toBe(plain);
    // The rules go into <head>, before the document's own styles.
    expect(withShippedFonts(page).indexOf('@font-face')).toBeLessThan(withShippedFonts(page).indexOf('<style>body'));
  });

  it('the build copies every slice the printer may use, with the licence', () => {
    const out = tempDir('court-font-build-');
    folders.push(out);
    const copied = copyShippedFonts(out) as { files: number; bytes: number };
    const dir = path.join(out, 'fonts');
    const fromBuild = shippedSlices(dir);
    const fromPackages = shippedSlices();
    expect(fromBuild.length).toBe(fromPackages.length);
    expect(fromBuild.length).toBeGreaterThan(400);
    for (const slice of fromBuild) expect(fs.existsSync(slice.file), slice.file).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'noto-serif-sc', 'LICENSE'), 'utf8')).toContain('SIL Open Font License');
    expect(fs.readFileSync(path.join(dir, 'noto-sans-sc', 'LICENSE'), 'utf8')).toContain('SIL Open Font License');
    // Only the shipped weights: about 17 MB, not the packages' 160 MB.
    expect(copied.bytes).toBeLessThan(20 * 1024 * 1024);
    expect(fontFaceStyle('<p style="font-family: \'Noto Sans SC\'">永</p>', { dir })).toContain('Noto Sans SC');
  });
});
