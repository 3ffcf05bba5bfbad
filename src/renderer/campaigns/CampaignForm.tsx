import { useState } from 'react';
import { Alert, Button, Group, NumberInput, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Campaign } from '../../shared/api';
import { DateField } from '../common/DateField';
import { GuardedModal, useCloseGuard } from '../common/useCloseGuard';
import { commonText } from '../common/text';
import { currentYear } from '../lib/dates';
import { useCheckedWrite } from '../lib/checkedWrite';
import { notifySuccess } from '../lib/notify';
import { campaignsText as t } from './text';

interface Values {
  title: string;
  issuingCourtName: string;
  year: number | string;
  startDate: string | null;
  endDate: string | null;
  description: string;
  yellowDays: number | string;
}

function toInput(values: Values) {
  return {
    title: values.title,
    issuingCourtName: values.issuingCourtName,
    year: values.year === '' ? (undefined as unknown as number) : Number(values.year),
    startDate: values.startDate || null,
    endDate: values.endDate || null,
    description: values.description,
    yellowDays: values.yellowDays === '' ? 7 : Number(values.yellowDays),
  };
}

export function CampaignFormModal({
  opened,
  campaign,
  defaultIssuer,
  onClose,
  onSaved,
}: {
  opened: boolean;
  campaign: Campaign | null;
  defaultIssuer: string;
  onClose(): void;
  onSaved(campaign: Campaign): void;
}) {
  return (
    <GuardedModal
      opened={opened}
      onClose={onClose}
      title={campaign ? t.formEditTitle : t.formCreateTitle}
      size="lg"
      data-testid="campaign-form-modal"
    >
      {opened && (
        <CampaignForm campaign={campaign} defaultIssuer={defaultIssuer} onCancel={onClose} onSaved={onSaved} />
      )}
    </GuardedModal>
  );
}

function CampaignForm({
  campaign,
  defaultIssuer,
  onCancel,
  onSaved,
}: {
  campaign: Campaign | null;
  defaultIssuer: string;
  onCancel(): void;
  onSaved(c: Campaign): void;
}) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: campaign
      ? {
          title: campaign.title,
          issuingCourtName: campaign.issuingCourtName,
          year: campaign.year,
          startDate: campaign.startDate,
          endDate: campaign.endDate,
          description: campaign.description,
          yellowDays: campaign.yellowDays,
        }
      : {
          title: '',
          issuingCourtName: '',
          year: currentYear(),
          startDate: null,
          endDate: null,
          description: '',
          yellowDays: 7,
        },
  });
  const cancel = useCloseGuard(form.isDirty(), onCancel);
  const update = useCheckedWrite('campaigns.update', form, t.formError);
  const create = useCheckedWrite('campaigns.create', form, t.formError);

  const submit = form.onSubmit(async (values) => {
    setError(null);
    const input = toInput(values);
    const result = campaign
      ? await update.submit({ id: campaign.id, version: campaign.version, ...input })
      : await create.submit(input);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    notifySuccess(campaign ? t.saved : t.created);
    onSaved(result.value);
  });

  return (
    <form onSubmit={submit} noValidate data-testid="campaign-form">
      <Stack gap="sm">
        {error && <Alert color="red">{error}</Alert>}
        <TextInput
          label={t.fieldTitle}
          placeholder={t.fieldTitlePlaceholder}
          withAsterisk
          data-autofocus
          {...form.getInputProps('title')}
        />
        <Group grow align="flex-start">
          <TextInput
            label={t.fieldIssuing}
            placeholder={defaultIssuer}
            description={t.fieldIssuingHint}
            {...form.getInputProps('issuingCourtName')}
          />
          <NumberInput
            label={t.fieldYear}
            withAsterisk
            min={2000}
            max={2100}
            allowDecimal={false}
            thousandSeparator={false}
            {...form.getInputProps('year')}
          />
        </Group>
        <Group grow align="flex-start">
          <DateField label={t.fieldStart} clearable {...form.getInputProps('startDate')} />
          <DateField label={t.fieldEnd} clearable {...form.getInputProps('endDate')} />
        </Group>
        <Textarea
          label={t.fieldDescription}
          placeholder={t.fieldDescriptionPlaceholder}
          autosize
          minRows={3}
          maxRows={8}
          {...form.getInputProps('description')}
        />
        <NumberInput
          label={t.fieldYellowDays}
          description={t.fieldYellowDaysHint}
          min={0}
          max={90}
          allowDecimal={false}
          w={200}
          suffix={commonText.daysSuffix}
          {...form.getInputProps('yellowDays')}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={cancel}>
            {commonText.cancel}
          </Button>
          <Button type="submit" loading={update.isPending || create.isPending}>
            {commonText.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
