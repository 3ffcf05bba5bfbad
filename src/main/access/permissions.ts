// Who may call each operation. The rule is part of each operation's entry in the shared contract
// (src/shared/<feature>/<feature>Contract.ts), so a new operation cannot be added without one and
// the renderer can read the same rules; the check itself is made here in the main process, by
// dispatch(). Department limits for 填报人 and the two-person rule for sign-off are checked in the
// services, which know the record (see access.ts).
import { operationAccess, type Access, type OperationName } from '../../shared/api';

export type Permission = Access;

export const permissions: { readonly [K in OperationName]: Permission } = operationAccess;

/** What a person whose password must change may still do. */
export const ALLOWED_BEFORE_PASSWORD_CHANGE: ReadonlySet<OperationName> = new Set([
  'app.info',
  'court.get',
  'auth.status',
  'auth.login',
  'auth.logout',
  'auth.changePassword',
]);
