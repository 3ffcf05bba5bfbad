// Confirmation before destructive actions: `await confirmAction({...})` resolves true or false.
import { useSyncExternalStore, type ReactNode } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { commonText } from './text';

interface Request {
  title?: string;
  message: ReactNode;
  confirmLabel?: string;
  danger?: boolean;
  resolve(ok: boolean): void;
}

let current: Request | null = null;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((listener) => listener());

export function confirmAction(options: Omit<Request, 'resolve'>): Promise<boolean> {
  current?.resolve(false);
  return new Promise((resolve) => {
    current = { ...options, resolve };
    emit();
  });
}

function settle(ok: boolean) {
  const request = current;
  request?.resolve(ok);
  // Closed after the current event has been handled, so an Esc that closes this dialog does not
  // also reach a drawer behind it.
  window.setTimeout(() => {
    if (current !== request) return;
    current = null;
    emit();
  }, 0);
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
};

/** Whether a confirmation is showing (so a drawer behind it can leave Esc to the dialog). */
export function useConfirmOpen(): boolean {
  return useSyncExternalStore(subscribe, () => current !== null);
}

export function ModalsHost() {
  const request = useSyncExternalStore(subscribe, () => current);
  return (
    <Modal
      opened={!!request}
      onClose={() => settle(false)}
      title={request?.title ?? commonText.confirmTitle}
      size="md"
      zIndex={400}
    >
      <Stack gap="lg">
        <Text size="sm">{request?.message}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => settle(false)}>
            {commonText.cancel}
          </Button>
          <Button color={request?.danger ? 'red' : undefined} onClick={() => settle(true)} data-autofocus>
            {request?.confirmLabel ?? commonText.confirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
