import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import type { CourtProfile } from '../shared/model';
import { send } from './api/client';
import { AppProvider } from './AppContext';
import { SetupWizard } from './setup/SetupWizard';
import { Shell } from './shell/Shell';
import { commonText } from './common/text';

type State = { phase: 'loading' } | { phase: 'failed'; message: string } | { phase: 'setup' } | { phase: 'ready'; court: CourtProfile };

export function App() {
  const [state, setState] = useState<State>({ phase: 'loading' });

  const load = useCallback(async () => {
    setState({ phase: 'loading' });
    const result = await send('court.get');
    if (!result.ok) setState({ phase: 'failed', message: result.message });
    else setState(result.value ? { phase: 'ready', court: result.value } : { phase: 'setup' });
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
      return <SetupWizard onDone={(court) => setState({ phase: 'ready', court })} />;
    case 'ready':
      return (
        <AppProvider court={state.court}>
          <Shell />
        </AppProvider>
      );
  }
}
