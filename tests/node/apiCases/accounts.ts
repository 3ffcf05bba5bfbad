// Accounts, log-in and the light rules: good and bad input for each operation.
import { expect } from 'vitest';
import { ADMIN, USER_PASSWORD, basicSetup, openHarness } from '../harness';
import { expectFailure, MISSING_ID, type OperationCases } from './shared';

type AccountOperation =
  | 'auth.status'
  | 'auth.bootstrap'
  | 'auth.login'
  | 'auth.logout'
  | 'auth.changePassword'
  | 'users.list'
  | 'users.create'
  | 'users.update'
  | 'users.resetPassword'
  | 'campaigns.setLightRules';

export const accountCases: OperationCases<AccountOperation> = {
  'auth.status': {
    good: async ({ h }) => {
      const status = await h.ok('auth.status');
      expect(status).toMatchObject({
        hasProfile: true,
        hasUsers: true,
        user: { username: 'admin', displayName: '王书记员', roles: ['admin', 'reviewer'] },
      });
      expect(await h.as('nobody').ok('auth.status')).toMatchObject({ hasProfile: true, hasUsers: true, user: null });
      const fresh = await openHarness();
      expect(await fresh.ok('auth.status')).toEqual({ hasProfile: false, hasUsers: false, user: null });
      await fresh.close();
    },
    bad: async ({ h }) => {
      expectFailure(await h.call('auth.status', { user: 'admin' } as never), 'E_INVALID');
    },
  },
  'auth.bootstrap': {
    good: async () => {
      // A database from before accounts: the profile exists, no account yet.
      const h = await openHarness();
      await h.ok('court.setup', basicSetup);
      h.services.ctx.sqlite.exec('DELETE FROM users');
      const other = h.as('first');
      expect(await other.ok('auth.status')).toMatchObject({ hasProfile: true, hasUsers: false, user: null });
      const user = await other.ok('auth.bootstrap', {
        username: 'zhaoke',
        displayName: '赵科长',
        password: 'Zhaoke2026',
      });
      expect(user).toMatchObject({ username: 'zhaoke', roles: ['admin', 'reviewer'], mustChangePassword: false });
      expect((await other.ok('auth.status')).user?.username).toBe('zhaoke');
      await h.close();
    },
    bad: async ({ h }) => {
      const weak = expectFailure(
        await h.as('x').call('auth.bootstrap', { username: 'zhaoke', displayName: '赵科长', password: '12345678' }),
        'E_INVALID',
      );
      expect(weak.fieldErrors?.password).toMatch(/字母和数字/);
      // Accounts exist already: nobody may create a first administrator again.
      expectFailure(
        await h.as('x').call('auth.bootstrap', { username: 'zhaoke', displayName: '赵科长', password: 'Zhaoke2026' }),
        'E_ALREADY_SET_UP',
        /已有账户/,
      );
      const fresh = await openHarness();
      expectFailure(
        await fresh.call('auth.bootstrap', { username: 'zhaoke', displayName: '赵科长', password: 'Zhaoke2026' }),
        'E_NO_PROFILE',
      );
      await fresh.close();
    },
  },
  'auth.login': {
    good: async ({ h }) => {
      const desk = h.as('desk');
      expectFailure(await desk.call('campaigns.list'), 'E_LOGIN_REQUIRED', /请先登录/);
      const user = await desk.ok('auth.login', { username: 'ADMIN', password: ADMIN.password });
      expect(user.username).toBe('admin');
      expect((await desk.ok('campaigns.list')).length).toBe(1);
      const entries = await h.ok('audit.list', { limit: 1 });
      expect(entries[0]).toMatchObject({ operation: 'login', tableName: 'users', actor: '王书记员（admin）' });
    },
    bad: async ({ h }) => {
      const desk = h.as('desk');
      expectFailure(await desk.call('auth.login', { username: 'admin', password: '' }), 'E_INVALID', /请填写密码/);
      expectFailure(
        await desk.call('auth.login', { username: 'nobody', password: 'whatever1' }),
        'E_BAD_LOGIN',
        /用户名或密码不正确/,
      );
      for (let i = 1; i <= 4; i += 1) {
        expectFailure(
          await desk.call('auth.login', { username: 'admin', password: `wrong${i}` }),
          'E_BAD_LOGIN',
          new RegExp(`再输错 ${5 - i} 次`),
        );
      }
      expectFailure(
        await desk.call('auth.login', { username: 'admin', password: 'wrong5' }),
        'E_LOCKED',
        /锁定 15 分钟/,
      );
      // Locked: even the right password is refused until the time is up.
      expectFailure(
        await desk.call('auth.login', { username: 'admin', password: ADMIN.password }),
        'E_LOCKED',
        /请 15 分钟后再试/,
      );
      h.setNow('2026-11-24T10:16:00+08:00');
      expect((await desk.ok('auth.login', { username: 'admin', password: ADMIN.password })).username).toBe('admin');
    },
  },
  'auth.logout': {
    good: async ({ h }) => {
      expect(await h.ok('auth.logout')).toEqual({ loggedOut: true });
      expectFailure(await h.call('campaigns.list'), 'E_LOGIN_REQUIRED');
      expect((await h.ok('auth.status')).user).toBeNull();
    },
    bad: async ({ h }) => {
      expectFailure(await h.as('nobody').call('auth.logout'), 'E_LOGIN_REQUIRED');
      expectFailure(await h.call('auth.logout', { all: true } as never), 'E_INVALID');
    },
  },
  'auth.changePassword': {
    good: async ({ h }) => {
      const user = await h.ok('auth.changePassword', { currentPassword: ADMIN.password, newPassword: 'NewPass2027' });
      expect(user.mustChangePassword).toBe(false);
      await h.ok('auth.logout');
      expectFailure(await h.call('auth.login', { username: 'admin', password: ADMIN.password }), 'E_BAD_LOGIN');
      await h.ok('auth.login', { username: 'admin', password: 'NewPass2027' });
    },
    bad: async ({ h }) => {
      const wrong = expectFailure(
        await h.call('auth.changePassword', { currentPassword: 'nope12345', newPassword: 'NewPass2027' }),
        'E_BAD_PASSWORD',
      );
      expect(wrong.fieldErrors?.currentPassword).toMatch(/原密码不正确/);
      const same = expectFailure(
        await h.call('auth.changePassword', { currentPassword: ADMIN.password, newPassword: ADMIN.password }),
        'E_INVALID',
      );
      expect(same.fieldErrors?.newPassword).toMatch(/不能与原密码相同/);
      expectFailure(
        await h.call('auth.changePassword', { currentPassword: ADMIN.password, newPassword: 'short1' }),
        'E_INVALID',
        /至少 8 位/,
      );
    },
  },
  'users.list': {
    good: async ({ h }) => {
      await h.addUser({ username: 'chenzr', displayName: '陈主任', roles: ['reviewer'] });
      const users = await h.ok('users.list');
      expect(users.map((u) => u.username)).toEqual(['admin', 'chenzr']);
      expect(JSON.stringify(users)).not.toMatch(/scrypt|passwordHash/);
    },
    bad: async ({ h }) => {
      const chen = await h.addUser({ username: 'chenzr', displayName: '陈主任', roles: ['reviewer'] });
      expect(chen.roles).toEqual(['reviewer']);
      expectFailure(await h.as('chenzr').call('users.list'), 'E_FORBIDDEN', /需要管理员角色/);
    },
  },
  'users.create': {
    good: async ({ h }) => {
      const department = await h.ok('departments.create', { name: '立案庭', headName: '周庭长' });
      const created = await h.ok('users.create', {
        username: 'zhouxm',
        displayName: '周晓明',
        roles: ['filer'],
        departmentId: department.id,
        password: 'Temp2026abc',
      });
      expect(created).toMatchObject({
        username: 'zhouxm',
        roles: ['filer'],
        departmentName: '立案庭',
        mustChangePassword: true,
        disabled: false,
      });
      // The temporary password works once, and nothing else is allowed until it is changed.
      const zhou = h.as('zhou');
      await zhou.ok('auth.login', { username: 'zhouxm', password: 'Temp2026abc' });
      expectFailure(await zhou.call('campaigns.list'), 'E_MUST_CHANGE_PASSWORD', /请先修改密码/);
      await zhou.ok('auth.changePassword', { currentPassword: 'Temp2026abc', newPassword: USER_PASSWORD });
      expect((await zhou.ok('campaigns.list')).length).toBe(1);
      const audit = await h.ok('audit.list', { rowId: created.id });
      expect(JSON.stringify(audit)).not.toMatch(/scrypt/);
    },
    bad: async ({ h }) => {
      expectFailure(
        await h.call('users.create', {
          username: 'admin',
          displayName: '重名',
          roles: ['reviewer'],
          password: 'Temp2026abc',
        }),
        'E_DUPLICATE',
        /已被使用/,
      );
      const noDept = expectFailure(
        await h.call('users.create', {
          username: 'zhouxm',
          displayName: '周晓明',
          roles: ['filer'],
          password: 'Temp2026abc',
        }),
        'E_INVALID',
      );
      expect(noDept.fieldErrors?.departmentId).toMatch(/所属部门/);
      expectFailure(
        await h.call('users.create', { username: 'a b', displayName: '周', roles: [], password: 'x' }),
        'E_INVALID',
      );
    },
  },
  'users.update': {
    good: async ({ h }) => {
      const chen = await h.addUser({ username: 'chenzr', displayName: '陈主任', roles: ['reviewer'] });
      const updated = await h.ok('users.update', {
        id: chen.id,
        version: chen.version,
        displayName: '陈主任',
        roles: ['reviewer', 'admin'],
        disabled: false,
      });
      expect(updated.roles).toEqual(['admin', 'reviewer']);
      const disabled = await h.ok('users.update', {
        id: chen.id,
        version: updated.version,
        displayName: '陈主任',
        roles: ['reviewer'],
        disabled: true,
      });
      expect(disabled.disabled).toBe(true);
      // Disabling ends the session at once, and the account can no longer log in.
      expectFailure(await h.as('chenzr').call('campaigns.list'), 'E_LOGIN_REQUIRED');
      expectFailure(
        await h.as('chenzr').call('auth.login', { username: 'chenzr', password: USER_PASSWORD }),
        'E_DISABLED',
        /已停用/,
      );
    },
    bad: async ({ h }) => {
      const me = (await h.ok('users.list'))[0];
      const last = expectFailure(
        await h.call('users.update', { id: me.id, version: me.version, displayName: '王书记员', roles: ['reviewer'] }),
        'E_LAST_ADMIN',
        /唯一的管理员/,
      );
      expect(last.fieldErrors?.roles).toBeTruthy();
      expectFailure(
        await h.call('users.update', { id: me.id, version: me.version + 3, displayName: '王书记员', roles: ['admin'] }),
        'E_STALE',
      );
      expectFailure(
        await h.call('users.update', { id: MISSING_ID, version: 1, displayName: '某', roles: ['admin'] }),
        'E_NOT_FOUND',
      );
    },
  },
  'users.resetPassword': {
    good: async ({ h }) => {
      const chen = await h.addUser({ username: 'chenzr', displayName: '陈主任', roles: ['reviewer'] });
      const desk = h.as('desk');
      for (let i = 0; i < 5; i += 1) await desk.call('auth.login', { username: 'chenzr', password: 'wrongpass1' });
      expectFailure(await desk.call('auth.login', { username: 'chenzr', password: USER_PASSWORD }), 'E_LOCKED');
      const reset = await h.ok('users.resetPassword', { id: chen.id, password: 'Reset2026x' });
      expect(reset).toMatchObject({ mustChangePassword: true, lockedUntil: null });
      // The old session is over; the temporary password works and must be changed.
      expectFailure(await h.as('chenzr').call('campaigns.list'), 'E_LOGIN_REQUIRED');
      const user = await desk.ok('auth.login', { username: 'chenzr', password: 'Reset2026x' });
      expect(user.mustChangePassword).toBe(true);
    },
    bad: async ({ h }) => {
      expectFailure(await h.call('users.resetPassword', { id: MISSING_ID, password: 'Reset2026x' }), 'E_NOT_FOUND');
      expectFailure(await h.call('users.resetPassword', { id: MISSING_ID, password: 'abc' }), 'E_INVALID', /至少 8 位/);
    },
  },
  'campaigns.setLightRules': {
    good: async ({ h, campaign }) => {
      const updated = await h.ok('campaigns.setLightRules', {
        id: campaign.id,
        version: campaign.version,
        yellowDays: 10,
        escalateGreen: 'owner',
        escalateYellow: 'lead_leader',
        escalateRed: 'lead_leader',
        lookbackMonths: 3,
      });
      expect(updated).toMatchObject({ yellowDays: 10, escalateYellow: 'lead_leader', lookbackMonths: 3 });
      const item = await h.ok('items.create', {
        campaignId: campaign.id,
        title: '清理长期未结案件',
        leadLeader: '刘副院长',
        owner: '张法官',
        deadline: '2026-12-01',
      });
      expect(item).toMatchObject({ light: 'yellow', escalateTo: '刘副院长' });
    },
    bad: async ({ h, campaign }) => {
      const base = {
        id: campaign.id,
        version: campaign.version,
        yellowDays: 7,
        escalateGreen: 'owner',
        escalateYellow: 'department_head',
        escalateRed: 'lead_leader',
        lookbackMonths: 6,
      } as const;
      expectFailure(await h.call('campaigns.setLightRules', { ...base, yellowDays: 120 }), 'E_INVALID', /90 天/);
      expectFailure(
        await h.call('campaigns.setLightRules', { ...base, lookbackMonths: 0 }),
        'E_INVALID',
        /至少 1 个月/,
      );
      expectFailure(
        await h.call('campaigns.setLightRules', { ...base, escalateRed: 'boss' as never }),
        'E_INVALID',
        /红灯/,
      );
      expectFailure(await h.call('campaigns.setLightRules', { ...base, version: 9 }), 'E_STALE');
    },
  },
};
