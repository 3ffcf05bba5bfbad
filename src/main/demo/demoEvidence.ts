// Small evidence files (佐证材料) for finished demo items, so "佐证材料齐全，同意销号" has something
// behind it: a completion report (text) and, for some items, a ledger (CSV, opens in a spreadsheet).
// The bytes are stored like any evidence: content-addressed in the data folder, once per content.
// Their content depends only on the item and its dates, so loading again on the same day reuses
// the same files. The files are durable before the rows that cite them commit; a cancelled or
// interrupted load removes the ones it added (see BlobWriter).
import type { BlobWriter } from '../evidence/blobStore';
import { registerBlob } from '../evidence/evidenceFiles';
import { requireEvidenceType } from '../evidence/evidenceType';
import type { ChangeWriter } from '../data/ownedRows';

export interface DemoEvidenceFile {
  name: string;
  mimeType: string;
  bytes: Buffer;
}

const shortTitle = (title: string) => {
  const chars = [...title.replace(/[\\/:*?"<>|“”]/g, '')];
  return chars.length > 18 ? chars.slice(0, 18).join('') : chars.join('');
};

/** The files for one finished item. `withLedger` adds the CSV ledger. */
export function evidenceFor(
  item: { title: string; content: string; department: string; owner: string; deadline: string; completed: string },
  notes: Array<{ date: string; text: string }>,
  withLedger: boolean,
): DemoEvidenceFile[] {
  const report = [
    `${item.title}——完成情况报告`,
    '',
    `责任部门：${item.department}　　责任人：${item.owner}`,
    `完成时限：${item.deadline}　　完成日期：${item.completed}`,
    '',
    `一、任务要求：${item.content}`,
    '二、推进过程：',
    ...notes.map((note, index) => `  ${index + 1}. ${note.date}　${note.text}`),
    '三、完成情况：已按要求完成，相关原始材料由责任部门存档备查。',
    '',
    '（本文件为专项活动督导台示例数据，仅供熟悉操作使用。）',
    '',
  ].join('\r\n');
  const files: DemoEvidenceFile[] = [
    {
      name: `${shortTitle(item.title)}完成情况报告.txt`,
      mimeType: 'text/plain',
      bytes: Buffer.from(`\ufeff${report}`, 'utf8'),
    },
  ];
  if (withLedger) {
    const rows = [
      ['序号', '日期', '工作内容', '记录人'],
      ...notes.map((note, index) => [String(index + 1), note.date, note.text, item.owner]),
    ];
    const csv = rows.map((row) => row.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(',')).join('\r\n');
    files.push({
      name: `${shortTitle(item.title)}工作台账.csv`,
      mimeType: 'text/csv',
      bytes: Buffer.from(`\ufeff${csv}\r\n`, 'utf8'),
    });
  }
  return files;
}

/** Stores the bytes in the data folder and records the evidence rows for the item. */
export async function writeEvidence(
  writer: ChangeWriter,
  blobs: BlobWriter,
  itemId: string,
  files: DemoEvidenceFile[],
): Promise<void> {
  for (const file of files) {
    // The same type check as every upload (evidenceType.ts): the rows say what the bytes are.
    const type = await requireEvidenceType({ bytes: file.bytes }, file.name);
    const sha256 = await blobs.putBytes(file.bytes);
    await registerBlob(writer, sha256, file.bytes.length);
    await writer.insert('evidence', {
      itemId,
      sha256,
      originalName: file.name,
      size: file.bytes.length,
      mimeType: type.mimeType,
      detectedType: type.detectedType,
    });
  }
}
