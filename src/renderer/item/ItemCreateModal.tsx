import { useState } from 'react';
import { Alert, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ItemDetail, Section } from '../../shared/api';
import { useCheckedWrite } from '../lib/checkedWrite';
import { notifySuccess } from '../lib/notify';
import { ItemFields, deadlineReasonError, emptyItemValues, itemInputFrom, type ItemValues } from './ItemFields';
import { itemText as t } from './text';
import { FormActions } from '../common/FormActions';
import { GuardedModal, useCloseGuard } from '../common/useCloseGuard';
import { useApp } from '../AppContext';

export function ItemCreateModal({
  opened,
  campaignId,
  sections,
  defaultSectionId,
  onClose,
  onCreated,
}: {
  opened: boolean;
  campaignId: string;
  sections: Section[];
  defaultSectionId: string | null;
  onClose(): void;
  onCreated(item: ItemDetail): void;
}) {
  return (
    <GuardedModal opened={opened} onClose={onClose} title={t.createTitle} size="xl">
      {opened && (
        <CreateForm
          campaignId={campaignId}
          sections={sections}
          defaultSectionId={defaultSectionId}
          onClose={onClose}
          onCreated={onCreated}
        />
      )}
    </GuardedModal>
  );
}

function CreateForm({
  campaignId,
  sections,
  defaultSectionId,
  onClose,
  onCreated,
}: {
  campaignId: string;
  sections: Section[];
  defaultSectionId: string | null;
  onClose(): void;
  onCreated(item: ItemDetail): void;
}) {
  const [error, setError] = useState<string | null>(null);
  const { court, today } = useApp();
  // A high court's new items are, as a rule, tasks for its subordinates: 规定动作 unless changed.
  const form = useForm<ItemValues>({
    mode: 'controlled',
    initialValues: { ...emptyItemValues(defaultSectionId), kind: court.level === 'high' ? 'mandatory' : 'own' },
  });
  const kindHint = court.level === 'basic' ? t.kindStaysHere : t.kindTravels[form.values.kind];
  const cancel = useCloseGuard(form.isDirty(), onClose);
  const create = useCheckedWrite('items.create', form, t.formError);
  const submit = form.onSubmit(async (values) => {
    setError(null);
    const reasonError = deadlineReasonError(values, today);
    if (reasonError) {
      form.setFieldError('deadlineReason', reasonError);
      return;
    }
    const result = await create.submit({ campaignId, ...itemInputFrom(values) });
    if (!result.ok) {
      setError(result.message);
      return;
    }
    notifySuccess(t.created);
    onCreated(result.value);
  });
  return (
    <form onSubmit={submit} noValidate data-testid="item-create-form">
      <Stack>
        {error && <Alert color="red">{error}</Alert>}
        <ItemFields form={form} sections={sections} kindHint={kindHint} campaignId={campaignId} />
        <FormActions onCancel={cancel} saving={create.isPending} />
      </Stack>
    </form>
  );
}
