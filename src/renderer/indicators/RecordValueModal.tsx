// "录入数值": one period's value of an indicator, with a note and an optional evidence file. Only
// periods up to the current one are offered (months or quarters, as the indicator reports); a
// period that already has a value is prefilled, and saving replaces it (sending its version). The
// file is sent in pieces first (files.upload) with a progress bar and 取消上传.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, FileInput, Group, NumberInput, Progress, Select, Stack, Text, Textarea } from '@mantine/core';
import { GuardedModal, useCloseGuard } from '../common/useCloseGuard';
import { useForm } from '@mantine/form';
import { IconPaperclip } from '@tabler/icons-react';
import type { IndicatorRow, IndicatorValue } from '../../shared/model';
import { useWrite } from '../api/queries';
import { useApp } from '../AppContext';
import { MAX_EVIDENCE_BYTES } from '../common/fileTypes';
import { discardUpload, uploadInPieces } from '../common/uploadInPieces';
import { FormActions } from '../common/FormActions';
import { serverFieldErrors } from '../lib/forms';
import { notifySuccess } from '../lib/notify';
import { currentPeriod, formatValue, periodLabel, periodOptions, previousPeriod } from './periods';
import { indicatorUnitText, indicatorText as t } from './text';

interface ValueForm {
  period: string | null;
  value: number | string;
  note: string;
  evidence: File | null;
}

export function RecordValueModal({
  indicator,
  onClose,
  onSaved,
}: {
  indicator: IndicatorRow | null;
  onClose(): void;
  onSaved(row: IndicatorRow): void;
}) {
  return (
    <GuardedModal
      opened={!!indicator}
      onClose={onClose}
      title={indicator ? t.recordTitle(indicator.name) : ''}
      size="md"
    >
      {indicator && <RecordValueForm indicator={indicator} onClose={onClose} onSaved={onSaved} />}
    </GuardedModal>
  );
}

function RecordValueForm({
  indicator,
  onClose,
  onSaved,
}: {
  indicator: IndicatorRow;
  onClose(): void;
  onSaved(row: IndicatorRow): void;
}) {
  const { today } = useApp();
  const [error, setError] = useState<string | null>(null);
  /** Bytes of the evidence file sent so far, while it is being uploaded (before the value is saved). */
  const [sent, setSent] = useState<number | null>(null);
  const recordValue = useWrite('indicators.recordValue');
  const saving = sent !== null || recordValue.isPending;
  const cancelled = useRef(false);
  // The dialog closed mid-upload: the upload stops and nothing is saved.
  useEffect(
    () => () => {
      cancelled.current = true;
    },
    [],
  );
  const byPeriod = useMemo(() => new Map(indicator.values.map((v) => [v.period, v])), [indicator.values]);
  const options = useMemo(
    () => periodOptions(indicator.period, today, [...byPeriod.keys()]),
    [indicator.period, today, byPeriod],
  );
  // The usual entry is for the period just ended; the current one is on offer for early figures.
  const initialPeriod = previousPeriod(currentPeriod(indicator.period, today));
  const fromExisting = (period: string | null): Pick<ValueForm, 'value' | 'note'> => {
    const existing = period ? byPeriod.get(period) : undefined;
    return existing ? { value: existing.value, note: existing.note } : { value: '', note: '' };
  };
  const form = useForm<ValueForm>({
    mode: 'controlled',
    initialValues: { period: initialPeriod, ...fromExisting(initialPeriod), evidence: null },
    onValuesChange: () => setError(null),
  });
  const cancel = useCloseGuard(form.isDirty(), onClose);
  const existing: IndicatorValue | undefined = form.values.period ? byPeriod.get(form.values.period) : undefined;
  const unit = indicator.unit;

  const choosePeriod = (period: string | null) => {
    // Another period's stored value replaces what was shown; a period without one keeps what was typed.
    const next = fromExisting(period);
    const hadStored = form.values.period ? byPeriod.has(form.values.period) : false;
    form.setValues({ period, ...(period && byPeriod.has(period) ? next : hadStored ? next : {}) });
    form.clearErrors();
  };

  const save = async (values: ValueForm) => {
    setError(null);
    const errors: Record<string, string> = {};
    if (!values.period) errors.period = t.periodPlaceholder;
    const value = typeof values.value === 'number' ? values.value : null;
    if (value === null) errors.value = `请填写${t.value}`;
    else if (unit === 'percent' && (value < 0 || value > 100)) errors.value = t.percentRange;
    else if (value < 0) errors.value = t.negative;
    const file = values.evidence;
    if (file && file.size > MAX_EVIDENCE_BYTES) errors.evidence = t.tooLarge(file.name);
    else if (file && file.size === 0) errors.evidence = t.emptyFile(file.name);
    if (Object.keys(errors).length > 0) {
      form.setErrors(errors);
      return;
    }
    let evidence: { name: string; mimeType: string; uploadId: string } | undefined;
    if (file) {
      cancelled.current = false;
      setSent(0);
      const uploaded = await uploadInPieces('files.upload', file, {
        onProgress: setSent,
        aborted: () => cancelled.current,
        unreadable: t.unreadable(file.name),
      });
      setSent(null);
      if (!uploaded.ok) {
        if ('aborted' in uploaded) setError(t.uploadCancelled);
        else form.setErrors({ evidence: uploaded.failure.message });
        return;
      }
      evidence = { name: file.name, mimeType: file.type || 'application/octet-stream', uploadId: uploaded.uploadId };
    }
    const result = await recordValue.mutateAsync({
      indicatorId: indicator.id,
      period: values.period!,
      value: value!,
      note: values.note,
      version: existing?.version,
      evidence,
    });
    if (!result.ok) {
      if (evidence) void discardUpload('files.upload', evidence.uploadId);
      // Evidence messages arrive as evidence.name / evidence.uploadId: shown at the file field.
      const fieldErrors = serverFieldErrors(result.fieldErrors);
      for (const key of Object.keys(fieldErrors))
        if (key.startsWith('evidence.')) fieldErrors.evidence ??= fieldErrors[key];
      form.setErrors(fieldErrors);
      setError(result.message);
      return;
    }
    notifySuccess(t.valueSaved(periodLabel(values.period!)));
    onSaved(result.value);
  };

  return (
    // The form's checks run at the submit itself: `save` reads the upload's cancel flag (a ref),
    // which must not be handed to a function while rendering.
    <form onSubmit={(event) => form.onSubmit(save)(event)} noValidate data-testid="record-value-form">
      <Stack gap="sm">
        {error && <Alert color="red">{error}</Alert>}
        <Select
          label={t.periodLabel}
          placeholder={t.periodPlaceholder}
          data={options.map((p) => ({
            value: p,
            label: byPeriod.has(p)
              ? `${periodLabel(p)}（已录入 ${formatValue(byPeriod.get(p)!.value, unit)}）`
              : periodLabel(p),
          }))}
          withAsterisk
          allowDeselect={false}
          searchable
          maxDropdownHeight={260}
          value={form.values.period}
          onChange={choosePeriod}
          error={form.errors.period}
          data-testid="value-period"
        />
        {existing && (
          <Text size="sm" c="orange.8" data-testid="value-replacing">
            {t.replacing(periodLabel(existing.period))}
          </Text>
        )}
        <NumberInput
          label={t.value}
          description={indicator.target !== null ? t.targetOf(formatValue(indicator.target, unit)) : undefined}
          withAsterisk
          decimalScale={unit === 'cases' ? 0 : 2}
          hideControls
          rightSection={
            <span style={{ fontSize: 13, color: 'var(--mantine-color-dimmed)' }}>{indicatorUnitText[unit]}</span>
          }
          data-autofocus
          data-testid="value-number"
          {...form.getInputProps('value')}
        />
        <Textarea
          label={t.note}
          placeholder={t.notePlaceholder}
          autosize
          minRows={2}
          maxRows={6}
          {...form.getInputProps('note')}
        />
        <FileInput
          label={t.evidence}
          placeholder={t.evidencePlaceholder}
          description={existing?.evidenceName ? t.existingEvidence(existing.evidenceName) : undefined}
          leftSection={<IconPaperclip size={16} />}
          clearable
          data-testid="value-evidence"
          {...form.getInputProps('evidence')}
        />
        {sent !== null && form.values.evidence && (
          <Group gap="xs" wrap="nowrap" data-testid="value-upload-progress">
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {t.uploadingFile(form.values.evidence.name)}
            </Text>
            <Progress
              value={form.values.evidence.size > 0 ? (sent * 100) / form.values.evidence.size : 0}
              size="sm"
              style={{ flex: 1 }}
              aria-label={t.uploadProgress(form.values.evidence.name)}
            />
            <Button size="compact-xs" variant="subtle" color="gray" onClick={() => (cancelled.current = true)}>
              {t.cancelUpload}
            </Button>
          </Group>
        )}
        <FormActions onCancel={cancel} saving={saving} />
      </Stack>
    </form>
  );
}
