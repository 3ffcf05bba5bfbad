// What may go into a log file. Logs leave the court (导出诊断信息 hands them to IT), so a detail
// is written only after this pass: secrets by their field name, key material and file content by
// their shape, identity-card and mobile numbers masked, long text cut short. Call sites log
// operation names, ids, counts and errors — never an operation's input — and this is the net
// under them.

const HIDDEN = '[已隐去]';

/** Field names whose values are secrets, whatever they hold. */
const SECRET_FIELD = /password|passphrase|passwd|pwd|secret|private|token|credential|cookie|salt|signature|key$/i;
/** Field names that carry file or bundle content: the size is kept, never the bytes. */
const CONTENT_FIELD = /content|base64|chunk|^data$|^bytes$|blob|body/i;

const PEM_BLOCK = /-----BEGIN [A-Z0-9 ]+-----[\s\S]*?(-----END [A-Z0-9 ]+-----|$)/g;
/**
 * A run of base64 of 40 characters or more (a key of 32 bytes or more, file content). A run must
 * mix upper case, lower case and digits, so sha256 hashes (lower-case hex) and file paths stay.
 */
const BASE64_RUN = /(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{40,}={0,2}(?![A-Za-z0-9+/=])/g;
/** 18-digit identity-card numbers (last character may be X) and mainland mobile numbers. */
const ID_CARD = /(?<!\d)(\d{6})\d{8}(\d{3}[\dXx])(?!\d)/g;
const MOBILE = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;

export const MAX_TEXT = 4000;
const MAX_ITEMS = 50;
const MAX_DEPTH = 6;

function looksLikeBase64(run: string): boolean {
  return /[A-Z]/.test(run) && /[a-z]/.test(run) && /\d/.test(run);
}

/** A string as it may be written: keys, content and personal numbers hidden, length capped. */
export function redactText(text: string): string {
  let out = text
    .replace(PEM_BLOCK, '[密钥已隐去]')
    .replace(BASE64_RUN, (run) => (looksLikeBase64(run) ? `[编码内容已略去，${run.length} 字符]` : run))
    .replace(ID_CARD, '$1********$2')
    .replace(MOBILE, '$1****$2');
  if (out.length > MAX_TEXT) out = `${out.slice(0, MAX_TEXT)}…（共 ${out.length} 字符，已截断）`;
  return out;
}

function contentSummary(value: unknown): unknown {
  if (typeof value === 'string') return `[内容已略去，${value.length} 字符]`;
  if (value instanceof Uint8Array) return `[内容已略去，${value.byteLength} 字节]`;
  // Numbers (a byte count) and structures are fine to keep; structures are walked as usual.
  return undefined;
}

/** Any value as it may be written (deep copy; the original is untouched). */
export function redact(value: unknown, depth = 0): unknown {
  if (value === null || value === undefined) return value;
  if (typeof value === 'string') return redactText(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (value instanceof Uint8Array) return `[二进制内容已略去，${value.byteLength} 字节]`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
  if (value instanceof Error) return errorText(value);
  if (depth >= MAX_DEPTH) return '[…]';
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ITEMS).map((item) => redact(item, depth + 1));
    if (value.length > MAX_ITEMS) items.push(`…（共 ${value.length} 项）`);
    return items;
  }
  const out: Record<string, unknown> = {};
  for (const [field, item] of Object.entries(value as Record<string, unknown>)) {
    if (SECRET_FIELD.test(field)) out[field] = HIDDEN;
    else if (CONTENT_FIELD.test(field)) out[field] = contentSummary(item) ?? redact(item, depth + 1);
    else out[field] = redact(item, depth + 1);
  }
  return out;
}

/** An error for the log: its stack (or name and message), its code, and its causes. */
export function errorText(error: unknown, depth = 0): string {
  if (!(error instanceof Error)) {
    if (typeof error === 'string') return redactText(error);
    try {
      return redactText(JSON.stringify(redact(error)) ?? String(error));
    } catch {
      return redactText(String(error));
    }
  }
  const code = (error as { code?: unknown }).code;
  let text = error.stack && error.stack.includes(error.message) ? error.stack : `${error.name}: ${error.message}`;
  if (typeof code === 'string' || typeof code === 'number') text += `\n  code: ${code}`;
  if (error.cause !== undefined && depth < 3) text += `\n  cause: ${errorText(error.cause, depth + 1)}`;
  return redactText(text);
}
