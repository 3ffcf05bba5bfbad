// Step 1 of both Excel imports: pick or drop one .xlsx file; anything else, an empty file or one
// over 4 MB is refused here in Chinese before it is sent.
import { useState } from 'react';
import { Alert, Group, Loader, Text } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { IconFileSpreadsheet, IconUpload, IconX } from '@tabler/icons-react';
import { UPLOAD_CHUNK_BYTES } from '../../shared/api';
import { readBase64 } from '../common/fileTypes';
import { importText as t } from './text';

export interface Workbook {
  fileName: string;
  dataBase64: string;
}

export function WorkbookDrop({
  hint,
  error,
  busy,
  onFile,
}: {
  hint: string;
  error: string | null;
  busy: boolean;
  onFile(file: Workbook): void;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const take = async (file: File | undefined) => {
    if (!file) return;
    setProblem(null);
    if (!/\.xlsx$/i.test(file.name)) return setProblem(t.notXlsx(file.name));
    if (file.size === 0) return setProblem(t.emptyFile(file.name));
    if (file.size > UPLOAD_CHUNK_BYTES) return setProblem(t.tooLarge(file.name));
    setReading(true);
    try {
      onFile({ fileName: file.name, dataBase64: await readBase64(file) });
    } catch {
      setProblem(t.unreadable(file.name));
    } finally {
      setReading(false);
    }
  };
  const shown = problem ?? error;
  return (
    <>
      <Text size="sm" c="dimmed">
        {hint}
      </Text>
      {shown && (
        <Alert color="red" data-testid="import-file-error">
          {shown}
        </Alert>
      )}
      <Dropzone
        onDrop={(files) => void take(files[0])}
        onReject={(rejections) => void take(rejections[0]?.file)}
        multiple={false}
        loading={reading || busy}
        inputProps={{ 'data-testid': 'import-file-input' } as React.InputHTMLAttributes<HTMLInputElement>}
        p="lg"
      >
        <Group justify="center" gap="lg" mih={100} style={{ pointerEvents: 'none' }}>
          <Dropzone.Accept>
            <IconUpload size={40} color="var(--mantine-color-court-6)" />
          </Dropzone.Accept>
          <Dropzone.Reject>
            <IconX size={40} color="var(--mantine-color-red-6)" />
          </Dropzone.Reject>
          <Dropzone.Idle>
            {busy ? <Loader size={32} /> : <IconFileSpreadsheet size={40} color="var(--mantine-color-gray-6)" />}
          </Dropzone.Idle>
          <Text size="md" fw={500}>
            {busy ? t.previewing : t.dropTitle}
          </Text>
        </Group>
      </Dropzone>
    </>
  );
}
