// Every feature's operations joined into the one table of the contract (src/shared/api.ts derives
// the input schemas, results, access rules and names from it). Kept apart from api.ts so the
// preloads can take the names without the barrel's re-exports; mergeOperationTables refuses a name
// that two features both define, at compile time and again when this module loads.
import { mergeOperationTables } from './contract';
import { accessOperations } from './access/accessContract';
import { auditOperations } from './audit/auditContract';
import { boardOperations } from './boards/boardsContract';
import { campaignOperations } from './campaigns/campaignsContract';
import { checklistOperations } from './checklist/checklistContract';
import { courtOperations } from './court/courtContract';
import { diagnosticsOperations } from './diagnostics/diagnosticsContract';
import { backupOperations } from './backup/backupContract';
import { recoveryOperations } from './recovery/recoveryContract';
import { evidenceOperations } from './evidence/evidenceContract';
import { indicatorOperations } from './indicators/indicatorsContract';
import { inspectionOperations } from './inspection/inspectionContract';
import { jobOperations } from './jobs/jobsContract';
import { ledgerOperations } from './ledger/ledgerContract';
import { provinceOperations } from './province/provinceContract';
import { rosterOperations } from './province/rosterContract';
import { reportOperations } from './reports/reportsContract';
import { supervisionOperations } from './supervision/supervisionContract';
import { orderOperations } from './orders/ordersContract';
import { noticeOperations } from './notices/noticesContract';
import { syncOperations } from './sync/syncContract';
import { workOperations } from './work/workContract';
import { writtenSummaryOperations } from './writtenSummary/writtenSummaryContract';

export const operationTable = mergeOperationTables(
  courtOperations,
  accessOperations,
  jobOperations,
  campaignOperations,
  checklistOperations,
  evidenceOperations,
  auditOperations,
  inspectionOperations,
  ledgerOperations,
  workOperations,
  syncOperations,
  supervisionOperations,
  orderOperations,
  noticeOperations,
  indicatorOperations,
  boardOperations,
  provinceOperations,
  rosterOperations,
  reportOperations,
  diagnosticsOperations,
  backupOperations,
  recoveryOperations,
  writtenSummaryOperations,
);

export type OperationName = keyof typeof operationTable & string;
