// The 督办单 this court issued, and those courts below it issued to their own courts (seen in their
// reports up): 文号, 发文法院, 受文法院, 类型, 颜色 (in words), 督办要求 (one line, the whole in its
// title), 回复期限, 状态 (in words, plus 逾期), filtered by 状态 and 法院. A row opens the order's
// address (the order drawer shows it). Without `campaignId`: every campaign, with its title.
import { useMemo, useState } from 'react';
import { Anchor, Group, Paper, Select, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import type { OrderState, SupervisionOrder } from '../../shared/orders/ordersModel';
import { useRead } from '../api/queries';
import { RetryAlert } from '../common/RetryAlert';
import { formatDate } from '../lib/dates';
import { openRecord, routeHref, type Route } from '../lib/router';
import { ColourBadge, StateBadges } from './OrderBadges';
import { kindLabel, ordersText as t, stateLabel } from './text';

const STATES: OrderState[] = ['unsigned', 'signed', 'replied', 'returned', 'closed'];
const OVERDUE = 'overdue';

/** The order's address: its campaign's 督办通报 tab with the drawer open on it. */
export function orderRoute(order: Pick<SupervisionOrder, 'id' | 'campaignId'>): Route {
  return { name: 'campaign', id: order.campaignId, tab: 'orders', order: order.id };
}

export function IssuedOrdersPanel({
  campaignId,
  routeOf = orderRoute,
}: {
  /** Absent: every campaign (the #/orders page), with a 专项活动 column. */
  campaignId?: string;
  /** Where a row leads (the tab passes its own address plus ?order=). */
  routeOf?(order: SupervisionOrder): Route;
}) {
  const read = useRead('orders.list', campaignId ? { campaignId } : {});
  const [state, setState] = useState<string | null>(null);
  const [court, setCourt] = useState<string | null>(null);
  // Issued here, or issued by a court below to its own courts; the orders addressed to this court
  // are in 收到的督办单.
  const orders = useMemo(
    () => (read.data ?? []).filter((o) => o.relation === 'issued' || o.relation === 'subordinate'),
    [read.data],
  );
  const showOrigin = orders.some((o) => o.relation === 'subordinate');
  const courts = useMemo(() => {
    const names = new Map<string, string>();
    for (const o of orders) names.set(o.courtCode, o.courtName);
    return [...names]
      .map(([value, label]) => ({ value, label }))
      .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
  }, [orders]);
  const shown = orders.filter(
    (o) =>
      (state === null || (state === OVERDUE ? o.overdue : o.state === state)) &&
      (court === null || o.courtCode === court),
  );

  return (
    <Paper withBorder p="md" data-testid="issued-orders">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
          <div>
            <Title order={3} size="h4">
              {campaignId ? t.issuedTitle : t.ordersAllTitle}
            </Title>
            <Text size="xs" c="dimmed" mt={2}>
              {t.issuedIntro}
            </Text>
          </div>
          <Group gap="sm">
            <Select
              w={200}
              size="sm"
              label={t.filterState}
              placeholder={t.filterAllStates}
              data={[
                ...STATES.map((value) => ({ value, label: stateLabel[value] })),
                { value: OVERDUE, label: t.filterOverdue },
              ]}
              value={state}
              onChange={setState}
              clearable
              data-testid="issued-filter-state"
            />
            <Select
              w={220}
              size="sm"
              label={t.filterCourt}
              placeholder={t.filterAllCourts}
              data={courts}
              value={court}
              onChange={setCourt}
              clearable
              searchable
              nothingFoundMessage={t.courtsNothing}
              data-testid="issued-filter-court"
            />
          </Group>
        </Group>
        {read.error && !read.data && (
          <RetryAlert title={t.issuedLoadFailed} error={read.error.message} onRetry={() => void read.refetch()} />
        )}
        {!read.data && !read.error && <Skeleton h={120} />}
        {read.data && shown.length === 0 && (
          <Text size="sm" c="dimmed" ta="center" py="md" data-testid="issued-empty">
            {orders.length === 0 ? t.issuedEmpty : t.issuedFilteredEmpty}
          </Text>
        )}
        {shown.length > 0 && (
          <Table.ScrollContainer minWidth={900} type="native">
            <Table
              highlightOnHover
              verticalSpacing={6}
              fz="sm"
              data-testid="issued-table"
              style={{ tableLayout: 'fixed' }}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={170}>{t.col.docNumber}</Table.Th>
                  {!campaignId && <Table.Th w={160}>{t.col.campaign}</Table.Th>}
                  {showOrigin && <Table.Th w={150}>{t.col.origin}</Table.Th>}
                  <Table.Th w={190}>{t.col.court}</Table.Th>
                  <Table.Th w={56}>{t.col.kind}</Table.Th>
                  <Table.Th w={140}>{t.col.colour}</Table.Th>
                  <Table.Th>{t.col.requirement}</Table.Th>
                  <Table.Th w={104}>{t.col.replyDue}</Table.Th>
                  <Table.Th w={180}>{t.col.state}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((o) => {
                  const route = routeOf(o);
                  const open = () => openRecord(route);
                  return (
                    <Table.Tr
                      key={o.id}
                      onClick={(event) => {
                        if ((event.target as HTMLElement).closest('a, button, input')) return;
                        open();
                      }}
                      style={{ cursor: 'pointer' }}
                      data-testid="issued-row"
                      data-id={o.id}
                      data-court={o.courtCode}
                      data-doc={o.docNumber}
                    >
                      <Table.Td>
                        <Anchor
                          href={routeHref(route)}
                          size="sm"
                          aria-label={t.rowLabel(o)}
                          onClick={(event) => {
                            if (event.ctrlKey || event.metaKey || event.shiftKey) return;
                            event.preventDefault();
                            open();
                          }}
                          data-testid="issued-link"
                        >
                          {o.docNumber}
                        </Anchor>
                      </Table.Td>
                      {!campaignId && (
                        <Table.Td>
                          <Text size="sm" truncate title={o.campaignTitle}>
                            {o.campaignTitle}
                          </Text>
                        </Table.Td>
                      )}
                      {showOrigin && (
                        <Table.Td>
                          <Text size="sm" truncate title={o.originName}>
                            {o.originName}
                          </Text>
                        </Table.Td>
                      )}
                      <Table.Td>
                        <Text size="sm" truncate title={o.courtName} data-testid="issued-court">
                          {o.courtName}
                        </Text>
                      </Table.Td>
                      <Table.Td>{kindLabel[o.kind]}</Table.Td>
                      <Table.Td>
                        <ColourBadge order={o} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" truncate title={o.requirement}>
                          {o.requirement}
                        </Text>
                      </Table.Td>
                      <Table.Td className="figure-value">{formatDate(o.replyDue)}</Table.Td>
                      <Table.Td>
                        <StateBadges order={o} />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
