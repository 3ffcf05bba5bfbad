// Evidence files (佐证材料): copied into the data folder, named by their SHA-256 so each content
// is stored once however many items cite it; the original name, size and type are kept in SQLite.
import fs from 'node:fs';
import path from 'node:path';
import type { ParsedInput } from '../../shared/api';
import type { Evidence } from '../../shared/model';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { assertItemWork, toEvidence } from '../checklist/items';
import { assertItemOpen } from '../checklist/closedWork';
import { currentActor, timestamp } from '../court/courtProfile';
import { withChanges, type ChangeWriter } from '../data/ownedRows';
import { blobPath } from './blobStore';
import { withEvidenceChanges, type StoredFile } from './evidenceFiles';
import { openingName, requireEvidenceType } from './evidenceType';

export { blobPath, EVIDENCE_DIR } from './blobStore';
export { registerBlob } from './evidenceFiles';

export async function addEvidence(ctx: ServiceContext, input: ParsedInput<'evidence.add'>): Promise<Evidence> {
  const actor = await currentActor(ctx);
  const row = await withEvidenceChanges(ctx, actor, input, async (writer, file) => {
    const item = await writer.loadOwned('items', input.itemId);
    assertItemOpen(item, '添加佐证材料');
    await assertItemWork(ctx, writer, item);
    return insertItemEvidence(writer, item.id, file, input);
  });
  return toEvidence(row);
}

/**
 * The evidence row of a stored file on an item (evidence.add; progress.add for the files handed in
 * with a note, `noteId`), inside the caller's transaction; refuses a second copy of the same content.
 */
export async function insertItemEvidence(
  writer: ChangeWriter,
  itemId: string,
  file: StoredFile,
  meta: { name: string; mimeType: string; noteId?: string },
) {
  const { sha256, size } = file;
  const duplicate = await writer.trx
    .selectFrom('evidence')
    .select('originalName')
    .where('itemId', '=', itemId)
    .where('sha256', '=', sha256)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
  if (duplicate) {
    throw new ApiError('E_DUPLICATE', `这项事项已有内容相同的佐证材料“${duplicate.originalName}”，无需重复上传。`);
  }
  return writer.insert('evidence', {
    itemId,
    sha256,
    originalName: meta.name,
    size,
    // The type its bytes were found to be (evidenceType.ts), not what the browser said.
    mimeType: file.mimeType,
    detectedType: file.detectedType,
    noteId: meta.noteId ?? null,
  });
}

export async function removeEvidence(
  ctx: ServiceContext,
  input: ParsedInput<'evidence.remove'>,
): Promise<{ id: string }> {
  const actor = await currentActor(ctx);
  // The blob stays: other items or the audit history may still cite it.
  await withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
    const evidence = await writer.loadOwned('evidence', input.id, input.version);
    const item = await writer.loadOwned('items', evidence.itemId);
    assertItemOpen(item, '删除佐证材料');
    await assertItemWork(ctx, writer, item);
    await writer.softDelete('evidence', input.id, input.version);
  });
  return { id: input.id };
}

export async function openEvidence(ctx: ServiceContext, id: string): Promise<{ opened: boolean }> {
  const row = await ctx.db
    .selectFrom('evidence')
    .selectAll()
    .where('id', '=', id)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
  if (!row) throw new ApiError('E_NOT_FOUND', '找不到这份佐证材料，可能已被删除。');
  return openBlobCopy(ctx, row);
}

/**
 * Opens a copy of a stored file under its original name, so the system picks the right viewer —
 * only after the stored bytes pass the same type check as an upload (evidenceType.ts): files from
 * other courts' bundles and files stored before the check existed (detected_type '') included. A
 * refused file is not opened (E_FILE_TYPE, with the reason); a name whose extension would pick a
 * viewer for another type gets the detected type's extension added.
 */
export async function openBlobCopy(
  ctx: ServiceContext,
  row: { sha256: string; originalName: string },
): Promise<{ opened: boolean }> {
  const source = blobPath(ctx.dataDir, row.sha256);
  if (!fs.existsSync(source))
    throw new ApiError('E_FILE_MISSING', `佐证材料“${row.originalName}”的文件不在数据文件夹中，可能随同步包稍后送达。`);
  const type = await requireEvidenceType({ file: source }, path.basename(row.originalName));
  const name = openingName(path.basename(row.originalName), type.detectedType);
  // eslint-disable-next-line no-control-regex -- control characters are not allowed in Windows file names
  const safeName = name.replace(/[<>:"|?*\u0000-\u001f]/g, '_') || 'evidence';
  const copyDir = path.join(ctx.dataDir, 'opened', row.sha256.slice(0, 12));
  fs.mkdirSync(copyDir, { recursive: true });
  const copy = path.join(copyDir, safeName);
  if (!fs.existsSync(copy)) fs.copyFileSync(source, copy);
  return { opened: await ctx.host.openPath(copy) };
}
