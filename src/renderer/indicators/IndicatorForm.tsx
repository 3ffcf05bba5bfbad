// "新增指标" / "编辑指标": an indicator's definition — name, 条线, unit, direction, target, reporting
// period and an optional ranking goal (争第一). Only for this court's own campaigns' indicators.
import { useState } from 'react';
import { Alert, Button, Group, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { GuardedModal, useCloseGuard } from '../common/useCloseGuard';
import { useForm } from '@mantine/form';
import { IconTrash } from '@tabler/icons-react';
import { indicatorDirections, indicatorLines, indicatorPeriodKinds, indicatorUnits } from '../../shared/api';
import type {
  IndicatorDirection,
  IndicatorLine,
  IndicatorPeriodKind,
  IndicatorRow,
  IndicatorUnit,
} from '../../shared/model';
import { useWrite } from '../api/queries';
import { confirmAction } from '../common/confirm';
import { FormActions } from '../common/FormActions';
import { commonText } from '../common/text';
import { useCheckedWrite } from '../lib/checkedWrite';
import { notifyFailure, notifySuccess } from '../lib/notify';
import {
  indicatorDirectionText,
  indicatorLineText,
  indicatorPeriodText,
  indicatorUnitChoice,
  indicatorUnitText,
  indicatorText as t,
} from './text';

interface IndicatorValues {
  name: string;
  line: IndicatorLine | null;
  unit: IndicatorUnit | null;
  direction: IndicatorDirection | null;
  /** '' while empty: NumberInput's empty value. */
  target: number | string;
  period: IndicatorPeriodKind | null;
  rankingGoal: string;
}

function valuesFrom(row: IndicatorRow | null): IndicatorValues {
  if (!row)
    return { name: '', line: null, unit: null, direction: 'up', target: '', period: 'monthly', rankingGoal: '' };
  return {
    name: row.name,
    line: row.line,
    unit: row.unit,
    direction: row.direction,
    target: row.target ?? '',
    period: row.period,
    rankingGoal: row.rankingGoal,
  };
}

export function IndicatorFormModal({
  opened,
  campaignId,
  indicator,
  onClose,
  onSaved,
  onDeleted,
}: {
  opened: boolean;
  campaignId: string;
  /** null: a new indicator. */
  indicator: IndicatorRow | null;
  onClose(): void;
  onSaved(): void;
  onDeleted(): void;
}) {
  return (
    <GuardedModal opened={opened} onClose={onClose} title={indicator ? t.editTitle : t.createTitle} size="lg">
      {opened && (
        <IndicatorForm
          campaignId={campaignId}
          indicator={indicator}
          onClose={onClose}
          onSaved={onSaved}
          onDeleted={onDeleted}
        />
      )}
    </GuardedModal>
  );
}

function IndicatorForm({
  campaignId,
  indicator,
  onClose,
  onSaved,
  onDeleted,
}: {
  campaignId: string;
  indicator: IndicatorRow | null;
  onClose(): void;
  onSaved(): void;
  onDeleted(): void;
}) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm<IndicatorValues>({
    mode: 'controlled',
    initialValues: valuesFrom(indicator),
    onValuesChange: () => setError((current) => (current === t.formError ? null : current)),
  });
  const cancel = useCloseGuard(form.isDirty(), onClose);
  const update = useCheckedWrite('indicators.update', form, t.formError);
  const create = useCheckedWrite('indicators.create', form, t.formError);
  const deleteIndicator = useWrite('indicators.delete');
  const unit = form.values.unit;

  const submit = form.onSubmit(async (values) => {
    setError(null);
    const fields = {
      name: values.name,
      line: values.line as IndicatorLine,
      unit: values.unit as IndicatorUnit,
      direction: values.direction as IndicatorDirection,
      target: typeof values.target === 'number' ? values.target : null,
      period: values.period as IndicatorPeriodKind,
      rankingGoal: values.rankingGoal,
    };
    const result = indicator
      ? await update.submit({ id: indicator.id, version: indicator.version, ...fields })
      : await create.submit({ campaignId, ...fields });
    if (!result.ok) {
      setError(result.message);
      return;
    }
    notifySuccess(indicator ? t.saved : t.created);
    onSaved();
  });

  const remove = async () => {
    if (!indicator) return;
    if (!(await confirmAction({ message: t.deleteConfirm(indicator.name), confirmLabel: t.delete, danger: true })))
      return;
    const result = await deleteIndicator.mutateAsync({ id: indicator.id, version: indicator.version });
    if (!result.ok) return notifyFailure(result);
    notifySuccess(t.deleted);
    onDeleted();
  };

  return (
    <form onSubmit={submit} noValidate data-testid="indicator-form">
      <Stack gap="sm">
        {error && <Alert color="red">{error}</Alert>}
        <TextInput
          label={t.name}
          placeholder={t.namePlaceholder}
          withAsterisk
          data-autofocus
          {...form.getInputProps('name')}
        />
        <Group grow align="flex-start">
          <Select
            label={t.line}
            placeholder={commonText.choose(t.line)}
            data={indicatorLines.map((v) => ({ value: v, label: indicatorLineText[v] }))}
            withAsterisk
            allowDeselect={false}
            {...form.getInputProps('line')}
          />
          <Select
            label={t.unit}
            placeholder={commonText.choose(t.unit)}
            data={indicatorUnits.map((v) => ({ value: v, label: indicatorUnitChoice[v] }))}
            withAsterisk
            allowDeselect={false}
            {...form.getInputProps('unit')}
          />
        </Group>
        <Group grow align="flex-start">
          <Select
            label={t.direction}
            data={indicatorDirections.map((v) => ({ value: v, label: indicatorDirectionText[v] }))}
            withAsterisk
            allowDeselect={false}
            {...form.getInputProps('direction')}
          />
          <Select
            label={t.period}
            data={indicatorPeriodKinds.map((v) => ({ value: v, label: indicatorPeriodText[v] }))}
            withAsterisk
            allowDeselect={false}
            {...form.getInputProps('period')}
          />
        </Group>
        <Group grow align="flex-start">
          <NumberInput
            label={t.target}
            description={t.targetHint}
            rightSection={
              unit ? (
                <span style={{ fontSize: 13, color: 'var(--mantine-color-dimmed)' }}>{indicatorUnitText[unit]}</span>
              ) : undefined
            }
            decimalScale={2}
            hideControls
            {...form.getInputProps('target')}
          />
          <TextInput
            label={t.rankingGoal}
            placeholder={t.rankingGoalPlaceholder}
            {...form.getInputProps('rankingGoal')}
          />
        </Group>
        <Group justify="space-between" mt="xs">
          {indicator ? (
            <Button
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={16} />}
              onClick={() => void remove()}
              data-testid="indicator-delete"
            >
              {t.delete}
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
