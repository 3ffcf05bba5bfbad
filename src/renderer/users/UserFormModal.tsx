// The account form in a dialog: new (user name, temporary password) or edit (roles, department,
// linked person, disabled). Checked with the contract's schema first; the server's messages land
// on the same fields, and what was typed stays.
import { useState } from 'react';
import { Alert, Button, Checkbox, Group, Select, Stack, Switch, TextInput } from '@mantine/core';
import { GuardedModal, useCloseGuard } from '../common/useCloseGuard';
import { useForm } from '@mantine/form';
import type { Role, UserAccount } from '../../shared/api';
import { useApp } from '../AppContext';
import { roleHint, roleOrder, roleText } from '../auth/text';
import { FormActions } from '../common/FormActions';
import { commonText } from '../common/text';
import { useRead } from '../api/queries';
import { useCheckedWrite } from '../lib/checkedWrite';
import { notifySuccess } from '../lib/notify';
import { temporaryPassword } from './temporaryPassword';
import { usersText as t } from './text';
import { PasswordField } from '../auth/PasswordField';

interface Values {
  username: string;
  displayName: string;
  roles: Role[];
  departmentId: string | null;
  personId: string | null;
  password: string;
  disabled: boolean;
}

export function UserFormModal({
  opened,
  account,
  onClose,
}: {
  opened: boolean;
  /** null: a new account. */
  account: UserAccount | null;
  onClose(): void;
}) {
  return (
    <GuardedModal
      opened={opened}
      onClose={onClose}
      title={account ? t.editTitle(account.displayName) : t.createTitle}
      size="lg"
    >
      {opened && <UserForm key={account?.id ?? 'new'} account={account} onClose={onClose} />}
    </GuardedModal>
  );
}

function UserForm({ account: initial, onClose }: { account: UserAccount | null; onClose(): void }) {
  const { user, departments, people } = useApp();
  // The version saved against; replaced by the newest one after a conflicting change.
  const [base, setBase] = useState(initial);
  const [error, setError] = useState<{ message: string; color: string } | null>(null);
  const [passwordVisible, setPasswordVisible] = useState(false);
  const isMe = base?.id === user.id;
  // Hints under the boxes, so that boxes side by side line up whatever their hints' length.
  const below = {
    inputWrapperOrder: ['label', 'input', 'description', 'error'] as Array<'label' | 'input' | 'description' | 'error'>,
  };
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      username: initial?.username ?? '',
      displayName: initial?.displayName ?? '',
      roles: initial?.roles ?? ['filer'],
      departmentId: initial?.departmentId ?? null,
      personId: initial?.personId ?? null,
      password: '',
      disabled: initial?.disabled ?? false,
    },
  });
  const cancel = useCloseGuard(form.isDirty(), onClose);
  const accounts = useRead('users.list');
  const updateAccount = useCheckedWrite('users.update', form, t.formError);
  const createAccount = useCheckedWrite('users.create', form, t.formError);

  // Choosing a person fills in the name and department where they are still empty.
  const choosePerson = (personId: string | null) => {
    form.setFieldValue('personId', personId);
    const person = people.find((p) => p.id === personId);
    if (!person) return;
    if (!form.values.displayName.trim()) form.setFieldValue('displayName', person.name);
    if (!form.values.departmentId && person.departmentId) form.setFieldValue('departmentId', person.departmentId);
  };

  const submit = form.onSubmit(async (values) => {
    setError(null);
    const common = {
      displayName: values.displayName,
      roles: values.roles,
      departmentId: values.departmentId,
      personId: values.personId,
    };
    const update = base ? { id: base.id, version: base.version, ...common, disabled: values.disabled } : null;
    const create = { username: values.username, ...common, password: values.password };
    const result = update ? await updateAccount.submit(update) : await createAccount.submit(create);
    if (!result.ok) {
      if (result.code === 'E_STALE' && base) {
        const fresh = (await accounts.refetch()).data?.find((a) => a.id === base.id);
        if (fresh) setBase(fresh);
        return setError({ message: `${result.message}${fresh ? t.staleReloaded : ''}`, color: 'orange' });
      }
      return setError({ message: result.message, color: 'red' });
    }
    notifySuccess(base ? t.saved : t.created(result.value.username));
    onClose();
  });

  return (
    <form onSubmit={submit} noValidate data-testid="user-form">
      <Stack gap="sm">
        {error && (
          <Alert color={error.color} data-testid="form-error">
            {error.message}
          </Alert>
        )}
        <Group grow align="flex-start">
          <TextInput
            label={t.username}
            description={base ? t.usernameFixed : t.usernameHint}
            withAsterisk={!base}
            readOnly={!!base}
            variant={base ? 'filled' : 'default'}
            data-autofocus={!base || undefined}
            autoComplete="off"
            {...below}
            {...form.getInputProps('username')}
          />
          <TextInput
            label={t.displayName}
            withAsterisk
            data-autofocus={base ? true : undefined}
            {...form.getInputProps('displayName')}
          />
        </Group>
        <Group grow align="flex-start">
          <Select
            label={t.person}
            placeholder={t.personPlaceholder}
            description={base ? t.personHintEdit : t.personHint}
            data={people.map((p) => ({ value: p.id, label: p.title ? `${p.name}（${p.title}）` : p.name }))}
            searchable
            clearable
            nothingFoundMessage={commonText.nothingFound}
            comboboxProps={{ zIndex: 400 }}
            {...below}
            {...form.getInputProps('personId')}
            onChange={choosePerson}
          />
          <Select
            label={t.department}
            placeholder={t.departmentPlaceholder}
            description={t.departmentHint}
            data={departments.map((d) => ({ value: d.id, label: d.name }))}
            searchable
            clearable
            nothingFoundMessage={commonText.nothingFound}
            comboboxProps={{ zIndex: 400 }}
            {...below}
            {...form.getInputProps('departmentId')}
          />
        </Group>
        <Checkbox.Group label={t.roles} withAsterisk {...form.getInputProps('roles')} data-testid="user-roles">
          <Stack gap={8} mt={6}>
            {roleOrder.map((role) => (
              <Checkbox key={role} value={role} label={roleText[role]} description={roleHint[role]} />
            ))}
          </Stack>
        </Checkbox.Group>
        {!base && (
          <Group align="flex-end" gap="xs" wrap="nowrap">
            <PasswordField
              label={t.temporaryPassword}
              description={t.temporaryHint}
              withAsterisk
              autoComplete="new-password"
              visible={passwordVisible}
              onVisibilityChange={setPasswordVisible}
              style={{ flex: 1 }}
              {...form.getInputProps('password')}
            />
            <Button
              variant="default"
              onClick={() => {
                form.setFieldValue('password', temporaryPassword());
                setPasswordVisible(true);
              }}
              mb={form.errors.password ? 24 : 0}
            >
              {t.generate}
            </Button>
          </Group>
        )}
        {base && (
          <Switch
            label={t.disabled}
            description={isMe ? t.disabledSelf : t.disabledHint}
            disabled={isMe && !form.values.disabled}
            color="red"
            mt="xs"
            {...form.getInputProps('disabled', { type: 'checkbox' })}
          />
        )}
        <Group justify="flex-end" mt="xs">
          <FormActions
            onCancel={cancel}
            saving={updateAccount.isPending || createAccount.isPending}
            submitLabel={base ? commonText.save : t.create}
          />
        </Group>
      </Stack>
    </form>
  );
}
