// Progress by section and by department: small tables with bars (from stats.campaignProgress).
import { Paper, ScrollArea, SimpleGrid, Table, Text, Group } from '@mantine/core';
import type { CampaignProgress, ProgressFigures } from '../../shared/model';
import { campaignText as t } from './text';

function Bar({ figures }: { figures: ProgressFigures }) {
  const signed = figures.total ? (figures.signedOff * 100) / figures.total : 0;
  const doneOnly = figures.total ? ((figures.done - figures.signedOff) * 100) / figures.total : 0;
  return (
    <div className="pt-bar">
      <div className="pt-track">
        <div className="pt-signed" style={{ width: `${signed}%` }} />
        <div className="pt-done" style={{ width: `${doneOnly}%` }} />
      </div>
      <span className="pt-text">{figures.percentDone}%</span>
    </div>
  );
}

function FiguresTable({
  title,
  rows,
  testId,
}: {
  title: string;
  rows: Array<{ key: string; label: React.ReactNode; figures: ProgressFigures }>;
  testId: string;
}) {
  return (
    <Paper withBorder radius="sm" p="sm" data-testid={testId}>
      <Group justify="space-between" mb={6}>
        <Text fw={600} size="sm">
          {title}
        </Text>
        <Group gap="md">
          <Group gap={4}>
            <span className="dot" style={{ background: '#2f9e44', borderRadius: 2 }} />
            <Text size="xs" c="dimmed">
              {t.legendSigned}
            </Text>
          </Group>
          <Group gap={4}>
            <span className="dot" style={{ background: '#74c0fc', borderRadius: 2 }} />
            <Text size="xs" c="dimmed">
              {t.legendDone}
            </Text>
          </Group>
        </Group>
      </Group>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed" py="md" ta="center">
          {t.noItemsYet}
        </Text>
      ) : (
        <ScrollArea.Autosize
          mah={210}
          type="auto"
          offsetScrollbars
          // A keyboard can scroll it too (focus, then the arrow keys); the region is named by its table.
          viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': title }}
        >
          <Table className="pt-table" highlightOnHover verticalSpacing={4} horizontalSpacing={8} fz="sm" stickyHeader>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.colName}</Table.Th>
                <Table.Th ta="right" w={52}>
                  {t.colTotal}
                </Table.Th>
                <Table.Th ta="right" w={52}>
                  {t.colDone}
                </Table.Th>
                <Table.Th ta="right" w={52}>
                  {t.colSigned}
                </Table.Th>
                <Table.Th ta="right" w={52}>
                  {t.colOverdue}
                </Table.Th>
                <Table.Th w={150}>{t.colPercent}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.key}>
                  <Table.Td className="pt-name">{row.label}</Table.Td>
                  <Table.Td ta="right" className="figure-value">
                    {row.figures.total}
                  </Table.Td>
                  <Table.Td ta="right" className="figure-value">
                    {row.figures.done}
                  </Table.Td>
                  <Table.Td ta="right" className="figure-value">
                    {row.figures.signedOff}
                  </Table.Td>
                  <Table.Td ta="right" className="figure-value" c={row.figures.overdue ? 'red.7' : undefined}>
                    {row.figures.overdue}
                  </Table.Td>
                  <Table.Td>
                    <Bar figures={row.figures} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
    </Paper>
  );
}

export function ProgressTables({ progress }: { progress: CampaignProgress }) {
  const sectionRows = progress.bySection.map((s) => ({
    key: s.sectionId ?? 'none',
    label: (
      <span
        style={{ paddingLeft: s.depth * 14, fontWeight: s.depth === 0 ? 600 : undefined }}
        title={`${s.number}${s.title}`}
      >
        {s.number}
        {s.title}
      </span>
    ),
    figures: s,
  }));
  const departmentRows = progress.byDepartment.map((d) => ({
    key: d.departmentId ?? 'none',
    label: d.name,
    figures: d,
  }));
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      <FiguresTable title={`${t.bySection}${t.progressTitle}`} rows={sectionRows} testId="progress-by-section" />
      <FiguresTable
        title={`${t.byDepartment}${t.progressTitle}`}
        rows={departmentRows}
        testId="progress-by-department"
      />
    </SimpleGrid>
  );
}
