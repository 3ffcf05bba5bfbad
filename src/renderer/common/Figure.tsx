import type { ReactNode } from 'react';
import { Paper, Text } from '@mantine/core';

/** One headline number with its caption. */
export function Figure({
  label,
  value,
  color,
  testId,
  suffix,
}: {
  label: string;
  value: ReactNode;
  color?: string;
  testId?: string;
  suffix?: string;
}) {
  return (
    <Paper withBorder px="md" py="sm" radius="sm" miw={112} data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz={24} c={color} className="figure-value" lh={1.3}>
        <span data-testid={testId ? `${testId}-value` : undefined}>{value}</span>
        {suffix && (
          <Text span fz={15} fw={600}>
            {suffix}
          </Text>
        )}
      </Text>
    </Paper>
  );
}

/** A record's field shown read-only: a small caption over its value. */
export function LabeledValue({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}
