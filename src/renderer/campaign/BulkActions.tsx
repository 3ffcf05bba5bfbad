// Bulk changes for the selected items: owner, deadline, department, delete.
import { useState } from 'react';
import { Alert, Autocomplete, Button, Group, Modal, Paper, Select, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCalendar, IconTrash, IconUser, IconUsersGroup, IconX } from '@tabler/icons-react';
import { useWrite } from '../api/queries';
import { useApp } from '../AppContext';
import { confirmAction } from '../common/confirm';
import { DateField } from '../common/DateField';
import { commonText } from '../common/text';
import { notifyFailure, notifySuccess } from '../lib/notify';
import { campaignText as t } from './text';
import { FormActions } from '../common/FormActions';

type Kind = 'owner' | 'deadline' | 'department';
const NO_DEPARTMENT = '__none__';

/** The one field each kind of bulk change fills. */
interface BulkValues {
  owner: string;
  deadline: string | null;
  departmentId: string | null;
}
const fieldOf: Record<Kind, keyof BulkValues> = { owner: 'owner', deadline: 'deadline', department: 'departmentId' };

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
  // The table and figures reread themselves after the change (the query layer refreshes every read).
  const deleteItems = useWrite('items.delete');
  const remove = async () => {
    if (
      !(await confirmAction({
        message: t.bulkDeleteConfirm(ids.length),
        confirmLabel: commonText.delete,
        danger: true,
      }))
    )
      return;
    const result = await deleteItems.mutateAsync({ ids });
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
  const form = useForm<BulkValues>({
    mode: 'controlled',
    initialValues: { owner: '', deadline: null, departmentId: null },
  });
  const [error, setError] = useState<string | null>(null);
  const bulkUpdate = useWrite('items.bulkUpdate');
  const field = fieldOf[kind];

  const submit = form.onSubmit(async ({ owner, deadline, departmentId }) => {
    setError(null);
    if (kind === 'owner' && !owner.trim()) return form.setFieldError(field, commonText.required(t.owner));
    if (kind === 'department' && !departmentId) return form.setFieldError(field, commonText.choose(t.department));
    const patch =
      kind === 'owner'
        ? { owner }
        : kind === 'deadline'
          ? { deadline: deadline || null }
          : { departmentId: departmentId === NO_DEPARTMENT ? null : departmentId };
    const result = await bulkUpdate.mutateAsync({ ids, ...patch });
    if (!result.ok) {
      // The form shows one field: whichever message the server gave lands on it.
      const messages = Object.values(result.fieldErrors ?? {});
      if (messages[0]) form.setFieldError(field, messages[0]);
      setError(result.message);
      return;
    }
    notifySuccess(t.bulkDone(result.value.updated));
    onDone();
  });

  return (
    <form onSubmit={submit} noValidate data-testid="bulk-form">
      <Stack>
        {error && <Alert color="red">{error}</Alert>}
        {kind === 'owner' && (
          <Autocomplete
            label={t.owner}
            data={[...new Set(people.map((p) => p.name))]}
            {...form.getInputProps('owner')}
            withAsterisk
            data-autofocus
          />
        )}
        {kind === 'deadline' && (
          <DateField
            label={t.deadline}
            description={t.bulkDeadlineHint}
            {...form.getInputProps('deadline')}
            clearable
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
            {...form.getInputProps('departmentId')}
            searchable
            nothingFoundMessage={commonText.nothingFound}
            withAsterisk
            comboboxProps={{ withinPortal: true }}
          />
        )}
        <FormActions onCancel={onClose} saving={bulkUpdate.isPending} />
      </Stack>
    </form>
  );
}
