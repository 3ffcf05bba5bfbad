// Traffic lights. A light is never colour alone: each has its own shape (逾期 ● round, 临期 ▲
// triangle, 正常 ■ square, 无时限 ○ ring; app.css .dot-*) in a colour with at least 3:1 contrast
// on white, and a name for a screen reader or, in LightLabel, in visible text.
import { Group, Text } from '@mantine/core';
import type { Light } from '../../shared/model';
import { lightShortText, lightText } from './text';

/** The mark alone, named for a screen reader (an image called 红灯（逾期）…), the meaning on hover. */
export function LightMark({ light, name, size }: { light: Light; name?: string; size?: number }) {
  const label = name ?? lightText[light];
  return (
    <span
      className={`dot dot-${light}`}
      role="img"
      aria-label={label}
      title={label}
      data-light={light}
      style={size ? { width: size, height: size } : undefined}
    />
  );
}

/** A light in a table cell: the mark and its short name (逾期, 临期, …) as text, the full meaning on hover. */
export function LightLabel({ light }: { light: Light }) {
  return (
    <Group gap={6} wrap="nowrap" title={lightText[light]} data-light={light}>
      <span className={`dot dot-${light}`} aria-hidden="true" />
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {lightShortText[light]}
      </Text>
    </Group>
  );
}
