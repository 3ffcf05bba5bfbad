// `restore` and `verify`: the court's IT staff restore a backup (the same checks and swap as
// 设置 → 备份与恢复) and check a data folder whole. Restore works on a folder whose database is
// missing or damaged, and refuses one another window or command has open. (Their sentences are
// kept here rather than in text.ts, which three features extend at once.)
import fs from 'node:fs';
import path from 'node:path';
import dayjs from 'dayjs';
import type { BackupInspection, DataSummary, RestoreResult } from '../shared/backup/backupModel';
import { ApiError } from '../main/api/errors';
import { verifyCourtIntegrity } from '../main/audit/integrityCheck';
import { restoreBackup } from '../main/backup/restore';
import { checkLabel } from '../main/backup/restoreChecks';
import { optional, required, type ParsedCommand } from './args';
import { openFolder, resolveFolder } from './dataFolder';
import { DetailedRefusal, progressControl, type Output } from './output';
import { MESSAGES } from './text';

const TEXT = {
  checksHeader: (file: string) => `核对备份：${file}`,
  check: (ok: boolean, label: string, message: string) => `  ${ok ? '✓' : '✗'} ${label}：${message}`,
  warning: (text: string) => `注意：${text}`,
  holdsHeader: '备份中的数据（括号内为恢复前的当前数据）：',
  noCurrent: '（本机原先没有本院数据）',
  campaign: (title: string, now: string, before: string) => `  ${title}：${now}${before ? `（${before}）` : ''}`,
  counts: (items: number, done: number, findings: number, evidence: number) =>
    `事项 ${items}，已完成 ${done}，整改问题 ${findings}，佐证材料 ${evidence}`,
  totals: (s: DataSummary) =>
    `佐证材料文件 ${s.evidenceFiles} 个，审计记录 ${s.auditEntries} 条，人员 ${s.people} 人，最近修改：${
      s.lastChangeAt ? dayjs(s.lastChangeAt).format('YYYY-MM-DD HH:mm') : '无'
    }`,
  restored: (name: string, code: string, at: string) =>
    `已从备份恢复：${name}（${code}），备份时间 ${dayjs(at).format('YYYY-MM-DD HH:mm')}`,
  safety: (file: string) => `恢复前的数据已另存为备份：${file}`,
  noSafety: '恢复前本机没有可读的本院数据，没有另存备份。',
  loggedOut: '所有已登录的窗口需要重新登录。',
  passphraseFile: (file: string) => `读不到口令文件“${file}”。`,
  verifyOk: (audit: number, evidence: number) =>
    `校验通过：数据库完整，审计记录 ${audit} 条前后相接，佐证材料 ${evidence} 个文件齐全无误。`,
  verifyFaults: (count: number) => `校验发现 ${count} 处问题：`,
  verifyFault: (index: number, message: string) => `  ${index}. ${message}`,
  verifyRefused: '数据有问题，请按上面所列处理；必要时用 restore 从最近一份完好的备份恢复。',
};

/** The passphrase is the file's first line, exactly as typed (a trailing newline is not part of it). */
function readPassphrase(parsed: ParsedCommand): string | undefined {
  const file = optional(parsed, 'passphrase-file');
  if (file === undefined) return undefined;
  let text: string;
  try {
    text = fs.readFileSync(path.resolve(file), 'utf8');
  } catch {
    throw new ApiError('E_NOT_FOUND', TEXT.passphraseFile(file));
  }
  return text.replace(/^\uFEFF/, '').split(/\r?\n/)[0];
}

function printInspection(output: Output, inspection: BackupInspection): void {
  output.line(TEXT.checksHeader(inspection.backup.path));
  for (const check of inspection.checks) output.line(TEXT.check(check.ok, checkLabel(check.kind), check.message));
  for (const warning of inspection.warnings) output.line(TEXT.warning(warning));
}

function printHolds(output: Output, holds: DataSummary, current: DataSummary | null): void {
  output.line(TEXT.holdsHeader);
  if (!current) output.line(TEXT.noCurrent);
  for (const campaign of holds.campaigns) {
    const before = current?.campaigns.find((c) => c.campaignId === campaign.campaignId);
    output.line(
      TEXT.campaign(
        campaign.title,
        TEXT.counts(campaign.items, campaign.doneItems, campaign.ledgerFindings, campaign.evidenceFiles),
        before ? TEXT.counts(before.items, before.doneItems, before.ledgerFindings, before.evidenceFiles) : '',
      ),
    );
  }
  output.line(`  ${TEXT.totals(holds)}`);
  if (current) output.line(`  （当前：${TEXT.totals(current)}）`);
}

export async function runRestore(parsed: ParsedCommand, output: Output): Promise<void> {
  const dir = resolveFolder(required(parsed, 'data'));
  const file = path.resolve(parsed.positionals[0]);
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory())
    throw new ApiError('E_NOT_FOLDER', MESSAGES.notFolder(dir));
  fs.mkdirSync(dir, { recursive: true });
  const passphrase = readPassphrase(parsed);
  const control = progressControl(output);
  let inspection: BackupInspection | null = null;
  let result: RestoreResult;
  try {
    result = await restoreBackup({
      dataDir: dir,
      file,
      passphrase,
      actor: '命令行（系统管理员）',
      // The count is printed after the stage (核对佐证材料（3/67）), not inside it as on the screens.
      onProgress: (done, total, message) => control.progress(done, total, message.replace(/ \d+\/\d+$/, '')),
      onVerified: (seen) => {
        inspection = seen;
        printInspection(output, seen);
      },
    });
  } catch (error) {
    // A refusal carries what the checks found, for scripts reading --json.
    if (error instanceof ApiError && inspection)
      throw new DetailedRefusal(error.code, error.message, {
        checks: (inspection as BackupInspection).checks,
      });
    throw error;
  }
  const seen = inspection as BackupInspection | null;
  if (output.json) {
    output.document({ ok: true, ...result, checks: seen?.checks ?? [], warnings: seen?.warnings ?? [] });
    return;
  }
  printHolds(output, result.holds, seen?.current ?? null);
  output.line(TEXT.restored(result.restored.courtName, result.restored.courtCode, result.restored.createdAt));
  output.line(result.safetyBackup ? TEXT.safety(result.safetyBackup.path) : TEXT.noSafety);
  output.note(TEXT.loggedOut);
}

export async function runVerify(parsed: ParsedCommand, output: Output): Promise<boolean> {
  const services = openFolder(required(parsed, 'data'), { create: false });
  try {
    const result = await verifyCourtIntegrity(services.ctx);
    if (output.json) output.document(result);
    else if (result.ok) output.line(TEXT.verifyOk(result.checked, result.evidenceChecked ?? 0));
    else {
      output.line(TEXT.verifyFaults(result.problems.length));
      result.problems.forEach((problem, index) => output.line(TEXT.verifyFault(index + 1, problem.message)));
      output.note(TEXT.verifyRefused);
    }
    return result.ok;
  } finally {
    await services.close();
  }
}
