// The file of one piece of evidence as the operations that add evidence (evidence.add,
// ledger.addEvidence, indicators.recordValue) receive it: a finished files.upload (uploadId) — the
// way every screen sends a file, in pieces — or a small file sent whole as base64 (dataBase64, for
// the command line and tests). Either way it reaches the content-addressed store through the
// operation's BlobWriter, so it is durable before the rows that cite it commit. Before anything is
// stored, the file's type is decided from its bytes (evidenceType.ts): executables, scripts and
// anything outside the office set are refused (E_FILE_TYPE) with a Chinese reason, and the rows
// record the detected type and media type (StoredFile), never what the browser claimed.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { MAX_EVIDENCE_BYTES } from '../../shared/api';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { timestamp } from '../court/courtProfile';
import { withChanges, type Actor, type ChangeWriter } from '../data/ownedRows';
import { useUpload, type UploadKind } from '../uploads/uploads';
import { hashFile, withBlobWriter, type BlobWriter } from './blobStore';
import { requireEvidenceType, type EvidenceType } from './evidenceType';

/** Evidence files sent in pieces (files.upload). */
export const EVIDENCE_UPLOADS: UploadKind = {
  name: 'evidence',
  maxBytes: MAX_EVIDENCE_BYTES,
  tooLarge: '单个佐证材料不能超过 200 MB。',
};

export interface EvidenceFile {
  size: number;
  /** What its bytes are (checked before it is stored). */
  type: EvidenceType;
  /** Puts the content in the store (unless an intact copy is there); returns its SHA-256. */
  store(blobs: BlobWriter): Promise<string>;
}

export interface EvidenceSource {
  /** The file's name as the person's computer called it (chooses between types sharing a container);
   * for an upload, the name it was uploaded under when not given. */
  name?: string;
  uploadId?: string;
  dataBase64?: string;
}

/**
 * Runs `work` with the file `source` names. A staged upload is removed once `work` has succeeded
 * and kept when it fails (the window then discards it, or a later start does). `field` names the
 * input field an empty file is reported against.
 */
async function withEvidenceFile<T>(
  ctx: ServiceContext,
  source: EvidenceSource,
  field: string,
  work: (file: EvidenceFile) => Promise<T>,
): Promise<T> {
  if (source.uploadId !== undefined) {
    return useUpload(ctx, EVIDENCE_UPLOADS, source.uploadId, async (staged) => {
      if (staged.size === 0) throw emptyFile(field);
      const type = await requireEvidenceType({ file: staged.file }, source.name ?? staged.fileName, field);
      return work({ size: staged.size, type, store: (blobs) => storeStaged(blobs, staged.file, staged.size) });
    });
  }
  const bytes = Buffer.from(source.dataBase64 ?? '', 'base64');
  if (bytes.length === 0) throw emptyFile(field);
  const type = await requireEvidenceType({ bytes }, source.name ?? '', field);
  return work({ size: bytes.length, type, store: (blobs) => blobs.putBytes(bytes) });
}

function emptyFile(field: string): ApiError {
  return new ApiError('E_INVALID', '文件是空的，请选择有内容的文件。', { [field]: '文件是空的' });
}

const copyFailed = () =>
  new ApiError('E_COPY_FAILED', '佐证材料没有完整保存（保存后的内容与上传的不一致），请重新上传。');

/** Hashes the staged file, then copies it into the store, hashing the copy as it is written. */
async function storeStaged(blobs: BlobWriter, file: string, size: number): Promise<string> {
  const staged = await hashFile(file);
  if (staged.size !== size) throw copyFailed();
  await blobs.place(staged.sha256, size, async (temp) => {
    const copy = crypto.createHash('sha256');
    const hashing = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        copy.update(chunk);
        done(null, chunk);
      },
    });
    await pipeline(fs.createReadStream(file), hashing, fs.createWriteStream(temp));
    if (copy.digest('hex') !== staged.sha256) throw copyFailed();
  });
  return staged.sha256;
}

/** Records a stored file's content once, inside the caller's transaction. */
export async function registerBlob(writer: ChangeWriter, sha256: string, size: number): Promise<void> {
  await writer.trx
    .insertInto('evidenceBlobs')
    .values({ sha256, size, createdAt: writer.now })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
}

/** An evidence file in the store, as the rows that cite it record it: put `detectedType` and
 * `mimeType` in the row (evidence.detected_type / mime_type), not the name's or the browser's. */
export interface StoredFile {
  sha256: string;
  size: number;
  /** The type its bytes were found to be ('pdf', 'docx', …; see src/shared/evidence/evidenceKinds.ts). */
  detectedType: string;
  /** The media type of that detected type. */
  mimeType: string;
}

/**
 * The one way an operation adds evidence: the file `source` names (none when null) is put in the
 * store, durable before `work` runs in one write transaction where it is already registered; a
 * failure anywhere leaves neither rows nor a new file. `field` names the input an empty file is
 * reported against (by default the one that carried it).
 */
export function withEvidenceChanges<T>(
  ctx: ServiceContext,
  actor: Actor,
  source: EvidenceSource,
  work: (writer: ChangeWriter, file: StoredFile) => Promise<T>,
  field?: string,
): Promise<T>;
export function withEvidenceChanges<T>(
  ctx: ServiceContext,
  actor: Actor,
  source: EvidenceSource | null,
  work: (writer: ChangeWriter, file: StoredFile | null) => Promise<T>,
  field?: string,
): Promise<T>;
export async function withEvidenceChanges<T>(
  ctx: ServiceContext,
  actor: Actor,
  source: EvidenceSource | null,
  // Either overload's callback: it gets a file exactly when a source was given.
  work: (writer: ChangeWriter, file: never) => Promise<T>,
  field?: string,
): Promise<T> {
  const save = (file: EvidenceFile | null) =>
    withBlobWriter(ctx.dataDir, async (blobs) => {
      const stored: StoredFile | null = file
        ? {
            sha256: await file.store(blobs),
            size: file.size,
            detectedType: file.type.detectedType,
            mimeType: file.type.mimeType,
          }
        : null;
      return withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
        if (stored) await registerBlob(writer, stored.sha256, stored.size);
        return work(writer, stored as never);
      });
    });
  return source
    ? withEvidenceFile(ctx, source, field ?? (source.uploadId ? 'uploadId' : 'dataBase64'), save)
    : save(null);
}

/**
 * Several files in one write transaction (progress.add: a note with the files handed in with it):
 * each is taken and stored exactly as withEvidenceChanges takes and stores one, all durable before
 * `work` runs; a failure anywhere leaves neither rows nor new files, and keeps every upload.
 */
export async function withEvidenceFilesChanges<T>(
  ctx: ServiceContext,
  actor: Actor,
  sources: EvidenceSource[],
  work: (writer: ChangeWriter, files: StoredFile[]) => Promise<T>,
  field = 'uploadIds',
): Promise<T> {
  const collect = (index: number, taken: EvidenceFile[]): Promise<T> =>
    index < sources.length
      ? withEvidenceFile(ctx, sources[index], field, (file) => collect(index + 1, [...taken, file]))
      : withBlobWriter(ctx.dataDir, async (blobs) => {
          const stored: StoredFile[] = [];
          for (const file of taken)
            stored.push({
              sha256: await file.store(blobs),
              size: file.size,
              detectedType: file.type.detectedType,
              mimeType: file.type.mimeType,
            });
          return withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
            for (const file of stored) await registerBlob(writer, file.sha256, file.size);
            return work(writer, stored);
          });
        });
  return collect(0, []);
}
