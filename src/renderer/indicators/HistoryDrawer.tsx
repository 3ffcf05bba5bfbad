// An indicator's recorded values, newest period first, with attainment, the change against last
// year and the note; admins and reviewers of this court may delete a value (after confirming).
import { Badge, Drawer, Table, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { IndicatorRow } from '../../shared/model';
import { useWrite } from '../api/queries';
import { confirmAction } from '../common/confirm';
import { IconAction } from '../common/IconAction';
import { formatDateTime } from '../lib/dates';
import { notifyFailure, notifySuccess } from '../lib/notify';
import { formatChange, formatValue, periodLabel } from './periods';
import { attainmentColor, attainmentText, indicatorText as t } from './text';

export function HistoryDrawer({
  indicator,
  canDelete,
  onClose,
  onChanged,
}: {
  indicator: IndicatorRow | null;
  canDelete: boolean;
  onClose(): void;
  onChanged(row: IndicatorRow): void;
}) {
  const values = indicator ? [...indicator.values].sort((a, b) => (a.period < b.period ? 1 : -1)) : [];
  const deleteValue = useWrite('indicators.deleteValue');

  const remove = async (id: string, version: number, period: string) => {
    if (
      !(await confirmAction({
        message: t.deleteValueConfirm(periodLabel(period)),
        confirmLabel: t.delete,
        danger: true,
      }))
    )
      return;
    const result = await deleteValue.mutateAsync({ id, version });
    if (!result.ok) return notifyFailure(result);
    notifySuccess(t.valueDeleted);
    onChanged(result.value);
  };

  return (
    <Drawer
      opened={!!indicator}
      onClose={onClose}
      position="right"
      size="xl"
      title={indicator ? t.historyTitle(indicator.name) : ''}
      data-testid="indicator-history"
    >
      {indicator && values.length === 0 && <Text c="dimmed">{t.noHistory}</Text>}
      {indicator && values.length > 0 && (
        <Table striped withTableBorder verticalSpacing={6} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.colHistoryPeriod}</Table.Th>
              <Table.Th ta="right">{t.colHistoryValue}</Table.Th>
              <Table.Th>{t.colAttainment}</Table.Th>
              <Table.Th>{t.colYoY}</Table.Th>
              <Table.Th>{t.colHistoryNote}</Table.Th>
              <Table.Th>{t.colEnteredBy}</Table.Th>
              <Table.Th>{t.colUpdated}</Table.Th>
              {canDelete && <Table.Th w={40} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {values.map((v) => (
              <Table.Tr key={v.id} data-testid="history-row">
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{periodLabel(v.period)}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                  {formatValue(v.value, indicator.unit)}
                </Table.Td>
                <Table.Td>
                  {v.attainment ? (
                    <Badge size="sm" variant="light" color={attainmentColor[v.attainment]}>
                      {attainmentText[v.attainment]}
                    </Badge>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {v.changeFromLastYear !== null ? formatChange(v.changeFromLastYear, indicator.unit) : '—'}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {v.note || '—'}
                  </Text>
                  {v.evidenceName && (
                    <Text size="xs" c="dimmed">
                      {t.colHistoryEvidence}：{v.evidenceName}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }} data-testid="history-entered-by">
                  {v.enteredBy || '—'}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v.updatedAt)}</Table.Td>
                {canDelete && (
                  <Table.Td>
                    <IconAction
                      label={t.deleteValue}
                      variant="subtle"
                      color="red"
                      size="sm"
                      onClick={() => void remove(v.id, v.version, v.period)}
                    >
                      <IconTrash size={14} />
                    </IconAction>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Drawer>
  );
}
