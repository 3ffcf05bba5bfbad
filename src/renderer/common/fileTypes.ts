// Files a person picks: what kind they are, how large they may be, and their bytes as base64.
import { DETECTED_TYPES, evidenceTypeText } from '../../shared/evidence/evidenceKinds';

export {
  EVIDENCE_ACCEPT_EXTENSIONS,
  EVIDENCE_ACCEPT_TEXT,
  evidenceTypeText,
} from '../../shared/evidence/evidenceKinds';

/** The kind of a stored evidence file as a person reads it ("PDF 文档", "图片（PNG）", "WPS 表格"):
 * from the type its bytes were found to be when stored, never from its name — an .exe renamed
 * .pdf is never called a PDF. Files stored before the check show "类型待核验". */
export function fileTypeText(file: { detectedType: string }): string {
  return evidenceTypeText(file.detectedType);
}

/** A stored media type as a person reads it (the audit log's 文件类型): only types the check
 * itself stores are named. */
export function mimeTypeText(mimeType: string): string {
  const found = Object.entries(DETECTED_TYPES).find(([, type]) => type.mime === mimeType);
  return found ? evidenceTypeText(found[0]) : '其他文件';
}

/** The largest evidence file the main process accepts (src/shared/api.ts). */
export { MAX_EVIDENCE_BYTES } from '../../shared/api';

/** The bytes of a file (or a slice of one) as base64 (without the data: prefix), as every transport carries them. */
export function readBase64(file: Blob, onProgress?: (percent: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    if (onProgress)
      reader.onprogress = (event) =>
        event.lengthComputable && onProgress(Math.round((event.loaded * 100) / event.total));
    reader.onerror = () => reject(new Error('read'));
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}
