// Evidence files as the screens send them: in pieces (files.upload), then the finished upload's id
// to evidence.add, ledger.addEvidence or indicators.recordValue. A file larger than one piece
// arrives byte for byte in the evidence store; unknown, unfinished, foreign and discarded uploads
// are refused in Chinese; staged uploads go once used, and abandoned ones at the next start.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UPLOAD_CHUNK_BYTES } from '../../src/shared/api';
import { blobPath } from '../../src/main/evidence/blobStore';
import { ABANDONED_AFTER_MS, receiveChunk, removeAbandonedUploads, UPLOADS_DIR } from '../../src/main/uploads/uploads';
import { openCourt } from './harness';
import { expectFailure, uploadFile } from './apiCases/shared';
import { pdfFile } from './evidenceSamples';

type Court = Awaited<ReturnType<typeof openCourt>>;
const open: Court[] = [];
afterEach(async () => {
  for (const fx of open.splice(0)) await fx.h.close();
});

async function court(): Promise<Court> {
  const fx = await openCourt();
  open.push(fx);
  return fx;
}

/** A scanned PDF bigger than one piece, of content no other test uses (the type check reads the bytes). */
function scan(bytes = UPLOAD_CHUNK_BYTES + 1_234_567): Buffer {
  const header = pdfFile('扫描件');
  return Buffer.concat([header, crypto.randomBytes(bytes - header.length)]);
}

const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');
const stagedFiles = (dataDir: string) =>
  fs.existsSync(path.join(dataDir, UPLOADS_DIR)) ? fs.readdirSync(path.join(dataDir, UPLOADS_DIR)) : [];

/** The stored file's own hash, read back from the evidence store. */
function storedHash(dataDir: string, digest: string): string {
  return sha256(fs.readFileSync(blobPath(dataDir, digest)));
}

describe('evidence sent in pieces', () => {
  it('a file of two pieces added to an item arrives byte for byte, and its staged copy is removed', async () => {
    const { h, campaign } = await court();
    const item = await h.ok('items.create', { campaignId: campaign.id, title: '廉政教育' });
    const bytes = scan();
    const uploadId = await uploadFile(h, bytes, '培训签到表.pdf');
    expect(stagedFiles(h.dataDir)).toHaveLength(2);
    const evidence = await h.ok('evidence.add', {
      itemId: item.id,
      name: '培训签到表.pdf',
      mimeType: 'application/pdf',
      uploadId,
    });
    expect(evidence).toMatchObject({ originalName: '培训签到表.pdf', size: bytes.length, sha256: sha256(bytes) });
    expect(storedHash(h.dataDir, evidence.sha256)).toBe(sha256(bytes));
    expect(stagedFiles(h.dataDir)).toEqual([]);
    // Used once: the same id cannot be stored again.
    expectFailure(
      await h.call('evidence.add', { itemId: item.id, name: '再来一次.pdf', uploadId }),
      'E_NOT_FOUND',
      /重新选择文件/,
    );
  });

  it('a file of two pieces added to a ledger measure arrives byte for byte', async () => {
    const { h, campaign } = await court();
    const finding = await h.ok('ledger.createFinding', {
      campaignId: campaign.id,
      source: 'self_inspection',
      title: '卷宗归档不及时',
    });
    const measure = await h.ok('ledger.createMeasure', { findingId: finding.id, text: '每月通报归档情况' });
    const bytes = scan();
    const evidence = await h.ok('ledger.addEvidence', {
      measureId: measure.id,
      phase: 'before',
      name: '整改前卷宗照片.jpg',
      mimeType: 'image/jpeg',
      uploadId: await uploadFile(h, bytes),
    });
    expect(evidence).toMatchObject({ phase: 'before', size: bytes.length, sha256: sha256(bytes) });
    expect(storedHash(h.dataDir, evidence.sha256)).toBe(sha256(bytes));
    expect(stagedFiles(h.dataDir)).toEqual([]);
  });

  it('a file of three pieces attached to an indicator value arrives byte for byte', async () => {
    const { h, campaign } = await court();
    const indicator = await h.ok('indicators.create', {
      campaignId: campaign.id,
      name: '当场立案率',
      line: 'filing',
      unit: 'percent',
      direction: 'up',
      target: 95,
      period: 'monthly',
    });
    const bytes = scan(2 * UPLOAD_CHUNK_BYTES + 10);
    const uploadId = await uploadFile(h, bytes, '十月立案统计.pdf');
    const row = await h.ok('indicators.recordValue', {
      indicatorId: indicator.id,
      period: '2026-10',
      value: 96.1,
      evidence: { name: '十月立案统计.pdf', uploadId },
    });
    const value = row.values.find((v) => v.period === '2026-10')!;
    expect(value.evidenceName).toBe('十月立案统计.pdf');
    const stored = h.services.ctx.sqlite
      .prepare('SELECT evidence_sha256 AS sha FROM indicator_values WHERE id = ?')
      .get(value.id) as { sha: string };
    expect(stored.sha).toBe(sha256(bytes));
    expect(storedHash(h.dataDir, stored.sha)).toBe(sha256(bytes));
    expect(stagedFiles(h.dataDir)).toEqual([]);
  });

  it('refuses unknown, unfinished and other people’s uploads in Chinese, and keeps an upload whose use failed', async () => {
    const { h, campaign } = await court();
    const item = await h.ok('items.create', { campaignId: campaign.id, title: '廉政教育' });
    expectFailure(
      await h.call('evidence.add', {
        itemId: item.id,
        name: 'x.pdf',
        uploadId: '0190f0e4-0000-4000-8000-000000000000',
      }),
      'E_NOT_FOUND',
      /找不到这次上传的文件/,
    );
    const unfinished = await uploadFile(h, scan(), '未传完.pdf', { final: false });
    expectFailure(
      await h.call('evidence.add', { itemId: item.id, name: '未传完.pdf', uploadId: unfinished }),
      'E_UNFINISHED',
      /还没有上传完/,
    );
    // Another account's upload is not found for this one.
    const theirs = await uploadFile(h, Buffer.from('管理员的文件'));
    await h.addUser({ username: 'chenzr', displayName: '陈主任', roles: ['reviewer'] });
    expectFailure(
      await h.as('chenzr').call('evidence.add', { itemId: item.id, name: 'x.pdf', uploadId: theirs }),
      'E_NOT_FOUND',
    );
    // A refused add (the same content twice) keeps the upload for the window to discard.
    await h.ok('evidence.add', {
      itemId: item.id,
      name: '原件.pdf',
      dataBase64: Buffer.from('管理员的文件').toString('base64'),
    });
    expectFailure(
      await h.call('evidence.add', { itemId: item.id, name: '副本.pdf', uploadId: theirs }),
      'E_DUPLICATE',
      /原件\.pdf/,
    );
    expect(stagedFiles(h.dataDir)).toContain(`${theirs}.part`);
    expect(await h.ok('files.discardUpload', { uploadId: theirs })).toEqual({ discarded: true });
    expect(stagedFiles(h.dataDir)).not.toContain(`${theirs}.part`);
    // An empty upload is refused as an empty file.
    const empty = await h.ok('files.upload', { uploadId: null, fileName: '空.pdf', chunkBase64: '', final: true });
    expectFailure(
      await h.call('evidence.add', { itemId: item.id, name: '空.pdf', uploadId: empty.uploadId }),
      'E_INVALID',
      /文件是空的/,
    );
  });

  it('a discarded upload is gone: its files are removed and it can be neither continued nor used', async () => {
    const { h, campaign } = await court();
    const item = await h.ok('items.create', { campaignId: campaign.id, title: '廉政教育' });
    const first = await h.ok('files.upload', {
      uploadId: null,
      fileName: '放弃.pdf',
      chunkBase64: Buffer.from('前半').toString('base64'),
      final: false,
    });
    expect(await h.ok('files.discardUpload', { uploadId: first.uploadId })).toEqual({ discarded: true });
    expect(stagedFiles(h.dataDir)).toEqual([]);
    expectFailure(
      await h.call('files.upload', {
        uploadId: first.uploadId,
        fileName: '放弃.pdf',
        chunkBase64: Buffer.from('后半').toString('base64'),
        final: true,
      }),
      'E_NOT_FOUND',
    );
    expectFailure(
      await h.call('evidence.add', { itemId: item.id, name: '放弃.pdf', uploadId: first.uploadId }),
      'E_NOT_FOUND',
      /重新选择文件/,
    );
    expect((await h.ok('items.get', { id: item.id })).evidence).toEqual([]);
  });

  it('an upload growing past its limit is removed and refused', async () => {
    const { h } = await court();
    const ctx = { ...h.services.ctx, user: null };
    const small = { name: 'evidence' as const, maxBytes: 10, tooLarge: '单个佐证材料不能超过 10 字节。' };
    const { uploadId } = receiveChunk(ctx, small, {
      uploadId: null,
      fileName: 'a.pdf',
      chunkBase64: Buffer.from('12345678').toString('base64'),
      final: false,
    });
    expect(() =>
      receiveChunk(ctx, small, {
        uploadId,
        fileName: 'a.pdf',
        chunkBase64: Buffer.from('abc').toString('base64'),
        final: true,
      }),
    ).toThrow(/不能超过 10 字节/);
    expect(stagedFiles(h.dataDir)).toEqual([]);
  });

  it('an evidence upload cannot be imported as a bundle', async () => {
    const { h } = await court();
    const uploadId = await uploadFile(h, Buffer.from('PK 不是同步包'));
    expectFailure(await h.call('sync.preview', { uploadId }), 'E_NOT_FOUND');
    expectFailure(await h.call('sync.import', { uploadId }), 'E_NOT_FOUND');
  });
});

describe('abandoned uploads', () => {
  it('removeAbandonedUploads removes uploads nothing was added to for a day, here and where bundles were staged before', async () => {
    const { h } = await court();
    const old = await h.ok('files.upload', {
      uploadId: null,
      fileName: '崩溃前.pdf',
      chunkBase64: Buffer.from('前半').toString('base64'),
      final: false,
    });
    const fresh = await h.ok('files.upload', {
      uploadId: null,
      fileName: '正在传.pdf',
      chunkBase64: Buffer.from('前半').toString('base64'),
      final: false,
    });
    const legacyDir = path.join(h.dataDir, 'sync', 'incoming');
    fs.mkdirSync(legacyDir, { recursive: true });
    fs.writeFileSync(path.join(legacyDir, '0190f0e4-0000-4000-8000-000000000000.bundle'), 'PK');
    fs.writeFileSync(path.join(legacyDir, '0190f0e4-0000-4000-8000-000000000000.json'), '{}');
    const now = Date.now();
    const dayAndAMinuteAgo = new Date(now - ABANDONED_AFTER_MS - 60_000);
    for (const name of [`${old.uploadId}.json`, `${old.uploadId}.part`])
      fs.utimesSync(path.join(h.dataDir, UPLOADS_DIR, name), dayAndAMinuteAgo, dayAndAMinuteAgo);
    for (const name of fs.readdirSync(legacyDir))
      fs.utimesSync(path.join(legacyDir, name), dayAndAMinuteAgo, dayAndAMinuteAgo);
    // An upload whose record is old but whose data just grew is still in progress.
    const slow = await h.ok('files.upload', {
      uploadId: null,
      fileName: '慢慢传.pdf',
      chunkBase64: Buffer.from('前半').toString('base64'),
      final: false,
    });
    fs.utimesSync(path.join(h.dataDir, UPLOADS_DIR, `${slow.uploadId}.json`), dayAndAMinuteAgo, dayAndAMinuteAgo);

    expect(removeAbandonedUploads(h.dataDir, now)).toBe(4);
    expect(stagedFiles(h.dataDir).sort()).toEqual(
      [`${fresh.uploadId}.json`, `${fresh.uploadId}.part`, `${slow.uploadId}.json`, `${slow.uploadId}.part`].sort(),
    );
    expect(fs.readdirSync(legacyDir)).toEqual([]);
    expectFailure(
      await h.call('files.upload', { uploadId: old.uploadId, fileName: '崩溃前.pdf', chunkBase64: '', final: true }),
      'E_NOT_FOUND',
    );
    // A data folder that never had an upload is fine.
    expect(removeAbandonedUploads(path.join(h.dataDir, 'nowhere'))).toBe(0);
  });
});
