// The file of one piece of evidence as the operations that add evidence (evidence.add,
// ledger.addEvidence, indicators.recordValue) receive it: a finished files.upload (uploadId) — the
// way every screen sends a file, in pieces — or a small file sent whole as base64 (dataBase64, for
// the command line and tests). Either way it reaches the content-addressed store through the
// operation's BlobWriter, so it is durable before the rows that cite it commit.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { MAX_EVIDENCE_BYTES } from '../../shared/api';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { useUpload, type UploadKind } from '../uploads/uploads';
import type { BlobWriter } from './blobStore';

/** Evidence files sent in pieces (files.upload). */
export const EVIDENCE_UPLOADS: UploadKind = { name: 'evidence', maxBytes: MAX_EVIDENCE_BYTES, tooLarge: '单个佐证材料不能超过 200 MB。' };

export interface EvidenceFile {
  size: number;
  /** Puts the content in the store (unless an intact copy is there); returns its SHA-256. */
  store(blobs: BlobWriter): Promise<string>;
}

export interface EvidenceSource {
  uploadId?: string;
  dataBase64?: string;
}

const HASH_PIECE = 1024 * 1024;

/**
 * Runs `work` with the file `source` names. A staged upload is removed once `work` has succeeded
 * and kept when it fails (the window then discards it, or a later start does). `field` names the
 * input field an empty file is reported against.
 */
export async function withEvidenceFile<T>(ctx: ServiceContext, source: EvidenceSource, field: string, work: (file: EvidenceFile) => Promise<T>): Promise<T> {
  if (source.uploadId !== undefined) {
    return useUpload(ctx, EVIDENCE_UPLOADS, source.uploadId, async (staged) => {
      if (staged.size === 0) throw emptyFile(field);
      return work({ size: staged.size, store: (blobs) => storeStaged(blobs, staged.file, staged.size) });
    });
  }
  const bytes = Buffer.from(source.dataBase64 ?? '', 'base64');
  if (bytes.length === 0) throw emptyFile(field);
  return work({ size: bytes.length, store: async (blobs) => blobs.putBytes(bytes) });
}

function emptyFile(field: string): ApiError {
  return new ApiError('E_INVALID', '文件是空的，请选择有内容的文件。', { [field]: '文件是空的' });
}

/** SHA-256 and length of a file, read in pieces (a 200 MB scan never sits in memory whole). */
async function hashFile(file: string): Promise<{ sha256: string; size: number }> {
  const hash = crypto.createHash('sha256');
  let size = 0;
  for await (const piece of fs.createReadStream(file, { highWaterMark: HASH_PIECE })) {
    hash.update(piece as Buffer);
    size += (piece as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}

const copyFailed = () => new ApiError('E_COPY_FAILED', '佐证材料没有完整保存（保存后的内容与上传的不一致），请重新上传。');

/** Hashes the staged file, then copies it into the store and checks that the copy has that hash. */
async function storeStaged(blobs: BlobWriter, file: string, size: number): Promise<string> {
  const staged = await hashFile(file);
  if (staged.size !== size) throw copyFailed();
  await blobs.place(staged.sha256, size, async (temp) => {
    await fs.promises.copyFile(file, temp);
    const copied = await hashFile(temp);
    if (copied.sha256 !== staged.sha256 || copied.size !== size) throw copyFailed();
  });
  return staged.sha256;
}
