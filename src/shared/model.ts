// Plain data objects that cross the process boundary. No SQL, no Node types. Each feature keeps
// its own in src/shared/<feature>/<feature>Model.ts (see src/shared/api.ts); this file gathers
// them so every existing import of '…/shared/model' keeps working.
export * from './common/commonModel';
export * from './court/courtModel';
export * from './access/accessModel';
export * from './jobs/jobsModel';
export * from './campaigns/campaignsModel';
export * from './checklist/checklistModel';
export * from './evidence/evidenceModel';
export * from './audit/auditModel';
export * from './inspection/inspectionModel';
export * from './ledger/ledgerModel';
export * from './work/workModel';
export * from './sync/syncModel';
export * from './supervision/supervisionModel';
export * from './orders/ordersModel';
export * from './notices/noticesModel';
export * from './indicators/indicatorsModel';
export * from './boards/boardsModel';
export * from './province/provinceModel';
export * from './province/rosterModel';
export * from './reports/reportsModel';
export * from './diagnostics/diagnosticsModel';
export * from './backup/backupModel';
export * from './recovery/recoveryModel';
export * from './writtenSummary/writtenSummaryModel';
