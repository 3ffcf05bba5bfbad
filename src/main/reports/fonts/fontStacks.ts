// The one place the documents' faces are chosen (policy and what was verified: docs/documents.md,
// 字体). CSS stacks for the printed documents, single names for Word and Excel.
//
// Each stack names the face a court PC has, in this order: the 方正 公文 fonts (installed by court IT
// on Windows; 方正 _GBK names on Kylin), the faces Windows ships since Vista (宋体 SimSun, 黑体
// SimHei, 仿宋 FangSong, 楷体 KaiTi) and the GB2312 versions older systems carry, the 华文 faces
// Microsoft Office installs — then the OFL fonts the app ships (fonts/shippedFonts.ts), so that
// where none of them is installed the PDF still embeds real, searchable TrueType fonts, and last
// the generic family. Noto/Source Han CJK system fonts are left out on purpose: they are CFF-based
// and Chromium would print them as Type 3 glyphs.
import { SHIPPED_SANS, SHIPPED_SERIF, SHIPPED_TITLE } from './shippedFonts';

/** A CSS font-family list: the faces quoted, the generic family last. */
const stack = (generic: string, ...faces: string[]) =>
  [...faces.map((face) => (face.startsWith("'") ? face : `'${face}'`)), generic].join(', ');

/** 标题：2号 小标宋 (GB/T 9704); 华文中宋, then 宋体 where no 小标宋 is installed. */
export const TITLE_STACK = stack(
  'serif',
  '方正小标宋简体',
  'FZXiaoBiaoSong-B05S',
  '方正小标宋_GBK',
  'FZXiaoBiaoSong-B05',
  '华文中宋',
  'STZhongsong',
  '宋体',
  'SimSun',
  SHIPPED_TITLE,
);

/** 正文：3号 仿宋. 仿宋_GB2312 first (what court templates name); characters outside GB2312 fall to 仿宋. */
export const BODY_STACK = stack(
  'serif',
  '仿宋_GB2312',
  'FangSong_GB2312',
  '仿宋',
  'FangSong',
  '方正仿宋_GBK',
  'FZFangSong-Z02',
  '华文仿宋',
  'STFangsong',
  SHIPPED_SERIF,
);

/** 一、 headings: 黑体. */
export const HEADING_STACK = stack(
  'sans-serif',
  '黑体',
  'SimHei',
  '方正黑体_GBK',
  'FZHei-B01',
  '华文黑体',
  'STHeiti',
  SHIPPED_SANS,
);

/** （一） headings: 楷体 (the shipped fonts have no 楷体: the serif stands in). */
export const KAI_STACK = stack(
  'serif',
  '楷体_GB2312',
  'KaiTi_GB2312',
  '楷体',
  'KaiTi',
  '方正楷体_GBK',
  'FZKai-Z03',
  '华文楷体',
  'STKaiti',
  SHIPPED_SERIF,
);

/** The 公文 page number “— 1 —”: 4号 宋体. */
export const NUMBER_STACK = stack('serif', '宋体', 'SimSun', SHIPPED_SERIF);

/**
 * Word and Excel take one name per run or cell (no fallback list), so each name is chosen for the
 * PC that opens the file:
 * - the 公文 in Word (通报, 活动总结): the names court templates use — 方正小标宋简体, 仿宋_GB2312,
 *   黑体, 楷体_GB2312, 宋体. Court PCs that print 公文 have them; where one is missing, Word and WPS
 *   substitute a face of the same kind and keep the name, so the clerk sees what to install.
 * - tables and forms (workbooks, the 查摆报告表 in Word): 宋体 and 仿宋, which every Windows since
 *   Vista ships, so the table's widths and row heights hold on any PC.
 */
export const OFFICE_FONTS = {
  documentTitle: '方正小标宋简体',
  documentBody: '仿宋_GB2312',
  heading: '黑体',
  kai: '楷体_GB2312',
  number: '宋体',
  tableTitle: '宋体',
  tableBody: '仿宋',
} as const;

/** A Word run's faces: one face for Chinese and Latin alike (digits and dates in the text's own face, as 公文 set them). */
export const wordFont = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name });
