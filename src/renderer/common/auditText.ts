import { RECORD_LABELS } from '../../shared/recordLabels';

// How audit entries read to a person: operations, tables and fields in Chinese.
export const auditOperationText: Record<string, string> = {
  create: '新建',
  update: '修改',
  delete: '删除',
  close: '结束活动',
  activate: '设为进行中',
  draft: '设为草稿',
  reorder: '调整顺序',
  complete: '标记完成',
  'sign-off': '销号',
  'send-back': '退回',
  reopen: '重新打开',
  progress: '填报进展',
  'bulk-update': '批量修改',
};

export const auditTableText: Record<string, string> = RECORD_LABELS;

/** Labels in the order a person reads a row: where it sits, who answers for it, then details. */
export const auditFieldText: Record<string, string> = {
  code: '法院代码',
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
};

export const auditFieldOrder = Object.keys(auditFieldText);


/** Bookkeeping columns a person does not need to read. */
export const hiddenAuditFields = new Set(['id', 'origin', 'version', 'changeSeq', 'createdAt', 'updatedAt', 'campaignId', 'itemId', 'sha256']);

export const auditText = {
  empty: '（空）',
  bytes: '字节',
  unknownOperation: '变更',
  created: '新建了',
  deleted: '删除了',
  arrow: '→',
  removedRecord: '该记录已删除',
  otherSection: '（其他栏目）',
  reordered: '调整了在清单中的先后顺序',
};
