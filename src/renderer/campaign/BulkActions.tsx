// Bulk changes for the selected items: owner, deadline, department, delete.
import { useState } from 'react';
import { Alert, Autocomplete, Button, Group, Modal, Paper, Select, Stack, Text } from '@mantine/core';
import { IconCalendar, IconTrash, IconUser, IconUsersGroup, IconX } from '@tabler/icons-react';
import { send } from '../api/client';
import { useApp } from '../AppContext';
import { confirmAction } from '../common/confirm';
import { DateField } from '../common/DateField';
import { commonText } from '../common/text';
import { notifyFailure, notifySuccess } from '../lib/notify';
import { campaignText as t } from './text';
import { FormActions } from '../common/FormActions';

type Kind = 'owner' | 'deadline' | 'department';
const NO_DEPARTMENT = '__none__';

export function BulkActions({
  ids,
  onDone,
  onClear,
}: {
  ids: string[];
  onDone(changed: 'updated' | 'deleted'): void;
  onClear(): void;
}) {
  const [dialog, setDialog] = useState<Kind | null>(null);
  const remove = async () => {
    if (
      !(await confirmAction({
        message: t.bulkDeleteConfirm(ids.length),
        confirmLabel: commonText.delete,
        danger: true,
      }))
    )
      return;
    const result = await send('items.delete', { ids });
    if (!result.ok) return notifyFailure(result);
    notifySuccess(t.deleted(result.value.deleted));
    onDone('deleted');
  };
  return (
    <Paper withBorder px="sm" py={6} bg="court.0" data-testid="bulk-bar">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" fw={600} c="court.9" data-testid="selected-count">
          {t.selected(ids.length)}
        </Text>
        <Group gap="xs" wrap="nowrap">
          <Button size="xs" variant="default" leftSection={<IconUser size={14} />} onClick={() => setDialog('owner')}>
            {t.bulkOwner}
          </Button>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconCalendar size={14} />}
            onClick={() => setDialog('deadline')}
          >
            {t.bulkDeadline}
          </Button>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconUsersGroup size={14} />}
            onClick={() => setDialog('department')}
          >
            {t.bulkDepartment}
          </Button>
          <Button
            size="xs"
            variant="default"
            color="red"
            leftSection={<IconTrash size={14} />}
            onClick={() => void remove()}
          >
            {t.bulkDelete}
          </Button>
          <Button size="xs" variant="subtle" color="gray" leftSection={<IconX size={14} />} onClick={onClear}>
            {t.clearSelection}
          </Button>
        </Group>
      </Group>
      <Modal
        opened={!!dialog}
        onClose={() => setDialog(null)}
        title={
          dialog === 'owner'
            ? t.bulkOwnerTitle(ids.length)
            : dialog === 'deadline'
              ? t.bulkDeadlineTitle(ids.length)
              : t.bulkDepartmentTitle(ids.length)
        }
      >
        {dialog && (
          <BulkForm
            kind={dialog}
            ids={ids}
            onClose={() => setDialog(null)}
            onDone={() => {
              setDialog(null);
              onDone('updated');
            }}
          />
        )}
      </Modal>
    </Paper>
  );
}

function BulkForm({ kind, ids, onClose, onDone }: { kind: Kind; ids: string[]; onClose(): void; onDone(): void }) {
  const { people, departments } = useApp();
  const [owner, setOwner] = useState('');
  const [deadline, setDeadline] = useState<string | null>(null);
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    if (kind === 'owner' && !owner.trim()) return setFieldError(commonText.required(t.owner));
    if (kind === 'department' && !departmentId) return setFieldError(commonText.choose(t.department));
    setSaving(true);
    const patch =
      kind === 'owner'
        ? { owner }
        : kind === 'deadline'
          ? { deadline: deadline || null }
          : { departmentId: departmentId === NO_DEPARTMENT ? null : departmentId };
    const result = await send('items.bulkUpdate', { ids, ...patch });
    setSaving(false);
    if (!result.ok) {
      const messages = Object.values(result.fieldErrors ?? {});
      setFieldError(messages[0] ?? null);
      setError(result.message);
      return;
    }
    notifySuccess(t.bulkDone(result.value.updated));
    onDone();
  };

  return (
    <form onSubmit={submit} noValidate data-testid="bulk-form">
      <Stack>
        {error && <Alert color="red">{error}</Alert>}
        {kind === 'owner' && (
          <Autocomplete
            label={t.owner}
            data={[...new Set(people.map((p) => p.name))]}
            value={owner}
            onChange={(v) => {
              setOwner(v);
              setFieldError(null);
            }}
            error={fieldError}
            withAsterisk
            data-autofocus
          />
        )}
        {kind === 'deadline' && (
          <DateField
            label={t.deadline}
            description={t.bulkDeadlineHint}
            value={deadline}
            onChange={setDeadline}
            clearable
            error={fieldError}
            data-autofocus
          />
        )}
        {kind === 'department' && (
          <Select
            label={t.department}
            data={[
              { value: NO_DEPARTMENT, label: t.bulkDepartmentNone },
              ...departments.map((d) => ({ value: d.id, label: d.name })),
            ]}
            value={departmentId}
            onChange={(v) => {
              setDepartmentId(v);
              setFieldError(null);
            }}
            error={fieldError}
            searchable
            nothingFoundMessage={commonText.nothingFound}
            withAsterisk
            comboboxProps={{ withinPortal: true }}
          />
        )}
        <FormActions onCancel={onClose} saving={saving} />
      </Stack>
    </form>
  );
}
