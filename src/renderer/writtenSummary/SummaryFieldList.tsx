// The figures a part can cite: each a button that puts 【名称】 at the cursor of the part being
// edited (a click, or Enter/Space on the focused button), with its current value and what it counts.
// A search box narrows the list when it is long.
import { useMemo, useState, type KeyboardEvent, type RefObject } from 'react';
import { Paper, ScrollArea, Stack, Text, TextInput, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { SummaryField } from '../../shared/writtenSummary/writtenSummaryModel';
import { summaryText as t } from './text';

/** Above this many fields the search box shows. */
const SEARCH_FROM = 8;
const listStyle = {
  listStyle: 'none',
  margin: 0,
  padding: 0,
  display: 'flex',
  flexDirection: 'column',
  gap: 2,
} as const;
const fieldStyle = {
  display: 'flex',
  flexDirection: 'column',
  width: '100%',
  padding: '4px 6px',
  borderRadius: 'var(--mantine-radius-sm)',
} as const;

export function SummaryFieldList({
  fields,
  target,
  onInsert,
  boxRef,
  onEscape,
}: {
  fields: SummaryField[];
  /** The heading of the part a field goes into. */
  target: string;
  onInsert(name: string): void;
  /** The list's box, so a part's 插入数字字段 button can move the focus into it. */
  boxRef?: RefObject<HTMLDivElement | null>;
  /** Esc inside the list: back to the text being edited. */
  onEscape?(): void;
}) {
  const [query, setQuery] = useState('');
  const shown = useMemo(() => {
    const words = query.trim().toLowerCase();
    if (!words) return fields;
    return fields.filter((f) => `${f.name} ${f.hint} ${f.value}`.toLowerCase().includes(words));
  }, [fields, query]);

  return (
    <Paper
      ref={boxRef}
      withBorder
      p="sm"
      radius="sm"
      component="section"
      onKeyDown={(event: KeyboardEvent) => {
        if (event.key === 'Escape' && onEscape) {
          event.stopPropagation();
          onEscape();
        }
      }}
      aria-label={t.fieldsLabel}
      data-testid="summary-fields"
    >
      <Stack gap={6}>
        <Text fw={600} size="sm">
          {t.fieldsTitle}
        </Text>
        <Text size="xs" c="gray.7">
          {t.fieldsIntro}
        </Text>
        <Text size="xs" fw={600} c="court.8" data-testid="summary-insert-target">
          {t.insertTarget(target)}
        </Text>
        {fields.length > SEARCH_FROM && (
          <TextInput
            size="xs"
            label={t.fieldsSearch}
            placeholder={t.fieldsSearchPlaceholder}
            leftSection={<IconSearch size={14} aria-hidden />}
            value={query}
            onChange={(event) => setQuery(event.currentTarget.value)}
            data-testid="summary-fields-search"
          />
        )}
        <ScrollArea.Autosize mah={360} type="auto" offsetScrollbars>
          {shown.length === 0 ? (
            <Text size="xs" c="gray.7" py="xs">
              {t.fieldsNone}
            </Text>
          ) : (
            <ul style={listStyle}>
              {shown.map((field) => (
                <li key={field.name}>
                  <UnstyledButton
                    style={fieldStyle}
                    onClick={() => onInsert(field.name)}
                    title={field.hint}
                    data-testid="summary-field"
                    data-field={field.name}
                  >
                    <VisuallyHidden>{t.insertWord}</VisuallyHidden>
                    <Text size="sm" fw={600} component="span">
                      【{field.name}】
                    </Text>
                    <Text size="xs" c="gray.8" component="span">
                      {t.fieldValue(field.value)}
                    </Text>
                    {field.hint && (
                      <Text size="xs" c="gray.7" component="span">
                        {field.hint}
                      </Text>
                    )}
                  </UnstyledButton>
                </li>
              ))}
            </ul>
          )}
        </ScrollArea.Autosize>
      </Stack>
    </Paper>
  );
}
