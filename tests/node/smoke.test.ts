import { describe, expect, it } from 'vitest';
import { openCourt } from './harness';

describe('smoke', () => {
  it('creates items and computes progress', async () => {
    const { h, campaign, sections } = await openCourt();
    const dept = await h.ok('departments.create', { name: '立案庭' });
    const item = await h.ok('items.create', {
      campaignId: campaign.id,
      sectionId: sections[0].id,
      title: '当场立案率达到95%以上',
      departmentId: dept.id,
      deadline: '2026-11-20',
      deadlineReason: '补录已逾期的事项',
    });
    expect(item.light).toBe('red');
    const done = await h.ok('items.markComplete', { id: item.id, version: item.version });
    expect(done.completedLate).toBe(true);
    const progress = await h.ok('stats.campaignProgress', { campaignId: campaign.id });
    expect(progress.overall.done).toBe(1);
    const verify = await h.ok('audit.verify');
    expect(verify.ok).toBe(true);
    const search = await h.ok('items.search', { campaignId: campaign.id, query: '立案率' });
    expect(search.ids).toEqual([item.id]);
    const short = await h.ok('items.search', { campaignId: campaign.id, query: '立案' });
    expect(short.mode).toBe('substring');
    await h.close();
  });
});
