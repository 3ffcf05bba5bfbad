// Bulk changes for the selected items: owner, deadline, department, delete. The three changes are
// offered to those who may make them (items.bulkUpdate: managers); delete is also a 填报人's, for
// the items of their own department (the service says which it refuses).
import { useState } from 'react';
import { Alert, Autocomplete, Button, Group, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import { GuardedModal, useCloseGuard } from '../common/useCloseGuard';
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
  /** 延期理由: required by the service when an existing deadline moves or the new one is past. */
  deadlineReason: string;
}
const fieldOf: Record<Kind, keyof BulkValues> = { owner: 'owner', deadline: 'deadline', department: 'departmentId' };

export function BulkActions({
  ids,
  mayUpdate,
  onDone,
  onClear,
}: {
  ids: string[];
  /** May change owner, deadline and department (items.bulkUpdate). */
  mayUpdate: boolean;
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
          {mayUpdate && (
            <>
              <Button
                size="xs"
                variant="default"
                leftSection={<IconUser size={14} />}
                onClick={() => setDialog('owner')}
              >
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
            </>
          )}
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
      <GuardedModal
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
      </GuardedModal>
    </Paper>
  );
}

function BulkForm({ kind, ids, onClose, onDone }: { kind: Kind; ids: string[]; onClose(): void; onDone(): void }) {
  const { people, departments } = useApp();
  const form = useForm<BulkValues>({
    mode: 'controlled',
    initialValues: { owner: '', deadline: null, departmentId: null, deadlineReason: '' },
  });
  const cancel = useCloseGuard(form.isDirty(), onClose);
  const [error, setError] = useState<string | null>(null);
  const bulkUpdate = useWrite('items.bulkUpdate');
  const field = fieldOf[kind];

  const submit = form.onSubmit(async ({ owner, deadline, departmentId, deadlineReason }) => {
    setError(null);
    if (kind === 'owner' && !owner.trim()) return form.setFieldError(field, commonText.required(t.owner));
    if (kind === 'department' && !departmentId) return form.setFieldError(field, commonText.choose(t.department));
    const patch =
      kind === 'owner'
        ? { owner }
        : kind === 'deadline'
          ? { deadline: deadline || null, ...(deadlineReason.trim() ? { deadlineReason } : {}) }
          : { departmentId: departmentId === NO_DEPARTMENT ? null : departmentId };
    const result = await bulkUpdate.mutateAsync({ ids, ...patch });
    if (!result.ok) {
      // Each message at its field; one for a field the form does not show lands on the main one.
      for (const [name, message] of Object.entries(result.fieldErrors ?? {}))
        form.setFieldError(name === 'deadlineReason' && kind === 'deadline' ? 'deadlineReason' : field, message);
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
          <>
            <DateField
              label={t.deadline}
              description={t.bulkDeadlineHint}
              {...form.getInputProps('deadline')}
              clearable
              data-autofocus
            />
            <Textarea
              label={t.bulkDeadlineReason}
              description={t.bulkDeadlineReasonHint}
              autosize
              minRows={2}
              maxRows={6}
              {...form.getInputProps('deadlineReason')}
              data-testid="bulk-deadline-reason"
            />
          </>
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
        <FormActions onCancel={cancel} saving={bulkUpdate.isPending} />
      </Stack>
    </form>
  );
}
