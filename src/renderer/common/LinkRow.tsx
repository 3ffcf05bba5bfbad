// A table row that opens something: a click, or Enter while it has focus (rows are reachable by Tab).
import type { ComponentProps } from 'react';
import { Table } from '@mantine/core';

type RowProps = Omit<ComponentProps<typeof Table.Tr>, 'onClick' | 'onKeyDown' | 'tabIndex' | 'role' | 'style'>;

export function LinkRow({ onOpen, ...rest }: RowProps & { onOpen(): void }) {
  return (
    <Table.Tr
      {...rest}
      onClick={onOpen}
      onKeyDown={(event) => {
        if (event.key === 'Enter') onOpen();
      }}
      tabIndex={0}
      role="link"
      style={{ cursor: 'pointer' }}
    />
  );
}
