// The item's 销号与延期记录, newest first: every 销号 / 退回 / 重新打开 decision, a reopen showing
// the item as it was signed off (kept by the main process in the sign-off row), and every 延期
// with the old and new deadline and the reason. Mounted in the 基本信息 tab under the form; the
// drawer's 销号记录 tab can show it too.
import { Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import type { DeadlineChange, ItemDetail, Signoff } from '../../shared/model';
import { decisionText } from '../common/text';
import { formatDate, formatDateTime } from '../lib/dates';
import { itemText as t } from './text';

const decisionColor = { approved: 'teal', returned: 'orange', reopened: 'grape' } as const;

type Entry = { at: string; signoff: Signoff } | { at: string; change: DeadlineChange };

export function hasItemHistory(item: ItemDetail): boolean {
  return item.signoffs.length > 0 || item.deadlineChanges.length > 0;
}

export function ItemHistory({ item, heading = true }: { item: ItemDetail; heading?: boolean }) {
  const entries: Entry[] = [
    ...item.signoffs.map((signoff) => ({ at: signoff.decidedAt, signoff })),
    ...item.deadlineChanges.map((change) => ({ at: change.decidedAt, change })),
  ].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Stack gap="xs" data-testid="item-history" aria-label={t.history} role="region">
      {heading && (
        <Title order={4} size="h5">
          {t.history}
        </Title>
      )}
      {entries.length === 0 && (
        <Text size="sm" c="dimmed">
          {t.historyNone}
        </Text>
      )}
      {entries.map((entry) =>
        'signoff' in entry ? (
          <SignoffEntry key={entry.signoff.id} signoff={entry.signoff} />
        ) : (
          <ChangeEntry key={entry.change.id} change={entry.change} />
        ),
      )}
    </Stack>
  );
}

function SignoffEntry({ signoff }: { signoff: Signoff }) {
  const snap = signoff.snapshot;
  return (
    <Card withBorder padding="sm" radius="sm" data-testid="history-signoff" data-decision={signoff.decision}>
      <Group gap="xs" wrap="wrap">
        <Badge color={decisionColor[signoff.decision]} variant="light" radius="sm">
          {decisionText[signoff.decision]}
        </Badge>
        <Text size="sm">
          {formatDateTime(signoff.decidedAt)} · {signoff.reviewer}
        </Text>
      </Group>
      {signoff.opinion && (
        <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
          {signoff.decision === 'approved' ? '' : `${t.historyReason}：`}
          {signoff.opinion}
        </Text>
      )}
      {snap && (
        <Stack gap={2} mt="xs" p="xs" bg="gray.0" style={{ borderRadius: 4 }} data-testid="history-snapshot">
          <Text size="sm" fw={600}>
            {t.historySnapshot}
          </Text>
          <Text size="sm" data-testid="history-snapshot-title">
            {t.title}：{snap.title}
          </Text>
          {snap.content && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {t.content}：{snap.content}
            </Text>
          )}
          <Text size="sm">
            {t.deadline}：{snap.deadline ? formatDate(snap.deadline) : t.noDeadline} · {t.percent}：{snap.percent}% ·{' '}
            {t.department}：{snap.departmentName || t.noDeadline} · {t.owner}：{snap.owner || t.noDeadline}
          </Text>
          {snap.completedAt && (
            <Text size="sm">{t.historyCompleted(formatDateTime(snap.completedAt), snap.completedByName)}</Text>
          )}
          {snap.signedOffAt && (
            <Text size="sm">{t.historySignedOff(formatDateTime(snap.signedOffAt), snap.signedOffBy)}</Text>
          )}
          <Text size="sm">
            {t.historyEvidence}：{snap.evidenceNames.length === 0 && t.historyNoEvidence}
          </Text>
          {snap.evidenceNames.length > 0 && (
            <List size="sm" spacing={0} withPadding>
              {snap.evidenceNames.map((name, index) => (
                <List.Item key={`${name}-${index}`}>{name}</List.Item>
              ))}
            </List>
          )}
        </Stack>
      )}
    </Card>
  );
}

function ChangeEntry({ change }: { change: DeadlineChange }) {
  return (
    <Card withBorder padding="sm" radius="sm" data-testid="history-deadline-change">
      <Group gap="xs" wrap="wrap">
        <Badge color="blue" variant="light" radius="sm">
          {t.extend}
        </Badge>
        <Text size="sm">{t.historyExtendedBy(formatDateTime(change.decidedAt), change.decidedBy)}</Text>
      </Group>
      <Text size="sm" mt={4}>
        {t.historyDeadline(
          change.fromDeadline ? formatDate(change.fromDeadline) : t.noDeadline,
          change.toDeadline ? formatDate(change.toDeadline) : t.noDeadline,
        )}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {t.historyReason}：{change.reason}
      </Text>
    </Card>
  );
}
