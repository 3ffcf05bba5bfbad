// The supervision-orders area of the operation table (督办单). The service is in ordersService.ts
// (issue, sign, reply, review, close, return), orderDefaults.ts, orderTasks.ts and ordersLedger.ts.
import type { orderOperations } from '../../shared/orders/ordersContract';
import type { AreaHandlers } from '../api/handlerTypes';
import { orderDefaults } from './orderDefaults';
import { orderLedger } from './ordersLedger';
import { orderTasks } from './orderTasks';
import {
  closeOrder,
  getOrder,
  issueOrders,
  listOrders,
  returnOrder,
  reviewReply,
  saveReply,
  signOrder,
  updateOrder,
} from './ordersService';

/** Exactly the operations of src/shared/orders/ordersContract.ts. */
export type OrderOperation = keyof typeof orderOperations;

export const orderHandlers: AreaHandlers<OrderOperation> = {
  'orders.defaults': (ctx, input) => orderDefaults(ctx, input),
  'orders.issue': (ctx, input) => issueOrders(ctx, input),
  'orders.update': (ctx, input) => updateOrder(ctx, input),
  'orders.list': (ctx, input) => listOrders(ctx, input),
  'orders.get': (ctx, input) => getOrder(ctx, input.id),
  'orders.sign': (ctx, input) => signOrder(ctx, input),
  'orders.saveReply': (ctx, input) => saveReply(ctx, input),
  'orders.reviewReply': (ctx, input) => reviewReply(ctx, input),
  'orders.close': (ctx, input) => closeOrder(ctx, input),
  'orders.return': (ctx, input) => returnOrder(ctx, input),
  'orders.tasks': (ctx) => orderTasks(ctx),
  'orders.ledger': (ctx, input) => orderLedger(ctx, input.campaignId),
};
