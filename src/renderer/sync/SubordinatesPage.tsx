// 下级法院 (#/subordinates, for high and intermediate courts): each subordinate's last bundle,
// how old it is (yellow, then red), a missing sequence number, and how many items it holds.
import { Alert, Badge, Button, List, Paper, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconFileImport } from '@tabler/icons-react';
import { useRead } from '../api/queries';
import { PageHeader } from '../common/PageHeader';
import { commonText, courtLevelText } from '../common/text';
import { formatDateTime } from '../lib/dates';
import { navigate } from '../lib/router';
import { AGE_ALERT_DAYS, AGE_WARN_DAYS, ageColor, withoutAlertPrefix } from './syncRules';
import { subordinatesText as t } from './text';
import { RetryAlert } from '../common/RetryAlert';
import { EmptyState } from '../common/EmptyState';

export function SubordinatesPage() {
  const { data: courts, error, refetch } = useRead('sync.subordinates');

  const nameOf = (code: string) => courts?.find((court) => court.code === code)?.name || code;

  return (
    <Stack gap="md" maw={1280} data-testid="subordinates-page">
      <PageHeader title={t.title} subtitle={t.subtitle(AGE_WARN_DAYS, AGE_ALERT_DAYS)} />
      {error && <RetryAlert title={t.loadFailed} error={error.message} onRetry={() => void refetch()} />}
      {!courts && !error && <Skeleton h={200} />}
      {courts && courts.length === 0 && (
        <EmptyState title={t.emptyTitle} text={t.emptyText} testId="subordinates-empty">
          <Button leftSection={<IconFileImport size={16} />} onClick={() => navigate({ name: 'sync', tab: 'import' })}>
            {t.goImport}
          </Button>
        </EmptyState>
      )}
      {courts && courts.length > 0 && (
        <>
          {courts.some((court) => court.auditAlert) && (
            <Alert
              color="red"
              icon={<IconAlertTriangle size={18} />}
              title={t.auditAlertTitle(courts.filter((court) => court.auditAlert).length)}
              data-testid="subordinates-audit-alerts"
            >
              <Text size="sm">{t.auditAlertHint}</Text>
              <List size="sm" mt={6}>
                {courts
                  .filter((court) => court.auditAlert)
                  .map((court) => (
                    <List.Item key={court.code}>
                      {t.auditAlertLine(
                        `${court.name}（${court.code}）`,
                        withoutAlertPrefix(court.auditAlert!.message),
                        formatDateTime(court.auditAlert!.at),
                      )}
                    </List.Item>
                  ))}
              </List>
            </Alert>
          )}
          <Text size="sm" c="dimmed">
            {t.count(courts.length)}
          </Text>
          <Paper withBorder>
            <Table verticalSpacing="sm" highlightOnHover data-testid="subordinates-table">
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th w={90}>{t.code}</Table.Th>
                  <Table.Th>{t.name}</Table.Th>
                  <Table.Th w={120}>{t.level}</Table.Th>
                  <Table.Th w={220}>{t.route}</Table.Th>
                  <Table.Th w={110}>{t.lastSeq}</Table.Th>
                  <Table.Th w={140}>{t.lastBundleAt}</Table.Th>
                  <Table.Th w={90} ta="right">
                    {t.age}
                  </Table.Th>
                  <Table.Th w={170}>{t.gaps}</Table.Th>
                  <Table.Th w={80} ta="right">
                    {t.items}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {courts.map((court) => {
                  const color = ageColor(court.ageDays);
                  return (
                    <Table.Tr key={court.code} data-testid="subordinate-row" data-court={court.code}>
                      <Table.Td ff="monospace">{court.code}</Table.Td>
                      <Table.Td fw={500} style={{ whiteSpace: 'nowrap' }}>
                        {court.name}
                        {court.auditAlert && (
                          <div>
                            <Badge
                              mt={4}
                              color="red"
                              variant="light"
                              leftSection={<IconAlertTriangle size={12} />}
                              style={{ textTransform: 'none' }}
                              data-testid="subordinate-audit-badge"
                            >
                              {t.auditBadge}
                            </Badge>
                          </div>
                        )}
                      </Table.Td>
                      <Table.Td>{courtLevelText[court.level as keyof typeof courtLevelText] ?? court.level}</Table.Td>
                      <Table.Td>{court.via ? t.via(nameOf(court.via)) : t.direct}</Table.Td>
                      <Table.Td data-testid="subordinate-seq">
                        {court.lastSeq > 0 ? (
                          t.seq(court.lastSeq)
                        ) : (
                          <Text span size="sm" c="dimmed">
                            {t.never}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(court.lastBundleAt)}</Table.Td>
                      <Table.Td ta="right" data-testid="subordinate-age" data-color={color ?? 'none'}>
                        {court.ageDays === null ? (
                          <Text span size="sm" c="dimmed">
                            {commonText.none}
                          </Text>
                        ) : color ? (
                          <Badge color={color} variant="filled" autoContrast style={{ textTransform: 'none' }}>
                            {t.ageDays(court.ageDays)}
                          </Badge>
                        ) : (
                          t.ageDays(court.ageDays)
                        )}
                      </Table.Td>
                      <Table.Td data-testid="subordinate-gap">
                        {court.missingSeq !== null ? (
                          <Text size="sm" fw={600} c="red.8">
                            {t.missing(court.missingSeq)}
                          </Text>
                        ) : (
                          <Text span size="sm" c="dimmed">
                            {t.noGap}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td ta="right" data-testid="subordinate-items">
                        {court.itemCount}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Paper>
        </>
      )}
    </Stack>
  );
}
