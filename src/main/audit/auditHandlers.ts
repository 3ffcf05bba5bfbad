// The audit log's part of the operation table: reading the log and the court's integrity check.
import type { auditOperations } from '../../shared/audit/auditContract';
import type { AreaHandlers } from '../api/handlerTypes';
import { listAudit } from './auditLog';
import { verifyCourtIntegrity } from './integrityCheck';

/** Exactly the operations of src/shared/audit/auditContract.ts. */
export type AuditOperation = keyof typeof auditOperations;

export const auditHandlers: AreaHandlers<AuditOperation> = {
  'audit.list': (ctx, input) => listAudit(ctx.db, input),
  'audit.verify': (ctx) => verifyCourtIntegrity(ctx),
};
