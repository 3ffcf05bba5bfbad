// The notices area of the operation table (通报). The service is in noticesService.ts.
import type { noticeOperations } from '../../shared/notices/noticesContract';
import type { AreaHandlers } from '../api/handlerTypes';
import {
  deleteNotice,
  draftNotice,
  issueNotice,
  listNotices,
  loadNotice,
  noticesAboutUs,
  saveNotice,
} from './noticesService';

/** Exactly the operations of src/shared/notices/noticesContract.ts. */
export type NoticeOperation = keyof typeof noticeOperations;

export const noticeHandlers: AreaHandlers<NoticeOperation> = {
  'notices.draft': draftNotice,
  'notices.save': saveNotice,
  'notices.issue': issueNotice,
  'notices.delete': deleteNotice,
  'notices.list': listNotices,
  'notices.get': (ctx, input) => loadNotice(ctx, input.id),
  'notices.aboutUs': (ctx) => noticesAboutUs(ctx),
};
