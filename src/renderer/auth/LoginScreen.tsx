// Before the shell: log in with user name and password; change a temporary password before
// entering; or, for a database from before accounts existed, create the first administrator.
import { useState, type ReactNode } from 'react';
import { Alert, Button, Card, Center, Group, Stack, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconBuildingBank, IconLock } from '@tabler/icons-react';
import type { CourtProfile, SessionUser } from '../../shared/model';
import { useRead, useWrite } from '../api/queries';
import { serverFieldErrors } from '../lib/forms';
import { notifyFailure } from '../lib/notify';
import { ChangePasswordForm } from './ChangePasswordForm';
import { newPasswordErrors } from './passwordCheck';
import { authText as t } from './text';
import { PasswordField } from './PasswordField';
import { usePageTitle } from '../common/usePageTitle';

type Mode = { kind: 'login' } | { kind: 'bootstrap' } | { kind: 'change'; user: SessionUser };

export function LoginScreen({
  court,
  hasUsers,
  onLoggedIn,
}: {
  court: CourtProfile;
  hasUsers: boolean;
  onLoggedIn(user: SessionUser): void;
}) {
  // null until the clerk picks a way in: then the log-in form, or the first administrator's form
  // when no account exists, or straight to changing a temporary password when reopened while
  // logged in with one.
  const [chosen, setChosen] = useState<Mode | null>(null);
  const status = useRead('auth.status', undefined, { enabled: hasUsers });
  const temporaryUser = hasUsers && status.data?.user?.mustChangePassword ? status.data.user : null;
  const mode: Mode =
    chosen ??
    (temporaryUser ? { kind: 'change', user: temporaryUser } : hasUsers ? { kind: 'login' } : { kind: 'bootstrap' });
  const logout = useWrite('auth.logout');

  const loggedIn = (user: SessionUser) =>
    user.mustChangePassword ? setChosen({ kind: 'change', user }) : onLoggedIn(user);
  const switchAccount = async () => {
    const result = await logout.mutateAsync(undefined);
    if (!result.ok && result.code !== 'E_LOGIN_REQUIRED') return notifyFailure(result);
    setChosen({ kind: 'login' });
  };

  usePageTitle(t.loginPageTitle);
  return (
    <Center component="main" mih="100%" p="xl">
      <Card withBorder shadow="sm" padding="xl" w={mode.kind === 'login' ? 420 : 480} data-testid="login-screen">
        <Stack gap="lg">
          <Group gap="sm" wrap="nowrap">
            <ThemeIcon size={40} radius="sm" color="red.8" variant="filled">
              <IconBuildingBank size={24} />
            </ThemeIcon>
            <div>
              <Text size="sm" c="dimmed">
                {t.appName}
              </Text>
              <Title order={3} c="court.9" data-testid="login-court">
                {court.name}
              </Title>
            </div>
          </Group>
          {mode.kind === 'login' && <LoginForm onLoggedIn={loggedIn} />}
          {mode.kind === 'bootstrap' && <BootstrapForm court={court} onLoggedIn={onLoggedIn} />}
          {mode.kind === 'change' && (
            <Section title={t.forcedTitle} intro={t.forcedIntro(mode.user.displayName)}>
              <ChangePasswordForm
                temporary
                onDone={onLoggedIn}
                actions={(saving) => (
                  <Group justify="space-between" mt="xs">
                    <Button variant="subtle" color="gray" onClick={() => void switchAccount()}>
                      {t.otherAccount}
                    </Button>
                    <Button type="submit" loading={saving}>
                      {t.forcedSubmit}
                    </Button>
                  </Group>
                )}
              />
            </Section>
          )}
        </Stack>
      </Card>
    </Center>
  );
}

function Section({ title, intro, children }: { title: string; intro: string; children: ReactNode }) {
  return (
    <Stack gap="sm">
      <div>
        <Title order={4}>{title}</Title>
        <Text size="sm" c="dimmed" mt={4}>
          {intro}
        </Text>
      </div>
      {children}
    </Stack>
  );
}

function LoginForm({ onLoggedIn }: { onLoggedIn(user: SessionUser): void }) {
  const login = useWrite('auth.login');
  const [failure, setFailure] = useState<{ message: string; locked: boolean } | null>(null);
  const form = useForm({ mode: 'controlled', initialValues: { username: '', password: '' } });

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    const errors: Record<string, string> = {};
    if (!values.username.trim()) errors.username = t.required(t.username);
    if (!values.password) errors.password = t.required(t.password);
    if (Object.keys(errors).length > 0) return form.setErrors(errors);
    const result = await login.mutateAsync({ username: values.username, password: values.password });
    if (result.ok) return onLoggedIn(result.value);
    form.setErrors(serverFieldErrors(result.fieldErrors));
    setFailure({ message: result.message, locked: result.code === 'E_LOCKED' });
    // A wrong password is typed again from scratch; the user name stays.
    if (result.code === 'E_BAD_LOGIN' || result.code === 'E_LOCKED') {
      form.setFieldValue('password', '');
      form.getInputNode('password')?.focus();
    }
  });

  return (
    <form onSubmit={submit} noValidate data-testid="login-form">
      <Stack gap="sm">
        {failure && (
          <Alert
            color={failure.locked ? 'orange' : 'red'}
            icon={failure.locked ? <IconLock size={18} /> : undefined}
            data-testid="login-error"
          >
            {failure.message}
          </Alert>
        )}
        <TextInput
          label={t.username}
          placeholder={t.usernamePlaceholder}
          autoFocus
          autoComplete="username"
          size="md"
          {...form.getInputProps('username')}
        />
        <PasswordField
          label={t.password}
          placeholder={t.passwordPlaceholder}
          autoComplete="current-password"
          size="md"
          {...form.getInputProps('password')}
        />
        <Button type="submit" loading={login.isPending} size="md" mt="xs" fullWidth>
          {t.login}
        </Button>
        <Text size="xs" c="dimmed" ta="center">
          {t.forgotHint}
        </Text>
      </Stack>
    </form>
  );
}

interface BootstrapValues {
  username: string;
  displayName: string;
  password: string;
  confirmPassword: string;
}

function BootstrapForm({ court, onLoggedIn }: { court: CourtProfile; onLoggedIn(user: SessionUser): void }) {
  const bootstrap = useWrite('auth.bootstrap');
  const [error, setError] = useState<string | null>(null);
  const form = useForm<BootstrapValues>({
    mode: 'controlled',
    initialValues: { username: '', displayName: court.operatorName, password: '', confirmPassword: '' },
  });

  const submit = form.onSubmit(async (values) => {
    setError(null);
    const errors = newPasswordErrors(values.password, values.confirmPassword, {
      password: 'password',
      confirm: 'confirmPassword',
    });
    if (!values.username.trim()) errors.username = t.required(t.username);
    if (!values.displayName.trim()) errors.displayName = t.required(t.displayName);
    if (Object.keys(errors).length > 0) {
      form.setErrors(errors);
      return setError(t.formError);
    }
    const result = await bootstrap.mutateAsync({
      username: values.username,
      displayName: values.displayName,
      password: values.password,
    });
    if (!result.ok) {
      form.setErrors(serverFieldErrors(result.fieldErrors));
      return setError(result.message);
    }
    onLoggedIn(result.value);
  });

  return (
    <Section title={t.bootstrapTitle} intro={t.bootstrapIntro}>
      <form onSubmit={submit} noValidate data-testid="bootstrap-form">
        <Stack gap="sm">
          {error && (
            <Alert color="red" data-testid="form-error">
              {error}
            </Alert>
          )}
          <Group grow align="flex-start">
            <TextInput
              label={t.username}
              description={t.usernameHint}
              autoFocus
              withAsterisk
              autoComplete="username"
              {...form.getInputProps('username')}
            />
            <TextInput
              label={t.displayName}
              description={t.displayNameHint}
              withAsterisk
              {...form.getInputProps('displayName')}
            />
          </Group>
          <PasswordField
            label={t.password}
            description={t.passwordRule}
            withAsterisk
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          <PasswordField
            label={t.confirmPasswordShort}
            withAsterisk
            autoComplete="new-password"
            {...form.getInputProps('confirmPassword')}
          />
          <Group justify="flex-end" mt="xs">
            <Button type="submit" loading={bootstrap.isPending}>
              {t.bootstrapSubmit}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}
