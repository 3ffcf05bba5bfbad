// Loading what a screen shows with one call: the value (kept when a reload fails), the last
// error, and loading again — on demand, or when `refreshKey` changes.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Result } from '../api/client';

/** The last value loaded (kept when a reload fails), the last error, and `load` to call again. */
export function useLoaded<T>(
  fetch: () => Promise<Result<T>>,
  refreshKey?: unknown,
): { data: T | null; error: string | null; load(): Promise<void> } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fetchRef = useRef(fetch);
  fetchRef.current = fetch;

  const load = useCallback(async () => {
    const result = await fetchRef.current();
    if (!result.ok) return setError(result.message);
    setError(null);
    setData(result.value);
  }, []);
  useEffect(() => {
    void load();
  }, [load, refreshKey]);

  return { data, error, load };
}
