// The document information of every PDF the app writes: Creator and Producer name the program and
// its version (Chromium would say "HeadlessChrome" / "Skia/PDF"), the Title Chromium took from the
// document's <title> stays. Both printers (reportPdf.ts, electron/pdfPrinter.ts) pass their PDF here.
import { APP_VERSION } from '../../app/version';
import { PRODUCT_NAME } from '../../app/dataDir';

/** "专项活动督导台 0.1.0": what a PDF's Creator and Producer say. */
export const PDF_CREATOR = `${PRODUCT_NAME} ${APP_VERSION}`;

export async function stampProgramInfo(pdf: Buffer | Uint8Array, now = new Date()): Promise<Buffer> {
  return (
    appendProgramInfo(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength), now) ?? rewriteProgramInfo(pdf, now)
  );
}

/**
 * The PDF as Chromium wrote it, with a new version of its information dictionary appended (an
 * incremental update, as any PDF editor saves: the new object, a one-entry cross-reference section
 * and a trailer pointing back at the old one). Loading and saving a hundred-page report with
 * pdf-lib instead took a tenth of the print. Null when the file is not laid out as Chromium lays
 * it out (a cross-reference stream, an information dictionary it cannot read): pdf-lib does it then.
 */
export function appendProgramInfo(pdf: Buffer, now = new Date()): Buffer | null {
  // The trailer is at the end; Chromium's is a few hundred bytes.
  const tailStart = Math.max(0, pdf.length - 2048);
  const tail = pdf.toString('latin1', tailStart);
  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref\s*(\d+)\s*%%EOF\s*$/.exec(tail);
  if (!trailer) return null;
  const [, trailerBody, previousXref] = trailer;
  const infoRef = /\/Info\s+(\d+)\s+(\d+)\s+R/.exec(trailerBody);
  if (!infoRef || /\/(Prev|XRefStm|Encrypt)\b/.test(trailerBody)) return null;
  const [, objectNumber, generation] = infoRef;
  const info = readInfoDictionary(pdf, objectNumber, generation);
  if (info === null) return null;
  const kept = info.replace(PROGRAM_ENTRIES, '');
  // Anything of them left (a form this reading does not know) would be read before ours.
  if (/\/(Creator|Producer|ModDate)\b/.test(kept)) return null;
  const creator = utf16Hex(PDF_CREATOR);
  const body = `${kept.trim()}\n/Creator ${creator}\n/Producer ${creator}\n/ModDate (${pdfDate(now)})`;
  const separator = pdf[pdf.length - 1] === 0x0a ? '' : '\n';
  const objectAt = pdf.length + separator.length;
  const object = `${objectNumber} ${generation} obj\n<<${body}>>\nendobj\n`;
  const xrefAt = objectAt + Buffer.byteLength(object, 'latin1');
  const entry = `${String(objectAt).padStart(10, '0')} ${generation.padStart(5, '0')} n \n`;
  const update =
    `${separator}${object}xref\n${objectNumber} 1\n${entry}` +
    `trailer\n<<${trailerBody.trim()}\n/Prev ${previousXref}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(update, 'latin1')]);
}

/** A Creator, Producer or ModDate entry, with a literal (escaped parentheses) or hex string. */
const PROGRAM_ENTRIES = /\s*\/(?:Creator|Producer|ModDate)\s*(?:\((?:\\[\s\S]|[^\\()])*\)|<[0-9A-Fa-f\s]*>)/g;

/** The entries of the information dictionary `n g obj << … >>`, or null when it is not plainly there. */
function readInfoDictionary(pdf: Buffer, objectNumber: string, generation: string): string | null {
  const text = pdf.toString('latin1');
  const header = new RegExp(`(?:^|[\\r\\n])${objectNumber}\\s+${generation}\\s+obj\\s*<<`, 'g');
  const starts = [...text.matchAll(header)];
  // Defined once (not updated before): the one definition is the one in force.
  if (starts.length !== 1) return null;
  const from = starts[0].index + starts[0][0].length;
  const end = /^([\s\S]*?)>>\s*endobj/.exec(text.slice(from, from + 8192));
  if (!end || end[1].includes('<<')) return null;
  return end[1];
}

/** A text string as PDF writes any Unicode: UTF-16BE with its byte-order mark, in hex. */
function utf16Hex(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i += 1) hex += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return `<${hex}>`;
}

/** D:YYYYMMDDHHmmSSZ, in UTC. */
function pdfDate(date: Date): string {
  const digits = date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return `D:${digits}Z`;
}

/** Any other PDF: loaded and saved again by pdf-lib. */
async function rewriteProgramInfo(pdf: Buffer | Uint8Array, now: Date): Promise<Buffer> {
  // pdf-lib (a megabyte of code) is loaded here, on first need, not when the program starts.
  const { PDFDocument } = await import('pdf-lib');
  // updateMetadata: false keeps Title and CreationDate as Chromium wrote them.
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  document.setCreator(PDF_CREATOR);
  document.setProducer(PDF_CREATOR);
  document.setModificationDate(now);
  // Without object streams the page objects stay readable (pdfPageCount reads them as text).
  return Buffer.from(await document.save({ useObjectStreams: false }));
}
