// Bundle files chosen in the window arrive in pieces (sync.upload), because the renderer has no
// file system. They are staged under sync/incoming/ by an id the server chose, and previewed and
// imported from there. Nothing here touches the database.
import fs from 'node:fs';
import path from 'node:path';
import { v4 as uuidv4 } from 'uuid';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { DEFAULT_LIMITS } from './format/limits';
import { syncPath } from './syncHistory';

interface UploadMeta {
  fileName: string;
  complete: boolean;
}

function files(dataDir: string, uploadId: string) {
  const dir = syncPath(dataDir, 'incoming');
  return { dir, data: path.join(dir, `${uploadId}.bundle`), meta: path.join(dir, `${uploadId}.json`) };
}

export function receiveChunk(
  ctx: ServiceContext,
  input: { uploadId: string | null; fileName: string; chunkBase64: string; final: boolean },
): { uploadId: string; bytes: number } {
  const uploadId = input.uploadId ?? uuidv4();
  const paths = files(ctx.dataDir, uploadId);
  if (input.uploadId) {
    const meta = readMeta(paths.meta);
    if (!meta || meta.complete) throw new ApiError('E_NOT_FOUND', '找不到这次上传，请重新选择文件。');
  } else {
    fs.mkdirSync(paths.dir, { recursive: true });
    fs.writeFileSync(paths.meta, JSON.stringify({ fileName: input.fileName, complete: false } satisfies UploadMeta));
    fs.writeFileSync(paths.data, Buffer.alloc(0));
  }
  const chunk = Buffer.from(input.chunkBase64, 'base64');
  const size = fs.statSync(paths.data).size + chunk.length;
  if (size > DEFAULT_LIMITS.maxTotalBytes) {
    discardUpload(ctx, uploadId);
    throw new ApiError('E_TOO_LARGE', '文件过大，超出同步包的大小上限。');
  }
  fs.appendFileSync(paths.data, chunk);
  if (input.final) fs.writeFileSync(paths.meta, JSON.stringify({ fileName: input.fileName, complete: true } satisfies UploadMeta));
  return { uploadId, bytes: size };
}

function readMeta(file: string): UploadMeta | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as UploadMeta;
  } catch {
    return null;
  }
}

/** The staged file of a finished upload and the name the person chose. */
export function uploadedFile(ctx: ServiceContext, uploadId: string): { file: string; fileName: string } {
  const paths = files(ctx.dataDir, uploadId);
  const meta = readMeta(paths.meta);
  if (!meta || !meta.complete || !fs.existsSync(paths.data)) throw new ApiError('E_NOT_FOUND', '找不到上传的文件，请重新选择。');
  return { file: paths.data, fileName: meta.fileName };
}

export function discardUpload(ctx: ServiceContext, uploadId: string): boolean {
  const paths = files(ctx.dataDir, uploadId);
  const existed = fs.existsSync(paths.meta);
  fs.rmSync(paths.data, { force: true });
  fs.rmSync(paths.meta, { force: true });
  return existed;
}
