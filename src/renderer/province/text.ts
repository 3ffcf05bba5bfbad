// Words of the 下级法院进度 tab (the higher court's matrix of subordinate courts × sections) and of the
// province summary on the higher court's boards.
const percent = (rate: number | null) => (rate === null ? '—' : `${Math.floor(rate * 100)}%`);

export const provinceText = {
  title: '下级法院进度',
  subtitle: (today: string, count: number, fromRoster: boolean) =>
    `截至 ${today}，${fromRoster ? '应报法院' : '已知下级法院'} ${count} 个；排名第 1 为完成率最高的法院。点击法院查看其推进清单（只读）。`,
  rankingNote: (staleDays: number) =>
    `数据陈旧（最近一次上报超过 ${staleDays} 天）、未报送和尚无事项的法院不参加排名，列在已排名法院之后。`,
  noRoster: '本院尚未建立应报法院名单，下面列出的是已收到同步包的法院。',
  loadFailed: '下级法院进度读取失败',
  emptyTitle: '尚未收到下级法院的同步包',
  emptyText: '在“应报法院”中建立名单，或在下级法院上报同步包并在本院导入后，这里按栏目列出各院的完成率和逾期事项。',
  goSync: '前往同步',
  filterParent: '中院辖区',
  filterAll: '全部辖区',
  parentOption: (name: string) => `${name}辖区`,
  directOption: '本院直辖法院',
  onlyLaggards: (count: number) => `只看后进（${count} 个）`,
  laggardRule: (rule: 'bottom' | 'below', count: number, below: number) =>
    rule === 'bottom'
      ? `后进：参加排名的法院中的后 ${count} 名（至多一半，已全部完成的不算）`
      : `后进：参加排名且完成率低于 ${below}% 的法院`,
  rank: '排名',
  court: '法院',
  reportedAt: '上报时间',
  total: '合计',
  delta: '较上期',
  deltaHint: (start: string, end: string) =>
    `与上一报送周期末（${start} 至 ${end}）相比的完成率变化，按事项的创建和完成时间推算`,
  sortBy: (column: string) => `按“${column}”排序`,
  laggard: '后进',
  laggardHint: '按本活动的后进规则认定',
  unranked: '不排名',
  standing: {
    stale: '数据陈旧',
    missing: '未报送',
    empty: '暂无事项',
  } as Record<string, string>,
  standingHint: {
    stale: (days: number) => `最近一次上报已超过 ${days} 天，数据可能不是当前情况，不参加排名`,
    missing: '在应报法院名单中，但本院尚未收到其任何同步包',
    empty: '已收到同步包，但其中没有本活动的事项',
  },
  offRoster: '名单外',
  offRosterHint: '已收到该院的数据，但该院不在本院应报法院名单中',
  level: { high: '高院', intermediate: '中院', basic: '基层' } as Record<string, string>,
  ageDays: (days: number) => (days === 0 ? '今天' : `${days} 天前`),
  never: '未收到',
  reportedHint: (at: string) => `最近一次上报包生成于 ${at}`,
  cell: (rate: number) => percent(rate),
  overdue: (count: number) => `逾期 ${count}`,
  cellHint: (section: string, total: number, completed: number, overdue: number) =>
    `${section}：共 ${total} 项，已完成 ${completed} 项，逾期 ${overdue} 项`,
  noItems: '—',
  noItemsHint: '尚无本活动的事项',
  rowHint: '点击查看该院推进清单（只读）',
  deltaUp: (points: number) => `↑${points}`,
  deltaDown: (points: number) => `↓${points}`,
  deltaSame: '持平',
  deltaNone: '—',
  deltaLabel: (points: number | null) =>
    points === null
      ? '无可比较的数据'
      : points > 0
        ? `较上期上升 ${points} 个百分点`
        : points < 0
          ? `较上期下降 ${-points} 个百分点`
          : '与上期持平',
  legend: '完成率：',
  legendHigh: '≥ 90%',
  legendMiddle: '60%–90%',
  legendLow: '< 60%',
  legendOverdue: '逾期事项数以红字标出',
  shown: (shown: number, all: number) => `显示 ${shown} / ${all} 个法院`,
  noneShown: '没有符合条件的法院',
  // Subtotals
  ownRow: (name: string) => `${name}（本院事项）`,
  provinceTotal: (level: string) => (level === 'high' ? '全省合计' : '全辖区合计'),
  subtotal: (name: string) => `${name}辖区小计`,
  directSubtotal: '本院直辖法院小计',
  subtotalsHeading: '辖区小计',
  groupHint: (count: number, current: number) => `应报 ${count} 个法院，数据为当期的 ${current} 个`,
  saveExcel: '保存为 Excel',
  saveHint: '在“报表打印”中选择“下级法院进度表”，可保存为 PDF 或 Excel',
  // The province summary on the higher court's boards
  summaryTitle: (level: string) => (level === 'high' ? '全省推进情况' : '本辖区推进情况'),
  summarySubtitle: (count: number, current: number) => `应报法院 ${count} 个，数据为当期的 ${current} 个`,
  summaryCompletion: '完成率',
  summaryOverdue: '逾期事项',
  summaryReporting: '报送率',
  summaryLaggards: '后进法院',
  summaryByJurisdiction: '各辖区',
  summaryByCourt: '各法院（按排名）',
  summaryColumns: {
    name: '辖区 / 法院',
    courts: '应报法院',
    completion: '完成率',
    completed: '已完成 / 事项',
    overdue: '逾期',
    reporting: '报送率',
    delta: '较上期',
  },
  summaryOpen: '查看下级法院进度',
  summaryNone: '尚无下级法院的数据',
  percent,
  completedOf: (completed: number, total: number) => `${completed} / ${total}`,
};
