// A small icon button with its name as tooltip and accessible label, so every icon-only action
// can be read by a person and found by keyboard and screen reader alike.
import { ActionIcon, Tooltip, type ActionIconProps } from '@mantine/core';
import type { ReactNode } from 'react';

export function IconAction({
  label,
  onClick,
  children,
  ...props
}: ActionIconProps & { label: string; onClick: () => void; children: ReactNode }) {
  return (
    <Tooltip label={label}>
      <ActionIcon {...props} onClick={onClick} aria-label={label}>
        {children}
      </ActionIcon>
    </Tooltip>
  );
}
