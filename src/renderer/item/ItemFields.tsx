// The item's fields, shared by the "新增事项" modal and the drawer's 基本信息 tab. On a copy of a
// superior's mandatory item the definition fields are locked; on another court's item all are.
import {
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
import { useId } from 'react';
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
  };
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
}

export function ItemFields({ form, sections, percentLocked, definitionLocked, readOnly, kindHint }: FieldsProps) {
  const fixed = !!definitionLocked || !!readOnly;
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
        <DateField label={t.deadline} clearable disabled={fixed} styles={legible} {...form.getInputProps('deadline')} />
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
      {!readOnly && (
        <Text size="xs" c="dimmed">
          {t.percentHint}
        </Text>
      )}
    </Stack>
  );
}
