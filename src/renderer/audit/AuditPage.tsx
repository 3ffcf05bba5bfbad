// The whole audit log, newest first, paged with beforeSeq; and the integrity check.
import { useState } from 'react';
import { Alert, Button, Group, List, Skeleton, Stack, Text } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useInfiniteQuery, useQueries } from '@tanstack/react-query';
import { operationKey, readOperation, useRead } from '../api/queries';
import { useApp } from '../AppContext';
import { RetryAlert } from '../common/RetryAlert';
import { AuditEntryView } from './AuditEntries';
import { auditPageText as t } from './text';
import { PageHeader } from '../common/PageHeader';

const PAGE = 50;

function auditPage(beforeSeq: number | undefined) {
  return readOperation('audit.list', { limit: PAGE, ...(beforeSeq ? { beforeSeq } : {}) });
}

export function AuditPage() {
  const { departments, people, can } = useApp();
  // Pages of 50, each read before the oldest entry shown; a refresh rereads the pages shown.
  const list = useInfiniteQuery({
    queryKey: [...operationKey('audit.list', { limit: PAGE }), 'pages'],
    queryFn: ({ pageParam }) => auditPage(pageParam),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => (last.length === PAGE ? last[last.length - 1].seq : undefined),
  });
  const entries = list.data?.pages.flat() ?? null;
  const more = list.hasNextPage;
  const error = list.error;

  // The check runs on the click only (it reads every evidence file); its answer shows until closed.
  const verify = useRead('audit.verify', undefined, { enabled: false });
  const [verifyShown, setVerifyShown] = useState(false);
  const runVerify = () => {
    setVerifyShown(true);
    void verify.refetch();
  };
  const verifyResult = verifyShown ? (verify.data ?? null) : null;
  const verifyError = verifyShown && !verify.isFetching ? verify.error : null;

  // Account entries name whose account it was; only administrators may read the account list.
  const isAdmin = can('admin');
  const accountList = useRead('users.list', undefined, { enabled: isAdmin });
  const accounts = Object.fromEntries(
    (accountList.data ?? []).map((u) => [u.id, `${u.displayName}（${u.username}）`]),
  ) as Record<string, string>;

  const resolvers = {
    department: (id: string) => departments.find((d) => d.id === id)?.name,
    person: (id: string) => people.find((p) => p.id === id)?.name,
    user: (id: string) => accounts[id],
  };

  // Item changes carry only the changed fields: each item's title is read once (the item drawer
  // reads the same key). A deleted item has no title to find; the entry then shows without one.
  const itemIds = [
    ...new Set((entries ?? []).filter((e) => e.tableName === 'items' && e.before !== null).map((e) => e.rowId)),
  ];
  const itemReads = useQueries({
    queries: itemIds.map((id) => ({
      queryKey: operationKey('items.get', { id }),
      queryFn: () => readOperation('items.get', { id }),
    })),
  });
  const titles: Record<string, string> = {};
  itemReads.forEach((item, index) => {
    if (item.data) titles[itemIds[index]] = item.data.title;
  });

  return (
    <Stack gap="md" maw={1100}>
      <PageHeader title={t.title} subtitle={t.subtitle}>
        <Button
          leftSection={<IconShieldCheck size={16} />}
          onClick={runVerify}
          loading={verify.isFetching}
          data-testid="audit-verify"
        >
          {t.verify}
        </Button>
      </PageHeader>

      {verifyResult && (
        <Alert
          color={verifyResult.ok ? 'teal' : 'red'}
          title={verifyResult.ok ? t.intact : t.broken}
          withCloseButton
          onClose={() => setVerifyShown(false)}
          data-testid="audit-verify-result"
        >
          {verifyResult.ok ? (
            t.intactText(verifyResult.checked, verifyResult.evidenceChecked ?? 0)
          ) : (
            <>
              <Text size="sm">
                {t.brokenText(verifyResult.checked, verifyResult.evidenceChecked ?? 0, verifyResult.problems.length)}
              </Text>
              <List size="sm" mt={6}>
                {verifyResult.problems.map((p, i) => (
                  <List.Item key={`${p.seq}-${i}`}>{p.message}</List.Item>
                ))}
              </List>
            </>
          )}
        </Alert>
      )}
      {verifyError && (
        <Alert color="red" title={t.verifyFailed}>
          {verifyError.message}
        </Alert>
      )}
      {error && <RetryAlert title={t.loadFailed} error={error.message} onRetry={() => void list.refetch()} />}

      {!entries && !error && (
        <Stack gap="xs">
          {[0, 1, 2, 3, 4].map((i) => (
            <Skeleton key={i} h={64} />
          ))}
        </Stack>
      )}
      {entries && entries.length === 0 && (
        <Text c="dimmed" ta="center" py="xl">
          {t.empty}
        </Text>
      )}
      {entries && entries.length > 0 && (
        <Stack gap="xs" data-testid="audit-list">
          {entries.map((entry) => (
            <AuditEntryView key={entry.seq} entry={entry} resolvers={resolvers} knownTitle={titles[entry.rowId]} />
          ))}
          <Group justify="space-between" mt="xs">
            <Text size="sm" c="dimmed">
              {more ? t.shown(entries.length) : t.allShown(entries.length)}
            </Text>
            {more && (
              <Button
                variant="default"
                loading={list.isFetchingNextPage}
                onClick={() => void list.fetchNextPage()}
                data-testid="audit-more"
              >
                {t.loadMore}
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
