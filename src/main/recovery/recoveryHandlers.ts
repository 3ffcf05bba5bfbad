// The recovery part of the operation table (恢复包 from the parent court).
import type { recoveryOperations } from '../../shared/recovery/recoveryContract';
import type { AreaHandlers } from '../api/handlerTypes';

/** Exactly the operations of src/shared/recovery/recoveryContract.ts. */
export type RecoveryOperation = keyof typeof recoveryOperations;

export const recoveryHandlers: AreaHandlers<RecoveryOperation> = {};
