// 重新打开 shown beside a closed record that is read-only (an item, a 查摆报告): the reviewer's
// button and the dialog that asks for the reason. The record's own form goes inside, given a way
// to close the dialog when it is done or cancelled.
import { useState, type ReactNode } from 'react';
import { Button } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { GuardedModal } from './useCloseGuard';

export function ReopenAction({
  label,
  title,
  testId,
  zIndex,
  modalSize,
  children,
}: {
  label: string;
  title: string;
  testId: string;
  zIndex?: number;
  modalSize?: string;
  children(close: () => void): ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  return (
    <>
      <Button
        size="xs"
        variant="outline"
        color="grape"
        leftSection={<IconRefresh size={14} />}
        onClick={() => setOpen(true)}
        data-testid={testId}
      >
        {label}
      </Button>
      <GuardedModal opened={open} onClose={close} title={title} zIndex={zIndex} size={modalSize}>
        {open && children(close)}
      </GuardedModal>
    </>
  );
}
