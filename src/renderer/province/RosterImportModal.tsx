// 从 Excel 导入应报法院名单: step 1 picks the file (a template can be downloaded); step 2 previews
// every row with ✓ or its problems in red (unknown level, bad or duplicate code, a parent neither
// this court nor on the roster or in the file, a missing name); nothing is written until 确认导入,
// which writes all good rows at once (with problem rows, 跳过有问题的行 must be ticked).
import { Modal, Stack, Table } from '@mantine/core';
import type { RosterImport } from '../../shared/model';
import { send } from '../api/client';
import { useWrite } from '../api/queries';
import { notifySuccess } from '../lib/notify';
import { importText } from '../imports/text';
import {
  ChooseWorkbook,
  PreviewFrame,
  ImportFooter,
  PreviewRow,
  SHOWN_ROWS,
  useImportSteps,
} from '../imports/ImportSteps';
import type { Workbook } from '../imports/WorkbookDrop';
import { rosterText as t } from './rosterText';

export function RosterImportModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t.importTitle}
      size="min(1100px, 96vw)"
      data-testid="roster-import-modal"
    >
      {opened && <RosterImport onClose={onClose} />}
    </Modal>
  );
}

function RosterImport({ onClose }: { onClose(): void }) {
  const { file, preview, previewing, error, setError, skipInvalid, setSkipInvalid, showPreview, reset } =
    useImportSteps<RosterImport>();
  const importRoster = useWrite('roster.import');
  const busy = previewing || importRoster.isPending;
  // A preview writes nothing: a direct send.
  const runPreview = (workbook: Workbook) => showPreview(workbook, () => send('roster.import', { ...workbook }));
  const confirm = async () => {
    if (!file) return;
    setError(null);
    const result = await importRoster.mutateAsync({ ...file, confirm: true });
    if (!result.ok) return setError(result.message);
    notifySuccess(t.importDone(result.value.written ?? 0));
    onClose();
  };

  if (!file || !preview)
    return (
      <ChooseWorkbook
        hint={t.importHint}
        error={error}
        busy={busy}
        onFile={(workbook) => void runPreview(workbook)}
        onClose={onClose}
      />
    );

  return (
    <Stack gap="sm" data-testid="roster-import-preview">
      <PreviewFrame
        testId="import-preview-table"
        fileName={preview.fileName}
        error={error}
        onReset={reset}
        goodRows={preview.goodRows}
        badRows={preview.badRows}
        totalRows={preview.rows.length}
        columns={7}
        head={
          <>
            <Table.Th w={100}>{t.code}</Table.Th>
            <Table.Th miw={160}>{t.name}</Table.Th>
            <Table.Th w={90}>{t.colLevel}</Table.Th>
            <Table.Th w={110}>{t.colParent}</Table.Th>
            <Table.Th w={100}>{t.jurisdiction}</Table.Th>
            <Table.Th w={320}>{importText.colCheck}</Table.Th>
          </>
        }
      >
        {preview.rows.slice(0, SHOWN_ROWS).map((row) => (
          <PreviewRow key={row.rowNumber} rowNumber={row.rowNumber} errors={row.errors}>
            <Table.Td ff="monospace">{row.code}</Table.Td>
            <Table.Td>{row.name}</Table.Td>
            <Table.Td>{row.level ? t.levels[row.level] : row.levelText}</Table.Td>
            <Table.Td ff="monospace">{row.parentCode}</Table.Td>
            <Table.Td>{row.jurisdiction}</Table.Td>
          </PreviewRow>
        ))}
      </PreviewFrame>
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
