// The item's fields, shared by the "新增事项" modal and the drawer's 基本信息 tab. On a copy of a
// superior's mandatory item the definition fields are locked; on another court's item all are.
import {
  Alert,
  Autocomplete,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Input,
} from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { checkDeadline } from '../../shared/checklistRules';
import { useRead } from '../api/queries';
import type { UseFormReturnType } from '@mantine/form';
import type { Frequency, ItemDetail, ItemKind, Section } from '../../shared/model';
import { useApp } from '../AppContext';
import { DateField } from '../common/DateField';
import { commonText, frequencyText, itemKindText } from '../common/text';
import { itemText as t } from './text';

export const NO_SECTION = '__none__';

export interface ItemValues {
  sectionId: string;
  title: string;
  content: string;
  kind: ItemKind;
  leadLeader: string;
  departmentId: string | null;
  owner: string;
  deadline: string | null;
  frequency: Frequency;
  percent: number | string;
  /** Why a deadline in the past is set (required then); kept as a deadline change. */
  deadlineReason: string;
}

export const itemFieldNames = [
  'sectionId',
  'title',
  'content',
  'kind',
  'leadLeader',
  'departmentId',
  'owner',
  'deadline',
  'frequency',
  'percent',
  'deadlineReason',
] as const;

export function emptyItemValues(sectionId: string | null): ItemValues {
  return {
    sectionId: sectionId ?? NO_SECTION,
    title: '',
    content: '',
    kind: 'own',
    leadLeader: '',
    departmentId: null,
    owner: '',
    deadline: null,
    frequency: 'once',
    percent: 0,
    deadlineReason: '',
  };
}

export function itemValuesFrom(item: ItemDetail): ItemValues {
  return {
    sectionId: item.sectionId ?? NO_SECTION,
    title: item.title,
    content: item.content,
    kind: item.kind,
    leadLeader: item.leadLeader,
    departmentId: item.departmentId,
    owner: item.owner,
    deadline: item.deadline,
    frequency: item.frequency,
    percent: item.percent,
    deadlineReason: '',
  };
}

export function itemInputFrom(values: ItemValues) {
  return {
    sectionId: values.sectionId === NO_SECTION ? null : values.sectionId,
    title: values.title,
    content: values.content,
    kind: values.kind,
    leadLeader: values.leadLeader,
    departmentId: values.departmentId || null,
    owner: values.owner,
    deadline: values.deadline || null,
    frequency: values.frequency,
    percent: values.percent === '' ? 0 : Number(values.percent),
    deadlineReason: values.deadlineReason,
  };
}

/**
 * The deadline rules the API applies, checked before saving: a past deadline needs a reason
 * (returns the field error, or null). `original` is the saved deadline (undefined for a new item).
 */
export function deadlineReasonError(values: ItemValues, today: string, original?: string | null): string | null {
  const deadline = values.deadline || null;
  if (!deadline || deadline === original || deadline >= today) return null;
  return values.deadlineReason.trim() ? null : t.deadlineReasonPlaceholder;
}

interface FieldsProps {
  form: UseFormReturnType<ItemValues>;
  sections: Section[];
  percentLocked?: boolean;
  /** A copy of a superior's mandatory item: what to do and by when is the issuer's to say. */
  definitionLocked?: boolean;
  /** Another court's item: nothing here is ours to change. */
  readOnly?: boolean;
  /** Under the 类别 choice: what the chosen kind means for where the item goes. */
  kindHint?: string;
  /** The campaign, to warn of a deadline outside its dates. */
  campaignId?: string;
  /** The saved deadline of an existing item (undefined for a new one): only a change is checked. */
  originalDeadline?: string | null;
  /**
   * How an existing deadline may change here: 'edit' (typed), 'extend' (only through 延期, the
   * `deadlineAction` button beside it) or 'locked' (a 填报人: 如需延期，请审核人办理).
   */
  deadlineControl?: 'edit' | 'extend' | 'locked';
  deadlineAction?: ReactNode;
}

export function ItemFields({
  form,
  sections,
  percentLocked,
  definitionLocked,
  readOnly,
  kindHint,
  campaignId,
  originalDeadline,
  deadlineControl = 'edit',
  deadlineAction,
}: FieldsProps) {
  const fixed = !!definitionLocked || !!readOnly;
  const deadlineFixed = fixed || deadlineControl !== 'edit';
  const { today } = useApp();
  const { data: campaign } = useRead('campaigns.get', { id: campaignId ?? '' }, { enabled: !!campaignId });
  const deadline = form.values.deadline || null;
  const changed = deadline !== (originalDeadline ?? null);
  const check =
    !deadlineFixed && changed
      ? checkDeadline(deadline, today, campaign?.campaign ?? { startDate: null, endDate: null })
      : { past: false, outsideCampaign: false, warnings: [] };
  const kindId = useId();
  // Locked text is there to be read: keep it dark rather than the faded look of a disabled field.
  const legible = { input: { opacity: 1, color: 'var(--mantine-color-dark-6)' } };
  const { departments, people } = useApp();
  const names = [...new Set(people.map((p) => p.name))];
  const sectionOptions = [
    { value: NO_SECTION, label: t.noSection },
    ...sections.map((s) => ({ value: s.id, label: `${'\u3000'.repeat(s.depth)}${s.number}${s.title}` })),
  ];
  return (
    <Stack gap="sm">
      <Select
        label={t.section}
        data={sectionOptions}
        allowDeselect={false}
        searchable
        nothingFoundMessage={commonText.nothingFound}
        disabled={fixed}
        styles={legible}
        {...form.getInputProps('sectionId')}
      />
      <TextInput
        label={t.title}
        placeholder={t.titlePlaceholder}
        withAsterisk={!fixed}
        data-autofocus
        disabled={fixed}
        styles={legible}
        {...form.getInputProps('title')}
      />
      <Textarea
        label={t.content}
        placeholder={t.contentPlaceholder}
        autosize
        minRows={2}
        maxRows={6}
        disabled={fixed}
        styles={legible}
        {...form.getInputProps('content')}
      />
      <Input.Wrapper label={t.kind} description={kindHint} id={kindId}>
        <div>
          <SegmentedControl
            mt={4}
            aria-label={t.kind}
            aria-describedby={kindHint ? `${kindId}-description` : undefined}
            data={[
              { value: 'mandatory', label: itemKindText.mandatory },
              { value: 'own', label: itemKindText.own },
            ]}
            disabled={fixed}
            {...form.getInputProps('kind')}
          />
        </div>
      </Input.Wrapper>
      <Group grow align="flex-start">
        <Autocomplete
          label={t.leadLeader}
          placeholder={t.peoplePlaceholder}
          data={names}
          disabled={readOnly}
          styles={legible}
          {...form.getInputProps('leadLeader')}
        />
        <Select
          disabled={readOnly}
          styles={legible}
          label={t.department}
          placeholder={t.departmentPlaceholder}
          data={departments.map((d) => ({ value: d.id, label: d.name }))}
          clearable
          searchable
          nothingFoundMessage={commonText.nothingFound}
          {...form.getInputProps('departmentId')}
        />
        <Autocomplete
          label={t.owner}
          placeholder={t.peoplePlaceholder}
          data={names}
          disabled={readOnly}
          styles={legible}
          {...form.getInputProps('owner')}
        />
      </Group>
      <Group grow align="flex-start">
        <Group gap={6} align="flex-end" wrap="nowrap">
          <DateField
            label={t.deadline}
            clearable={!deadlineFixed}
            disabled={deadlineFixed}
            styles={legible}
            description={!fixed && deadlineControl === 'locked' ? t.deadlineByReviewer : undefined}
            data-testid="item-deadline"
            style={{ flex: 1 }}
            {...form.getInputProps('deadline')}
          />
          {!fixed && deadlineControl === 'extend' && deadlineAction}
        </Group>
        <Select
          disabled={fixed}
          styles={legible}
          label={t.frequency}
          data={(Object.keys(frequencyText) as Frequency[]).map((f) => ({ value: f, label: frequencyText[f] }))}
          allowDeselect={false}
          {...form.getInputProps('frequency')}
        />
        <NumberInput
          label={t.percent}
          min={0}
          max={100}
          allowDecimal={false}
          suffix="%"
          disabled={percentLocked || readOnly}
          styles={legible}
          {...form.getInputProps('percent')}
        />
      </Group>
      {check.warnings.length > 0 && (
        <Alert color="yellow" variant="light" py={6} data-testid="item-deadline-warning">
          {check.warnings.map((line) => (
            <Text key={line} size="sm">
              {line}
            </Text>
          ))}
        </Alert>
      )}
      {check.past && (
        <Textarea
          label={t.deadlineReason}
          placeholder={t.deadlineReasonPlaceholder}
          withAsterisk
          autosize
          minRows={2}
          data-testid="item-deadline-reason"
          {...form.getInputProps('deadlineReason')}
        />
      )}
      {!readOnly && (
        <Text size="xs" c="dimmed">
          {t.percentHint}
        </Text>
      )}
    </Stack>
  );
}
