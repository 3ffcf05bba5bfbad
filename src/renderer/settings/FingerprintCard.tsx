// 本院密钥指纹: this court's key fingerprint, large and in groups, to be read over the phone when
// another court imports this court's first bundle.
import { Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useRead } from '../api/queries';
import { Fingerprint } from '../sync/Fingerprint';
import { fingerprintText as t } from '../sync/text';

export function FingerprintCard() {
  const { data: overview, error } = useRead('sync.overview');
  const fingerprint = overview?.fingerprint ?? null;
  return (
    <Paper withBorder p="lg" maw={640} data-testid="fingerprint-card">
      <Stack gap="sm">
        <Title order={4}>{t.cardTitle}</Title>
        {fingerprint && <Fingerprint value={fingerprint} testId="own-fingerprint" />}
        {!fingerprint && !error && <Skeleton h={34} />}
        {error && (
          <Text size="sm" c="red.8">
            {t.unavailable}
            {error.message}
          </Text>
        )}
        <Text size="sm" c="dimmed">
          {t.cardHint}
        </Text>
      </Stack>
    </Paper>
  );
}
