// A key fingerprint as a person reads it over the phone: eight groups of five digits in two
// rows of four, each group numbered, large and evenly spaced. Used on the settings card, in the
// import's fingerprint check and (small) in the trusted courts list.
import { SimpleGrid, Stack, Text } from '@mantine/core';
import { fingerprintText as t } from './text';

/** The fingerprint's digits in groups of five; anything unexpected is shown as given. */
export function fingerprintGroups(fingerprint: string): string[] {
  const digits = fingerprint.replace(/\D/g, '');
  if (digits.length !== 40) return [fingerprint];
  return digits.match(/\d{5}/g) ?? [fingerprint];
}

export function Fingerprint({ value, size = 'lg', testId }: { value: string; size?: 'lg' | 'sm'; testId?: string }) {
  const groups = fingerprintGroups(value);
  const spoken = groups.join(' ');
  if (size === 'sm') {
    const rows = groups.length === 8 ? [groups.slice(0, 4), groups.slice(4)] : [groups];
    return (
      <div data-testid={testId} data-fingerprint={spoken}>
        {rows.map((row, index) => (
          <Text key={index} ff="monospace" size="sm" style={{ wordSpacing: '0.3em', whiteSpace: 'nowrap' }}>
            {row.join(' ')}
          </Text>
        ))}
      </div>
    );
  }
  return (
    <SimpleGrid
      cols={groups.length === 8 ? 4 : 1}
      spacing="lg"
      verticalSpacing="xs"
      maw={560}
      role="group"
      aria-label={t.label}
      data-testid={testId}
      data-fingerprint={spoken}
    >
      {groups.map((group, index) => (
        <Stack key={index} gap={0} align="center">
          <Text
            ff="monospace"
            fz={28}
            fw={600}
            lh={1.25}
            c="court.9"
            style={{ letterSpacing: '0.08em' }}
            data-testid="fingerprint-group"
          >
            {group}
          </Text>
          {groups.length === 8 && (
            <Text size="xs" c="dimmed" lh={1.2}>
              {t.groupNumber(index + 1)}
            </Text>
          )}
        </Stack>
      ))}
    </SimpleGrid>
  );
}
