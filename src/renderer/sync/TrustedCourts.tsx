// 信任的法院: the courts whose bundles this installation accepts, with their fingerprints, how
// each came to be trusted, and their last bundle. Administrators may withdraw trust.
import { Badge, Paper, Stack, Table, Text } from '@mantine/core';
import { IconShieldOff } from '@tabler/icons-react';
import type { TrustedCourt } from '../../shared/model';
import { useRead, useWrite } from '../api/queries';
import { useApp } from '../AppContext';
import { confirmAction } from '../common/confirm';
import { IconAction } from '../common/IconAction';
import { courtLevelText } from '../common/text';
import { formatDateTime } from '../lib/dates';
import { notifyFailure, notifySuccess } from '../lib/notify';
import { Fingerprint } from './Fingerprint';
import { relationText, syncText as t } from './text';
import { ListStatus } from './ListStatus';

const relationColor: Record<TrustedCourt['relation'], string> = {
  superior: 'court',
  subordinate: 'teal',
  relayed: 'gray',
};

export function TrustedCourts() {
  const { can } = useApp();
  const { data: courts, error } = useRead('sync.trusted');
  const untrustCourt = useWrite('sync.untrust');

  const untrust = async (court: TrustedCourt) => {
    const name = t.courtWithCode(court.name, court.code);
    const ok = await confirmAction({
      title: t.untrustConfirmTitle,
      message: t.untrustConfirm(name),
      confirmLabel: t.untrust,
      danger: true,
    });
    if (!ok) return;
    const result = await untrustCourt.mutateAsync({ code: court.code });
    if (!result.ok) return notifyFailure(result);
    notifySuccess(t.untrusted(name));
  };

  const mayUntrust = can('admin');
  return (
    <Stack gap="sm" data-testid="sync-trusted">
      <Text size="sm" c="dimmed" maw={900}>
        {t.trustedHint}
      </Text>
      <ListStatus
        list={courts ?? null}
        error={error?.message ?? null}
        emptyText={t.trustedEmpty}
        emptyTestId="sync-trusted-empty"
      />
      {courts && courts.length > 0 && (
        <Paper withBorder>
          <Table verticalSpacing="sm" highlightOnHover data-testid="sync-trusted-table">
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th w={90}>{t.code}</Table.Th>
                <Table.Th>{t.name}</Table.Th>
                <Table.Th w={80}>{t.relation}</Table.Th>
                <Table.Th w={290}>{t.fingerprint}</Table.Th>
                <Table.Th w={190}>{t.trustedAt}</Table.Th>
                <Table.Th w={150}>{t.lastBundle}</Table.Th>
                {mayUntrust && <Table.Th w={50} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {courts.map((court) => (
                <Table.Tr key={court.code} data-testid="trusted-row" data-court={court.code}>
                  <Table.Td ff="monospace">{court.code}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {court.name}
                    </Text>
                    {court.level in courtLevelText && (
                      <Text size="xs" c="dimmed">
                        {courtLevelText[court.level as keyof typeof courtLevelText]}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge
                      variant="light"
                      color={relationColor[court.relation]}
                      style={{ textTransform: 'none' }}
                      data-testid="trusted-relation"
                    >
                      {relationText[court.relation]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Fingerprint value={court.fingerprint} size="sm" testId="trusted-fingerprint" />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDateTime(court.trustedAt)}</Text>
                    <Text size="xs" c="dimmed">
                      {court.vouchedBy ? t.vouchedBy(court.vouchedBy) : t.trustedBy(court.trustedBy)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {court.lastSeq > 0 ? (
                      <>
                        <Text size="sm" data-testid="trusted-last-seq">
                          {t.lastBundleLine(court.lastSeq)}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {formatDateTime(court.lastBundleAt)}
                        </Text>
                      </>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {court.relation === 'superior' ? t.none : t.noBundleYet}
                      </Text>
                    )}
                  </Table.Td>
                  {mayUntrust && (
                    <Table.Td>
                      <IconAction label={t.untrust} variant="subtle" color="red" onClick={() => void untrust(court)}>
                        <IconShieldOff size={16} />
                      </IconAction>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}
