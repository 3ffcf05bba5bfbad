// Words of the 指标 tab: the indicator table, the add/edit dialog, recording a period's value and
// the history drawer. Periods read as 2026年3月 / 2026年第一季度 (see periods.ts).
import type {
  Attainment,
  IndicatorDirection,
  IndicatorLine,
  IndicatorPeriodKind,
  IndicatorUnit,
} from '../../shared/model';

export const indicatorLineText: Record<IndicatorLine, string> = {
  filing: '立案',
  criminal: '刑事',
  civil_commercial: '民商事',
  ip: '知识产权',
  administrative: '行政',
  enforcement: '执行',
  general: '综合',
};

/** The unit as written after a number. */
export const indicatorUnitText: Record<IndicatorUnit, string> = { percent: '%', cases: '件', days: '天', yuan: '元' };
/** The unit as offered in the dialog. */
export const indicatorUnitChoice: Record<IndicatorUnit, string> = {
  percent: '百分比（%）',
  cases: '件数（件）',
  days: '天数（天）',
  yuan: '金额（元）',
};
export const indicatorDirectionText: Record<IndicatorDirection, string> = {
  up: '正向指标（越高越好）',
  down: '负向指标（越低越好）',
};
export const indicatorDirectionMark: Record<IndicatorDirection, string> = { up: '正向↑', down: '负向↓' };
export const indicatorPeriodText: Record<IndicatorPeriodKind, string> = { monthly: '月度', quarterly: '季度' };
export const attainmentText: Record<Attainment, string> = { met: '达标', close: '接近', missed: '未达标' };
export const attainmentColor: Record<Attainment, string> = { met: 'green', close: 'yellow', missed: 'red' };
export const trendText = { better: '好转', worse: '变差', same: '持平' } as const;
export const trendColor = { better: 'green', worse: 'red', same: 'gray' } as const;

export const indicatorText = {
  tabLabel: '指标',
  backToCampaigns: '返回专项活动',
  loadFailed: '指标加载失败',
  addIndicator: '新增指标',
  empty: '本活动尚未设置指标',
  emptyHintManager: '可按实施方案添加考核指标，如当场立案率、结案率、发改率。',
  emptyHintOther: '指标由院里的管理员或审核人设置。',
  emptyCourt: '该法院在本活动中还没有指标数据。',
  count: (n: number) => `共 ${n} 项指标`,
  lineCount: (n: number) => `${n} 项`,
  viewingCourt: (name: string) => `正在查看：${name}的指标`,
  viewingHint: '这是下级法院报送的数据，只能查看，不能录入或修改。',
  backToOwn: '返回本院指标',
  // table
  colName: '指标名称',
  colUnit: '单位',
  colTarget: '目标值',
  colPeriod: '报送周期',
  colLatest: '最新一期',
  colAttainment: '达标情况',
  colTrend: '环比',
  colYoY: '同比',
  colSpark: '走势',
  colActions: '操作',
  noTarget: '未设目标',
  noValue: '尚未录入',
  issued: '上级下发',
  issuedHint: '上级法院下发的指标，只能录入数值，不能修改定义',
  recordValue: '录入数值',
  history: '历史数值',
  edit: '编辑',
  delete: '删除',
  moreActions: '更多操作',
  yoy: (change: string) => `同比 ${change}`,
  percentPoints: '个百分点',
  sparkLabel: (name: string) => `${name}近期走势`,
  // indicator form
  createTitle: '新增指标',
  editTitle: '编辑指标',
  name: '指标名称',
  namePlaceholder: '如 当场立案率',
  line: '条线',
  unit: '单位',
  direction: '指标方向',
  target: '目标值',
  targetHint: '不填则只记录数值，不判断是否达标',
  period: '报送周期',
  rankingGoal: '争先目标',
  rankingGoalPlaceholder: '如 争第一、全省前三',
  formError: '请按红色提示修改后再保存',
  created: '指标已添加',
  saved: '指标已保存',
  deleteConfirm: (name: string) => `确定删除指标“${name}”吗？已录入的各期数值一并删除。`,
  deleted: '指标已删除',
  // record value
  recordTitle: (name: string) => `录入数值：${name}`,
  periodLabel: '期间',
  periodPlaceholder: '请选择期间',
  value: '数值',
  note: '说明',
  notePlaceholder: '如 数据来源、口径说明、未达标原因',
  evidence: '佐证材料（可选）',
  evidencePlaceholder: '选择文件',
  replacing: (period: string) => `${period}已录入数值，保存后将替换原数值。`,
  existingEvidence: (name: string) => `原佐证材料：${name}（不重新选择则保留）`,
  percentRange: '百分比应在 0 到 100 之间',
  negative: '数值不能为负数',
  tooLarge: (name: string) => `“${name}”超过 200 MB，不能作为佐证材料`,
  emptyFile: (name: string) => `“${name}”是空文件`,
  unreadable: (name: string) => `“${name}”读取失败，请重新选择`,
  uploadingFile: (name: string) => `正在上传“${name}”`,
  uploadProgress: (name: string) => `“${name}”的上传进度`,
  cancelUpload: '取消上传',
  uploadCancelled: '已取消上传，数值没有保存。',
  valueSaved: (period: string) => `${period}数值已保存`,
  targetOf: (target: string) => `目标 ${target}`,
  // history
  historyTitle: (name: string) => `${name}：历史数值`,
  noHistory: '还没有录入数值',
  colHistoryPeriod: '期间',
  colHistoryValue: '数值',
  colHistoryNote: '说明',
  colHistoryEvidence: '佐证',
  colEnteredBy: '录入人',
  colUpdated: '录入时间',
  deleteValue: '删除该期数值',
  deleteValueConfirm: (period: string) => `确定删除${period}的数值吗？`,
  valueDeleted: '数值已删除',
};
