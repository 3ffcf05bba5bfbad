// The notices area of the operation table (通报). The service is in noticesService.ts.
import type { noticeOperations } from '../../shared/notices/noticesContract';
import type { AreaHandlers } from '../api/handlerTypes';
import { ApiError } from '../api/errors';

/** Exactly the operations of src/shared/notices/noticesContract.ts. */
export type NoticeOperation = keyof typeof noticeOperations;

const pending = (): never => {
  throw new ApiError('E_INVALID', '通报功能正在建设中。');
};

export const noticeHandlers: AreaHandlers<NoticeOperation> = {
  'notices.draft': pending,
  'notices.save': pending,
  'notices.issue': pending,
  'notices.delete': pending,
  'notices.list': pending,
  'notices.get': pending,
  'notices.aboutUs': pending,
};
