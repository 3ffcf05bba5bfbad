// What each kind of court record is called, for people: used in the main process's error
// messages and in the renderer's audit log, so the two always name a record the same way.
export const RECORD_LABELS = {
  courts: '法院',
  departments: '部门',
  people: '人员',
  campaigns: '专项活动',
  sections: '栏目',
  items: '事项',
  progressNotes: '进展情况',
  evidence: '佐证材料',
  signoffs: '销号记录',
  problemAspects: '问题方面',
  problems: '问题',
  inspectionReports: '查摆报告',
  inspectionClaims: '认领问题',
  inspectionRounds: '报告提交记录',
  ledgerFindings: '整改问题',
  ledgerMeasures: '整改措施',
  ledgerEvents: '整改记录',
  lookbacks: '回头看',
  ledgerEvidence: '整改佐证材料',
  supervisionNotes: '督导意见',
  indicators: '指标',
  indicatorValues: '指标数值',
  rosterCourts: '应报法院',
  packageReceipts: '下发包接收记录',
  deadlineChanges: '延期记录',
  supervisionOrders: '督办单',
  orderResponses: '督办单签收和回复',
  notices: '通报',
} as const;

export type RecordKind = keyof typeof RECORD_LABELS;
