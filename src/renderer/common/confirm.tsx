// Confirmation before destructive actions: `await confirmAction({...})` resolves true or false.
// The dialog itself is @mantine/modals' confirm modal (focus trap, Esc, labelled title); this file
// only turns it into a promise and tells drawers when one is showing.
import { useSyncExternalStore, type ReactNode } from 'react';
import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { commonText } from './text';

export interface ConfirmRequest {
  title?: string;
  message: ReactNode;
  confirmLabel?: string;
  cancelLabel?: string;
  danger?: boolean;
  /** Put the focus on the cancel button (the safe choice) instead of the confirm button. */
  focusCancel?: boolean;
}

let openCount = 0;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((listener) => listener());

export function confirmAction(options: ConfirmRequest): Promise<boolean> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (ok: boolean) => {
      if (settled) return;
      settled = true;
      resolve(ok);
      // Counted down after the current event has been handled, so an Esc that closes this dialog
      // does not also reach a drawer behind it.
      window.setTimeout(() => {
        openCount -= 1;
        emit();
      }, 0);
    };
    openCount += 1;
    emit();
    modals.openConfirmModal({
      title: options.title ?? commonText.confirmTitle,
      size: 'md',
      zIndex: 400,
      children: <Text size="sm">{options.message}</Text>,
      labels: {
        confirm: options.confirmLabel ?? commonText.confirm,
        cancel: options.cancelLabel ?? commonText.cancel,
      },
      confirmProps: {
        color: options.danger ? 'red' : undefined,
        'data-autofocus': options.focusCancel ? undefined : true,
        'data-testid': 'confirm-ok',
      },
      cancelProps: { 'data-autofocus': options.focusCancel ? true : undefined, 'data-testid': 'confirm-cancel' },
      onConfirm: () => settle(true),
      onCancel: () => settle(false),
      onClose: () => settle(false),
    });
  });
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
};

/** Whether a confirmation is showing right now (outside React, e.g. in a close handler). */
export function isConfirmOpen(): boolean {
  return openCount > 0;
}

/** Whether a confirmation is showing (so a drawer behind it can leave Esc to the dialog). */
export function useConfirmOpen(): boolean {
  return useSyncExternalStore(subscribe, () => openCount > 0);
}
