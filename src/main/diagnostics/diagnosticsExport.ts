// 导出诊断信息: one zip a clerk can hand to IT when something went wrong — the program's log files,
// which versions are running, the court's integrity check (as data and as Chinese sentences) and
// how many rows each table holds. Numbers and logs only: never the database, the court's keys,
// evidence files or uploads, which are not read here at all (the zip is built from a fixed list,
// not by walking the data folder). The log files themselves were redacted as they were written.
// Entry names are ASCII: the zip folders of older Windows misread UTF-8 names.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import dayjs from 'dayjs';
import yazl from 'yazl';
import type { AuditProblem, AuditVerifyResult } from '../../shared/model';
import type { ServiceContext } from '../api/context';
import { saveFault } from '../api/databaseFaults';
import { verifyCourtIntegrity } from '../audit/integrityCheck';
import { getProfile } from '../court/courtProfile';
import { PRODUCT_NAME } from '../app/dataDir';
import { writeOutputFile } from '../durability/fileJournal';
import { currentLogProcess, logFor, logsFolder, runtimeVersions } from '../logging/log';
import { checkExportFolder, freeFilePath } from '../reports/reportExport';

export interface DiagnosticsEntry {
  name: string;
  content: Buffer;
}

/** What was saved: the file and what it holds (entry names, for the person and for tests). */
export interface DiagnosticsSaved {
  fileName: string;
  path: string;
  bytes: number;
  entries: string[];
}

/** The log files of the data folder: regular files named *.log only (no links, no folders). */
function logEntries(dataDir: string): DiagnosticsEntry[] {
  const folder = logsFolder(dataDir);
  let names: string[];
  try {
    names = fs.readdirSync(folder).sort();
  } catch {
    return [];
  }
  const entries: DiagnosticsEntry[] = [];
  for (const name of names) {
    if (!name.endsWith('.log')) continue;
    const file = path.join(folder, name);
    try {
      // lstat: a link named like a log (to the database, say) is not followed.
      if (!fs.lstatSync(file).isFile()) continue;
      entries.push({ name: `logs/${name}`, content: fs.readFileSync(file) });
    } catch {
      // Rotated away between the listing and the read: the next archive holds it.
    }
  }
  return entries;
}

function appliedMigrations(
  ctx: Pick<ServiceContext, 'sqlite'>,
): { version: number; name: string; appliedAt: string }[] {
  return (
    ctx.sqlite.prepare('SELECT version, name, applied_at FROM schema_migrations ORDER BY version').all() as {
      version: number;
      name: string;
      applied_at: string;
    }[]
  ).map((row) => ({ version: row.version, name: row.name, appliedAt: row.applied_at }));
}

/** Rows per table, numbers only. */
export function tableCounts(ctx: Pick<ServiceContext, 'sqlite'>): Record<string, number> {
  const tables = ctx.sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const quoted = `"${name.replace(/"/g, '""')}"`;
    counts[name] = (ctx.sqlite.prepare(`SELECT count(*) AS n FROM ${quoted}`).get() as { n: number }).n;
  }
  return counts;
}

const PROBLEM_KINDS: Record<AuditProblem['kind'], string> = {
  database: '数据库文件',
  edited: '审计记录被改动',
  inserted: '审计记录被插入',
  deleted: '审计记录被删除',
  head: '审计记录末尾',
  'evidence-missing': '佐证材料缺失',
  'evidence-damaged': '佐证材料损坏',
};

/** The integrity check in sentences, for whoever opens the zip without a JSON viewer. */
export function integrityText(result: AuditVerifyResult, court: string, checkedAt: Date): string {
  const lines = [
    `${PRODUCT_NAME} 完整性检查结果`,
    `法院：${court}`,
    `检查时间：${dayjs(checkedAt).format('YYYY年M月D日 HH:mm')}`,
    `结论：${result.ok ? '未发现问题' : `发现 ${result.problems.length} 处问题`}`,
    `已检查审计记录 ${result.checked} 条，佐证材料文件 ${result.evidenceChecked ?? 0} 个。`,
  ];
  if (result.problems.length > 0) {
    lines.push('', '问题：');
    result.problems.forEach((problem, index) => {
      const where = problem.seq > 0 ? `（审计记录第 ${problem.seq} 条）` : '';
      lines.push(`${index + 1}. 【${PROBLEM_KINDS[problem.kind] ?? problem.kind}】${where}${problem.message}`);
    });
  }
  return `${lines.join('\r\n')}\r\n`;
}

const README = [
  `${PRODUCT_NAME} 诊断信息`,
  '',
  '本压缩包供技术人员排查问题，包含：',
  '  logs/            程序运行日志（已隐去密码、密钥和文件内容）',
  '  versions.json    程序、数据库结构和运行环境的版本',
  '  integrity.txt    本院数据完整性检查结果（integrity.json 为同一结果的数据格式）',
  '  table-counts.json 各数据表的记录条数（只有数字）',
  '',
  '不包含数据库、本院密钥、佐证材料和任何上传的文件。',
  '',
].join('\r\n');

/** Everything the zip holds, in order. */
export async function diagnosticsEntries(
  ctx: ServiceContext,
): Promise<{ courtCode: string; entries: DiagnosticsEntry[] }> {
  const now = ctx.now();
  const profile = await getProfile(ctx);
  const courtCode = profile?.code ?? '未设置';
  const court = profile ? `${profile.name}（${profile.code}）` : '（本院信息尚未设置）';
  const integrity = await verifyCourtIntegrity(ctx);
  const versions = {
    product: PRODUCT_NAME,
    appVersion: ctx.appVersion,
    schemaVersion: ctx.schemaVersion,
    migrations: appliedMigrations(ctx),
    ...runtimeVersions(),
    platform: process.platform,
    arch: process.arch,
    osRelease: os.release(),
    process: currentLogProcess(),
    court: courtCode,
    generatedAt: dayjs(now).format('YYYY-MM-DDTHH:mm:ssZ'),
  };
  const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
  // With a byte-order mark, so older Windows Notepad opens the Chinese as UTF-8.
  const text = (value: string) => Buffer.from(`\ufeff${value}`, 'utf8');
  return {
    courtCode,
    entries: [
      { name: 'README.txt', content: text(README) },
      { name: 'versions.json', content: json(versions) },
      { name: 'integrity.json', content: json(integrity) },
      { name: 'integrity.txt', content: text(integrityText(integrity, court, now)) },
      { name: 'table-counts.json', content: json(tableCounts(ctx)) },
      ...logEntries(ctx.dataDir),
    ],
  };
}

export function zipEntries(entries: DiagnosticsEntry[], mtime: Date): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const zip = new yazl.ZipFile();
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    for (const entry of entries) zip.addBuffer(entry.content, entry.name, { mtime, mode: 0o100644 });
    zip.end();
  });
}

/** 诊断信息-<court code>-<yyyy-mm-dd-HHmm>.zip in `folder` (checked first; never overwrites). */
export async function exportDiagnostics(ctx: ServiceContext, folderInput: string): Promise<DiagnosticsSaved> {
  const folder = checkExportFolder(folderInput);
  const log = logFor(ctx.dataDir);
  // Written before the logs are read, so the zip shows who asked for it and when.
  log.info('diagnostics export started', { userId: ctx.user?.id ?? null, caller: ctx.caller });
  const { courtCode, entries } = await diagnosticsEntries(ctx);
  const content = await zipEntries(entries, ctx.now());
  const baseName = `诊断信息-${courtCode}-${dayjs(ctx.now()).format('YYYY-MM-DD-HHmm')}`;
  const first = freeFilePath(folder, baseName, 'zip');
  let saved: string;
  try {
    saved = await writeOutputFile(ctx.dataDir, first, content, () =>
      fs.existsSync(first) ? freeFilePath(folder, baseName, 'zip') : first,
    );
  } catch (error) {
    throw saveFault(error, folder, '诊断信息');
  }
  const result = {
    fileName: path.basename(saved),
    path: saved,
    bytes: content.length,
    entries: entries.map((entry) => entry.name),
  };
  log.info('diagnostics exported', { fileName: result.fileName, bytes: result.bytes, entries: entries.length });
  return result;
}
