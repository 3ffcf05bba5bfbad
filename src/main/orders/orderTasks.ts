// What waits on the logged-in person about 督办单 (我的待办, 本院挂图), in open campaigns only:
// received orders to sign for or reply to (the people responsible: the items' departments, the
// reviewers and administrators), replies waiting for a reviewer other than their author, and at
// the issuer (its reviewers and administrators) replies waiting for 办结/退回 and overdue orders.
import type { OrderTask, OrderTaskKind } from '../../shared/orders/ordersModel';
import type { ServiceContext } from '../api/context';
import { hasRole, requireUser } from '../access/access';
import { actorName } from '../access/accounts';
import { ORDER_OPERATIONS, readOrders, responsibleFor } from './ordersService';

const TASK_ORDER: Record<OrderTaskKind, number> = { overdue: 0, review: 1, reply: 2, sign: 3, decide: 4 };

export async function orderTasks(ctx: ServiceContext): Promise<OrderTask[]> {
  const user = requireUser(ctx);
  const manager = hasRole(user, 'admin') || hasRole(user, 'reviewer');
  const orders = (await readOrders(ctx, { openCampaigns: true })).filter(
    (order) => order.relation === 'received' || order.relation === 'issued',
  );
  const received = orders.filter((order) => order.relation === 'received' && order.state !== 'closed');

  // The departments of the received orders' items (this court's own items).
  const itemIds = [...new Set(received.flatMap((order) => order.items.map((item) => item.id)))];
  const departmentOf = new Map<string, string | null>();
  for (let start = 0; start < itemIds.length; start += 500) {
    const found = await ctx.db
      .selectFrom('items')
      .select(['id', 'departmentId'])
      .where('id', 'in', itemIds.slice(start, start + 500))
      .execute();
    for (const item of found) departmentOf.set(item.id, item.departmentId);
  }
  // Who drafted or submitted each pending reply (the two-person rule keeps them from reviewing it).
  const pendingIds = received.flatMap((order) =>
    order.responses.filter((r) => r.kind === 'reply' && r.status === 'pending').map((r) => r.id),
  );
  const hands = new Map<string, Set<string>>();
  for (let start = 0; start < pendingIds.length; start += 500) {
    const found = await ctx.db
      .selectFrom('auditLog')
      .select(['rowId', 'actor'])
      .where('tableName', '=', 'orderResponses')
      .where('rowId', 'in', pendingIds.slice(start, start + 500))
      .where('operation', 'in', [ORDER_OPERATIONS.saveReply, ORDER_OPERATIONS.submitReply])
      .execute();
    for (const row of found) {
      if (!hands.has(row.rowId)) hands.set(row.rowId, new Set());
      hands.get(row.rowId)!.add(row.actor);
    }
  }

  const me = actorName(user);
  const tasks: OrderTask[] = [];
  for (const order of received) {
    const departments = new Set(order.items.map((item) => departmentOf.get(item.id)).filter((d): d is string => !!d));
    const responsible = responsibleFor(user, departments);
    const pending = order.responses.filter((r) => r.kind === 'reply' && r.status === 'pending');
    if (hasRole(user, 'reviewer')) {
      const reviewable = pending.some((r) => r.author !== user.displayName && !hands.get(r.id)?.has(me));
      if (reviewable) tasks.push({ task: 'review', order });
    }
    if (!responsible) continue;
    if (order.state === 'unsigned') tasks.push({ task: 'sign', order });
    else if ((order.state === 'signed' || order.state === 'returned') && pending.length === 0) {
      tasks.push({ task: 'reply', order });
    }
  }
  if (manager) {
    for (const order of orders) {
      if (order.relation !== 'issued') continue;
      if (order.state === 'replied') tasks.push({ task: 'decide', order });
      else if (order.overdue) tasks.push({ task: 'overdue', order });
    }
  }
  // Overdue and waiting-on-us first; within a kind the nearest reply deadline first.
  return tasks.sort(
    (a, b) =>
      TASK_ORDER[a.task] - TASK_ORDER[b.task] ||
      a.order.replyDue.localeCompare(b.order.replyDue) ||
      a.order.id.localeCompare(b.order.id),
  );
}
