// The kinds of file accepted as evidence (佐证材料) and their Chinese names. The main process decides
// a file's type from its bytes (src/main/evidence/evidenceType.ts) and stores it as `detectedType`
// (a short name such as 'pdf', 'docx', 'wps', 'ofd', 'txt'); screens label a file by that stored
// type, never by its name, so an .exe renamed .pdf can never be shown as a PDF document.

export const evidenceKinds = [
  'pdf',
  'image',
  'word',
  'excel',
  'powerpoint',
  'wps',
  'ofd',
  'archive',
  'audio',
  'video',
  'text',
] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

export const EVIDENCE_KIND_ZH: Record<EvidenceKind, string> = {
  pdf: 'PDF 文档',
  image: '图片',
  word: 'Word 文档',
  excel: 'Excel 表格',
  powerpoint: 'PowerPoint 演示文稿',
  wps: 'WPS 文档',
  ofd: 'OFD 版式文档',
  archive: 'ZIP 压缩包',
  audio: '音频',
  video: '视频',
  text: '文本',
};

interface DetectedType {
  kind: EvidenceKind;
  /** The media type stored with the file (from the bytes, not from the browser). */
  mime: string;
  /** The Chinese name when it says more than the kind's (e.g. WPS 表格). */
  label?: string;
}

/** Every type a stored evidence file can have, by the short name kept in `detected_type`. */
export const DETECTED_TYPES: Readonly<Record<string, DetectedType>> = {
  pdf: { kind: 'pdf', mime: 'application/pdf' },
  jpg: { kind: 'image', mime: 'image/jpeg' },
  png: { kind: 'image', mime: 'image/png' },
  gif: { kind: 'image', mime: 'image/gif' },
  bmp: { kind: 'image', mime: 'image/bmp' },
  tif: { kind: 'image', mime: 'image/tiff' },
  webp: { kind: 'image', mime: 'image/webp' },
  heic: { kind: 'image', mime: 'image/heic' },
  avif: { kind: 'image', mime: 'image/avif' },
  doc: { kind: 'word', mime: 'application/msword' },
  docx: { kind: 'word', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  xls: { kind: 'excel', mime: 'application/vnd.ms-excel' },
  xlsx: { kind: 'excel', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  ppt: { kind: 'powerpoint', mime: 'application/vnd.ms-powerpoint' },
  pptx: { kind: 'powerpoint', mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' },
  wps: { kind: 'wps', mime: 'application/vnd.ms-works', label: 'WPS 文字' },
  et: { kind: 'wps', mime: 'application/vnd.ms-excel', label: 'WPS 表格' },
  dps: { kind: 'wps', mime: 'application/vnd.ms-powerpoint', label: 'WPS 演示' },
  ofd: { kind: 'ofd', mime: 'application/ofd' },
  zip: { kind: 'archive', mime: 'application/zip' },
  mp3: { kind: 'audio', mime: 'audio/mpeg' },
  m4a: { kind: 'audio', mime: 'audio/mp4' },
  wav: { kind: 'audio', mime: 'audio/wav' },
  amr: { kind: 'audio', mime: 'audio/amr' },
  aac: { kind: 'audio', mime: 'audio/aac' },
  flac: { kind: 'audio', mime: 'audio/flac' },
  ogg: { kind: 'audio', mime: 'audio/ogg' },
  wma: { kind: 'audio', mime: 'audio/x-ms-wma' },
  mp4: { kind: 'video', mime: 'video/mp4' },
  m4v: { kind: 'video', mime: 'video/mp4' },
  mov: { kind: 'video', mime: 'video/quicktime' },
  avi: { kind: 'video', mime: 'video/x-msvideo' },
  wmv: { kind: 'video', mime: 'video/x-ms-wmv' },
  mkv: { kind: 'video', mime: 'video/x-matroska' },
  webm: { kind: 'video', mime: 'video/webm' },
  flv: { kind: 'video', mime: 'video/x-flv' },
  '3gp': { kind: 'video', mime: 'video/3gpp' },
  mpg: { kind: 'video', mime: 'video/mpeg' },
  mts: { kind: 'video', mime: 'video/mp2t' },
  txt: { kind: 'text', mime: 'text/plain' },
  csv: { kind: 'text', mime: 'text/csv', label: 'CSV 表格（文本）' },
};

/** What the evidence picker offers (the main process decides again from the bytes). */
export const EVIDENCE_ACCEPT_EXTENSIONS = [
  ...Object.keys(DETECTED_TYPES),
  'jpeg',
  'tiff',
  'heif',
  'mpeg',
  'oga',
  'opus',
  '3g2',
].map((ext) => `.${ext}`);

/** The one sentence that says what may be uploaded. */
export const EVIDENCE_ACCEPT_TEXT =
  '可以上传 PDF、图片、Word、Excel、PowerPoint、WPS、OFD、ZIP 压缩包、音频、视频和文本文件。';

/** Stored before the type was checked (before 0008, or arrived so from an older program). */
export const UNCHECKED_TYPE_TEXT = '类型待核验';

/** The Chinese name of a stored file's detected type, e.g. "PDF 文档", "图片（PNG）", "WPS 表格". */
export function evidenceTypeText(detectedType: string): string {
  if (!Object.hasOwn(DETECTED_TYPES, detectedType)) return UNCHECKED_TYPE_TEXT;
  const type = DETECTED_TYPES[detectedType];
  if (type.label) return type.label;
  if (type.kind === 'image' || type.kind === 'audio' || type.kind === 'video')
    return `${EVIDENCE_KIND_ZH[type.kind]}（${detectedType.toUpperCase()}）`;
  return EVIDENCE_KIND_ZH[type.kind];
}
