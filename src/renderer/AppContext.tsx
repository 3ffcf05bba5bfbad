// What every screen needs to know: this court, today's date (the main process's clock, so the
// lights agree), and the department and people lists used by pickers.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { CourtProfile, Department, Person, Role, SessionUser } from '../shared/model';
import { onSessionEnded, send } from './api/client';
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
  reloadDepartments(): Promise<void>;
  reloadPeople(): Promise<void>;
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
    else onSignedOut();
  }, [onSignedOut]);
  const [today, setToday] = useState(() => dayjs().format('YYYY-MM-DD'));
  const [departments, setDepartments] = useState<Department[]>([]);
  const [people, setPeople] = useState<Person[]>([]);

  const reloadDepartments = useCallback(async () => {
    const result = await send('departments.list');
    if (result.ok) setDepartments(result.value);
    else notifyFailure(result);
  }, []);
  const reloadPeople = useCallback(async () => {
    const result = await send('people.list');
    if (result.ok) setPeople(result.value);
    else notifyFailure(result);
  }, []);

  // Ended elsewhere (disabled, or password reset by an administrator): back to the log-in screen.
  useEffect(() => onSessionEnded(onSignedOut), [onSignedOut]);

  useEffect(() => {
    void send('app.info').then((result) => {
      if (result.ok) setToday(result.value.today);
    });
    void reloadDepartments();
    void reloadPeople();
  }, [reloadDepartments, reloadPeople]);

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
      reloadDepartments,
      reloadPeople,
    }),
    [court, user, can, signOut, today, departments, people, reloadDepartments, reloadPeople],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useApp(): AppState {
  const value = useContext(Context);
  if (!value) throw new Error('AppProvider missing');
  return value;
}
