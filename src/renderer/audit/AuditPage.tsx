// The whole audit log, newest first, paged with beforeSeq; and the integrity check.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, Group, List, Skeleton, Stack, Text } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import type { AuditEntry, AuditVerifyResult } from '../../shared/model';
import { send } from '../api/client';
import { useApp } from '../AppContext';
import { AuditEntryView } from './AuditEntries';
import { auditPageText as t } from './text';
import { PageHeader } from '../common/PageHeader';

const PAGE = 50;

export function AuditPage() {
  const { departments, people, can } = useApp();
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [more, setMore] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [verify, setVerify] = useState<AuditVerifyResult | null>(null);
  const [verifyError, setVerifyError] = useState<string | null>(null);

  const load = useCallback(async (beforeSeq?: number) => {
    setLoading(true);
    const result = await send('audit.list', { limit: PAGE, ...(beforeSeq ? { beforeSeq } : {}) });
    setLoading(false);
    if (!result.ok) return setError(result.message);
    setError(null);
    setEntries((prev) => (beforeSeq && prev ? [...prev, ...result.value] : result.value));
    setMore(result.value.length === PAGE);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const runVerify = async () => {
    setVerifying(true);
    setVerifyError(null);
    const result = await send('audit.verify');
    setVerifying(false);
    if (result.ok) setVerify(result.value);
    else setVerifyError(result.message);
  };

  // Account entries name whose account it was; only administrators may read the account list.
  const [accounts, setAccounts] = useState<Record<string, string>>({});
  const isAdmin = can('admin');
  useEffect(() => {
    if (!isAdmin) return;
    void send('users.list').then((result) => {
      if (result.ok)
        setAccounts(Object.fromEntries(result.value.map((u) => [u.id, `${u.displayName}（${u.username}）`])));
    });
  }, [isAdmin]);

  const resolvers = {
    department: (id: string) => departments.find((d) => d.id === id)?.name,
    person: (id: string) => people.find((p) => p.id === id)?.name,
    user: (id: string) => accounts[id],
  };

  // Item changes carry only the changed fields: look up each item's title once, lazily.
  const [titles, setTitles] = useState<Record<string, string>>({});
  const asked = useRef(new Set<string>());
  useEffect(() => {
    if (!entries) return;
    const wanted = [
      ...new Set(entries.filter((e) => e.tableName === 'items' && e.before !== null).map((e) => e.rowId)),
    ].filter((id) => !asked.current.has(id));
    if (wanted.length === 0) return;
    wanted.forEach((id) => asked.current.add(id));
    void Promise.all(wanted.map(async (id) => [id, await send('items.get', { id })] as const)).then((results) => {
      const found: Record<string, string> = {};
      for (const [id, result] of results) if (result.ok) found[id] = result.value.title;
      setTitles((prev) => ({ ...prev, ...found }));
    });
  }, [entries]);

  return (
    <Stack gap="md" maw={1100}>
      <PageHeader title={t.title} subtitle={t.subtitle}>
        <Button
          leftSection={<IconShieldCheck size={16} />}
          onClick={() => void runVerify()}
          loading={verifying}
          data-testid="audit-verify"
        >
          {t.verify}
        </Button>
      </PageHeader>

      {verify && (
        <Alert
          color={verify.ok ? 'teal' : 'red'}
          title={verify.ok ? t.intact : t.broken}
          withCloseButton
          onClose={() => setVerify(null)}
          data-testid="audit-verify-result"
        >
          {verify.ok ? (
            t.intactText(verify.checked, verify.evidenceChecked ?? 0)
          ) : (
            <>
              <Text size="sm">{t.brokenText(verify.checked, verify.evidenceChecked ?? 0, verify.problems.length)}</Text>
              <List size="sm" mt={6}>
                {verify.problems.map((p, i) => (
                  <List.Item key={`${p.seq}-${i}`}>{p.message}</List.Item>
                ))}
              </List>
            </>
          )}
        </Alert>
      )}
      {verifyError && (
        <Alert color="red" title={t.verifyFailed}>
          {verifyError}
        </Alert>
      )}
      {error && (
        <Alert color="red" title={t.loadFailed}>
          {error}
        </Alert>
      )}

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
                loading={loading}
                onClick={() => void load(entries[entries.length - 1].seq)}
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
