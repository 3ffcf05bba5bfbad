// "新增问题" / "编辑问题": a finding from its source (巡视反馈, 信访件, …) with its reference
// number, what was found, when it came in and which department answers for it.
import { useState } from 'react';
import { Alert, Button, Group, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { GuardedModal, useCloseGuard } from '../common/useCloseGuard';
import { useForm } from '@mantine/form';
import { IconTrash } from '@tabler/icons-react';
import { ledgerSources, type FindingDetail, type LedgerFinding, type LedgerSource } from '../../shared/api';
import { useWrite } from '../api/queries';
import { useApp } from '../AppContext';
import { confirmAction } from '../common/confirm';
import { DateField } from '../common/DateField';
import { FormActions } from '../common/FormActions';
import { commonText } from '../common/text';
import { useCheckedWrite } from '../lib/checkedWrite';
import { notifyFailure, notifySuccess } from '../lib/notify';
import { ledgerSourceText, ledgerText as t } from './text';

interface FindingValues {
  source: LedgerSource | null;
  reference: string;
  title: string;
  detail: string;
  receivedDate: string | null;
  departmentId: string | null;
}

function valuesFrom(finding: LedgerFinding | null, defaultDepartmentId: string | null): FindingValues {
  if (!finding)
    return {
      source: null,
      reference: '',
      title: '',
      detail: '',
      receivedDate: null,
      departmentId: defaultDepartmentId,
    };
  return {
    source: finding.source,
    reference: finding.reference,
    title: finding.title,
    detail: finding.detail,
    receivedDate: finding.receivedDate,
    departmentId: finding.departmentId,
  };
}

export function FindingFormModal({
  opened,
  campaignId,
  finding,
  onClose,
  onSaved,
  onDeleted,
}: {
  opened: boolean;
  campaignId: string;
  /** null: a new finding. */
  finding: LedgerFinding | null;
  onClose(): void;
  onSaved(finding: FindingDetail): void;
  onDeleted(): void;
}) {
  return (
    <GuardedModal
      opened={opened}
      onClose={onClose}
      title={finding ? t.editFindingTitle : t.createFindingTitle}
      size="lg"
    >
      {opened && (
        <FindingForm
          campaignId={campaignId}
          finding={finding}
          onClose={onClose}
          onSaved={onSaved}
          onDeleted={onDeleted}
        />
      )}
    </GuardedModal>
  );
}

function FindingForm({
  campaignId,
  finding,
  onClose,
  onSaved,
  onDeleted,
}: {
  campaignId: string;
  finding: LedgerFinding | null;
  onClose(): void;
  onSaved(finding: FindingDetail): void;
  onDeleted(): void;
}) {
  const { departments, user, can } = useApp();
  const [error, setError] = useState<string | null>(null);
  // A 填报人 records findings for their own department, so that is the natural default.
  const form = useForm<FindingValues>({
    mode: 'controlled',
    initialValues: valuesFrom(finding, can('admin', 'reviewer') ? null : user.departmentId),
    // The "fix the red fields" notice goes once the person starts fixing them.
    onValuesChange: () => setError((current) => (current === t.formError ? null : current)),
  });
  const cancel = useCloseGuard(form.isDirty(), onClose);
  const update = useCheckedWrite('ledger.updateFinding', form, t.formError);
  const create = useCheckedWrite('ledger.createFinding', form, t.formError);
  const deleteFinding = useWrite('ledger.deleteFinding');

  const submit = form.onSubmit(async (values) => {
    setError(null);
    // Checked against the contract first, so a missing source never reaches the call below.
    const fields = {
      ...values,
      source: values.source as LedgerSource,
      receivedDate: values.receivedDate || null,
      departmentId: values.departmentId || null,
    };
    const result = finding
      ? await update.submit({ id: finding.id, version: finding.version, ...fields })
      : await create.submit({ campaignId, ...fields });
    if (!result.ok) {
      setError(result.message);
      return;
    }
    notifySuccess(finding ? t.findingSaved : t.findingCreated);
    onSaved(result.value);
  });

  const remove = async () => {
    if (!finding) return;
    if (
      !(await confirmAction({
        message: t.deleteFindingConfirm(finding.title),
        confirmLabel: t.deleteFinding,
        danger: true,
      }))
    )
      return;
    const result = await deleteFinding.mutateAsync({ id: finding.id, version: finding.version });
    if (!result.ok) return notifyFailure(result);
    notifySuccess(t.findingDeleted);
    onDeleted();
  };

  return (
    <form onSubmit={submit} noValidate data-testid="finding-form">
      <Stack gap="sm">
        {error && <Alert color="red">{error}</Alert>}
        <Group grow align="flex-start">
          <Select
            label={t.source}
            placeholder={commonText.choose(t.source)}
            data={ledgerSources.map((s) => ({ value: s, label: ledgerSourceText[s] }))}
            withAsterisk
            allowDeselect={false}
            data-testid="finding-source"
            {...form.getInputProps('source')}
          />
          <TextInput label={t.reference} placeholder={t.referencePlaceholder} {...form.getInputProps('reference')} />
        </Group>
        <Textarea
          label={t.findingTitle}
          placeholder={t.findingTitlePlaceholder}
          withAsterisk
          autosize
          minRows={2}
          maxRows={4}
          data-autofocus
          {...form.getInputProps('title')}
        />
        <Textarea
          label={t.findingDetail}
          placeholder={t.findingDetailPlaceholder}
          autosize
          minRows={3}
          maxRows={8}
          {...form.getInputProps('detail')}
        />
        <Group grow align="flex-start">
          <DateField label={t.receivedDate} clearable {...form.getInputProps('receivedDate')} />
          <Select
            label={t.findingDepartment}
            placeholder={t.departmentPlaceholder}
            data={departments.map((d) => ({ value: d.id, label: d.name }))}
            clearable
            searchable
            nothingFoundMessage={commonText.nothingFound}
            {...form.getInputProps('departmentId')}
          />
        </Group>
        <Group justify="space-between" mt="xs">
          {finding ? (
            <Button
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={16} />}
              onClick={() => void remove()}
              disabled={finding.measureCount > 0}
              data-testid="finding-delete"
            >
              {t.deleteFinding}
            </Button>
          ) : (
            <span />
          )}
          <FormActions onCancel={cancel} saving={update.isPending || create.isPending} />
        </Group>
      </Stack>
    </form>
  );
}
