// A page that loads one thing and has a 刷新 button: useLoaded (the value kept when a reload
// fails, the last error) plus whether a load is under way, for the button's spinner.
import { useState } from 'react';
import type { Result } from '../api/client';
import { useLoaded } from './useLoaded';

export function useRefreshable<T>(fetch: () => Promise<Result<T>>): {
  data: T | null;
  error: string | null;
  loading: boolean;
  load(): Promise<void>;
} {
  const [loading, setLoading] = useState(false);
  const loaded = useLoaded(async () => {
    setLoading(true);
    const result = await fetch();
    setLoading(false);
    return result;
  });
  return { ...loaded, loading };
}
