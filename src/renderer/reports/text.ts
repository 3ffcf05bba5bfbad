// Every word of the 报表打印 tab.
import type { ReportFormat, ReportKind } from '../../shared/model';

export const reportKindText: Record<ReportKind, string> = {
  checklist: '推进清单',
  inspection: '查摆报告表',
  ledger: '整改台账',
  summary: '活动总结',
  province: '下级法院进度表',
  orders: '督办台账',
  notice: '通报',
};

/** What each format is called on its button and in messages. */
export const reportFormatText: Record<ReportFormat, string> = {
  pdf: 'PDF',
  xlsx: 'Excel',
  docx: 'Word',
  html: '网页',
};

export const reportText = {
  kindLabel: '报表种类',
  previewTitle: '打印预览',
  paper: (landscape: boolean) => (landscape ? 'A4 横向' : 'A4 纵向'),
  previewNote: '预览按纸张宽度连续显示，实际分页、页码以打印或保存的 PDF 为准。',
  previewLoading: '正在生成预览…',
  previewFrameTitle: (title: string) => `${title}打印预览`,
  unavailableTitle: (kind: string) => `暂不能生成${kind}`,
  loadFailedTitle: '报表没有生成',
  retry: '重试',
  courtLine: (court: string) => `数据来源：${court}`,

  print: '打印',
  printHint: '打开系统的打印对话框，打印上面的预览（快捷键 Ctrl+P）',
  printShortcut: 'Ctrl+P',
  printFailed: '无法打开打印对话框，请改为保存为 PDF 后打印。',

  saveTitle: '保存为文件',
  saveAs: (format: string) => `保存为 ${format}`,
  fileName: '文件名',
  fileNameHint: '文件夹里已有同名文件时，新文件名后自动加“（2）”等序号，不会覆盖。',
  folder: '保存到文件夹',
  folderHint: '可直接输入完整路径，如 D:\\报表，或 U 盘上的文件夹。',
  chooseFolder: '选择文件夹…',
  folderRequired: '请先填写或选择保存报表的文件夹。',
  saving: (format: string) => `正在保存为 ${format} 文件…`,
  savedTitle: (format: string) => `已保存为 ${format} 文件`,
  savedLine: (path: string, pages: number | null) => `已保存：${path}${pages ? `（${pages} 页）` : ''}`,
  savedSize: (size: string) => `文件大小：${size}`,
  saveFailedTitle: '报表没有保存',
  saveCancelled: '已取消保存，没有留下任何文件。',

  viewingCourt: (name: string) => `正在查看：${name}的报表`,
  viewingHint: '报表按该院报送的数据生成，只能预览、打印和保存，不能修改数据。',
  backToOwn: '返回本院报表',
};
