// The backup file (.dtbak): one file holding a consistent snapshot of the court database, with the
// evidence it cites kept once, by hash, in the evidence store beside it. Layout:
//
//   'DTBAK001' (8 bytes, ASCII)
//   u32 big-endian: length of the header
//   header: JSON, UTF-8 (BackupHeader)
//   payload: the SQLite snapshot, exactly database.bytes long — AES-256-GCM ciphertext when
//            `encrypted` (the header bytes are the additional authenticated data), else plain
//   GCM tag: 16 bytes, only when `encrypted`
//   SHA-256 of every byte before it: 32 bytes
//
// The trailing checksum catches truncation and any changed byte without the passphrase (so any
// clerk's check finds a damaged file); the GCM tag catches a header forged to match the checksum.
// A wrong passphrase is told from damage before decrypting: the header carries `keyCheck`, an
// HMAC made with the derived key. Files are read and written in pieces: the province high court's
// database is 1.45 GB.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo, BackupPlace, BackupTrigger } from '../../shared/backup/backupModel';
import { ApiError } from '../api/errors';
import { fsyncDir, renameDurable, siblingTemp } from '../durability/durableFiles';

export const BACKUP_EXTENSION = '.dtbak';
export const BACKUP_MAGIC = Buffer.from('DTBAK001', 'ascii');
/** The evidence store of a folder of backups: <folder>/evidence/<xx>/<sha256>. */
export const BACKUP_EVIDENCE_DIR = 'evidence';
/** Per folder: which backups were checked whole, when, and with what outcome. */
export const BACKUP_CATALOGUE = '.backup-catalogue.json';

export interface BackupKdf {
  salt: string;
  N: number;
  r: number;
  p: number;
  keyCheck: string;
}

export interface BackupHeader {
  format: 'court-backup';
  formatVersion: 1;
  createdAt: string;
  trigger: BackupTrigger;
  courtCode: string;
  courtName: string;
  courtId?: string | null;
  schemaVersion: number;
  appVersion: string;
  encrypted: boolean;
  keysIncluded: boolean;
  /** When encrypted: how the key is derived from the passphrase (scrypt), and its check. */
  kdf: BackupKdf | null;
  /** When encrypted: the GCM nonce (base64). */
  iv: string | null;
  /** Of the plaintext SQLite snapshot. */
  database: { bytes: number; sha256: string };
  /** Every evidence file the snapshot cites (and that was present to store). */
  evidence: { sha256: string; size: number }[];
  /** The audit log's head at the snapshot: a backup is skipped when nothing changed since. */
  auditHead: { seq: number; hash: string };
  /** Cited evidence that was missing or damaged in the data folder when the backup was taken. */
  evidenceMissing?: string[];
}

const MAGIC_BYTES = BACKUP_MAGIC.length;
const LENGTH_BYTES = 4;
const TAG_BYTES = 16;
const SUM_BYTES = 32;
const PIECE = 1024 * 1024;
const MAX_HEADER = 64 * 1024 * 1024;

const DAMAGED = '备份文件已损坏或被改动（校验不通过），不能使用。请换一份备份。';
const notBackup = (file: string) =>
  new ApiError('E_NOT_BACKUP', `“${path.basename(file)}”不是督导台的备份文件，请选择扩展名为 .dtbak 的备份。`);
const damaged = (detail = '') => new ApiError('E_BACKUP_DAMAGED', detail ? `${DAMAGED}（${detail}）` : DAMAGED);

// --- keys --------------------------------------------------------------------------------------

export const SCRYPT_PARAMS = { N: 1 << 15, r: 8, p: 1 };

function scryptKey(passphrase: string, salt: Buffer, params: { N: number; r: number; p: number }): Buffer {
  return crypto.scryptSync(passphrase.normalize('NFC'), salt, 32, {
    N: params.N,
    r: params.r,
    p: params.p,
    maxmem: 256 * params.N * params.r + 32 * 1024 * 1024,
  });
}

export function keyCheckOf(key: Buffer): string {
  return crypto.createHmac('sha256', key).update('court-backup key check').digest('base64');
}

/** A new key from a passphrase with a random salt: what backup.setPassphrase stores. */
export function deriveBackupKey(passphrase: string): { key: Buffer; kdf: BackupKdf } {
  const salt = crypto.randomBytes(16);
  const key = scryptKey(passphrase, salt, SCRYPT_PARAMS);
  return { key, kdf: { salt: salt.toString('base64'), ...SCRYPT_PARAMS, keyCheck: keyCheckOf(key) } };
}

/** The key of an encrypted backup from its passphrase; E_BACKUP_PASSPHRASE when missing or wrong. */
export function keyForHeader(header: BackupHeader, passphrase: string | undefined): Buffer {
  if (!header.encrypted || !header.kdf) throw damaged('加密参数缺失');
  if (passphrase === undefined || passphrase === '')
    throw new ApiError('E_BACKUP_PASSPHRASE', '这份备份已加密，请输入设置备份时的备份口令。');
  const key = scryptKey(passphrase, Buffer.from(header.kdf.salt, 'base64'), header.kdf);
  const check = Buffer.from(keyCheckOf(key), 'base64');
  const expected = Buffer.from(header.kdf.keyCheck, 'base64');
  if (check.length !== expected.length || !crypto.timingSafeEqual(check, expected))
    throw new ApiError('E_BACKUP_PASSPHRASE', '备份口令不正确，请核对后重新输入（注意大小写和全角半角）。');
  return key;
}

// --- reading -----------------------------------------------------------------------------------

interface Parsed {
  header: BackupHeader;
  headerBytes: Buffer;
  payloadStart: number;
  fileSize: number;
}

function validHeader(value: unknown): value is BackupHeader {
  const h = value as BackupHeader;
  return (
    !!h &&
    h.format === 'court-backup' &&
    typeof h.createdAt === 'string' &&
    typeof h.trigger === 'string' &&
    typeof h.courtCode === 'string' &&
    typeof h.courtName === 'string' &&
    Number.isInteger(h.schemaVersion) &&
    typeof h.encrypted === 'boolean' &&
    !!h.database &&
    Number.isSafeInteger(h.database.bytes) &&
    h.database.bytes >= 0 &&
    typeof h.database.sha256 === 'string' &&
    Array.isArray(h.evidence) &&
    h.evidence.every((e) => /^[0-9a-f]{64}$/.test(e?.sha256 ?? '') && Number.isSafeInteger(e.size)) &&
    (!h.encrypted || (!!h.kdf && typeof h.iv === 'string'))
  );
}

function parseSync(file: string): Parsed {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new ApiError('E_NOT_FOUND', `找不到备份文件“${path.basename(file)}”。`);
    throw error;
  }
  try {
    const fileSize = fs.fstatSync(fd).size;
    const start = Buffer.alloc(MAGIC_BYTES + LENGTH_BYTES);
    const read = fs.readSync(fd, start, 0, start.length, 0);
    if (read < MAGIC_BYTES || !start.subarray(0, MAGIC_BYTES).equals(BACKUP_MAGIC)) throw notBackup(file);
    if (read < start.length) throw damaged('文件不完整');
    const headerLength = start.readUInt32BE(MAGIC_BYTES);
    if (headerLength === 0 || headerLength > MAX_HEADER || start.length + headerLength > fileSize)
      throw damaged('文件不完整');
    const headerBytes = Buffer.alloc(headerLength);
    if (fs.readSync(fd, headerBytes, 0, headerLength, start.length) !== headerLength) throw damaged('文件不完整');
    let header: unknown;
    try {
      header = JSON.parse(headerBytes.toString('utf8'));
    } catch {
      throw damaged('文件头无法读取');
    }
    if (!validHeader(header)) {
      if ((header as BackupHeader)?.format === 'court-backup' && (header as BackupHeader).formatVersion !== 1)
        throw new ApiError('E_BACKUP_TOO_NEW', '这份备份由更新版本的督导台写入，请安装新版本后再使用。');
      throw damaged('文件头内容不对');
    }
    const payloadStart = start.length + headerLength;
    const expected = payloadStart + header.database.bytes + (header.encrypted ? TAG_BYTES : 0) + SUM_BYTES;
    if (fileSize !== expected) throw damaged(fileSize < expected ? '文件不完整，可能没有复制完' : '文件长度不对');
    return { header, headerBytes, payloadStart, fileSize };
  } finally {
    fs.closeSync(fd);
  }
}

/** The header, read without the payload (E_NOT_BACKUP, E_BACKUP_DAMAGED). */
export function readBackupHeaderSync(file: string): BackupHeader {
  return parseSync(file).header;
}

export async function readBackupHeader(file: string): Promise<BackupHeader> {
  return readBackupHeaderSync(file);
}

/** Reads [from, to) of a file in pieces. */
function eachPieceSync(fd: number, from: number, to: number, use: (piece: Buffer) => void): void {
  const buffer = Buffer.allocUnsafe(PIECE);
  let at = from;
  while (at < to) {
    const want = Math.min(PIECE, to - at);
    const read = fs.readSync(fd, buffer, 0, want, at);
    if (read <= 0) throw damaged('文件不完整');
    use(buffer.subarray(0, read));
    at += read;
  }
}

/** Checks the trailing SHA-256 over the whole file (no passphrase needed). */
export function verifyBackupChecksumSync(file: string, onProgress?: (done: number, total: number) => void): void {
  const { fileSize } = parseSync(file);
  const fd = fs.openSync(file, 'r');
  try {
    const hash = crypto.createHash('sha256');
    const end = fileSize - SUM_BYTES;
    let done = 0;
    eachPieceSync(fd, 0, end, (piece) => {
      hash.update(piece);
      done += piece.length;
      onProgress?.(done, end);
    });
    const stored = Buffer.alloc(SUM_BYTES);
    fs.readSync(fd, stored, 0, SUM_BYTES, end);
    if (!hash.digest().equals(stored)) throw damaged();
  } finally {
    fs.closeSync(fd);
  }
}

export async function verifyBackupChecksum(
  file: string,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const { fileSize } = parseSync(file);
  const hash = crypto.createHash('sha256');
  const end = fileSize - SUM_BYTES;
  let done = 0;
  if (end > 0) {
    for await (const piece of fs.createReadStream(file, { start: 0, end: end - 1, highWaterMark: PIECE })) {
      hash.update(piece as Buffer);
      done += (piece as Buffer).length;
      onProgress?.(done, end);
    }
  }
  const handle = await fs.promises.open(file, 'r');
  try {
    const stored = Buffer.alloc(SUM_BYTES);
    await handle.read(stored, 0, SUM_BYTES, end);
    if (!hash.digest().equals(stored)) throw damaged();
  } finally {
    await handle.close();
  }
}

/**
 * Writes the plaintext SQLite snapshot to `dest` (flushed), after checking the file whole and, when
 * encrypted, the passphrase and the GCM tag. On any fault `dest` is removed.
 */
export function extractBackupDatabaseSync(file: string, passphrase: string | undefined, dest: string): BackupHeader {
  verifyBackupChecksumSync(file);
  const { header, headerBytes, payloadStart } = parseSync(file);
  const key = header.encrypted ? keyForHeader(header, passphrase) : null;
  const decipher = key
    ? crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(header.iv!, 'base64')).setAAD(headerBytes)
    : null;
  const payloadEnd = payloadStart + header.database.bytes;
  const input = fs.openSync(file, 'r');
  let output: number | null = null;
  try {
    output = fs.openSync(dest, 'w');
    const hash = crypto.createHash('sha256');
    const write = (bytes: Buffer) => {
      if (bytes.length === 0) return;
      hash.update(bytes);
      fs.writeSync(output!, bytes);
    };
    eachPieceSync(input, payloadStart, payloadEnd, (piece) => write(decipher ? decipher.update(piece) : piece));
    if (decipher) {
      const tag = Buffer.alloc(TAG_BYTES);
      fs.readSync(input, tag, 0, TAG_BYTES, payloadEnd);
      decipher.setAuthTag(tag);
      try {
        write(decipher.final());
      } catch {
        throw damaged('加密内容校验不通过');
      }
    }
    if (hash.digest('hex') !== header.database.sha256) throw damaged('数据库内容与记录不符');
    fs.fsyncSync(output);
    fs.closeSync(output);
    output = null;
    fsyncDir(path.dirname(dest));
    return header;
  } catch (error) {
    if (output !== null) fs.closeSync(output);
    fs.rmSync(dest, { force: true });
    throw error;
  } finally {
    fs.closeSync(input);
  }
}

export async function extractBackupDatabase(
  file: string,
  passphrase: string | undefined,
  dest: string,
): Promise<BackupHeader> {
  return extractBackupDatabaseSync(file, passphrase, dest);
}

// --- writing -----------------------------------------------------------------------------------

/** SHA-256 and length of a file, read in pieces. */
export function hashFileSyncStrict(file: string): { sha256: string; bytes: number } {
  const fd = fs.openSync(file, 'r');
  try {
    const hash = crypto.createHash('sha256');
    const size = fs.fstatSync(fd).size;
    eachPieceSync(fd, 0, size, (piece) => hash.update(piece));
    return { sha256: hash.digest('hex'), bytes: size };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Writes a backup file at `out` (a temporary name: the caller renames it) from the plaintext
 * snapshot `plainDb`: the header, the payload (encrypted with `key` when given), the tag and the
 * checksum; flushed. `header.database`, `iv` and `encrypted` are filled in here.
 */
export function writeBackupFileSync(
  out: string,
  plainDb: string,
  header: Omit<BackupHeader, 'database' | 'iv' | 'encrypted'>,
  key: Buffer | null,
): BackupHeader {
  const database = hashFileSyncStrict(plainDb);
  const iv = key ? crypto.randomBytes(12) : null;
  const full: BackupHeader = { ...header, encrypted: key !== null, iv: iv ? iv.toString('base64') : null, database };
  const headerBytes = Buffer.from(JSON.stringify(full), 'utf8');
  const cipher = key && iv ? crypto.createCipheriv('aes-256-gcm', key, iv).setAAD(headerBytes) : null;
  const sum = crypto.createHash('sha256');
  const output = fs.openSync(out, 'w');
  try {
    const write = (bytes: Buffer) => {
      if (bytes.length === 0) return;
      sum.update(bytes);
      let at = 0;
      while (at < bytes.length) at += fs.writeSync(output, bytes, at, bytes.length - at);
    };
    const length = Buffer.alloc(LENGTH_BYTES);
    length.writeUInt32BE(headerBytes.length);
    write(BACKUP_MAGIC);
    write(length);
    write(headerBytes);
    const input = fs.openSync(plainDb, 'r');
    try {
      eachPieceSync(input, 0, database.bytes, (piece) => write(cipher ? cipher.update(piece) : Buffer.from(piece)));
    } finally {
      fs.closeSync(input);
    }
    if (cipher) {
      write(cipher.final());
      write(cipher.getAuthTag());
    }
    const digest = sum.digest();
    fs.writeSync(output, digest);
    fs.fsyncSync(output);
  } finally {
    fs.closeSync(output);
  }
  return full;
}

// --- the evidence store and the catalogue -------------------------------------------------------

export function backupEvidencePath(backupFile: string, sha256: string): string {
  return path.join(path.dirname(backupFile), BACKUP_EVIDENCE_DIR, sha256.slice(0, 2), sha256);
}

export interface CatalogueEntry {
  verified: 'ok' | 'failed';
  verifiedAt: string;
  /** The file's size when it was checked: a file replaced since is unverified again. */
  bytes: number;
}

export type Catalogue = Record<string, CatalogueEntry>;

export function readCatalogue(folder: string): Catalogue {
  try {
    return JSON.parse(fs.readFileSync(path.join(folder, BACKUP_CATALOGUE), 'utf8')) as Catalogue;
  } catch {
    return {};
  }
}

/** Records the outcome of a whole-file check of `file` in its folder's catalogue. */
export function recordVerification(file: string, verified: 'ok' | 'failed', at: Date): void {
  const folder = path.dirname(file);
  const catalogue = readCatalogue(folder);
  let bytes = 0;
  try {
    bytes = fs.statSync(file).size;
  } catch {
    // recorded anyway: a missing file is simply listed no more
  }
  catalogue[path.basename(file)] = { verified, verifiedAt: at.toISOString(), bytes };
  writeCatalogue(folder, catalogue);
}

export function writeCatalogue(folder: string, catalogue: Catalogue): void {
  const target = path.join(folder, BACKUP_CATALOGUE);
  const temp = siblingTemp(target);
  try {
    fs.writeFileSync(temp, JSON.stringify(catalogue, null, 1));
    const fd = fs.openSync(temp, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    renameDurable(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

export function backupInfoOf(file: string, header: BackupHeader, place: BackupPlace): BackupInfo {
  let bytes = 0;
  try {
    bytes = fs.statSync(file).size;
  } catch {
    // listed with size 0 when it vanished between listing and reading
  }
  const entry = readCatalogue(path.dirname(file))[path.basename(file)];
  const known = entry && entry.bytes === bytes ? entry : null;
  return {
    fileName: path.basename(file),
    path: file,
    place,
    createdAt: header.createdAt,
    trigger: header.trigger,
    bytes,
    evidenceFiles: header.evidence.length,
    evidenceBytes: header.evidence.reduce((sum, e) => sum + e.size, 0),
    courtCode: header.courtCode,
    courtName: header.courtName,
    schemaVersion: header.schemaVersion,
    appVersion: header.appVersion,
    encrypted: header.encrypted,
    keysIncluded: header.keysIncluded,
    verified: known ? known.verified : 'unverified',
    verifiedAt: known ? known.verifiedAt : null,
  };
}
