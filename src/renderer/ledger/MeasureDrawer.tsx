// One measure in full: its finding, its fields, what can be done next, and its history — the
// events (进展, 提交, 销号, 退回, 回头看), evidence before/after/look-back, look-backs and colours.
import { useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Center,
  Drawer,
  Group,
  Loader,
  Paper,
  Spoiler,
  Stack,
  Table,
  Tabs,
  Text,
  Timeline,
  Title,
  Tooltip,
} from '@mantine/core';
import { GuardedDrawer } from '../common/useCloseGuard';
import { IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import type { MeasureDetail } from '../../shared/model';
import { operationKey, useRead, useWrite } from '../api/queries';
import { useApp } from '../AppContext';
import { confirmAction, useConfirmOpen } from '../common/confirm';
import { IconAction } from '../common/IconAction';
import { completedLateText, lightShortText } from '../common/text';
import { formatDate, formatDateTime } from '../lib/dates';
import { navigate } from '../lib/router';
import { notifyFailure, notifySuccess } from '../lib/notify';
import { MeasureActions, useMayWork } from './MeasureActions';
import { MeasureEditForm } from './MeasureForm';
import { MeasureEvidence } from './MeasureEvidence';
import {
  eventKindColor,
  eventKindText,
  ledgerSourceColor,
  ledgerSourceText,
  ledgerText as t,
  lookbackStatusColor,
  lookbackStatusText,
  measureStatusColor,
  measureStatusText,
} from './text';

const LOCKED = new Set<MeasureDetail['status']>(['submitted', 'signed_off', 'lookback_passed']);

interface Props {
  measureId: string | null;
  onClose(): void;
  onDeleted(): void;
}

export function MeasureDrawer({ measureId, onClose, onDeleted }: Props) {
  // While a dialog inside the drawer is open, Esc closes only that dialog.
  const [dialogOpen, setDialogOpen] = useState(false);
  const confirmOpen = useConfirmOpen();
  return (
    <GuardedDrawer
      opened={!!measureId}
      onClose={onClose}
      closeOnEscape={!dialogOpen && !confirmOpen}
      position="right"
      size={820}
      padding="lg"
      overlayProps={{ backgroundOpacity: 0.2 }}
      title={null}
      withCloseButton={false}
    >
      {measureId && (
        <MeasureView
          key={measureId}
          measureId={measureId}
          onClose={onClose}
          onDeleted={onDeleted}
          onDialog={setDialogOpen}
        />
      )}
    </GuardedDrawer>
  );
}

function MeasureView({
  measureId,
  onClose,
  onDeleted,
  onDialog,
}: Props & { measureId: string; onDialog(open: boolean): void }) {
  const queryClient = useQueryClient();
  const { data: measure, error, refetch } = useRead('ledger.getMeasure', { id: measureId });
  const [tab, setTab] = useState<string | null>('events');

  const reload = async () => {
    const result = await refetch();
    if (result.error) notifyFailure(result.error);
  };
  // A write answers with the measure as saved: shown at once, so a second action taken before
  // the refresh that every write starts has landed still sends the newest version.
  const changed = (updated: MeasureDetail) =>
    queryClient.setQueryData(operationKey('ledger.getMeasure', { id: updated.id }), updated);

  if (!measure) {
    return error ? (
      <Alert color="red" title={t.drawerLoadFailed} withCloseButton onClose={onClose}>
        {error.message}
      </Alert>
    ) : (
      <Center h={300}>
        <Loader />
      </Center>
    );
  }
  return (
    <MeasureBody
      measure={measure}
      onChanged={changed}
      onReload={reload}
      onDeleted={onDeleted}
      onDialog={onDialog}
      tab={tab}
      setTab={setTab}
    />
  );
}

function MeasureBody({
  measure,
  onChanged,
  onReload,
  onDeleted,
  onDialog,
  tab,
  setTab,
}: {
  measure: MeasureDetail;
  onChanged(measure: MeasureDetail): void;
  onReload(): Promise<void>;
  onDeleted(): void;
  onDialog(open: boolean): void;
  tab: string | null;
  setTab(tab: string | null): void;
}) {
  const { court } = useApp();
  const mayWork = useMayWork(measure);
  const deleteMeasure = useWrite('ledger.deleteMeasure');
  const finding = measure.finding;
  const locked =
    measure.origin !== court.code
      ? t.otherCourtMeasure(measure.origin)
      : !mayWork
        ? t.editNotYours
        : LOCKED.has(measure.status)
          ? measure.status === 'submitted'
            ? t.editLocked
            : t.signedOffLocked
          : null;

  const remove = async () => {
    if (
      !(await confirmAction({
        message: t.deleteMeasureConfirm(measure.text),
        confirmLabel: t.deleteMeasure,
        danger: true,
      }))
    )
      return;
    const result = await deleteMeasure.mutateAsync({ id: measure.id, version: measure.version });
    if (!result.ok) return notifyFailure(result);
    notifySuccess(t.measureDeleted);
    onDeleted();
  };

  return (
    <Stack gap="md" data-testid="measure-drawer">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Badge
              color={measureStatusColor[measure.status]}
              variant={measure.status === 'reopened' ? 'filled' : 'light'}
              radius="sm"
              data-testid="measure-status"
            >
              {measureStatusText[measure.status]}
            </Badge>
            {measure.longTerm && (
              <Badge color="court" variant="outline" radius="sm">
                {t.longTerm}
              </Badge>
            )}
            <Tooltip
              label={measure.escalateTo ? t.escalateTo(measure.escalateTo) : lightShortText[measure.light]}
              disabled={!measure.escalateTo}
            >
              <Group gap={4} data-testid="measure-light" data-light={measure.light}>
                <span className={`dot dot-${measure.light}`} />
                <Text size="xs" c="dimmed">
                  {lightShortText[measure.light]}
                </Text>
              </Group>
            </Tooltip>
            {measure.wasRed && measure.light !== 'red' && <span className="lg-wasred">{t.wasRed}</span>}
            {measure.completedLate && <span className="late-tag">{completedLateText}</span>}
          </Group>
          <Title order={3} mt={6} lh={1.4} style={{ overflowWrap: 'anywhere' }} data-testid="measure-title">
            {measure.text}
          </Title>
          {/* The drawer's name for a screen reader (the visible header is our own). */}
          <Drawer.Title hidden>{measure.text}</Drawer.Title>
          <Group gap="lg" mt={6}>
            <Meta label={t.owner} value={measure.owner} />
            <Meta label={t.measureDepartment} value={measure.departmentName} />
            <Meta label={t.leadLeader} value={measure.leadLeader} />
            <Meta label={t.deadline} value={measure.longTerm ? t.longTerm : formatDate(measure.deadline)} />
            {measure.nextLookback && <Meta label={t.colNextLookback} value={formatDate(measure.nextLookback)} />}
          </Group>
          {measure.signedOffAt && (
            <Text size="xs" c="dimmed" mt={4}>
              {t.signedOff(measure.signedOffBy, formatDateTime(measure.signedOffAt))}
            </Text>
          )}
        </div>
        <Group gap={4} wrap="nowrap">
          {mayWork && !LOCKED.has(measure.status) && (
            <IconAction label={t.deleteMeasure} variant="default" color="red" onClick={() => void remove()}>
              <IconTrash size={16} />
            </IconAction>
          )}
          <Drawer.CloseButton ml={4} />
        </Group>
      </Group>

      <Paper withBorder p="sm" radius="sm" bg="#fbfcfe" data-testid="measure-finding">
        <Group gap="xs" mb={4}>
          <Text size="sm" c="dimmed">
            {t.findingNumber(finding.number)}
          </Text>
          <Badge size="sm" variant="outline" color={ledgerSourceColor[finding.source]} radius="sm">
            {ledgerSourceText[finding.source]}
          </Badge>
          {finding.reference && (
            <Text size="xs" c="dimmed">
              {finding.reference}
            </Text>
          )}
          {finding.receivedDate && (
            <Text size="xs" c="dimmed">
              {t.receivedOn}：{formatDate(finding.receivedDate)}
            </Text>
          )}
          {finding.departmentName && (
            <Text size="xs" c="dimmed">
              {t.findingDepartment}：{finding.departmentName}
            </Text>
          )}
        </Group>
        <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
          {finding.title}
        </Text>
        {finding.detail && (
          <Spoiler maxHeight={44} showLabel={t.showMore} hideLabel={t.showLess} mt={4}>
            <Text size="sm" c="dark.4" style={{ whiteSpace: 'pre-wrap' }}>
              {finding.detail}
            </Text>
          </Spoiler>
        )}
      </Paper>

      <MeasureActions measure={measure} onChanged={onChanged} onDialog={onDialog} />

      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="events" data-testid="measure-tab-events">
            {t.tabEvents}（{measure.events.length}）
          </Tabs.Tab>
          <Tabs.Tab value="evidence" data-testid="measure-tab-evidence">
            {t.tabEvidence}（{measure.evidence.length}）
          </Tabs.Tab>
          <Tabs.Tab value="lookbacks" data-testid="measure-tab-lookbacks">
            {t.tabLookbacks}（{measure.lookbacks.length}）
          </Tabs.Tab>
          <Tabs.Tab value="lights" data-testid="measure-tab-lights">
            {t.tabLights}
          </Tabs.Tab>
          <Tabs.Tab value="info" data-testid="measure-tab-info">
            {t.tabInfo}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="events" pt="md">
          <EventTimeline measure={measure} />
        </Tabs.Panel>
        <Tabs.Panel value="evidence" pt="md">
          <MeasureEvidence measure={measure} />
        </Tabs.Panel>
        <Tabs.Panel value="lookbacks" pt="md">
          <LookbackList measure={measure} />
        </Tabs.Panel>
        <Tabs.Panel value="lights" pt="md">
          <LightTimeline measure={measure} />
        </Tabs.Panel>
        <Tabs.Panel value="info" pt="md">
          <MeasureEditForm measure={measure} locked={locked} onSaved={onChanged} onReload={onReload} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function Meta({ label, value }: { label: string; value: string }) {
  return (
    <Text size="sm">
      <Text span c="dimmed" size="sm">
        {label}：
      </Text>
      {value || '—'}
    </Text>
  );
}

function EventTimeline({ measure }: { measure: MeasureDetail }) {
  if (measure.events.length === 0) {
    return (
      <Text c="dimmed" size="sm" ta="center" py="md">
        {t.noEvents}
      </Text>
    );
  }
  // Newest first, as a progress log is read.
  const events = [...measure.events].reverse();
  return (
    <Stack gap="sm">
      <Text size="xs" c="dimmed">
        {t.eventsHint}
      </Text>
      <Timeline bulletSize={12} lineWidth={2} active={events.length - 1} data-testid="measure-events">
        {events.map((event) => (
          <Timeline.Item
            key={event.id}
            color={eventKindColor[event.kind]}
            data-testid="measure-event"
            data-kind={event.kind}
            title={
              <Group gap="xs">
                <Text size="sm" fw={600}>
                  {formatDate(event.eventDate)}
                </Text>
                <Badge size="sm" variant="light" color={eventKindColor[event.kind]} radius="sm">
                  {eventKindText[event.kind]}
                </Badge>
                <Text size="sm" c="dimmed">
                  {event.actor}
                </Text>
              </Group>
            }
          >
            {event.text && (
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {event.text}
              </Text>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
    </Stack>
  );
}

function LookbackList({ measure }: { measure: MeasureDetail }) {
  if (measure.lookbacks.length === 0) {
    return (
      <Text c="dimmed" size="sm" ta="center" py="md">
        {t.noLookbacks}
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      <Table verticalSpacing={6} fz="sm" data-testid="measure-lookbacks">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={110}>{t.lookbackDue}</Table.Th>
            <Table.Th w={110}>{t.lookbackStatus}</Table.Th>
            <Table.Th w={90}>{t.lookbackChecker}</Table.Th>
            <Table.Th w={140}>{t.lookbackCheckedAt}</Table.Th>
            <Table.Th>{t.lookbackNote}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {measure.lookbacks.map((l) => (
            <Table.Tr key={l.id} data-testid="measure-lookback-row">
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  {l.status === 'scheduled' && (
                    <span
                      className={`dot dot-${l.light}`}
                      role="img"
                      aria-label={lightShortText[l.light]}
                      title={lightShortText[l.light]}
                    />
                  )}
                  {formatDate(l.dueDate)}
                </Group>
              </Table.Td>
              <Table.Td>
                <Badge size="sm" variant="light" color={lookbackStatusColor[l.status]} radius="sm">
                  {lookbackStatusText[l.status]}
                </Badge>
              </Table.Td>
              <Table.Td>{l.checker || '—'}</Table.Td>
              <Table.Td>{formatDateTime(l.checkedAt) || '—'}</Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{l.note}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {measure.lookbacks.some((l) => l.status === 'scheduled') && (
        <Anchor size="sm" onClick={() => navigate({ name: 'lookbacks' })}>
          {t.goQueue} ›
        </Anchor>
      )}
    </Stack>
  );
}

const lightColor = { green: 'green', yellow: 'yellow', red: 'red' } as const;

function LightTimeline({ measure }: { measure: MeasureDetail }) {
  // The measure carries its colours as of its reading; the full history replaces them when it arrives.
  const history = useRead('lights.history', { kind: 'measure', id: measure.id });
  const spans = history.data ?? measure.lightHistory;
  if (history.error) return <Alert color="red">{history.error.message}</Alert>;
  if (spans.length === 0) {
    return (
      <Text c="dimmed" size="sm" ta="center" py="md">
        {t.noLightHistory}
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      <Text size="xs" c="dimmed">
        {t.lightsHint}
      </Text>
      <Timeline bulletSize={14} lineWidth={2} active={spans.length - 1} data-testid="measure-lights">
        {spans.map((span, index) => (
          <Timeline.Item
            key={`${span.since}-${index}`}
            color={lightColor[span.light]}
            bullet={<span className={`dot dot-${span.light}`} />}
            data-testid="light-span"
            data-light={span.light}
          >
            <Group gap="xs">
              <Text size="sm" fw={600}>
                {lightShortText[span.light]}
              </Text>
              <Text size="sm" c="dimmed">
                {t.lightSince(formatDate(span.since), span.until ? formatDate(span.until) : null)}
              </Text>
            </Group>
          </Timeline.Item>
        ))}
      </Timeline>
    </Stack>
  );
}
