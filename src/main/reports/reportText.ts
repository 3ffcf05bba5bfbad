// Every word the printed reports show besides the data: titles, column heads, state names and
// the sentences of the figures lines. One place, so the PDF, the workbook and the Word document
// say the same thing.
import type { Attainment, IndicatorUnit, InspectionStatus, LedgerSource } from '../../shared/model';
import { LEDGER_SOURCE_LABELS } from '../../shared/statusLabels';
import { REPORT_STATUS_ZH } from '../app/statusText';

export const INSPECTION_STATUS_TEXT: Record<InspectionStatus, string> = {
  draft: '草稿（未提交）',
  submitted: '已提交',
  returned: REPORT_STATUS_ZH.returned,
  accepted: '已审核',
};

export const LEDGER_SOURCE_TEXT = LEDGER_SOURCE_LABELS;

/** How each source's figures read in a report (受理 451 件 / 反馈问题 12 个). */
export const LEDGER_SOURCE_COUNTING: Record<LedgerSource, { received: string; unit: string; closed: string }> = {
  inspection_feedback: { received: '反馈问题', unit: '个', closed: '已整改销号' },
  audit_supervision: { received: '督察发现问题', unit: '个', closed: '已整改销号' },
  self_inspection: { received: '查摆问题', unit: '个', closed: '已整改销号' },
  superior_notice: { received: '通报问题', unit: '个', closed: '已整改销号' },
  petition: { received: '受理', unit: '件', closed: '已办结' },
  problem_lead: { received: '受理', unit: '条', closed: '已办结' },
};

export const ATTAINMENT_TEXT: Record<Attainment, string> = { met: '达标', close: '接近', missed: '未达标' };

export const UNIT_TEXT: Record<IndicatorUnit, string> = { percent: '%', cases: '件', days: '天', yuan: '元' };

/** A rate (0–100, one decimal) as printed; a dash when there is nothing to count. */
export const percentText = (rate: number | null) => (rate === null ? '—' : `${rate}%`);

/** "…活动" + 活动总结 reads 活动总结 once: “能力作风建设年”活动总结. */
export const summaryTitle = (campaignTitle: string) =>
  campaignTitle.endsWith('活动') ? `${campaignTitle}总结` : `${campaignTitle}活动总结`;

export const TEXT = {
  inspection: {
    formTitle: '查摆报告表',
    summaryTitle: '查摆报告汇总',
    subject: { person: '姓名', department: '部门' },
    position: '职务',
    department: '所在部门',
    filedOn: '填报日期',
    status: '状态',
    round: '提交次数',
    problems: '对照查摆问题',
    problemColumns: ['序号', '问题', '具体事实', '原因分析', '整改措施', '整改时限'],
    noProblem: '未查摆出问题',
    noProblemReason: '理由',
    noClaims: '尚未填写查摆问题。',
    ownProblems: '自查发现的其他问题',
    reviewOpinion: '审核意见',
    reviewer: '审核人',
    reviewedOn: '审核日期',
    notReviewed: '尚未审核。',
    summaryCountsTitle: '一、填报情况',
    summaryProblemsTitle: '二、问题认领情况',
    countColumns: ['应报', '已报', '已审核', '待审核', '退回重填', '草稿'],
    countsNote: '应报为本院部门数与人员数之和；已报为已提交（含已审核）的报告份数。',
    countsStateColumn: '填报情况',
    countsNumberColumn: '份数',
    problemTableColumns: ['序号', '问题', '认领份数'],
    noReports: '本院在该专项活动中尚无查摆报告。',
    sheetSummary: '汇总',
    sheetForms: '查摆报告',
    formSheetColumns: [
      '报告序号',
      '姓名/部门',
      '职务',
      '所在部门',
      '状态',
      '填报日期',
      '方面',
      '问题',
      '具体事实',
      '原因分析',
      '整改措施',
      '整改时限',
      '审核意见',
    ],
  },
  ledger: {
    columns: ['序号', '问题（来源）', '整改措施', '责任部门/责任人', '牵头院领导', '整改时限', '整改进展', '状态'],
    longTerm: '长期坚持',
    noMeasure: '尚未制定整改措施',
    empty: '本院在该专项活动中尚无整改问题。',
    closureLine: (f: {
      findings: number;
      closed: number;
      rate: string;
      measures: number;
      closedMeasures: number;
      longTerm: number;
    }) =>
      `问题 ${f.findings} 个，已整改销号 ${f.closed} 个，整改率 ${f.rate}；措施 ${f.measures} 项，已完成 ${f.closedMeasures} 项；长期坚持 ${f.longTerm} 项。`,
    sourceLine: (source: LedgerSource, f: { total: number; closed: number; rate: string }) => {
      const c = LEDGER_SOURCE_COUNTING[source];
      return `${LEDGER_SOURCE_TEXT[source]}：${c.received} ${f.total} ${c.unit}，${c.closed} ${f.closed} ${c.unit}，${c.closed === '已办结' ? '办结率' : '整改率'} ${f.rate}`;
    },
    sheet: '整改台账',
  },
  summary: {
    basics: '一、基本情况',
    /** The first heading of the statistics annex (the text's own 一、基本情况 comes before it). */
    annexFigures: '一、主要数据',
    annexMark: '附件',
    annexTitle: '活动推进情况统计',
    dateLine: (date: string) => `（截至${date}）`,
    charts: '二、推进情况图示',
    overdue: '三、逾期事项',
    indicators: '四、指标完成情况',
    figures: {
      items: (f: { total: number; done: number; percent: number; overdue: number; signedOff: number }) =>
        `本院共有推进事项 ${f.total} 项，已完成 ${f.done} 项（其中已销号 ${f.signedOff} 项），完成率 ${f.percent}%；逾期未完成 ${f.overdue} 项。`,
      lights: (l: { red: number; yellow: number; green: number }) =>
        `红灯 ${l.red} 项，黄灯 ${l.yellow} 项，绿灯 ${l.green} 项。`,
      ledger: (line: string) => `整改台账：${line}`,
      noLedger: '整改台账：本活动尚无整改问题。',
      inspection: (f: { expected: number; filed: number; accepted: number; returned: number }) =>
        `查摆报告：应报 ${f.expected} 份，已报 ${f.filed} 份，已审核 ${f.accepted} 份，退回重填 ${f.returned} 份。`,
      indicators: (f: { total: number; met: number; close: number; missed: number; noValue: number }) =>
        `指标 ${f.total} 项：达标 ${f.met} 项，接近 ${f.close} 项，未达标 ${f.missed} 项${f.noValue ? `，尚未填报 ${f.noValue} 项` : ''}。`,
    },
    chartSections: '各栏目完成率',
    chartLights: '红黄绿灯分布',
    chartBurnDown: '未完成事项变化',
    burnLegendOpen: '未完成事项',
    burnLegendIdeal: '理想进度',
    lightNames: { red: '红灯', yellow: '黄灯', green: '绿灯', none: '无时限' },
    noChartData: '暂无数据',
    overdueColumns: ['序号', '事项', '牵头院领导', '责任部门', '完成时限', '逾期天数', '状态'],
    noOverdue: '没有逾期未完成的事项。',
    indicatorColumns: ['序号', '指标', '方向', '目标值', '最新期', '最新值', '完成情况', '同比'],
    direction: { up: '正向', down: '负向' },
    noIndicators: '本活动尚未设置指标。',
    noValue: '未填报',
    sheetBasics: '概况',
    sheetOverdue: '逾期事项',
    sheetIndicators: '指标',
    basicsColumns: ['项目', '数值'],
    sectionColumns: ['栏目', '事项数', '已完成', '完成率', '逾期', '红灯', '黄灯', '绿灯'],
  },
} as const;
