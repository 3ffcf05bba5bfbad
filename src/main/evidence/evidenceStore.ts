// Evidence files (佐证材料): copied into the data folder, named by their SHA-256 so each content
// is stored once however many items cite it; the original name, size and type are kept in SQLite.
import fs from 'node:fs';
import path from 'node:path';
import type { ParsedInput } from '../../shared/api';
import type { Evidence } from '../../shared/model';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { assertItemWork, toEvidence } from '../checklist/items';
import { currentActor, timestamp } from '../court/courtProfile';
import { withChanges } from '../data/ownedRows';
import { blobPath } from './blobStore';
import { withEvidenceChanges } from './evidenceFiles';

export { blobPath, EVIDENCE_DIR } from './blobStore';
export { registerBlob } from './evidenceFiles';

export async function addEvidence(ctx: ServiceContext, input: ParsedInput<'evidence.add'>): Promise<Evidence> {
  const actor = await currentActor(ctx);
  const row = await withEvidenceChanges(ctx, actor, input, async (writer, file) => {
    const { sha256, size } = file;
    const item = await writer.loadOwned('items', input.itemId);
    await assertItemWork(ctx, writer, item);
    const duplicate = await writer.trx
      .selectFrom('evidence')
      .select('originalName')
      .where('itemId', '=', item.id)
      .where('sha256', '=', sha256)
      .where('deletedAt', 'is', null)
      .executeTakeFirst();
    if (duplicate) {
      throw new ApiError('E_DUPLICATE', `这项事项已有内容相同的佐证材料“${duplicate.originalName}”，无需重复上传。`);
    }
    return writer.insert('evidence', {
      itemId: item.id,
      sha256,
      originalName: input.name,
      size,
      mimeType: input.mimeType || 'application/octet-stream',
    });
  });
  return toEvidence(row);
}

export async function removeEvidence(
  ctx: ServiceContext,
  input: ParsedInput<'evidence.remove'>,
): Promise<{ id: string }> {
  const actor = await currentActor(ctx);
  // The blob stays: other items or the audit history may still cite it.
  await withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
    const evidence = await writer.loadOwned('evidence', input.id, input.version);
    await assertItemWork(ctx, writer, await writer.loadOwned('items', evidence.itemId));
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

/** Opens a copy of a stored file under its original name, so the system picks the right viewer. */
export async function openBlobCopy(
  ctx: ServiceContext,
  row: { sha256: string; originalName: string },
): Promise<{ opened: boolean }> {
  const source = blobPath(ctx.dataDir, row.sha256);
  if (!fs.existsSync(source))
    throw new ApiError('E_FILE_MISSING', `佐证材料“${row.originalName}”的文件不在数据文件夹中，可能随同步包稍后送达。`);
  // eslint-disable-next-line no-control-regex -- control characters are not allowed in Windows file names
  const safeName = path.basename(row.originalName).replace(/[<>:"|?*\u0000-\u001f]/g, '_') || 'evidence';
  const copyDir = path.join(ctx.dataDir, 'opened', row.sha256.slice(0, 12));
  fs.mkdirSync(copyDir, { recursive: true });
  const copy = path.join(copyDir, safeName);
  if (!fs.existsSync(copy)) fs.copyFileSync(source, copy);
  return { opened: await ctx.host.openPath(copy) };
}
