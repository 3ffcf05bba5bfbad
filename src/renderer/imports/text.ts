// Words of the two Excel imports: 导入模板 (a checklist template into the campaign's checklist)
// and 导入数值 (indicator values). Row checks themselves arrive in Chinese from the main process.
import { frequencyWords, type TemplateField } from '../../shared/model';

export const templateFieldText: Record<TemplateField, string> = {
  title: '任务名称',
  content: '具体内容',
  leadLeader: '牵头院领导',
  department: '责任部门',
  owner: '责任人',
  deadline: '完成时限',
  kind: '类别',
  section: '栏目',
};

export const importText = {
  // Choosing the file.
  dropTitle: '把 Excel 文件拖到这里，或点击选择文件',
  notXlsx: (name: string) =>
    `“${name}”不是 .xlsx 格式的 Excel 文件。如是 .xls 或 .et 文件，请先用 Excel 或 WPS 另存为 .xlsx 再导入。`,
  tooLarge: (name: string) => `“${name}”超过 4 MB，请删去无关的工作表或分成几个文件导入。`,
  emptyFile: (name: string) => `“${name}”是空文件。`,
  unreadable: (name: string) => `无法读取“${name}”，请确认文件没有被其他程序占用。`,
  reading: '正在读取文件…',
  chooseOther: '换一个文件',
  file: '文件',

  // Preview.
  sheet: '工作表',
  headerRow: (n: number) => `表头在第 ${n} 行`,
  mappingTitle: '各列对应的内容',
  mappingHint: '已根据表头自动识别，如有不对请在这里改正，预览会随之更新。',
  notMapped: '（不导入）',
  columnOption: (letter: string, header: string) => `${letter} 列：${header}`,
  counts: (good: number, bad: number) => `可导入 ${good} 行，有问题 ${bad} 行`,
  newSections: (titles: string[]) => `将新建栏目：${titles.join('、')}`,
  noNewSections: '不需要新建栏目',
  onlyBad: '只看有问题的行',
  all: '全部行',
  firstRowsOnly: (shown: number, total: number) => `仅显示前 ${shown} 行，共 ${total} 行`,
  noRows: '没有需要导入的行。',
  noBadRows: '没有存在问题的行。',
  colRow: '行号',
  colSection: '栏目',
  colTitle: '任务名称',
  colLeader: '牵头院领导',
  colDepartment: '责任部门',
  colOwner: '责任人',
  colDeadline: '完成时限',
  colKind: '类别',
  colCheck: '检查结果',
  ok: '✓ 可导入',
  noDeadline: '无',
  skipInvalid: (bad: number) => `跳过有问题的 ${bad} 行，只导入没有问题的行`,
  mustFixOrSkip: '有问题的行不会被导入。请改正文件后重新选择，或勾选“跳过有问题的行”。',
  confirm: (good: number) => `确认导入 ${good} 行`,
  previewing: '正在检查…',

  // 导入模板.
  templateOpen: '导入模板',
  templateTitle: '导入推进清单模板',
  templateHint:
    '选择上级法院下发或本院整理的推进清单 Excel 文件（.xlsx）。表头应有“任务”“责任部门”“完成时限”等列，以“一、”开头的整行作为栏目；在“报表打印”中把推进清单保存为 Excel 得到的表格也可直接导入。确认导入前不会修改任何内容。',
  templateDone: (items: number, sections: number, departments: number) =>
    `已导入 ${items} 项事项，新建 ${[
      ...(sections > 0 || departments === 0 ? [`${sections} 个栏目`] : []),
      ...(departments > 0 ? [`${departments} 个部门`] : []),
    ].join('、')}`,
  mappedDepartment: (name: string, target: string) => `${name} → ${target}`,
  createdDepartment: (name: string) => `${name}（新建）`,
  ignoredColumns: (headers: string[]) => `以下列不会导入：${headers.join('、')}`,
  frequencyWords: `完成时限写“${frequencyWords.monthly.join('”“')}”的记为每月，写“${frequencyWords.quarterly.join('”“')}”的记为每季度（末尾的“前”“完成”不影响），完成时限取活动结束日期。`,
  untilCampaignEnd: '至活动结束',
  unknownDepartmentsTitle: '本院没有的部门',
  unknownDepartmentsHint: '请为每个名称选择本院对应的部门，或新建部门（确认导入时创建）；选择后预览随之更新。',
  unknownDepartmentsHintNoCreate: '请为每个名称选择本院对应的部门；新建部门需要管理员。选择后预览随之更新。',
  unknownDepartmentLabel: (name: string) => `文件中的“${name}”`,
  departmentChoose: '请选择对应的部门',
  departmentNewGroup: '新建',
  departmentNew: '新建部门（使用文件中的名称）',
  departmentExistingGroup: '本院已有的部门',

  // 导入数值.
  valuesOpen: '导入数值',
  valuesTitle: '从 Excel 导入指标数值',
  valuesHint:
    '表格应有“指标名称”“期间”“数值”“说明”四列；期间写成 2026-10、2026年10月 或 2026年第三季度。已录入的期间会被文件中的数值替换。确认导入前不会修改任何内容。',
  colIndicator: '指标名称',
  colPeriod: '期间',
  colValue: '数值',
  colNote: '说明',
  replaces: '✓ 将替换已录入的数值',
  valuesDone: (count: number) => `已导入 ${count} 条指标数值`,
};
