// 预警规则: a campaign's traffic-light thresholds (yellow N days before the deadline, red after
// it), whom each colour is escalated to, and how long after sign-off a look-back falls due.
import { useState } from 'react';
import { Alert, Group, NumberInput, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { GuardedModal, useCloseGuard } from '../common/useCloseGuard';
import { useForm } from '@mantine/form';
import { escalationTargets, type Campaign, type EscalationTarget } from '../../shared/api';
import { FormActions } from '../common/FormActions';
import { commonText } from '../common/text';
import { useCheckedWrite } from '../lib/checkedWrite';
import { notifySuccess } from '../lib/notify';
import { escalationTargetText, lightRulesText as t } from './text';

interface Values {
  yellowDays: number | string;
  escalateGreen: EscalationTarget;
  escalateYellow: EscalationTarget;
  escalateRed: EscalationTarget;
  lookbackMonths: number | string;
}

const targetOptions = escalationTargets.map((value) => ({ value, label: escalationTargetText[value] }));

export function LightRulesModal({
  opened,
  campaign,
  onClose,
  onSaved,
}: {
  opened: boolean;
  campaign: Campaign;
  onClose(): void;
  onSaved(campaign: Campaign): void;
}) {
  return (
    <GuardedModal opened={opened} onClose={onClose} title={t.title} size={640}>
      {opened && <LightRulesForm campaign={campaign} onCancel={onClose} onSaved={onSaved} />}
    </GuardedModal>
  );
}

function LightRulesForm({
  campaign,
  onCancel,
  onSaved,
}: {
  campaign: Campaign;
  onCancel(): void;
  onSaved(campaign: Campaign): void;
}) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      yellowDays: campaign.yellowDays,
      escalateGreen: campaign.escalateGreen,
      escalateYellow: campaign.escalateYellow,
      escalateRed: campaign.escalateRed,
      lookbackMonths: campaign.lookbackMonths,
    },
  });
  const cancel = useCloseGuard(form.isDirty(), onCancel);
  const setRules = useCheckedWrite('campaigns.setLightRules', form, t.formError);

  const submit = form.onSubmit(async (values) => {
    setError(null);
    const input = {
      id: campaign.id,
      version: campaign.version,
      ...values,
      // An emptied number field is sent as missing, so the schema names the field.
      yellowDays: values.yellowDays === '' ? (undefined as unknown as number) : Number(values.yellowDays),
      lookbackMonths: values.lookbackMonths === '' ? (undefined as unknown as number) : Number(values.lookbackMonths),
    };
    const result = await setRules.submit(input);
    if (!result.ok) {
      return setError(result.message);
    }
    notifySuccess(t.saved);
    onSaved(result.value);
  });

  const rows: Array<{
    light: 'green' | 'yellow' | 'red';
    label: string;
    hint: string;
    field: 'escalateGreen' | 'escalateYellow' | 'escalateRed';
  }> = [
    { light: 'green', label: t.green, hint: t.greenHint, field: 'escalateGreen' },
    { light: 'yellow', label: t.yellow, hint: t.yellowHint(form.values.yellowDays), field: 'escalateYellow' },
    { light: 'red', label: t.red, hint: t.redHint, field: 'escalateRed' },
  ];

  return (
    <form onSubmit={submit} noValidate data-testid="light-rules-form">
      <Stack gap="md">
        {error && <Alert color="red">{error}</Alert>}
        <Text size="sm" c="dimmed">
          {t.intro}
        </Text>
        <NumberInput
          label={t.yellowDays}
          description={t.yellowDaysHint}
          withAsterisk
          min={0}
          max={90}
          allowDecimal={false}
          w={380}
          suffix={commonText.daysSuffix}
          data-autofocus
          {...form.getInputProps('yellowDays')}
          data-testid="rules-yellow-days"
        />
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t.escalation}
          </Text>
          <Table verticalSpacing={8} withRowBorders={false}>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.light}>
                  <Table.Td w={170}>
                    <Group gap={8} wrap="nowrap">
                      <span className={`dot dot-${row.light}`} />
                      <div>
                        <Text size="sm" fw={500}>
                          {row.label}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {row.hint}
                        </Text>
                      </div>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <SegmentedControl
                      fullWidth
                      data={targetOptions}
                      value={form.values[row.field]}
                      onChange={(value) => form.setFieldValue(row.field, value as EscalationTarget)}
                      aria-label={t.escalation}
                      data-testid={`rules-${row.field}`}
                    />
                    {form.errors[row.field] && (
                      <Text size="xs" c="red" mt={4}>
                        {form.errors[row.field]}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
        <NumberInput
          label={t.lookbackMonths}
          description={t.lookbackMonthsHint}
          withAsterisk
          min={1}
          max={24}
          allowDecimal={false}
          w={380}
          suffix={t.monthsSuffix}
          {...form.getInputProps('lookbackMonths')}
          data-testid="rules-lookback-months"
        />
        <FormActions onCancel={cancel} saving={setRules.isPending} />
      </Stack>
    </form>
  );
}
