// The framed notice a page shows when it has nothing to list yet: a title, a line saying why or
// what to do, and optionally the buttons or link that lead there.
import type { ReactNode } from 'react';
import { Paper, Text, Title } from '@mantine/core';

export function EmptyState({
  title,
  text,
  children,
  testId,
}: {
  title: string;
  text: string;
  children?: ReactNode;
  testId: string;
}) {
  return (
    <Paper withBorder p={48} ta="center" data-testid={testId}>
      <Title order={4} mb="xs">
        {title}
      </Title>
      <Text c="dimmed" size="sm" mb={children ? 'lg' : 0} maw={620} mx="auto">
        {text}
      </Text>
      {children}
    </Paper>
  );
}
