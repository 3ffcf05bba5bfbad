// Words of the 我的待办 page.
import type { WorkAction, WorkKind } from '../../shared/model';

export const workText = {
  title: '我的待办',
  subtitle: '上级法院发来的未读督导意见，以及等待您填报、修改、审核、销号或回头看的工作，期限最近的排在最前。',
  refresh: '刷新',
  loadFailed: '待办事项加载失败',
  all: '全部待办',
  overdue: '已逾期',
  dueSoon: '临期',
  filterLight: '全部灯色',
  shown: (shown: number, total: number) => (shown === total ? `共 ${total} 项` : `显示 ${shown} / ${total} 项`),
  showAllKinds: '显示全部类别',
  colKind: '类别',
  colTitle: '事项',
  colCampaign: '专项活动',
  colDepartment: '部门',
  colDeadline: '期限',
  colLight: '灯',
  colAction: '待办',
  noDeadline: '无期限',
  overdueDays: (n: number) => `已逾期 ${n} 天`,
  dueToday: '今天到期',
  daysLeft: (n: number) => `还剩 ${n} 天`,
  open: '去办理',
  returnReason: (reason: string) => `退回理由：${reason}`,
  emptyTitle: '暂无待办事项',
  emptyKind: '这一类暂无待办事项',
  emptyHint: '有事项、查摆报告、整改措施或回头看等您办理时，会列在这里。',
  adminOnly: '您的账户只有管理员角色，不承担填报或审核工作。',
  moreRows: (n: number) => `还有 ${n} 项未显示，`,
  showMore: '显示更多',
};

export const workKindText: Record<WorkKind, string> = {
  item: '事项',
  report: '查摆报告',
  measure: '整改措施',
  lookback: '回头看',
};

export const workActionText: Record<WorkAction, string> = {
  fill: '待填报',
  revise: '待修改',
  review: '待审核',
  sign_off: '待销号',
  recheck: '待回头看',
};

/** Words of supervision notes as the court they reach reads them: unread notes, read state, relations. */
export const noteText = {
  cardTitle: '上级督导意见',
  cardUnread: (n: number) => `未读 ${n} 条`,
  cardHint: '上级法院发来的意见，阅后请标为已读；督导意见须按要求整改落实。',
  markAllRead: '全部标为已读',
  markAllReadLabel: (n: number) => `将 ${n} 条未读督导意见全部标为已读`,
  markRead: '标为已读',
  markReadLabel: (title: string) => `将“${title}”标为已读`,
  markedRead: (n: number) => (n === 1 ? '已标为已读' : `已将 ${n} 条标为已读`),
  unread: '未读',
  readBy: (who: string, when: string) => `已读 · ${who} · ${when}`,
  /** What each kind asks of the court: a 督导意见 is to be acted on, a plain 意见 to be noted. */
  kindAction: { supervision: '需整改落实', comment: '请阅知' } as Record<'comment' | 'supervision', string>,
  kind: { comment: '意见', supervision: '督导意见' } as Record<'comment' | 'supervision', string>,
  onItem: (title: string) => `针对事项：${title}`,
  onCourt: '针对本院整体工作',
  from: (court: string, author: string, date: string) => `${court} · ${author} · ${date}`,
  open: '查看',
  openLabel: (campaign: string) => `打开专项活动“${campaign}”查看这条意见`,
  moreRows: (n: number) => `另有 ${n} 条，`,
  showAll: '显示全部',
  navBadgeLabel: (n: number) => `${n} 条未读督导意见`,
  // The campaign's supervision panel at a court that both writes and receives notes.
  panelTitle: '督导意见',
  panelCount: (n: number) => `${n} 条`,
  panelUnread: (n: number) => `未读 ${n} 条`,
  sectionReceived: '上级法院发给本院的意见',
  sectionWritten: '本院发出的督导意见',
  sectionSuperior: '上级法院对辖区法院的意见（只读）',
  sectionSubordinate: '下级法院对其辖区法院的意见（只读）',
  aboutCourt: (court: string, n: number) => `${court}（${n} 条）`,
  superiorOnPath: '上级法院意见 · 只读',
  subordinateOnPath: '下级法院意见 · 只读',
  panelEmpty: '本活动还没有督导意见。',
};
