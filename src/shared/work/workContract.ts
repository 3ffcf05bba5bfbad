// My work (我的待办): what waits for the logged-in person.
import { defineOperation } from '../contract';
import { empty } from '../common/schemas';
import type { WorkEntry } from './workModel';

export const workOperations = {
  'work.mine': defineOperation<WorkEntry[]>()(empty, 'user'),
};
