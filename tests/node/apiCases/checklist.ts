// The checklist page's reads at province scale: one window of the filtered, sorted list, the ids
// matching the filters, and the section tree's counts.
import { expect } from 'vitest';
import { expectFailure, MISSING_ID, withItem, type OperationCases } from './shared';

export const checklistCases: OperationCases<'items.window' | 'items.ids' | 'items.overview'> = {
  'items.window': {
    good: async (fx) => {
      await fx.h.ok('items.create', {
        campaignId: fx.campaign.id,
        sectionId: fx.sections[1].id,
        title: '第二栏目事项',
      });
      await fx.h.ok('items.create', { campaignId: fx.campaign.id, title: '未分栏目事项', owner: '周庭长' });
      await withItem(fx, { title: '第一栏目事项' });
      const scope = { campaignId: fx.campaign.id };
      const all = await fx.h.ok('items.window', { ...scope, offset: 0, limit: 2 });
      expect(all.total).toBe(3);
      expect(all.searchCount).toBeNull();
      expect(all.rows.map((i) => `${i.number}${i.title}`)).toEqual(['1第一栏目事项', '2第二栏目事项']);
      const rest = await fx.h.ok('items.window', { ...scope, offset: 2, limit: 2 });
      expect(rest.rows.map((i) => `${i.number}${i.title}`)).toEqual(['3未分栏目事项']);
      const found = await fx.h.ok('items.window', {
        ...scope,
        filters: { query: '周' },
        sort: { key: 'title', desc: true },
        offset: 0,
        limit: 10,
      });
      expect(found).toMatchObject({ total: 1, searchCount: 1, rows: [{ number: 3, title: '未分栏目事项' }] });
      const none = await fx.h.ok('items.window', { ...scope, filters: { section: 'none' }, offset: 0, limit: 10 });
      expect(none.rows.map((i) => i.title)).toEqual(['未分栏目事项']);
    },
    bad: async ({ h, campaign }) => {
      expectFailure(await h.call('items.window', { campaignId: MISSING_ID, offset: 0, limit: 10 }), 'E_NOT_FOUND');
      expectFailure(await h.call('items.window', { campaignId: campaign.id, offset: 0, limit: 501 }), 'E_INVALID');
      expectFailure(
        await h.call('items.window', {
          campaignId: campaign.id,
          offset: 0,
          limit: 10,
          sort: { key: 'sql', desc: false },
        } as never),
        'E_INVALID',
      );
    },
  },
  'items.ids': {
    good: async (fx) => {
      const a = await withItem(fx, { title: '甲' });
      const b = await fx.h.ok('items.create', {
        campaignId: fx.campaign.id,
        sectionId: fx.sections[1].id,
        title: '乙',
      });
      const c = await withItem(fx, { title: '丙', kind: 'mandatory' });
      expect((await fx.h.ok('items.ids', { campaignId: fx.campaign.id })).ids).toEqual([a.id, c.id, b.id]);
      const mandatory = await fx.h.ok('items.ids', { campaignId: fx.campaign.id, filters: { kind: 'mandatory' } });
      expect(mandatory.ids).toEqual([c.id]);
      await fx.h.ok('items.delete', { ids: [a.id] });
      expect((await fx.h.ok('items.ids', { campaignId: fx.campaign.id })).ids).toEqual([c.id, b.id]);
    },
    bad: async ({ h, campaign }) => {
      expectFailure(
        await h.call('items.ids', { campaignId: campaign.id, filters: { status: 'lost' } } as never),
        'E_INVALID',
      );
    },
  },
  'items.overview': {
    good: async (fx) => {
      const child = (
        await fx.h.ok('sections.create', { campaignId: fx.campaign.id, parentId: fx.sections[0].id, title: '子栏目' })
      ).sections.find((s) => s.title === '子栏目')!;
      await withItem(fx);
      await fx.h.ok('items.create', { campaignId: fx.campaign.id, sectionId: child.id, title: '子栏目事项' });
      await fx.h.ok('items.create', { campaignId: fx.campaign.id, title: '未分栏目事项' });
      const overview = await fx.h.ok('items.overview', { campaignId: fx.campaign.id });
      expect(overview.total).toBe(3);
      const counts = new Map(overview.sectionCounts.map((entry) => [entry.sectionId, entry.count]));
      expect(counts.get(fx.sections[0].id)).toBe(2);
      expect(counts.get(child.id)).toBe(1);
      expect(counts.get(null)).toBe(1);
      expect(counts.get(fx.sections[1].id)).toBeUndefined();
    },
    bad: async ({ h }) => {
      expectFailure(await h.call('items.overview', { campaignId: MISSING_ID }), 'E_NOT_FOUND');
    },
  },
};
