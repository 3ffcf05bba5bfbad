// The 督办台账 as a table: one row per court, under its jurisdiction's subtotal row, the total last.
// Every figure is a number in words' place (never a colour alone); a non-zero 逾期未回复 is also bold.
import { Fragment } from 'react';
import { Skeleton, Table, Text } from '@mantine/core';
import type { OrderLedger, OrderLedgerRow } from '../../shared/orders/ordersModel';
import { useRead } from '../api/queries';
import { RetryAlert } from '../common/RetryAlert';
import { ordersText as t } from './text';

/** The ledger of one campaign (or of every campaign): loading, failure, empty, then the table. */
export function OrdersLedgerView({ campaignId, testId }: { campaignId?: string; testId?: string }) {
  const ledgerRead = useRead('orders.ledger', campaignId ? { campaignId } : {});
  const ledger = ledgerRead.data ?? null;
  if (ledgerRead.error && !ledger)
    return (
      <RetryAlert
        title={t.ledgerLoadFailed}
        error={ledgerRead.error.message}
        onRetry={() => void ledgerRead.refetch()}
      />
    );
  if (!ledger) return <Skeleton h={120} />;
  if (ledger.rows.length === 0)
    return (
      <Text size="sm" c="dimmed" ta="center" py="sm" data-testid="orders-ledger-empty">
        {t.ledgerEmpty}
      </Text>
    );
  return <OrdersLedgerTable ledger={ledger} testId={testId} />;
}

const FIGURES = [
  'issued',
  'signed',
  'repliedOnTime',
  'repliedLate',
  'overdue',
  'closed',
  'returned',
  'criticisms',
] as const;
type Figure = (typeof FIGURES)[number];

function Figures({ row }: { row: OrderLedgerRow }) {
  return (
    <>
      {FIGURES.map((key: Figure) => (
        <Table.Td
          key={key}
          ta="right"
          className="figure-value"
          data-figure={key}
          fw={key === 'overdue' && row.overdue > 0 ? 700 : undefined}
          c={key === 'overdue' && row.overdue > 0 ? 'red.8' : undefined}
        >
          {row[key]}
        </Table.Td>
      ))}
    </>
  );
}

function groupLabel(group: OrderLedgerRow): string {
  if (group.code === '*') return t.total;
  if (group.code === '') return t.directGroup;
  return t.jurisdiction(group.name);
}

export function OrdersLedgerTable({ ledger, testId = 'orders-ledger' }: { ledger: OrderLedger; testId?: string }) {
  const groups = ledger.groups.filter((g) => g.code !== '*');
  const total = ledger.groups.find((g) => g.code === '*') ?? null;
  const grouped = new Set(groups.map((g) => g.code));
  const loose = ledger.rows.filter((row) => !grouped.has(row.jurisdiction));
  // One jurisdiction only (an intermediate court's own ledger): its subtotal would repeat the total.
  const showGroups = groups.length > 1 || (groups.length === 1 && loose.length > 0);
  return (
    <Table.ScrollContainer minWidth={760} type="native">
      <Table
        withTableBorder
        withColumnBorders
        verticalSpacing={4}
        fz="sm"
        data-testid={testId}
        aria-label={t.ledgerTitle}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t.columns.court}</Table.Th>
            {FIGURES.map((key) => (
              <Table.Th key={key} ta="right" title={t.columnHints[key]} w={96} style={{ whiteSpace: 'nowrap' }}>
                {t.columns[key]}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(showGroups ? groups : []).map((group) => (
            <Fragment key={`g:${group.code}`}>
              <Table.Tr bg="blue.0" data-testid={`${testId}-group`} data-group={group.code}>
                <Table.Th scope="row">{groupLabel(group)}</Table.Th>
                <Figures row={group} />
              </Table.Tr>
              {ledger.rows
                .filter((row) => row.jurisdiction === group.code)
                .map((row) => (
                  <Table.Tr key={row.code} data-testid={`${testId}-row`} data-court={row.code}>
                    <Table.Td pl="lg">
                      <Text size="sm" lineClamp={1} title={row.name}>
                        {row.name}
                      </Text>
                    </Table.Td>
                    <Figures row={row} />
                  </Table.Tr>
                ))}
            </Fragment>
          ))}
          {(showGroups ? loose : ledger.rows).map((row) => (
            <Table.Tr key={row.code} data-testid={`${testId}-row`} data-court={row.code}>
              <Table.Td>
                <Text size="sm" lineClamp={1} title={row.name}>
                  {row.name}
                </Text>
              </Table.Td>
              <Figures row={row} />
            </Table.Tr>
          ))}
          {total && (
            <Table.Tr bg="gray.1" data-testid={`${testId}-total`} data-group="*">
              <Table.Th scope="row">{t.total}</Table.Th>
              <Figures row={total} />
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
