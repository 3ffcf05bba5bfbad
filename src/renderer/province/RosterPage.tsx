// 应报法院 (#/subordinates, for high and intermediate courts): the roster of courts this court
// supervises, grouped by intermediate jurisdiction, each with its sync state (trusted, last
// bundle, its age in yellow or red with words, a missing sequence number, an audit alert);
// add, edit, mark 已撤并 (and undo), delete an entry added by mistake, import from Excel. A
// superior's entries are marked 上级法院名单 and read-only. Courts known from sync but not on the
// roster are listed below it.
import { Fragment, useState } from 'react';
import { Alert, Badge, Button, Group, List, Paper, Skeleton, Stack, Table, Text } from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowBackUp,
  IconDownload,
  IconFileSpreadsheet,
  IconGitMerge,
  IconPencil,
  IconPlus,
  IconTrash,
} from '@tabler/icons-react';
import type { RosterCourt, RosterView, SubordinateCourt } from '../../shared/model';
import { send } from '../api/client';
import { useRead, useWrite } from '../api/queries';
import { PageHeader } from '../common/PageHeader';
import { RetryAlert } from '../common/RetryAlert';
import { EmptyState } from '../common/EmptyState';
import { IconAction } from '../common/IconAction';
import { confirmAction } from '../common/confirm';
import { formatDate, formatDateTime } from '../lib/dates';
import { notifyFailure, notifySuccess } from '../lib/notify';
import { ageColor, withoutAlertPrefix } from '../sync/syncRules';
import { MergeModal, RosterCourtModal } from './RosterDialogs';
import { RosterImportModal } from './RosterImportModal';
import { rosterText as t } from './rosterText';
import { MakeRecoveryPackage } from '../recovery/MakeRecoveryPackage';

/** Saves a file the main process built (base64) through the browser's download. */
function saveFile(fileName: string, dataBase64: string) {
  const bytes = Uint8Array.from(atob(dataBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(
    new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

interface Group {
  code: string;
  title: string;
  courts: RosterCourt[];
}

/** Each intermediate court with its basic courts; this court's direct basic courts last. */
function groupsOf(view: RosterView): Group[] {
  const groups = new Map<string, Group>();
  const named = new Map(view.courts.map((c) => [c.code, c.name]));
  for (const court of view.courts) {
    const head =
      court.level === 'intermediate'
        ? court.code
        : court.parentCode === view.court.code
          ? view.court.code
          : court.parentCode;
    const title = head === view.court.code ? t.groupDirect(view.court.name) : t.groupOf(named.get(head) ?? head);
    const group = groups.get(head) ?? { code: head, title, courts: [] };
    group.courts.push(court);
    groups.set(head, group);
  }
  return [...groups.values()]
    .sort((a, b) => (a.code === view.court.code ? 1 : b.code === view.court.code ? -1 : a.code.localeCompare(b.code)))
    .map((g) => ({
      ...g,
      courts: g.courts.sort((a, b) =>
        a.level === b.level ? a.code.localeCompare(b.code) : a.level === 'intermediate' ? -1 : 1,
      ),
    }));
}

export function RosterPage() {
  const { data: view, error, refetch } = useRead('roster.list');
  const subordinates = useRead('sync.subordinates');
  const [editing, setEditing] = useState<RosterCourt | null | 'new'>(null);
  const [merging, setMerging] = useState<RosterCourt | null>(null);
  const [importing, setImporting] = useState(false);
  const unmerge = useWrite('roster.unmerge');
  const remove = useWrite('roster.delete');

  const downloadTemplate = async () => {
    const result = await send('roster.template', {});
    if (!result.ok) return notifyFailure(result);
    saveFile(result.value.fileName, result.value.dataBase64);
    notifySuccess(t.templateSaved);
  };
  const undoMerge = async (court: RosterCourt) => {
    const result = await unmerge.mutateAsync({ id: court.id, version: court.version });
    if (result.ok) notifySuccess(t.unmerged);
    else notifyFailure(result);
  };
  const removeCourt = async (court: RosterCourt) => {
    const sure = await confirmAction({
      title: t.removeTitle,
      message: t.removeText(`${court.name}（${court.code}）`),
      confirmLabel: t.remove,
      danger: true,
    });
    if (!sure) return;
    const result = await remove.mutateAsync({ id: court.id, version: court.version });
    if (result.ok) notifySuccess(t.removed);
    else notifyFailure(result);
  };

  const onRoster = new Set(view?.courts.map((c) => c.code));
  const offRoster: SubordinateCourt[] = (subordinates.data ?? []).filter((s) => !onRoster.has(s.code));
  const alerts = [
    ...(view?.courts ?? []).filter((c) => c.auditAlert),
    ...offRoster.filter((c) => c.auditAlert),
  ] as Array<{ code: string; name: string; auditAlert: { message: string; at: string } | null }>;

  return (
    <Stack gap="md" maw={1320} data-testid="subordinates-page">
      <PageHeader title={t.title} subtitle={t.subtitle}>
        {view?.canEdit && (
          <Group gap="xs">
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="roster-add">
              {t.add}
            </Button>
            <Button
              variant="default"
              leftSection={<IconFileSpreadsheet size={16} />}
              onClick={() => setImporting(true)}
              data-testid="roster-import"
            >
              {t.import}
            </Button>
            <Button
              variant="subtle"
              leftSection={<IconDownload size={16} />}
              onClick={() => void downloadTemplate()}
              data-testid="roster-template"
            >
              {t.template}
            </Button>
            <MakeRecoveryPackage />
          </Group>
        )}
      </PageHeader>
      {error && <RetryAlert title={t.loadFailed} error={error.message} onRetry={() => void refetch()} />}
      {!view && !error && <Skeleton h={200} />}
      {view && !view.keepsRoster && <Alert color="gray">{t.basicText}</Alert>}
      {view && alerts.length > 0 && (
        <Alert
          color="red"
          icon={<IconAlertTriangle size={18} />}
          title={t.auditAlertTitle(alerts.length)}
          data-testid="subordinates-audit-alerts"
        >
          <Text size="sm">{t.auditAlertHint}</Text>
          <List size="sm" mt={6}>
            {alerts.map((court) => (
              <List.Item key={court.code}>
                {t.auditAlertLine(
                  `${court.name}（${court.code}）`,
                  withoutAlertPrefix(court.auditAlert!.message),
                  formatDateTime(court.auditAlert!.at),
                )}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {view && view.keepsRoster && view.courts.length === 0 && (
        <EmptyState title={t.emptyTitle} text={t.emptyText} testId="roster-empty">
          {view.canEdit && (
            <Group gap="xs">
              <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
                {t.add}
              </Button>
              <Button
                variant="default"
                leftSection={<IconFileSpreadsheet size={16} />}
                onClick={() => setImporting(true)}
              >
                {t.import}
              </Button>
            </Group>
          )}
        </EmptyState>
      )}
      {view && view.courts.length > 0 && (
        <>
          <Text size="sm" c="dimmed" data-testid="roster-count">
            {t.count(view.courts.length, view.courts.filter((c) => c.mergedAt).length)}
          </Text>
          <Paper withBorder>
            <Table verticalSpacing={6} fz="sm" highlightOnHover data-testid="roster-table">
              <RosterHead withActions={view.canEdit} />
              <Table.Tbody>
                {groupsOf(view).map((group) => (
                  <Fragment key={group.code}>
                    <Table.Tr bg="blue.0" data-testid="roster-group">
                      <Table.Td colSpan={view.canEdit ? 10 : 9} fw={600}>
                        {group.title}（{group.courts.length} 家）
                      </Table.Td>
                    </Table.Tr>
                    {group.courts.map((court) => (
                      <RosterRow
                        key={court.code}
                        court={court}
                        view={view}
                        canEdit={view.canEdit}
                        onEdit={() => setEditing(court)}
                        onMerge={() => setMerging(court)}
                        onUnmerge={() => void undoMerge(court)}
                        onRemove={() => void removeCourt(court)}
                      />
                    ))}
                  </Fragment>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </>
      )}
      {view && offRoster.length > 0 && (
        <Stack gap={4}>
          <Text fw={600}>不在名单中的下级法院（{offRoster.length} 家）</Text>
          <Text size="sm" c="dimmed">
            这些法院报来过同步包，但不在本院应报法院名单中；需要统计报送情况的，请把它们添加到名单。
          </Text>
          <Paper withBorder>
            <Table verticalSpacing={6} fz="sm" data-testid="off-roster-table">
              <RosterHead withActions={false} />
              <Table.Tbody>
                {offRoster.map((court) => (
                  <SyncRow key={court.code} court={court} />
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </Stack>
      )}
      {view && (
        <>
          <RosterCourtModal
            view={view}
            court={editing === 'new' ? null : editing}
            opened={editing !== null}
            onClose={() => setEditing(null)}
          />
          <MergeModal view={view} court={merging} onClose={() => setMerging(null)} />
          <RosterImportModal opened={importing} onClose={() => setImporting(false)} />
        </>
      )}
    </Stack>
  );
}

function RosterHead({ withActions }: { withActions: boolean }) {
  return (
    <Table.Thead bg="gray.0">
      <Table.Tr>
        <Table.Th w={84}>{t.code}</Table.Th>
        <Table.Th>{t.name}</Table.Th>
        <Table.Th w={76}>{t.level}</Table.Th>
        <Table.Th w={90}>{t.jurisdiction}</Table.Th>
        <Table.Th w={200}>{t.syncState}</Table.Th>
        <Table.Th w={150}>{t.lastBundle}</Table.Th>
        <Table.Th w={70} ta="right">
          {t.age}
        </Table.Th>
        <Table.Th w={80}>{t.gaps}</Table.Th>
        <Table.Th w={72} ta="right" style={{ whiteSpace: 'nowrap' }}>
          {t.items}
        </Table.Th>
        {withActions && <Table.Th w={110}>{t.actions}</Table.Th>}
      </Table.Tr>
    </Table.Thead>
  );
}

/** The sync columns shared by roster rows and off-roster rows. */
function SyncCells({
  lastSeq,
  lastBundleAt,
  ageDays,
  missingSeq,
  itemCount,
}: {
  lastSeq: number;
  lastBundleAt: string | null;
  ageDays: number | null;
  missingSeq: number | null;
  itemCount: number;
}) {
  const color = ageColor(ageDays);
  return (
    <>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {lastBundleAt ? (
          <>
            <span data-testid="subordinate-seq">{lastSeq > 0 ? t.seq(lastSeq) : ''}</span>
            <Text span size="xs" c="dimmed" ml={lastSeq > 0 ? 6 : 0}>
              {formatDate(lastBundleAt)}
            </Text>
          </>
        ) : (
          <Text span size="sm" fw={600} c="red.8" data-testid="roster-never">
            {t.never}
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right" data-testid="subordinate-age" data-color={color ?? 'none'}>
        {ageDays === null ? (
          <Text span size="sm" c="dimmed">
            —
          </Text>
        ) : color ? (
          <Badge color={color} variant="filled" autoContrast style={{ textTransform: 'none' }}>
            {t.ageDays(ageDays)}
          </Badge>
        ) : (
          t.ageDays(ageDays)
        )}
      </Table.Td>
      <Table.Td data-testid="subordinate-gap">
        {missingSeq !== null ? (
          <Text size="sm" fw={600} c="red.8">
            {t.missing(missingSeq)}
          </Text>
        ) : (
          <Text span size="sm" c="dimmed">
            {t.noGap}
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right" data-testid="subordinate-items">
        {itemCount}
      </Table.Td>
    </>
  );
}

function RosterRow({
  court,
  view,
  canEdit,
  onEdit,
  onMerge,
  onUnmerge,
  onRemove,
}: {
  court: RosterCourt;
  view: RosterView;
  canEdit: boolean;
  onEdit(): void;
  onMerge(): void;
  onUnmerge(): void;
  onRemove(): void;
}) {
  const merged = !!court.mergedAt;
  const via = court.via ? (view.courts.find((c) => c.code === court.via)?.name ?? court.via) : null;
  return (
    <Table.Tr
      data-testid="subordinate-row"
      data-court={court.code}
      data-merged={merged || undefined}
      style={merged ? { opacity: 0.6 } : undefined}
    >
      <Table.Td ff="monospace">{court.code}</Table.Td>
      <Table.Td>
        <Text size="sm" fw={500} td={merged ? 'line-through' : undefined}>
          {court.name}
        </Text>
        <Group gap={4} mt={2}>
          {merged && (
            <Badge color="gray" variant="light" style={{ textTransform: 'none' }} data-testid="roster-merged">
              {t.merged(formatDate(court.mergedAt))}
              {court.mergedInto ? `，${t.mergedInto(court.mergedIntoName ?? court.mergedInto)}` : ''}
            </Badge>
          )}
          {!court.own && (
            <Badge color="indigo" variant="light" style={{ textTransform: 'none' }} title={t.fromSuperiorHint}>
              {t.fromSuperior}
            </Badge>
          )}
          {court.auditAlert && (
            <Badge
              color="red"
              variant="light"
              leftSection={<IconAlertTriangle size={12} />}
              style={{ textTransform: 'none' }}
              data-testid="subordinate-audit-badge"
            >
              {t.auditBadge}
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td>{t.levels[court.level]}</Table.Td>
      <Table.Td>{court.jurisdiction}</Table.Td>
      <Table.Td>
        <Text size="sm">{court.trusted ? t.trusted : t.untrusted}</Text>
        {via && (
          <Text size="xs" c="dimmed">
            {t.via(via)}
          </Text>
        )}
      </Table.Td>
      <SyncCells
        lastSeq={court.lastSeq}
        lastBundleAt={court.lastBundleAt}
        ageDays={court.ageDays}
        missingSeq={court.missingSeq}
        itemCount={court.itemCount}
      />
      {canEdit && (
        <Table.Td>
          {court.own && (
            <Group gap={2} wrap="nowrap">
              <IconAction label={t.editOf(court.name)} variant="subtle" onClick={onEdit}>
                <IconPencil size={16} />
              </IconAction>
              {merged ? (
                <IconAction label={t.unmergeOf(court.name)} variant="subtle" onClick={onUnmerge}>
                  <IconArrowBackUp size={16} />
                </IconAction>
              ) : (
                <IconAction label={t.mergeOf(court.name)} variant="subtle" onClick={onMerge}>
                  <IconGitMerge size={16} />
                </IconAction>
              )}
              {!court.hasData && (
                <IconAction label={t.removeOf(court.name)} variant="subtle" color="red" onClick={onRemove}>
                  <IconTrash size={16} />
                </IconAction>
              )}
            </Group>
          )}
        </Table.Td>
      )}
    </Table.Tr>
  );
}

function SyncRow({ court }: { court: SubordinateCourt }) {
  return (
    <Table.Tr data-testid="subordinate-row" data-court={court.code}>
      <Table.Td ff="monospace">{court.code}</Table.Td>
      <Table.Td fw={500}>
        {court.name}
        {court.auditAlert && (
          <div>
            <Badge color="red" variant="light" style={{ textTransform: 'none' }} data-testid="subordinate-audit-badge">
              {t.auditBadge}
            </Badge>
          </div>
        )}
      </Table.Td>
      <Table.Td>{t.levels[court.level] ?? ''}</Table.Td>
      <Table.Td />
      <Table.Td>{t.trusted}</Table.Td>
      <SyncCells
        lastSeq={court.lastSeq}
        lastBundleAt={court.lastBundleAt}
        ageDays={court.ageDays}
        missingSeq={court.missingSeq}
        itemCount={court.itemCount}
      />
    </Table.Tr>
  );
}
