// 督办单 at both ends: the high court J23 issues orders to courts on its roster (one batch, one
// 文号), the basic court J230201 signs for them and replies through its own reviewer (two people),
// the issuer closes or returns them; escalation once the reply deadline passes; the ledger, the
// matrix counts and the criticism counts. The campaign, the orders and the responses travel by
// real bundles (high → intermediate relay → basic and back); only the sibling test puts an
// order's row where it must never arrive, with SQL, to show the reads still keep it hidden.
import { afterEach, describe, expect, it } from 'vitest';
import { derivePrefix, formatDocNumber } from '../../src/main/orders/docNumbers';
import { criticismCounts } from '../../src/main/notices/criticisms';
import { deriveState, escalated } from '../../src/main/orders/orderState';
import type { Harness } from './harness';
import { pdfFile } from './evidenceSamples';
import { expectFailure as refused } from './apiCases/shared';
import {
  BASIC,
  BASIC_2,
  HIGH,
  INTERMEDIATE,
  openEngineCourt,
  outFolder,
  passDown,
  reportUp,
  type SyncCourt,
  type SyncProfile,
} from './sync/syncFixtures';

const open: Harness[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
});

type Row = Record<string, unknown>;

/** Copies rows from one court's database to another's as they are (a leak sync never makes). */
function deliver(from: SyncCourt, to: SyncCourt, table: 'supervision_orders' | 'order_responses', where: string) {
  const rows = from.h.services.ctx.sqlite.prepare(`SELECT * FROM ${table} WHERE ${where}`).all() as Row[];
  for (const row of rows) {
    const columns = Object.keys(row);
    to.h.services.ctx.sqlite
      .prepare(`INSERT OR REPLACE INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
      .run(...columns.map((c) => row[c]));
  }
  return rows.length;
}

/** The high court's next packages down, through the intermediate court, to J230201 (real bundles). */
async function down(p: Province) {
  await passDown(p.high, p.middle, INTERMEDIATE.code, p.campaign.id, p.folder);
  await passDown(p.middle, p.basic, BASIC.code, p.campaign.id, p.folder);
}

/** J230201's next report up, relayed by the intermediate court to the high court (real bundles). */
async function up(p: Province) {
  await reportUp(p.basic, p.middle, BASIC.code, p.folder);
  await reportUp(p.middle, p.high, INTERMEDIATE.code, p.folder);
}

/**
 * J23 (high) → J2302 (intermediate) → J230201 and J230202 (basic), one campaign passed down with
 * one mandatory item, the basic courts' copies reported back up; the high court's roster names
 * all three. J230201's copy is in its 刑事审判庭, with a filer there and two reviewers.
 */
async function province() {
  const folder = outFolder();
  const high = await openEngineCourt(HIGH, open);
  const middle = await openEngineCourt(INTERMEDIATE, open);
  const basic = await openEngineCourt(BASIC, open);
  const sibling = await openEngineCourt(BASIC_2 as unknown as SyncProfile, open);
  const campaign = await high.h.ok('campaigns.create', {
    title: '能力作风建设年',
    year: 2026,
    startDate: '2026-03-01',
    endDate: '2027-06-30',
  });
  await high.h.ok('items.create', { campaignId: campaign.id, title: '开展庭审观摩活动', kind: 'mandatory' });
  await passDown(high, middle, INTERMEDIATE.code, campaign.id, folder);
  await passDown(middle, basic, BASIC.code, campaign.id, folder);
  await passDown(middle, sibling, BASIC_2.code, campaign.id, folder);
  const copyOf = (court: SyncCourt, code: string) =>
    (court.h.services.ctx.sqlite.prepare('SELECT id FROM items WHERE origin = ?').get(code) as { id: string }).id;
  const copyId = copyOf(basic, BASIC.code);
  const siblingItem = copyOf(sibling, BASIC_2.code);
  const trial = await basic.h.ok('departments.create', { name: '刑事审判庭' });
  const office = await basic.h.ok('departments.create', { name: '办公室' });
  const copy = await basic.h.ok('items.get', { id: copyId });
  await basic.h.ok('items.update', { ...copy, departmentId: trial.id });
  const filer = await basic.h.addUser({
    username: 'tianbao',
    displayName: '刘填报',
    roles: ['filer'],
    departmentId: trial.id,
  });
  const outsider = await basic.h.addUser({
    username: 'bangong',
    displayName: '周办公',
    roles: ['filer'],
    departmentId: office.id,
  });
  const reviewer = await basic.h.addUser({ username: 'shenhe', displayName: '陈审核', roles: ['reviewer'] });
  const reviewer2 = await basic.h.addUser({ username: 'shenhe2', displayName: '吴审核', roles: ['reviewer'] });
  await reportUp(basic, middle, BASIC.code, folder);
  await reportUp(sibling, middle, BASIC_2.code, folder);
  await reportUp(middle, high, INTERMEDIATE.code, folder);
  for (const entry of [
    { code: INTERMEDIATE.code, name: INTERMEDIATE.name, level: 'intermediate' as const, parentCode: HIGH.code },
    { code: BASIC.code, name: BASIC.name, level: 'basic' as const, parentCode: INTERMEDIATE.code },
    { code: BASIC_2.code, name: BASIC_2.name, level: 'basic' as const, parentCode: INTERMEDIATE.code },
  ]) {
    const listed = (await high.h.ok('roster.list')).courts.find((c) => c.code === entry.code);
    if (!listed) await high.h.ok('roster.add', entry);
  }
  return {
    folder,
    high,
    middle,
    basic,
    sibling,
    campaign,
    copyId,
    siblingItem,
    trial,
    filer,
    outsider,
    reviewer,
    reviewer2,
  };
}

type Province = Awaited<ReturnType<typeof province>>;

const issueInput = (p: Province, overrides: Record<string, unknown> = {}) => ({
  campaignId: p.campaign.id,
  courtCodes: [BASIC.code],
  itemIds: [p.copyId],
  kind: 'supervise' as const,
  colour: 'red' as const,
  requirement: '庭审观摩活动进度滞后，请于期限内报告整改情况。',
  replyDue: '2026-12-05',
  docPrefix: '黑高法',
  ...overrides,
});

describe('文号', () => {
  it('derives the 代字 from the court’s name and writes both series', () => {
    expect(derivePrefix('黑龙江省高级人民法院')).toBe('黑高法');
    expect(derivePrefix('齐齐哈尔市中级人民法院')).toBe('齐中法');
    expect(derivePrefix('龙江县人民法院')).toBe('龙法');
    expect(formatDocNumber('黑高法', 2026, 12, 'order')).toBe('黑高法督〔2026〕12号');
    expect(formatDocNumber('黑高法', 2026, 12, 'notice')).toBe('黑高法〔2026〕12号');
  });

  it('counts per year, deleted orders included, and remembers the 代字', async () => {
    const p = await province();
    const defaults = await p.high.h.ok('orders.defaults', { campaignId: p.campaign.id });
    expect(defaults).toMatchObject({ docPrefix: '黑高法', year: 2026, nextDocNumber: '黑高法督〔2026〕1号' });
    expect(defaults).toMatchObject({ campaignStart: '2026-03-01', campaignEnd: '2027-06-30' });
    // A withdrawn order numbered 12 still holds its number.
    p.high.h.services.ctx.sqlite
      .prepare(
        `INSERT INTO supervision_orders (id, origin, version, change_seq, created_at, updated_at, deleted_at, campaign_id,
           court_code, batch_id, kind, colour, requirement, reply_due, doc_number, doc_year, doc_seq, issued_by, issued_at)
         VALUES ('0190f0e4-0000-7000-8000-0000000000c1', 'J23', 2, 900, ?, ?, ?, ?, 'J230201', '0190f0e4-0000-7000-8000-0000000000c2',
           'remind', 'blue', '旧', '2026-11-30', '黑高法督〔2026〕12号', 2026, 12, '李处长', ?)`,
      )
      .run(
        '2026-11-01T09:00:00+08:00',
        '2026-11-02T09:00:00+08:00',
        '2026-11-02T09:00:00+08:00',
        p.campaign.id,
        '2026-11-01T09:00:00+08:00',
      );
    const issued = await p.high.h.ok('orders.issue', issueInput(p, { docPrefix: '黑高法办' }));
    expect(issued.docNumber).toBe('黑高法办督〔2026〕13号');
    expect(await p.high.h.ok('orders.defaults', { campaignId: p.campaign.id })).toMatchObject({
      docPrefix: '黑高法办',
      nextDocNumber: '黑高法办督〔2026〕14号',
    });
    // A new year starts at 1.
    p.high.h.setNow('2027-01-05T09:00:00+08:00');
    const next = await p.high.h.ok('orders.issue', issueInput(p, { replyDue: '2027-01-20' }));
    expect(next.docNumber).toBe('黑高法督〔2027〕1号');
  });
});

describe('issuing', () => {
  it('issues one order per court in one batch, each with its own items, audited', async () => {
    const p = await province();
    const result = await p.high.h.ok(
      'orders.issue',
      issueInput(p, { courtCodes: [BASIC.code, BASIC_2.code], itemIds: [p.copyId, p.siblingItem] }),
    );
    expect(result.docNumber).toBe('黑高法督〔2026〕1号');
    expect(
      result.orders.map((o) => [o.courtCode, o.courtName, o.batchId, o.docNumber, o.items.map((i) => i.id)]),
    ).toEqual([
      [BASIC.code, BASIC.name, result.batchId, result.docNumber, [p.copyId]],
      [BASIC_2.code, BASIC_2.name, result.batchId, result.docNumber, [p.siblingItem]],
    ]);
    expect(result.orders[0]).toMatchObject({
      origin: HIGH.code,
      originName: HIGH.name,
      relation: 'issued',
      state: 'unsigned',
      status: 'open',
      overdue: false,
      displayColour: 'red',
      daysLeft: 11,
      issuedBy: HIGH.operatorName,
      campaignTitle: '能力作风建设年',
      responses: [],
    });
    expect(result.orders[0].items[0].title).toBe('开展庭审观摩活动');
    const audit = await p.high.h.ok('audit.list', { rowId: result.orders[1].id });
    expect(audit).toEqual([expect.objectContaining({ tableName: 'supervisionOrders', operation: 'issue-order' })]);
    const listed = await p.high.h.ok('orders.list', { campaignId: p.campaign.id, relation: 'issued' });
    expect(listed.map((o) => o.id).sort()).toEqual(result.orders.map((o) => o.id).sort());
    expect(await p.high.h.ok('orders.list', { relation: 'received' })).toEqual([]);
  });

  it('refuses each bad input, naming the field, and writes nothing', async () => {
    const p = await province();
    const h = p.high.h;
    const before = h.services.ctx.sqlite.prepare('SELECT count(*) AS n FROM supervision_orders').get();
    const early = refused(await h.call('orders.issue', issueInput(p, { replyDue: '2026-11-23' })), 'E_INVALID');
    expect(early.fieldErrors?.replyDue).toMatch(/不能早于今天/);
    const late = refused(await h.call('orders.issue', issueInput(p, { replyDue: '2027-07-01' })), 'E_INVALID');
    expect(late.fieldErrors?.replyDue).toMatch(/不能晚于专项活动的结束日期（2027-06-30）/);
    const stranger = refused(
      await h.call('orders.issue', issueInput(p, { courtCodes: [BASIC.code, 'J2399'], itemIds: [] })),
      'E_INVALID',
      /J2399 不在本院应报名单中/,
    );
    expect(stranger.fieldErrors?.courtCodes).toMatch(/J2399 不在本院应报名单中/);
    const self = refused(
      await h.call('orders.issue', issueInput(p, { courtCodes: [HIGH.code], itemIds: [] })),
      'E_INVALID',
    );
    expect(self.fieldErrors?.courtCodes).toMatch(/不是本院的下级法院/);
    // The sibling's item, on an order only to J230201.
    const item = refused(await h.call('orders.issue', issueInput(p, { itemIds: [p.siblingItem] })), 'E_INVALID');
    expect(item.fieldErrors?.itemIds).toMatch(/不是所选法院在本专项活动中的事项/);
    // A court merged away.
    const entry = (await h.ok('roster.list')).courts.find((c) => c.code === BASIC_2.code)!;
    await h.ok('roster.merge', { id: entry.id, version: entry.version, mergedAt: '2026-11-01' });
    const merged = refused(
      await h.call('orders.issue', issueInput(p, { courtCodes: [BASIC_2.code], itemIds: [] })),
      'E_INVALID',
    );
    expect(merged.fieldErrors?.courtCodes).toMatch(/已撤并/);
    expect(h.services.ctx.sqlite.prepare('SELECT count(*) AS n FROM supervision_orders').get()).toEqual(before);
    // A basic court has nobody below it on a roster.
    refused(
      await p.basic.h.call('orders.issue', issueInput(p, { courtCodes: [BASIC_2.code], itemIds: [] })),
      'E_INVALID',
      /不在本院应报名单中/,
    );
  });
});

describe('the loop', () => {
  it('sign, reply through a second person, return, reply again, close; each side only changes its own', async () => {
    const p = await province();
    const { orders } = await p.high.h.ok('orders.issue', issueInput(p));
    const order = orders[0];
    await down(p);

    // The receiving court sees it as received, with its own item's title.
    const received = await p.basic.h.ok('orders.get', { id: order.id });
    expect(received).toMatchObject({ relation: 'received', state: 'unsigned', docNumber: '黑高法督〔2026〕1号' });
    expect(received.items).toEqual([{ id: p.copyId, title: '开展庭审观摩活动' }]);
    // 待办: the item's department and the reviewers; not another department's filer.
    expect((await p.basic.h.as('tianbao').ok('orders.tasks')).map((t) => t.task)).toEqual(['sign']);
    expect(await p.basic.h.as('bangong').ok('orders.tasks')).toEqual([]);
    refused(await p.basic.h.as('bangong').call('orders.sign', { id: order.id }), 'E_FORBIDDEN', /不属于您所在的部门/);

    // The issuer cannot sign for or reply to its own order; the receiver cannot close, return or change it.
    refused(await p.high.h.call('orders.sign', { id: order.id }), 'E_NOT_OWNER', /只有收到督办单的法院可以签收和回复/);
    refused(
      await p.high.h.call('orders.saveReply', { orderId: order.id, text: '已整改' }),
      'E_NOT_OWNER',
      /只有收到督办单的法院/,
    );
    refused(await p.basic.h.call('orders.close', { id: order.id, version: 1 }), 'E_NOT_OWNER', /只有发出督办单的法院/);
    refused(await p.basic.h.call('orders.return', { id: order.id, version: 1, reason: '不行' }), 'E_NOT_OWNER');
    refused(await p.basic.h.call('orders.update', { id: order.id, version: 1, colour: 'blue' }), 'E_NOT_OWNER');

    // 签收, once.
    p.basic.h.setNow('2026-11-25T09:00:00+08:00');
    const signed = await p.basic.h.as('tianbao').ok('orders.sign', { id: order.id });
    expect(signed).toMatchObject({ state: 'signed', signedBy: '刘填报' });
    expect(new Date(signed.signedAt!).toISOString()).toBe('2026-11-25T01:00:00.000Z');
    const again = await p.basic.h.ok('orders.sign', { id: order.id });
    expect(again.responses).toEqual(signed.responses);
    expect((await p.basic.h.as('tianbao').ok('orders.tasks')).map((t) => t.task)).toEqual(['reply']);

    // A reply: this court's items and evidence only.
    refused(
      await p.basic.h
        .as('tianbao')
        .call('orders.saveReply', { orderId: order.id, text: '已整改', itemIds: [p.siblingItem] }),
      'E_INVALID',
      /不是本院在本专项活动中的事项/,
    );
    const evidence = await p.basic.h.as('tianbao').ok('evidence.add', {
      itemId: p.copyId,
      name: '观摩记录.pdf',
      mimeType: 'application/pdf',
      dataBase64: pdfFile('观摩记录').toString('base64'),
    });
    const drafted = await p.basic.h.as('tianbao').ok('orders.saveReply', {
      orderId: order.id,
      text: '已组织庭审观摩两次。',
      itemIds: [p.copyId],
      evidenceIds: [evidence.id],
    });
    const draft = drafted.responses.find((r) => r.kind === 'reply')!;
    expect(draft).toMatchObject({
      status: 'draft',
      author: '刘填报',
      items: [{ id: p.copyId, title: '开展庭审观摩活动' }],
    });
    expect(draft.evidence).toEqual([{ id: evidence.id, itemId: p.copyId, name: '观摩记录.pdf' }]);
    // Not yet visible at the issuer: a draft never goes up.
    await up(p);
    expect((await p.high.h.ok('orders.get', { id: order.id })).responses.map((r) => r.kind)).toEqual(['sign']);

    const submitted = await p.basic.h.as('tianbao').ok('orders.saveReply', {
      orderId: order.id,
      replyId: draft.id,
      version: draft.version,
      text: '已组织庭审观摩两次，整改完毕。',
      itemIds: [p.copyId],
      submit: true,
    });
    const pending = submitted.responses.find((r) => r.kind === 'reply')!;
    expect(pending.status).toBe('pending');
    // Two people: the drafter is no reviewer; a reviewer who drafted cannot review their own.
    refused(
      await p.basic.h
        .as('tianbao')
        .call('orders.reviewReply', { replyId: pending.id, version: pending.version, approve: true }),
      'E_FORBIDDEN',
    );
    const own = await p.basic.h
      .as('shenhe')
      .ok('orders.saveReply', { orderId: order.id, text: '审核人自己写的回复', submit: true });
    const ownReply = own.responses.filter((r) => r.kind === 'reply').at(-1)!;
    refused(
      await p.basic.h
        .as('shenhe')
        .call('orders.reviewReply', { replyId: ownReply.id, version: ownReply.version, approve: true }),
      'E_OWN_WORK',
      /两人审核/,
    );
    expect((await p.basic.h.as('shenhe').ok('orders.tasks')).map((t) => t.task)).toEqual(['review']);
    refused(
      await p.basic.h
        .as('shenhe2')
        .call('orders.reviewReply', { replyId: ownReply.id, version: ownReply.version, approve: false }),
      'E_INVALID',
      /退回理由/,
    );
    await p.basic.h.as('shenhe2').ok('orders.reviewReply', {
      replyId: ownReply.id,
      version: ownReply.version,
      approve: false,
      note: '请由承办部门回复',
    });
    p.basic.h.setNow('2026-11-26T10:00:00+08:00');
    const approved = await p.basic.h
      .as('shenhe')
      .ok('orders.reviewReply', { replyId: pending.id, version: pending.version, approve: true });
    expect(approved).toMatchObject({ state: 'replied', repliedOnTime: true, daysLeft: null });
    expect(approved.responses.find((r) => r.id === pending.id)).toMatchObject({ status: 'sent', reviewedBy: '陈审核' });

    // Up at the issuer: the 签收 and the sent reply only; a decision waits.
    await up(p);
    const atIssuer = await p.high.h.ok('orders.get', { id: order.id });
    expect(atIssuer).toMatchObject({ state: 'replied', signedBy: '刘填报', repliedOnTime: true });
    expect(atIssuer.responses.map((r) => [r.kind, r.status])).toEqual([
      ['sign', 'sent'],
      ['reply', 'sent'],
    ]);
    expect((await p.high.h.ok('orders.tasks')).map((t) => [t.task, t.order.id])).toEqual([['decide', order.id]]);

    // 退回 → back to the court's 待办 → a new reply → replied again.
    p.high.h.setNow('2026-11-27T09:00:00+08:00');
    const returned = await p.high.h.ok('orders.return', {
      id: order.id,
      version: atIssuer.version,
      reason: '请补充观摩记录。',
    });
    expect(returned).toMatchObject({ status: 'returned', state: 'returned', decisionNote: '请补充观摩记录。' });
    refused(
      await p.high.h.call('orders.return', { id: order.id, version: returned.version, reason: '再退' }),
      'E_INVALID',
      /还没有收到新的回复/,
    );
    await down(p);
    expect((await p.basic.h.as('tianbao').ok('orders.tasks')).map((t) => t.task)).toEqual(['reply']);
    p.basic.h.setNow('2026-11-28T09:00:00+08:00');
    const second = await p.basic.h
      .as('tianbao')
      .ok('orders.saveReply', { orderId: order.id, text: '已补充观摩记录。', submit: true });
    const secondReply = second.responses.filter((r) => r.kind === 'reply' && r.status === 'pending')[0];
    const replied = await p.basic.h
      .as('shenhe2')
      .ok('orders.reviewReply', { replyId: secondReply.id, version: secondReply.version, approve: true });
    expect(replied.state).toBe('replied');
    await up(p);
    const decided = await p.high.h.ok('orders.get', { id: order.id });
    expect(decided.state).toBe('replied');

    // 办结; then nothing more on either side.
    const closed = await p.high.h.ok('orders.close', { id: order.id, version: decided.version, note: '整改到位。' });
    expect(closed).toMatchObject({ status: 'closed', state: 'closed', decidedBy: HIGH.operatorName });
    refused(await p.high.h.call('orders.close', { id: order.id, version: closed.version }), 'E_CLOSED');
    refused(
      await p.high.h.call('orders.update', { id: order.id, version: closed.version, colour: 'blue' }),
      'E_CLOSED',
    );
    const audit = await p.high.h.ok('audit.list', { rowId: order.id });
    expect(audit.map((a) => a.operation)).toEqual(['order-close', 'order-return', 'issue-order']);
    await down(p);
    refused(
      await p.basic.h.as('tianbao').call('orders.saveReply', { orderId: order.id, text: '再补充' }),
      'E_CLOSED',
      /督办单已办结，不能再回复/,
    );
    refused(await p.basic.h.call('orders.sign', { id: order.id }), 'E_CLOSED');
    expect(await p.basic.h.as('tianbao').ok('orders.tasks')).toEqual([]);
  });

  it('closes without a reply (said so in the audit), updates an open order, refuses a stale version', async () => {
    const p = await province();
    const { orders } = await p.high.h.ok('orders.issue', issueInput(p, { colour: 'blue' }));
    const changed = await p.high.h.ok('orders.update', {
      id: orders[0].id,
      version: 1,
      colour: 'yellow',
      replyDue: '2026-12-10',
    });
    expect(changed).toMatchObject({ colour: 'yellow', replyDue: '2026-12-10', version: 2 });
    refused(await p.high.h.call('orders.update', { id: orders[0].id, version: 1, colour: 'red' }), 'E_STALE');
    const late = refused(
      await p.high.h.call('orders.update', { id: orders[0].id, version: 2, replyDue: '2027-07-02' }),
      'E_INVALID',
    );
    expect(late.fieldErrors?.replyDue).toMatch(/结束日期/);
    refused(
      await p.high.h.call('orders.return', { id: orders[0].id, version: 2, reason: '未回复' }),
      'E_INVALID',
      /还没有收到回复/,
    );
    const closed = await p.high.h.ok('orders.close', { id: orders[0].id, version: 2 });
    expect(closed.state).toBe('closed');
    expect((await p.high.h.ok('audit.list', { rowId: orders[0].id }))[0]?.operation).toBe('order-close-unreplied');
  });

  it('a sibling court and a court elsewhere see nothing of an order, even if its row were there', async () => {
    const p = await province();
    const { orders } = await p.high.h.ok('orders.issue', issueInput(p));
    deliver(p.high, p.sibling, 'supervision_orders', `id = '${orders[0].id}'`);
    expect(await p.sibling.h.ok('orders.list', {})).toEqual([]);
    refused(await p.sibling.h.call('orders.get', { id: orders[0].id }), 'E_NOT_FOUND', /督办单/);
    refused(await p.sibling.h.call('orders.sign', { id: orders[0].id }), 'E_NOT_OWNER');
    expect(await p.sibling.h.ok('orders.tasks')).toEqual([]);
    // The intermediate court on the path sees its superior's order on its basic court, read-only.
    deliver(p.high, p.middle, 'supervision_orders', `id = '${orders[0].id}'`);
    expect(await p.middle.h.ok('orders.get', { id: orders[0].id })).toMatchObject({ relation: 'superior' });
    refused(await p.middle.h.call('orders.close', { id: orders[0].id, version: 1 }), 'E_NOT_OWNER');
    refused(await p.middle.h.call('orders.sign', { id: orders[0].id }), 'E_NOT_OWNER');
  });
  it('an intermediate court issues its own orders; its superior sees them in its report up, read-only', async () => {
    const p = await province();
    const defaults = await p.middle.h.ok('orders.defaults', { campaignId: p.campaign.id });
    expect(defaults.nextDocNumber).toBe('齐中法督〔2026〕1号');
    const { orders } = await p.middle.h.ok(
      'orders.issue',
      issueInput(p, { docPrefix: defaults.docPrefix, colour: 'blue', kind: 'remind', itemIds: [p.copyId] }),
    );
    expect(orders[0]).toMatchObject({
      origin: INTERMEDIATE.code,
      relation: 'issued',
      docNumber: '齐中法督〔2026〕1号',
    });
    await reportUp(p.middle, p.high, INTERMEDIATE.code, p.folder);
    const atHigh = await p.high.h.ok('orders.get', { id: orders[0].id });
    expect(atHigh).toMatchObject({ relation: 'subordinate', originName: INTERMEDIATE.name, courtName: BASIC.name });
    refused(await p.high.h.call('orders.close', { id: orders[0].id, version: 1 }), 'E_NOT_OWNER');
    // Not the high court's own order: no 待办, and not in its matrix count.
    expect(await p.high.h.ok('orders.tasks')).toEqual([]);
    const board = await p.high.h.ok('boards.province', { campaignId: p.campaign.id });
    expect(board.courts.find((c) => c.code === BASIC.code)?.orderCount).toBe(0);
    expect((await p.high.h.ok('orders.ledger', { campaignId: p.campaign.id })).rows).toEqual([
      expect.objectContaining({ code: BASIC.code, issued: 1 }),
    ]);
  });
});

describe('escalation, ledger and counts', () => {
  it('an unanswered order escalates after its deadline: overdue, colour one step up, on the issuer’s 待办', async () => {
    const p = await province();
    const { orders } = await p.high.h.ok(
      'orders.issue',
      issueInput(p, { colour: 'yellow', courtCodes: [BASIC.code, BASIC_2.code], itemIds: [] }),
    );
    expect(await p.high.h.ok('orders.tasks')).toEqual([]);
    p.high.h.setNow('2026-12-05T20:00:00+08:00');
    expect((await p.high.h.ok('orders.get', { id: orders[0].id })).overdue).toBe(false);
    p.high.h.setNow('2026-12-06T09:00:00+08:00');
    const late = await p.high.h.ok('orders.get', { id: orders[0].id });
    expect(late).toMatchObject({
      overdue: true,
      colour: 'yellow',
      displayColour: 'red',
      daysLeft: -1,
      state: 'unsigned',
    });
    expect((await p.high.h.ok('orders.tasks')).map((t) => [t.task, t.order.courtCode])).toEqual([
      ['overdue', BASIC.code],
      ['overdue', BASIC_2.code],
    ]);
    // The receiving court sees the same escalation.
    await down(p);
    p.basic.h.setNow('2026-12-06T09:00:00+08:00');
    expect(await p.basic.h.ok('orders.get', { id: orders[0].id })).toMatchObject({
      overdue: true,
      displayColour: 'red',
    });
    // The derived state on its own: red stays red; a late first reply is not on time.
    expect(escalated('red')).toBe('red');
    expect(escalated('blue')).toBe('yellow');
    const derived = deriveState(
      { colour: 'blue', replyDue: '2026-12-05', status: 'open', decidedAt: null },
      [
        {
          id: 'a',
          kind: 'reply',
          status: 'sent',
          author: '甲',
          respondedAt: '2026-12-07T09:00:00+08:00',
          createdAt: '2026-12-07T08:00:00+08:00',
        },
      ],
      '2026-12-08',
    );
    expect(derived).toMatchObject({ state: 'replied', overdue: false, repliedOnTime: false, displayColour: 'blue' });
  });

  it('counts orders, signatures, replies, overdue and criticisms in the ledger and the matrix', async () => {
    const p = await province();
    const { orders } = await p.high.h.ok(
      'orders.issue',
      issueInput(p, { courtCodes: [BASIC.code, BASIC_2.code], itemIds: [] }),
    );
    await p.high.h.ok(
      'orders.issue',
      issueInput(p, { courtCodes: [BASIC_2.code], itemIds: [], replyDue: '2026-12-20' }),
    );
    await down(p);
    await p.basic.h.ok('orders.sign', { id: orders[0].id });
    await up(p);
    // Two issued 通报 name J230202 critically (one names it twice), a draft one does not count.
    const insertNotice = p.high.h.services.ctx.sqlite.prepare(
      `INSERT INTO notices (id, origin, version, change_seq, created_at, updated_at, campaign_id, kind, title, addressees,
         body, issuer_name, named_courts, status, drafted_by) VALUES (?, 'J23', 1, ?, ?, ?, ?, 'criticism', '通报', '各中级法院', '正文', ?, ?, ?, '李处长')`,
    );
    const stamp = '2026-11-20T09:00:00+08:00';
    const named = (stance: string) =>
      JSON.stringify([
        { code: BASIC_2.code, name: BASIC_2.name, stance },
        { code: BASIC_2.code, name: BASIC_2.name, stance },
      ]);
    insertNotice.run(
      '0190f0e4-0000-7000-8000-0000000000d1',
      950,
      stamp,
      stamp,
      p.campaign.id,
      HIGH.name,
      named('criticism'),
      'issued',
    );
    insertNotice.run(
      '0190f0e4-0000-7000-8000-0000000000d2',
      951,
      stamp,
      stamp,
      p.campaign.id,
      HIGH.name,
      named('criticism'),
      'issued',
    );
    insertNotice.run(
      '0190f0e4-0000-7000-8000-0000000000d3',
      952,
      stamp,
      stamp,
      p.campaign.id,
      HIGH.name,
      named('criticism'),
      'draft',
    );
    insertNotice.run(
      '0190f0e4-0000-7000-8000-0000000000d4',
      953,
      stamp,
      stamp,
      p.campaign.id,
      HIGH.name,
      JSON.stringify([{ code: BASIC.code, name: BASIC.name, stance: 'praise' }]),
      'issued',
    );
    expect([...(await criticismCounts(p.high.h.services.ctx, p.campaign.id))]).toEqual([[BASIC_2.code, 2]]);

    p.high.h.setNow('2026-12-10T09:00:00+08:00');
    const ledger = await p.high.h.ok('orders.ledger', { campaignId: p.campaign.id });
    expect(ledger).toMatchObject({ campaignId: p.campaign.id, campaignTitle: '能力作风建设年' });
    const line = (code: string) => ledger.rows.find((r) => r.code === code);
    expect(line(BASIC.code)).toMatchObject({
      jurisdiction: INTERMEDIATE.code,
      issued: 1,
      signed: 1,
      overdue: 1,
      criticisms: 0,
    });
    expect(line(BASIC_2.code)).toMatchObject({ issued: 2, signed: 0, overdue: 1, criticisms: 2, closed: 0 });
    expect(ledger.groups.map((g) => [g.code, g.name, g.issued, g.overdue, g.criticisms])).toEqual([
      [INTERMEDIATE.code, INTERMEDIATE.name, 3, 2, 2],
      ['*', '合计', 3, 2, 2],
    ]);
    expect(ledger.orders).toHaveLength(3);

    const board = await p.high.h.ok('boards.province', { campaignId: p.campaign.id });
    const row = (code: string) => board.courts.find((c) => c.code === code)!;
    expect([row(BASIC.code).orderCount, row(BASIC.code).overdueOrderCount, row(BASIC.code).criticismCount]).toEqual([
      1, 1, 0,
    ]);
    expect([
      row(BASIC_2.code).orderCount,
      row(BASIC_2.code).overdueOrderCount,
      row(BASIC_2.code).criticismCount,
    ]).toEqual([2, 1, 2]);
    expect([row(INTERMEDIATE.code).orderCount, row(INTERMEDIATE.code).criticismCount]).toEqual([0, 0]);

    // Suggested colours from the matrix's figures.
    const defaults = await p.high.h.ok('orders.defaults', {
      campaignId: p.campaign.id,
      courtCodes: [BASIC.code, 'J2399'],
    });
    expect(defaults.suggestions).toEqual([
      expect.objectContaining({ courtCode: BASIC.code, courtName: BASIC.name, onRoster: true, colour: 'yellow' }),
      expect.objectContaining({ courtCode: 'J2399', onRoster: false, colour: 'blue' }),
    ]);
    expect(defaults.suggestions[0].reason).toMatch(/完成率 0%，低于进度要求 \d+%/);
  });
});
