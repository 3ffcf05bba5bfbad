// What every screen needs to know: this court, today's date (the main process's clock, so the
// lights agree), and the department and people lists used by pickers. The lists are queries like
// every other read, so a write anywhere (a new department in 设置) refreshes the pickers too.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { CourtProfile, Department, Person, Role, SessionUser } from '../shared/model';
import { onSessionEnded, send } from './api/client';
import { forgetAll, useRead } from './api/queries';
import { notifyFailure } from './lib/notify';
import { dayjs } from './lib/dates';

interface AppState {
  court: CourtProfile;
  /** The logged-in account. */
  user: SessionUser;
  setUser(user: SessionUser): void;
  /** Has at least one of these roles (the main process checks again on every call). */
  can(...roles: Role[]): boolean;
  /** Logs out and returns to the log-in screen. */
  signOut(): Promise<void>;
  setCourt(court: CourtProfile): void;
  today: string;
  departments: Department[];
  people: Person[];
}

const Context = createContext<AppState | null>(null);

export function AppProvider({
  court: initialCourt,
  user: initialUser,
  onSignedOut,
  children,
}: {
  court: CourtProfile;
  user: SessionUser;
  onSignedOut(): void;
  children: ReactNode;
}) {
  const [court, setCourt] = useState(initialCourt);
  const [user, setUser] = useState(initialUser);
  const can = useCallback((...roles: Role[]) => roles.some((role) => user.roles.includes(role)), [user]);
  const signOut = useCallback(async () => {
    const result = await send('auth.logout');
    if (!result.ok && result.code !== 'E_LOGIN_REQUIRED') notifyFailure(result);
    else {
      forgetAll();
      onSignedOut();
    }
  }, [onSignedOut]);
  const info = useRead('app.info');
  const today = info.data?.today ?? dayjs().format('YYYY-MM-DD');
  const departmentsRead = useRead('departments.list');
  const peopleRead = useRead('people.list');
  const departments = useMemo(() => departmentsRead.data ?? [], [departmentsRead.data]);
  const people = useMemo(() => peopleRead.data ?? [], [peopleRead.data]);

  // A picker without its list is a form that cannot be filled: say why once, at the failure.
  const listFailure = departmentsRead.error ?? peopleRead.error;
  useEffect(() => {
    if (listFailure) notifyFailure(listFailure);
  }, [listFailure]);

  // Ended elsewhere (disabled, or password reset by an administrator): back to the log-in screen,
  // forgetting what this account had read.
  useEffect(
    () =>
      onSessionEnded(() => {
        forgetAll();
        onSignedOut();
      }),
    [onSignedOut],
  );

  const value = useMemo(
    () => ({
      court,
      setCourt,
      user,
      setUser,
      can,
      signOut,
      today,
      departments,
      people,
    }),
    [court, user, can, signOut, today, departments, people],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useApp(): AppState {
  const value = useContext(Context);
  if (!value) throw new Error('AppProvider missing');
  return value;
}
