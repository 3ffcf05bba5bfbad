// The province report as an editable workbook: one sheet with the printed table's columns plus
// 层级, the figures as real numbers (rates as percentages, counts as integers), subtotal and total
// rows bold and shaded, the header frozen with the rank and court columns, widths set.
import type ExcelJS from 'exceljs';
import type { ProvinceReportData } from './provinceReport';
import { bodyRow, HEADER_ROW, newWorkbook, tableSheet, workbookBuffer } from './reportXlsx';

export const PROVINCE_SHEET = '下级法院进度';

const FIXED = [
  { title: '排名', width: 8 },
  { title: '法院', width: 30 },
  { title: '层级', width: 8 },
  { title: '完成率', width: 10 },
  { title: '已完成', width: 9 },
  { title: '事项数', width: 9 },
  { title: '逾期', width: 8 },
  { title: '较上期（百分点）', width: 11 },
  { title: '最近上报', width: 22 },
  { title: '标注', width: 22 },
];

const SHADE: Record<string, string> = { subtotal: 'FFF0F0F0', total: 'FFE0E0E0', own: 'FFFAFAFA' };

export async function provinceReportXlsx(report: ProvinceReportData): Promise<Buffer> {
  const workbook = newWorkbook(report.courtName);
  const columns = [...FIXED, ...report.sections.map((s) => ({ title: `${s.number}、${s.title}`, width: 14 }))];
  const sheet = tableSheet(workbook, PROVINCE_SHEET, {
    title: `${report.courtName}${report.campaignTitle}下级法院进度表`,
    subtitle: `（${report.reportDate}）${report.figuresLine}`,
    columns,
    landscape: true,
  });
  sheet.getRow(2).height = 48;
  sheet.getRow(HEADER_ROW).height = 36;
  // Frozen: the title rows and header, and the rank and court columns.
  sheet.views = [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 2 }];
  let rowNumber = HEADER_ROW;
  for (const line of report.lines) {
    const values: ExcelJS.CellValue[] = [
      line.rank ?? (line.kind === 'court' ? '不排名' : ''),
      line.name,
      line.level,
      line.totals.completionRate,
      line.totals.completed,
      line.totals.total,
      line.totals.overdue,
      line.delta,
      line.reported,
      line.marks,
      ...line.cells.map((cell) => cell.completionRate),
    ];
    const row = bodyRow(sheet, (rowNumber += 1), values, [2, 10], line.kind === 'court' ? [] : [2]);
    row.getCell(4).numFmt = '0.0%';
    row.getCell(8).numFmt = '+0;-0;0';
    for (let c = FIXED.length + 1; c <= columns.length; c += 1) row.getCell(c).numFmt = '0.0%';
    if (line.kind !== 'court') {
      row.eachCell({ includeEmpty: true }, (cell) => {
        cell.font = { ...cell.font, bold: line.kind !== 'own' };
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: SHADE[line.kind] } };
      });
    }
    if (line.marks.includes('未报送'))
      row.getCell(10).font = { ...row.getCell(10).font, bold: true, color: { argb: 'FFC00000' } };
  }
  return workbookBuffer(workbook);
}
