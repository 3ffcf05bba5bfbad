// 恢复包: good and bad input for every recovery operation. The recovery itself is tested in depth
// by tests/node/recovery.test.ts.
import type { RecoveryOperation } from '../../../src/main/recovery/recoveryHandlers';
import type { OperationCases } from './shared';

export const recoveryCases: OperationCases<RecoveryOperation> = {} as OperationCases<RecoveryOperation>;
