// 点名法院 of one 通报: each court with 表扬/批评 in words, and for a criticised court how often it
// has been criticised in this campaign (第 N 次被通报批评).
import { Stack, Text } from '@mantine/core';
import type { Notice } from '../../shared/notices/noticesModel';
import { noticeText as t, stanceText } from './text';

/** 点名法院 of one notice: the court, 表扬/批评 in words, and how often it has been criticised. */
export function NamedCourts({ notice }: { notice: Notice }) {
  if (notice.namedCourts.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t.noNamed}
      </Text>
    );
  return (
    <Stack gap={2} data-testid="notice-named">
      {notice.namedCourts.map((named) => {
        const count = named.stance === 'criticism' ? notice.criticismCounts[named.code] : undefined;
        return (
          <div key={named.code}>
            <Text size="sm" c={named.stance === 'criticism' ? 'red.8' : undefined}>
              {t.namedLine(named.name, stanceText[named.stance])}
            </Text>
            {count ? (
              <Text size="xs" c="dimmed" data-testid="notice-criticism-count">
                {t.criticismCount(count)}
              </Text>
            ) : null}
          </div>
        );
      })}
    </Stack>
  );
}
