// The 恢复申请 and 恢复包 files. A 恢复申请 is a small signed JSON file (the reinstalled court's new
// public keys; the signature proves the request was made with the matching private key). A 恢复包 is
// one plain file — magic, the manifest (JSON, rows inline), the parent's Ed25519 signature over the
// manifest, then the evidence files and kept bundles back to back, each listed in the manifest with
// its SHA-256 and size, so the signature covers every byte — encrypted as a whole to the new box key
// by the sync envelope (kind 'recovery'): one changed byte anywhere fails the AES-GCM tag.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import { ApiError } from '../api/errors';
import { canonicalJson } from '../audit/auditLog';
import { fingerprintOf, rawPublicKey, signBytes, verifyBytes } from '../sync/format/keys';

export const REQUEST_EXTENSION = '.dtreq';
export const PACKAGE_EXTENSION = '.dtrec';
const REQUEST_FORMAT = 'court-recovery-request';
const PACKAGE_FORMAT = 'court-recovery';
const PACKAGE_VERSION = 1;
const MAGIC = Buffer.from('DDTREC01', 'ascii');
const MAX_REQUEST_BYTES = 64 * 1024;

type Row = Record<string, unknown>;

export interface RecoveryRequest {
  format: typeof REQUEST_FORMAT;
  version: 1;
  courtCode: string;
  courtName: string;
  signKey: string;
  boxKey: string;
  requestedAt: string;
  signature: string;
}

const requestSchema = z.object({
  format: z.literal(REQUEST_FORMAT),
  version: z.literal(1),
  courtCode: z.string().regex(/^[A-Za-z0-9]{1,16}$/),
  courtName: z.string().min(1).max(100),
  signKey: z.string().max(100),
  boxKey: z.string().max(100),
  requestedAt: z.string().max(64),
  signature: z.string().max(200),
});

const NOT_REQUEST = '这个文件不是本系统生成的恢复申请，或已损坏、被改动，请让对方重新生成恢复申请。';

function requestBody(request: Omit<RecoveryRequest, 'signature'>): Buffer {
  return Buffer.from(canonicalJson({ ...request, signature: undefined }), 'utf8');
}

export function signRequest(
  fields: Omit<RecoveryRequest, 'signature' | 'format' | 'version'>,
  signPrivate: string,
): RecoveryRequest {
  const body = { format: REQUEST_FORMAT, version: 1, ...fields } as const;
  return { ...body, signature: signBytes(requestBody(body), signPrivate).toString('base64') };
}

export function requestFingerprint(request: Pick<RecoveryRequest, 'signKey' | 'boxKey'>): string {
  return fingerprintOf(request.signKey, request.boxKey);
}

/** Reads and checks a 恢复申请: format, keys, and its own signature. */
export function readRequestFile(file: string): RecoveryRequest {
  let value: unknown;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile() || stat.size > MAX_REQUEST_BYTES) throw new Error('size');
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(fs.readFileSync(file)));
  } catch {
    throw new ApiError('E_NOT_REQUEST', NOT_REQUEST);
  }
  const parsed = requestSchema.safeParse(value);
  if (!parsed.success) throw new ApiError('E_NOT_REQUEST', NOT_REQUEST);
  const request = parsed.data as RecoveryRequest;
  try {
    rawPublicKey(request.signKey);
    rawPublicKey(request.boxKey);
  } catch {
    throw new ApiError('E_NOT_REQUEST', NOT_REQUEST);
  }
  const { signature, ...body } = request;
  if (!verifyBytes(requestBody(body), Buffer.from(signature, 'base64'), request.signKey)) {
    throw new ApiError('E_NOT_REQUEST', NOT_REQUEST);
  }
  return request;
}

export interface CourtCardWithState {
  code: string;
  name: string;
  level: string;
  parentCode: string;
  signKey: string;
  boxKey: string;
  lastSeq: number;
  lastChangeThrough: number | null;
  lastBundleAt: string | null;
  auditCount: number | null;
  auditHash: string | null;
}

export interface PackageBlob {
  kind: 'file' | 'bundle';
  sha256: string;
  size: number;
  /** Kept bundles: what sync_received recorded of them at the parent. */
  bundle?: {
    sourceCode: string;
    targetCode: string;
    seq: number;
    full: boolean;
    campaignId: string | null;
    createdAt: string | null;
  };
}

export interface RecoveryManifest {
  format: typeof PACKAGE_FORMAT;
  version: number;
  createdAt: string;
  app: { version: string; schemaVersion: number };
  /** The parent court that made and signed it. */
  source: { code: string; name: string; level: string; parentCode: string; signKey: string; boxKey: string };
  /** The court it rebuilds, with the new keys it is sealed to. */
  target: {
    code: string;
    name: string;
    level: string;
    parentCode: string;
    parentName: string;
    signKey: string;
    boxKey: string;
  };
  retiredFingerprint: string;
  /** The target's report stream as the parent holds it, and its audit head as the parent witnessed it. */
  sequence: { lastSeq: number; lastChangeThrough: number; auditCount: number | null; auditHash: string | null };
  /** Courts under the target the parent knows, with their keys (vouched for by the parent). */
  courts: CourtCardWithState[];
  rows: Record<string, Row[]>;
  campaigns: { title: string; items: number }[];
  counts: { rows: number; files: number; bundles: number };
  blobs: PackageBlob[];
}

const NOT_PACKAGE = '这个文件不是本系统生成的恢复包，或已损坏，无法读取。没有导入任何内容。';

/** Writes the plain (signed, unencrypted) package: magic, manifest, signature, blobs. */
export function writePlainPackage(
  outPath: string,
  manifest: RecoveryManifest,
  blobPaths: string[],
  signPrivate: string,
): void {
  const manifestBytes = Buffer.from(JSON.stringify(manifest), 'utf8');
  const signature = signBytes(manifestBytes, signPrivate);
  const fd = fs.openSync(outPath, 'w');
  try {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(manifestBytes.length);
    const sigLength = Buffer.alloc(4);
    sigLength.writeUInt32BE(signature.length);
    fs.writeSync(fd, Buffer.concat([MAGIC, length]));
    fs.writeSync(fd, manifestBytes);
    fs.writeSync(fd, Buffer.concat([sigLength, signature]));
    const buffer = Buffer.alloc(1024 * 1024);
    for (const file of blobPaths) {
      const input = fs.openSync(file, 'r');
      try {
        for (;;) {
          const read = fs.readSync(input, buffer, 0, buffer.length, null);
          if (read === 0) break;
          fs.writeSync(fd, buffer, 0, read);
        }
      } finally {
        fs.closeSync(input);
      }
    }
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export interface OpenedPackage {
  manifest: RecoveryManifest;
  plainPath: string;
  /** Where each blob starts in the plain file, in manifest order. */
  offsets: number[];
}

function readAt(fd: number, length: number, position: number): Buffer {
  const buffer = Buffer.alloc(length);
  const read = fs.readSync(fd, buffer, 0, length, position);
  if (read !== length)
    throw new ApiError('E_TRUNCATED', '恢复包不完整，文件末尾缺了一部分，请重新复制。没有导入任何内容。');
  return buffer;
}

/** Opens a decrypted package: structure, the parent's signature, every blob's place. */
export function openPlainPackage(plainPath: string, schemaVersion: number): OpenedPackage {
  const size = fs.statSync(plainPath).size;
  const fd = fs.openSync(plainPath, 'r');
  try {
    if (size < MAGIC.length + 8 || !readAt(fd, MAGIC.length, 0).equals(MAGIC)) {
      throw new ApiError('E_NOT_RECOVERY', NOT_PACKAGE);
    }
    const manifestLength = readAt(fd, 4, MAGIC.length).readUInt32BE(0);
    if (manifestLength === 0 || MAGIC.length + 4 + manifestLength + 4 > size) {
      throw new ApiError('E_NOT_RECOVERY', NOT_PACKAGE);
    }
    const manifestBytes = readAt(fd, manifestLength, MAGIC.length + 4);
    const sigStart = MAGIC.length + 4 + manifestLength;
    const sigLength = readAt(fd, 4, sigStart).readUInt32BE(0);
    if (sigLength !== 64) throw new ApiError('E_NOT_RECOVERY', NOT_PACKAGE);
    const signature = readAt(fd, sigLength, sigStart + 4);
    let manifest: RecoveryManifest;
    try {
      manifest = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(manifestBytes)) as RecoveryManifest;
    } catch {
      throw new ApiError('E_NOT_RECOVERY', NOT_PACKAGE);
    }
    if (manifest?.format !== PACKAGE_FORMAT || typeof manifest.version !== 'number') {
      throw new ApiError('E_NOT_RECOVERY', NOT_PACKAGE);
    }
    if (manifest.version > PACKAGE_VERSION || (manifest.app?.schemaVersion ?? 0) > schemaVersion) {
      throw new ApiError(
        'E_FUTURE_FORMAT',
        '这个恢复包由更新版本的督导台生成，请先把本程序升级到与上级法院相同或更新的版本，再导入。没有导入任何内容。',
      );
    }
    if (!manifest.source?.signKey || !verifyBytes(manifestBytes, signature, manifest.source.signKey)) {
      throw new ApiError(
        'E_BAD_SIGNATURE',
        '恢复包的签名与制作它的法院的密钥不符，可能被改动，已拒绝导入。没有导入任何内容。',
      );
    }
    const offsets: number[] = [];
    let position = sigStart + 4 + sigLength;
    for (const blob of manifest.blobs) {
      offsets.push(position);
      position += blob.size;
    }
    if (position !== size) {
      throw new ApiError('E_CORRUPT', '恢复包的内容与清单记载的长度不符，文件可能已损坏。没有导入任何内容。');
    }
    return { manifest, plainPath, offsets };
  } finally {
    fs.closeSync(fd);
  }
}

/** Copies one blob out of the plain package, checking its hash; throws when it differs. */
export function extractBlob(opened: OpenedPackage, index: number, outPath: string): void {
  const blob = opened.manifest.blobs[index];
  const input = fs.openSync(opened.plainPath, 'r');
  const output = fs.openSync(outPath, 'w');
  try {
    const hash = crypto.createHash('sha256');
    const buffer = Buffer.alloc(1024 * 1024);
    let left = blob.size;
    let position = opened.offsets[index];
    while (left > 0) {
      const read = fs.readSync(input, buffer, 0, Math.min(buffer.length, left), position);
      if (read === 0) break;
      hash.update(buffer.subarray(0, read));
      fs.writeSync(output, buffer, 0, read);
      left -= read;
      position += read;
    }
    fs.fsyncSync(output);
    if (left !== 0 || hash.digest('hex') !== blob.sha256) {
      throw new ApiError('E_TAMPERED', '恢复包中的文件与清单记载的不一致，可能被改动或损坏，没有导入任何内容。');
    }
  } finally {
    fs.closeSync(output);
    fs.closeSync(input);
  }
}
