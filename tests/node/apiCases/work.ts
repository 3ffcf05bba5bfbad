// 我的待办 (work.mine): good and bad input. The full behaviour is in myWork.test.ts.
import { expect } from 'vitest';
import { expectFailure, withItem, type OperationCases } from './shared';

export const workCases: OperationCases<'work.mine'> = {
  'work.mine': {
    good: async (fx) => {
      const { h } = fx;
      const department = await h.ok('departments.create', { name: '立案庭', headName: '赵庭长' });
      const item = await withItem(fx, {
        departmentId: department.id,
        deadline: '2026-11-20',
        deadlineReason: '补录已逾期的事项',
      });
      await h.addUser({ username: 'tianfa', displayName: '田填报', roles: ['filer'], departmentId: department.id });
      const filer = h.as('tianfa');
      expect(await filer.ok('work.mine')).toEqual([
        expect.objectContaining({
          kind: 'item',
          id: item.id,
          action: 'fill',
          light: 'red',
          departmentName: '立案庭',
          campaignTitle: '能力作风建设年',
          statusText: '未开始',
        }),
      ]);
      await filer.ok('items.markComplete', { id: item.id, version: item.version });
      // Handed in: off the filer's list, onto the reviewer's to sign off.
      expect(await filer.ok('work.mine')).toEqual([]);
      expect(await h.ok('work.mine')).toEqual([
        expect.objectContaining({ id: item.id, action: 'sign_off', light: 'green', statusText: '已完成待销号' }),
      ]);
    },
    bad: async ({ h }) => {
      expectFailure(await h.call('work.mine', { userId: 'someone-else' } as never), 'E_INVALID');
      expectFailure(await h.as('nobody').call('work.mine'), 'E_LOGIN_REQUIRED', /请先登录/);
    },
  },
};
