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
import { NEW_DEPARTMENT, templateFields } from '../../shared/api';
import type { TemplateField, TemplateImport } from '../../shared/model';
import { send } from '../api/client';
import { useWrite } from '../api/queries';
import { useApp } from '../AppContext';
import { frequencyText, itemKindText } from '../common/text';
import { notifySuccess } from '../lib/notify';
import { importText as t, templateFieldText } from './text';
import { columnLetter } from '../../shared/columnLetters';
import { ChooseWorkbook, FirstRowsNote, ImportFooter, PreviewRow, SHOWN_ROWS, useImportSteps } from './ImportSteps';
import type { Workbook } from './WorkbookDrop';

const NOT_MAPPED = 'none';
/** How the main process splits "立案庭、审管办" (src/main/checklist/templateImport.ts). */
const DEPARTMENT_SPLIT = /[、，,；;/／\s]+/;
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
  const { departments, can } = useApp();
  const { file, preview, previewing, error, setError, skipInvalid, setSkipInvalid, showPreview, reset } =
    useImportSteps<TemplateImport>();
  const [onlyBad, setOnlyBad] = useState(false);
  const importItems = useWrite('items.importTemplate');
  const busy = previewing || importItems.isPending;

  // A refused preview keeps what was shown (a bad sheet choice); a file that cannot be read stays at step 1.
  // A preview writes nothing: a direct send (why, in useImportSteps).
  type Options = { sheet?: string; mapping?: TemplateImport['mapping']; departmentMap?: Record<string, string> };
  const runPreview = (workbook: Workbook, options: Options = {}) =>
    showPreview(workbook, () => send('items.importTemplate', { campaignId, ...workbook, ...options }));

  const confirm = async () => {
    if (!file || !preview) return;
    setError(null);
    const result = await importItems.mutateAsync({
      campaignId,
      ...file,
      sheet: preview.sheet,
      mapping: preview.mapping,
      departmentMap: preview.departmentMap,
      confirm: true,
      skipInvalid,
    });
    if (!result.ok) return setError(result.message);
    const written = result.value.written!;
    notifySuccess(t.templateDone(written.items, written.sections, written.departments));
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
    void runPreview(file, {
      sheet: preview.sheet,
      mapping: { ...preview.mapping, [field]: index },
      departmentMap: preview.departmentMap,
    });
  };
  // Creating a department is an administrator's (as in 设置 → 部门): others may only pick one.
  const mayCreate = can('admin');
  const departmentOptions = [
    {
      group: t.departmentNewGroup,
      items: [{ value: NEW_DEPARTMENT, label: t.departmentNew, disabled: !mayCreate }],
    },
    { group: t.departmentExistingGroup, items: departments.map((d) => ({ value: d.id, label: d.name })) },
  ];
  // 纪检组 → 政治部, 监察室（新建）: the file's names as the confirm will take them.
  const departmentName = new Map(departments.map((d) => [d.id, d.name]));
  const departmentShown = (text: string) =>
    text
      .split(DEPARTMENT_SPLIT)
      .filter(Boolean)
      .map((name) => {
        const target = preview.departmentMap[name];
        if (!target) return name;
        if (target === NEW_DEPARTMENT) return t.createdDepartment(name);
        return t.mappedDepartment(name, departmentName.get(target) ?? name);
      })
      .join('、');
  const setDepartment = (name: string, value: string | null) => {
    const departmentMap = { ...preview.departmentMap };
    if (value) departmentMap[name] = value;
    else delete departmentMap[name];
    void runPreview(file, { sheet: preview.sheet, mapping: preview.mapping, departmentMap });
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

      {preview.unknownDepartments.length > 0 && (
        <Paper withBorder p="sm" bg="yellow.0" data-testid="import-unknown-departments">
          <Text size="sm" fw={600}>
            {t.unknownDepartmentsTitle}
            <Text span size="xs" c="dimmed" fw={400} ml={8}>
              {mayCreate ? t.unknownDepartmentsHint : t.unknownDepartmentsHintNoCreate}
            </Text>
          </Text>
          <SimpleGrid cols={4} spacing="xs" verticalSpacing={6} mt={6}>
            {preview.unknownDepartments.map((name) => (
              <Select
                key={name}
                size="xs"
                label={t.unknownDepartmentLabel(name)}
                placeholder={t.departmentChoose}
                data={departmentOptions}
                value={preview.departmentMap[name] ?? null}
                clearable
                disabled={busy}
                onChange={(value) => setDepartment(name, value)}
                data-testid="department-map"
                data-name={name}
                comboboxProps={{ withinPortal: true }}
              />
            ))}
          </SimpleGrid>
        </Paper>
      )}

      {error && (
        <Alert color="red" data-testid="import-error">
          {error}
        </Alert>
      )}

      <Stack gap={2}>
        {preview.ignoredColumns.length > 0 && (
          <Text size="sm" c="orange.9" data-testid="import-ignored-columns">
            {t.ignoredColumns(preview.ignoredColumns)}
          </Text>
        )}
        <Text size="xs" c="dimmed" data-testid="import-frequency-words">
          {t.frequencyWords}
        </Text>
      </Stack>

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
                <Table.Td>{departmentShown(row.department)}</Table.Td>
                <Table.Td>{row.owner}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }} data-testid="import-row-deadline">
                  {row.frequency !== 'once' && (
                    <Text size="sm" fw={500}>
                      {frequencyText[row.frequency]}
                    </Text>
                  )}
                  {row.deadline ?? (
                    <Text span size="sm" c="dimmed">
                      {row.frequency === 'once' ? t.noDeadline : t.untilCampaignEnd}
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
