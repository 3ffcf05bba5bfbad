// Evidence files sent in pieces (files.upload) and given up (files.discardUpload): good and bad
// input for each. Files through the three operations that use them: tests/node/evidenceUploads.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { UPLOAD_CHUNK_BYTES } from '../../../src/shared/api';
import { base64, expectFailure, secondReviewer, uploadFile, withItem, type OperationCases } from './shared';

const staged = (dataDir: string) =>
  fs.existsSync(path.join(dataDir, 'uploads')) ? fs.readdirSync(path.join(dataDir, 'uploads')).sort() : [];

export const uploadCases: OperationCases<'files.upload' | 'files.discardUpload'> = {
  'files.upload': {
    good: async (fx) => {
      const first = await fx.h.ok('files.upload', {
        uploadId: null,
        fileName: '签到表.pdf',
        chunkBase64: base64('%PDF-1.4 '),
        final: false,
      });
      const second = await fx.h.ok('files.upload', {
        uploadId: first.uploadId,
        fileName: '签到表.pdf',
        chunkBase64: base64('签到'),
        final: true,
      });
      expect(second).toEqual({ uploadId: first.uploadId, bytes: Buffer.byteLength('%PDF-1.4 签到') });
      expect(staged(fx.h.dataDir)).toEqual([`${first.uploadId}.json`, `${first.uploadId}.part`]);
      // The finished upload is what evidence.add stores; the staged copy goes once it is used.
      const item = await withItem(fx);
      const evidence = await fx.h.ok('evidence.add', {
        itemId: item.id,
        name: '签到表.pdf',
        mimeType: 'application/pdf',
        uploadId: first.uploadId,
      });
      expect(evidence).toMatchObject({ originalName: '签到表.pdf', size: Buffer.byteLength('%PDF-1.4 签到') });
      expect(staged(fx.h.dataDir)).toEqual([]);
    },
    bad: async (fx) => {
      // A finished upload takes no more pieces; an unknown one takes none.
      const uploadId = await uploadFile(fx.h, Buffer.from('内容'));
      expectFailure(
        await fx.h.call('files.upload', { uploadId, fileName: 'a.pdf', chunkBase64: base64('x'), final: true }),
        'E_NOT_FOUND',
        /重新选择文件/,
      );
      expectFailure(
        await fx.h.call('files.upload', {
          uploadId: '0190f0e4-0000-4000-8000-000000000000',
          fileName: 'a.pdf',
          chunkBase64: '',
          final: true,
        }),
        'E_NOT_FOUND',
      );
      // A piece over the chunk size, base64 with a line break, a path for a name.
      const tooBig = Buffer.alloc(UPLOAD_CHUNK_BYTES + 3).toString('base64');
      expectFailure(
        await fx.h.call('files.upload', { uploadId: null, fileName: 'a.pdf', chunkBase64: tooBig, final: true }),
        'E_INVALID',
        /每次上传的数据过大/,
      );
      expectFailure(
        await fx.h.call('files.upload', { uploadId: null, fileName: 'a.pdf', chunkBase64: 'aGVs\nbG8=', final: true }),
        'E_INVALID',
        /base64/,
      );
      expectFailure(
        await fx.h.call('files.upload', {
          uploadId: null,
          fileName: '../a.pdf',
          chunkBase64: base64('x'),
          final: true,
        }),
        'E_INVALID',
        /路径符号/,
      );
      // Another account cannot add to (or use) this person's upload; one without a role may not upload.
      const open = (
        await fx.h.ok('files.upload', { uploadId: null, fileName: 'a.pdf', chunkBase64: base64('x'), final: false })
      ).uploadId;
      const other = await secondReviewer(fx);
      expectFailure(
        await other.call('files.upload', { uploadId: open, fileName: 'a.pdf', chunkBase64: base64('y'), final: true }),
        'E_NOT_FOUND',
      );
      expectFailure(
        await fx.h
          .as('nobody')
          .call('files.upload', { uploadId: null, fileName: 'a.pdf', chunkBase64: base64('y'), final: true }),
        'E_LOGIN_REQUIRED',
      );
    },
  },
  'files.discardUpload': {
    good: async (fx) => {
      const uploadId = await uploadFile(fx.h, Buffer.from('不要了'));
      expect(await fx.h.ok('files.discardUpload', { uploadId })).toEqual({ discarded: true });
      expect(staged(fx.h.dataDir)).toEqual([]);
      const item = await withItem(fx);
      expectFailure(
        await fx.h.call('evidence.add', { itemId: item.id, name: 'x.pdf', uploadId }),
        'E_NOT_FOUND',
        /重新选择文件/,
      );
      expect(await fx.h.ok('files.discardUpload', { uploadId })).toEqual({ discarded: false });
    },
    bad: async (fx) => {
      expectFailure(await fx.h.call('files.discardUpload', { uploadId: '../../court' }), 'E_INVALID', /上传编号/);
      // A bundle upload is not an evidence upload: files.discardUpload leaves it alone.
      const bundle = await fx.h.ok('sync.upload', {
        uploadId: null,
        fileName: '上报包.dtsync',
        chunkBase64: base64('PK'),
        final: true,
      });
      expect(await fx.h.ok('files.discardUpload', { uploadId: bundle.uploadId })).toEqual({ discarded: false });
      expect(staged(fx.h.dataDir)).toHaveLength(2);
    },
  },
};
