// The recovery part of the operation table (恢复包 from the parent court).
import type { recoveryOperations } from '../../shared/recovery/recoveryContract';
import type { AreaHandlers } from '../api/handlerTypes';
import { ApiError } from '../api/errors';

/** Exactly the operations of src/shared/recovery/recoveryContract.ts. */
export type RecoveryOperation = keyof typeof recoveryOperations;

const notYet = async (): Promise<never> => {
  throw new ApiError('E_INTERNAL', '恢复包功能尚未完成');
};

export const recoveryHandlers: AreaHandlers<RecoveryOperation> = {
  'recovery.pending': notYet,
  'recovery.request': notYet,
  'recovery.upload': notYet,
  'recovery.readRequest': notYet,
  'recovery.export': notYet,
  'recovery.preview': notYet,
  'recovery.import': notYet,
};
