// Pieces both Excel imports (导入模板, 导入数值) show the same way: step 1 (choose the file), each
// row's check in the preview, the note that only the first rows are drawn, and the footer where
// 确认导入 waits for 跳过有问题的行 when some rows have problems; and the state both keep between them.
import { useState, type ReactNode } from 'react';
import { Alert, Button, Checkbox, Group, ScrollArea, Stack, Table, Text } from '@mantine/core';
import type { Result } from '../api/client';
import { commonText } from '../common/text';
import { importText as t } from './text';
import { WorkbookDrop, type Workbook } from './WorkbookDrop';

/** Rows drawn at once; a large file is checked whole but shown in part. */
export const SHOWN_ROWS = 300;

/**
 * The file and its preview, whether a preview is being made, the last refusal and 跳过有问题的行.
 * `showPreview` asks for a workbook's preview and keeps it (a new one clears the tick); a refusal
 * keeps what was shown. `setError` shows the refusal of 确认导入; `reset` goes back to step 1.
 *
 * A preview is a direct send, not a cached read: it is the check of a file the clerk just dropped
 * (its whole content is the input), nothing is written, and it is never asked for twice. Nor is it
 * a write: a refresh of every screen after each preview would reread the page under the dialog
 * for nothing. The 确认导入 that does write is each dialog's useWrite.
 */
export function useImportSteps<P>() {
  const [file, setFile] = useState<Workbook | null>(null);
  const [preview, setPreview] = useState<P | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);

  const showPreview = async (workbook: Workbook, call: () => Promise<Result<P>>) => {
    setPreviewing(true);
    setError(null);
    const result = await call();
    setPreviewing(false);
    if (!result.ok) return setError(result.message);
    setFile(workbook);
    setPreview(result.value);
    setSkipInvalid(false);
  };
  const reset = () => {
    setFile(null);
    setPreview(null);
    setError(null);
  };
  return { file, preview, previewing, error, setError, skipInvalid, setSkipInvalid, showPreview, reset };
}

/** Step 1: drop or pick the workbook, or cancel. */
export function ChooseWorkbook({
  hint,
  error,
  busy,
  onFile,
  onClose,
}: {
  hint: string;
  error: string | null;
  busy: boolean;
  onFile(workbook: Workbook): void;
  onClose(): void;
}) {
  return (
    <Stack gap="md">
      <WorkbookDrop hint={hint} error={error} busy={busy} onFile={onFile} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {commonText.cancel}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * One preview row: its row number, the cells of the file (`children`), then its problems in red,
 * one a line, or that it can be imported (`okText`, ✓ 可导入 unless told).
 */
export function PreviewRow({
  rowNumber,
  errors,
  okText = t.ok,
  okColor = 'teal.8',
  children,
}: {
  rowNumber: number;
  errors: string[];
  okText?: string;
  okColor?: string;
  children: ReactNode;
}) {
  const bad = errors.length > 0;
  return (
    <Table.Tr data-testid="import-row" data-row={rowNumber} data-bad={bad || undefined} bg={bad ? 'red.0' : undefined}>
      <Table.Td ta="center" c="dimmed">
        {rowNumber}
      </Table.Td>
      {children}
      <Table.Td data-testid="import-row-check">
        {bad ? (
          <Stack gap={2}>
            {errors.map((message) => (
              <Text key={message} size="sm" c="red.8">
                {message}
              </Text>
            ))}
          </Stack>
        ) : (
          <Text size="sm" c={okColor} fw={500}>
            {okText}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * A simple import's preview (导入数值, 应报法院名单): the file with 换一个文件, the refusal of
 * 确认导入, the counts, and the table of rows (the caller's header cells and rows, each row's check
 * last), with the note when only the first rows are drawn.
 */
export function PreviewFrame({
  testId,
  fileName,
  error,
  onReset,
  goodRows,
  badRows,
  totalRows,
  columns,
  head,
  children,
}: {
  testId: string;
  fileName: string;
  error: string | null;
  onReset(): void;
  goodRows: number;
  badRows: number;
  totalRows: number;
  /** Columns of the table, the row number and the check included (for the empty row). */
  columns: number;
  /** The header cells between 行号 and 检查结果. */
  head: ReactNode;
  children: ReactNode;
}) {
  return (
    <>
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" truncate>
          {t.file}：<b>{fileName}</b>
        </Text>
        <Button variant="subtle" size="xs" onClick={onReset}>
          {t.chooseOther}
        </Button>
      </Group>
      {error && (
        <Alert color="red" data-testid="import-error">
          {error}
        </Alert>
      )}
      <Text size="sm" fw={600} data-testid="import-counts">
        {t.counts(goodRows, badRows)}
      </Text>
      <ScrollArea.Autosize mah="calc(100vh - 360px)" mih={160} type="auto" offsetScrollbars>
        <Table withTableBorder withColumnBorders striped stickyHeader verticalSpacing={6} fz="sm" data-testid={testId}>
          <Table.Thead bg="gray.1">
            <Table.Tr>
              <Table.Th w={52} ta="center">
                {t.colRow}
              </Table.Th>
              {head}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {children}
            {totalRows === 0 && (
              <Table.Tr>
                <Table.Td colSpan={columns} ta="center" c="dimmed">
                  {t.noRows}
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      <FirstRowsNote total={totalRows} />
    </>
  );
}

/** Said under the table when it holds more rows than it draws. */
export function FirstRowsNote({ total }: { total: number }) {
  if (total <= SHOWN_ROWS) return null;
  return (
    <Text size="xs" c="dimmed">
      {t.firstRowsOnly(SHOWN_ROWS, total)}
    </Text>
  );
}

/** 跳过有问题的行 (only when there are such rows), 取消 and 确认导入 N 行. */
export function ImportFooter({
  goodRows,
  badRows,
  skipInvalid,
  onSkipInvalid,
  busy,
  onClose,
  onConfirm,
}: {
  goodRows: number;
  badRows: number;
  skipInvalid: boolean;
  onSkipInvalid(skip: boolean): void;
  busy: boolean;
  onClose(): void;
  onConfirm(): void;
}) {
  return (
    <Group justify="space-between" align="center" wrap="nowrap">
      <div>
        {badRows > 0 && (
          <Stack gap={4}>
            <Checkbox
              label={t.skipInvalid(badRows)}
              checked={skipInvalid}
              onChange={(e) => onSkipInvalid(e.currentTarget.checked)}
              data-testid="import-skip"
            />
            {!skipInvalid && (
              <Text size="xs" c="orange.8">
                {t.mustFixOrSkip}
              </Text>
            )}
          </Stack>
        )}
      </div>
      <Group gap="sm" wrap="nowrap">
        <Button variant="default" onClick={onClose}>
          {commonText.cancel}
        </Button>
        <Button
          onClick={onConfirm}
          loading={busy}
          disabled={goodRows === 0 || (badRows > 0 && !skipInvalid)}
          data-testid="import-confirm"
        >
          {t.confirm(goodRows)}
        </Button>
      </Group>
    </Group>
  );
}
