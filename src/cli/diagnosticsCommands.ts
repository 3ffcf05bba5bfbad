// diagnostics export: the same zip as 设置 → 导出诊断信息 (logs, versions, integrity check, row
// counts; never the database, keys or evidence), saved into a folder for IT.
import path from 'node:path';
import { exportDiagnostics } from '../main/diagnostics/diagnosticsExport';
import { required, UsageError, type ParsedCommand } from './args';
import { withCourt } from './dataFolder';
import type { Output } from './output';
import { MESSAGES, USAGE } from './text';

export async function runDiagnostics(parsed: ParsedCommand, output: Output): Promise<void> {
  const [action] = parsed.positionals;
  if (action !== 'export')
    throw new UsageError(action ? USAGE.unknownAction(action, 'export') : USAGE.missingAction('export'), 'diagnostics');
  const to = required(parsed, 'to');
  const dir = required(parsed, 'data');
  await withCourt(dir, async ({ ctx }) => {
    const saved = await exportDiagnostics(ctx, path.resolve(to));
    if (output.json) return output.document(saved);
    output.line(MESSAGES.diagnosticsSaved(saved.path, saved.entries.length));
    output.note(MESSAGES.diagnosticsHint);
  });
}
