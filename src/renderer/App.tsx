import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import type { CourtProfile, SessionUser } from '../shared/model';
import { send } from './api/client';
import { AppProvider } from './AppContext';
import { SetupWizard } from './setup/SetupWizard';
import { LoginScreen } from './auth/LoginScreen';
import { Shell } from './shell/Shell';
import { commonText } from './common/text';

type State =
  | { phase: 'loading' }
  | { phase: 'failed'; message: string }
  | { phase: 'setup' }
  /** The court exists; nobody is logged in (or no account exists yet: hasUsers false). */
  | { phase: 'login'; court: CourtProfile; hasUsers: boolean }
  | { phase: 'ready'; court: CourtProfile; user: SessionUser };

export function App() {
  const [state, setState] = useState<State>({ phase: 'loading' });

  const load = useCallback(async () => {
    setState({ phase: 'loading' });
    const [court, status] = await Promise.all([send('court.get'), send('auth.status')]);
    if (!court.ok) return setState({ phase: 'failed', message: court.message });
    if (!status.ok) return setState({ phase: 'failed', message: status.message });
    if (!court.value) return setState({ phase: 'setup' });
    const user = status.value.user;
    if (!user || user.mustChangePassword)
      return setState({ phase: 'login', court: court.value, hasUsers: status.value.hasUsers });
    setState({ phase: 'ready', court: court.value, user });
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  switch (state.phase) {
    case 'loading':
      return (
        <Center h="100%">
          <Loader />
        </Center>
      );
    case 'failed':
      return (
        <Center h="100%" p="xl">
          <Stack maw={520}>
            <Alert color="red" title={commonText.loadFailedTitle}>
              {state.message}
            </Alert>
            <Button onClick={() => void load()}>{commonText.retry}</Button>
          </Stack>
        </Center>
      );
    case 'setup':
      return <SetupWizard onDone={() => void load()} />;
    case 'login':
      return (
        <LoginScreen
          court={state.court}
          hasUsers={state.hasUsers}
          onLoggedIn={(user) => setState({ phase: 'ready', court: state.court, user })}
        />
      );
    case 'ready':
      return (
        <AppProvider court={state.court} user={state.user} onSignedOut={() => void load()}>
          <Shell />
        </AppProvider>
      );
  }
}
