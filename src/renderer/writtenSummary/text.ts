// Every word of the written 活动总结 editor (报表打印 → 活动总结) and of the 亮点 marks in the item drawer.

export const summaryText = {
  editorTitle: '编辑总结文字',
  editorLabel: '活动总结文字编辑',
  editorIntro:
    '每部分的文字可以直接修改。【】中的是数字字段，打印时自动填入最新数据，以后再打印也不必重新填写数字；请保留【】及其中的名称。',
  loading: '正在读取总结文字…',
  loadFailedTitle: '总结文字没有读出来',
  retry: '重试',

  partLabel: (heading: string) => `${heading}（总结文字）`,
  partDrafted: '系统草稿',
  partDraftedHint: '按本活动的数据自动起草，尚未修改',
  partSaved: '已修改',
  partSavedBy: (who: string, when: string) => `已修改：${who}于 ${when} 保存`,
  partUnsaved: '有未保存的修改',
  partSavedAndUnsaved: '已修改，另有未保存的修改',

  unknownTitle: '下列【】中的名称不是数字字段，打印时将原样印出：',
  unknownHint: '请改为右侧“数字字段”列表中的名称，或删去【】。',

  chooseField: '插入数字字段…',
  chooseFieldLabel: (heading: string) => `插入数字字段…（到“${heading}”）`,
  fieldsTitle: '数字字段',
  fieldsLabel: '数字字段列表',
  fieldsIntro: '点选（或按回车）即在光标处插入【字段名】，打印时填入当前数值。',
  insertTarget: (heading: string) => `插入到：${heading}`,
  fieldsSearch: '查找字段',
  fieldsSearchPlaceholder: '输入名称或说明',
  fieldsNone: '没有匹配的字段',
  insertWord: '插入',
  fieldValue: (value: string) => `当前：${value}`,

  save: '保存',
  saveShortcut: 'Ctrl+S',
  saveHint: '保存修改过的部分（快捷键 Ctrl+S），右侧预览随即按保存的文字刷新',
  saving: '正在保存…',
  saved: '总结文字已保存，预览已按保存的文字刷新。',
  nothingToSave: '没有需要保存的修改。',
  saveFailedTitle: '总结文字没有保存',
  saveFailedKept: '您输入的文字仍保留在编辑框中，可修改后再次保存。',

  resetPart: '恢复为系统草稿',
  resetPartLabel: (heading: string) => `将“${heading}”恢复为系统草稿`,
  resetAll: '全部恢复为系统草稿',
  resetTitle: '恢复为系统草稿？',
  resetPartMessage: (heading: string) =>
    `“${heading}”将恢复为系统按数据起草的文字，已保存的修改和尚未保存的编辑都会丢失，不能撤销。`,
  resetAllMessage: '四个部分都将恢复为系统按数据起草的文字，已保存的修改和尚未保存的编辑都会丢失，不能撤销。',
  resetConfirm: '恢复为系统草稿',
  resetKeep: '保留修改',
  resetDone: '已恢复为系统草稿。',
  resetFailedTitle: '没有恢复为系统草稿',

  unsavedCount: (n: number) => `${n} 个部分有未保存的修改`,
  allSaved: '没有未保存的修改：右侧预览即打印的文字。',
  unsavedBanner:
    '未保存的修改不会打印出来，请点“保存”（Ctrl+S）。保存之前，输入的文字保留在本机，切换报表或离开本页后回来仍可继续编辑。',
  leftUnsavedTitle: '活动总结有未保存的修改',
  leftUnsaved: '输入的文字已保留在本机，但还没有保存，不会打印出来。回到“报表打印 → 活动总结”即可继续编辑并保存。',
  leaveTitle: '总结文字还没有保存',
  leaveMessage:
    '活动总结有未保存的修改。切换后，输入的文字仍保留在本机，回到活动总结可继续编辑，但保存之前不会打印出来。确定切换吗？',
  leaveConfirm: '切换',
  leaveKeep: '留在活动总结',

  highlightCount: (count: number) =>
    count > 0
      ? `“二、主要做法和成效”的系统草稿取自 ${count} 项标为亮点的事项和进展记录。`
      : '还没有标为亮点的事项或进展记录，“二、主要做法和成效”的系统草稿只有概括性的文字。',
  highlightHow: '要增加内容：在“推进清单”中打开事项，在事项或某条进展记录上点“标为亮点”。',

  readOnlyTitle: '只能查看，不能修改',
  readOnlySubordinate: (court: string) => `这是${court}的活动总结，由该院自行编辑；这里只能查看和打印。`,
  readOnlyRole: '修改活动总结的文字需要管理员或审核人权限；您可以查看和打印。',
  readOnlyOther: '当前不能修改这份活动总结；可以查看和打印。',

  // 亮点 marks (item drawer).
  highlight: '亮点',
  markHighlight: '标为亮点',
  unmarkHighlight: '取消亮点',
  itemHighlightOn: '本事项已标为亮点，活动总结的“主要做法和成效”会引用它',
  itemHighlightOff: '标为亮点后，活动总结的“主要做法和成效”会引用本事项',
  noteHighlightOn: '这条进展记录已标为亮点，活动总结会引用它',
  noteHighlightOff: '标为亮点后，活动总结的“主要做法和成效”会引用这条进展记录',
  markedItem: '已将本事项标为亮点。',
  unmarkedItem: '已取消本事项的亮点。',
  markedNote: '已将这条进展记录标为亮点。',
  unmarkedNote: '已取消这条进展记录的亮点。',
  markFailedTitle: '亮点没有改好',
  noteHighlightLabel: (date: string) => `${date}的进展记录`,
};
