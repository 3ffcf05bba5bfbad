// 备份与恢复: good and bad input for every backup operation, as every client calls it. The backup
// file itself (format, faults, restore) is tested in depth by tests/node/backup*.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { BackupOperation } from '../../../src/main/backup/backupHandlers';
import { tempDir } from '../harness';
import { restoreCases } from './backupRestore';
import { expectFailure, type OperationCases } from './shared';

const keep = { daily: 7, weekly: 4, monthly: 12, other: 10 };

export const backupCases: OperationCases<BackupOperation> = {
  'backup.overview': {
    good: async (fx) => {
      const before = await fx.h.ok('backup.overview');
      expect(before.backups).toEqual([]);
      expect(before.health.light).toBe('red');
      expect(before.settings.keep).toEqual(keep);
      expect(before.secondFolderReachable).toBeNull();
      const { jobId } = await fx.h.ok('backup.create');
      expect((await fx.h.services.ctx.jobs.waitFor(jobId))?.state).toBe('done');
      const after = await fx.h.ok('backup.overview');
      expect(after.backups).toHaveLength(1);
      expect(after.backups[0]).toMatchObject({
        place: 'local',
        trigger: 'manual',
        verified: 'ok',
        keysIncluded: false,
      });
      expect(after.health.light).toBe('green');
    },
    bad: async (fx) => {
      expectFailure(await fx.h.call('backup.overview', { extra: 1 } as never), 'E_INVALID');
      await fx.h.addUser({ username: 'shenhe', displayName: '审核员', roles: ['reviewer'] });
      expectFailure(await fx.h.as('shenhe').call('backup.overview'), 'E_FORBIDDEN');
      expectFailure(await fx.h.as('nobody').call('backup.overview'), 'E_LOGIN_REQUIRED');
    },
  },
  'backup.health': {
    good: async (fx) => {
      // No backup yet: red, for any user who asks.
      const before = await fx.h.ok('backup.health');
      expect(before.light).toBe('red');
      expect(before.lastGoodAt).toBeNull();
      expect(before.summary).toMatch(/还没有可用的备份/);
      // The reviewer's log-in starts the day's backup in the background; once it is done, the
      // reviewer (who cannot open the backup settings) sees the light turn green.
      await fx.h.addUser({ username: 'shenhe', displayName: '审核员', roles: ['reviewer'] });
      await fx.h.services.ctx.jobs.waitForAll();
      const after = await fx.h.as('shenhe').ok('backup.health');
      expect(after.light).toBe('green');
      expect(after.lastGoodAt).not.toBeNull();
      expect(after.summary).toMatch(/最近一次备份.*已校验/);
    },
    bad: async (fx) => {
      expectFailure(await fx.h.as('nobody').call('backup.health'), 'E_LOGIN_REQUIRED');
    },
  },
  'backup.create': {
    good: async (fx) => {
      const { jobId } = await fx.h.ok('backup.create');
      const status = await fx.h.services.ctx.jobs.waitFor(jobId);
      expect(status?.state).toBe('done');
      const result = status?.result;
      expect(result?.kind).toBe('backupCreate');
      if (result?.kind !== 'backupCreate') return;
      expect(result.backup.fileName).toMatch(/^备份-龙江县人民法院-\d{4}-\d{2}-\d{2}-\d{6}-手动\.dtbak$/);
      expect(fs.existsSync(result.backup.path)).toBe(true);
    },
    bad: async (fx) => {
      expectFailure(await fx.h.call('backup.create', { now: 1 } as never), 'E_INVALID');
      await fx.h.addUser({ username: 'shenhe', displayName: '审核员', roles: ['reviewer'] });
      expectFailure(await fx.h.as('shenhe').call('backup.create'), 'E_FORBIDDEN');
      // (The reviewer's log-in started the day's backup; no manual one was taken.)
      await fx.h.services.ctx.jobs.waitForAll();
      const names = fs.readdirSync(path.join(fx.h.dataDir, 'backups'));
      expect(names.filter((name) => name.endsWith('-手动.dtbak'))).toEqual([]);
    },
  },
  'backup.updateSettings': {
    good: async (fx) => {
      const second = tempDir('court-backup-second-');
      const saved = await fx.h.ok('backup.updateSettings', {
        secondFolder: second,
        keep: { daily: 3, weekly: 2, monthly: 6, other: 5 },
        offsiteReminderDays: 14,
      });
      expect(saved).toMatchObject({ secondFolder: second, offsiteReminderDays: 14, passphraseSet: false });
      expect((await fx.h.ok('backup.overview')).secondFolderReachable).toBe(true);
      const entries = await fx.h.ok('audit.list', {});
      expect(JSON.stringify(entries)).toMatch(/backup-settings/);
      fs.rmSync(second, { recursive: true, force: true });
    },
    bad: async (fx) => {
      const good = { secondFolder: null, keep, offsiteReminderDays: 7 };
      const zero = expectFailure(
        await fx.h.call('backup.updateSettings', { ...good, keep: { ...keep, daily: 0 } }),
        'E_INVALID',
      );
      expect(JSON.stringify(zero.fieldErrors)).toMatch(/至少保留 1 份/);
      expectFailure(await fx.h.call('backup.updateSettings', { ...good, secondFolder: '备份' }), 'E_INVALID');
      expectFailure(await fx.h.call('backup.updateSettings', { ...good, offsiteReminderDays: 0 }), 'E_INVALID');
      await fx.h.addUser({ username: 'shenhe', displayName: '审核员', roles: ['reviewer'] });
      expectFailure(await fx.h.as('shenhe').call('backup.updateSettings', good), 'E_FORBIDDEN');
      expect((await fx.h.ok('backup.overview')).settings.keep).toEqual(keep);
    },
  },
  'backup.setPassphrase': {
    good: async (fx) => {
      const settings = await fx.h.ok('backup.setPassphrase', { passphrase: '龙江法院备份口令2026' });
      expect(settings.passphraseSet).toBe(true);
      expect(settings.passphraseSetAt).not.toBeNull();
      // Audited, never with the passphrase itself.
      const audit = JSON.stringify(await fx.h.ok('audit.list', {}));
      expect(audit).toMatch(/backup-passphrase/);
      expect(audit).not.toMatch(/龙江法院备份口令2026/);
    },
    bad: async (fx) => {
      const short = expectFailure(await fx.h.call('backup.setPassphrase', { passphrase: '1234567' }), 'E_INVALID');
      expect(JSON.stringify(short.fieldErrors)).toMatch(/至少 8 个字符/);
      expectFailure(await fx.h.call('backup.setPassphrase', {} as never), 'E_INVALID');
      await fx.h.addUser({ username: 'shenhe', displayName: '审核员', roles: ['reviewer'] });
      expectFailure(
        await fx.h.as('shenhe').call('backup.setPassphrase', { passphrase: '足够长的备份口令' }),
        'E_FORBIDDEN',
      );
      expect((await fx.h.ok('backup.overview')).settings.passphraseSet).toBe(false);
    },
  },
  'backup.find': {
    good: async (fx) => {
      const { jobId } = await fx.h.ok('backup.create');
      await fx.h.services.ctx.jobs.waitFor(jobId);
      const found = await fx.h.ok('backup.find', { folder: path.join(fx.h.dataDir, 'backups') });
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ place: 'local', courtCode: 'J2301', trigger: 'manual' });
      const empty = tempDir('court-backup-find-');
      expect(await fx.h.ok('backup.find', { folder: empty })).toEqual([]);
      fs.rmSync(empty, { recursive: true, force: true });
    },
    bad: async (fx) => {
      const folder = tempDir('court-backup-find-');
      expectFailure(await fx.h.call('backup.find', { folder: path.join(folder, '没有这个文件夹') }), 'E_NOT_FOUND');
      expectFailure(await fx.h.call('backup.find', { folder: '备份' }), 'E_INVALID');
      // Once a court is set up, only its administrators look for backups.
      expectFailure(await fx.h.as('nobody').call('backup.find', { folder }), 'E_FORBIDDEN', /管理员/);
      fs.rmSync(folder, { recursive: true, force: true });
    },
  },
  ...restoreCases,
};
