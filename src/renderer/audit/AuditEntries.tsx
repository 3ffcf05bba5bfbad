// Renders audit entries for people: time, person, operation in Chinese, and the changed fields
// with Chinese labels, before → after.
import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { AuditEntry } from '../../shared/model';
import { auditFieldOrder, auditFieldText, auditOperationText, auditTableText, auditText, hiddenAuditFields } from '../common/auditText';
import { campaignStatusText, commonText, courtLevelText, decisionText, frequencyText, itemKindText, itemStatusText } from '../common/text';
import { formatDateTime } from '../lib/dates';
import { formatSize } from '../lib/format';
import { fileTypeText } from '../common/fileTypes';
import { auditPageText } from './text';

export interface AuditResolvers {
  department(id: string): string | undefined;
  section?(id: string): string | undefined;
}

const operationColor: Record<string, string> = {
  create: 'court',
  delete: 'red',
  'sign-off': 'teal',
  'send-back': 'orange',
  reopen: 'grape',
  complete: 'blue',
};

/** The value as a person reads it; null when it cannot be named here (e.g. another campaign's section). */
function formatValue(table: string, field: string, value: unknown, resolvers: AuditResolvers, row: Record<string, unknown> = {}): string | null {
  if (value === null || value === undefined || value === '') return auditText.empty;
  const text = String(value);
  switch (field) {
    case 'mimeType':
      return fileTypeText(text, String(row.originalName ?? ''));
    case 'status':
      return table === 'campaigns' ? campaignStatusText[text as keyof typeof campaignStatusText] ?? text : itemStatusText[text as keyof typeof itemStatusText] ?? text;
    case 'kind':
      return itemKindText[text as keyof typeof itemKindText] ?? text;
    case 'frequency':
      return frequencyText[text as keyof typeof frequencyText] ?? text;
    case 'level':
      return courtLevelText[text as keyof typeof courtLevelText] ?? text;
    case 'decision':
      return decisionText[text as keyof typeof decisionText] ?? text;
    case 'completedLate':
      return value === true || value === 1 ? commonText.yes : commonText.no;
    case 'percent':
      return `${text}%`;
    case 'yellowDays':
      return commonText.days(text);
    case 'size':
      return formatSize(Number(value));
    case 'departmentId':
      return resolvers.department(text) ?? commonText.deletedDepartment;
    case 'sectionId':
    case 'parentId':
      return resolvers.section?.(text) ?? null;
    case 'completedAt':
    case 'decidedAt':
    case 'deletedAt':
      return formatDateTime(text);
    default:
      return text.length > 160 ? `${text.slice(0, 160)}…` : text;
  }
}

function label(field: string): string | null {
  if (hiddenAuditFields.has(field)) return null;
  return auditFieldText[field] ?? null;
}

function rowTitle(entry: AuditEntry): string {
  const pick = (value: unknown) => {
    if (!value || typeof value !== 'object') return '';
    const v = value as Record<string, unknown>;
    return String(v.title ?? v.name ?? v.originalName ?? (typeof v.text === 'string' ? v.text.slice(0, 40) : '') ?? '');
  };
  return pick(entry.after) || pick(entry.before);
}

export function AuditEntryView({ entry, resolvers, showTable = true, knownTitle }: { entry: AuditEntry; resolvers: AuditResolvers; showTable?: boolean; knownTitle?: string }) {
  const operation = auditOperationText[entry.operation] ?? auditText.unknownOperation;
  const table = auditTableText[entry.tableName] ?? '';
  const after = (entry.after ?? {}) as Record<string, unknown>;
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const isCreate = entry.before === null;
  const isDelete = !isCreate && (entry.operation === 'delete' || after.deletedAt != null);
  const title = rowTitle(entry) || knownTitle || '';

  let lines: Array<{ field: string; text: React.ReactNode }> = [];
  let summary = '';
  if (isDelete) {
    lines = [];
  } else if (isCreate) {
    const titleFields = new Set(['title', 'name', 'originalName', 'text']);
    summary = Object.entries(after)
      .filter(([field, value]) => label(field) && value !== null && value !== '' && field !== 'sortOrder' && !titleFields.has(field) && !(field === 'completedLate' && !value) && !(field === 'percent' && value === 0))
      .sort(([a], [b]) => auditFieldOrder.indexOf(a) - auditFieldOrder.indexOf(b))
      .map(([field, value]) => [field, formatValue(entry.tableName, field, value, resolvers, after)] as const)
      .filter(([, text]) => text !== null)
      .map(([field, text]) => `${label(field)}：${text}`)
      .join('；');
  } else {
    lines = Object.keys({ ...before, ...after })
      .filter((field) => label(field) && field !== 'sortOrder')
      .sort((a, b) => auditFieldOrder.indexOf(a) - auditFieldOrder.indexOf(b))
      .map((field) => ({
        field,
        text: (
          <>
            <span style={{ color: '#868e96', textDecoration: 'line-through' }}>{formatValue(entry.tableName, field, before[field], resolvers, before) ?? auditText.otherSection}</span>
            {` ${auditText.arrow} `}
            <span style={{ fontWeight: 600 }}>{formatValue(entry.tableName, field, after[field], resolvers, after) ?? auditText.otherSection}</span>
          </>
        ),
      }));
  }

  if (!isCreate && !isDelete && lines.length === 0 && 'sortOrder' in after) summary = auditText.reordered;

  return (
    <Paper withBorder p="sm" radius="sm" data-testid="audit-entry">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap="xs" wrap="wrap">
          <Badge color={operationColor[entry.operation] ?? 'gray'} variant="light" radius="sm">
            {operation}
          </Badge>
          {showTable && table && (
            <Text size="sm" fw={600}>
              {table}
            </Text>
          )}
          {title && (
            <Text size="sm" c="dark.6" lineClamp={1} maw={420}>
              “{title}”
            </Text>
          )}
        </Group>
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {formatDateTime(entry.at)} · {entry.actor} · {auditPageText.seq(entry.seq)}
        </Text>
      </Group>
      {summary && (
        <Text size="sm" c="dark.5" mt={6} lineClamp={3}>
          {summary}
        </Text>
      )}
      {lines.length > 0 && (
        <Stack gap={2} mt={6}>
          {lines.map((line) => (
            <Text key={line.field} size="sm">
              <Text span c="dimmed" size="sm">
                {label(line.field)}：
              </Text>
              {line.text}
            </Text>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
