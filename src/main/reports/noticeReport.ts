// A 通报 as a 公文: the notice this court may read (its own, or a superior's issued one), laid out
// by officialDocument.ts for preview, PDF and HTML, and by noticeDocx.ts as a Word document.
import type { Notice } from '../../shared/notices/noticesModel';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { loadNotice } from '../notices/noticesService';
import { officialDocumentHtml, type OfficialDocumentContent } from './officialDocument';
import { officialDocumentDocx } from './noticeDocx';

export const NOTICE_REPORT_TITLE = '通报';

/** The notice the scope names, in the campaign it names; refused when missing or not readable here. */
export async function noticeForReport(ctx: ServiceContext, campaignId: string, noticeId?: string): Promise<Notice> {
  if (!noticeId) {
    const message = '请选择要打印的通报。';
    throw new ApiError('E_INVALID', message, { noticeId: message });
  }
  const notice = await loadNotice(ctx, noticeId);
  if (notice.campaignId !== campaignId)
    throw new ApiError('E_INVALID', '这份通报不属于所选的专项活动，请刷新后再试。', { noticeId: '通报与专项活动不符' });
  return notice;
}

/** What the page shows: the issuer's name as 发文机关标志 and 落款, the 文号 once issued. */
export function noticeContent(notice: Notice): OfficialDocumentContent {
  return {
    documentTitle: notice.docNumber ? `${notice.docNumber} ${notice.title}` : notice.title,
    mark: notice.issuerName || notice.originName,
    docNumber: notice.docNumber,
    title: notice.title,
    addressees: notice.addressees,
    body: notice.body,
    signature: notice.issuerName,
    signedDate: notice.signedDate,
    author: notice.originName,
  };
}

export const noticeHtml = (notice: Notice) => officialDocumentHtml(noticeContent(notice));
export const noticeDocx = (notice: Notice) => officialDocumentDocx(noticeContent(notice));

/** File name: 文号 and title, e.g. 黑高法〔2026〕3号关于…的通报; a draft is marked as one. */
export const noticeBaseName = (notice: Notice) =>
  notice.status === 'issued' ? `${notice.docNumber}${notice.title}` : `${notice.title}（草稿）`;
