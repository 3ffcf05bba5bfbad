// Campaign-wide hints for the reviewer: catalogue problems nobody has claimed, and people or
// departments that have not filed (no report, or one not yet submitted).
import { Badge, Group, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import type { EvasionChecks } from '../../shared/model';
import { inspectionText as t, notFiledStatusText, scopeText } from './text';

export function UnclaimedPanel({ checks, maxHeight }: { checks: EvasionChecks; maxHeight?: number }) {
  const list = checks.unclaimedProblems;
  return (
    <Paper withBorder radius="sm" data-testid="unclaimed-panel">
      <PanelHeading title={t.unclaimedTitle} hint={t.unclaimedHint} count={list.length} />
      {list.length === 0 ? (
        <Text size="sm" c="dimmed" px="md" py="sm">
          {t.unclaimedNone}
        </Text>
      ) : (
        <ScrollArea.Autosize mah={maxHeight ?? 320} type="auto">
          <Stack gap={0}>
            {list.map((problem) => (
              <Group
                key={problem.problemId}
                gap={8}
                wrap="nowrap"
                align="flex-start"
                px="md"
                py={6}
                style={{ borderTop: '1px solid #eef1f4' }}
                data-testid="unclaimed-problem"
              >
                <Text size="sm" c="dimmed" w={26} ta="right" style={{ flex: 'none' }}>
                  {problem.number}.
                </Text>
                <div style={{ minWidth: 0 }}>
                  <Text size="sm">{problem.title}</Text>
                  <Text size="xs" c="dimmed">
                    {problem.aspectTitle}
                  </Text>
                </div>
              </Group>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      )}
    </Paper>
  );
}

export function NotFiledPanel({ checks, maxHeight }: { checks: EvasionChecks; maxHeight?: number }) {
  const list = checks.notFiled;
  return (
    <Paper withBorder radius="sm" data-testid="not-filed-panel">
      <PanelHeading title={t.notFiledTitle} hint={t.notFiledHint} count={list.length} />
      {list.length === 0 ? (
        <Text size="sm" c="dimmed" px="md" py="sm">
          {t.notFiledNone}
        </Text>
      ) : (
        <ScrollArea.Autosize mah={maxHeight ?? 320} type="auto">
          <Stack gap={0}>
            {list.map((entry) => (
              <Group
                key={`${entry.scope}-${entry.id}`}
                justify="space-between"
                wrap="nowrap"
                px="md"
                py={6}
                style={{ borderTop: '1px solid #eef1f4' }}
                data-testid="not-filed"
              >
                <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
                  <Badge size="xs" variant="outline" color="gray" radius="sm" style={{ flex: 'none' }}>
                    {scopeText[entry.scope]}
                  </Badge>
                  <Text size="sm" truncate>
                    {entry.name}
                  </Text>
                  {entry.scope === 'person' && entry.departmentName && (
                    <Text size="xs" c="dimmed" truncate>
                      {entry.departmentName}
                    </Text>
                  )}
                </Group>
                <Text size="xs" c={entry.status === 'none' ? 'red.7' : 'orange.8'} style={{ flex: 'none' }}>
                  {notFiledStatusText[entry.status]}
                </Text>
              </Group>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      )}
    </Paper>
  );
}

function PanelHeading({ title, hint, count }: { title: string; hint: string; count: number }) {
  return (
    <div style={{ padding: '8px 16px', background: '#eef2f7', borderBottom: '1px solid #d5dce5' }}>
      <Group justify="space-between" wrap="nowrap">
        <Text fw={600} size="sm">
          {title}
        </Text>
        <Badge color={count ? 'orange' : 'teal'} variant="light" radius="sm">
          {count}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
    </div>
  );
}
