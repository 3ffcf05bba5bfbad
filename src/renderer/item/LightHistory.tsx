// The colours an item has shown, oldest first, as one compact line:
// ● 2026-11-02 起 黄灯 → ● 2026-11-10 起 红灯 → ● 2026-11-20 起 绿灯. A stretch that ended with
// nothing after it (the work was finished) shows its last day.
import { Group, Text } from '@mantine/core';
import type { LightSpan } from '../../shared/model';
import { formatDate } from '../lib/dates';
import { itemText as t } from './text';

export function LightHistory({ spans }: { spans: LightSpan[] }) {
  if (spans.length === 0) return null;
  return (
    <Group gap={6} wrap="wrap" data-testid="light-history">
      <Text size="xs" c="dimmed">
        {t.lightHistory}：
      </Text>
      {spans.map((span, index) => {
        const next = spans[index + 1];
        const endsAlone = span.until !== null && (!next || next.since !== span.until);
        return (
          <Group key={`${span.since}-${index}`} gap={4} wrap="nowrap" data-testid="light-span" data-light={span.light}>
            {index > 0 && (
              <Text size="xs" c="dimmed" aria-hidden>
                →
              </Text>
            )}
            <span className={`dot dot-${span.light}`} style={{ width: 9, height: 9 }} />
            <Text size="xs" c={span.light === 'red' ? 'red.8' : undefined}>
              {t.lightSince(formatDate(span.since), t.lightColour[span.light])}
              {endsAlone && `，${t.lightUntil(formatDate(span.until))}`}
            </Text>
          </Group>
        );
      })}
    </Group>
  );
}
