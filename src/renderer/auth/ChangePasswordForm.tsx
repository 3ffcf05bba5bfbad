// Changing one's own password: the current (or temporary) password, the new one twice. Used by
// the forced change after a temporary password and by 修改密码 in the header menu.
import { useState, type ReactNode } from 'react';
import { Alert, Stack } from '@mantine/core';
import { useCloseGuard } from '../common/useCloseGuard';
import { useForm } from '@mantine/form';
import type { SessionUser } from '../../shared/model';
import { useWrite } from '../api/queries';
import { serverFieldErrors, touchesFields } from '../lib/forms';
import { newPasswordErrors } from './passwordCheck';
import { authText as t } from './text';
import { PasswordField } from './PasswordField';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function ChangePasswordForm({
  temporary = false,
  onDone,
  actions,
}: {
  /** The current password is the temporary one the administrator set. */
  temporary?: boolean;
  onDone(user: SessionUser): void;
  /** The button row; receives whether a request is running. */
  actions(saving: boolean): ReactNode;
}) {
  const change = useWrite('auth.changePassword');
  const [error, setError] = useState<string | null>(null);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
  });
  // In the 修改密码 dialog: closing it with something typed asks first.
  useCloseGuard(form.isDirty());

  const submit = form.onSubmit(async (values) => {
    setError(null);
    const currentLabel = temporary ? t.temporaryPassword : t.currentPassword;
    const errors = newPasswordErrors(values.newPassword, values.confirmPassword, {
      password: 'newPassword',
      confirm: 'confirmPassword',
    });
    if (!values.currentPassword) errors.currentPassword = t.required(currentLabel);
    else if (!errors.newPassword && values.newPassword === values.currentPassword) errors.newPassword = t.sameAsCurrent;
    if (Object.keys(errors).length > 0) return form.setErrors(errors);
    const result = await change.mutateAsync({
      currentPassword: values.currentPassword,
      newPassword: values.newPassword,
    });
    if (!result.ok) {
      const errors = serverFieldErrors(result.fieldErrors);
      form.setErrors(errors);
      // A message at the field says it all; the box above only says what has no field.
      setError(touchesFields(errors, ['currentPassword', 'newPassword']) ? null : result.message);
      return;
    }
    onDone(result.value);
  });

  return (
    <form onSubmit={submit} noValidate data-testid="change-password-form">
      <Stack gap="sm">
        {error && (
          <Alert color="red" data-testid="form-error">
            {error}
          </Alert>
        )}
        <PasswordField
          label={temporary ? t.temporaryPassword : t.currentPassword}
          withAsterisk
          data-autofocus
          autoFocus
          autoComplete="current-password"
          {...form.getInputProps('currentPassword')}
        />
        <PasswordField
          label={t.newPassword}
          description={t.passwordRule}
          withAsterisk
          autoComplete="new-password"
          {...form.getInputProps('newPassword')}
        />
        <PasswordField
          label={t.confirmPassword}
          withAsterisk
          autoComplete="new-password"
          {...form.getInputProps('confirmPassword')}
        />
        {actions(change.isPending)}
      </Stack>
    </form>
  );
}
