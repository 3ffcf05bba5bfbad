// Server state for every screen: reads are TanStack Query queries keyed by operation and input,
// writes are mutations that refresh what was read once they succeed. Why a library rather than
// the hand-made loaders it replaces: each answer lands only under the key it was asked for (a
// late answer to an older question can no longer overwrite a newer one), a screen opened twice
// shares one fetch, and "busy" comes from the request itself instead of a flag kept by hand.
//
// Failures stay values on the way in (`send` never throws); a read turns a refusal into an
// OperationFailure because that is how the library marks a query as failed. Writes resolve to
// the plain Result so forms keep their field messages.
import { MutationCache, QueryClient, useMutation, useQuery, type UseQueryOptions } from '@tanstack/react-query';
import type { Failure, Input, OperationName, Result, Results } from '../../shared/api';
import { send } from './client';

/** A read that the main process refused or could not answer; `message` is the Chinese sentence. */
export class OperationFailure extends Error {
  readonly code: string;
  readonly fieldErrors: Failure['fieldErrors'];
  constructor(failure: Failure) {
    super(failure.message);
    this.name = 'OperationFailure';
    this.code = failure.code;
    this.fieldErrors = failure.fieldErrors;
  }
}

export const queryClient = new QueryClient({
  // After any write that succeeded, everything read so far is marked stale and what is on screen
  // is read again: the data lives in one local database, reads are cheap, and a narrower rule per
  // operation would be one more list to forget when an operation is added.
  mutationCache: new MutationCache({
    onSuccess: (result) => {
      if ((result as Result<unknown> | undefined)?.ok) void queryClient.invalidateQueries();
    },
  }),
  defaultOptions: {
    queries: {
      // The court PC is offline by design: the library must not wait for a network that never comes.
      networkMode: 'always',
      // A refusal is an answer, not a flaky network; the screen shows it with a 重试 button.
      retry: false,
      // Data changes only through this window's writes, a finished job or a sync import, each of
      // which refreshes; refetching on focus would reload tables under a clerk's cursor.
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
    },
    mutations: { networkMode: 'always', retry: false },
  },
});

/** The cache key of one operation with one input; inputs are plain JSON, so they key well. */
export function operationKey<K extends OperationName>(name: K, input?: Input<K>): readonly unknown[] {
  return input === undefined ? [name] : [name, input];
}

type ReadOptions<K extends OperationName> = Omit<
  UseQueryOptions<Results[K], OperationFailure, Results[K], readonly unknown[]>,
  'queryKey' | 'queryFn'
>;

/** One read as a query function: the value, or an OperationFailure for the library to hold. */
export async function readOperation<K extends OperationName>(name: K, input?: Input<K>): Promise<Results[K]> {
  const call = send as (n: K, i?: Input<K>) => Promise<Result<Results[K]>>;
  const result = await call(name, input);
  if (!result.ok) throw new OperationFailure(result);
  return result.value;
}

/**
 * Reads one operation. `data` keeps the last good answer while a refresh runs or fails, `error`
 * is the Chinese message of the last failure, `refetch` tries again.
 */
export function useRead<K extends OperationName>(name: K, input?: Input<K>, options?: ReadOptions<K>) {
  return useQuery<Results[K], OperationFailure, Results[K], readonly unknown[]>({
    queryKey: operationKey(name, input),
    queryFn: () => readOperation(name, input),
    ...options,
  });
}

/**
 * A write. `mutateAsync(input)` resolves to the operation's Result (never throws), `isPending`
 * is the busy state; on success every query is refreshed (see the MutationCache above).
 */
export function useWrite<K extends OperationName>(name: K) {
  return useMutation<Result<Results[K]>, never, Input<K>>({
    mutationKey: [name],
    mutationFn: (input) => (send as (n: K, i: Input<K>) => Promise<Result<Results[K]>>)(name, input),
  });
}

/** For work that finished elsewhere (a background job, a sync import): reread what is on screen. */
export function refreshAll(): Promise<void> {
  return queryClient.invalidateQueries();
}

/**
 * After a page failed to draw: drop every answer held, so the page drawn again reads afresh
 * instead of drawing the same answer that broke it.
 */
export function resetAll(): Promise<void> {
  return queryClient.resetQueries();
}

/** Another person may log in next: nothing read for this one may be shown to them. */
export function forgetAll(): void {
  queryClient.clear();
}
