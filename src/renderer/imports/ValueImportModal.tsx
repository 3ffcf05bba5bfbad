// 导入数值: indicator values from an Excel sheet (指标名称 | 期间 | 数值 | 说明). Step 1 picks the
// file; step 2 previews every row with ✓ (or "will replace the value entered") or its problems in
// red; nothing is written until 确认导入, which with problem rows needs 跳过有问题的行 ticked.
import { Modal, Stack, Table } from '@mantine/core';
import { indicatorPeriod } from '../../shared/api';
import type { IndicatorImport } from '../../shared/model';
import { send } from '../api/client';
import { useWrite } from '../api/queries';
import { periodLabel } from '../indicators/periods';
import { notifySuccess } from '../lib/notify';
import { importText as t } from './text';
import { ChooseWorkbook, ImportFooter, PreviewFrame, PreviewRow, SHOWN_ROWS, useImportSteps } from './ImportSteps';
import type { Workbook } from './WorkbookDrop';

export function ValueImportModal({
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
      title={t.valuesTitle}
      size="min(1000px, 96vw)"
      data-testid="value-import-modal"
    >
      {opened && <ValueImport campaignId={campaignId} onClose={onClose} onImported={onImported} />}
    </Modal>
  );
}

function ValueImport({ campaignId, onClose, onImported }: { campaignId: string; onClose(): void; onImported(): void }) {
  const { file, preview, previewing, error, setError, skipInvalid, setSkipInvalid, showPreview, reset } =
    useImportSteps<IndicatorImport>();
  const importValues = useWrite('indicators.importValues');
  const busy = previewing || importValues.isPending;

  // A preview writes nothing: a direct send (why, in useImportSteps).
  const runPreview = (workbook: Workbook) =>
    showPreview(workbook, () => send('indicators.importValues', { campaignId, ...workbook }));
  const confirm = async () => {
    if (!file) return;
    setError(null);
    const result = await importValues.mutateAsync({ campaignId, ...file, confirm: true, skipInvalid });
    if (!result.ok) return setError(result.message);
    notifySuccess(t.valuesDone(result.value.written ?? 0));
    onImported();
  };

  if (!file || !preview) {
    return (
      <ChooseWorkbook
        hint={t.valuesHint}
        error={error}
        busy={busy}
        onFile={(workbook) => void runPreview(workbook)}
        onClose={onClose}
      />
    );
  }

  return (
    <Stack gap="sm" data-testid="value-import-preview">
      <PreviewFrame
        testId="import-preview-table"
        fileName={preview.fileName}
        error={error}
        onReset={reset}
        goodRows={preview.goodRows}
        badRows={preview.badRows}
        totalRows={preview.rows.length}
        columns={6}
        head={
          <>
            <Table.Th miw={150}>{t.colIndicator}</Table.Th>
            <Table.Th w={130}>{t.colPeriod}</Table.Th>
            <Table.Th w={80} ta="right">
              {t.colValue}
            </Table.Th>
            <Table.Th miw={140}>{t.colNote}</Table.Th>
            <Table.Th w={280}>{t.colCheck}</Table.Th>
          </>
        }
      >
        {preview.rows.slice(0, SHOWN_ROWS).map((row) => (
          <PreviewRow
            key={row.rowNumber}
            rowNumber={row.rowNumber}
            errors={row.errors}
            okText={row.replaces ? t.replaces : undefined}
            okColor={row.replaces ? 'orange.8' : undefined}
          >
            <Table.Td>{row.indicatorName}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {indicatorPeriod.safeParse(row.period).success ? periodLabel(row.period) : row.period}
            </Table.Td>
            <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
              {row.value ?? ''}
            </Table.Td>
            <Table.Td>{row.note}</Table.Td>
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
