// Words of the rectification ledger (整改台账) screens: the tab, the forms and the measure drawer.
// The look-back queue (src/renderer/lookback) reuses the source and status names from here.
import type {
  LedgerEventKind,
  LedgerEvidencePhase,
  LedgerSource,
  LookbackStatus,
  MeasureStatus,
} from '../../shared/model';
import { LEDGER_SOURCE_LABELS, LOOKBACK_STATUS_LABELS, MEASURE_STATUS_LABELS } from '../../shared/statusLabels';

export const ledgerSourceText = LEDGER_SOURCE_LABELS;

export const ledgerSourceColor: Record<LedgerSource, string> = {
  inspection_feedback: 'red',
  audit_supervision: 'grape',
  self_inspection: 'court',
  superior_notice: 'orange',
  petition: 'cyan',
  problem_lead: 'indigo',
};

/** How the closure figures count each source, as a report states them (受理 451 件, 8 条线索). */
export const ledgerSourceCounting: Record<LedgerSource, { received: string; unit: string }> = {
  inspection_feedback: { received: '反馈问题', unit: '个' },
  audit_supervision: { received: '督察发现问题', unit: '个' },
  self_inspection: { received: '查摆问题', unit: '个' },
  superior_notice: { received: '通报问题', unit: '个' },
  petition: { received: '受理', unit: '件' },
  problem_lead: { received: '受理', unit: '条' },
};

export const measureStatusText = MEASURE_STATUS_LABELS;

/** Class suffix for the status chip (ledger.css). */
export const measureStatusTone: Record<MeasureStatus, string> = {
  identified: 'todo',
  in_progress: 'doing',
  submitted: 'waiting',
  signed_off: 'done',
  lookback_passed: 'passed',
  returned: 'back',
  reopened: 'relapse',
};

export const measureStatusColor: Record<MeasureStatus, string> = {
  identified: 'gray',
  in_progress: 'blue',
  submitted: 'orange',
  signed_off: 'teal',
  lookback_passed: 'green',
  returned: 'red',
  reopened: 'red',
};

export const eventKindText: Record<LedgerEventKind, string> = {
  progress: '整改进展',
  submit: '提交销号',
  sign_off: '对账销号',
  send_back: '退回',
  lookback_pass: '回头看通过',
  lookback_relapse: '回头看发现反弹',
};

export const eventKindColor: Record<LedgerEventKind, string> = {
  progress: 'blue',
  submit: 'orange',
  sign_off: 'teal',
  send_back: 'red',
  lookback_pass: 'green',
  lookback_relapse: 'red',
};

export const evidencePhaseText: Record<LedgerEvidencePhase, string> = {
  before: '整改前',
  after: '整改后',
  lookback: '回头看',
};

export const lookbackStatusText = LOOKBACK_STATUS_LABELS;

export const lookbackStatusColor: Record<LookbackStatus, string> = {
  scheduled: 'gray',
  passed: 'green',
  relapsed: 'red',
};

export const ledgerText = {
  // closure figures
  closureTitle: '整改办结情况',
  closureHint:
    '办结：问题的全部整改措施已对账销号（长期整改措施除外）。长期整改的问题持续推进，单独统计，不计入未办结。',
  figTotal: '问题总数',
  figClosed: '已办结',
  figRate: '办结率',
  figOpen: '未办结',
  figLongTerm: '长期整改',
  overallLabel: '合计',
  overallUnit: '个',
  overallCount: (total: number, closed: number) => `问题 ${total} 个，办结 ${closed} 个，办结率 `,
  sourceCount: (received: string, unit: string, total: number, closed: number) =>
    `${received} ${total} ${unit}，办结 ${closed} ${unit}，办结率 `,
  longTermPart: (n: number, unit: string) => `长期整改 ${n} ${unit}（单独统计）`,
  openPart: (n: number, unit: string) => `未办结 ${n} ${unit}`,
  noRate: '—',
  noFindingsYet: '还没有整改问题。',
  closureFailed: '办结情况加载失败',
  // toolbar and filters
  backToCampaigns: '返回专项活动',
  addFinding: '新增问题',
  filterSource: '全部来源',
  filterStatus: '全部状态',
  filterDepartment: '全部部门',
  filterLight: '全部灯色',
  clearFilters: '清除筛选',
  shown: (findings: number, measures: number) => `共 ${findings} 个问题、${measures} 条整改措施`,
  loadFailed: '整改台账加载失败',
  // table
  colNumber: '序号',
  colFinding: '问题',
  colMeasure: '整改措施',
  colOwner: '责任人',
  colDepartment: '责任部门',
  colDeadline: '完成时限',
  colStatus: '状态',
  colLight: '灯',
  colEvidence: '佐证',
  colNextLookback: '下次回头看',
  addMeasure: '新增措施',
  editFinding: '编辑问题',
  noMeasureYet: '尚未制定整改措施',
  findingClosed: '已办结',
  longTerm: '长期整改',
  wasRed: '曾亮红灯',
  escalateTo: (name: string) => `提醒：${name}`,
  emptyLedger:
    '这个专项活动还没有整改问题。点击右上角“新增问题”录入巡视、督察反馈或信访件等问题；问题查摆中认领的问题也可一键转入台账。',
  emptyFiltered: '没有符合筛选条件的整改措施。',
  measureCount: (closed: number, total: number) => `措施 ${closed}/${total} 已销号`,
  // finding form
  createFindingTitle: '新增整改问题',
  editFindingTitle: '编辑整改问题',
  source: '问题来源',
  reference: '文号或编号',
  referencePlaceholder: '如 浙巡反〔2026〕3号、信访件编号',
  findingTitle: '问题',
  findingTitlePlaceholder: '简要写明反馈或发现的问题',
  findingDetail: '问题详情',
  findingDetailPlaceholder: '反馈意见原文、具体事实、涉及的人和事',
  receivedDate: '收到日期',
  findingDepartment: '责任部门',
  departmentPlaceholder: '选择责任部门',
  findingCreated: '整改问题已添加',
  findingSaved: '整改问题已保存',
  deleteFinding: '删除问题',
  deleteFindingConfirm: (title: string) =>
    `确定删除整改问题“${title}”吗？只有还没有整改措施的问题可以删除，删除会记入审计日志。`,
  findingDeleted: '整改问题已删除',
  formError: '请按提示修改标红的内容。',
  // measure form
  createMeasureTitle: '新增整改措施',
  forFinding: (n: number, title: string) => `问题 ${n}：${title}`,
  measureText: '整改措施',
  measureTextPlaceholder: '针对问题采取的具体措施、要达到的效果',
  owner: '责任人',
  leadLeader: '牵头院领导',
  measureDepartment: '责任部门',
  deadline: '完成时限',
  longTermSwitch: '长期整改',
  longTermHint: '需长期坚持的措施不设销号，持续推进，办结情况中单独统计。',
  peoplePlaceholder: '输入姓名，可从人员名单中选择',
  measureCreated: '整改措施已添加',
  measureSaved: '整改措施已保存',
  // drawer
  drawerLoadFailed: '整改措施加载失败',
  findingNumber: (n: number) => `问题 ${n}`,
  receivedOn: '收到日期',
  showMore: '展开',
  showLess: '收起',
  tabInfo: '基本信息',
  tabEvents: '整改记录',
  tabEvidence: '佐证材料',
  tabLookbacks: '回头看',
  tabLights: '灯色记录',
  completedAt: '提交时间',
  signedOff: (who: string, when: string) => `${who} 于 ${when} 对账销号`,
  editLocked: '已提交销号或已销号的整改措施不能修改；如需修改，请审核人先退回。',
  editNotYours: '您只能修改本部门的整改措施。',
  deleteMeasure: '删除措施',
  deleteMeasureConfirm: (text: string) => `确定删除整改措施“${text}”吗？删除会记入审计日志。`,
  measureDeleted: '整改措施已删除',
  // state actions
  addProgress: '填报进展',
  submit: '提交销号',
  signOff: '对账销号',
  sendBack: '退回',
  progressTitle: '填报整改进展',
  progressDate: '日期',
  progressText: '整改进展',
  progressPlaceholder: '本次做了哪些整改工作，取得什么成效',
  progressAdded: '进展已记录',
  submitTitle: '提交销号',
  submitHint: '提交后由审核人对账销号。请先上传整改后的佐证材料。',
  submitNote: '完成情况',
  submitNotePlaceholder: '整改措施的落实情况和成效',
  submitted: '已提交销号，等待审核人对账',
  noAfterEvidence: '还没有上传“整改后”的佐证材料，审核人可能因此退回。',
  signOffTitle: '对账销号',
  signOffHint: '请核对整改前后的佐证材料后销号。销号后将按活动规则安排“回头看”。',
  opinion: '销号意见（可不填）',
  opinionPlaceholder: '如 整改到位，佐证材料齐全，同意销号',
  signedOffDone: '已对账销号',
  sendBackTitle: '退回',
  sendBackHint: '退回后由责任部门继续整改，请写明退回理由。',
  reason: '退回理由',
  reasonPlaceholder: '如 整改后照片不能反映整改成效，请补充',
  sentBack: '已退回',
  ownWorkHint: '这条措施是您提交的，按“两人”规则须由其他审核人对账销号。',
  waitingReview: '已提交销号，等待审核人对账。',
  longTermNote: '长期整改措施持续推进，不提交销号。',
  lookbackPending: (date: string) => `已对账销号，${date} 回头看，防止问题反弹。`,
  // events
  noEvents: '还没有整改记录。',
  eventsHint: '整改记录只增不改，作为整改过程的留痕。',
  // evidence
  uploadFiles: '上传',
  noFilesInPhase: '暂无',
  lookbackUploadHint: '回头看的佐证材料在“记录回头看”时上传。',
  uploading: (name: string) => `正在上传 ${name}…`,
  uploadProgress: (name: string) => `“${name}”的上传进度`,
  cancelUpload: '取消上传',
  uploadCancelled: '已取消上传，未上传完的文件没有保存。',
  uploaded: (n: number) => `已上传 ${n} 个文件`,
  tooLarge: (name: string) => `“${name}”超过 200 MB，不能上传。`,
  emptyFile: (name: string) => `“${name}”是空文件。`,
  unreadable: (name: string) => `无法读取“${name}”，请确认文件没有被其他程序占用。`,
  open: '打开',
  remove: '移除',
  removeConfirm: (name: string) => `确定移除佐证材料“${name}”吗？移除会记入审计日志。`,
  removed: '佐证材料已移除',
  openFailed: '无法打开佐证材料',
  // look-backs
  noLookbacks: '销号后按活动规则安排回头看；目前还没有回头看记录。',
  lookbackDue: '到期日',
  lookbackStatus: '结论',
  lookbackChecker: '检查人',
  lookbackCheckedAt: '检查时间',
  lookbackNote: '情况',
  goQueue: '到“回头看”页记录',
  // lights
  noLightHistory: '还没有灯色记录（没有完成时限的措施不亮灯）。',
  lightSince: (since: string, until: string | null) => (until ? `${since} 至 ${until}` : `${since} 起至今`),
  lightsHint: '灯色每天自动记录，整改完成后也保留“曾亮红灯”的记录。',
  // another court's ledger (查看下级法院)
  viewingCourt: (name: string) => `正在查看 ${name} 的整改台账（只读）`,
  viewingHint: '这些是下级法院随同步包报送上来的整改台账，本院只能查看，不能修改。',
  backToOwn: '返回本院',
  emptyCourtLedger: '该法院在本活动中还没有整改台账，或者还没有报送同步包。',
  otherCourtMeasure: (code: string) => `这是 ${code} 法院的整改措施，随同步包报送上来，本院只能查看，不能修改。`,
  // closed work (integrity)
  signedOffLocked: '已销号，如需修改请由审核人重新打开。',
  reopen: '重新打开',
  reopenTitle: '重新打开整改措施',
  reopenHint: '重新打开后，这项措施回到整改中，须重新提交销号、再经审核人销号；原销号记录保留在整改过程中。',
  reopenReason: '重新打开的理由',
  reopenReasonPlaceholder: '如 整改后材料缺少印发文件',
  reopened: '已重新打开',
  futureProgressDate: '进展日期不能晚于今天',
};
