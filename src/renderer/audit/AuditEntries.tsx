// Renders audit entries for people: time, person, operation in Chinese, and the changed fields
// with Chinese labels, before → after; log-ins, password changes and refused calls as one sentence.
import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { AuditEntry, EscalationTarget, Role } from '../../shared/model';
import {
  apiActionText,
  apiAreaText,
  auditEventOperations,
  auditEventText,
  auditFieldOrder,
  auditFieldOrderByTable,
  auditFieldText,
  auditFieldTextByTable,
  auditOperationText,
  auditCodeText,
  auditTableText,
  auditText,
  hiddenAuditFields,
} from '../common/auditText';
import { roleOrder, roleText } from '../auth/text';
import { escalationTargetText } from '../campaign/text';
import { commonText } from '../common/text';
import { formatDateTime } from '../lib/dates';
import { formatSize } from '../lib/format';
import { evidenceTypeText, mimeTypeText } from '../common/fileTypes';
import { auditPageText } from './text';

export interface AuditResolvers {
  department(id: string): string | undefined;
  section?(id: string): string | undefined;
  person?(id: string): string | undefined;
  /** An account's name, e.g. 王书记员（admin）, where the reader may see the accounts. */
  user?(id: string): string | undefined;
}

const operationColor: Record<string, string> = {
  create: 'court',
  delete: 'red',
  'sign-off': 'teal',
  'send-back': 'orange',
  reopen: 'grape',
  complete: 'blue',
  denied: 'red',
  lock: 'orange',
  'login-failed': 'orange',
  'reset-password': 'orange',
  'change-password': 'court',
  login: 'gray',
  logout: 'gray',
};

const isYes = (value: unknown) => value === true || value === 1;

/** The value as a person reads it; null when it cannot be named here (e.g. another campaign's section). */
function formatValue(
  table: string,
  field: string,
  value: unknown,
  resolvers: AuditResolvers,
  _row: Record<string, unknown> = {},
): string | null {
  if (value === null || value === undefined || value === '')
    return field === 'lockedUntil' ? auditText.notLocked : auditText.empty;
  const text = String(value);
  switch (field) {
    case 'mimeType':
      return mimeTypeText(text);
    case 'detectedType':
      return evidenceTypeText(text);
    case 'completedLate':
    case 'disabled':
    case 'mustChangePassword':
      return isYes(value) ? commonText.yes : commonText.no;
    case 'roles':
      return (
        roleOrder
          .filter((role) => text.split(',').includes(role))
          .map((role: Role) => roleText[role])
          .join(auditText.roleSeparator) || auditText.otherValue
      );
    case 'personId':
      return resolvers.person?.(text) ?? auditText.deletedPerson;
    case 'escalateGreen':
    case 'escalateYellow':
    case 'escalateRed':
      return escalationTargetText[text as EscalationTarget] ?? auditText.otherValue;
    case 'lookbackMonths':
      return auditText.months(text);
    case 'lockedUntil':
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
      return auditCodeText(table, field, text) ?? (text.length > 160 ? `${text.slice(0, 160)}…` : text);
  }
}

function label(field: string, table: string): string | null {
  if (hiddenAuditFields.has(field)) return null;
  return auditFieldTextByTable[table]?.[field] ?? auditFieldText[field] ?? null;
}

/** A field's place when a record's fields are listed. */
function fieldRank(field: string, table: string): number {
  const order = auditFieldOrderByTable[table] ?? auditFieldOrder;
  const at = order.indexOf(field);
  return at === -1 ? order.length + auditFieldOrder.indexOf(field) : at;
}

/** users.resetPassword → 用户账户 · 重置密码; a name not known here never shows as it is. */
function apiOperationText(name: string): string {
  const [area, action] = name.split('.');
  const areaText = apiAreaText[area];
  const actionText = apiActionText[action];
  if (areaText && actionText) return `${areaText} · ${actionText}`;
  return areaText ?? auditText.someOperation;
}

/** Account and refusal events: one or two plain sentences instead of a field list. */
function eventLines(entry: AuditEntry): string[] {
  const after = (entry.after ?? {}) as Record<string, unknown>;
  switch (entry.operation) {
    case 'login-failed':
      return [auditEventText.loginFailed(Number(after.failedAttempts) || 1)];
    case 'lock':
      return [auditEventText.lock(Number(after.failedAttempts) || 5)];
    case 'change-password':
      return [auditEventText.changePassword];
    case 'reset-password':
      return [auditEventText.resetPassword];
    case 'denied':
      return [
        auditEventText.deniedTried(apiOperationText(String(after.operation ?? entry.rowId))),
        ...(after.message ? [auditEventText.deniedReason(String(after.message))] : []),
      ];
    default:
      return [];
  }
}

function rowTitle(entry: AuditEntry): string {
  const pick = (value: unknown) => {
    if (!value || typeof value !== 'object') return '';
    const v = value as Record<string, unknown>;
    return String(
      v.title ??
        v.name ??
        v.displayName ??
        v.originalName ??
        (typeof v.text === 'string' ? v.text.slice(0, 40) : '') ??
        '',
    );
  };
  return pick(entry.after) || pick(entry.before);
}

export function AuditEntryView({
  entry,
  resolvers,
  showTable = true,
  knownTitle,
}: {
  entry: AuditEntry;
  resolvers: AuditResolvers;
  showTable?: boolean;
  knownTitle?: string;
}) {
  const operation = auditOperationText[entry.operation] ?? auditText.unknownOperation;
  const table = auditTableText[entry.tableName] ?? '';
  const after = (entry.after ?? {}) as Record<string, unknown>;
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const isEvent = auditEventOperations.has(entry.operation);
  const isCreate = !isEvent && entry.before === null;
  const isDelete = !isEvent && !isCreate && (entry.operation === 'delete' || after.deletedAt != null);
  const accountName = entry.tableName === 'users' ? resolvers.user?.(entry.rowId) : undefined;
  // Whose account an administrator changed; a person's own log-in already names them as actor.
  const title =
    isEvent && entry.operation !== 'reset-password' ? '' : accountName || rowTitle(entry) || knownTitle || '';
  const events = isEvent ? eventLines(entry) : [];

  let lines: Array<{ field: string; text: React.ReactNode }> = [];
  let summary = '';
  if (isEvent) {
    lines = [];
  } else if (isDelete) {
    lines = [];
  } else if (isCreate) {
    const titleFields = new Set(['title', 'name', 'displayName', 'originalName', 'text']);
    summary = Object.entries(after)
      .filter(
        ([field, value]) =>
          label(field, entry.tableName) &&
          value !== null &&
          value !== '' &&
          field !== 'sortOrder' &&
          !titleFields.has(field) &&
          !(field === 'completedLate' && !value) &&
          !(field === 'percent' && value === 0),
      )
      .sort(([a], [b]) => fieldRank(a, entry.tableName) - fieldRank(b, entry.tableName))
      .map(([field, value]) => [field, formatValue(entry.tableName, field, value, resolvers, after)] as const)
      .filter(([, text]) => text !== null)
      .map(([field, text]) => `${label(field, entry.tableName)}：${text}`)
      .join('；');
  } else {
    lines = Object.keys({ ...before, ...after })
      .filter((field) => label(field, entry.tableName) && field !== 'sortOrder')
      .sort((a, b) => fieldRank(a, entry.tableName) - fieldRank(b, entry.tableName))
      .map((field) => ({
        field,
        text: (
          <>
            <span style={{ color: 'var(--mantine-color-dimmed)', textDecoration: 'line-through' }}>
              {formatValue(entry.tableName, field, before[field], resolvers, before) ?? auditText.otherSection}
            </span>
            {` ${auditText.arrow} `}
            <span style={{ fontWeight: 600 }}>
              {formatValue(entry.tableName, field, after[field], resolvers, after) ?? auditText.otherSection}
            </span>
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
      {events.length > 0 && (
        <Stack gap={0} mt={6} data-testid="audit-event">
          {events.map((line) => (
            <Text key={line} size="sm" c="dark.5">
              {line}
            </Text>
          ))}
        </Stack>
      )}
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
                {label(line.field, entry.tableName)}：
              </Text>
              {line.text}
            </Text>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
