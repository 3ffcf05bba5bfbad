// Every word of the 通报 screens: the list on the 督办通报 tab, the draft dialog, the editor, the
// read-only view and the criticism banner on 本院挂图.
import type { NoticeKind, NoticeStance } from '../../shared/notices/noticesModel';

export const noticeKindText: Record<NoticeKind, string> = {
  praise: '表扬通报',
  criticism: '批评通报',
  situation: '情况通报',
};

export const noticeKindColor: Record<NoticeKind, string> = {
  praise: 'teal',
  criticism: 'red',
  situation: 'gray',
};

export const stanceText: Record<NoticeStance, string> = {
  praise: '表扬',
  criticism: '批评',
};

export const noticeStatusText = {
  draft: '草稿',
  issued: '已发布',
} as const;

export const noticeText = {
  // The list
  heading: '通报',
  headingHint: '表扬、批评和情况通报：按本专项活动的数据生成草稿，修改后发布，下次下发时送达全部应报法院。',
  draft: '起草通报',
  loadFailed: '通报没有载入',
  emptyTitle: '还没有通报',
  emptyHigher:
    '点击“起草通报”，按本专项活动的数据生成表扬、批评或情况通报的草稿；也可以在“下级法院进度”里勾选法院后起草。',
  emptyBasic: '上级法院发布的通报会随下发数据包送达，在这里查看。',
  columns: {
    docNumber: '文号',
    title: '标题',
    kind: '类型',
    named: '点名法院',
    signedDate: '成文日期',
    status: '状态',
    issuer: '发文法院',
  },
  draftNumber: '草稿',
  noNamed: '未点名',
  namedLine: (name: string, stance: string) => `${name}（${stance}）`,
  criticismCount: (count: number) => `第 ${count} 次被通报批评`,
  openNotice: (title: string) => `打开通报：${title}`,
  received: '上级通报',
  ownCourt: '本院',

  // The draft dialog
  dialogTitle: '起草通报',
  kindLabel: '通报类型',
  courtsLabel: '点名法院',
  courtsHint: '勾选要在通报中点名的法院，并逐个选择表扬或批评。情况通报可以不点名。',
  courtsEmpty: '本院的应报法院名单还是空的，请先在“下级法院”中维护名单。',
  rosterLoadFailed: '应报法院名单没有载入',
  nameCourt: (name: string) => `点名${name}`,
  stanceOf: (name: string) => `${name}：表扬或批评`,
  chosen: (count: number) => `已点名 ${count} 个法院`,
  fromMatrix: (count: number) => `已带入在“下级法院进度”中勾选的 ${count} 个法院。`,
  unknownCourt: (code: string) => `法院代码 ${code} 不在本院应报法院名单中，已略去。`,
  generate: '生成草稿',
  generateHint: '草稿按本专项活动当前的数据预先填好正文，生成后可以修改。',
  generated: '已生成通报草稿',
  cancel: '取消',

  // The editor and the view
  drawerTitle: '通报',
  loadOneFailed: '这份通报没有载入',
  close: '关闭',
  editTitle: '编辑通报草稿',
  viewTitle: '通报',
  title: '标题',
  addressees: '主送',
  addresseesHint: '主送机关，如“全省各中级人民法院，各基层人民法院”。',
  body: '正文',
  bodyHint: '草稿已按本专项活动的数据填好，可直接修改。',
  issuerName: '发文机关署名（落款）',
  signedDate: '成文日期',
  kind: '类型',
  named: '点名法院',
  namedHint: '发布后，被批评的法院会在本院挂图上看到这份通报。',
  addNamed: '增加点名法院',
  addNamedPlaceholder: '选择应报法院',
  removeNamed: (name: string) => `不再点名${name}`,
  save: '保存',
  saved: '通报草稿已保存',
  formError: '请按提示修改后再保存。',
  stale: '这份通报已被他人修改。您输入的内容仍在下面，可以保留修改后覆盖保存，或放弃修改载入最新内容。',
  preview: '预览',
  backToEdit: '返回编辑',
  backToText: '返回正文',
  previewSavesFirst: '预览和保存为文件使用已保存的内容；有未保存的修改时，点“预览”会先保存。',
  previewLoading: '正在生成通报…',
  previewFailed: '通报预览没有生成',
  previewFrame: (title: string) => `${title}打印预览`,
  retry: '重试',
  issue: '发布',
  issueTitle: '发布通报',
  issueMessage: '发布后通报不能再修改，将在下次下发时送达全部应报法院。',
  issueConfirm: '确认发布',
  issued: (docNumber: string) => `通报已发布，文号：${docNumber}`,
  deleteDraft: '删除草稿',
  deleteConfirm: (title: string) => `确定删除通报草稿《${title}》吗？删除后不能恢复。`,
  deleted: '通报草稿已删除',
  docNumber: '文号',
  noDocNumber: '发布时编号',
  issuer: '发文法院',
  issuedAt: '发布时间',
  status: '状态',
  draftReadOnly: '通报草稿只有管理员和审核人可以修改、发布。',
  readOnly: '已发布的通报不能修改，只能预览、打印和保存为文件。',
  receivedReadOnly: (court: string) => `这是${court}发布的通报，只能查看、预览和保存为文件。`,
  noDate: '未填写',

  // 本院挂图
  bannerTitle: (title: string, docNumber: string) => `本院在《${title}》（${docNumber}）中被通报批评`,
  bannerCount: (count: number) => `本专项活动中第 ${count} 次被通报批评`,
  bannerFrom: (court: string, date: string) => `${court}发布，成文日期 ${date}`,
  bannerLink: '查看通报',
  bannerLinkLabel: (title: string) => `查看通报《${title}》`,
  bannerLabel: '通报批评',
};
