// The operation table: one handler per operation name in the shared contract, gathered from the
// features' handler maps (src/main/<feature>/…Handlers.ts, each typed to exactly the operations of
// its src/shared/<feature>/<feature>Contract.ts). `Handlers` demands a handler for every operation,
// and each map admits only its own feature's names, so no two maps can hold the same one. The
// Electron IPC handler, the local preview server and the command line all call these through
// dispatch().
import type { Handlers } from './handlerTypes';
import { courtHandlers } from '../court/courtHandlers';
import { accessHandlers } from '../access/accessHandlers';
import { jobHandlers } from '../jobs/jobHandlers';
import { campaignHandlers } from '../campaigns/campaignHandlers';
import { checklistHandlers } from '../checklist/checklistHandlers';
import { evidenceHandlers } from '../evidence/evidenceHandlers';
import { auditHandlers } from '../audit/auditHandlers';
import { inspectionHandlers } from '../inspection/inspectionHandlers';
import { ledgerHandlers } from '../ledger/ledgerHandlers';
import { workHandlers } from '../work/workHandlers';
import { syncHandlers } from '../sync/syncHandlers';
import { supervisionHandlers } from '../supervision/supervisionHandlers';
import { orderHandlers } from '../orders/ordersHandlers';
import { noticeHandlers } from '../notices/noticesHandlers';
import { indicatorHandlers } from '../indicators/indicatorHandlers';
import { boardHandlers } from '../boards/boardHandlers';
import { provinceHandlers } from '../province/provinceHandlers';
import { rosterHandlers } from '../province/rosterHandlers';
import { reportHandlers } from '../reports/reportHandlers';
import { diagnosticsHandlers } from '../diagnostics/diagnosticsHandlers';
import { backupHandlers } from '../backup/backupHandlers';
import { recoveryHandlers } from '../recovery/recoveryHandlers';
import { writtenSummaryHandlers } from '../writtenSummary/writtenSummaryHandlers';

export const handlers: Handlers = {
  ...courtHandlers,
  ...accessHandlers,
  ...jobHandlers,
  ...campaignHandlers,
  ...checklistHandlers,
  ...evidenceHandlers,
  ...auditHandlers,
  ...inspectionHandlers,
  ...ledgerHandlers,
  ...workHandlers,
  ...syncHandlers,
  ...supervisionHandlers,
  ...orderHandlers,
  ...noticeHandlers,
  ...indicatorHandlers,
  ...boardHandlers,
  ...provinceHandlers,
  ...rosterHandlers,
  ...reportHandlers,
  ...diagnosticsHandlers,
  ...backupHandlers,
  ...recoveryHandlers,
  ...writtenSummaryHandlers,
};
