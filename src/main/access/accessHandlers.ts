// The accounts' part of the operation table: the first administrator, logging in and out,
// passwords, and the accounts an administrator manages. The service is in accounts.ts.
import type { accessOperations } from '../../shared/access/accessContract';
import { ensureDailyBackup } from '../backup/backupJobs';
import type { AreaHandlers } from '../api/handlerTypes';
import * as accounts from './accounts';

/** Exactly the operations of src/shared/access/accessContract.ts. */
export type AccessOperation = keyof typeof accessOperations;

export const accessHandlers: AreaHandlers<AccessOperation> = {
  'auth.status': (ctx) => accounts.authStatus(ctx),
  'auth.bootstrap': (ctx, input) => accounts.bootstrap(ctx, input),
  'auth.login': async (ctx, input) => {
    const user = await accounts.login(ctx, input);
    // The day's backup, on the first log-in of the day (a background job).
    ensureDailyBackup(ctx);
    return user;
  },
  'auth.logout': (ctx) => accounts.logout(ctx),
  'auth.changePassword': (ctx, input) => accounts.changePassword(ctx, input),
  'users.list': (ctx) => accounts.listUsers(ctx),
  'users.create': (ctx, input) => accounts.createUser(ctx, input),
  'users.update': (ctx, input) => accounts.updateUser(ctx, input),
  'users.resetPassword': (ctx, input) => accounts.resetPassword(ctx, input),
};
