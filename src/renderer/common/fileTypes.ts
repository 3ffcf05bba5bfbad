// Files a person picks: what kind they are, how large they may be, and their bytes as base64.
/** A person-readable kind of file, from its type and name extension. */
export function fileTypeText(mimeType: string, name: string): string {
  const ext = name.includes('.') ? name.split('.').pop()!.toUpperCase() : '';
  if (mimeType === 'application/pdf' || ext === 'PDF') return 'PDF 文档';
  if (mimeType.startsWith('image/')) return `图片${ext ? `（${ext}）` : ''}`;
  if (/word|officedocument\.wordprocessing/.test(mimeType) || ext === 'DOC' || ext === 'DOCX' || ext === 'WPS')
    return 'Word 文档';
  if (/excel|spreadsheet/.test(mimeType) || ext === 'XLS' || ext === 'XLSX' || ext === 'ET') return '表格';
  if (/presentation|powerpoint/.test(mimeType) || ext === 'PPT' || ext === 'PPTX') return '演示文稿';
  if (mimeType.startsWith('text/') || ext === 'TXT') return '文本';
  if (/zip|rar|7z|compressed/.test(mimeType)) return '压缩包';
  if (mimeType.startsWith('video/')) return '视频';
  if (mimeType.startsWith('audio/')) return '音频';
  return ext ? `${ext} 文件` : '文件';
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
