// On 本院挂图 of a court with a superior: every issued 通报 of a superior that criticises this court,
// newest first — which notice, its 文号, how often this court has been criticised in that campaign,
// and a link to the notice itself. Said in words with an icon, not by colour alone.
import { Alert, Anchor, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useRead } from '../api/queries';
import { useApp } from '../AppContext';
import { formatDate } from '../lib/dates';
import { routeHref } from '../lib/router';
import { noticeText as t } from './text';

export function CriticismBanner() {
  const { court } = useApp();
  const hasParent = !!court.parentCode;
  const { data: notices } = useRead('notices.aboutUs', undefined, { enabled: hasParent });
  if (!hasParent || !notices || notices.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="criticism-banner">
      {notices.map((notice) => {
        const count = notice.criticismCounts[court.code];
        return (
          <Alert
            key={notice.id}
            color="red"
            variant="light"
            icon={<IconAlertTriangle size={20} aria-hidden />}
            title={t.bannerTitle(notice.title, notice.docNumber)}
            aria-label={t.bannerLabel}
            data-testid="criticism-notice"
            data-notice={notice.id}
          >
            <Group justify="space-between" gap="md" wrap="nowrap">
              <div>
                {count ? (
                  <Text size="sm" fw={600} data-testid="criticism-count">
                    {t.bannerCount(count)}
                  </Text>
                ) : null}
                <Text size="sm" c="dimmed">
                  {notice.campaignTitle} · {t.bannerFrom(notice.originName, formatDate(notice.signedDate))}
                </Text>
              </div>
              <Anchor
                href={routeHref({ name: 'campaign', id: notice.campaignId, tab: 'orders', notice: notice.id })}
                size="sm"
                fw={600}
                style={{ flexShrink: 0 }}
                aria-label={t.bannerLinkLabel(notice.title)}
                data-testid="criticism-link"
              >
                {t.bannerLink}
              </Anchor>
            </Group>
          </Alert>
        );
      })}
    </Stack>
  );
}
