// 从备份恢复: backup.inspect and backup.restore as every client calls them (jobs in the main
// process). The restore itself — every fault, crash and the command line — is tested in depth by
// tests/node/backupRestore.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { BackupOperation } from '../../../src/main/backup/backupHandlers';
import type { JobResult } from '../../../src/shared/model';
import { ADMIN } from '../harness';
import { expectFailure, type Fixture, type OperationCases } from './shared';

/** Takes a backup through backup.create and returns its path. */
async function takeBackup(fx: Fixture): Promise<string> {
  const { jobId } = await fx.h.ok('backup.create');
  const job = await fx.h.services.ctx.jobs.waitFor(jobId);
  expect(job?.state, job?.error ?? '').toBe('done');
  const result = job!.result as Extract<JobResult, { kind: 'backupCreate' }>;
  return result.backup.path;
}

async function finished(fx: Fixture, jobId: string) {
  const job = await fx.h.services.ctx.jobs.waitFor(jobId);
  expect(job).not.toBeNull();
  return job!;
}

export const restoreCases: Pick<OperationCases<BackupOperation>, 'backup.inspect' | 'backup.restore'> = {
  'backup.inspect': {
    good: async (fx) => {
      const file = await takeBackup(fx);
      const { jobId } = await fx.h.ok('backup.inspect', { path: file });
      const job = await finished(fx, jobId);
      expect(job.state, job.error ?? '').toBe('done');
      const { inspection } = job.result as Extract<JobResult, { kind: 'backupInspect' }>;
      expect(inspection.ok).toBe(true);
      expect(inspection.checks.map((c) => c.kind)).toEqual([
        'file',
        'court',
        'version',
        'passphrase',
        'database',
        'audit',
        'evidence',
      ]);
      expect(inspection.checks.every((c) => c.ok && /[\u4e00-\u9fa5]/.test(c.message))).toBe(true);
      expect(inspection.holds?.campaigns.map((c) => c.title)).toEqual(['能力作风建设年']);
      expect(inspection.current?.courtCode).toBe('J2301');
      // Inspecting stages nothing it leaves behind.
      expect(fs.existsSync(path.join(fx.h.dataDir, 'restore-tmp'))).toBe(false);
    },
    bad: async (fx) => {
      expectFailure(await fx.h.call('backup.inspect', { path: '' }), 'E_INVALID');
      expectFailure(await fx.h.call('backup.inspect', { path: 'a\u0000b' }), 'E_INVALID');
      // A file that is not a backup: the inspection answers, with the failing check in Chinese.
      const stranger = path.join(fx.h.dataDir, '随便一个文件.dtbak');
      fs.writeFileSync(stranger, '这不是备份');
      const { jobId } = await fx.h.ok('backup.inspect', { path: stranger });
      const job = await finished(fx, jobId);
      const { inspection } = job.result as Extract<JobResult, { kind: 'backupInspect' }>;
      expect(inspection.ok).toBe(false);
      expect(inspection.checks).toEqual([
        { kind: 'file', ok: false, message: expect.stringMatching(/不是督导台的备份文件/) },
      ]);
      // Once a court is set up, administrators only.
      await fx.h.addUser({ username: 'shenhe', displayName: '审核员', roles: ['reviewer'] });
      expectFailure(await fx.h.as('shenhe').call('backup.inspect', { path: stranger }), 'E_FORBIDDEN', /管理员/);
      expectFailure(await fx.h.as('nobody').call('backup.inspect', { path: stranger }), 'E_FORBIDDEN', /管理员/);
    },
  },
  'backup.restore': {
    good: async (fx) => {
      const file = await takeBackup(fx);
      await fx.h.ok('campaigns.create', { title: '备份之后新建的活动', year: 2026 });
      const { jobId } = await fx.h.ok('backup.restore', { path: file });
      const job = await finished(fx, jobId);
      expect(job.state, job.error ?? '').toBe('done');
      const { result } = job.result as Extract<JobResult, { kind: 'backupRestore' }>;
      expect(result.restored.path).toBe(file);
      expect(result.safetyBackup?.trigger).toBe('restore');
      expect(result.holds.campaigns.map((c) => c.title)).toEqual(['能力作风建设年']);
      // Every screen goes back to 登录; after logging in, the data is the backup's.
      expectFailure(await fx.h.call('campaigns.list'), 'E_LOGIN_REQUIRED');
      await fx.h.ok('auth.login', ADMIN);
      const campaigns = await fx.h.ok('campaigns.list');
      expect(campaigns.map((c) => c.title)).toEqual(['能力作风建设年']);
      const audit = await fx.h.ok('audit.verify');
      expect(audit.ok).toBe(true);
    },
    bad: async (fx) => {
      expectFailure(await fx.h.call('backup.restore', { path: '' }), 'E_INVALID');
      const file = await takeBackup(fx);
      await fx.h.ok('campaigns.create', { title: '备份之后新建的活动', year: 2026 });
      // One byte changed: refused with the reason, and nothing changed.
      const tampered = path.join(path.dirname(file), '改过一个字节.dtbak');
      const bytes = fs.readFileSync(file);
      bytes[bytes.length - 100] ^= 0xff;
      fs.writeFileSync(tampered, bytes);
      const { jobId } = await fx.h.ok('backup.restore', { path: tampered });
      const job = await finished(fx, jobId);
      expect(job.state).toBe('failed');
      expect(job.errorCode).toBe('E_BACKUP_DAMAGED');
      expect(job.error).toMatch(/备份文件已损坏或被改动/);
      const campaigns = await fx.h.ok('campaigns.list');
      expect(campaigns.map((c) => c.title).sort()).toEqual(['备份之后新建的活动', '能力作风建设年'].sort());
      await fx.h.addUser({ username: 'shenhe', displayName: '审核员', roles: ['reviewer'] });
      expectFailure(await fx.h.as('shenhe').call('backup.restore', { path: file }), 'E_FORBIDDEN', /管理员/);
      expectFailure(await fx.h.as('nobody').call('backup.restore', { path: file }), 'E_FORBIDDEN', /管理员/);
    },
  },
};
