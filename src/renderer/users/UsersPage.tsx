// 用户管理 (administrators): every account with its roles, department and state; create an account
// with a temporary password, edit roles / department / linked person or disable it, and reset a
// forgotten password (which also lifts a lock-out).
import { useState } from 'react';
import { Badge, Button, Group, Paper, Skeleton, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconEdit, IconKey, IconPlus } from '@tabler/icons-react';
import type { UserAccount } from '../../shared/model';
import { useRead } from '../api/queries';
import { useApp } from '../AppContext';
import { RoleBadges } from '../auth/RoleBadges';
import { IconAction } from '../common/IconAction';
import { RetryAlert } from '../common/RetryAlert';
import { PageHeader } from '../common/PageHeader';
import { dayjs, formatDateTime } from '../lib/dates';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserFormModal } from './UserFormModal';
import { usersText as t } from './text';

type Dialog =
  { kind: 'create' } | { kind: 'edit'; account: UserAccount } | { kind: 'reset'; account: UserAccount } | null;

export function UsersPage() {
  const { user } = useApp();
  const { data: accounts, error, refetch } = useRead('users.list');
  const [dialog, setDialog] = useState<Dialog>(null);

  return (
    <Stack gap="md" maw={1200}>
      <PageHeader title={t.title} subtitle={t.subtitle}>
        <Button
          leftSection={<IconPlus size={16} />}
          onClick={() => setDialog({ kind: 'create' })}
          data-testid="user-create"
        >
          {t.create}
        </Button>
      </PageHeader>
      {error && <RetryAlert title={t.loadFailed} error={error.message} onRetry={() => void refetch()} />}
      {!accounts && !error && (
        <Stack gap="xs">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} h={44} />
          ))}
        </Stack>
      )}
      {accounts && (
        <Paper withBorder>
          <Table verticalSpacing={8} horizontalSpacing="md" highlightOnHover data-testid="user-table">
            <Table.Thead bg="#eef2f7">
              <Table.Tr>
                <Table.Th>{t.displayName}</Table.Th>
                <Table.Th>{t.username}</Table.Th>
                <Table.Th>{t.roles}</Table.Th>
                <Table.Th>{t.department}</Table.Th>
                <Table.Th>{t.status}</Table.Th>
                <Table.Th>{t.lastLogin}</Table.Th>
                <Table.Th w={90} ta="right">
                  {t.actions}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {accounts.map((account) => (
                <AccountRow
                  key={account.id}
                  account={account}
                  isMe={account.id === user.id}
                  onEdit={() => setDialog({ kind: 'edit', account })}
                  onReset={() => setDialog({ kind: 'reset', account })}
                />
              ))}
            </Table.Tbody>
          </Table>
          {accounts.length <= 1 && (
            <Text c="dimmed" size="sm" ta="center" py="md">
              {t.empty}
            </Text>
          )}
        </Paper>
      )}
      <UserFormModal
        opened={dialog?.kind === 'create' || dialog?.kind === 'edit'}
        account={dialog?.kind === 'edit' ? dialog.account : null}
        onClose={() => setDialog(null)}
      />
      <ResetPasswordModal account={dialog?.kind === 'reset' ? dialog.account : null} onClose={() => setDialog(null)} />
    </Stack>
  );
}

function AccountRow({
  account,
  isMe,
  onEdit,
  onReset,
}: {
  account: UserAccount;
  isMe: boolean;
  onEdit(): void;
  onReset(): void;
}) {
  const { people } = useApp();
  const person = account.personId ? people.find((p) => p.id === account.personId) : undefined;
  return (
    <Table.Tr data-testid="user-row" c={account.disabled ? 'dimmed' : undefined}>
      <Table.Td>
        <Text size="sm" fw={500} span>
          {account.displayName}
        </Text>
        {isMe && (
          <Text size="sm" c="dimmed" span>
            {t.me}
          </Text>
        )}
        <Text size="xs" c="dimmed" data-testid="user-person">
          {person ? t.linkedPerson(person.name, person.title) : t.noPerson}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" ff="monospace">
          {account.username}
        </Text>
      </Table.Td>
      <Table.Td>
        <RoleBadges roles={account.roles} />
      </Table.Td>
      <Table.Td>{account.departmentName || t.noDepartment}</Table.Td>
      <Table.Td>
        <AccountState account={account} />
      </Table.Td>
      <Table.Td>
        <Text size="sm" c={account.lastLoginAt ? undefined : 'dimmed'}>
          {account.lastLoginAt ? formatDateTime(account.lastLoginAt) : isMe ? t.loggedInNow : t.neverLoggedIn}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={2} justify="flex-end" wrap="nowrap">
          <IconAction label={t.edit} variant="subtle" color="gray" onClick={onEdit}>
            <IconEdit size={16} />
          </IconAction>
          {!isMe && (
            <IconAction label={t.resetPassword} variant="subtle" color="orange" onClick={onReset}>
              <IconKey size={16} />
            </IconAction>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** 正常 / 已停用 / 已锁定至 HH:mm, and whether a temporary password is still to be changed. */
function AccountState({ account }: { account: UserAccount }) {
  const lockedUntil = account.lockedUntil ? dayjs(account.lockedUntil) : null;
  const locked = !!lockedUntil && lockedUntil.isAfter(dayjs());
  const until = lockedUntil
    ? lockedUntil.isSame(dayjs(), 'day')
      ? lockedUntil.format('HH:mm')
      : lockedUntil.format('YYYY-MM-DD HH:mm')
    : '';
  return (
    <Group gap={4} wrap="nowrap" data-testid="user-state">
      {account.disabled ? (
        <Badge color="gray" variant="filled" radius="sm">
          {t.statusDisabled}
        </Badge>
      ) : locked ? (
        <Tooltip label={t.lockedHint}>
          <Badge color="orange" variant="light" radius="sm">
            {t.statusLocked(until)}
          </Badge>
        </Tooltip>
      ) : (
        <Badge color="green" variant="light" radius="sm">
          {t.statusActive}
        </Badge>
      )}
      {account.mustChangePassword && !account.disabled && (
        <Tooltip label={t.mustChangeHint}>
          <Badge color="yellow" variant="outline" radius="sm">
            {t.mustChange}
          </Badge>
        </Tooltip>
      )}
    </Group>
  );
}
