// A traffic light in a table cell: the coloured dot and its short name (红灯, 黄灯, …), the full
// meaning on hover.
import { Group, Text } from '@mantine/core';
import type { Light } from '../../shared/model';
import { lightShortText, lightText } from './text';

export function LightLabel({ light }: { light: Light }) {
  return (
    <Group gap={6} wrap="nowrap" title={lightText[light]} data-light={light}>
      <span className={`dot dot-${light}`} aria-label={lightShortText[light]} />
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {lightShortText[light]}
      </Text>
    </Group>
  );
}
