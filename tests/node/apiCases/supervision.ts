// Supervision notes (督导意见): good and bad input for each operation. The fixture court J2301 is
// given a subordinate's item (court J230101) with SQL, as a relayed bundle would bring it. The
// full behaviour at both ends is in supervision.test.ts.
import { expect } from 'vitest';
import type { SupervisionOperation } from '../../../src/main/supervision/supervisionHandlers';
import { expectFailure, MISSING_ID, withItem, type Fixture, type OperationCases } from './shared';

export const SUBORDINATE = 'J230101';

/** An item of the subordinate court in the fixture's campaign, as its report-up bundle brings it. */
export function subordinateItem(fx: Fixture, title = '人民法庭：巡回审判进村') {
  const id = '0190f0e4-0000-7000-8000-00000000e001';
  const stamp = '2026-11-01T09:00:00+08:00';
  fx.h.services.ctx.sqlite
    .prepare(
      'INSERT INTO items (id, origin, version, change_seq, created_at, updated_at, campaign_id, section_id, sort_order, title) VALUES (?, ?, 1, 5, ?, ?, ?, ?, 1024, ?)',
    )
    .run(id, SUBORDINATE, stamp, stamp, fx.campaign.id, fx.sections[0].id, title);
  return { id, title };
}

export const supervisionCases: OperationCases<SupervisionOperation> = {
  'supervision.list': {
    good: async (fx) => {
      const item = subordinateItem(fx);
      const note = await fx.h.ok('supervision.add', {
        campaignId: fx.campaign.id,
        courtCode: SUBORDINATE,
        itemId: item.id,
        kind: 'supervision',
        text: '巡回审判台账不完整，请补齐。',
      });
      const list = await fx.h.ok('supervision.list', { campaignId: fx.campaign.id, courtCode: SUBORDINATE });
      expect(list).toEqual([
        expect.objectContaining({
          id: note.id,
          origin: 'J2301',
          courtCode: SUBORDINATE,
          itemId: item.id,
          itemTitle: item.title,
          kind: 'supervision',
          author: '王书记员',
        }),
      ]);
      // Nothing was addressed to this court itself.
      expect(await fx.h.ok('supervision.list', { campaignId: fx.campaign.id, courtCode: 'J2301' })).toEqual([]);
    },
    bad: async ({ h }) => {
      expectFailure(await h.call('supervision.list', { campaignId: 'not-an-id' }), 'E_INVALID');
      expectFailure(await h.call('supervision.list', { campaignId: MISSING_ID }), 'E_NOT_FOUND', /专项活动/);
      expectFailure(await h.as('nobody').call('supervision.list', { campaignId: MISSING_ID }), 'E_LOGIN_REQUIRED');
    },
  },
  'supervision.add': {
    good: async (fx) => {
      const note = await fx.h.ok('supervision.add', {
        campaignId: fx.campaign.id,
        courtCode: SUBORDINATE,
        text: '请于月底前报送推进情况。',
      });
      expect(note).toMatchObject({
        origin: 'J2301',
        version: 1,
        courtCode: SUBORDINATE,
        itemId: null,
        itemTitle: null,
        kind: 'comment',
        text: '请于月底前报送推进情况。',
      });
      expect(new Date(note.createdAt).toISOString()).toBe('2026-11-24T02:00:00.000Z');
    },
    bad: async (fx) => {
      const { h, campaign } = fx;
      expectFailure(
        await h.call('supervision.add', { campaignId: campaign.id, courtCode: 'J2301', text: '自己督导自己' }),
        'E_INVALID',
        /只能对下级法院/,
      );
      expectFailure(
        await h.call('supervision.add', { campaignId: campaign.id, courtCode: SUBORDINATE, text: '  ' }),
        'E_INVALID',
        /督导意见/,
      );
      // The item must be the subordinate's, in this campaign: not one of our own.
      const own = await withItem(fx);
      expectFailure(
        await h.call('supervision.add', {
          campaignId: campaign.id,
          courtCode: SUBORDINATE,
          itemId: own.id,
          text: '意见',
        }),
        'E_NOT_FOUND',
        /J230101/,
      );
      expectFailure(
        await h.call('supervision.add', { campaignId: campaign.id, courtCode: 'j230101', text: '意见' }),
        'E_INVALID',
        /法院代码/,
      );
    },
  },
  'supervision.delete': {
    good: async (fx) => {
      const note = await fx.h.ok('supervision.add', {
        campaignId: fx.campaign.id,
        courtCode: SUBORDINATE,
        text: '请补充佐证材料。',
      });
      expect(await fx.h.ok('supervision.delete', { id: note.id, version: note.version })).toEqual({ id: note.id });
      expect(await fx.h.ok('supervision.list', { campaignId: fx.campaign.id })).toEqual([]);
    },
    bad: async (fx) => {
      expectFailure(await fx.h.call('supervision.delete', { id: MISSING_ID, version: 1 }), 'E_NOT_FOUND', /督导意见/);
      const note = await fx.h.ok('supervision.add', {
        campaignId: fx.campaign.id,
        courtCode: SUBORDINATE,
        text: '请补充佐证材料。',
      });
      expectFailure(await fx.h.call('supervision.delete', { id: note.id, version: 9 }), 'E_STALE');
      expectFailure(await fx.h.call('supervision.delete', { id: note.id } as never), 'E_INVALID');
    },
  },
  'supervision.unread': {
    good: async (fx) => {
      const note = receivedNote(fx);
      expect(await fx.h.ok('supervision.unread')).toEqual([
        expect.objectContaining({
          id: note.id,
          origin: 'J23',
          courtCode: 'J2301',
          relation: 'received',
          readAt: null,
          campaignTitle: fx.campaign.title,
          text: note.text,
        }),
      ]);
    },
    bad: async ({ h }) => {
      expectFailure(await h.call('supervision.unread', { all: true } as never), 'E_INVALID');
      expectFailure(await h.as('nobody').call('supervision.unread'), 'E_LOGIN_REQUIRED');
    },
  },
  'supervision.markRead': {
    good: async (fx) => {
      const note = receivedNote(fx);
      expect(await fx.h.ok('supervision.markRead', { ids: [note.id] })).toEqual({ marked: 1 });
      expect(await fx.h.ok('supervision.unread')).toEqual([]);
      expect(await fx.h.ok('supervision.markRead', { all: true })).toEqual({ marked: 0 });
    },
    bad: async (fx) => {
      const { h } = fx;
      expectFailure(await h.call('supervision.markRead', {}), 'E_INVALID', /请选择要标为已读的督导意见/);
      expectFailure(await h.call('supervision.markRead', { ids: ['not-an-id'] }), 'E_INVALID', /编号格式/);
      expectFailure(await h.call('supervision.markRead', { ids: [MISSING_ID] }), 'E_NOT_FOUND', /督导意见/);
      // A note this court wrote is not one to mark read.
      const written = await h.ok('supervision.add', {
        campaignId: fx.campaign.id,
        courtCode: SUBORDINATE,
        text: '意见',
      });
      expectFailure(await h.call('supervision.markRead', { ids: [written.id] }), 'E_NOT_FOUND', /上级法院发给本院/);
    },
  },
};

/** A note the superior J23 addressed to the fixture court J2301, as its package brings it. */
function receivedNote(fx: Fixture) {
  const note = { id: '0190f0e4-0000-7000-8000-00000000e101', text: '请于 12 月 5 日前整改报送迟缓问题。' };
  const stamp = '2026-11-20T09:00:00+08:00';
  fx.h.services.ctx.sqlite
    .prepare(
      "INSERT INTO supervision_notes (id, origin, version, change_seq, created_at, updated_at, campaign_id, court_code, item_id, kind, author, text) VALUES (?, 'J23', 1, 3, ?, ?, ?, 'J2301', NULL, 'supervision', '李科长', ?)",
    )
    .run(note.id, stamp, stamp, fx.campaign.id, note.text);
  return note;
}
