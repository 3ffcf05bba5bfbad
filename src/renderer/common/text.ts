// Words shared by several screens. Every screen keeps its own strings in its text.ts; a
// Traditional Chinese locale can be added later by swapping these objects.
import type { CampaignStatus, CourtLevel, Frequency, ItemKind, Light, SignoffDecision } from '../../shared/model';
import { ITEM_STATUS_LABELS } from '../../shared/statusLabels';

export const commonText = {
  appName: '专项活动督导台',
  save: '保存',
  saving: '正在保存…',
  cancel: '取消',
  staleKeep: '保留我的修改并覆盖保存',
  staleReload: '放弃修改，载入最新内容',
  confirm: '确定',
  close: '关闭',
  delete: '删除',
  edit: '编辑',
  add: '添加',
  rename: '重命名',
  moveUp: '上移',
  moveDown: '下移',
  loading: '正在加载…',
  retry: '重试',
  none: '无',
  all: '全部',
  failedTitle: '操作没有完成',
  loadFailedTitle: '加载失败',
  pageFailedTitle: '这一页没能显示出来',
  pageFailedBody:
    '程序在显示这一页时遇到了意外问题。已保存的数据没有受影响，左侧的其他页面仍可使用。请点“重新加载”再试；如仍不行，请联系本院管理员在“设置”中导出诊断信息，交给技术人员。',
  reloadPage: '重新加载',
  confirmTitle: '请确认',
  discardTitle: '放弃未保存的内容？',
  discardMessage: '有未保存的内容，确定放弃吗？',
  discardKeep: '保留编辑',
  discardConfirm: '放弃',
  noBridge: '程序的后台连接没有建立，请关闭后重新打开督导台。',
  transportFailed: '无法连接督导台后台服务，请确认程序仍在运行后重试。您填写的内容没有丢失。',
  dateFormatHint: '如 2026-11-24',
  datePlaceholder: '选择或输入日期',
  nothingFound: '没有匹配的选项',
  yes: '是',
  no: '否',
  required: (label: string) => `请填写${label}`,
  choose: (label: string) => `请选择${label}`,
  period: (start: string, end: string) => `${start || '—'} 至 ${end || '—'}`,
  days: (n: number | string) => `${n} 天`,
  daysSuffix: ' 天',
  bytes: '字节',
  deletedDepartment: '（已删除的部门）',
  calendar: { month: 'YYYY年M月', year: 'YYYY年', decade: 'YYYY年', monthsList: 'M月' },
};

export const courtLevelText: Record<CourtLevel, string> = {
  high: '高级人民法院',
  intermediate: '中级人民法院',
  basic: '基层人民法院',
};

export const campaignStatusText: Record<CampaignStatus, string> = {
  draft: '草稿',
  active: '进行中',
  closed: '已结束',
};

export const campaignStatusColor: Record<CampaignStatus, string> = {
  draft: 'gray',
  active: 'court',
  closed: 'dark',
};

export const itemStatusText = ITEM_STATUS_LABELS;

export const itemKindText: Record<ItemKind, string> = {
  mandatory: '规定动作',
  own: '自选动作',
};

export const frequencyText: Record<Frequency, string> = {
  once: '一次性',
  monthly: '每月',
  quarterly: '每季度',
};

export const lightText: Record<Light, string> = {
  green: '绿灯（正常）',
  yellow: '黄灯（临期）',
  red: '红灯（逾期）',
  none: '无时限',
};

export const lightShortText: Record<Light, string> = {
  green: '正常',
  yellow: '临期',
  red: '逾期',
  none: '无时限',
};

export const decisionText: Record<SignoffDecision, string> = {
  approved: '销号',
  returned: '退回',
  reopened: '重新打开',
};

export const completedLateText = '逾期完成';
