// Boards (挂图作战): good and bad input for each operation. The full behaviour (counts against
// independent SQL, boundaries, burn-down, other courts' rows) is in boards.test.ts.
import { expect } from 'vitest';
import type { BoardOperation } from '../../../src/main/boards/boardHandlers';
import { expectFailure, MISSING_ID, withItem, type OperationCases } from './shared';

export const boardsCases: OperationCases<BoardOperation> = {
  'boards.court': {
    good: async (fx) => {
      const item = await withItem(fx, { deadline: '2026-11-26' });
      const board = await fx.h.ok('boards.court');
      expect(board.today).toBe('2026-11-24');
      expect(board.campaigns).toEqual([
        expect.objectContaining({
          id: fx.campaign.id,
          title: '能力作风建设年',
          endDate: '2026-12-31',
          dueThisWeek: 1,
          items: { total: 1, completed: 0, open: 1, overdue: 0, red: 0, yellow: 1, green: 0, completionRate: 0 },
        }),
      ]);
      expect(board.dueThisWeek).toEqual([
        expect.objectContaining({ id: item.id, number: '1', deadline: '2026-11-26', light: 'yellow' }),
      ]);
    },
    bad: async ({ h }) => {
      expectFailure(await h.as('nobody').call('boards.court'), 'E_LOGIN_REQUIRED');
    },
  },
  'boards.campaign': {
    good: async (fx) => {
      await withItem(fx, { deadline: '2026-11-01', deadlineReason: '补录已逾期的事项' });
      const board = await fx.h.ok('boards.campaign', { campaignId: fx.campaign.id });
      expect(board).toMatchObject({
        campaignId: fx.campaign.id,
        courtCode: 'J2301',
        today: '2026-11-24',
        totals: { total: 1, overdue: 1, red: 1 },
        indicators: [],
      });
      expect(board.bySection.map((s) => [s.title, s.total])).toEqual([
        ['一、争先创优年', 1],
        ['二、案件质量提升年', 0],
      ]);
      expect(board.burnDown[0]).toEqual({ date: '2026-03-01', open: 0, ideal: 0 });
      expect(board.burnDown.at(-1)).toMatchObject({ date: '2026-11-24', open: 1 });
    },
    bad: async ({ h }) => {
      expectFailure(await h.call('boards.campaign', { campaignId: 'not-an-id' }), 'E_INVALID');
      expectFailure(await h.call('boards.campaign', { campaignId: MISSING_ID }), 'E_NOT_FOUND', /专项活动/);
      expectFailure(await h.as('nobody').call('boards.campaign', { campaignId: MISSING_ID }), 'E_LOGIN_REQUIRED');
    },
  },
};
