// The audit log and the court's integrity check.
import * as z from 'zod';
import { defineOperation, MANAGERS } from '../contract';
import { empty, rowId } from '../common/schemas';
import type { AuditEntry, AuditVerifyResult } from './auditModel';

export const auditOperations = {
  'audit.list': defineOperation<AuditEntry[]>()(
    z.object({
      rowId: rowId.optional(),
      beforeSeq: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(500).optional().default(100),
    }),
    MANAGERS,
  ),
  'audit.verify': defineOperation<AuditVerifyResult>()(empty, MANAGERS),
};
