// A person-readable kind of file, from its type and name extension.
export function fileTypeText(mimeType: string, name: string): string {
  const ext = name.includes('.') ? name.split('.').pop()!.toUpperCase() : '';
  if (mimeType === 'application/pdf' || ext === 'PDF') return 'PDF 文档';
  if (mimeType.startsWith('image/')) return `图片${ext ? `（${ext}）` : ''}`;
  if (/word|officedocument\.wordprocessing/.test(mimeType) || ext === 'DOC' || ext === 'DOCX' || ext === 'WPS') return 'Word 文档';
  if (/excel|spreadsheet/.test(mimeType) || ext === 'XLS' || ext === 'XLSX' || ext === 'ET') return '表格';
  if (/presentation|powerpoint/.test(mimeType) || ext === 'PPT' || ext === 'PPTX') return '演示文稿';
  if (mimeType.startsWith('text/') || ext === 'TXT') return '文本';
  if (/zip|rar|7z|compressed/.test(mimeType)) return '压缩包';
  if (mimeType.startsWith('video/')) return '视频';
  if (mimeType.startsWith('audio/')) return '音频';
  return ext ? `${ext} 文件` : '文件';
}
