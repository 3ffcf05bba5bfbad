// 重置密码: the administrator sets a temporary password that the user must change at the next
// log-in; a lock-out is lifted and the user's current session ends. The dialog says all of this
// before, and shows the temporary password afterwards so it can be passed on.
import { useState } from 'react';
import { Alert, Button, Code, Group, List, Stack, Text } from '@mantine/core';
import { GuardedModal, useCloseGuard } from '../common/useCloseGuard';
import { newPassword, type UserAccount } from '../../shared/api';
import { useWrite } from '../api/queries';
import { commonText } from '../common/text';
import { notifySuccess } from '../lib/notify';
import { temporaryPassword } from './temporaryPassword';
import { usersText as t } from './text';
import { PasswordField } from '../auth/PasswordField';

export function ResetPasswordModal({ account, onClose }: { account: UserAccount | null; onClose(): void }) {
  return (
    <GuardedModal
      opened={!!account}
      onClose={onClose}
      title={account ? t.resetTitle(account.displayName) : ''}
      size="md"
    >
      {account && <ResetForm key={account.id} account={account} onClose={onClose} />}
    </GuardedModal>
  );
}

function ResetForm({ account, onClose }: { account: UserAccount; onClose(): void }) {
  const [password, setPassword] = useState('');
  const [visible, setVisible] = useState(false);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reset = useWrite('users.resetPassword');
  const [done, setDone] = useState<string | null>(null);
  const cancel = useCloseGuard(password !== '' && !done, onClose);
  const name = `${account.displayName}（${account.username}）`;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    const parsed = newPassword.safeParse(password);
    if (!parsed.success) return setFieldError(parsed.error.issues[0]?.message ?? null);
    const result = await reset.mutateAsync({ id: account.id, password });
    if (!result.ok) {
      setFieldError(result.fieldErrors?.password ?? null);
      return setError(result.message);
    }
    setDone(password);
    notifySuccess(t.resetDoneNotice(account.displayName));
  };

  if (done) {
    return (
      <Stack data-testid="reset-done">
        <Alert color="teal">{t.resetDone(account.displayName)}</Alert>
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {t.resetShownPassword}：
          </Text>
          <Code fz="md" data-testid="reset-password-shown">
            {done}
          </Code>
        </Group>
        <Group justify="flex-end">
          <Button onClick={onClose} data-autofocus>
            {t.done}
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <form onSubmit={submit} noValidate data-testid="reset-form">
      <Stack>
        {error && (
          <Alert color="red" data-testid="form-error">
            {error}
          </Alert>
        )}
        <div>
          <Text size="sm">{t.resetIntro(name)}</Text>
          <List size="sm" mt={6} c="dimmed">
            {t.resetEffects.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        </div>
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <PasswordField
            label={t.temporaryPassword}
            description={t.temporaryHint}
            withAsterisk
            autoComplete="new-password"
            data-autofocus
            visible={visible}
            onVisibilityChange={setVisible}
            value={password}
            onChange={(e) => {
              setPassword(e.currentTarget.value);
              setFieldError(null);
            }}
            error={fieldError}
            style={{ flex: 1 }}
          />
          <Button
            variant="default"
            mb={fieldError ? 24 : 0}
            onClick={() => {
              setPassword(temporaryPassword());
              setVisible(true);
              setFieldError(null);
            }}
          >
            {t.generate}
          </Button>
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={cancel}>
            {commonText.cancel}
          </Button>
          <Button type="submit" color="orange" loading={reset.isPending}>
            {t.resetSubmit}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
