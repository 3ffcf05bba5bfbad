// A measure's fields: "新增措施" under a finding, and the drawer's 基本信息 tab. Typed values are
// kept on any refusal; in the drawer, fields the person has not touched follow fresh data.
import { useState } from 'react';
import { Alert, Autocomplete, Button, Group, Select, Stack, Switch, Text, Textarea } from '@mantine/core';
import { GuardedModal, useCloseGuard } from '../common/useCloseGuard';
import { useForm, type UseFormReturnType } from '@mantine/form';
import type { LedgerFinding, LedgerMeasure, MeasureDetail } from '../../shared/api';
import { useApp } from '../AppContext';
import { DateField } from '../common/DateField';
import { FormActions } from '../common/FormActions';
import { commonText } from '../common/text';
import { useCheckedWrite } from '../lib/checkedWrite';
import { useFollowingEditForm } from '../lib/editForm';
import { notifySuccess } from '../lib/notify';
import { ledgerText as t } from './text';
import { SaveErrorAlert } from '../common/SaveErrorAlert';

interface MeasureValues {
  text: string;
  owner: string;
  leadLeader: string;
  departmentId: string | null;
  deadline: string | null;
  longTerm: boolean;
}

const fieldNames = ['text', 'owner', 'leadLeader', 'departmentId', 'deadline', 'longTerm'] as const;

function valuesFrom(measure: LedgerMeasure): MeasureValues {
  return {
    text: measure.text,
    owner: measure.owner,
    leadLeader: measure.leadLeader,
    departmentId: measure.departmentId,
    deadline: measure.deadline,
    longTerm: measure.longTerm,
  };
}

function inputFrom(values: MeasureValues) {
  return { ...values, departmentId: values.departmentId || null, deadline: values.deadline || null };
}

function MeasureFields({ form, disabled }: { form: UseFormReturnType<MeasureValues>; disabled?: boolean }) {
  const { departments, people } = useApp();
  const names = [...new Set(people.map((p) => p.name))];
  return (
    <Stack gap="sm">
      <Textarea
        label={t.measureText}
        placeholder={t.measureTextPlaceholder}
        withAsterisk
        autosize
        minRows={2}
        maxRows={6}
        disabled={disabled}
        data-autofocus
        {...form.getInputProps('text')}
      />
      <Group grow align="flex-start">
        <Autocomplete
          label={t.owner}
          placeholder={t.peoplePlaceholder}
          data={names}
          disabled={disabled}
          {...form.getInputProps('owner')}
        />
        <Autocomplete
          label={t.leadLeader}
          placeholder={t.peoplePlaceholder}
          data={names}
          disabled={disabled}
          {...form.getInputProps('leadLeader')}
        />
      </Group>
      <Group grow align="flex-start">
        <Select
          label={t.measureDepartment}
          placeholder={t.departmentPlaceholder}
          data={departments.map((d) => ({ value: d.id, label: d.name }))}
          clearable
          searchable
          nothingFoundMessage={commonText.nothingFound}
          disabled={disabled}
          {...form.getInputProps('departmentId')}
        />
        <DateField label={t.deadline} clearable disabled={disabled} {...form.getInputProps('deadline')} />
      </Group>
      <div>
        <Switch
          label={t.longTermSwitch}
          disabled={disabled}
          data-testid="measure-longterm"
          {...form.getInputProps('longTerm', { type: 'checkbox' })}
        />
        <Text size="xs" c="dimmed" mt={4} ml={54}>
          {t.longTermHint}
        </Text>
      </div>
    </Stack>
  );
}

export function MeasureCreateModal({
  finding,
  onClose,
  onCreated,
}: {
  finding: LedgerFinding | null;
  onClose(): void;
  onCreated(measure: MeasureDetail): void;
}) {
  return (
    <GuardedModal opened={!!finding} onClose={onClose} title={t.createMeasureTitle} size="lg">
      {finding && <CreateForm finding={finding} onClose={onClose} onCreated={onCreated} />}
    </GuardedModal>
  );
}

function CreateForm({
  finding,
  onClose,
  onCreated,
}: {
  finding: LedgerFinding;
  onClose(): void;
  onCreated(measure: MeasureDetail): void;
}) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm<MeasureValues>({
    mode: 'controlled',
    initialValues: {
      text: '',
      owner: '',
      leadLeader: '',
      departmentId: finding.departmentId,
      deadline: null,
      longTerm: false,
    },
    onValuesChange: () => setError((current) => (current === t.formError ? null : current)),
  });
  const cancel = useCloseGuard(form.isDirty(), onClose);
  const create = useCheckedWrite('ledger.createMeasure', form, t.formError);
  const submit = form.onSubmit(async (values) => {
    setError(null);
    const input = { findingId: finding.id, ...inputFrom(values) };
    const result = await create.submit(input);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    notifySuccess(t.measureCreated);
    onCreated(result.value);
  });
  return (
    <form onSubmit={submit} noValidate data-testid="measure-form">
      <Stack gap="sm">
        <Text size="sm" c="dimmed" lineClamp={2}>
          {t.forFinding(finding.number, finding.title)}
        </Text>
        {error && <Alert color="red">{error}</Alert>}
        <MeasureFields form={form} />
        <FormActions onCancel={cancel} saving={create.isPending} />
      </Stack>
    </form>
  );
}

export function MeasureEditForm({
  measure,
  locked,
  onSaved,
  onReload,
}: {
  measure: MeasureDetail;
  locked: string | null;
  onSaved(measure: MeasureDetail): void;
  onReload(): Promise<void>;
}) {
  const [error, setError] = useState<{ message: string; stale: boolean } | null>(null);
  const { form, markSaved, discardNextMerge } = useFollowingEditForm(measure, valuesFrom, fieldNames);
  const update = useCheckedWrite('ledger.updateMeasure', form, t.formError);
  // Inside the measure drawer: closing it with unsaved changes asks first.
  useCloseGuard(form.isDirty());

  const submit = form.onSubmit(async (values) => {
    setError(null);
    const input = { id: measure.id, version: measure.version, ...inputFrom(values) };
    const result = await update.submit(input);
    if (!result.ok) {
      setError({ message: result.message, stale: result.code === 'E_STALE' });
      return;
    }
    markSaved(result.value);
    notifySuccess(t.measureSaved);
    onSaved(result.value);
  });

  return (
    <form onSubmit={submit} noValidate data-testid="measure-edit-form">
      <Stack gap="sm">
        {locked && (
          <Alert color="gray" py={6}>
            {locked}
          </Alert>
        )}
        {error && (
          <SaveErrorAlert
            error={error}
            testId="measure-edit-error"
            onKeep={async () => {
              await onReload();
              setError(null);
            }}
            onDiscard={async () => {
              discardNextMerge();
              await onReload();
              setError(null);
            }}
          />
        )}
        <MeasureFields form={form} disabled={!!locked} />
        {!locked && (
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending} data-testid="measure-save">
              {commonText.save}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
