// The one contract between the main process and every client (Electron preload, local preview,
// command line). Each operation has an input schema (validated in the main process before any
// data is touched, and reusable by the renderer for field messages) and a declared result type.
import { z } from 'zod';
import { OPERATION_NAMES, type OperationName } from './operationNames';
import type {
  AuthStatus,
  EvasionChecks,
  FindingDetail,
  InspectionReportDetail,
  InspectionReportSummary,
  LedgerClosure,
  LedgerEvidence,
  LedgerRow,
  LightSpan,
  LookbackRow,
  MeasureDetail,
  ProblemCatalogue,
  SessionUser,
  UserAccount,
  WorkEntry,
  AuditEntry,
  AuditVerifyResult,
  Campaign,
  CampaignDetail,
  CampaignProgress,
  CourtProfile,
  Department,
  Evidence,
  ItemDetail,
  ItemRow,
  JobStatus,
  Person,
  ProgressNote,
  AppInfo,
  SyncOverview,
  TrustedCourt,
  SyncHistoryEntry,
  SubordinateCourt,
  SupervisionNote,
  IndicatorRow,
  IndicatorImport,
  TemplateImport,
  CourtBoard,
  CampaignBoard,
  ProvinceBoard,
  ReportPreview,
} from './model';

export * from './model';
export * from './operationNames';

// ── Control characters: one rule for every string an operation takes ─────────────────────────
// NUL and the other C0 controls (U+0000–U+001F), DEL and the C1 controls (U+007F–U+009F) have no
// place in what a person types; they arrive by pasting from Word, PDF or a terminal, or from a
// hostile caller, and then sit invisibly in titles, break exports or end strings early in other
// programs. Each string field is one of three kinds:
// * words a person typed (titles, names, notes, opinions, search words, file names): control
//   characters are REMOVED — the person cannot see them to delete them, and nothing is lost.
//   Text of several lines keeps \t and \n (\r\n and a lone \r become \n); a single-line field (a
//   title, a name) turns \t and \n into a space, as a one-line input would show it.
// * values that must arrive exactly as sent (passwords, base64 file content, folder paths, a
//   sheet name chosen from a list, job ids): any control character is REFUSED, because changing
//   them silently would log in with another password, store other bytes or write elsewhere.
// * values with a fixed format (row ids, dates, court codes, user names, periods, fingerprints):
//   their pattern admits no control character, so they are refused by it.
// tests/node/controlChars.test.ts walks every operation's schema to hold every string to this.

import { cleanLine, cleanParagraphs, hasControlCharacters } from './controlCharacters';
export { cleanLine, cleanParagraphs, hasControlCharacters };

/** 'line': a title or a name; 'paragraphs': a description, note or opinion that may run several lines. */
type TextKind = 'line' | 'paragraphs';
const text = (max: number, label: string, kind: TextKind = 'line') =>
  z
    .string({ error: `${label}必须是文字` })
    .overwrite(kind === 'line' ? cleanLine : cleanParagraphs)
    .trim()
    .max(max, `${label}不能超过 ${max} 个字`);
const requiredText = (max: number, label: string, kind: TextKind = 'line') =>
  text(max, label, kind).min(1, `请填写${label}`);
const optionalText = (max: number, label: string, kind: TextKind = 'line') =>
  text(max, label, kind).optional().default('');
/** A value that must arrive exactly as sent: control characters are refused, never removed. */
const exactText = (max: number, label: string) =>
  z
    .string({ error: `${label}必须是文字` })
    .max(max, `${label}过长`)
    .refine((v) => !hasControlCharacters(v), `${label}不能包含控制字符`);

/** Standard base64 without line breaks or spaces (as FileReader and Buffer write it). */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
/** File content as base64, at most `maxBytes` once decoded. Anything else is refused, never cleaned. */
const base64Data = (maxBytes: number, tooLarge: string) =>
  z
    .string({ error: '文件内容必须是 base64 编码的文字' })
    .max(Math.ceil(maxBytes / 3) * 4, tooLarge)
    .refine(
      (v) => v.length % 4 === 0 && BASE64.test(v),
      '文件内容不是有效的 base64 编码（不能包含换行、空格或其他字符）',
    );
export const rowId = z
  .string({ error: '缺少编号' })
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, '编号格式不正确');
const version = z.number({ error: '缺少版本号' }).int().min(1);

/** A calendar date as YYYY-MM-DD that really exists (2026-02-30 is refused). */
export const isoDate = z
  .string({ error: '日期格式应为 2026-11-24' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2026-11-24')
  .refine((value) => {
    const [y, m, d] = value.split('-').map(Number);
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, '这一天不存在，请检查日期');
const optionalDate = z.union([isoDate, z.null()]).optional().default(null);

export const courtLevels = ['high', 'intermediate', 'basic'] as const;
export const campaignStatuses = ['draft', 'active', 'closed'] as const;
export const itemKinds = ['mandatory', 'own'] as const;
export const frequencies = ['once', 'monthly', 'quarterly'] as const;
export const itemStatuses = ['not_started', 'in_progress', 'completed', 'signed_off', 'returned'] as const;
export const lights = ['green', 'yellow', 'red', 'none'] as const;
export const roles = ['admin', 'reviewer', 'filer'] as const;
export const escalationTargets = ['owner', 'department_head', 'lead_leader'] as const;
export const lightRecordKinds = ['item', 'measure', 'lookback'] as const;
export const inspectionScopes = ['person', 'department'] as const;
export const inspectionStatuses = ['draft', 'submitted', 'returned', 'accepted'] as const;
export const ledgerSources = [
  'inspection_feedback',
  'audit_supervision',
  'self_inspection',
  'superior_notice',
  'petition',
  'problem_lead',
] as const;
export const measureStatuses = [
  'identified',
  'in_progress',
  'submitted',
  'signed_off',
  'lookback_passed',
  'returned',
  'reopened',
] as const;
export const ledgerEvidencePhases = ['before', 'after', 'lookback'] as const;

/** Log-in names: 2-32 letters, digits, Chinese characters, '.', '_' or '-'. */
export const username = z
  .string({ error: '请填写用户名' })
  .trim()
  .min(2, '用户名至少 2 个字符')
  .max(32, '用户名不能超过 32 个字符')
  .regex(/^[A-Za-z0-9_.\-\u4e00-\u9fa5]+$/, '用户名只能由字母、数字、汉字和 . _ - 组成');

const PASSWORD_CONTROLS = '密码不能包含制表符、换行等控制字符';
/** At least 8 characters with both letters and digits; no trimming (spaces count). */
export const newPassword = z
  .string({ error: '请填写密码' })
  .min(8, '密码至少 8 位')
  .max(128, '密码不能超过 128 位')
  .refine((v) => !hasControlCharacters(v), PASSWORD_CONTROLS)
  .refine((v) => /[A-Za-z]/.test(v) && /\d/.test(v), '密码须同时包含字母和数字');
const givenPassword = z
  .string({ error: '请填写密码' })
  .min(1, '请填写密码')
  .max(128, '密码不能超过 128 位')
  .refine((v) => !hasControlCharacters(v), PASSWORD_CONTROLS);
const roleList = z
  .array(z.enum(roles, { error: '角色不正确' }))
  .min(1, '请至少选择一个角色')
  .max(3)
  .refine((v) => new Set(v).size === v.length, '角色不能重复');

/** Court codes are short upper-case letters and digits, e.g. J23 or HLJ0101 (法院代码). */
export const courtCode = z
  .string({ error: '请填写法院代码' })
  .trim()
  .min(1, '请填写法院代码')
  .regex(/^[A-Z][A-Z0-9]{1,15}$/, '法院代码应以大写字母开头，由 2-16 位大写字母或数字组成，如 J23');

export const courtSetupInput = z
  .object({
    name: requiredText(60, '法院名称').refine((v) => /法院|法庭/.test(v), '法院名称应包含“法院”或“法庭”'),
    code: courtCode,
    level: z.enum(courtLevels, { error: '请选择法院层级' }),
    parentCode: z
      .union([courtCode, z.literal('')])
      .optional()
      .default(''),
    parentName: optionalText(60, '上级法院名称'),
    operatorName: requiredText(20, '经办人姓名'),
  })
  .superRefine((value, ctx) => {
    if (value.level !== 'high') {
      if (!value.parentCode)
        ctx.addIssue({ code: 'custom', path: ['parentCode'], message: '请填写上级法院代码（高级人民法院可不填）' });
      if (!value.parentName)
        ctx.addIssue({ code: 'custom', path: ['parentName'], message: '请填写上级法院名称（高级人民法院可不填）' });
    }
    if (value.parentCode && value.parentCode === value.code) {
      ctx.addIssue({ code: 'custom', path: ['parentCode'], message: '上级法院代码不能与本院代码相同' });
    }
  });

const campaignFields = {
  title: requiredText(80, '活动名称'),
  issuingCourtName: optionalText(60, '部署法院'),
  year: z
    .number({ error: '请填写年度' })
    .int('年度应为整数')
    .min(2000, '年度应在 2000 至 2100 之间')
    .max(2100, '年度应在 2000 至 2100 之间'),
  startDate: optionalDate,
  endDate: optionalDate,
  description: optionalText(4000, '活动说明', 'paragraphs'),
  yellowDays: z
    .number()
    .int()
    .min(0, '提前预警天数不能为负数')
    .max(90, '提前预警天数不能超过 90 天')
    .optional()
    .default(7),
};
const checkDateOrder = (value: { startDate?: string | null; endDate?: string | null }, ctx: z.RefinementCtx) => {
  if (value.startDate && value.endDate && value.endDate < value.startDate) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: '结束日期不能早于开始日期' });
  }
};

const itemFields = {
  sectionId: z.union([rowId, z.null()]).optional().default(null),
  title: requiredText(200, '任务名称'),
  content: optionalText(4000, '具体内容', 'paragraphs'),
  kind: z.enum(itemKinds).optional().default('own'),
  leadLeader: optionalText(40, '牵头院领导'),
  departmentId: z.union([rowId, z.null()]).optional().default(null),
  owner: optionalText(40, '责任人'),
  deadline: optionalDate,
  frequency: z.enum(frequencies).optional().default('once'),
  percent: z
    .number()
    .int('进度应为整数')
    .min(0, '进度应在 0 到 100 之间')
    .max(100, '进度应在 0 到 100 之间')
    .optional()
    .default(0),
};

/** Largest piece of a file sent in one files.upload or sync.upload call, and the largest file
 * that may travel whole as base64 (dataBase64) in one request. */
export const UPLOAD_CHUNK_BYTES = 4 * 1024 * 1024;
/** The largest evidence file (佐证材料). */
export const MAX_EVIDENCE_BYTES = 200 * 1024 * 1024;
const uploadId = z.string({ error: '缺少上传编号' }).regex(/^[0-9a-f-]{36}$/, '上传编号不正确');
/** The name of a file as the person's computer called it: a label, never a path. */
const fileName = requiredText(255, '文件名').refine((v) => !/[\\/]/.test(v), '文件名不能包含路径符号');

/**
 * One evidence file: `uploadId` names a finished files.upload (the way every screen sends a file,
 * in pieces, up to MAX_EVIDENCE_BYTES); `dataBase64` carries a small file whole (at most
 * UPLOAD_CHUNK_BYTES: the command line's `call`, tests). Exactly one of the two (checkFileSource).
 */
const evidenceFile = {
  name: fileName,
  mimeType: text(200, '文件类型').optional().default('application/octet-stream'),
  uploadId: uploadId.optional(),
  dataBase64: base64Data(UPLOAD_CHUNK_BYTES, '直接提交的文件不能超过 4 MB，较大的文件请分段上传')
    .min(1, '文件是空的')
    .optional(),
};
const checkFileSource = (value: { uploadId?: string; dataBase64?: string }, ctx: z.RefinementCtx) => {
  if (value.uploadId === undefined && value.dataBase64 === undefined)
    ctx.addIssue({ code: 'custom', path: ['uploadId'], message: '请选择要上传的文件' });
  if (value.uploadId !== undefined && value.dataBase64 !== undefined)
    ctx.addIssue({ code: 'custom', path: ['dataBase64'], message: '一份佐证材料只能提交一个文件' });
};

/** One piece of a file chosen in the window (files.upload for evidence, sync.upload for bundles). */
const uploadPiece = z.object({
  /** null for the first piece; then the id the first piece returned. */
  uploadId: z.union([uploadId, z.null()]).optional().default(null),
  fileName,
  chunkBase64: base64Data(UPLOAD_CHUNK_BYTES, '每次上传的数据过大'),
  final: z.boolean(),
});

const measureFields = {
  text: requiredText(2000, '整改措施', 'paragraphs'),
  owner: optionalText(40, '责任人'),
  leadLeader: optionalText(40, '牵头院领导'),
  departmentId: z.union([rowId, z.null()]).optional().default(null),
  deadline: optionalDate,
  longTerm: z.boolean().optional().default(false),
};

const exportFolder = z
  .string({ error: '请选择保存文件的文件夹' })
  .refine((v) => !hasControlCharacters(v), '文件夹路径不能包含控制字符')
  .trim()
  .min(1, '请选择保存文件的文件夹')
  .max(1000, '文件夹路径过长');
/** A key fingerprint as read out: 40 digits, spaces and dashes allowed between them. */
export const fingerprintText = z
  .string({ error: '请填写指纹' })
  .transform((v) => v.replace(/[\s-]/g, ''))
  .refine((v) => /^\d{40}$/.test(v), '指纹应为 40 位数字（8 组，每组 5 位）');

export const indicatorLines = [
  'filing',
  'criminal',
  'civil_commercial',
  'ip',
  'administrative',
  'enforcement',
  'general',
] as const;
export const indicatorUnits = ['percent', 'cases', 'days', 'yuan'] as const;
export const indicatorDirections = ['up', 'down'] as const;
export const indicatorPeriodKinds = ['monthly', 'quarterly'] as const;
/** 2026-03 for a month, 2026-Q1 for a quarter. Whether it fits the indicator, and is not in the
 * future, is checked by the service, which knows the indicator and today. */
export const indicatorPeriod = z
  .string({ error: '请选择期间' })
  .regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/, '期间格式应为 2026-03（月度）或 2026-Q1（季度）');
const indicatorFields = {
  name: requiredText(80, '指标名称'),
  line: z.enum(indicatorLines, { error: '请选择条线' }),
  unit: z.enum(indicatorUnits, { error: '请选择单位' }),
  direction: z.enum(indicatorDirections, { error: '请选择指标方向' }),
  target: z
    .union([z.number().finite('目标值不正确'), z.null()])
    .optional()
    .default(null),
  period: z.enum(indicatorPeriodKinds, { error: '请选择报送周期' }),
  rankingGoal: optionalText(60, '争先目标'),
};
const checkIndicatorTarget = (value: { unit: string; target: number | null }, ctx: z.RefinementCtx) => {
  if (value.target === null) return;
  if (value.unit === 'percent' && (value.target < 0 || value.target > 100))
    ctx.addIssue({ code: 'custom', path: ['target'], message: '百分比目标应在 0 到 100 之间' });
  if (value.unit !== 'percent' && value.target < 0)
    ctx.addIssue({ code: 'custom', path: ['target'], message: '目标值不能为负数' });
};

/** A workbook sent whole as base64 (templates and value sheets are small). */
const workbookFile = {
  fileName: fileName.refine((v) => /\.xlsx$/i.test(v), '请选择 .xlsx 格式的 Excel 文件'),
  dataBase64: base64Data(UPLOAD_CHUNK_BYTES, 'Excel 文件不能超过 4 MB').min(1, '文件是空的'),
};
/** The checklist fields a template column can be mapped to. */
export const templateFields = [
  'section',
  'title',
  'content',
  'leadLeader',
  'department',
  'owner',
  'deadline',
  'kind',
] as const;

export const reportKinds = ['checklist', 'inspection', 'ledger', 'summary'] as const;
export const reportFormats = ['pdf', 'xlsx', 'html', 'docx'] as const;
const reportScope = {
  campaignId: rowId,
  kind: z.enum(reportKinds, { error: '请选择报表种类' }),
  /** A held subordinate's report, read-only; this court's own when absent. */
  courtCode: courtCode.optional(),
};

const empty = z.object({}).strict().optional().default({});
const jobId = exactText(100, '任务编号').min(1, '缺少任务编号');
const byId = z.object({ id: rowId });
const byVersionedId = z.object({ id: rowId, version });

export const operations = {
  'app.info': empty,
  'court.get': empty,
  'court.setup': z.object({
    profile: courtSetupInput,
    /** The first account: an administrator (and reviewer), named after the operator. */
    admin: z.object({ username, password: newPassword }),
    loadDemo: z.boolean().optional().default(false),
  }),
  'court.update': courtSetupInput,

  'demo.start': empty,
  'jobs.get': z.object({ jobId }),
  'jobs.cancel': z.object({ jobId }),

  'departments.list': empty,
  'departments.create': z.object({ name: requiredText(40, '部门名称'), headName: optionalText(20, '部门负责人') }),
  'departments.update': z.object({
    id: rowId,
    version,
    name: requiredText(40, '部门名称'),
    headName: optionalText(20, '部门负责人'),
  }),
  'departments.delete': byVersionedId,

  'people.list': empty,
  'people.create': z.object({
    name: requiredText(20, '姓名'),
    title: optionalText(40, '职务'),
    departmentId: z.union([rowId, z.null()]).optional().default(null),
  }),
  'people.update': z.object({
    id: rowId,
    version,
    name: requiredText(20, '姓名'),
    title: optionalText(40, '职务'),
    departmentId: z.union([rowId, z.null()]).optional().default(null),
  }),
  'people.delete': byVersionedId,

  'campaigns.list': z
    .object({ includeClosed: z.boolean().optional().default(true) })
    .optional()
    .default({ includeClosed: true }),
  'campaigns.get': byId,
  'campaigns.create': z.object(campaignFields).superRefine(checkDateOrder),
  'campaigns.update': z.object({ id: rowId, version, ...campaignFields }).superRefine(checkDateOrder),
  'campaigns.setStatus': z.object({ id: rowId, version, status: z.enum(campaignStatuses) }),
  'campaigns.delete': byVersionedId,

  'sections.create': z.object({
    campaignId: rowId,
    parentId: z.union([rowId, z.null()]).optional().default(null),
    title: requiredText(100, '栏目名称'),
  }),
  'sections.update': z.object({ id: rowId, version, title: requiredText(100, '栏目名称') }),
  'sections.move': z.object({ id: rowId, direction: z.enum(['up', 'down']) }),
  'sections.delete': byVersionedId,

  /** courtCode: another court's checklist held here (a subordinate's, read-only); this court's by default. */
  'items.list': z.object({ campaignId: rowId, courtCode: courtCode.optional() }),
  'items.search': z.object({ campaignId: rowId, query: text(100, '搜索词'), courtCode: courtCode.optional() }),
  'items.get': byId,
  'items.create': z.object({ campaignId: rowId, ...itemFields }),
  'items.update': z.object({ id: rowId, version, ...itemFields }),
  'items.delete': z.object({ ids: z.array(rowId).min(1, '请先选择事项').max(10000) }),
  'items.move': z.object({
    id: rowId,
    sectionId: z.union([rowId, z.null()]),
    beforeId: z.union([rowId, z.null()]).optional().default(null),
  }),
  'items.bulkUpdate': z
    .object({
      ids: z.array(rowId).min(1, '请先选择事项').max(10000),
      owner: text(40, '责任人').min(1, '请填写责任人').optional(),
      // No default here: leaving the deadline out must keep each item's own deadline.
      deadline: z.union([isoDate, z.null()]).optional(),
      departmentId: z.union([rowId, z.null()]).optional(),
    })
    .refine(
      (v) => v.owner !== undefined || v.deadline !== undefined || v.departmentId !== undefined,
      '请至少选择一项要修改的内容',
    ),
  'items.markComplete': z.object({ id: rowId, version, note: optionalText(2000, '完成说明', 'paragraphs') }),
  // The reviewer is the logged-in user, never a name typed by the caller.
  'items.signOff': z.object({ id: rowId, version, opinion: optionalText(1000, '审核意见', 'paragraphs') }),
  'items.sendBack': z.object({ id: rowId, version, reason: requiredText(1000, '退回理由', 'paragraphs') }),
  'items.reopen': z.object({ id: rowId, version, reason: requiredText(1000, '重新打开的理由', 'paragraphs') }),

  'progress.add': z.object({
    itemId: rowId,
    noteDate: isoDate,
    /** Who did the work; defaults to the logged-in user. */
    author: text(20, '填报人').optional(),
    text: requiredText(4000, '进展情况', 'paragraphs'),
    percent: z.number().int().min(0, '进度应在 0 到 100 之间').max(100, '进度应在 0 到 100 之间').optional(),
  }),

  'evidence.add': z.object({ itemId: rowId, ...evidenceFile }).superRefine(checkFileSource),
  'evidence.remove': byVersionedId,
  'evidence.open': byId,

  'stats.campaignProgress': z.object({ campaignId: rowId, courtCode: courtCode.optional() }),

  'audit.list': z.object({
    rowId: rowId.optional(),
    beforeSeq: z.number().int().positive().optional(),
    limit: z.number().int().min(1).max(500).optional().default(100),
  }),
  'audit.verify': empty,

  'auth.status': empty,
  'auth.bootstrap': z.object({ username, displayName: requiredText(20, '姓名'), password: newPassword }),
  'auth.login': z.object({
    username: z
      .string({ error: '请填写用户名' })
      .refine((v) => !hasControlCharacters(v), '用户名不能包含控制字符')
      .trim()
      .min(1, '请填写用户名')
      .max(32, '用户名不能超过 32 个字符'),
    password: givenPassword,
  }),
  'auth.logout': empty,
  'auth.changePassword': z
    .object({ currentPassword: givenPassword, newPassword })
    .refine((v) => v.currentPassword !== v.newPassword, { path: ['newPassword'], message: '新密码不能与原密码相同' }),
  'users.list': empty,
  'users.create': z.object({
    username,
    displayName: requiredText(20, '姓名'),
    roles: roleList,
    departmentId: z.union([rowId, z.null()]).optional().default(null),
    personId: z.union([rowId, z.null()]).optional().default(null),
    password: newPassword,
  }),
  'users.update': z.object({
    id: rowId,
    version,
    displayName: requiredText(20, '姓名'),
    roles: roleList,
    departmentId: z.union([rowId, z.null()]).optional().default(null),
    personId: z.union([rowId, z.null()]).optional().default(null),
    disabled: z.boolean().optional().default(false),
  }),
  /** Sets a temporary password the user must change at next log-in; also lifts a lock-out. */
  'users.resetPassword': z.object({ id: rowId, password: newPassword }),

  'campaigns.setLightRules': z.object({
    id: rowId,
    version,
    yellowDays: z
      .number({ error: '请填写提前预警天数' })
      .int('提前预警天数应为整数')
      .min(0, '提前预警天数不能为负数')
      .max(90, '提前预警天数不能超过 90 天'),
    escalateGreen: z.enum(escalationTargets, { error: '请选择绿灯的提醒对象' }),
    escalateYellow: z.enum(escalationTargets, { error: '请选择黄灯的提醒对象' }),
    escalateRed: z.enum(escalationTargets, { error: '请选择红灯的提醒对象' }),
    lookbackMonths: z
      .number({ error: '请填写回头看间隔' })
      .int('回头看间隔应为整数')
      .min(1, '回头看间隔至少 1 个月')
      .max(24, '回头看间隔不能超过 24 个月'),
  }),
  'lights.history': z.object({ kind: z.enum(lightRecordKinds), id: rowId }),

  'problems.catalogue': z.object({ campaignId: rowId }),
  'problems.createAspect': z.object({ campaignId: rowId, title: requiredText(100, '方面名称') }),
  'problems.updateAspect': z.object({ id: rowId, version, title: requiredText(100, '方面名称') }),
  'problems.deleteAspect': byVersionedId,
  'problems.create': z.object({
    aspectId: rowId,
    title: requiredText(200, '问题'),
    description: optionalText(2000, '问题表现', 'paragraphs'),
  }),
  'problems.update': z.object({
    id: rowId,
    version,
    title: requiredText(200, '问题'),
    description: optionalText(2000, '问题表现', 'paragraphs'),
  }),
  'problems.delete': byVersionedId,

  'inspection.list': z.object({ campaignId: rowId, courtCode: courtCode.optional() }),
  'inspection.get': byId,
  'inspection.create': z
    .object({
      campaignId: rowId,
      scope: z.enum(inspectionScopes, { error: '请选择按个人还是按部门填报' }),
      personId: z.union([rowId, z.null()]).optional().default(null),
      departmentId: z.union([rowId, z.null()]).optional().default(null),
    })
    .superRefine((v, ctx) => {
      if (v.scope === 'person' && !v.personId)
        ctx.addIssue({ code: 'custom', path: ['personId'], message: '请选择填报人' });
      if (v.scope === 'department' && !v.departmentId)
        ctx.addIssue({ code: 'custom', path: ['departmentId'], message: '请选择填报部门' });
    }),
  /** Saves the whole draft at once: claims without an id are added, missing ones removed. */
  'inspection.saveDraft': z.object({
    id: rowId,
    version,
    noProblem: z.boolean().optional().default(false),
    noProblemReason: optionalText(2000, '未查摆出问题的理由', 'paragraphs'),
    claims: z
      .array(
        z.object({
          id: rowId.optional(),
          problemId: z.union([rowId, z.null()]).optional().default(null),
          ownProblem: optionalText(200, '自查发现的问题'),
          facts: optionalText(4000, '具体事实', 'paragraphs'),
          cause: optionalText(4000, '原因分析', 'paragraphs'),
          measures: optionalText(4000, '整改措施', 'paragraphs'),
          deadline: optionalDate,
        }),
      )
      .max(200, '一份报告最多认领 200 个问题'),
  }),
  'inspection.submit': byVersionedId,
  'inspection.return': z.object({ id: rowId, version, reason: requiredText(2000, '退回理由', 'paragraphs') }),
  'inspection.accept': z.object({ id: rowId, version, opinion: optionalText(2000, '审核意见', 'paragraphs') }),
  'inspection.delete': byVersionedId,
  'inspection.checks': z.object({ campaignId: rowId }),

  'ledger.createFromClaim': z.object({ claimId: rowId }),
  'ledger.list': z.object({
    campaignId: rowId,
    source: z.enum(ledgerSources).optional(),
    status: z.enum(measureStatuses).optional(),
    departmentId: rowId.optional(),
    light: z.enum(lights).optional(),
    courtCode: courtCode.optional(),
  }),
  'ledger.closure': z.object({ campaignId: rowId, courtCode: courtCode.optional() }),
  'ledger.getFinding': byId,
  'ledger.createFinding': z.object({
    campaignId: rowId,
    source: z.enum(ledgerSources, { error: '请选择问题来源' }),
    reference: optionalText(100, '文号或编号'),
    title: requiredText(300, '问题'),
    detail: optionalText(8200, '问题详情', 'paragraphs'),
    receivedDate: optionalDate,
    departmentId: z.union([rowId, z.null()]).optional().default(null),
  }),
  'ledger.updateFinding': z.object({
    id: rowId,
    version,
    source: z.enum(ledgerSources, { error: '请选择问题来源' }),
    reference: optionalText(100, '文号或编号'),
    title: requiredText(300, '问题'),
    detail: optionalText(8200, '问题详情', 'paragraphs'),
    receivedDate: optionalDate,
    departmentId: z.union([rowId, z.null()]).optional().default(null),
  }),
  'ledger.deleteFinding': byVersionedId,
  'ledger.getMeasure': byId,
  'ledger.createMeasure': z.object({ findingId: rowId, ...measureFields }),
  'ledger.updateMeasure': z.object({ id: rowId, version, ...measureFields }),
  'ledger.deleteMeasure': byVersionedId,
  'ledger.addProgress': z.object({
    measureId: rowId,
    eventDate: isoDate,
    text: requiredText(4000, '整改进展', 'paragraphs'),
  }),
  'ledger.submit': z.object({ id: rowId, version, note: requiredText(4000, '完成情况', 'paragraphs') }),
  'ledger.signOff': z.object({ id: rowId, version, opinion: optionalText(1000, '销号意见', 'paragraphs') }),
  'ledger.sendBack': z.object({ id: rowId, version, reason: requiredText(1000, '退回理由', 'paragraphs') }),
  'ledger.addEvidence': z
    .object({
      measureId: rowId,
      phase: z.enum(ledgerEvidencePhases, { error: '请选择佐证材料类别（整改前、整改后或回头看）' }),
      lookbackId: z.union([rowId, z.null()]).optional().default(null),
      ...evidenceFile,
    })
    .refine((v) => v.phase !== 'lookback' || v.lookbackId !== null, {
      path: ['lookbackId'],
      message: '回头看佐证材料须指明是哪一次回头看',
    })
    .superRefine(checkFileSource),
  'ledger.removeEvidence': byVersionedId,
  'ledger.openEvidence': byId,

  'lookbacks.list': z
    .object({ campaignId: rowId.optional(), includeDone: z.boolean().optional().default(false) })
    .optional()
    .default({ includeDone: false }),
  'lookbacks.record': z.object({
    id: rowId,
    version,
    result: z.enum(['passed', 'relapsed'], { error: '请选择回头看结论' }),
    note: requiredText(4000, '回头看情况', 'paragraphs'),
  }),
  'lookbacks.reschedule': z.object({ id: rowId, version, dueDate: isoDate }),

  'work.mine': empty,

  'sync.overview': empty,
  'sync.export': z.object({ folder: exportFolder, full: z.boolean().optional().default(false) }),
  'sync.publish': z.object({ campaignId: rowId, folder: exportFolder }),
  'sync.upload': uploadPiece,
  'sync.discardUpload': z.object({ uploadId }),
  'sync.preview': z.object({ uploadId }),
  'sync.import': z.object({
    uploadId,
    /** Fingerprints a person compared and confirmed for courts met for the first time. */
    trust: z.array(fingerprintText).max(500).optional().default([]),
  }),
  'sync.trusted': empty,
  'sync.untrust': z.object({ code: courtCode }),
  'sync.history': z
    .object({ limit: z.number().int().min(1).max(1000).optional().default(200) })
    .optional()
    .default({ limit: 200 }),
  'sync.subordinates': empty,

  'supervision.list': z.object({ campaignId: rowId, courtCode: courtCode.optional() }),
  'supervision.add': z.object({
    campaignId: rowId,
    courtCode,
    itemId: z.union([rowId, z.null()]).optional().default(null),
    kind: z.enum(['comment', 'supervision'], { error: '请选择意见类型' }).optional().default('comment'),
    text: requiredText(2000, '督导意见', 'paragraphs'),
  }),
  'supervision.delete': byVersionedId,

  'indicators.list': z.object({ campaignId: rowId, courtCode: courtCode.optional() }),
  'indicators.create': z.object({ campaignId: rowId, ...indicatorFields }).superRefine(checkIndicatorTarget),
  'indicators.update': z.object({ id: rowId, version, ...indicatorFields }).superRefine(checkIndicatorTarget),
  'indicators.delete': byVersionedId,
  'indicators.recordValue': z.object({
    indicatorId: rowId,
    period: indicatorPeriod,
    value: z.number({ error: '请填写数值' }).finite('数值不正确'),
    note: optionalText(1000, '说明', 'paragraphs'),
    /** Expected version when replacing an existing value of the same period. */
    version: version.optional(),
    evidence: z.object(evidenceFile).superRefine(checkFileSource).optional(),
  }),
  'indicators.deleteValue': byVersionedId,
  /** Period values from a sheet: a preview writes nothing; confirm writes the good rows. */
  'indicators.importValues': z.object({
    campaignId: rowId,
    ...workbookFile,
    confirm: z.boolean().optional().default(false),
    /** With confirm: write the good rows even though some rows have errors. */
    skipInvalid: z.boolean().optional().default(false),
  }),

  /** A checklist template as higher courts send it (XLSX). Preview unless confirm. */
  'items.importTemplate': z.object({
    campaignId: rowId,
    ...workbookFile,
    /** Which sheet; the first with data when absent. */
    sheet: exactText(100, '工作表名称').optional(),
    /** Field → 0-based column index (null: not mapped); guessed from the header row when absent. */
    mapping: z.partialRecord(z.enum(templateFields), z.union([z.number().int().min(0).max(200), z.null()])).optional(),
    confirm: z.boolean().optional().default(false),
    skipInvalid: z.boolean().optional().default(false),
  }),

  'boards.court': empty,
  'boards.campaign': z.object({ campaignId: rowId, courtCode: courtCode.optional() }),
  'boards.province': z.object({ campaignId: rowId }),

  'reports.preview': z.object(reportScope),
  'reports.export': z.object({
    ...reportScope,
    format: z.enum(reportFormats, { error: '请选择文件格式' }),
    folder: exportFolder,
  }),

  /** The system's folder dialog, where there is one (null in the browser preview). */
  'files.chooseFolder': empty,
  /** A piece of an evidence file; the finished upload's id goes to evidence.add, ledger.addEvidence
   * or indicators.recordValue (evidence.uploadId), which store it and discard the upload. */
  'files.upload': uploadPiece,
  /** An upload given up (放弃) or not used after all. */
  'files.discardUpload': z.object({ uploadId }),
} as const satisfies Record<OperationName, z.ZodType>;

export const operationNames: readonly OperationName[] = OPERATION_NAMES;

/** What each operation returns when it succeeds. */
export interface Results {
  'app.info': AppInfo;
  'court.get': CourtProfile | null;
  'court.setup': { profile: CourtProfile; demoJobId: string | null };
  'court.update': CourtProfile;
  'demo.start': { jobId: string };
  'jobs.get': JobStatus;
  'jobs.cancel': JobStatus;
  'departments.list': Department[];
  'departments.create': Department;
  'departments.update': Department;
  'departments.delete': { id: string };
  'people.list': Person[];
  'people.create': Person;
  'people.update': Person;
  'people.delete': { id: string };
  'campaigns.list': Campaign[];
  'campaigns.get': CampaignDetail;
  'campaigns.create': Campaign;
  'campaigns.update': Campaign;
  'campaigns.setStatus': Campaign;
  'campaigns.delete': { id: string };
  'sections.create': CampaignDetail;
  'sections.update': CampaignDetail;
  'sections.move': CampaignDetail;
  'sections.delete': CampaignDetail;
  'items.list': ItemRow[];
  'items.search': { ids: string[]; mode: 'fulltext' | 'substring' };
  'items.get': ItemDetail;
  'items.create': ItemDetail;
  'items.update': ItemDetail;
  'items.delete': { deleted: number };
  'items.move': { id: string };
  'items.bulkUpdate': { updated: number };
  'items.markComplete': ItemDetail;
  'items.signOff': ItemDetail;
  'items.sendBack': ItemDetail;
  'items.reopen': ItemDetail;
  'progress.add': ProgressNote;
  'evidence.add': Evidence;
  'evidence.remove': { id: string };
  'evidence.open': { opened: boolean };
  'stats.campaignProgress': CampaignProgress;
  'audit.list': AuditEntry[];
  'audit.verify': AuditVerifyResult;
  'auth.status': AuthStatus;
  'auth.bootstrap': SessionUser;
  'auth.login': SessionUser;
  'auth.logout': { loggedOut: true };
  'auth.changePassword': SessionUser;
  'users.list': UserAccount[];
  'users.create': UserAccount;
  'users.update': UserAccount;
  'users.resetPassword': UserAccount;
  'campaigns.setLightRules': Campaign;
  'lights.history': LightSpan[];
  'problems.catalogue': ProblemCatalogue;
  'problems.createAspect': ProblemCatalogue;
  'problems.updateAspect': ProblemCatalogue;
  'problems.deleteAspect': ProblemCatalogue;
  'problems.create': ProblemCatalogue;
  'problems.update': ProblemCatalogue;
  'problems.delete': ProblemCatalogue;
  'inspection.list': InspectionReportSummary[];
  'inspection.get': InspectionReportDetail;
  'inspection.create': InspectionReportDetail;
  'inspection.saveDraft': InspectionReportDetail;
  'inspection.submit': InspectionReportDetail;
  'inspection.return': InspectionReportDetail;
  'inspection.accept': InspectionReportDetail;
  'inspection.delete': { id: string };
  'inspection.checks': EvasionChecks;
  'ledger.createFromClaim': FindingDetail;
  'ledger.list': LedgerRow[];
  'ledger.closure': LedgerClosure;
  'ledger.getFinding': FindingDetail;
  'ledger.createFinding': FindingDetail;
  'ledger.updateFinding': FindingDetail;
  'ledger.deleteFinding': { id: string };
  'ledger.getMeasure': MeasureDetail;
  'ledger.createMeasure': MeasureDetail;
  'ledger.updateMeasure': MeasureDetail;
  'ledger.deleteMeasure': { id: string };
  'ledger.addProgress': MeasureDetail;
  'ledger.submit': MeasureDetail;
  'ledger.signOff': MeasureDetail;
  'ledger.sendBack': MeasureDetail;
  'ledger.addEvidence': LedgerEvidence;
  'ledger.removeEvidence': { id: string };
  'ledger.openEvidence': { opened: boolean };
  'lookbacks.list': LookbackRow[];
  'lookbacks.record': MeasureDetail;
  'lookbacks.reschedule': MeasureDetail;
  'work.mine': WorkEntry[];
  'sync.overview': SyncOverview;
  'sync.export': { jobId: string };
  'sync.publish': { jobId: string };
  'sync.upload': { uploadId: string; bytes: number };
  'sync.discardUpload': { discarded: boolean };
  'sync.preview': { jobId: string };
  'sync.import': { jobId: string };
  'sync.trusted': TrustedCourt[];
  'sync.untrust': { code: string };
  'sync.history': SyncHistoryEntry[];
  'sync.subordinates': SubordinateCourt[];
  'supervision.list': SupervisionNote[];
  'supervision.add': SupervisionNote;
  'supervision.delete': { id: string };
  'indicators.list': IndicatorRow[];
  'indicators.create': IndicatorRow;
  'indicators.update': IndicatorRow;
  'indicators.delete': { id: string };
  'indicators.recordValue': IndicatorRow;
  'indicators.deleteValue': IndicatorRow;
  'indicators.importValues': IndicatorImport;
  'items.importTemplate': TemplateImport;
  'boards.court': CourtBoard;
  'boards.campaign': CampaignBoard;
  'boards.province': ProvinceBoard;
  'reports.preview': ReportPreview;
  'reports.export': { jobId: string };
  'files.chooseFolder': { path: string | null };
  'files.upload': { uploadId: string; bytes: number };
  'files.discardUpload': { discarded: boolean };
}

export type Input<K extends OperationName> = z.input<(typeof operations)[K]>;
export type ParsedInput<K extends OperationName> = z.output<(typeof operations)[K]>;

export type Failure = {
  ok: false;
  /** Stable machine-readable code, e.g. E_INVALID, E_NOT_FOUND, E_STALE. */
  code: string;
  /** A plain Chinese sentence for the person at the screen. */
  message: string;
  /** Per-field Chinese messages, keyed by the dotted input path. */
  fieldErrors?: Record<string, string>;
};
export type Result<T> = { ok: true; value: T } | Failure;

export type Bridge = { [K in OperationName]: (input: Input<K>) => Promise<Result<Results[K]>> };
