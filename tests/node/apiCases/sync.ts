// Sync operations (同步): good and bad input for each, through dispatch; export, publish, preview
// and import run in the worker thread as they do in the app. Behaviour in depth: tests/node/sync/.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { JobStatus } from '../../../src/shared/model';
import type { SyncOperation } from '../../../src/main/sync/syncHandlers';
import { ADMIN, openHarness, tempDir } from '../harness';
import { expectFailure, type Fixture, type OperationCases } from './shared';

async function finished(fx: Fixture, jobId: string): Promise<JobStatus> {
  const status = await fx.h.services.ctx.jobs.waitFor(jobId);
  return status!;
}

/** A package down from the parent court J23, uploaded into the fixture court. */
async function uploadParentPackage(fx: Fixture): Promise<{ uploadId: string; fingerprint: string }> {
  const high = await openHarness();
  try {
    await high.ok('court.setup', {
      profile: { name: '黑龙江省高级人民法院', code: 'J23', level: 'high', operatorName: '李处长' },
      admin: ADMIN,
    });
    const campaign = await high.ok('campaigns.create', { title: '执行攻坚', year: 2026 });
    await high.ok('items.create', {
      campaignId: campaign.id,
      title: '清理长期未结执行案件',
      kind: 'mandatory',
      deadline: '2026-12-31',
    });
    const folder = tempDir('court-package-');
    const job = await high.ok('sync.publish', { campaignId: campaign.id, folder });
    const status = await high.services.ctx.jobs.waitFor(job.jobId);
    expect(status?.state, status?.error ?? '').toBe('done');
    const report = status!.result!.kind === 'syncExport' ? status!.result!.report : null;
    const bytes = fs.readFileSync(report!.filePath);
    const { uploadId } = await fx.h.ok('sync.upload', {
      uploadId: null,
      fileName: report!.fileName,
      chunkBase64: bytes.toString('base64'),
      final: true,
    });
    return { uploadId, fingerprint: (await high.ok('sync.overview')).fingerprint };
  } finally {
    await high.close();
  }
}

export const syncCases: OperationCases<SyncOperation> = {
  'sync.overview': {
    good: async ({ h }) => {
      const overview = await h.ok('sync.overview');
      expect(overview.court).toMatchObject({ code: 'J2301', parentCode: 'J23' });
      expect(overview.fingerprint).toMatch(/^\d{5}( \d{5}){7}$/);
      expect(overview).toMatchObject({ nextSeq: 1, parent: null, lastExport: null, pendingRelays: 0 });
      expect(overview.pendingChanges).toBeGreaterThan(0);
    },
    bad: async ({ h }) => {
      expectFailure(await h.call('sync.overview', { folder: '/' } as never), 'E_INVALID');
    },
  },
  'sync.export': {
    good: async (fx) => {
      const folder = tempDir('court-export-');
      const job = await fx.h.ok('sync.export', { folder, full: false });
      const status = await finished(fx, job.jobId);
      expect(status.state, status.error ?? '').toBe('done');
      expect(status.result).toMatchObject({
        kind: 'syncExport',
        report: { seq: 1, kind: 'report_up', encrypted: false },
      });
      expect(fs.readdirSync(folder)).toEqual([
        expect.stringMatching(/^J2301_龙江县人民法院_上报包_第0001号_20261124\.dtsync$/),
      ]);
      expect((await fx.h.ok('sync.overview')).nextSeq).toBe(2);
    },
    bad: async (fx) => {
      expectFailure(await fx.h.call('sync.export', { folder: '  ' }), 'E_INVALID', /请选择保存文件的文件夹/);
      const job = await fx.h.ok('sync.export', { folder: path.join(tempDir(), '拔掉的U盘'), full: false });
      const status = await finished(fx, job.jobId);
      expect(status).toMatchObject({ state: 'failed', errorCode: 'E_NO_FOLDER' });
      expect(status.error).toMatch(/找不到文件夹/);
    },
  },
  'sync.publish': {
    good: async (fx) => {
      await fx.h.ok('items.create', { campaignId: fx.campaign.id, title: '规定动作', kind: 'mandatory' });
      const folder = tempDir('court-publish-');
      const status = await finished(fx, (await fx.h.ok('sync.publish', { campaignId: fx.campaign.id, folder })).jobId);
      expect(status.state, status.error ?? '').toBe('done');
      expect(status.result).toMatchObject({
        kind: 'syncExport',
        report: { kind: 'package_down', full: true, target: { code: '*' } },
      });
    },
    bad: async (fx) => {
      expectFailure(await fx.h.call('sync.publish', { campaignId: 'not-an-id', folder: tempDir() }), 'E_INVALID');
    },
  },
  'sync.upload': {
    good: async ({ h }) => {
      const first = await h.ok('sync.upload', {
        uploadId: null,
        fileName: '上报包.dtsync',
        chunkBase64: Buffer.from('PK').toString('base64'),
        final: false,
      });
      const second = await h.ok('sync.upload', {
        uploadId: first.uploadId,
        fileName: '上报包.dtsync',
        chunkBase64: Buffer.from('12345').toString('base64'),
        final: true,
      });
      expect(second).toEqual({ uploadId: first.uploadId, bytes: 7 });
    },
    bad: async ({ h }) => {
      expectFailure(
        await h.call('sync.upload', {
          uploadId: '0190f0e4-0000-4000-8000-000000000000',
          fileName: 'x.dtsync',
          chunkBase64: '',
          final: true,
        }),
        'E_NOT_FOUND',
      );
      expectFailure(
        await h.call('sync.upload', { uploadId: null, fileName: '../x.dtsync', chunkBase64: '', final: true }),
        'E_INVALID',
        /路径符号/,
      );
    },
  },
  'sync.discardUpload': {
    good: async ({ h }) => {
      const { uploadId } = await h.ok('sync.upload', {
        uploadId: null,
        fileName: 'a.dtsync',
        chunkBase64: 'UEs=',
        final: true,
      });
      expect(await h.ok('sync.discardUpload', { uploadId })).toEqual({ discarded: true });
      expectFailure(await h.call('sync.preview', { uploadId }), 'E_NOT_FOUND');
    },
    bad: async ({ h }) => {
      expectFailure(await h.call('sync.discardUpload', { uploadId: '../../court' }), 'E_INVALID');
    },
  },
  'sync.preview': {
    good: async (fx) => {
      const { uploadId, fingerprint } = await uploadParentPackage(fx);
      const status = await finished(fx, (await fx.h.ok('sync.preview', { uploadId })).jobId);
      expect(status.state, status.error ?? '').toBe('done');
      expect(status.result).toMatchObject({
        kind: 'syncPreview',
        report: { dryRun: true, needsTrust: [{ code: 'J23', fingerprint }], materialized: { added: 1 } },
      });
    },
    bad: async (fx) => {
      expectFailure(
        await fx.h.call('sync.preview', { uploadId: '0190f0e4-0000-4000-8000-000000000000' }),
        'E_NOT_FOUND',
        /重新选择/,
      );
      const { uploadId } = await fx.h.ok('sync.upload', {
        uploadId: null,
        fileName: '通知.txt',
        chunkBase64: Buffer.from('不是同步包').toString('base64'),
        final: true,
      });
      const status = await finished(fx, (await fx.h.ok('sync.preview', { uploadId })).jobId);
      expect(status).toMatchObject({ state: 'failed', errorCode: 'E_NOT_BUNDLE' });
    },
  },
  'sync.import': {
    good: async (fx) => {
      const { uploadId, fingerprint } = await uploadParentPackage(fx);
      const status = await finished(fx, (await fx.h.ok('sync.import', { uploadId, trust: [fingerprint] })).jobId);
      expect(status.state, status.error ?? '').toBe('done');
      expect(status.result).toMatchObject({
        kind: 'syncImport',
        report: { outcome: 'imported', materialized: { added: 1 } },
      });
      expect((await fx.h.ok('sync.history'))[0]).toMatchObject({ direction: 'import', result: 'ok', courtCode: 'J23' });
    },
    bad: async (fx) => {
      expectFailure(
        await fx.h.call('sync.import', { uploadId: '0190f0e4-0000-4000-8000-000000000000', trust: ['12345'] }),
        'E_INVALID',
        /40 位数字/,
      );
      expectFailure(
        await fx.h.call('sync.import', { uploadId: '0190f0e4-0000-4000-8000-000000000000', addToRoster: ['不是代码'] }),
        'E_INVALID',
      );
      const { uploadId } = await uploadParentPackage(fx);
      const status = await finished(fx, (await fx.h.ok('sync.import', { uploadId })).jobId);
      expect(status).toMatchObject({ state: 'failed', errorCode: 'E_UNTRUSTED' });
    },
  },
  'sync.trusted': {
    good: async (fx) => {
      expect(await fx.h.ok('sync.trusted')).toEqual([]);
      const { uploadId, fingerprint } = await uploadParentPackage(fx);
      await finished(fx, (await fx.h.ok('sync.import', { uploadId, trust: [fingerprint] })).jobId);
      expect(await fx.h.ok('sync.trusted')).toEqual([
        expect.objectContaining({ code: 'J23', relation: 'superior', fingerprint, trustedBy: '王书记员（admin）' }),
      ]);
    },
    bad: async ({ h }) => {
      expectFailure(await h.call('sync.trusted', [] as never), 'E_INVALID');
    },
  },
  'sync.untrust': {
    good: async (fx) => {
      const { uploadId, fingerprint } = await uploadParentPackage(fx);
      await finished(fx, (await fx.h.ok('sync.import', { uploadId, trust: [fingerprint] })).jobId);
      expect(await fx.h.ok('sync.untrust', { code: 'J23' })).toEqual({ code: 'J23' });
      expect(await fx.h.ok('sync.trusted')).toEqual([]);
    },
    bad: async ({ h }) => {
      expectFailure(await h.call('sync.untrust', { code: 'J99' }), 'E_NOT_FOUND');
      expectFailure(await h.call('sync.untrust', { code: 'j23' }), 'E_INVALID');
    },
  },
  'sync.history': {
    good: async (fx) => {
      expect(await fx.h.ok('sync.history')).toEqual([]);
      await finished(fx, (await fx.h.ok('sync.export', { folder: tempDir(), full: true })).jobId);
      expect(await fx.h.ok('sync.history', { limit: 5 })).toEqual([
        expect.objectContaining({ direction: 'export', kind: 'report_up', seq: 1, result: 'ok', courtCode: 'J23' }),
      ]);
    },
    bad: async ({ h }) => {
      expectFailure(await h.call('sync.history', { limit: 0 }), 'E_INVALID');
    },
  },
  'sync.subordinates': {
    good: async ({ h }) => {
      expect(await h.ok('sync.subordinates')).toEqual([]);
    },
    bad: async ({ h }) => {
      expectFailure(await h.as('nobody').call('sync.subordinates'), 'E_LOGIN_REQUIRED');
    },
  },
  'sync.packageReach': {
    good: async ({ h, campaign }) => {
      const reach = await h.ok('sync.packageReach', { campaignId: campaign.id });
      expect(reach).toMatchObject({ campaignId: campaign.id, campaignTitle: campaign.title, packages: [], courts: [] });
    },
    bad: async ({ h }) => {
      const missing = await h.call('sync.packageReach', { campaignId: '0190a0b0-0000-7000-8000-000000000000' });
      expectFailure(missing, 'E_NOT_FOUND');
      expectFailure(await h.call('sync.packageReach', {} as never), 'E_INVALID');
    },
  },
};
