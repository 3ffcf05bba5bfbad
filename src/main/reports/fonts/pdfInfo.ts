// The document information of every PDF the app writes: Creator and Producer name the program and
// its version (Chromium would say "HeadlessChrome" / "Skia/PDF"), the Title Chromium took from the
// document's <title> stays. Both printers (reportPdf.ts, electron/pdfPrinter.ts) pass their PDF here.
import { PDFDocument } from 'pdf-lib';
import { APP_VERSION } from '../../app/version';
import { PRODUCT_NAME } from '../../app/dataDir';

/** "专项活动督导台 0.1.0": what a PDF's Creator and Producer say. */
export const PDF_CREATOR = `${PRODUCT_NAME} ${APP_VERSION}`;

export async function stampProgramInfo(pdf: Buffer | Uint8Array): Promise<Buffer> {
  // updateMetadata: false keeps Title and CreationDate as Chromium wrote them.
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  document.setCreator(PDF_CREATOR);
  document.setProducer(PDF_CREATOR);
  document.setModificationDate(new Date());
  // Without object streams the page objects stay readable (pdfPageCount reads them as text).
  return Buffer.from(await document.save({ useObjectStreams: false }));
}
