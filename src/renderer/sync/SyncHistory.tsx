// 同步记录: every export, preview and import with when, which file, which court, counts and
// the result in colour (refusals with their code).
import { Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useRead } from '../api/queries';
import { formatDateTime } from '../lib/dates';
import { bundleKindText, directionText, resultColor, resultText, syncText as t } from './text';
import { ListStatus } from './ListStatus';

export function SyncHistory() {
  const { data: entries, error, refetch } = useRead('sync.history', { limit: 200 });

  return (
    <Stack gap="sm" data-testid="sync-history">
      <Group justify="flex-end">
        <Button size="xs" variant="default" leftSection={<IconRefresh size={14} />} onClick={() => void refetch()}>
          {t.reload}
        </Button>
      </Group>
      <ListStatus
        list={entries ?? null}
        error={error?.message ?? null}
        emptyText={t.historyEmpty}
        emptyTestId="sync-history-empty"
      />
      {entries && entries.length > 0 && (
        <Paper withBorder>
          <Table verticalSpacing={8} highlightOnHover striped data-testid="sync-history-table">
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th w={140}>{t.time}</Table.Th>
                <Table.Th w={90}>{t.direction}</Table.Th>
                <Table.Th>{t.fileName}</Table.Th>
                <Table.Th w={200}>{t.court}</Table.Th>
                <Table.Th w={80}>{t.seqLabel}</Table.Th>
                <Table.Th w={190}>{t.counts}</Table.Th>
                <Table.Th w={80}>{t.result}</Table.Th>
                <Table.Th>{t.message}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((entry) => (
                <Table.Tr
                  key={entry.id}
                  data-testid="history-row"
                  data-direction={entry.direction}
                  data-result={entry.result}
                >
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{directionText[entry.direction]}</Text>
                    {entry.kind && (
                      <Text size="xs" c="dimmed">
                        {bundleKindText[entry.kind]}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }} data-testid="history-file">
                    <Text size="sm">{entry.fileName || t.none}</Text>
                  </Table.Td>
                  <Table.Td data-testid="history-court">
                    {entry.courtCode ? t.courtWithCode(entry.courtName, entry.courtCode) : t.none}
                  </Table.Td>
                  <Table.Td data-testid="history-seq">{entry.seq !== null ? t.seq(entry.seq) : t.none}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{t.rowsFiles(entry.rows, entry.files)}</Text>
                    {entry.direction !== 'export' && (
                      <Text size="xs" c="dimmed">
                        {t.countsLine(entry.added, entry.updated, entry.unchanged)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge
                      color={resultColor[entry.result]}
                      variant="light"
                      style={{ textTransform: 'none' }}
                      data-testid="history-result"
                    >
                      {resultText[entry.result]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{entry.message}</Text>
                    {entry.actor && (
                      <Text size="xs" c="dimmed">
                        {t.actorLine(entry.actor)}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}
