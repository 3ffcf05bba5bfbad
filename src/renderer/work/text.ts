// Words of the 我的待办 page.
import type { WorkAction, WorkKind } from '../../shared/model';

export const workText = {
  title: '我的待办',
  subtitle: '等待您填报、修改、审核、销号或回头看的工作，期限最近的排在最前。',
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
