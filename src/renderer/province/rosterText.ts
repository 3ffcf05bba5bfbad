// Words of the roster page (应报法院), its dialogs and the campaign tab 报送情况.
import type { ReportingPeriod, ReportingState } from '../../shared/model';

const CN_QUARTER = ['一', '二', '三', '四'];
const md = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

export const rosterText = {
  navLabel: '应报法院',
  title: '应报法院',
  subtitle:
    '本院督导的下级法院名单：每家法院应当按期报送同步包。名单决定“报送情况”中谁应报，也随下发包送到中级法院。下面同时列出每家法院最近一次报来的同步包。',
  basicTitle: '下级法院',
  basicText: '基层法院没有应报法院名单：应报法院名单由高级法院和中级法院维护。',
  loadFailed: '应报法院名单加载失败',
  emptyTitle: '还没有应报法院名单',
  emptyText:
    '应报法院名单列出本院应当收到报送的每家下级法院（中级法院及其辖区内的基层法院）。可以逐家添加，也可以从 Excel 名单一次导入；从未报送的法院会在“报送情况”中标红。',
  add: '添加法院',
  import: '从 Excel 导入',
  template: '下载名单模板',
  count: (n: number, merged: number) => `共 ${n} 家法院${merged ? `（其中 ${merged} 家已撤并）` : ''}`,
  groupDirect: (name: string) => `${name}直辖`,
  groupOf: (name: string) => `${name}辖区`,
  code: '法院代码',
  name: '法院名称',
  level: '层级',
  parent: '上级法院',
  jurisdiction: '辖区',
  syncState: '同步状态',
  lastBundle: '最近同步包',
  age: '距今',
  actions: '操作',
  levels: { intermediate: '中级法院', basic: '基层法院' } as Record<string, string>,
  trusted: '已核对指纹',
  untrusted: '尚未建立信任',
  via: (name: string) => `经${name}转报`,
  never: '从未报送',
  seq: (n: number) => `第 ${n} 号`,
  ageDays: (n: number) => `${n} 天`,
  missing: (n: number) => `缺第 ${n} 号`,
  auditBadge: '审计日志异常',
  fromSuperior: '上级法院名单',
  fromSuperiorHint: '这家法院来自上级法院的名单，只能由上级法院修改',
  merged: (day: string) => `已撤并（${day}）`,
  mergedInto: (name: string) => `并入${name}`,
  addedBy: { manual: '手工添加', import: 'Excel 导入', relay: '转报时加入' } as Record<string, string>,
  edit: '修改',
  merge: '标记已撤并',
  unmerge: '撤销撤并',
  remove: '删除',
  editOf: (name: string) => `修改${name}`,
  mergeOf: (name: string) => `把${name}标记为已撤并`,
  unmergeOf: (name: string) => `撤销${name}的撤并标记`,
  removeOf: (name: string) => `删除${name}`,
  removeTitle: '删除这家法院？',
  removeText: (name: string) =>
    `只在误加时删除。${name}将从应报法院名单中去掉（变更会记入审计日志）。已收到数据的法院不能删除，只能标记为已撤并。`,
  removed: '已从名单中删除',
  saved: '已保存',
  unmerged: '已撤销撤并',
  // The court form
  addTitle: '添加应报法院',
  editTitle: '修改应报法院',
  codeHint: '大写字母开头，2 至 16 位大写字母或数字，如 J2301',
  levelPlaceholder: '选择层级',
  parentPlaceholder: '选择上级法院',
  parentSelf: (name: string) => `${name}（本院）`,
  jurisdictionPlaceholder: '如 哈尔滨市',
  // The merge form
  mergeTitle: '标记为已撤并',
  mergeText: '撤并后的法院不再列入应报，已收到的数据和历史记录全部保留；标记可以撤销。',
  mergedAt: '撤并日期',
  mergedIntoLabel: '并入法院（可不填）',
  mergedIntoPlaceholder: '选择并入的法院',
  mergeSubmit: '标记已撤并',
  mergedDone: '已标记为已撤并',
  // The import
  importTitle: '从 Excel 导入应报法院名单',
  importHint:
    '表头为：法院代码、法院名称、层级（中级法院或基层法院）、上级法院代码（直属本院的填本院代码）、辖区。可先下载名单模板。',
  colLevel: '层级',
  colParent: '上级法院代码',
  importDone: (n: number) => `已导入 ${n} 家法院`,
  templateSaved: '名单模板已下载',
};

export const reportingText = {
  tab: '报送情况',
  title: '报送情况',
  intro: (start: string, end: string, due: string) =>
    `${start} 至 ${end} 的报送：本期第一天到 ${due} 之间报来同步包的为按时报，之后报来的为逾期报。`,
  loadFailed: '报送情况加载失败',
  basic: '基层法院没有应报法院名单，这里不统计报送情况。',
  emptyTitle: '还没有应报法院',
  emptyText: '先在“应报法院”页面建立本院督导的下级法院名单，这里才会统计每家法院的报送情况。',
  goRoster: '前往应报法院',
  period: '报送期间',
  periodLabel: (p: ReportingPeriod, current: boolean) => {
    const year = p.start.slice(0, 4);
    const text =
      p.kind === 'month'
        ? `${year}年${Number(p.start.slice(5, 7))}月`
        : p.kind === 'quarter'
          ? `${year}年第${CN_QUARTER[Number(p.key.slice(6)) - 1]}季度`
          : `${year}年${md(p.start)}—${md(p.end)}`;
    return current ? `${text}（本期）` : text;
  },
  notDue: (due: string) => `本期尚未截止：${due} 前报来的都算按时报`,
  expected: '应报',
  reported: '已报',
  onTime: '按时报',
  late: '逾期报',
  missing: '未报',
  pending: '未到期',
  stale: '数据陈旧',
  rate: '报送率',
  onTimeRate: '按时报送率',
  percent: (n: number | null) => (n === null ? '—' : `${n}%`),
  court: '法院',
  level: '层级',
  lastBundle: '最近同步包',
  reportedAt: '本期报送时间',
  state: '本期状态',
  never: '从未报送',
  states: {
    on_time: '按时报',
    late: '逾期报',
    missing: '未报',
    pending: '未报（未到期）',
  } as Record<ReportingState, string>,
  stateColors: { on_time: 'green', late: 'orange', missing: 'red', pending: 'gray' } as Record<ReportingState, string>,
  staleBadge: '数据陈旧',
  route: '报送途径',
  relayed: (name: string) => `经${name}转报`,
  subtotal: (name: string) => `${name}小计`,
  total: '合计',
  mergedTitle: '已撤并的法院（不计入应报）',
  mergedLine: (day: string) => `${day} 撤并`,
  mergedInto: (name: string) => `，并入${name}`,
  // Rules
  rules: '报送规则',
  rulesHint: '报送周期、截止天数和陈旧天数决定上表的统计；后进规则同时用于下级法院进度的后进标记。',
  rulesDefault: '（默认规则）',
  rulesSummary: (period: string, due: number, stale: number) =>
    `按${period}报送，期末后 ${due} 天内为按时；最近同步包超过 ${stale} 天为数据陈旧`,
  periodKinds: { week: '周', month: '月', quarter: '季度' } as Record<string, string>,
  periodKindLabel: '报送周期',
  dueDays: '期末后几天内为按时（天）',
  staleDays: '超过几天未报为数据陈旧（天）',
  laggardRule: '后进规则',
  laggardBottom: '完成率后 N 名',
  laggardBelow: '完成率低于门槛',
  laggardCount: '后进名数 N',
  laggardBelowLabel: '完成率门槛（%）',
  editRules: '修改报送规则',
  saveRules: '保存规则',
  rulesSaved: '报送规则已保存',
};
