// Building blocks of the feature contracts: the text rules, ids, versions, dates, court codes, and
// the pieces of a file that travels to the main process. Each feature's own fields live in its
// contract (src/shared/<feature>/<feature>Contract.ts).
import * as z from 'zod';
import { cleanLine, cleanParagraphs, hasControlCharacters } from '../controlCharacters';

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

/** 'line': a title or a name; 'paragraphs': a description, note or opinion that may run several lines. */
type TextKind = 'line' | 'paragraphs';
export const text = (max: number, label: string, kind: TextKind = 'line') =>
  z
    .string({ error: `${label}必须是文字` })
    .overwrite(kind === 'line' ? cleanLine : cleanParagraphs)
    .trim()
    .max(max, `${label}不能超过 ${max} 个字`);
export const requiredText = (max: number, label: string, kind: TextKind = 'line') =>
  text(max, label, kind).min(1, `请填写${label}`);
export const optionalText = (max: number, label: string, kind: TextKind = 'line') =>
  text(max, label, kind).optional().default('');
/** A value that must arrive exactly as sent: control characters are refused, never removed. */
export const exactText = (max: number, label: string) =>
  z
    .string({ error: `${label}必须是文字` })
    .max(max, `${label}过长`)
    .refine((v) => !hasControlCharacters(v), `${label}不能包含控制字符`);

/** Standard base64 without line breaks or spaces (as FileReader and Buffer write it). */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
/** File content as base64, at most `maxBytes` once decoded. Anything else is refused, never cleaned. */
export const base64Data = (maxBytes: number, tooLarge: string) =>
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
export const version = z.number({ error: '缺少版本号' }).int().min(1);

/** A calendar date as YYYY-MM-DD that really exists (2026-02-30 is refused). */
export const isoDate = z
  .string({ error: '日期格式应为 2026-11-24' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2026-11-24')
  .refine((value) => {
    const [y, m, d] = value.split('-').map(Number);
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, '这一天不存在，请检查日期');
export const optionalDate = z.union([isoDate, z.null()]).optional().default(null);

/** Court codes are short upper-case letters and digits, e.g. J23 or HLJ0101 (法院代码). */
export const courtCode = z
  .string({ error: '请填写法院代码' })
  .trim()
  .min(1, '请填写法院代码')
  .regex(/^[A-Z][A-Z0-9]{1,15}$/, '法院代码应以大写字母开头，由 2-16 位大写字母或数字组成，如 J23');

/** Largest piece of a file sent in one files.upload or sync.upload call, and the largest file
 * that may travel whole as base64 (dataBase64) in one request. */
export const UPLOAD_CHUNK_BYTES = 4 * 1024 * 1024;
/** The largest evidence file (佐证材料). */
export const MAX_EVIDENCE_BYTES = 200 * 1024 * 1024;
export const uploadId = z.string({ error: '缺少上传编号' }).regex(/^[0-9a-f-]{36}$/, '上传编号不正确');
/** The name of a file as the person's computer called it: a label, never a path. */
export const fileName = requiredText(255, '文件名').refine((v) => !/[\\/]/.test(v), '文件名不能包含路径符号');

/**
 * One evidence file: `uploadId` names a finished files.upload (the way every screen sends a file,
 * in pieces, up to MAX_EVIDENCE_BYTES); `dataBase64` carries a small file whole (at most
 * UPLOAD_CHUNK_BYTES: the command line's `call`, tests). Exactly one of the two (checkFileSource).
 */
export const evidenceFile = {
  name: fileName,
  mimeType: text(200, '文件类型').optional().default('application/octet-stream'),
  uploadId: uploadId.optional(),
  dataBase64: base64Data(UPLOAD_CHUNK_BYTES, '直接提交的文件不能超过 4 MB，较大的文件请分段上传')
    .min(1, '文件是空的')
    .optional(),
};
export const checkFileSource = (value: { uploadId?: string; dataBase64?: string }, ctx: z.RefinementCtx) => {
  if (value.uploadId === undefined && value.dataBase64 === undefined)
    ctx.addIssue({ code: 'custom', path: ['uploadId'], message: '请选择要上传的文件' });
  if (value.uploadId !== undefined && value.dataBase64 !== undefined)
    ctx.addIssue({ code: 'custom', path: ['dataBase64'], message: '一份佐证材料只能提交一个文件' });
};

/** One piece of a file chosen in the window (files.upload for evidence, sync.upload for bundles). */
export const uploadPiece = z.object({
  /** null for the first piece; then the id the first piece returned. */
  uploadId: z.union([uploadId, z.null()]).optional().default(null),
  fileName,
  chunkBase64: base64Data(UPLOAD_CHUNK_BYTES, '每次上传的数据过大'),
  final: z.boolean(),
});

/** A folder to save files in: a path with a control character is refused, never cleaned. */
export const exportFolder = z
  .string({ error: '请选择保存文件的文件夹' })
  .refine((v) => !hasControlCharacters(v), '文件夹路径不能包含控制字符')
  .trim()
  .min(1, '请选择保存文件的文件夹')
  .max(1000, '文件夹路径过长');
/** A workbook sent whole as base64 (templates and value sheets are small). */
export const workbookFile = {
  fileName: fileName.refine((v) => /\.xlsx$/i.test(v), '请选择 .xlsx 格式的 Excel 文件'),
  dataBase64: base64Data(UPLOAD_CHUNK_BYTES, 'Excel 文件不能超过 4 MB').min(1, '文件是空的'),
};
/** No input at all (an empty object, or nothing). */
export const empty = z.object({}).strict().optional().default({});
export const byId = z.object({ id: rowId });
export const byVersionedId = z.object({ id: rowId, version });
