// 督办单 (supervision orders): good and bad input for each operation. For the issuing side the
// fixture court J2301 becomes an intermediate court with J230101 on its roster and one of its
// items (as a report-up bundle leaves it); for the receiving side an order of its superior J23
// arrives with SQL as an imported package leaves it. The loop across real courts is in
// orders.test.ts.
import { expect } from 'vitest';
import type { OrderOperation } from '../../../src/main/orders/ordersHandlers';
import { subordinateItem, SUBORDINATE } from './supervision';
import { expectFailure, MISSING_ID, type Fixture, type OperationCases } from './shared';

/** J2301 as an intermediate court with J230101 on its roster and one of J230101's items. */
async function asIssuer(fx: Fixture) {
  await fx.h.ok('court.update', {
    name: '齐齐哈尔市中级人民法院',
    code: 'J2301',
    level: 'intermediate',
    parentCode: 'J23',
    parentName: '黑龙江省高级人民法院',
    operatorName: '王书记员',
  });
  await fx.h.ok('roster.add', { code: SUBORDINATE, name: '龙江县人民法院', level: 'basic', parentCode: 'J2301' });
  return subordinateItem(fx);
}

const issueInput = (fx: Fixture, fields: Record<string, unknown> = {}) => ({
  campaignId: fx.campaign.id,
  courtCodes: [SUBORDINATE],
  kind: 'urge' as const,
  colour: 'yellow' as const,
  requirement: '请于期限内报告进展。',
  replyDue: '2026-12-01',
  docPrefix: '齐中法',
  ...fields,
});

async function issued(fx: Fixture) {
  await asIssuer(fx);
  const result = await fx.h.ok('orders.issue', issueInput(fx));
  return result.orders[0];
}

const RECEIVED_ID = '0190f0e4-0000-7000-8000-00000000f001';

/** An order of the superior J23 to this court (J2301), as an imported package leaves it. */
function received(fx: Fixture, fields: { status?: string } = {}) {
  const stamp = '2026-11-20T09:00:00+08:00';
  fx.h.services.ctx.sqlite
    .prepare(
      `INSERT INTO supervision_orders (id, origin, version, change_seq, created_at, updated_at, campaign_id, court_code,
         batch_id, kind, colour, requirement, reply_due, doc_number, doc_year, doc_seq, item_ids, issued_by, issued_at, status)
       VALUES (?, 'J23', 1, 40, ?, ?, ?, 'J2301', '0190f0e4-0000-7000-8000-00000000f0b1', 'supervise', 'red',
         '请报告整改情况。', '2026-11-30', '黑高法督〔2026〕3号', 2026, 3, '[]', '李处长', ?, ?)`,
    )
    .run(RECEIVED_ID, stamp, stamp, fx.campaign.id, stamp, fields.status ?? 'open');
  return RECEIVED_ID;
}

/** A reply drafted and submitted by the administrator; a second reviewer for the two-person rule. */
async function pendingReply(fx: Fixture) {
  const id = received(fx);
  const order = await fx.h.ok('orders.saveReply', { orderId: id, text: '已整改完毕。', submit: true });
  const reply = order.responses.find((r) => r.kind === 'reply')!;
  await fx.h.addUser({ username: 'chenzr', displayName: '陈主任', roles: ['reviewer'] });
  return { id, reply, reviewer: fx.h.as('chenzr') };
}

export const orderCases: OperationCases<OrderOperation> = {
  'orders.defaults': {
    good: async (fx) => {
      await asIssuer(fx);
      const defaults = await fx.h.ok('orders.defaults', { campaignId: fx.campaign.id, courtCodes: [SUBORDINATE] });
      expect(defaults).toMatchObject({
        docPrefix: '齐中法',
        year: 2026,
        nextDocNumber: '齐中法督〔2026〕1号',
        campaignStart: '2026-03-01',
        campaignEnd: '2026-12-31',
      });
      expect(defaults.suggestions).toEqual([
        expect.objectContaining({ courtCode: SUBORDINATE, courtName: '龙江县人民法院', onRoster: true }),
      ]);
      expect(defaults.suggestions[0].reason).toMatch(/[\u4e00-\u9fa5]/);
    },
    bad: async (fx) => {
      expectFailure(await fx.h.call('orders.defaults', { campaignId: MISSING_ID }), 'E_NOT_FOUND', /专项活动/);
      expectFailure(
        await fx.h.call('orders.defaults', { campaignId: fx.campaign.id, courtCodes: ['j2301'] }),
        'E_INVALID',
      );
    },
  },
  'orders.issue': {
    good: async (fx) => {
      const item = await asIssuer(fx);
      const result = await fx.h.ok('orders.issue', issueInput(fx, { itemIds: [item.id] }));
      expect(result.docNumber).toBe('齐中法督〔2026〕1号');
      expect(result.orders).toEqual([
        expect.objectContaining({
          courtCode: SUBORDINATE,
          courtName: '龙江县人民法院',
          batchId: result.batchId,
          items: [{ id: item.id, title: item.title }],
          relation: 'issued',
          state: 'unsigned',
          issuedBy: '王书记员',
        }),
      ]);
    },
    bad: async (fx) => {
      await asIssuer(fx);
      const early = expectFailure(
        await fx.h.call('orders.issue', issueInput(fx, { replyDue: '2026-11-23' })),
        'E_INVALID',
      );
      expect(early.fieldErrors?.replyDue).toMatch(/不能早于今天/);
      const late = expectFailure(
        await fx.h.call('orders.issue', issueInput(fx, { replyDue: '2027-01-04' })),
        'E_INVALID',
      );
      expect(late.fieldErrors?.replyDue).toMatch(/结束日期/);
      expectFailure(
        await fx.h.call('orders.issue', issueInput(fx, { courtCodes: ['J230199'] })),
        'E_INVALID',
        /J230199 不在本院应报名单中/,
      );
      expectFailure(
        await fx.h.call('orders.issue', issueInput(fx, { courtCodes: [] })),
        'E_INVALID',
        /至少选择一个法院/,
      );
      expectFailure(await fx.h.call('orders.issue', issueInput(fx, { kind: 'scold' })), 'E_INVALID', /督办类型/);
      expectFailure(
        await fx.h.call('orders.issue', issueInput(fx, { itemIds: [MISSING_ID] })),
        'E_INVALID',
        /不是所选法院/,
      );
    },
  },
  'orders.update': {
    good: async (fx) => {
      const order = await issued(fx);
      const changed = await fx.h.ok('orders.update', { id: order.id, version: order.version, colour: 'red' });
      expect(changed).toMatchObject({ colour: 'red', displayColour: 'red', version: 2 });
    },
    bad: async (fx) => {
      const order = await issued(fx);
      expectFailure(await fx.h.call('orders.update', { id: order.id, version: 9, colour: 'red' }), 'E_STALE');
      expectFailure(await fx.h.call('orders.update', { id: MISSING_ID, version: 1 }), 'E_NOT_FOUND', /督办单/);
      const id = received(fx);
      expectFailure(
        await fx.h.call('orders.update', { id, version: 1, colour: 'blue' }),
        'E_NOT_OWNER',
        /只有发出督办单的法院/,
      );
    },
  },
  'orders.list': {
    good: async (fx) => {
      const order = await issued(fx);
      const id = received(fx);
      const all = await fx.h.ok('orders.list', { campaignId: fx.campaign.id });
      expect(all.map((o) => [o.id, o.relation])).toEqual([
        [order.id, 'issued'],
        [id, 'received'],
      ]);
      expect((await fx.h.ok('orders.list', { relation: 'received' })).map((o) => o.id)).toEqual([id]);
      expect((await fx.h.ok('orders.list', { courtCode: SUBORDINATE })).map((o) => o.id)).toEqual([order.id]);
    },
    bad: async (fx) => {
      expectFailure(await fx.h.call('orders.list', { relation: 'sibling' as never }), 'E_INVALID', /督办单范围/);
      expectFailure(await fx.h.call('orders.list', { campaignId: MISSING_ID }), 'E_NOT_FOUND');
      expectFailure(await fx.h.as('nobody').call('orders.list', {}), 'E_LOGIN_REQUIRED');
    },
  },
  'orders.get': {
    good: async (fx) => {
      const id = received(fx);
      expect(await fx.h.ok('orders.get', { id })).toMatchObject({
        id,
        relation: 'received',
        docNumber: '黑高法督〔2026〕3号',
        state: 'unsigned',
        daysLeft: 6,
      });
    },
    bad: async (fx) => {
      expectFailure(await fx.h.call('orders.get', { id: MISSING_ID }), 'E_NOT_FOUND', /督办单/);
      expectFailure(await fx.h.call('orders.get', { id: 'x' }), 'E_INVALID');
    },
  },
  'orders.sign': {
    good: async (fx) => {
      const id = received(fx);
      const signed = await fx.h.ok('orders.sign', { id });
      expect(signed).toMatchObject({ state: 'signed', signedBy: '王书记员' });
    },
    bad: async (fx) => {
      const order = await issued(fx);
      expectFailure(await fx.h.call('orders.sign', { id: order.id }), 'E_NOT_OWNER', /只有收到督办单的法院/);
      received(fx, { status: 'closed' });
      expectFailure(await fx.h.call('orders.sign', { id: RECEIVED_ID }), 'E_CLOSED', /已办结/);
    },
  },
  'orders.saveReply': {
    good: async (fx) => {
      const id = received(fx);
      const order = await fx.h.ok('orders.saveReply', { orderId: id, text: '已整改。' });
      expect(order.state).toBe('signed');
      expect(order.responses.map((r) => [r.kind, r.status])).toEqual([
        ['sign', 'sent'],
        ['reply', 'draft'],
      ]);
    },
    bad: async (fx) => {
      const id = received(fx);
      expectFailure(await fx.h.call('orders.saveReply', { orderId: id, text: ' ' }), 'E_INVALID', /办理情况/);
      const stray = expectFailure(
        await fx.h.call('orders.saveReply', { orderId: id, text: '已整改', evidenceIds: [MISSING_ID] }),
        'E_INVALID',
      );
      expect(stray.fieldErrors?.evidenceIds).toMatch(/佐证材料/);
      expectFailure(await fx.h.call('orders.saveReply', { orderId: MISSING_ID, text: '已整改' }), 'E_NOT_FOUND');
    },
  },
  'orders.reviewReply': {
    good: async (fx) => {
      const { reply, reviewer } = await pendingReply(fx);
      const order = await reviewer.ok('orders.reviewReply', {
        replyId: reply.id,
        version: reply.version,
        approve: true,
      });
      expect(order).toMatchObject({ state: 'replied', repliedOnTime: true });
      expect(order.responses.find((r) => r.id === reply.id)).toMatchObject({ status: 'sent', reviewedBy: '陈主任' });
    },
    bad: async (fx) => {
      const { reply, reviewer } = await pendingReply(fx);
      // The administrator (also a reviewer) drafted it: two people; a reason is needed to send it back.
      expectFailure(
        await fx.h.call('orders.reviewReply', { replyId: reply.id, version: reply.version, approve: true }),
        'E_OWN_WORK',
        /两人审核/,
      );
      expectFailure(
        await reviewer.call('orders.reviewReply', { replyId: reply.id, version: reply.version, approve: false }),
        'E_INVALID',
        /退回理由/,
      );
      expectFailure(
        await reviewer.call('orders.reviewReply', { replyId: reply.id, version: 9, approve: true }),
        'E_STALE',
      );
    },
  },
  'orders.close': {
    good: async (fx) => {
      const order = await issued(fx);
      const closed = await fx.h.ok('orders.close', { id: order.id, version: order.version, note: '已整改到位' });
      expect(closed).toMatchObject({
        status: 'closed',
        state: 'closed',
        decisionNote: '已整改到位',
        decidedBy: '王书记员',
      });
    },
    bad: async (fx) => {
      const order = await issued(fx);
      const closed = await fx.h.ok('orders.close', { id: order.id, version: order.version });
      expectFailure(await fx.h.call('orders.close', { id: order.id, version: closed.version }), 'E_CLOSED');
      const id = received(fx);
      expectFailure(await fx.h.call('orders.close', { id, version: 1 }), 'E_NOT_OWNER');
    },
  },
  'orders.return': {
    good: async (fx) => {
      const order = await issued(fx);
      // The reply of J230101, as its report-up bundle brings it.
      const stamp = '2026-11-24T09:00:00+08:00';
      fx.h.services.ctx.sqlite
        .prepare(
          `INSERT INTO order_responses (id, origin, version, change_seq, created_at, updated_at, order_id, kind, text,
             status, author, submitted_at, reviewed_by, reviewed_at, responded_at)
           VALUES ('0190f0e4-0000-7000-8000-00000000f0c1', ?, 1, 9, ?, ?, ?, 'reply', '已整改', 'sent', '刘填报', ?, '陈审核', ?, ?)`,
        )
        .run(SUBORDINATE, stamp, stamp, order.id, stamp, stamp, stamp);
      expect((await fx.h.ok('orders.get', { id: order.id })).state).toBe('replied');
      const returned = await fx.h.ok('orders.return', { id: order.id, version: order.version, reason: '请补充材料' });
      expect(returned).toMatchObject({ status: 'returned', state: 'returned', decisionNote: '请补充材料' });
    },
    bad: async (fx) => {
      const order = await issued(fx);
      expectFailure(
        await fx.h.call('orders.return', { id: order.id, version: order.version, reason: '  ' }),
        'E_INVALID',
        /退回理由/,
      );
      expectFailure(
        await fx.h.call('orders.return', { id: order.id, version: order.version, reason: '请补充' }),
        'E_INVALID',
        /还没有收到回复/,
      );
    },
  },
  'orders.tasks': {
    good: async (fx) => {
      const id = received(fx);
      expect((await fx.h.ok('orders.tasks')).map((t) => [t.task, t.order.id])).toEqual([['sign', id]]);
    },
    bad: async (fx) => {
      expectFailure(await fx.h.call('orders.tasks', { all: true } as never), 'E_INVALID');
      expectFailure(await fx.h.as('nobody').call('orders.tasks'), 'E_LOGIN_REQUIRED');
    },
  },
  'orders.ledger': {
    good: async (fx) => {
      await issued(fx);
      const ledger = await fx.h.ok('orders.ledger', { campaignId: fx.campaign.id });
      expect(ledger.rows).toEqual([expect.objectContaining({ code: SUBORDINATE, issued: 1, signed: 0, overdue: 0 })]);
      expect(ledger.groups.at(-1)).toMatchObject({ code: '*', issued: 1 });
      expect((await fx.h.ok('orders.ledger', {})).campaignId).toBeNull();
    },
    bad: async (fx) => {
      expectFailure(await fx.h.call('orders.ledger', { campaignId: MISSING_ID }), 'E_NOT_FOUND');
      expectFailure(await fx.h.call('orders.ledger', { campaignId: 'x' }), 'E_INVALID');
    },
  },
};
