// The colours a checklist item has shown are kept: "was red" survives finishing the work or
// moving the deadline, and each colour is dated from the day it really began, even when nobody
// opened the app that day.
import { afterEach, describe, expect, it } from 'vitest';
import { openCourt } from './harness';

type Court = Awaited<ReturnType<typeof openCourt>>;
const open: Court[] = [];
afterEach(async () => {
  for (const fx of open.splice(0)) await fx.h.close();
});

async function court() {
  const fx = await openCourt();
  open.push(fx);
  return fx;
}

describe('light history of checklist items', () => {
  it('dates yellow and red from the deadline, keeps "was red" after completion, and ends the span', async () => {
    const { h, campaign } = await court();
    const item = await h.ok('items.create', {
      campaignId: campaign.id,
      title: '清理长期未结案件',
      deadline: '2026-11-30',
      owner: '张法官',
    });
    expect(item).toMatchObject({ light: 'yellow', wasRed: false });
    // The app was not opened for a week: red began the day after the deadline, not today.
    h.setNow('2026-12-07T09:00:00+08:00');
    const [overdue] = await h.ok('items.list', { campaignId: campaign.id });
    expect(overdue).toMatchObject({ light: 'red', wasRed: true });
    const done = await h.ok('items.markComplete', { id: item.id, version: overdue.version });
    expect(done).toMatchObject({ light: 'green', completedLate: true, wasRed: true });
    expect(done.lightHistory).toEqual([
      // Yellow from the day it was entered (a week before the deadline was already past).
      { light: 'yellow', since: '2026-11-24', until: '2026-12-01' },
      { light: 'red', since: '2026-12-01', until: '2026-12-07' },
    ]);
    expect(await h.ok('lights.history', { kind: 'item', id: item.id })).toEqual(done.lightHistory);
  });

  it('keeps "was red" when the deadline is moved later, and starts a green span', async () => {
    const { h, campaign } = await court();
    const item = await h.ok('items.create', {
      campaignId: campaign.id,
      title: '案件评查',
      deadline: '2026-11-20',
      deadlineReason: '补录已逾期的事项',
    });
    expect(item.light).toBe('red');
    const moved = await h.ok('items.update', {
      id: item.id,
      version: item.version,
      title: item.title,
      deadline: '2027-03-31',
      deadlineReason: '评查范围扩大',
    });
    expect(moved).toMatchObject({ light: 'green', wasRed: true });
    expect(moved.lightHistory.map((s) => [s.light, s.until])).toEqual([
      ['red', '2026-11-24'],
      ['green', null],
    ]);
  });

  it('records nothing for items without a deadline, and nothing twice on the same day', async () => {
    const { h, campaign } = await court();
    const open = await h.ok('items.create', { campaignId: campaign.id, title: '常态化督导' });
    await h.ok('items.list', { campaignId: campaign.id });
    await h.ok('items.list', { campaignId: campaign.id });
    expect((await h.ok('items.get', { id: open.id })).lightHistory).toEqual([]);
    const dated = await h.ok('items.create', { campaignId: campaign.id, title: '专题调研', deadline: '2027-01-31' });
    h.setNow('2026-11-25T09:00:00+08:00');
    await h.ok('items.list', { campaignId: campaign.id });
    await h.ok('items.list', { campaignId: campaign.id });
    // Coloured from the day it was entered (settled on creation), and not again on later sweeps.
    expect((await h.ok('items.get', { id: dated.id })).lightHistory).toEqual([
      { light: 'green', since: '2026-11-24', until: null },
    ]);
  });
});
