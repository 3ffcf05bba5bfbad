// Before the bundle parser: is the chosen file a sync bundle at all? A bundle is a zip holding
// manifest.json or a sealed envelope (docs/sync-format.md, decided by the first bytes). An Excel
// workbook, a Word file or a zip of photos is also a zip, and the strict parser would refuse it
// for its entry names ("名称不合规定的文件", E_PATH) — true, but no help to the person who picked
// the wrong file. This says "这不是同步包" and what the file is instead.
import { fileTypeFromFile } from 'file-type';
import yauzl from 'yauzl';
import { DETECTED_TYPES, evidenceTypeText } from '../../shared/evidence/evidenceKinds';
import { ApiError } from '../api/errors';
import { sniffBundle } from './format/envelope';

const HINT = '请选择从督导台导出的同步包文件。';

/** What a file that is not a bundle is, as a person reads it ("Excel 表格", "PDF 文档"). */
async function whatItIs(file: string): Promise<string | null> {
  const found = await fileTypeFromFile(file).catch(() => undefined);
  if (!found || found.ext === 'cfb') return null;
  if (['exe', 'elf', 'macho'].includes(found.ext)) return '可执行程序';
  if (Object.hasOwn(DETECTED_TYPES, found.ext)) return evidenceTypeText(found.ext);
  return `${found.ext.toUpperCase()} 文件`;
}

/** The names of a zip's entries (its central directory only); null when it cannot be read as one. */
async function zipNames(file: string): Promise<string[] | null> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, strictFileNames: false });
  } catch {
    return null;
  }
  const names: string[] = [];
  try {
    for await (const entry of zip.eachEntry()) {
      names.push(entry.fileName);
      if (names.length > 100_000) break;
    }
  } catch {
    return null;
  } finally {
    zip.close();
  }
  return names;
}

/** Names only a bundle has (docs/sync-format.md §1): one of them means a bundle, maybe damaged. */
const bundleLike = (name: string) =>
  name === 'manifest.json' || name === 'manifest.sig' || /^(rows|files|nested)\//.test(name);

// No file name in the message: the screen shows which file was chosen, and a message stays plain Chinese.
/** "这是 Excel 表格" (a space before a Latin name), "这是可执行程序". */
const itIs = (what: string) => `这是${/^[A-Za-z]/.test(what) ? ' ' : ''}${what}`;
const refuse = (reason: string) => new ApiError('E_NOT_BUNDLE', `这不是同步包（${reason}），没有导入任何内容。${HINT}`);

/**
 * Refuses (E_NOT_BUNDLE, "这不是同步包（…）") a file that is plainly something else; returns its
 * kind otherwise. A bundle that is only damaged is left to the parser, which names the damage.
 */
export async function assertLooksLikeBundle(file: string): Promise<'zip' | 'envelope'> {
  const kind = await sniffBundle(file);
  if (kind === 'envelope') return kind;
  const what = await whatItIs(file);
  if (kind === 'unknown') {
    throw refuse(what && what !== 'ZIP 压缩包' ? itIs(what) : '文件内容无法识别');
  }
  const names = await zipNames(file);
  if (!names || names.some(bundleLike)) return kind;
  throw refuse(what && what !== 'ZIP 压缩包' ? itIs(what) : '这是普通的压缩包，里面没有同步清单');
}
