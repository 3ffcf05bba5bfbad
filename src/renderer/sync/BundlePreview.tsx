// What a bundle is and what importing it would change: the summary (kind, source, sequence,
// scope, encryption, nested relayed bundles), the per-court, per-campaign change table, and the
// fingerprint check for courts met for the first time.
import type { ReactNode } from 'react';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconPhoneCall, IconShieldCheck, IconUserPlus } from '@tabler/icons-react';
import type { BundleSummary, ImportReport } from '../../shared/model';
import { courtLevelText } from '../common/text';
import { formatDate, formatDateTime } from '../lib/dates';
import { Fingerprint } from './Fingerprint';
import { bundleKindText, syncText as t } from './text';
import { withoutAlertPrefix } from './syncRules';

function SummaryField({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} data-testid={testId}>
        {children}
      </Text>
    </div>
  );
}

function levelName(level: string): string | null {
  return level in courtLevelText ? courtLevelText[level as keyof typeof courtLevelText] : null;
}

export function BundleSummaryView({ bundle }: { bundle: BundleSummary }) {
  return (
    <Stack gap="sm" data-testid="bundle-summary">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" verticalSpacing="sm">
        <SummaryField label={t.kind} testId="bundle-kind">
          {bundleKindText[bundle.kind]}
        </SummaryField>
        <SummaryField label={t.source} testId="bundle-source">
          {t.courtWithCode(bundle.source.name, bundle.source.code)}
        </SummaryField>
        <SummaryField label={t.target} testId="bundle-target">
          {bundle.target.code ? t.courtWithCode(bundle.target.name, bundle.target.code) : t.none}
        </SummaryField>
        <SummaryField label={t.seqLabel} testId="bundle-seq">
          {t.seq(bundle.seq)}
        </SummaryField>
        <SummaryField label={t.scope} testId="bundle-scope">
          {bundle.full ? t.fullSnapshot : t.incremental(bundle.changeFrom, bundle.changeThrough)}
        </SummaryField>
        <SummaryField label={t.createdAt} testId="bundle-created">
          {formatDateTime(bundle.createdAt)}
        </SummaryField>
        <SummaryField label={t.encryption} testId="bundle-encrypted">
          {bundle.encrypted ? t.encrypted : t.notEncrypted}
        </SummaryField>
        <SummaryField label={t.size} testId="bundle-size">
          {t.rowsFiles(bundle.rows, bundle.files)}
        </SummaryField>
      </SimpleGrid>
      {bundle.campaign && (
        <SummaryField label={t.campaignLine} testId="bundle-campaign">
          {bundle.campaign.title}
        </SummaryField>
      )}
      {bundle.nested.length > 0 && (
        <div data-testid="bundle-nested">
          <Text size="xs" c="dimmed">
            {t.nested}
          </Text>
          <Stack gap={2} mt={2}>
            {bundle.nested.map((nested) => (
              <Group
                key={`${nested.role}-${nested.source.code}-${nested.target.code}-${nested.seq}`}
                gap="xs"
                wrap="nowrap"
                data-testid="bundle-nested-line"
                data-role={nested.role}
              >
                <Badge
                  variant="light"
                  color={nested.role === 'subordinate_report' ? 'gray' : 'court'}
                  style={{ textTransform: 'none', flexShrink: 0 }}
                  data-testid="bundle-nested-role"
                >
                  {t.nestedRole[nested.role]}
                </Badge>
                <Text size="sm">
                  {t.nestedLine(
                    t.courtWithCode(nested.source.name, nested.source.code),
                    nested.seq,
                    nested.full,
                    nested.rows,
                    nested.files,
                  )}
                  {nested.role === 'addressed_package' &&
                    t.nestedAddressed(t.courtWithCode(nested.target.name, nested.target.code))}
                </Text>
              </Group>
            ))}
          </Stack>
        </div>
      )}
    </Stack>
  );
}

export function ChangesTable({ report }: { report: ImportReport }) {
  if (report.changes.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="bundle-changes-empty">
        {t.noChanges}
      </Text>
    );
  }
  const number = (value: number, color?: string) => (
    <Text span size="sm" fw={value > 0 && color ? 600 : 400} c={value > 0 ? color : 'dimmed'}>
      {value}
    </Text>
  );
  return (
    <Stack gap={4}>
      <Table withTableBorder withColumnBorders verticalSpacing={6} fz="sm" data-testid="bundle-changes">
        <Table.Thead bg="gray.0">
          <Table.Tr>
            <Table.Th>{t.court}</Table.Th>
            <Table.Th>{t.campaignColumn}</Table.Th>
            <Table.Th w={80} ta="right">
              {t.added}
            </Table.Th>
            <Table.Th w={80} ta="right">
              {t.updated}
            </Table.Th>
            <Table.Th w={80} ta="right">
              {t.unchangedCol}
            </Table.Th>
            <Table.Th w={80} ta="right">
              {t.older}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.changes.map((change) => (
            <Table.Tr
              key={`${change.courtCode}/${change.campaignId ?? ''}`}
              data-testid="bundle-change-row"
              data-court={change.courtCode}
            >
              <Table.Td>{t.courtWithCode(change.courtName, change.courtCode)}</Table.Td>
              <Table.Td>
                {change.campaignId ? (
                  change.campaignTitle || (
                    <Text span size="sm" c="dimmed">
                      {t.unknownCampaign}
                    </Text>
                  )
                ) : (
                  <Text span size="sm" c="dimmed">
                    {t.courtWide}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right" data-testid="change-added">
                {number(change.added, 'teal.8')}
              </Table.Td>
              <Table.Td ta="right" data-testid="change-updated">
                {number(change.updated, 'court.8')}
              </Table.Td>
              <Table.Td ta="right">{number(change.unchanged)}</Table.Td>
              <Table.Td ta="right">{number(change.older, 'orange.8')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={600} data-testid="bundle-change-totals">
            <Table.Td colSpan={2}>{t.total}</Table.Td>
            <Table.Td ta="right" data-testid="total-added">
              {report.totals.added}
            </Table.Td>
            <Table.Td ta="right" data-testid="total-updated">
              {report.totals.updated}
            </Table.Td>
            <Table.Td ta="right" data-testid="total-unchanged">
              {report.totals.unchanged}
            </Table.Td>
            <Table.Td ta="right">{report.totals.older}</Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
      {report.totals.older > 0 && (
        <Text size="xs" c="dimmed">
          {t.olderHint}
        </Text>
      )}
    </Stack>
  );
}

/** One card per court met for the first time; each must be ticked after comparing by phone. */
export function TrustStep({
  courts,
  confirmed,
  onConfirm,
  disabled,
}: {
  courts: ImportReport['needsTrust'];
  confirmed: Record<string, boolean>;
  onConfirm(fingerprint: string, ok: boolean): void;
  disabled?: boolean;
}) {
  return (
    <Paper
      withBorder
      p="lg"
      bg="yellow.0"
      style={{ borderColor: 'var(--mantine-color-yellow-5)' }}
      data-testid="trust-step"
    >
      <Stack gap="md">
        <Group gap="xs">
          <IconPhoneCall size={20} color="var(--mantine-color-yellow-9)" />
          <Title order={5}>{t.trustTitle}</Title>
        </Group>
        {courts.map((court) => (
          <Paper key={court.fingerprint} withBorder p="md" data-testid="trust-court" data-court={court.code}>
            <Stack gap="sm">
              <Group gap="xs">
                <Text fw={600} size="lg">
                  {t.courtWithCode(court.name, court.code)}
                </Text>
                {levelName(court.level) && (
                  <Badge variant="light" color="gray" style={{ textTransform: 'none' }}>
                    {levelName(court.level)}
                  </Badge>
                )}
              </Group>
              <Text size="sm">{t.trustHint(court.name || court.code)}</Text>
              {court.replacesVouched && (
                <Text size="sm" c="orange.9" data-testid="trust-replaces-vouched">
                  {t.replacesVouched}
                </Text>
              )}
              <Fingerprint value={court.fingerprint} testId="trust-fingerprint" />
              <Text size="sm" c="red.8">
                {t.trustMismatch}
              </Text>
              <Checkbox
                label={t.trustCheck}
                checked={!!confirmed[court.fingerprint]}
                onChange={(e) => onConfirm(court.fingerprint, e.currentTarget.checked)}
                disabled={disabled}
                styles={{ label: { fontWeight: 600 } }}
                data-testid="trust-check"
              />
            </Stack>
          </Paper>
        ))}
      </Stack>
    </Paper>
  );
}

/** Direct senders not on this court's roster (应报名单): each added with one click, or undone. */
export function RosterStep({
  report,
  added,
  onAdd,
  disabled,
}: {
  report: ImportReport;
  added: Record<string, boolean>;
  onAdd(code: string, add: boolean): void;
  disabled?: boolean;
}) {
  if (report.notOnRoster.length === 0) return null;
  return (
    <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={t.notOnRosterTitle} data-testid="roster-step">
      <Text size="sm">{t.notOnRosterHint}</Text>
      <Stack gap={6} mt="sm">
        {report.notOnRoster.map((court) => {
          const name = t.courtWithCode(court.name, court.code);
          return (
            <Group key={court.code} gap="sm" data-testid="roster-court" data-court={court.code}>
              {added[court.code] ? (
                <>
                  <IconCircleCheck size={16} color="var(--mantine-color-teal-7)" />
                  <Text size="sm">
                    {name}：{t.willAddToRoster}
                  </Text>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="gray"
                    onClick={() => onAdd(court.code, false)}
                    disabled={disabled}
                    aria-label={t.undoAddToRosterLabel(name)}
                  >
                    {t.undoAddToRoster}
                  </Button>
                </>
              ) : (
                <>
                  <Text size="sm" fw={600}>
                    {t.notOnRosterLine(name, levelName(court.level))}
                  </Text>
                  <Button
                    size="compact-sm"
                    variant="filled"
                    color="orange"
                    leftSection={<IconUserPlus size={14} />}
                    onClick={() => onAdd(court.code, true)}
                    disabled={disabled}
                    aria-label={t.addToRosterLabel(name)}
                    data-testid="roster-add"
                  >
                    {t.addToRoster}
                  </Button>
                </>
              )}
            </Group>
          );
        })}
      </Stack>
    </Alert>
  );
}

/** What else a preview found: keys trusted through a relay's vouching (a person should see each
 * court named), subordinates whose audit log contradicts an earlier report, files to restore. */
export function PreviewNotices({ report }: { report: ImportReport }) {
  return (
    <>
      {report.newlyVouched.length > 0 && (
        <Alert color="blue" icon={<IconShieldCheck size={18} />} title={t.vouchedTitle} data-testid="bundle-vouched">
          <Text size="sm">{t.vouchedHint}</Text>
          <List size="sm" mt={6}>
            {report.newlyVouched.map((court) => (
              <List.Item key={court.code} data-court={court.code}>
                {t.vouchedLine(
                  t.courtWithCode(court.name, court.code),
                  levelName(court.level),
                  t.courtWithCode(court.vouchedBy.name, court.vouchedBy.code),
                )}
                <Fingerprint value={court.fingerprint} size="sm" testId="vouched-fingerprint" />
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {report.mergedOnRoster.length > 0 && (
        <Alert color="gray" title={t.mergedTitle} data-testid="bundle-merged">
          <List size="sm">
            {report.mergedOnRoster.map((court) => (
              <List.Item key={court.code}>
                {t.mergedLine(t.courtWithCode(court.name, court.code), formatDate(court.mergedAt))}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {!report.dryRun && report.addedToRoster.length > 0 && (
        <Alert color="teal" icon={<IconCircleCheck size={18} />} title={t.addedTitle} data-testid="bundle-added-roster">
          <List size="sm">
            {report.addedToRoster.map((court) => (
              <List.Item key={court.code}>
                {t.addedLine(t.courtWithCode(court.name, court.code), court.addedBy)}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {report.auditAlerts.length > 0 && (
        <Alert
          color="red"
          icon={<IconAlertTriangle size={18} />}
          title={t.auditAlertTitle}
          data-testid="bundle-audit-alerts"
        >
          <Text size="sm">{t.auditAlertHint}</Text>
          <List size="sm" mt={6}>
            {report.auditAlerts.map((alert) => (
              <List.Item key={alert.code}>
                {t.courtWithCode(alert.name, alert.code)}：{withoutAlertPrefix(alert.message)}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {report.restoredFiles > 0 && (
        <Text size="sm" data-testid="bundle-restored">
          {t.restored(report.restoredFiles)}
        </Text>
      )}
    </>
  );
}
