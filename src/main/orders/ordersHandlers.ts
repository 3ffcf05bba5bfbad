// The supervision-orders area of the operation table (督办单). The service is in ordersService.ts.
import type { orderOperations } from '../../shared/orders/ordersContract';
import type { AreaHandlers } from '../api/handlerTypes';
import { ApiError } from '../api/errors';

/** Exactly the operations of src/shared/orders/ordersContract.ts. */
export type OrderOperation = keyof typeof orderOperations;

const pending = (): never => {
  throw new ApiError('E_INVALID', '督办功能正在建设中。');
};

export const orderHandlers: AreaHandlers<OrderOperation> = {
  'orders.defaults': pending,
  'orders.issue': pending,
  'orders.update': pending,
  'orders.list': pending,
  'orders.get': pending,
  'orders.sign': pending,
  'orders.saveReply': pending,
  'orders.reviewReply': pending,
  'orders.close': pending,
  'orders.return': pending,
  'orders.tasks': pending,
  'orders.ledger': pending,
};
