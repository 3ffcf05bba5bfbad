// 导入模板: a checklist template (XLSX) into this court's checklist of the campaign. Step 1 picks
// the file; step 2 previews it (nothing is written): the sheet, which column holds which field
// (guessed from the header, changeable; each change previews again), every row with ✓ or its
// problems in red, the counts and the sections that would be created. 确认导入 writes the good
// rows in one go; with problem rows the clerk must tick 跳过有问题的行 first.
import { useState } from 'react';
import {
  Alert,
  Button,
  Group,
  Modal,
  Paper,
  ScrollArea,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { templateFields } from '../../shared/api';
import type { TemplateField, TemplateImport } from '../../shared/model';
import { send } from '../api/client';
import { useWrite } from '../api/queries';
import { itemKindText } from '../common/text';
import { notifySuccess } from '../lib/notify';
import { importText as t, templateFieldText } from './text';
import { columnLetter } from '../../shared/columnLetters';
import { ChooseWorkbook, FirstRowsNote, ImportFooter, PreviewRow, SHOWN_ROWS, useImportSteps } from './ImportSteps';
import type { Workbook } from './WorkbookDrop';

const NOT_MAPPED = 'none';
/** The mapping selects in the order a template's columns usually run. */
const FIELD_ORDER: TemplateField[] = [
  'title',
  'content',
  'leadLeader',
  'department',
  'owner',
  'deadline',
  'kind',
  'section',
];

export function TemplateImportModal({
  opened,
  campaignId,
  onClose,
  onImported,
}: {
  opened: boolean;
  campaignId: string;
  onClose(): void;
  onImported(): void;
}) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t.templateTitle}
      size="min(1320px, 96vw)"
      data-testid="template-import-modal"
    >
      {opened && <TemplateImport campaignId={campaignId} onClose={onClose} onImported={onImported} />}
    </Modal>
  );
}

function TemplateImport({
  campaignId,
  onClose,
  onImported,
}: {
  campaignId: string;
  onClose(): void;
  onImported(): void;
}) {
  const { file, preview, previewing, error, setError, skipInvalid, setSkipInvalid, showPreview, reset } =
    useImportSteps<TemplateImport>();
  const [onlyBad, setOnlyBad] = useState(false);
  const importItems = useWrite('items.importTemplate');
  const busy = previewing || importItems.isPending;

  // A refused preview keeps what was shown (a bad sheet choice); a file that cannot be read stays at step 1.
  // A preview writes nothing: a direct send (why, in useImportSteps).
  const runPreview = (workbook: Workbook, options: { sheet?: string; mapping?: TemplateImport['mapping'] } = {}) =>
    showPreview(workbook, () => send('items.importTemplate', { campaignId, ...workbook, ...options }));

  const confirm = async () => {
    if (!file || !preview) return;
    setError(null);
    const result = await importItems.mutateAsync({
      campaignId,
      ...file,
      sheet: preview.sheet,
      mapping: preview.mapping,
      confirm: true,
      skipInvalid,
    });
    if (!result.ok) return setError(result.message);
    const written = result.value.written!;
    notifySuccess(t.templateDone(written.items, written.sections));
    onImported();
  };

  if (!file || !preview) {
    return (
      <ChooseWorkbook
        hint={t.templateHint}
        error={error}
        busy={busy}
        onFile={(workbook) => void runPreview(workbook)}
        onClose={onClose}
      />
    );
  }

  const columnOptions = [
    { value: NOT_MAPPED, label: t.notMapped },
    ...preview.columns.map((c) => ({ value: String(c.index), label: t.columnOption(columnLetter(c.index), c.header) })),
  ];
  const setField = (field: TemplateField, value: string | null) => {
    const index = value === null || value === NOT_MAPPED ? null : Number(value);
    void runPreview(file, { sheet: preview.sheet, mapping: { ...preview.mapping, [field]: index } });
  };
  const rows = onlyBad ? preview.rows.filter((row) => row.errors.length > 0) : preview.rows;
  const shown = rows.slice(0, SHOWN_ROWS);

  return (
    <Stack gap="sm" data-testid="template-import-preview">
      <Group gap="md" align="flex-end" wrap="nowrap">
        <Text size="sm" style={{ minWidth: 0 }} truncate>
          {t.file}：<b>{preview.fileName}</b>
        </Text>
        {preview.sheets.length > 1 && (
          <Select
            label={t.sheet}
            w={200}
            data={preview.sheets}
            value={preview.sheet}
            allowDeselect={false}
            onChange={(sheet) => sheet && void runPreview(file, { sheet })}
            data-testid="import-sheet"
          />
        )}
        <Text size="sm" c="dimmed">
          {t.headerRow(preview.headerRow)}
        </Text>
        <Button variant="subtle" size="xs" ml="auto" onClick={reset}>
          {t.chooseOther}
        </Button>
      </Group>

      <Paper withBorder p="sm" bg="gray.0">
        <Text size="sm" fw={600}>
          {t.mappingTitle}
          <Text span size="xs" c="dimmed" fw={400} ml={8}>
            {t.mappingHint}
          </Text>
        </Text>
        <SimpleGrid cols={4} spacing="xs" verticalSpacing={6} mt={6}>
          {FIELD_ORDER.filter((field) => templateFields.includes(field)).map((field) => (
            <Select
              key={field}
              size="xs"
              label={templateFieldText[field]}
              data={columnOptions}
              value={
                preview.mapping[field] === null || preview.mapping[field] === undefined
                  ? NOT_MAPPED
                  : String(preview.mapping[field])
              }
              allowDeselect={false}
              disabled={busy}
              onChange={(value) => setField(field, value)}
              data-testid={`mapping-${field}`}
              comboboxProps={{ withinPortal: true }}
            />
          ))}
        </SimpleGrid>
      </Paper>

      {error && (
        <Alert color="red" data-testid="import-error">
          {error}
        </Alert>
      )}

      <Group justify="space-between" gap="sm">
        <Group gap="sm">
          <Text size="sm" fw={600} data-testid="import-counts">
            {t.counts(preview.goodRows, preview.badRows)}
          </Text>
          <Text size="sm" c="dimmed" data-testid="import-new-sections">
            {preview.newSections.length > 0 ? t.newSections(preview.newSections) : t.noNewSections}
          </Text>
        </Group>
        {preview.badRows > 0 && (
          <SegmentedControl
            size="xs"
            value={onlyBad ? 'bad' : 'all'}
            onChange={(v) => setOnlyBad(v === 'bad')}
            data={[
              { value: 'all', label: t.all },
              { value: 'bad', label: t.onlyBad },
            ]}
          />
        )}
      </Group>

      <ScrollArea.Autosize mah="calc(100vh - 470px)" mih={200} type="auto" offsetScrollbars>
        <Table
          withTableBorder
          withColumnBorders
          striped
          stickyHeader
          verticalSpacing={6}
          fz="sm"
          data-testid="import-preview-table"
        >
          <Table.Thead bg="gray.1">
            <Table.Tr>
              <Table.Th w={52} ta="center">
                {t.colRow}
              </Table.Th>
              <Table.Th w={120}>{t.colSection}</Table.Th>
              <Table.Th miw={220}>{t.colTitle}</Table.Th>
              <Table.Th w={96}>{t.colLeader}</Table.Th>
              <Table.Th w={120}>{t.colDepartment}</Table.Th>
              <Table.Th w={80}>{t.colOwner}</Table.Th>
              <Table.Th w={104}>{t.colDeadline}</Table.Th>
              <Table.Th w={80}>{t.colKind}</Table.Th>
              <Table.Th w={280}>{t.colCheck}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((row) => (
              <PreviewRow key={row.rowNumber} rowNumber={row.rowNumber} errors={row.errors}>
                <Table.Td>{row.section}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {row.title}
                  </Text>
                  {row.content && (
                    <Text size="xs" c="dimmed" lineClamp={2} style={{ whiteSpace: 'pre-line' }}>
                      {row.content}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{row.leadLeader}</Table.Td>
                <Table.Td>{row.department}</Table.Td>
                <Table.Td>{row.owner}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {row.deadline ?? (
                    <Text span size="sm" c="dimmed">
                      {t.noDeadline}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{itemKindText[row.kind]}</Table.Td>
              </PreviewRow>
            ))}
            {shown.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={9} ta="center" c="dimmed">
                  {onlyBad ? t.noBadRows : t.noRows}
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      <FirstRowsNote total={rows.length} />

      <ImportFooter
        goodRows={preview.goodRows}
        badRows={preview.badRows}
        skipInvalid={skipInvalid}
        onSkipInvalid={setSkipInvalid}
        busy={busy}
        onClose={onClose}
        onConfirm={() => void confirm()}
      />
    </Stack>
  );
}
