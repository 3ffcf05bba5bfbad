// The diagnostics part of the operation table: 导出诊断信息 into a folder the administrator chose.
import type { diagnosticsOperations } from '../../shared/diagnostics/diagnosticsContract';
import type { AreaHandlers } from '../api/handlerTypes';
import { exportDiagnostics } from './diagnosticsExport';

/** Exactly the operations of src/shared/diagnostics/diagnosticsContract.ts. */
export type DiagnosticsOperation = keyof typeof diagnosticsOperations;

export const diagnosticsHandlers: AreaHandlers<DiagnosticsOperation> = {
  // Synchronous: the zip is small (the logs are capped at 16 MiB) and the integrity check is the
  // same one 校验完整性 runs while the person waits.
  'diagnostics.export': (ctx, input) => exportDiagnostics(ctx, input.folder),
};
