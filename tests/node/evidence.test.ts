// Evidence is content-addressed: the same bytes are stored once however often they are cited.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCourt } from './harness';
import { pdfFile } from './evidenceSamples';

function blobFiles(dataDir: string): string[] {
  const root = path.join(dataDir, 'evidence');
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root)
    .flatMap((prefix) => fs.readdirSync(path.join(root, prefix)).map((f) => path.join(prefix, f)));
}

describe('evidence store', () => {
  it('stores identical content once for several items, keeping each original name', async () => {
    const { h, campaign } = await openCourt();
    const a = await h.ok('items.create', { campaignId: campaign.id, title: '廉政教育' });
    const b = await h.ok('items.create', { campaignId: campaign.id, title: '警示教育' });
    const scan = Buffer.concat([pdfFile('签到表'), Buffer.alloc(300_000, 7)]).toString('base64');
    const first = await h.ok('evidence.add', {
      itemId: a.id,
      name: '培训签到表.pdf',
      mimeType: 'application/pdf',
      dataBase64: scan,
    });
    const second = await h.ok('evidence.add', {
      itemId: b.id,
      name: '签到表扫描件.pdf',
      mimeType: 'application/pdf',
      dataBase64: scan,
    });
    expect(second.sha256).toBe(first.sha256);
    expect(blobFiles(h.dataDir)).toEqual([path.join(first.sha256.slice(0, 2), first.sha256)]);
    const sqlite = h.services.ctx.sqlite;
    expect(sqlite.prepare('SELECT count(*) AS n FROM evidence_blobs').get()).toEqual({ n: 1 });
    expect(sqlite.prepare('SELECT original_name FROM evidence ORDER BY change_seq').all()).toEqual([
      { original_name: '培训签到表.pdf' },
      { original_name: '签到表扫描件.pdf' },
    ]);
    const other = await h.ok('evidence.add', {
      itemId: a.id,
      name: '照片.jpg',
      mimeType: 'image/jpeg',
      dataBase64: Buffer.from('不同内容').toString('base64'),
    });
    expect(other.sha256).not.toBe(first.sha256);
    expect(blobFiles(h.dataDir)).toHaveLength(2);
    expect((await h.ok('items.get', { id: a.id })).evidenceCount).toBe(2);
    await h.close();
  });

  it('refuses the same file twice on one item and leaves no half-written rows', async () => {
    const { h, campaign } = await openCourt();
    const a = await h.ok('items.create', { campaignId: campaign.id, title: '廉政教育' });
    const data = Buffer.from('签到表').toString('base64');
    await h.ok('evidence.add', { itemId: a.id, name: '签到表.pdf', dataBase64: data });
    const again = await h.call('evidence.add', { itemId: a.id, name: '签到表（副本）.pdf', dataBase64: data });
    expect(again).toMatchObject({ ok: false, code: 'E_DUPLICATE' });
    expect((again as { message: string }).message).toContain('签到表.pdf');
    expect(h.services.ctx.sqlite.prepare('SELECT count(*) AS n FROM evidence').get()).toEqual({ n: 1 });
    await h.close();
  });
});
