// Diagnostics (诊断信息): one zip of logs, versions, the integrity check and row counts for IT.
import * as z from 'zod';
import { ADMIN, defineOperation } from '../contract';
import { exportFolder } from '../common/schemas';
import type { DiagnosticsFile } from './diagnosticsModel';

export const diagnosticsOperations = {
  'diagnostics.export': defineOperation<DiagnosticsFile>()(z.object({ folder: exportFolder }), ADMIN),
};
