// 恢复包: good and bad input for every recovery operation. The recovery itself is tested in depth
// by tests/node/recovery.test.ts.
import fs from 'node:fs';
import { expect } from 'vitest';
import type { JobStatus } from '../../../src/shared/model';
import type { RecoveryOperation } from '../../../src/main/recovery/recoveryHandlers';
import { ADMIN, openHarness, tempDir, type Caller, type Harness } from '../harness';
import { expectFailure, type OperationCases } from './shared';

const HIGH = { name: '黑龙江省高级人民法院', code: 'J23', level: 'high' as const, operatorName: '李处长' };
const BASIC = {
  name: '龙江县人民法院',
  code: 'J2301',
  level: 'basic' as const,
  parentCode: 'J23',
  parentName: '黑龙江省高级人民法院',
  operatorName: '王书记员',
};

async function finished(h: Harness, jobId: string): Promise<JobStatus> {
  return (await h.services.ctx.jobs.waitFor(jobId))!;
}

async function upload(caller: Caller, file: string): Promise<string> {
  const { uploadId } = await caller.ok('recovery.upload', {
    uploadId: null,
    fileName: file.split('/').pop()!,
    chunkBase64: fs.readFileSync(file).toString('base64'),
    final: true,
  });
  return uploadId;
}

/** A fresh installation (no court) with its 恢复申请 written; closed by the caller. */
async function freshRequest(code = BASIC.code, name = BASIC.name) {
  const fresh = await openHarness();
  const request = await fresh.ok('recovery.request', {
    courtCode: code,
    courtName: name,
    folder: tempDir('court-req-'),
  });
  return { fresh, request };
}

/** A high court that holds a basic court's report, the basic court's folder lost, a fresh
 * installation's request: the three parties of a recovery, through dispatch. */
async function recoveryParties() {
  const high = await openHarness();
  const basic = await openHarness();
  await high.ok('court.setup', { profile: HIGH, admin: ADMIN });
  await basic.ok('court.setup', { profile: BASIC, admin: ADMIN });
  await basic.ok('campaigns.create', { title: '清廉法院建设', year: 2026 });
  const folder = tempDir('court-up-');
  const exported = await finished(basic, (await basic.ok('sync.export', { folder, full: false })).jobId);
  const report = exported.result!.kind === 'syncExport' ? exported.result!.report : null;
  const basicFp = (await basic.ok('sync.overview')).fingerprint;
  const { uploadId } = await high.ok('sync.upload', {
    uploadId: null,
    fileName: report!.fileName,
    chunkBase64: fs.readFileSync(report!.filePath).toString('base64'),
    final: true,
  });
  const imported = await finished(
    high,
    (await high.ok('sync.import', { uploadId, trust: [basicFp], addToRoster: [BASIC.code] })).jobId,
  );
  expect(imported.state, imported.error ?? '').toBe('done');
  await basic.close();
  const { fresh, request } = await freshRequest();
  const close = async () => {
    await high.close();
    await fresh.close();
  };
  return { high, fresh, request, highFp: (await high.ok('sync.overview')).fingerprint, close };
}

/** The parties with the 恢复包 made by the high court. */
async function withPackage() {
  const parties = await recoveryParties();
  const uploadId = await upload(parties.high, parties.request.path);
  const job = await parties.high.ok('recovery.export', {
    uploadId,
    fingerprint: parties.request.fingerprint,
    folder: tempDir('court-rec-'),
  });
  const status = await finished(parties.high, job.jobId);
  expect(status.state, status.error ?? '').toBe('done');
  const file = status.result!.kind === 'recoveryExport' ? status.result!.file : null;
  return { ...parties, file: file! };
}

export const recoveryCases: OperationCases<RecoveryOperation> = {
  'recovery.pending': {
    good: async (fx) => {
      expect(await fx.h.ok('recovery.pending')).toBeNull();
      const { fresh, request } = await freshRequest();
      try {
        expect(await fresh.ok('recovery.pending')).toMatchObject({
          courtCode: BASIC.code,
          fingerprint: request.fingerprint,
        });
      } finally {
        await fresh.close();
      }
    },
    bad: async (fx) => {
      expectFailure(await fx.h.call('recovery.pending', { courtCode: 'J23' } as never), 'E_INVALID');
    },
  },
  'recovery.request': {
    good: async () => {
      const { fresh, request } = await freshRequest();
      try {
        expect(request.fileName).toMatch(/^J2301_龙江县人民法院_恢复申请_\d{8}\.dtreq$/);
        expect(request.fingerprint).toMatch(/^\d{5}( \d{5}){7}$/);
        expect(fs.existsSync(request.path)).toBe(true);
      } finally {
        await fresh.close();
      }
    },
    bad: async (fx) => {
      expectFailure(
        await fx.h.call('recovery.request', { courtCode: 'J2301', courtName: '龙江县人民法院', folder: tempDir() }),
        'E_ALREADY_SET_UP',
      );
      const fresh = await openHarness();
      try {
        expectFailure(
          await fresh.call('recovery.request', { courtCode: '', courtName: '龙江县人民法院', folder: tempDir() }),
          'E_INVALID',
        );
        expectFailure(
          await fresh.call('recovery.request', { courtCode: 'J2301', courtName: '龙江', folder: `${tempDir()}/没有` }),
          'E_NO_FOLDER',
        );
      } finally {
        await fresh.close();
      }
    },
  },
  'recovery.upload': {
    good: async (fx) => {
      const { fresh, request } = await freshRequest();
      try {
        // The parent's administrator, and the reinstalled court before it has a court.
        expect(await upload(fx.h, request.path)).toMatch(/^[0-9a-f-]{36}$/);
        expect(await upload(fresh, request.path)).toMatch(/^[0-9a-f-]{36}$/);
      } finally {
        await fresh.close();
      }
    },
    bad: async (fx) => {
      await fx.h.addUser({ username: 'shenhe', displayName: '审核人', roles: ['reviewer'] });
      expectFailure(
        await fx.h
          .as('shenhe')
          .call('recovery.upload', { uploadId: null, fileName: 'a.dtreq', chunkBase64: 'AA==', final: true }),
        'E_FORBIDDEN',
      );
      expectFailure(
        await fx.h.call('recovery.upload', { uploadId: null, fileName: '', chunkBase64: 'AA==', final: true }),
        'E_INVALID',
      );
    },
  },
  'recovery.readRequest': {
    good: async (fx) => {
      const { fresh, request } = await freshRequest('J2399', '某某县人民法院');
      try {
        const view = await fx.h.ok('recovery.readRequest', { uploadId: await upload(fx.h, request.path) });
        expect(view).toMatchObject({ courtCode: 'J2399', fingerprint: request.fingerprint, held: null });
        expect(view.refusal).toMatch(/不能为它制作恢复包/);
      } finally {
        await fresh.close();
      }
    },
    bad: async (fx) => {
      const notRequest = `${tempDir()}/x.dtreq`;
      fs.writeFileSync(notRequest, '{"format":"court-recovery-request"}');
      expectFailure(
        await fx.h.call('recovery.readRequest', { uploadId: await upload(fx.h, notRequest) }),
        'E_NOT_REQUEST',
      );
      expectFailure(
        await fx.h.call('recovery.readRequest', { uploadId: '0190f0e4-0000-7000-8000-000000000000' }),
        'E_NOT_FOUND',
      );
    },
  },
  'recovery.export': {
    good: async () => {
      const { file, request, close } = await withPackage();
      try {
        expect(file).toMatchObject({ courtCode: BASIC.code, newFingerprint: request.fingerprint });
        expect(file.fileName).toMatch(/恢复包_\d{8}\.dtrec$/);
      } finally {
        await close();
      }
    },
    bad: async (fx) => {
      const { fresh, request } = await freshRequest('J2399', '某某县人民法院');
      try {
        const uploadId = await upload(fx.h, request.path);
        expectFailure(
          await fx.h.call('recovery.export', { uploadId, fingerprint: request.fingerprint, folder: tempDir() }),
          'E_NOT_SUBORDINATE',
        );
        expectFailure(
          await fx.h.call('recovery.export', { uploadId, fingerprint: '123', folder: tempDir() }),
          'E_INVALID',
        );
      } finally {
        await fresh.close();
      }
      const parties = await recoveryParties();
      try {
        const uploadId = await upload(parties.high, parties.request.path);
        const job = await parties.high.ok('recovery.export', {
          uploadId,
          fingerprint: parties.highFp,
          folder: tempDir(),
        });
        const status = await finished(parties.high, job.jobId);
        expect(status).toMatchObject({ state: 'failed', errorCode: 'E_FINGERPRINT' });
      } finally {
        await parties.close();
      }
    },
  },
  'recovery.preview': {
    good: async () => {
      const { fresh, file, highFp, close } = await withPackage();
      try {
        const job = await fresh.ok('recovery.preview', { uploadId: await upload(fresh, file.path) });
        const status = await finished(fresh, job.jobId);
        expect(status.state, status.error ?? '').toBe('done');
        expect(status.result).toMatchObject({
          kind: 'recoveryPreview',
          preview: { court: { code: BASIC.code }, parent: { code: 'J23', fingerprint: highFp }, lastSeq: 1 },
        });
      } finally {
        await close();
      }
    },
    bad: async (fx) => {
      expectFailure(
        await fx.h.call('recovery.preview', { uploadId: '0190f0e4-0000-7000-8000-000000000000' }),
        'E_ALREADY_SET_UP',
      );
      const fresh = await openHarness();
      try {
        const junk = `${tempDir()}/junk.dtrec`;
        fs.writeFileSync(junk, 'not a package');
        const job = await fresh.ok('recovery.preview', { uploadId: await upload(fresh, junk) });
        expect(await finished(fresh, job.jobId)).toMatchObject({ state: 'failed', errorCode: 'E_NOT_RECOVERY' });
      } finally {
        await fresh.close();
      }
    },
  },
  'recovery.import': {
    good: async () => {
      const { fresh, file, highFp, close } = await withPackage();
      try {
        const job = await fresh.ok('recovery.import', {
          uploadId: await upload(fresh, file.path),
          parentFingerprint: highFp,
        });
        const status = await finished(fresh, job.jobId);
        expect(status.state, status.error ?? '').toBe('done');
        expect(status.result).toMatchObject({ kind: 'recoveryImport', result: { courtCode: BASIC.code, nextSeq: 2 } });
        // The court is set up; its first administrator comes through auth.bootstrap.
        expect(await fresh.ok('auth.status')).toMatchObject({ hasProfile: true, hasUsers: false });
        await fresh.ok('auth.bootstrap', { username: 'admin', displayName: '王书记员', password: ADMIN.password });
        expect((await fresh.ok('court.get'))?.code).toBe(BASIC.code);
      } finally {
        await close();
      }
    },
    bad: async (fx) => {
      expectFailure(
        await fx.h.call('recovery.import', {
          uploadId: '0190f0e4-0000-7000-8000-000000000000',
          parentFingerprint: '12345 12345 12345 12345 12345 12345 12345 12345',
        }),
        'E_ALREADY_SET_UP',
      );
      const { fresh, file, request, close } = await withPackage();
      try {
        const job = await fresh.ok('recovery.import', {
          uploadId: await upload(fresh, file.path),
          parentFingerprint: request.fingerprint,
        });
        expect(await finished(fresh, job.jobId)).toMatchObject({ state: 'failed', errorCode: 'E_FINGERPRINT' });
        expect(await fresh.ok('court.get')).toBeNull();
      } finally {
        await close();
      }
    },
  },
};
