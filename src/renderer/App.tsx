import { useState } from 'react';
import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import type { SessionUser } from '../shared/model';
import { useRead } from './api/queries';
import { AppProvider } from './AppContext';
import { SetupWizard } from './setup/SetupWizard';
import { LoginScreen } from './auth/LoginScreen';
import { Shell } from './shell/Shell';
import { commonText } from './common/text';

/**
 * The phases before the shell: loading, failed, setup (no court yet), login (nobody logged in, or
 * a temporary password still to change; no account at all: hasUsers false), ready.
 */
export function App() {
  const court = useRead('court.get');
  const status = useRead('auth.status');
  // The account the log-in screen let in: the shell opens at once instead of waiting for
  // auth.status to be read again.
  const [loggedIn, setLoggedIn] = useState<SessionUser | null>(null);
  // The wizard stays until it says it is done: court.setup makes court.get answer with the new
  // court at once, while the demo campaigns may still be loading under the wizard's progress bar.
  const [inSetup, setInSetup] = useState(false);
  if (court.data === null && !inSetup) setInSetup(true);

  const reload = () => Promise.all([court.refetch(), status.refetch()]);

  if (inSetup)
    return (
      <SetupWizard
        onDone={async () => {
          await reload();
          setInSetup(false);
        }}
      />
    );
  if (court.isPending || status.isPending)
    return (
      <Center h="100%">
        <Loader />
      </Center>
    );
  const failure = court.data === undefined ? court.error : status.data === undefined ? status.error : null;
  if (failure || !court.data || !status.data)
    return (
      <Center h="100%" p="xl">
        <Stack maw={520}>
          <Alert color="red" title={commonText.loadFailedTitle}>
            {failure?.message}
          </Alert>
          <Button loading={court.isFetching || status.isFetching} onClick={() => void reload()}>
            {commonText.retry}
          </Button>
        </Stack>
      </Center>
    );
  const user = loggedIn ?? status.data.user;
  if (!user || user.mustChangePassword)
    return <LoginScreen court={court.data} hasUsers={status.data.hasUsers} onLoggedIn={setLoggedIn} />;
  return (
    <AppProvider
      court={court.data}
      user={user}
      onSignedOut={() => {
        // AppProvider has already forgotten every answer; reading the two again shows the loader
        // and then the log-in screen.
        setLoggedIn(null);
        void reload();
      }}
    >
      <Shell />
    </AppProvider>
  );
}
