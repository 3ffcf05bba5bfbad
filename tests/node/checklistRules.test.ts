// Lights, late-but-done memory, ownership and numbering, on a real database.
import { describe, expect, it } from 'vitest';
import { chineseNumeral, lightFor, sectionNumber } from '../../src/shared/checklistRules';
import { openCourt } from './harness';

describe('traffic lights', () => {
  it('are yellow within 7 days by default, red once overdue, green when done', () => {
    expect(lightFor('in_progress', '2026-12-01', '2026-11-24', 7)).toBe('yellow');
    expect(lightFor('in_progress', '2026-12-02', '2026-11-24', 7)).toBe('green');
    expect(lightFor('not_started', '2026-11-24', '2026-11-24', 7)).toBe('yellow');
    expect(lightFor('not_started', '2026-11-23', '2026-11-24', 7)).toBe('red');
    expect(lightFor('returned', '2026-11-23', '2026-11-24', 7)).toBe('red');
    expect(lightFor('completed', '2026-11-23', '2026-11-24', 7)).toBe('green');
    expect(lightFor('in_progress', null, '2026-11-24', 7)).toBe('none');
  });

  it('follow the calendar: an item turns yellow, then red, and remembers it was finished late', async () => {
    const { h, campaign } = await openCourt({ now: '2026-11-10T09:00:00+08:00' });
    const item = await h.ok('items.create', {
      campaignId: campaign.id,
      title: '清理长期未结案件',
      deadline: '2026-11-20',
    });
    expect(item.light).toBe('green');
    h.setNow('2026-11-14T09:00:00+08:00');
    expect((await h.ok('items.get', { id: item.id })).light).toBe('yellow');
    h.setNow('2026-11-21T09:00:00+08:00');
    expect((await h.ok('items.get', { id: item.id })).light).toBe('red');
    const done = await h.ok('items.markComplete', { id: item.id, version: item.version });
    expect(done).toMatchObject({ light: 'green', completedLate: true });
    h.setNow('2027-03-01T09:00:00+08:00');
    expect((await h.ok('items.get', { id: item.id })).completedLate).toBe(true);
    await h.close();
  });

  it('respect a campaign-specific warning window', async () => {
    const { h, campaign } = await openCourt();
    await h.ok('campaigns.update', {
      id: campaign.id,
      version: campaign.version,
      title: campaign.title,
      year: 2026,
      yellowDays: 14,
    });
    const item = await h.ok('items.create', { campaignId: campaign.id, title: '开展案件评查', deadline: '2026-12-05' });
    expect(item.light).toBe('yellow');
    await h.close();
  });
});

describe('ownership', () => {
  it('refuses changes to rows that another court issued', async () => {
    const { h } = await openCourt();
    h.services.ctx.sqlite
      .prepare(
        "INSERT INTO campaigns (id, origin, version, change_seq, created_at, updated_at, title, issuing_court_code, year) VALUES ('0190f0e4-0000-7000-8000-0000000000aa', 'J23', 1, 999, '2026-01-01', '2026-01-01', '高院下发的活动', 'J23', 2026)",
      )
      .run();
    const result = await h.call('campaigns.update', {
      id: '0190f0e4-0000-7000-8000-0000000000aa',
      version: 1,
      title: '改名',
      year: 2026,
    });
    expect(result).toMatchObject({ ok: false, code: 'E_NOT_OWNER' });
    expect((result as { message: string }).message).toMatch(/J23.*只能查看/);
    await h.close();
  });

  it('bumps version and the monotonic change counter on every change', async () => {
    const { h, campaign } = await openCourt();
    const item = await h.ok('items.create', { campaignId: campaign.id, title: '事项' });
    const sqlite = h.services.ctx.sqlite;
    const seq1 = (sqlite.prepare('SELECT change_seq FROM items WHERE id = ?').get(item.id) as { change_seq: number })
      .change_seq;
    // A clock running backwards must not reorder changes.
    h.setNow('2020-01-01T00:00:00+08:00');
    await h.ok('items.update', { id: item.id, version: 1, title: '事项（改）' });
    const row = sqlite.prepare('SELECT change_seq, version FROM items WHERE id = ?').get(item.id) as {
      change_seq: number;
      version: number;
    };
    expect(row.version).toBe(2);
    expect(row.change_seq).toBeGreaterThan(seq1);
    await h.close();
  });
});

describe('numbering', () => {
  it('follows official-document style by depth', () => {
    expect([1, 10, 12, 20, 38].map(chineseNumeral)).toEqual(['一', '十', '十二', '二十', '三十八']);
    expect([sectionNumber(0, 6), sectionNumber(1, 3), sectionNumber(2, 4), sectionNumber(3, 2)]).toEqual([
      '六、',
      '（三）',
      '4.',
      '（2）',
    ]);
  });
});
