import { RECORD_LABELS } from '../../shared/recordLabels';
import {
  ITEM_STATUS_LABELS,
  LEDGER_SOURCE_LABELS,
  LOOKBACK_STATUS_LABELS,
  MEASURE_STATUS_LABELS,
} from '../../shared/statusLabels';
import {
  indicatorDirectionText,
  indicatorLineText,
  indicatorPeriodText,
  indicatorUnitChoice,
} from '../indicators/text';
import { inspectionStatusText, scopeText } from '../inspection/text';
import { eventKindText, evidencePhaseText } from '../ledger/text';
import { campaignStatusText, courtLevelText, decisionText, frequencyText, itemKindText } from './text';

// How audit entries read to a person: operations, tables and fields in Chinese.
export const auditOperationText: Record<string, string> = {
  // accounts and refusals
  login: '登录',
  'login-failed': '登录失败',
  lock: '账户锁定',
  logout: '退出登录',
  'change-password': '修改密码',
  'reset-password': '重置密码',
  denied: '越权操作被拒绝',
  // the roster (应报法院)
  merge: '标记已撤并',
  unmerge: '撤销撤并',
  import: 'Excel 导入',
  'light-rules': '设置预警规则',
  // self-inspection, ledger and look-back
  'save-draft': '保存草稿',
  submit: '提交',
  accept: '审核通过',
  return: '退回重填',
  'create-from-claim': '由认领问题生成整改',
  schedule: '安排回头看',
  record: '记录回头看',
  reschedule: '调整回头看时间',
  create: '新建',
  update: '修改',
  delete: '删除',
  close: '结束活动',
  activate: '设为进行中',
  draft: '设为草稿',
  reorder: '调整顺序',
  complete: '提交销号',
  'sign-off': '销号',
  'send-back': '退回',
  reopen: '重新打开',
  'extend-deadline': '延期',
  'lookback-pass': '回头看通过',
  'lookback-relapse': '回头看发现反弹',
  progress: '填报进展',
  'bulk-update': '批量修改',
  // 督办单 (supervision orders)
  'issue-order': '发出督办单',
  'order-close': '办结督办单',
  'order-close-unreplied': '办结督办单（未收到回复）',
  'order-return': '退回督办单回复',
  'sign-for': '签收督办单',
  'reply-approve': '同意报送回复',
  'reply-send-back': '退回修改回复',
  // sync
  'sync-import': '导入同步包',
  'package-update': '按下发包更新',
  untrust: '取消信任',
  // backups and recovery
  'backup-settings': '修改备份设置',
  'backup-passphrase': '设置备份口令',
  'backup-restore': '从备份恢复',
  'recovery-export': '制作恢复包并停用旧密钥',
  'recovery-import': '用恢复包恢复本院数据',
  // the written 活动总结 and its 亮点
  'mark-highlight': '标为亮点',
  'unmark-highlight': '取消亮点',
  'summary-save': '保存活动总结文稿',
  'summary-reset': '恢复自动起草',
};

/** Court records, plus the two kinds of entry that are not records: accounts and refusals. */
export const auditTableText: Record<string, string> = {
  ...RECORD_LABELS,
  users: '用户账户',
  access: '权限检查',
  settings: '本院设置',
  backups: '备份',
  sync_courts: '信任的法院',
  summaryTexts: '活动总结文稿',
};

/** Operations that are events rather than changes to a record's fields (before is null). */
export const auditEventOperations = new Set([
  'login',
  'login-failed',
  'lock',
  'logout',
  'change-password',
  'reset-password',
  'denied',
]);

/** What an account or refusal event says, in one sentence. */
export const auditEventText = {
  loginFailed: (n: number) => `密码错误（连续第 ${n} 次）`,
  lock: (n: number) => `密码连续输错 ${n} 次，账户被暂时锁定`,
  changePassword: '本人修改了登录密码',
  resetPassword: '管理员设置了临时密码，下次登录时须修改；账户锁定同时解除',
  deniedTried: (what: string) => `试图：${what}`,
  deniedReason: (message: string) => `拒绝原因：${message}`,
};

/** Operation names in refusals, read as "what" + "how": users.resetPassword → 用户账户 · 重置密码. */
export const apiAreaText: Record<string, string> = {
  app: '程序信息',
  roster: '应报法院',
  reporting: '报送情况',
  court: '本院信息',
  demo: '示例数据',
  jobs: '后台任务',
  departments: '部门',
  people: '人员',
  campaigns: '专项活动',
  sections: '栏目',
  items: '事项',
  progress: '进展情况',
  evidence: '佐证材料',
  stats: '统计',
  audit: '审计日志',
  auth: '登录',
  users: '用户账户',
  lights: '红黄绿灯',
  problems: '问题清单',
  inspection: '查摆报告',
  ledger: '整改台账',
  lookbacks: '回头看',
  work: '我的待办',
  backup: '备份',
  recovery: '恢复包',
};

export const apiActionText: Record<string, string> = {
  list: '查看',
  merge: '标记已撤并',
  unmerge: '撤销撤并',
  import: '导入',
  template: '下载模板',
  rules: '查看规则',
  setRules: '设置报送规则',
  completeness: '查看报送情况',
  get: '查看',
  search: '搜索',
  create: '新建',
  update: '修改',
  delete: '删除',
  move: '调整顺序',
  bulkUpdate: '批量修改',
  setStatus: '修改状态',
  setLightRules: '设置预警规则',
  markComplete: '提交销号',
  signOff: '销号',
  sendBack: '退回',
  reopen: '重新打开',
  add: '添加',
  remove: '移除',
  open: '打开',
  verify: '校验',
  setup: '设置',
  start: '载入',
  resetPassword: '重置密码',
  changePassword: '修改密码',
  submit: '提交',
  accept: '审核通过',
  return: '退回重填',
  record: '记录',
  reschedule: '调整时间',
  mine: '查看',
  overview: '查看',
  find: '查找',
  inspect: '核对',
  restore: '恢复',
  updateSettings: '修改设置',
  setPassphrase: '设置口令',
  readRequest: '读取恢复申请',
  export: '制作',
};

/** Labels in the order a person reads a row: where it sits, who answers for it, then details. */
export const auditFieldText: Record<string, string> = {
  code: '法院代码',
  jurisdiction: '辖区',
  mergedAt: '撤并日期',
  mergedInto: '并入法院',
  addedBy: '加入方式',
  level: '法院层级',
  parentCode: '上级法院代码',
  parentName: '上级法院名称',
  issuingCourtName: '部署法院',
  issuingCourtCode: '部署法院代码',
  year: '年度',
  startDate: '开始日期',
  endDate: '结束日期',
  yellowDays: '预警天数',
  noteDate: '进展日期',
  author: '填报人',
  sectionId: '所属栏目',
  parentId: '上级栏目',
  kind: '类别',
  leadLeader: '牵头院领导',
  departmentId: '责任部门',
  owner: '责任人',
  deadline: '完成时限',
  frequency: '频次',
  status: '状态',
  percent: '进度',
  completedAt: '完成时间',
  completedLate: '逾期完成',
  highlight: '亮点',
  body: '正文',
  reviewer: '审核人',
  decision: '审核结论',
  decidedAt: '审核时间',
  opinion: '意见或理由',
  mimeType: '文件类型',
  size: '文件大小',
  title: '名称',
  name: '名称',
  originalName: '文件名',
  text: '进展情况',
  content: '具体内容',
  description: '说明',
  sortOrder: '排列顺序',
  deletedAt: '删除时间',
  // accounts
  username: '用户名',
  displayName: '姓名',
  roles: '角色',
  personId: '关联人员',
  disabled: '停用',
  mustChangePassword: '须修改密码',
  lockedUntil: '锁定至',
  // light rules
  escalateGreen: '绿灯提醒对象',
  escalateYellow: '黄灯提醒对象',
  escalateRed: '红灯提醒对象',
  lookbackMonths: '回头看间隔',
  // ledger, self-inspection and indicators
  source: '问题来源',
  scope: '查摆范围',
  phase: '材料类别',
  line: '所属条线',
  unit: '计量单位',
  period: '统计周期',
  direction: '指标方向',
};

/**
 * Every coded value the audit log can show, by table and field (`*`: any table), in Chinese.
 * A code not listed here reads as auditText.otherValue, never as the code itself.
 */
export const auditValueText: Record<string, Record<string, Readonly<Record<string, string>>>> = {
  '*': {
    level: courtLevelText,
    frequency: frequencyText,
    source: LEDGER_SOURCE_LABELS,
    scope: scopeText,
    line: indicatorLineText,
    unit: indicatorUnitChoice,
    period: indicatorPeriodText,
    direction: indicatorDirectionText,
    phase: evidencePhaseText,
  },
  campaigns: { status: campaignStatusText },
  items: { status: ITEM_STATUS_LABELS, kind: itemKindText },
  ledgerMeasures: { status: MEASURE_STATUS_LABELS },
  ledgerEvents: { kind: eventKindText },
  lookbacks: { status: LOOKBACK_STATUS_LABELS },
  inspectionReports: { status: inspectionStatusText },
  inspectionRounds: { decision: { accepted: '审核通过', returned: '退回重填' } },
  signoffs: { decision: decisionText },
  supervisionNotes: { kind: { supervision: '督导意见', comment: '意见' } },
  courts: { kind: { report_up: '上报包', package_down: '下发包' } },
};

/** The Chinese word for a coded value, or null when the field holds no code (free text, dates, numbers). */
export function auditCodeText(table: string, field: string, value: string): string | null {
  const map = auditValueText[table]?.[field] ?? auditValueText['*'][field];
  if (map) return map[value] ?? auditText.otherValue;
  if (field === 'status' || field === 'kind' || field === 'decision') return auditText.otherValue;
  // A stray code (snake_case) in any other field is never shown as it is.
  return /^[a-z]+(_[a-z]+)+$/.test(value) ? auditText.otherValue : null;
}

/** Where a field means something else in one kind of record. */
export const auditFieldTextByTable: Record<string, Record<string, string>> = {
  users: { departmentId: '所属部门' },
};

export const auditFieldOrder = Object.keys(auditFieldText);

/** Where one kind of record reads in another order than the rest. */
export const auditFieldOrderByTable: Record<string, string[]> = {
  users: [
    'username',
    'displayName',
    'roles',
    'departmentId',
    'personId',
    'disabled',
    'mustChangePassword',
    'lockedUntil',
  ],
};

/** Bookkeeping columns a person does not need to read. */
export const hiddenAuditFields = new Set([
  'id',
  'origin',
  'version',
  'changeSeq',
  'createdAt',
  'updatedAt',
  'campaignId',
  'itemId',
  'sha256',
  'lastLoginAt',
  'failedAttempts',
  'completedBy',
]);

export const auditText = {
  empty: '（空）',
  bytes: '字节',
  unknownOperation: '变更',
  otherValue: '其他',
  someOperation: '一项操作',
  created: '新建了',
  deleted: '删除了',
  arrow: '→',
  removedRecord: '该记录已删除',
  otherSection: '（其他栏目）',
  reordered: '调整了在清单中的先后顺序',
  months: (n: number | string) => `${n} 个月`,
  notLocked: '未锁定',
  deletedPerson: '（已删除的人员）',
  roleSeparator: '、',
};
