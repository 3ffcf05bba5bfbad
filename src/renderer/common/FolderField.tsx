// The folder a file is saved into: typed, one of the detected removable drives, or picked with the
// system dialog (files.chooseFolder answers null where there is none, as in the browser preview).
// Shared by the sync exports and the reports; each screen passes its own words and test ids.
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconDeviceUsb, IconFolderOpen } from '@tabler/icons-react';
import { useState } from 'react';
import { send } from '../api/client';
import { notifyFailure } from '../lib/notify';

export interface FolderFieldText {
  label: string;
  description: string;
  chooseFolder: string;
  /** Shown before the drive buttons; with `noDrives`, only when the screen offers drives at all. */
  drives?: string;
  noDrives?: string;
}

export function FolderField({
  value,
  onChange,
  text,
  drives,
  disabled,
  error,
  testId,
  driveTestId,
  stacked = false,
}: {
  value: string;
  onChange(folder: string): void;
  text: FolderFieldText;
  /** Detected removable drives; leave out where the screen does not look for any. */
  drives?: { path: string; label: string }[];
  disabled?: boolean;
  error?: string | null;
  testId: string;
  driveTestId?: string;
  /** The choose button under the box instead of beside it, for narrow side panels. */
  stacked?: boolean;
}) {
  // The system's folder dialog is an action, not data to keep: a direct send, not a cached read;
  // and not a write either, whose success would reread every screen for a folder name.
  const [choosing, setChoosing] = useState(false);
  const choose = async () => {
    setChoosing(true);
    const result = await send('files.chooseFolder');
    setChoosing(false);
    if (!result.ok) return notifyFailure(result);
    if (result.value.path) onChange(result.value.path);
  };
  const input = (
    <TextInput
      label={text.label}
      description={text.description}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      disabled={disabled}
      // The message is drawn apart (errorText), so the button stays level with the box.
      error={!!error}
      style={{ flex: 1 }}
      data-testid={testId}
    />
  );
  const chooseButton = (
    <Button
      variant="default"
      leftSection={<IconFolderOpen size={16} />}
      onClick={() => void choose()}
      loading={choosing}
      disabled={disabled}
    >
      {text.chooseFolder}
    </Button>
  );
  const errorText = error && (
    <Text size="sm" c="red" data-testid={`${testId}-error`}>
      {error}
    </Text>
  );
  return (
    <Stack gap={6}>
      {stacked ? (
        <>
          {input}
          {errorText}
          <Group>{chooseButton}</Group>
        </>
      ) : (
        <>
          <Group align="flex-end" gap="xs" wrap="nowrap">
            {input}
            {chooseButton}
          </Group>
          {errorText}
        </>
      )}
      {drives && drives.length > 0 && (
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {text.drives}
          </Text>
          {drives.map((drive) => (
            <Button
              key={drive.path}
              size="xs"
              variant={value === drive.path ? 'filled' : 'light'}
              leftSection={<IconDeviceUsb size={14} />}
              onClick={() => onChange(drive.path)}
              disabled={disabled}
              data-testid={driveTestId}
            >
              {drive.label || drive.path}
            </Button>
          ))}
        </Group>
      )}
      {drives && drives.length === 0 && text.noDrives && (
        <Text size="xs" c="dimmed">
          {text.noDrives}
        </Text>
      )}
    </Stack>
  );
}
