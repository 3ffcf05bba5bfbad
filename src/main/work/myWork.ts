// "My work" (我的待办): items, reports, ledger measures and look-backs waiting on the logged-in
// person, soonest deadline first. (Being built.)
import type { WorkEntry } from '../../shared/model';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';

export async function myWork(_ctx: ServiceContext): Promise<WorkEntry[]> {
  throw new ApiError('E_NOT_IMPLEMENTED', '此功能尚在开发中。');
}
