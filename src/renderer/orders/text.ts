// Words of the 督办单 screens (issuer side: the 督办通报 tab, the issue dialog, the 督办台账) and the
// shared labels of kinds, colours and states that the receiving court's screens reuse.
import { quotedTitle } from '../../shared/common/quotedTitle';
import type {
  OrderColour,
  OrderKind,
  OrderState,
  OrderSuggestion,
  SupervisionOrder,
} from '../../shared/orders/ordersModel';

/** 提醒 / 催办 / 督办. */
export const kindLabel: Record<OrderKind, string> = {
  remind: '提醒',
  urge: '催办',
  supervise: '督办',
};

/** 蓝色 / 黄色 / 红色: always shown in words next to the swatch. */
export const colourLabel: Record<OrderColour, string> = {
  blue: '蓝色',
  yellow: '黄色',
  red: '红色',
};

/** Short form for radio labels and swatches: 蓝 / 黄 / 红. */
export const colourShort: Record<OrderColour, string> = {
  blue: '蓝',
  yellow: '黄',
  red: '红',
};

/** Mantine colour names to draw a colour badge or swatch with (yellow filled: use shade 4, see colourInk). */
export const colourMantine: Record<OrderColour, string> = {
  blue: 'blue',
  yellow: 'yellow',
  red: 'red',
};

/** Text colour that reads on a filled badge of the colour (yellow: a light yellow, black words). */
export const colourInk: Record<OrderColour, string> = {
  blue: 'white',
  yellow: '#1a1b1e',
  red: 'white',
};

/** Where an order stands, in words. */
export const stateLabel: Record<OrderState, string> = {
  unsigned: '待签收',
  signed: '已签收（待回复）',
  replied: '已回复（待办结）',
  returned: '已退回（待重新回复）',
  closed: '已办结',
};

/**
 * The state as the court reading it says it: at the receiving court, an answer drafted and waiting
 * for its own reviewer reads 回复待本院审核 rather than 待回复.
 */
export function stateText(order: Pick<SupervisionOrder, 'state' | 'relation' | 'responses'>): string {
  const waiting =
    order.relation === 'received' &&
    (order.state === 'signed' || order.state === 'returned') &&
    order.responses.some((response) => response.kind === 'reply' && response.status === 'pending');
  return waiting ? '回复待本院审核' : stateLabel[order.state];
}

/** Mantine colours for the state badges (the words carry the meaning). */
export const stateColour: Record<OrderState, string> = {
  unsigned: 'gray',
  signed: 'cyan',
  replied: 'indigo',
  returned: 'orange',
  closed: 'green',
};

/** The colour badge's words: “红色”, or “红色（由黄色升级）” once escalated. */
export const colourText = (order: Pick<SupervisionOrder, 'colour' | 'displayColour'>): string =>
  order.displayColour === order.colour
    ? colourLabel[order.colour]
    : `${colourLabel[order.displayColour]}（由${colourLabel[order.colour]}升级）`;

export const overdueLabel = '逾期';
/** Days to the reply deadline of an open order, in words. */
export const daysLeftText = (days: number) =>
  days < 0 ? `已逾期 ${-days} 天` : days === 0 ? '今天到期' : `还剩 ${days} 天`;
export const overdueDays = (days: number) => `逾期 ${days} 天`;

export const ordersText = {
  tabTitle: '督办通报',
  ledgerTitle: '督办台账',
  ledgerIntro: '按法院和中院辖区统计本院及下级法院发出的督办单；数字为件数。',
  ledgerAllIntro: '所有专项活动的督办单，按法院和中院辖区统计；数字为件数。',
  ledgerLoadFailed: '督办台账读取失败',
  ledgerEmpty: '尚未发出督办单。',
  issue: '发督办单',
  exportExcel: '导出 Excel',
  exportPdf: '导出 PDF',
  exportExcelTitle: '导出督办台账（Excel）',
  exportPdfTitle: '导出督办台账（PDF）',
  columns: {
    court: '法院',
    issued: '发出',
    signed: '签收',
    repliedOnTime: '按期回复',
    repliedLate: '逾期回复',
    overdue: '逾期未回复',
    closed: '已办结',
    returned: '已退回',
    criticisms: '批评',
  },
  columnHints: {
    issued: '发出的督办单件数',
    signed: '受文法院已签收的件数',
    repliedOnTime: '在回复期限内首次回复的件数',
    repliedLate: '超过回复期限后才首次回复的件数',
    overdue: '已过回复期限仍未回复的件数',
    closed: '发文法院已办结的件数',
    returned: '被发文法院退回、待重新回复的件数',
    criticisms: '本活动已发布的通报中点名批评该院的次数',
  },
  jurisdiction: (name: string) => `${name}辖区小计`,
  directGroup: '本院直辖法院小计',
  total: '合计',

  issuedTitle: '督办单',
  issuedIntro: '本院发出的督办单，以及下级法院向其辖区法院发出的督办单。点击一行查看详情。',
  issuedLoadFailed: '督办单读取失败',
  issuedEmpty: '还没有督办单。可在“下级法院进度”中勾选法院，或点击“发督办单”。',
  issuedFilteredEmpty: '没有符合筛选条件的督办单。',
  filterState: '状态',
  filterAllStates: '全部状态',
  filterOverdue: '仅逾期',
  filterCourt: '法院',
  filterAllCourts: '全部法院',
  col: {
    docNumber: '文号',
    campaign: '专项活动',
    origin: '发文法院',
    court: '受文法院',
    kind: '类型',
    colour: '颜色',
    requirement: '督办要求',
    replyDue: '回复期限',
    state: '状态',
  },
  rowLabel: (o: SupervisionOrder) =>
    `${o.docNumber}，${o.courtName}，${kindLabel[o.kind]}，${colourText(o)}，${stateText(o)}${o.overdue ? '，逾期' : ''}，打开详情`,

  // the issue dialog
  dialogTitle: '发督办单',
  dialogLoadFailed: '督办单默认值读取失败',
  courts: '受文法院',
  courtsHint: '本院应报法院名单中的下级法院；可选多个，每个法院各得一份督办单，共用一个文号。',
  courtsPlaceholder: '选择法院',
  courtsNothing: '名单中没有符合的法院',
  noRoster: '本院尚未建立应报法院名单，无法发出督办单。请先在“应报法院”中建立名单。',
  kind: '督办类型',
  colour: '颜色',
  colourHint: '蓝色：期限临近；黄色：进度落后；红色：已逾期。已按所选法院中最高的建议预选，可以更改。',
  suggestionsTitle: '各院建议颜色',
  suggestion: (s: OrderSuggestion) => `${s.courtName}：建议${colourLabel[s.colour]}，${s.reason}`,
  offRoster: '（不在应报法院名单中）',
  requirement: '督办要求',
  requirementHint: '受文法院看到的办理要求，可以修改。',
  requirementText: (kind: OrderKind, campaign: string, due: string) =>
    kind === 'remind'
      ? `请关注${quotedTitle(campaign)}的推进进度，对照任务清单抓紧推进临近期限的事项，并于${due}前回复办理情况。`
      : kind === 'urge'
        ? `你院${quotedTitle(campaign)}进度落后于时序要求，请抓紧推进滞后事项，于${due}前书面回复整改措施和进展情况。`
        : `你院${quotedTitle(campaign)}存在逾期未完成事项，现予督办。请逐项说明逾期原因，明确责任人和完成时限，于${due}前回复办理情况并附佐证材料。`,
  replyDue: '回复期限',
  replyDueHint: (end: string | null) => (end ? `不早于今天，不晚于活动结束日期 ${end}` : '不早于今天'),
  items: '涉及事项（可选）',
  itemsHint: '只选一个法院时，可以指定督办涉及该院的哪些事项。',
  itemsPlaceholder: '选择事项',
  itemsLoadFailed: '该院事项读取失败',
  docPrefix: '发文机关代字',
  docPrefixHint: (next: string) => `下一个文号：${next}`,
  nextDocNumber: (prefix: string, year: number, next: string) => {
    const match = /〔\d{4}〕(\d+)号$/.exec(next);
    return match ? `${prefix}督〔${year}〕${match[1]}号` : next;
  },
  submit: '发出督办单',
  cancel: '取消',
  issued: (docNumber: string, count: number) =>
    `已发出督办单 ${docNumber}（${count} 个法院），将随下次下发送达，请到“同步 → 下发”生成下发包。`,
  issuedTitle2: '督办单已发出',
  issueFailed: '督办单未发出',
  discardTitle: '放弃这份督办单？',
  discardText: '已填写的督办单内容尚未发出，关闭后将丢失。',

  // the matrix
  select: (court: string) => `选择${court}`,
  selectLaggards: '选中后进法院',
  selectAll: '全选',
  selected: (count: number) => `已选 ${count} 个法院`,
  issueSelected: (count: number) => `发督办单（${count}）`,
  draftCriticism: '起草通报',
  clearSelection: '清除选择',
  orderCount: '督办',
  orderCountHint: '本活动中向该院发出的督办单件数（括号内为逾期未回复件数）',
  orderCell: (count: number, overdue: number) => (overdue > 0 ? `${count}（逾期 ${overdue}）` : String(count)),
  criticismCount: '批评',
  criticismCountHint: '本活动已发布的通报中点名批评该院的次数',

  // the higher court's board card
  tasksTitle: '督办单待处理',
  tasksEmpty: '没有逾期或待办结的督办单。',
  tasksOverdue: '逾期未回复',
  tasksDecide: '待办结或退回',
  taskOverdue: (o: SupervisionOrder) =>
    `${o.docNumber} ${o.courtName} ${colourText(o)}${o.daysLeft !== null && o.daysLeft < 0 ? ` ${overdueDays(-o.daysLeft)}` : ''}`,
  taskDecide: (o: SupervisionOrder) => `${o.docNumber} ${o.courtName} 已回复，待办结或退回`,
  tasksLoadFailed: '督办单待办读取失败',
  tasksCount: (overdue: number, decide: number) => `逾期未回复 ${overdue} 件，待办结 ${decide} 件`,

  // the item drawer
  issueForItem: '发督办单',

  // the #/orders page
  pageTitle: '督办台账',
  pageIntro: '所有专项活动中本院及下级法院督办单的发出、签收、回复和办结情况。',
  ordersAllTitle: '全部督办单',
  ledgerByCourt: '按法院和辖区统计',
};
