// Supervision notes (督导意见) at both ends: the higher court writes them on a subordinate's work
// (the court as a whole or one of its items) and withdraws its own; the subordinate reads those
// addressed to it, with the titles of its own items, and can change none of them. Other courts'
// rows are put in with SQL, as an imported bundle would hold them.
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, intermediateCourt, openCourt, openHarness, type Harness } from './harness';
import { expectFailure as refused } from './apiCases/shared';

const open: Harness[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
});

const STAMP = '2026-11-01T09:00:00+08:00';
const id = (n: number) => `0190f0e4-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

/** J23 (intermediate, parent J00) with a campaign and two of J2301's items relayed up to it. */
async function higherCourt() {
  const h = await openHarness();
  open.push(h);
  await h.ok('court.setup', { profile: intermediateCourt, admin: ADMIN });
  const campaign = await h.ok('campaigns.create', { title: '能力作风建设年', year: 2026 });
  const other = await h.ok('campaigns.create', { title: '清廉法院建设', year: 2026 });
  const insertItem = h.services.ctx.sqlite.prepare(
    'INSERT INTO items (id, origin, version, change_seq, created_at, updated_at, campaign_id, sort_order, title) VALUES (?, ?, 1, 7, ?, ?, ?, 1024, ?)',
  );
  const theirs = { id: id(0xa1), title: '龙江：落实当场立案制度' };
  insertItem.run(theirs.id, 'J2301', STAMP, STAMP, campaign.id, theirs.title);
  const elsewhere = { id: id(0xa2), title: '龙江：廉政谈话' };
  insertItem.run(elsewhere.id, 'J2301', STAMP, STAMP, other.id, elsewhere.title);
  const ours = await h.ok('items.create', { campaignId: campaign.id, title: '本院：督导基层' });
  return { h, campaign, other, theirs, elsewhere, ours };
}

describe('at the higher court', () => {
  it('writes notes on a subordinate’s court and items, lists them newest first, and withdraws its own', async () => {
    const { h, campaign, theirs } = await higherCourt();
    const general = await h.ok('supervision.add', {
      campaignId: campaign.id,
      courtCode: 'J2301',
      text: '请于 11 月 30 日前报送推进情况。',
    });
    h.setNow('2026-11-24T11:00:00+08:00');
    const onItem = await h.ok('supervision.add', {
      campaignId: campaign.id,
      courtCode: 'J2301',
      itemId: theirs.id,
      kind: 'supervision',
      text: '当场立案率仍偏低，请说明原因。',
    });
    expect(onItem).toMatchObject({
      origin: 'J23',
      courtCode: 'J2301',
      itemId: theirs.id,
      itemTitle: theirs.title,
      kind: 'supervision',
      author: '李科长',
    });
    expect(new Date(onItem.createdAt).toISOString()).toBe('2026-11-24T03:00:00.000Z');
    expect(general).toMatchObject({ itemId: null, itemTitle: null, kind: 'comment' });

    const forCourt = await h.ok('supervision.list', { campaignId: campaign.id, courtCode: 'J2301' });
    expect(forCourt.map((n) => n.id)).toEqual([onItem.id, general.id]);
    expect((await h.ok('supervision.list', { campaignId: campaign.id })).map((n) => n.id)).toEqual([
      onItem.id,
      general.id,
    ]);
    expect(await h.ok('supervision.list', { campaignId: campaign.id, courtCode: 'J2302' })).toEqual([]);
    // None was addressed to this court itself.
    expect(await h.ok('supervision.list', { campaignId: campaign.id, courtCode: 'J23' })).toEqual([]);

    // The note is this court's row: it travels down in the package like any other.
    const row = h.services.ctx.sqlite
      .prepare('SELECT origin, court_code, change_seq FROM supervision_notes WHERE id = ?')
      .get(onItem.id) as { origin: string; court_code: string; change_seq: number };
    expect(row).toMatchObject({ origin: 'J23', court_code: 'J2301' });
    expect(row.change_seq).toBeGreaterThan(0);
    const audit = await h.ok('audit.list', { rowId: onItem.id });
    expect(audit).toEqual([expect.objectContaining({ tableName: 'supervisionNotes', operation: 'create' })]);

    refused(await h.call('supervision.delete', { id: onItem.id, version: 2 }), 'E_STALE');
    await h.ok('supervision.delete', { id: onItem.id, version: onItem.version });
    expect((await h.ok('supervision.list', { campaignId: campaign.id, courtCode: 'J2301' })).map((n) => n.id)).toEqual([
      general.id,
    ]);
    refused(await h.call('supervision.delete', { id: onItem.id, version: 2 }), 'E_NOT_FOUND', /督导意见/);
  });

  it('refuses notes on itself or its superior, on items that are not the court’s in that campaign, and from a 填报人', async () => {
    const { h, campaign, other, theirs, elsewhere, ours } = await higherCourt();
    refused(
      await h.call('supervision.add', { campaignId: campaign.id, courtCode: 'J23', text: '意见' }),
      'E_INVALID',
      /只能对下级法院的工作提出督导意见/,
    );
    refused(
      await h.call('supervision.add', { campaignId: campaign.id, courtCode: 'J00', text: '意见' }),
      'E_INVALID',
      /只能对下级法院/,
    );
    refused(
      await h.call('supervision.add', { campaignId: campaign.id, courtCode: 'J2301', itemId: ours.id, text: '意见' }),
      'E_NOT_FOUND',
      /J2301 法院的这项事项/,
    );
    refused(
      await h.call('supervision.add', {
        campaignId: campaign.id,
        courtCode: 'J2301',
        itemId: elsewhere.id,
        text: '意见',
      }),
      'E_NOT_FOUND',
    );
    refused(
      await h.call('supervision.add', { campaignId: campaign.id, courtCode: 'J2302', itemId: theirs.id, text: '意见' }),
      'E_NOT_FOUND',
    );
    refused(
      await h.call('supervision.add', { campaignId: id(0xff), courtCode: 'J2301', text: '意见' }),
      'E_NOT_FOUND',
      /专项活动/,
    );
    refused(
      await h.call('supervision.add', { campaignId: campaign.id, courtCode: 'J2301', text: '意'.repeat(2001) }),
      'E_INVALID',
      /2000/,
    );
    // The right campaign for the other item is fine.
    await h.ok('supervision.add', {
      campaignId: other.id,
      courtCode: 'J2301',
      itemId: elsewhere.id,
      text: '请补充谈话记录。',
    });

    const department = await h.ok('departments.create', { name: '审管办' });
    await h.addUser({ username: 'tianfa', displayName: '田填报', roles: ['filer'], departmentId: department.id });
    refused(
      await h.as('tianfa').call('supervision.add', { campaignId: campaign.id, courtCode: 'J2301', text: '意见' }),
      'E_FORBIDDEN',
    );
    // Reading is open to everyone logged in.
    expect(await h.as('tianfa').ok('supervision.list', { campaignId: other.id })).toHaveLength(1);
    expect(h.services.ctx.sqlite.prepare('SELECT COUNT(*) AS n FROM supervision_notes').get()).toEqual({ n: 1 });
  });
});

describe('at the subordinate', () => {
  it('reads the notes addressed to it, with its own items’ titles, and can change none of them', async () => {
    const { h, campaign } = await openCourt();
    open.push(h);
    const item = await h.ok('items.create', { campaignId: campaign.id, title: '落实当场立案制度' });
    const insertNote = h.services.ctx.sqlite.prepare(
      'INSERT INTO supervision_notes (id, origin, version, change_seq, created_at, updated_at, campaign_id, court_code, item_id, kind, author, text) VALUES (?, ?, 1, 3, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    insertNote.run(
      id(0xb1),
      'J23',
      '2026-11-20T09:00:00+08:00',
      '2026-11-20T09:00:00+08:00',
      campaign.id,
      'J2301',
      null,
      'comment',
      '李科长',
      '请于月底前报送推进情况。',
    );
    insertNote.run(
      id(0xb2),
      'J23',
      '2026-11-22T09:00:00+08:00',
      '2026-11-22T09:00:00+08:00',
      campaign.id,
      'J2301',
      item.id,
      'supervision',
      '李科长',
      '当场立案率仍偏低。',
    );
    // Addressed to a sibling court (relayed with the same package): not ours to read.
    insertNote.run(
      id(0xb3),
      'J23',
      '2026-11-23T09:00:00+08:00',
      '2026-11-23T09:00:00+08:00',
      campaign.id,
      'J2302',
      null,
      'comment',
      '李科长',
      '给兄弟法院的意见。',
    );
    const deleted = id(0xb4);
    insertNote.run(
      deleted,
      'J23',
      '2026-11-23T09:00:00+08:00',
      '2026-11-23T09:00:00+08:00',
      campaign.id,
      'J2301',
      null,
      'comment',
      '李科长',
      '已撤回的意见。',
    );
    h.services.ctx.sqlite
      .prepare('UPDATE supervision_notes SET deleted_at = ? WHERE id = ?')
      .run('2026-11-23T10:00:00+08:00', deleted);

    const list = await h.ok('supervision.list', { campaignId: campaign.id });
    expect(list.map((n) => [n.text, n.kind, n.itemTitle, n.origin])).toEqual([
      ['当场立案率仍偏低。', 'supervision', '落实当场立案制度', 'J23'],
      ['请于月底前报送推进情况。', 'comment', null, 'J23'],
    ]);
    expect(await h.ok('supervision.list', { campaignId: campaign.id, courtCode: 'J2301' })).toEqual(list);

    refused(await h.call('supervision.delete', { id: id(0xb2), version: 1 }), 'E_NOT_OWNER', /J23 法院下发.*只能查看/);
    refused(
      await h.call('supervision.add', { campaignId: campaign.id, courtCode: 'J23', text: '对上级的意见' }),
      'E_INVALID',
      /只能对下级法院/,
    );
    expect(
      h.services.ctx.sqlite.prepare('SELECT COUNT(*) AS n FROM supervision_notes WHERE deleted_at IS NULL').get(),
    ).toEqual({ n: 3 });
  });
});
