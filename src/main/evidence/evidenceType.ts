// The one rule for what may be evidence (佐证材料): the type is decided from the file's bytes with
// file-type (and, for zip and OLE containers, from what is inside them), never from the name or
// from what the browser said. Every path that stores evidence (evidence.add, 记录进展, ledger and
// indicator evidence: all through withEvidenceChanges in evidenceFiles.ts) and every path that
// opens a stored file (evidence.open, ledger.openEvidence: openBlobCopy) asks checkEvidenceType.
//
// Accepted: PDF, images, Word, Excel, PowerPoint (old OLE and new zip forms), WPS (wps/et/dps,
// decided by the extension within the detected OLE or zip container), OFD (a zip with OFD.xml),
// ZIP of those, audio and video, and text files whose bytes are text. Refused, with a Chinese
// reason: executables and scripts by name, executable bytes under any name, an archive holding
// one, and anything not in the list.
import path from 'node:path';
import fs from 'node:fs';
import { fileTypeFromBuffer, fileTypeFromFile, type FileTypeResult } from 'file-type';
import yauzl from 'yauzl';
import { DETECTED_TYPES, EVIDENCE_ACCEPT_TEXT, type EvidenceKind } from '../../shared/evidence/evidenceKinds';
import { ApiError } from '../api/errors';

/** What the bytes of an accepted file are. */
export interface EvidenceType {
  /** The short name stored in detected_type, a key of DETECTED_TYPES ('pdf', 'docx', 'wps', …). */
  detectedType: string;
  kind: EvidenceKind;
  /** The media type stored with the file, from the bytes. */
  mimeType: string;
}

export type EvidenceVerdict = ({ ok: true } & EvidenceType) | { ok: false; reason: string };

/** Names that run something when opened (Windows and elsewhere): refused whatever the bytes. */
const RUNNABLE_EXTENSIONS = new Set([
  'exe', 'dll', 'msi', 'msp', 'mst', 'com', 'scr', 'bat', 'cmd', 'ps1', 'psm1', 'psd1', 'vbs', 'vbe',
  'js', 'jse', 'mjs', 'wsf', 'wsh', 'wsc', 'sct', 'hta', 'jar', 'lnk', 'url', 'pif', 'cpl', 'msc',
  'reg', 'inf', 'scf', 'gadget', 'application', 'appref-ms', 'sys', 'drv', 'ocx', 'sh', 'bash',
  'zsh', 'csh', 'command', 'app', 'apk', 'deb', 'rpm', 'dmg', 'pkg', 'run', 'elf', 'py',
  'pyw', 'pl', 'rb', 'php', 'vb', 'ws', 'xbap', 'xll', 'iso', 'img', 'vhd', 'vhdx', 'chm', 'library-ms',
  'settingcontent-ms', 'diagcab', 'appx', 'msix', 'msixbundle', 'jnlp', 'psc1', 'mde', 'ade', 'adp',
]); // prettier-ignore

/** What file-type calls programs, program containers and shortcuts. */
const RUNNABLE_TYPES = new Set([
  'exe', 'elf', 'macho', 'class', 'wasm', 'swf', 'crx', 'xpi', 'apk', 'jar', 'deb', 'rpm', 'dmg',
  'lnk', 'cab', 'asar', 'chm', 'reg', 'alias', 'dex', 'msi',
]); // prettier-ignore

/** Names accepted, by the type they must hold. */
const IMAGE_EXTENSIONS = new Set(['jpg', 'jpeg', 'png', 'gif', 'bmp', 'tif', 'tiff', 'webp', 'heic', 'heif', 'avif']);
const MEDIA_EXTENSIONS = new Set([
  'mp3', 'm4a', 'wav', 'amr', 'aac', 'flac', 'ogg', 'oga', 'opus', 'wma', 'mp4', 'm4v', 'mov',
  'avi', 'wmv', 'mkv', 'webm', 'flv', '3gp', '3g2', 'mpg', 'mpeg', 'mts',
]); // prettier-ignore
const OLE_EXTENSIONS = new Set(['doc', 'xls', 'ppt', 'wps', 'et', 'dps']);
const OOXML_EXTENSIONS = new Set(['docx', 'xlsx', 'pptx', 'wps', 'et', 'dps']);
const TEXT_EXTENSIONS = new Set(['txt', 'csv']);
const ACCEPTED_EXTENSIONS = new Set([
  'pdf', 'ofd', 'zip', 'docx', 'xlsx', 'pptx',
  ...IMAGE_EXTENSIONS, ...MEDIA_EXTENSIONS, ...OLE_EXTENSIONS, ...TEXT_EXTENSIONS,
]); // prettier-ignore

/** file-type's names for what it finds, where ours differ. */
const TYPE_ALIASES: Record<string, string> = { apng: 'png', oga: 'ogg', opus: 'ogg', '3g2': '3gp', mp2: 'mpg' };
/** WMV and WMA share one container (ASF); the name says which. */
const ASF_BY_EXTENSION: Record<string, string> = { wma: 'wma', wmv: 'wmv' };

const HEAD_BYTES = 64 * 1024;
/** How many entries of a zip are looked at (a zip bomb of names stops here). */
const MAX_ZIP_ENTRIES = 20_000;

const extensionOf = (name: string) => {
  const ext = path.extname(path.basename(name)).toLowerCase();
  return ext.startsWith('.') ? ext.slice(1).trim() : '';
};

const isRunnableName = (name: string) => RUNNABLE_EXTENSIONS.has(extensionOf(name));

/** Program headers file-type may leave unnamed: PE ("MZ"), ELF, Mach-O, Java/fat Mach-O, a #! script. */
function runnableBytes(head: Buffer): boolean {
  if (head.length >= 2 && head[0] === 0x4d && head[1] === 0x5a) return true; // MZ: Windows program
  if (head.length >= 4 && head.readUInt32BE(0) === 0x7f454c46) return true; // ELF
  if (head.length >= 4) {
    const magic = head.readUInt32BE(0);
    if ([0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe].includes(magic)) return true;
  }
  // A script's "#!/bin/sh" or "#! /usr/bin/env" (not AMR audio's "#!AMR").
  return head.length >= 3 && head[0] === 0x23 && head[1] === 0x21 && (head[2] === 0x2f || head[2] === 0x20);
}

/** Bytes that are text: no NUL and almost no other control characters (UTF-8 or GB18030 alike). */
function looksLikeText(head: Buffer): boolean {
  if (head.length === 0) return false;
  let control = 0;
  for (const byte of head) {
    if (byte === 0) return false;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b) control += 1;
  }
  return control * 100 <= head.length;
}

/** A file's bytes: on disk (read only where needed) or in memory. */
type Bytes = { file: string } | { bytes: Buffer };

async function headOf(source: Bytes): Promise<Buffer> {
  if ('bytes' in source) return source.bytes.subarray(0, HEAD_BYTES);
  const handle = await fs.promises.open(source.file, 'r');
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(head, 0, HEAD_BYTES, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function fileTypeOf(source: Bytes): Promise<FileTypeResult | undefined> {
  try {
    return 'bytes' in source ? await fileTypeFromBuffer(source.bytes) : await fileTypeFromFile(source.file);
  } catch {
    return undefined;
  }
}

const refuse = (reason: string): EvidenceVerdict => ({ ok: false, reason });

function accept(detectedType: string): EvidenceVerdict {
  const type = DETECTED_TYPES[detectedType];
  return { ok: true, detectedType, kind: type.kind, mimeType: type.mime };
}

const notSupported = (name: string) => refuse(`不支持的文件类型：「${name}」。${EVIDENCE_ACCEPT_TEXT}`);
const runnable = (name: string) => refuse(`「${name}」实为可执行程序，不能作为佐证材料。`);
const unreadable = (name: string, what: string) =>
  refuse(`无法识别「${name}」的内容（不是有效的${what}），不能作为佐证材料；请确认文件没有损坏后重新上传。`);

/**
 * Decides what a file is from its bytes. `name` is the file's name as the person's computer
 * called it; its extension only chooses between types that share a container (OLE, zip).
 */
export async function checkEvidenceType(source: Bytes, name: string): Promise<EvidenceVerdict> {
  const ext = extensionOf(name);
  if (RUNNABLE_EXTENSIONS.has(ext))
    return refuse(`不支持的文件类型：「${name}」是可执行程序或脚本，不能作为佐证材料。`);
  const head = await headOf(source);
  const found = await fileTypeOf(source);
  if ((found && RUNNABLE_TYPES.has(found.ext)) || runnableBytes(head)) return runnable(name);
  if (!ACCEPTED_EXTENSIONS.has(ext)) return notSupported(name);
  if (!found) {
    if (looksLikeText(head)) return accept(ext === 'csv' ? 'csv' : 'txt');
    return unreadable(name, ext === 'pdf' ? ' PDF 文档' : `「.${ext}」文件`);
  }
  const type = TYPE_ALIASES[found.ext] ?? found.ext;
  if (type === 'cfb') {
    // Old Word/Excel/PowerPoint and WPS files share the OLE container: the name says which.
    return OLE_EXTENSIONS.has(ext) ? accept(ext) : unreadable(name, `「.${ext}」文件`);
  }
  if (type === 'asf') return accept(ASF_BY_EXTENSION[ext] ?? 'wmv');
  if (type === 'docx' || type === 'xlsx' || type === 'pptx') {
    // WPS saves its own names over the same zip forms.
    return accept(['wps', 'et', 'dps'].includes(ext) ? ext : type);
  }
  if (type === 'zip') return checkZip(source, name, ext);
  if (type === 'xml' || type === 'vtt' || type === 'ics' || type === 'vcf') {
    return looksLikeText(head) ? accept(ext === 'csv' ? 'csv' : 'txt') : notSupported(name);
  }
  if (Object.hasOwn(DETECTED_TYPES, type) && type !== 'txt' && type !== 'csv') return accept(type);
  return refuse(`不支持的文件类型：「${name}」的内容是 ${found.ext.toUpperCase()} 文件。${EVIDENCE_ACCEPT_TEXT}`);
}

/** Checks a file and returns its type, or refuses it (E_FILE_TYPE) with the Chinese reason. */
export async function requireEvidenceType(source: Bytes, name: string, field?: string): Promise<EvidenceType> {
  const verdict = await checkEvidenceType(source, name);
  if (!verdict.ok) throw new ApiError('E_FILE_TYPE', verdict.reason, field ? { [field]: verdict.reason } : undefined);
  return { detectedType: verdict.detectedType, kind: verdict.kind, mimeType: verdict.mimeType };
}

interface ZipEntryHead {
  name: string;
  head: Buffer;
  encrypted: boolean;
}

/** Reads every entry's name and first bytes (never a whole entry). */
async function zipEntries(source: Bytes): Promise<ZipEntryHead[] | null> {
  let zip: yauzl.ZipFile;
  try {
    zip =
      'bytes' in source
        ? await yauzl.fromBufferPromise(source.bytes, { lazyEntries: true, strictFileNames: false })
        : await yauzl.openPromise(source.file, { lazyEntries: true, strictFileNames: false });
  } catch {
    return null;
  }
  const entries: ZipEntryHead[] = [];
  try {
    for await (const entry of zip.eachEntry()) {
      if (entries.length >= MAX_ZIP_ENTRIES) return null;
      const encrypted = (entry.generalPurposeBitFlag & 0x1) !== 0;
      let head: Buffer = Buffer.alloc(0);
      if (!encrypted && !entry.fileName.endsWith('/') && entry.uncompressedSize > 0) {
        head = await readEntryHead(zip, entry);
      }
      entries.push({ name: entry.fileName, head, encrypted });
    }
  } catch {
    return null;
  } finally {
    zip.close();
  }
  return entries;
}

async function readEntryHead(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  const stream = await zip.openReadStreamPromise(entry);
  const pieces: Buffer[] = [];
  let length = 0;
  try {
    for await (const piece of stream) {
      pieces.push(piece as Buffer);
      length += (piece as Buffer).length;
      if (length >= 4100) break;
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(pieces).subarray(0, 4100);
}

const baseName = (entryName: string) => entryName.split('/').pop() ?? entryName;

/** A zip: an OFD document, an Office/WPS document in zip form, or an archive of accepted files. */
async function checkZip(source: Bytes, name: string, ext: string): Promise<EvidenceVerdict> {
  const entries = await zipEntries(source);
  if (!entries) return unreadable(name, ' ZIP 压缩包');
  const names = new Set(entries.map((entry) => entry.name));
  // No program hides in any of them, whatever the container claims to be.
  for (const entry of entries) {
    if (entry.encrypted)
      return refuse(`「${name}」里有加密的文件「${baseName(entry.name)}」，无法检查其内容，不能作为佐证材料。`);
    const inner = entry.head.length > 0 ? await fileTypeFromBuffer(entry.head).catch(() => undefined) : undefined;
    if (isRunnableName(entry.name) || runnableBytes(entry.head) || (inner && RUNNABLE_TYPES.has(inner.ext)))
      return refuse(
        `${ext === 'zip' ? '压缩包' : ''}「${name}」里有可执行程序或脚本「${baseName(entry.name)}」，不能作为佐证材料。`,
      );
  }
  if (names.has('OFD.xml')) return accept('ofd');
  if (names.has('[Content_Types].xml') && OOXML_EXTENSIONS.has(ext)) return accept(ext);
  if (ext === 'ofd') return unreadable(name, ' OFD 文档');
  if (ext !== 'zip') return unreadable(name, `「.${ext}」文件`);
  // An archive: every file in it must be one that could be uploaded on its own.
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    const entryExt = extensionOf(entry.name);
    if (entryExt === 'zip')
      return refuse(`压缩包「${name}」里又有压缩包「${baseName(entry.name)}」，请解压后分别上传。`);
    if (!ACCEPTED_EXTENSIONS.has(entryExt))
      return refuse(`压缩包「${name}」里有不支持的文件「${baseName(entry.name)}」。${EVIDENCE_ACCEPT_TEXT}`);
  }
  return accept('zip');
}

/** The name a stored file is opened under: its own, unless that name's extension would make the
 * system pick a viewer for another type (then the detected type's extension is added). */
export function openingName(originalName: string, detectedType: string): string {
  const ext = extensionOf(originalName);
  const type = DETECTED_TYPES[detectedType];
  const fits =
    ext === detectedType ||
    (type.kind === 'image' && IMAGE_EXTENSIONS.has(ext)) ||
    ((type.kind === 'audio' || type.kind === 'video') && MEDIA_EXTENSIONS.has(ext)) ||
    (detectedType === 'txt' && TEXT_EXTENSIONS.has(ext));
  return fits ? originalName : `${originalName}.${detectedType}`;
}
