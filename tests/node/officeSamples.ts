// Every report kind built through buildReport() from real court databases in temp folders, for the
// checks of the Office files (tests/node/reportWorkbooks.test.ts and `npm run check:office`):
// a basic court with the demo data set plus rows with long, multi-line texts, and a high court
// with a roster, its subordinates' items, a 督办单 and a 通报. A kind added to REPORT_FORMATS is
// built from the basic court's 能力作风建设年 campaign unless it is listed below.
// No vitest here: scripts/check-office.mjs runs this file with tsx.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { ReportKind } from '../../src/shared/model';
import { NENGLI_TITLE } from '../../src/main/demo/campaignNengli';
import { QINGLIAN_TITLE } from '../../src/main/demo/campaignQinglian';
import { buildReport, REPORT_FORMATS, type BuiltReport } from '../../src/main/reports/reportKinds';
import { ADMIN, basicCourt, openHarness, type Harness } from './harness';

export const LONG_TITLE =
  '全面梳理长期未结诉讼案件和执行案件台账，逐案明确责任法官、承办书记员和结案时限，按月通报清理进度';
export const LONG_CONTENT =
  '对立案满一年以上的民事、刑事、行政案件逐案登记造册；\n对执行案件中有财产可供执行而长期未执结的案件，由执行局逐案分析原因，提出具体措施；\nGB/T 9704-2012 ABC-123 mixed Latin text wraps at words。';
export const LONG_NOTE =
  '11月20日召开专题推进会，院党组书记、院长主持，审委会委员、各庭室负责人参加。\n会议通报了前期清理情况：已结案 136 件，剩余 42 件已全部明确结案时限。\n下一步将每周调度一次。';

export interface SampleReport {
  kind: ReportKind;
  report: BuiltReport;
}

export interface Samples {
  reports: SampleReport[];
  close(): Promise<void>;
}

const HIGH = { name: '黑龙江省高级人民法院', code: 'J23', level: 'high' as const, operatorName: '李处长' };
const STAMP = '2026-11-20T09:00:00+08:00';

async function demoCourt(): Promise<{ h: Harness; nengli: string; qinglian: string }> {
  const h = await openHarness({ now: '2026-11-24T10:00:00+08:00' });
  const setup = await h.ok('court.setup', { profile: basicCourt, admin: ADMIN, loadDemo: true });
  const job = await h.services.ctx.jobs.waitFor(setup.demoJobId!);
  if (job?.state !== 'done') throw new Error(`示例数据没有载入：${job?.state}`);
  const campaigns = await h.ok('campaigns.list');
  const nengli = campaigns.find((c) => c.title === NENGLI_TITLE)!.id;
  const qinglian = campaigns.find((c) => c.title === QINGLIAN_TITLE)!.id;

  // Long, multi-line texts where the demo's are short: an item with a note, a finding with a measure.
  const sections = (await h.ok('campaigns.get', { id: nengli })).sections;
  const department = (await h.ok('departments.list'))[0];
  const item = await h.ok('items.create', {
    campaignId: nengli,
    sectionId: sections[0].id,
    title: LONG_TITLE,
    content: LONG_CONTENT,
    leadLeader: '陈立华',
    departmentId: department?.id ?? null,
    deadline: '2026-11-10',
    deadlineReason: '补录已逾期的事项',
  });
  await h.ok('progress.add', { itemId: item.id, noteDate: '2026-11-20', text: LONG_NOTE });
  const finding = await h.ok('ledger.createFinding', {
    campaignId: qinglian,
    source: 'inspection_feedback',
    title: LONG_TITLE,
    reference: '巡察反馈第3条',
  });
  await h.ok('ledger.createMeasure', {
    findingId: finding.id,
    text: LONG_CONTENT,
    owner: '执行局 王庭长',
    leadLeader: '陈立华',
    deadline: '2026-12-31',
  });
  return { h, nengli, qinglian };
}

/** The high court with a roster of three courts below it, their items, one 督办单 and a drafted 通报. */
async function highCourt(): Promise<{ h: Harness; campaign: string; notice: string }> {
  const h = await openHarness({ now: '2026-11-24T10:00:00+08:00' });
  await h.ok('court.setup', { profile: HIGH, admin: ADMIN });
  const campaign = await h.ok('campaigns.create', {
    title: '能力作风建设年',
    year: 2026,
    startDate: '2026-03-01',
    endDate: '2026-12-31',
  });
  let detail = await h.ok('sections.create', { campaignId: campaign.id, title: '争先创优' });
  detail = await h.ok('sections.create', { campaignId: campaign.id, title: '审判质效提升' });
  const courts = [
    { code: 'J2302', name: '齐齐哈尔市中级人民法院', level: 'intermediate' as const, parentCode: 'J23' },
    { code: 'J230201', name: '龙江县人民法院', level: 'basic' as const, parentCode: 'J2302' },
    { code: 'J230202', name: '讷河市人民法院', level: 'basic' as const, parentCode: 'J2302' },
  ];
  const sync = h.services.ctx.sqlite.prepare(
    "INSERT INTO sync_courts (code, name, level, parent_code, sign_key, box_key, fingerprint, relation, trusted_at, trusted_by, last_seq, last_bundle_at) VALUES (?, ?, ?, ?, 'k', 'k', ?, 'subordinate', ?, '李处长（admin）', 1, ?)",
  );
  const insert = h.services.ctx.sqlite.prepare(
    'INSERT INTO items (id, origin, version, change_seq, created_at, updated_at, campaign_id, section_id, sort_order, title, status, deadline) VALUES (?, ?, 1, 5, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  courts.forEach((court, courtIndex) => {
    sync.run(court.code, court.name, court.level, court.parentCode, String(courtIndex + 1).repeat(40), STAMP, STAMP);
    for (let i = 0; i < 6; i += 1) {
      const id = `0190f0e4-0000-7000-8000-${court.code.padStart(8, '0')}${String(i).padStart(4, '0')}`;
      const section = detail.sections[i % detail.sections.length].id;
      const [status, deadline] = i < 3 - courtIndex ? ['completed', '2026-10-31'] : ['in_progress', '2026-10-31'];
      insert.run(id, court.code, STAMP, STAMP, campaign.id, section, (i + 1) * 1024, `事项${i + 1}`, status, deadline);
    }
  });
  for (const court of courts) await h.ok('roster.add', court);
  await h.ok('orders.issue', {
    campaignId: campaign.id,
    courtCodes: ['J230202', 'J230201'],
    itemIds: [],
    kind: 'supervise',
    colour: 'red',
    requirement:
      '请于 11 月 30 日前报送逾期事项的整改情况，并说明未按期完成的原因和下一步措施；\n整改不到位的，由院领导约谈庭室负责人。',
    replyDue: '2026-11-30',
    docPrefix: '黑高法',
  });
  h.setNow('2026-12-05T10:00:00+08:00');
  const notice = await h.ok('notices.draft', {
    campaignId: campaign.id,
    kind: 'criticism',
    namedCourts: [{ code: 'J230202', stance: 'criticism' }],
  });
  return { h, campaign: campaign.id, notice: notice.id };
}

/** Which court and campaign each kind is built from; a kind not named here uses the demo's 能力作风建设年. */
export async function sampleReports(): Promise<Samples> {
  const basic = await demoCourt();
  const high = await highCourt();
  const reports: SampleReport[] = [];
  for (const kind of Object.keys(REPORT_FORMATS) as ReportKind[]) {
    if (kind === 'province' || kind === 'orders' || kind === 'notice') {
      const scope = { kind, campaignId: high.campaign, ...(kind === 'notice' ? { noticeId: high.notice } : {}) };
      reports.push({ kind, report: await buildReport(high.h.services.ctx, scope) });
    } else {
      const campaignId = kind === 'ledger' ? basic.qinglian : basic.nengli;
      reports.push({ kind, report: await buildReport(basic.h.services.ctx, { kind, campaignId }) });
    }
  }
  return {
    reports,
    close: async () => {
      await basic.h.close();
      await high.h.close();
    },
  };
}

export interface SampleFile {
  kind: ReportKind;
  format: 'xlsx' | 'docx';
  file: string;
  title: string;
  landscape: boolean;
  /** For a workbook: the titles of its first sheet's repeated header row, which page 1 must show. */
  firstPageColumns: string[];
}

/** The header row a sheet repeats on every printed page, as text. */
async function repeatedHeader(buffer: Buffer): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const row = Number(/^\$?(\d+)/.exec(sheet.pageSetup.printTitlesRow ?? '')?.[1] ?? 0);
  if (!row) return [];
  const titles: string[] = [];
  sheet.getRow(row).eachCell((cell) => {
    if (cell.text.trim()) titles.push(cell.text.trim());
  });
  return titles;
}

/** Writes every workbook and Word document the kinds offer into `dir`; returns what it wrote. */
export async function writeSampleFiles(dir: string): Promise<SampleFile[]> {
  const samples = await sampleReports();
  const written: SampleFile[] = [];
  try {
    for (const { kind, report } of samples.reports) {
      const title = report.title;
      if (report.formats.includes('xlsx')) {
        const file = path.join(dir, `${kind}.xlsx`);
        const buffer = await report.workbook();
        fs.writeFileSync(file, buffer);
        const firstPageColumns = await repeatedHeader(buffer);
        written.push({ kind, format: 'xlsx', file, title, landscape: report.landscape, firstPageColumns });
      }
      if (report.formats.includes('docx') && report.document) {
        const file = path.join(dir, `${kind}.docx`);
        fs.writeFileSync(file, await report.document());
        written.push({ kind, format: 'docx', file, title, landscape: report.landscape, firstPageColumns: [] });
      }
    }
  } finally {
    await samples.close();
  }
  return written;
}
