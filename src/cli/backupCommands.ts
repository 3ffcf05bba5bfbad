// backup: the same backup the program takes by itself (设置 → 备份与恢复 → 立即备份), for the court's
// IT staff: a consistent snapshot and the evidence it cites, checked after writing.
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../main/api/errors';
import { createBackupSync } from '../main/backup/backupService';
import { optional, required, type ParsedCommand } from './args';
import { withCourt } from './dataFolder';
import type { Output } from './output';

function readPassphrase(file: string): string {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new ApiError('E_NOT_FOUND', `读不到口令文件“${file}”。`);
  }
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
  if ([...first].length < 8) throw new ApiError('E_INVALID', '口令文件第一行应是至少 8 个字符的备份口令。');
  return first;
}

function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024 / 1024).toFixed(2)} GB`;
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export async function runBackup(parsed: ParsedCommand, output: Output): Promise<void> {
  const dir = required(parsed, 'data');
  const out = optional(parsed, 'out');
  const passphraseFile = optional(parsed, 'passphrase-file');
  const passphrase = passphraseFile ? readPassphrase(passphraseFile) : undefined;
  await withCourt(dir, async ({ ctx }) => {
    const { info, secondFolderProblem } = createBackupSync(
      { dataDir: ctx.dataDir, sqlite: ctx.sqlite, schemaVersion: ctx.schemaVersion, appVersion: ctx.appVersion },
      'manual',
      { out: out ? path.resolve(out) : undefined, passphrase, now: ctx.now() },
    );
    if (output.json) return output.document({ backup: info, secondFolderProblem });
    output.line(`备份完成，已校验：${info.path}`);
    output.line(`大小：${sizeText(info.bytes)}；佐证材料 ${info.evidenceFiles} 个（${sizeText(info.evidenceBytes)}）`);
    output.line(
      info.keysIncluded
        ? '已用备份口令加密，含本院密钥：恢复时需要输入备份口令。'
        : '未加密，不含本院密钥：恢复后需重新生成密钥并请上级法院核对新指纹。',
    );
    if (secondFolderProblem) output.line(secondFolderProblem);
  });
}
