// 延期 (items.extendDeadline): a reviewer or an administrator moves an existing deadline of this
// court's own item with a reason; the move is kept as a deadline change. The refusals of closed
// work for every record kind are in closedWork.test.ts.
import { expect } from 'vitest';
import { expectFailure, withItem, type OperationCases } from './shared';

export const closedWorkCases: OperationCases<'items.extendDeadline'> = {
  'items.extendDeadline': {
    good: async (fx) => {
      const item = await withItem(fx, { deadline: '2026-12-31' });
      const moved = await fx.h.ok('items.extendDeadline', {
        id: item.id,
        version: item.version,
        deadline: '2027-01-31',
        reason: '待上级法院统一部署',
      });
      expect(moved.deadline).toBe('2027-01-31');
      expect(moved.deadlineChanges).toMatchObject([
        { fromDeadline: '2026-12-31', toDeadline: '2027-01-31', reason: '待上级法院统一部署', recordKind: 'item' },
      ]);
    },
    bad: async (fx) => {
      const item = await withItem(fx, { deadline: '2026-12-31' });
      expectFailure(
        await fx.h.call('items.extendDeadline', {
          id: item.id,
          version: item.version,
          deadline: '2027-01-31',
          reason: '',
        }),
        'E_INVALID',
        /延期理由/,
      );
      const undated = await withItem(fx);
      expectFailure(
        await fx.h.call('items.extendDeadline', {
          id: undated.id,
          version: undated.version,
          deadline: '2027-01-31',
          reason: '延后',
        }),
        'E_BAD_STATE',
        /还没有完成时限/,
      );
    },
  },
};
