// Words of the sync screens: 同步 (上报, 下发, 导入, 信任的法院, 同步记录), 下级法院, and the
// key fingerprint shown in settings.
import type { BundleKind, SyncDirection, SyncResultKind, TrustRelation } from '../../shared/model';

export const syncText = {
  title: '同步',
  subtitle: '用 U 盘或内网邮件与上下级法院交换同步包：上报本院数据，下发专项活动，导入对方的同步包。',
  tabExport: '上报',
  tabPublish: '下发',
  tabImport: '导入',
  tabTrusted: '信任的法院',
  tabHistory: '同步记录',
  loadFailed: '同步信息加载失败',
  managersOnly: '只有管理员或审核人可以导出、导入同步包。您可以查看同步情况和同步记录。',
  retry: '重试',
  untouched: '数据库没有任何改动。',
  seq: (n: number) => `第 ${n} 号`,
  /** A package down is addressed to every subordinate: code '*', shown by its name alone. */
  courtWithCode: (name: string, code: string) =>
    code === '*' ? name || '各下级法院' : name ? `${name}（${code}）` : code,
  rowsFiles: (rows: number, files: number) => `${rows} 条数据，${files} 个文件`,
  none: '—',

  // 上报
  exportTitle: '向上级法院上报',
  thisCourt: '本院',
  parentCourt: '上级法院',
  encryptedYes: '将加密，只有上级法院能打开',
  encryptedNo: '上级法院的密钥尚未导入（导入一次上级下发包后自动获得），本包不加密，仍有签名防篡改',
  nextSeq: '下一个上报包',
  pendingChanges: '待上报的本院改动',
  pendingRelays: '待转报的下级同步包',
  lastExport: '上次上报',
  lastExportNever: '尚未上报过',
  lastExportLine: (seq: number, at: string, full: boolean) => `第 ${seq} 号${full ? '（完整快照）' : ''}，${at}`,
  countUnit: ' 条',
  relayUnit: ' 个',
  noParentTitle: '本院没有上级法院',
  noParent: '高级人民法院不向上报送同步包。向下级法院发送专项活动请使用“下发”；下级法院报来的同步包请在“导入”中载入。',
  goPublish: '前往下发',
  full: '完整快照',
  fullHelp:
    '包含本院的全部数据，而不只是上次上报以来的改动。上级法院提示“缺少第 N 号同步包”或数据对不上时使用，它能补齐缺失的部分。',
  exportButton: '导出上报包',
  exportRunning: '正在生成上报包…',
  exportDone: '上报包已生成',
  exportFailed: '上报包没有生成',
  exportCancelled: '已取消，没有生成同步包。',
  fileLine: '文件名',
  pathLine: '保存位置',
  contentLine: '内容',
  contentText: (rows: number, files: number, nested: number, size: string, kind: 'report_up' | 'package_down') =>
    `${rows} 条数据，${files} 个佐证文件${nested > 0 ? (kind === 'package_down' ? `，内含上级法院的原始下发包 ${nested} 个` : `，转报下级法院同步包 ${nested} 个`) : ''}，共 ${size}`,
  encryptedLine: '加密',
  encryptedShort: '已加密（只有接收法院能打开）',
  notEncryptedShort: '未加密（有签名防篡改）',
  carryHint: '请将此文件复制到 U 盘或通过内网邮件交给上级法院。',
  filesTitle: (n: number) => `共写出 ${n} 个文件`,
  fileTarget: '收件',
  /** A broadcast package holds the campaign's definition; a sealed one, supervision notes and orders. */
  fileNotes: (broadcast: boolean, n: number) =>
    broadcast ? '活动定义和通报' : n > 0 ? `督导意见和督办单 ${n} 条` : '督导意见和督办单',
  broadcast: '各下级法院',
  skippedTitle: '以下法院有督导意见或督办单，但没有生成文件',

  // folder
  folder: '保存到文件夹',
  folderHint: '可直接输入路径，或选择下面检测到的 U 盘等移动存储。文件名会自动包含法院名称和编号。',
  chooseFolder: '选择文件夹…',
  drives: '检测到的移动存储：',
  noDrives: '没有检测到 U 盘等移动存储。',

  // 下发
  publishTitle: '向下级法院下发专项活动',
  publishHint:
    '下发包包含专项活动的定义（分组、规定动作、问题清单）、本院已印发的通报，以及本院的督导意见和督办单（按法院分别加密）。下级法院导入后，规定动作出现在其推进清单中，由下级法院填报落实情况；活动有修改后再次下发，下级法院已填报的内容保留。',
  campaign: '专项活动',
  campaignPlaceholder: '选择本院制定的专项活动',
  noOwnCampaigns: '本院还没有自己制定的专项活动。上级法院下发的专项活动请在上方“转发给下级法院”。',
  noOwnCampaignsAlone: '本院还没有自己制定的专项活动，也还没有导入上级法院的下发包，没有可以下发的内容。',
  ownPublishTitle: '下发本院制定的专项活动',

  // 转发 (a superior's campaign passed down)
  relayTitle: '转发给下级法院',
  relayHint:
    '上级法院下发的专项活动，由本院原样转发给各下级法院：转发包内含上级法院的原始下发包（下级法院可核验上级的签名），以及给各院的督导意见和督办单（密封，只有该院及其上级能打开）。',
  relayFrom: (superior: string) => `${superior}下发`,
  relayReceived: (seq: number, at: string) => `已导入上级下发包第 ${seq} 号（${at}）`,
  relayLast: (at: string) => `上次转发：${at}`,
  relayNever: '尚未转发',
  relayNewer: '有上级法院的新下发包尚未转发',
  relayNewerNever: '尚未转发给下级法院',
  relayCurrent: '已转发最新的下发包',
  relayButton: '转发给下级法院',
  relayButtonLabel: (title: string) => `转发给下级法院：${title}`,
  relayRunning: '正在生成转发包…',
  relayDone: '转发包已生成',
  relayFailed: '转发包没有生成',
  relayCarryHint:
    '请将以上文件全部复制给各下级法院（督导意见和督办单包只有收件法院能打开），由其在“同步 → 导入”中载入。',
  publishButton: '生成下发包',
  publishRunning: '正在生成下发包…',
  publishDone: '下发包已生成',
  publishFailed: '下发包没有生成',
  publishCarryHint: '请将此文件复制给各下级法院，由其在“同步 → 导入”中载入。',
  chooseCampaign: '请选择要下发的专项活动',

  // 导入
  importTitle: '导入同步包',
  dropTitle: '把同步包文件拖到这里，或点击选择文件',
  dropHint: '下级法院的上报包、上级法院的下发包都在这里导入。导入前会先预览将要发生的变化。',
  uploading: '正在读取文件…',
  uploadProgress: (done: string, total: string) => `已读取 ${done} / ${total}`,
  unreadable: '无法读取这个文件，请确认文件没有损坏，或复制到本机后重试。',
  previewing: '正在检查同步包…',
  previewTitle: '导入前预览',
  previewHint: '以下是导入后将发生的变化。此时尚未写入任何数据。',
  previewRefused: '此文件不能导入',
  discard: '放弃',
  close: '关闭',
  discarded: '已放弃，没有写入任何数据。',
  importButton: '确认导入',
  importing: '正在导入…',
  importDone: '导入完成',
  importRefused: '导入被拒绝',
  importCancelled: '已取消，没有写入任何数据。',
  unchanged: '此同步包已导入过，没有任何变化',
  recordHint: '仍请点击“记下收到”，本院会记下已收到这个包（转发和接收情况据此判断）。',
  recordButton: '记下收到',
  another: '导入其他同步包',
  backToPreview: '返回预览',

  // bundle summary
  kind: '类型',
  source: '来源法院',
  target: '接收法院',
  seqLabel: '编号',
  scope: '范围',
  fullSnapshot: '完整快照',
  /** The manifest's range excludes `from`: changes from+1 … through. */
  incremental: (from: number, through: number) =>
    through > from ? '增量（上一个同步包之后的变化）' : '增量（没有新的变化）',
  createdAt: '生成时间',
  encryption: '加密',
  encrypted: '已加密',
  notEncrypted: '未加密（有签名）',
  size: '数据',
  campaignLine: '专项活动',
  nested: '内含的其他法院同步包',
  nestedRole: {
    subordinate_report: '下级法院同步包',
    superior_package: '上级法院的原始下发包',
    addressed_package: '督导意见和督办单',
  } as Record<'subordinate_report' | 'superior_package' | 'addressed_package', string>,
  nestedAddressed: (to: string) => `（密封发给${to}）`,
  // the roster (应报名单)
  notOnRosterTitle: '以下法院不在本院应报名单中',
  notOnRosterHint:
    '应报名单是应向本院报送的下级法院。确认这些法院确是本院的下级法院后，点击“加入应报名单”再导入；如有陌生法院，请不要导入。',
  notOnRosterLine: (court: string, level: string | null) =>
    `${court}${level ? `（${level}）` : ''}：不在本院应报名单中`,
  addToRoster: '加入应报名单',
  addToRosterLabel: (court: string) => `将${court}加入应报名单`,
  willAddToRoster: '导入时将加入应报名单',
  undoAddToRoster: '撤销',
  undoAddToRosterLabel: (court: string) => `撤销将${court}加入应报名单`,
  rosterNeeded: (n: number) => `还有 ${n} 个法院不在应报名单中，请先确认并加入应报名单。`,
  mergedTitle: '以下法院已撤并，仍导入其历史数据',
  mergedLine: (court: string, at: string) => `${court}（${at} 撤并）`,
  addedTitle: '已加入本院应报名单',
  addedLine: (court: string, how: 'manual' | 'relay') => `${court}${how === 'relay' ? '（经转报首次出现）' : ''}`,
  // relays and the audit witness
  vouchedTitle: '以下法院的密钥将因转报法院的担保而被本院信任',
  vouchedHint:
    '这些法院的同步包由转报它们的法院原样夹带，各自签名已核验。请确认它们确是该转报法院的下级法院（或其上级法院）；如有陌生法院，请不要导入。',
  vouchedLine: (court: string, level: string | null, by: string) =>
    `${court}${level ? `（${level}）` : ''}，由${by}担保`,
  replacesVouched:
    '本院此前只通过转报法院的担保认识这家法院，而这次的密钥与担保的不同。请务必电话核对；核对一致后，以本次核对的密钥为准。',
  auditAlertTitle: '审计日志与上次上报不一致',
  auditAlertHint: '下级法院的审计日志可能被删改。数据仍会按签名导入，请与该院核实并报告信息技术人员。',
  restored: (files: number) => `本院缺失或损坏的 ${files} 个佐证材料文件将从这个同步包补回。`,
  nestedLine: (name: string, seq: number, full: boolean, rows: number, files: number) =>
    `${name} 第 ${seq} 号${full ? '（完整快照）' : ''}：${rows} 条数据，${files} 个文件`,
  materialized: (added: number, updated: number, removed: number) =>
    `本院推进清单中的规定动作：新增 ${added} 项，更新 ${updated} 项，移除 ${removed} 项（本院已填报的落实情况保留）。`,

  // changes table
  changesTitle: '各法院、各专项活动的变化',
  court: '法院',
  campaignColumn: '专项活动',
  courtWide: '法院基本信息（部门、人员等）',
  unknownCampaign: '（专项活动名称未知）',
  added: '新增',
  updated: '更新',
  unchangedCol: '未变',
  older: '较旧',
  olderHint: '“较旧”是本院已有更新版本的数据，导入时不会覆盖。',
  total: '合计',
  noChanges: '同步包中没有数据。',

  // fingerprint confirmation
  trustTitle: '首次收到以下法院的同步包，请核对密钥指纹',
  trustHint: (name: string) =>
    `请打电话给${name}，请对方打开督导台“设置 → 本院信息”，读出“本院密钥指纹”，与下面的数字逐组核对。`,
  trustMismatch: '如有任何一组不一致，请不要导入，并将此文件交信息技术人员核查：文件可能被替换或篡改。',
  trustCheck: '已与对方法院电话核对指纹一致',
  trustNeeded: '请先逐一核对指纹并勾选确认。',

  // 信任的法院
  trustedTitle: '信任的法院',
  trustedHint:
    '只接受这里列出的法院的同步包，且必须是用登记的密钥签名的。首次导入某法院的同步包时，经电话核对指纹后自动登记；经中级法院转报的基层法院，由中级法院担保登记。',
  trustedEmpty: '还没有信任任何法院。导入第一个同步包时会请您核对对方的指纹。',
  code: '法院代码',
  name: '法院名称',
  relation: '关系',
  fingerprint: '密钥指纹',
  trustedAt: '登记',
  trustedBy: (who: string) => `确认人：${who}`,
  vouchedBy: (code: string) => `经 ${code} 转报担保`,
  lastBundle: '最近同步包',
  lastBundleLine: (seq: number) => `第 ${seq} 号`,
  noBundleYet: '尚未收到上报包',
  untrust: '取消信任',
  untrustConfirmTitle: '取消对该法院的信任',
  untrustConfirm: (name: string) =>
    `取消信任后，${name}的同步包将不再被接受，直到下次导入时重新电话核对指纹并确认。已经导入的数据不会删除。仅在对方更换了电脑或密钥、或怀疑密钥泄露时这样做。`,
  untrusted: (name: string) => `已取消对${name}的信任`,

  // 同步记录
  historyTitle: '同步记录',
  historyEmpty: '还没有同步记录。',
  time: '时间',
  direction: '操作',
  fileName: '文件',
  counts: '数量',
  result: '结果',
  message: '说明',
  actorLine: (name: string) => `操作人：${name}`,
  countsLine: (added: number, updated: number, unchanged: number) =>
    `新增 ${added}，更新 ${updated}，未变 ${unchanged}`,
  reload: '刷新',
};

export const bundleKindText: Record<BundleKind, string> = {
  report_up: '上报包',
  package_down: '下发包',
};

export const relationText: Record<TrustRelation, string> = {
  superior: '上级',
  subordinate: '下级',
  relayed: '经转报',
};

export const directionText: Record<SyncDirection, string> = {
  export: '导出',
  import: '导入',
  preview: '预览',
};

export const resultText: Record<SyncResultKind, string> = {
  ok: '成功',
  unchanged: '无变化',
  refused: '拒绝',
  cancelled: '已取消',
  failed: '失败',
};

export const resultColor: Record<SyncResultKind, string> = {
  ok: 'teal',
  unchanged: 'gray',
  refused: 'red',
  cancelled: 'yellow',
  failed: 'orange',
};

export const fingerprintText = {
  cardTitle: '本院密钥指纹',
  cardHint:
    '本院导出的每个同步包都用本院密钥签名。对方法院第一次导入本院的同步包时，会打电话来核对这串数字：请按组读给对方听。',
  unavailable: '密钥指纹暂时无法读取：',
  label: '密钥指纹（8 组，每组 5 位数字）',
  groupNumber: (n: number) => `第 ${n} 组`,
};

/** Which roster courts hold this court's latest package (下发 tab). */
export const packageReachText = {
  title: '各法院接收情况',
  hint: '下级法院导入下发包后，会在下一次上报时告知本院；尚未上报的法院显示为“尚未确认收到”。',
  loadFailed: '接收情况加载失败',
  nonePublished: '本院还没有生成过这项活动的下发包。',
  noRoster: '应报法院名单为空，请先在“应报法院”中建立名单。',
  summary: (seq: number, date: string, current: number, total: number) =>
    `最新下发包第 ${seq} 号（${date}）：${total} 个应报法院中已有 ${current} 个收到`,
  tableLabel: '各法院接收最新下发包的情况',
  court: '法院',
  state: '接收情况',
  importedAt: '导入时间',
  current: '已收到最新下发包',
  older: (held: number, latest: number | null) => `只收到第 ${held} 号${latest ? `（最新为第 ${latest} 号）` : ''}`,
  notYet: '尚未确认收到',
  unknown: '—',
};
