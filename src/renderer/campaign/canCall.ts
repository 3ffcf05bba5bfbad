// Whether the logged-in account may call an operation, read from the same access lists the main
// process checks (src/shared/contract.ts: MANAGERS, WORKERS, REVIEWER…), so a button the person
// could not use is not offered instead of failing after the form is filled. The main process
// checks again on every call; department limits for 填报人 are the services' to tell.
import { useCallback } from 'react';
import { operationAccess, type OperationName } from '../../shared/api';
import { useApp } from '../AppContext';

export function useCanCall(): (name: OperationName) => boolean {
  const { can } = useApp();
  return useCallback(
    (name: OperationName) => {
      const access = operationAccess[name];
      return access === 'public' || access === 'user' || can(...access);
    },
    [can],
  );
}
