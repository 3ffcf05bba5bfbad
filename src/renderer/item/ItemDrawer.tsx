// The item drawer: fields, status actions, progress notes, evidence, sign-offs and audit trail.
// A copy of a superior's mandatory item (上级下发) keeps its definition locked. Another court's
// item (a subordinate's, viewed at the higher court) is read-only, with the 督导意见 form; our own
// item shows the superior's notes on it (上级督导意见) when there are any.
import { useMemo, useState } from 'react';
import {
  Alert,
  Badge,
  Box,
  Drawer,
  Group,
  Loader,
  Center,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import type { ItemDetail, ItemRow, Section } from '../../shared/model';
import { useRead, useWrite } from '../api/queries';
import { useApp } from '../AppContext';
import { AuditEntryView } from '../audit/AuditEntries';
import { confirmAction, useConfirmOpen } from '../common/confirm';
import { completedLateText, decisionText, itemStatusText, lightShortText } from '../common/text';
import { formatDateTime } from '../lib/dates';
import { notifyFailure, notifySuccess } from '../lib/notify';
import { isDone } from '../../shared/checklistRules';
import { EvidencePanel } from './EvidencePanel';
import { LightHistory } from './LightHistory';
import { ItemEditForm } from './ItemEditForm';
import { NotesPanel } from './NotesPanel';
import { forgetProgressDraft } from './RecordProgressForm';
import { GuardedDrawer } from '../common/useCloseGuard';
import { itemTabs, type ItemTab } from '../lib/router';
import { StatusActions } from './StatusActions';
import { ItemSupervision } from './SupervisionNotes';
import { itemText as t } from './text';
import { IconAction } from '../common/IconAction';
import { IssueOrderForItem } from '../orders/IssueOrderForItem';
import { HighlightBadge, HighlightToggle } from '../writtenSummary/HighlightToggle';

const statusColor: Record<ItemDetail['status'], string> = {
  not_started: 'gray',
  in_progress: 'blue',
  completed: 'orange',
  signed_off: 'teal',
  returned: 'red',
};
const decisionColor = { approved: 'teal', returned: 'orange', reopened: 'grape' } as const;

// What the drawer changes (status, fields, notes, evidence, order) is written through the query
// layer, which rereads the item, its audit trail and the campaign's table afterwards.
// The item and the tab shown come from the address (#/campaign/<id>?item=<id>&tab=progress): a
// tab chosen here replaces the address (onTab), closing goes back to the address without the item.
interface Props {
  itemId: string | null;
  /** The open item's section siblings in display order (上移/下移); the page reads only these. */
  items: Array<Pick<ItemRow, 'id' | 'sectionId'>>;
  sections: Section[];
  onClose(): void;
  onDeleted(): void;
  /** The tab named in the address; without one, the drawer picks by role and status. */
  tab?: ItemTab;
  onTab?(tab: ItemTab): void;
}

export function ItemDrawer({ itemId, items, sections, onClose, onDeleted, tab, onTab }: Props) {
  // While a dialog inside the drawer is open, Esc closes only that dialog.
  const [dialogOpen, setDialogOpen] = useState(false);
  const confirmOpen = useConfirmOpen();
  const { user } = useApp();
  // Closing with an unsaved note asks first (放弃未保存的内容？); once answered 放弃, its draft goes too.
  const close = () => {
    if (itemId) forgetProgressDraft(user.id, itemId);
    onClose();
  };
  return (
    <GuardedDrawer
      opened={!!itemId}
      onClose={close}
      closeOnEscape={!dialogOpen && !confirmOpen}
      position="right"
      size={780}
      padding="lg"
      overlayProps={{ backgroundOpacity: 0.2 }}
      title={null}
      withCloseButton={false}
    >
      {itemId && (
        <ItemDetailView
          key={itemId}
          itemId={itemId}
          items={items}
          sections={sections}
          onClose={onClose}
          onDeleted={onDeleted}
          onDialog={setDialogOpen}
          tab={tab}
          onTab={onTab}
        />
      )}
    </GuardedDrawer>
  );
}

function ItemDetailView({
  itemId,
  items,
  sections,
  onClose,
  onDeleted,
  onDialog,
  tab: addressTab,
  onTab,
}: Omit<Props, 'itemId'> & { itemId: string; onDialog(open: boolean): void }) {
  const { court, can, user } = useApp();
  const itemRead = useRead('items.get', { id: itemId });
  const item = itemRead.data;
  // Without a tab in the address: 记录进展 for whoever works on the item, the evidence for a
  // reviewer deciding on handed-in work.
  const reviewing = can('reviewer') && item?.status === 'completed' && item.completedBy !== user.id;
  const [ownTab, setOwnTab] = useState<ItemTab | null>(null);
  const wanted: ItemTab = addressTab ?? ownTab ?? (reviewing ? 'evidence' : 'progress');
  // A tab this person does not get (操作日志 without the right to read the audit log) opens 记录进展.
  const tab: ItemTab = wanted === 'audit' && !can('admin', 'reviewer') ? 'progress' : wanted;
  const setTab = (value: string | null) => {
    const next = itemTabs.find((name) => name === value);
    if (!next) return;
    setOwnTab(next);
    onTab?.(next);
  };
  // The item's own history is in the audit log, which only 管理员 and 审核人 may read.
  const mayReadAudit = can('admin', 'reviewer');
  // Another court's item: the notes we wrote on it. Our own: those our superiors wrote on it.
  const notesRead = useRead(
    'supervision.list',
    { campaignId: item?.campaignId ?? '', courtCode: item?.origin ?? '' },
    { enabled: !!item },
  );
  const notes = useMemo(
    () => (notesRead.data ?? []).filter((note) => note.itemId === itemId),
    [notesRead.data, itemId],
  );
  const moveItem = useWrite('items.move');
  const deleteItem = useWrite('items.delete');
  const { refetch } = itemRead;
  /** The newer version after a refused save (SaveErrorAlert's two ways on). */
  const reload = async () => void (await refetch());

  if (!item) {
    return itemRead.error ? (
      <Alert color="red" title={t.loadFailed} withCloseButton onClose={onClose}>
        {itemRead.error.message}
      </Alert>
    ) : (
      <Center h={300}>
        <Loader />
      </Center>
    );
  }

  const foreign = item.origin !== court.code;
  // Sent back: the reason of the newest 退回, shown until the item is handed in again.
  const returnReason =
    item.status === 'returned' ? (item.signoffs.find((s) => s.decision === 'returned')?.opinion ?? '') : null;
  const issued = !!item.sourceItemId;
  // Signed off: closed for everyone until a reviewer reopens it (the API refuses with E_CLOSED).
  const closed = item.status === 'signed_off';
  const received = !foreign && notes.some((note) => note.origin !== court.code);
  // 亮点 marks: this court's own rows, by whoever may work on them (a 填报人 in their own department).
  const mayMarkHighlight =
    !foreign &&
    (can('admin', 'reviewer') || (can('filer') && !!user.departmentId && user.departmentId === item.departmentId));
  const siblings = items.filter((row) => row.sectionId === item.sectionId);
  const index = siblings.findIndex((row) => row.id === item.id);
  const move = async (direction: 'up' | 'down') => {
    const beforeId = direction === 'up' ? siblings[index - 1]?.id : (siblings[index + 2]?.id ?? null);
    if (direction === 'up' && !beforeId) return;
    const result = await moveItem.mutateAsync({ id: item.id, sectionId: item.sectionId, beforeId });
    if (!result.ok) return notifyFailure(result);
    notifySuccess(t.moved);
  };
  const remove = async () => {
    if (!(await confirmAction({ message: t.deleteConfirm(item.title), confirmLabel: t.deleteItem, danger: true })))
      return;
    const result = await deleteItem.mutateAsync({ ids: [item.id] });
    if (!result.ok) return notifyFailure(result);
    notifySuccess(t.deleted);
    onDeleted();
  };

  return (
    <Stack gap="md" data-testid="item-drawer">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {t.drawerNumber(item.number)}
            </Text>
            <Badge color={statusColor[item.status]} variant="light" radius="sm" data-testid="item-status">
              {itemStatusText[item.status]}
            </Badge>
            <span
              className={`dot dot-${item.light}`}
              role="img"
              aria-label={lightShortText[item.light]}
              title={lightShortText[item.light]}
            />
            <Text size="xs" c="dimmed">
              {lightShortText[item.light]}
            </Text>
            {issued && (
              <Tooltip label={t.issuedHint} multiline w={260} withArrow zIndex={300}>
                <Badge color="court" variant="outline" radius="sm" data-testid="item-issued">
                  {t.issued}
                </Badge>
              </Tooltip>
            )}
            {foreign && (
              <Badge color="gray" variant="filled" radius="sm" data-testid="item-other-court">
                {t.otherCourt(item.origin)}
              </Badge>
            )}
            {item.completedLate && <span className="late-tag">{completedLateText}</span>}
            {item.highlight && <HighlightBadge testId="item-highlight" />}
            {/* While red, the light itself says it. */}
            {item.wasRed && item.light !== 'red' && (
              <Badge
                color="red"
                variant="outline"
                radius="sm"
                size="sm"
                title={t.wasRedHint}
                data-testid="item-was-red"
              >
                {t.wasRed}
              </Badge>
            )}
            {item.escalateTo && item.light !== 'none' && !isDone(item.status) && (
              <Text
                size="xs"
                c={item.light === 'red' ? 'red.8' : item.light === 'yellow' ? 'yellow.9' : 'dimmed'}
                title={t.escalateToHint}
                data-testid="item-escalate-to"
              >
                {t.escalateTo(item.escalateTo)}
              </Text>
            )}
          </Group>
          <Title order={3} mt={6} lh={1.35} data-testid="item-title">
            {item.title}
          </Title>
          {/* The drawer's name for a screen reader (the visible header is our own). */}
          <Drawer.Title hidden>{item.title}</Drawer.Title>
          {item.completedAt && (
            <Text size="xs" c="gray.7" mt={4} data-testid="item-completed-by">
              {item.completedByName
                ? t.completedBy(item.completedByName, formatDateTime(item.completedAt))
                : `${t.completedAt}：${formatDateTime(item.completedAt)}`}
            </Text>
          )}
          {returnReason !== null && (
            <Alert color="red" variant="light" mt={6} p="xs" title={t.returnedBanner} data-testid="item-return-reason">
              {t.returnedReason(returnReason)}
            </Alert>
          )}
          <Box mt={6}>
            <LightHistory spans={item.lightHistory} />
          </Box>
        </div>
        <Group gap={4} wrap="nowrap">
          {mayMarkHighlight && (
            <Box mr={4}>
              <HighlightToggle target="item" id={item.id} version={item.version} highlight={item.highlight} />
            </Box>
          )}
          {!foreign && (
            <>
              <IconAction
                label={issued ? t.issuedNoMove : closed ? t.closedNoChange : t.moveUp}
                variant="default"
                onClick={() => void move('up')}
                disabled={issued || closed || index <= 0}
              >
                <IconArrowUp size={16} />
              </IconAction>
              <IconAction
                label={issued ? t.issuedNoMove : closed ? t.closedNoChange : t.moveDown}
                variant="default"
                onClick={() => void move('down')}
                disabled={issued || closed || index < 0 || index >= siblings.length - 1}
              >
                <IconArrowDown size={16} />
              </IconAction>
              <IconAction
                label={issued ? t.issuedNoDelete : closed ? t.closedNoChange : t.deleteItem}
                variant="default"
                color="red"
                onClick={() => void remove()}
                disabled={issued || closed}
              >
                <IconTrash size={16} />
              </IconAction>
            </>
          )}
          <Drawer.CloseButton ml={4} aria-label={t.closeDrawer} title={t.closeDrawer} />
        </Group>
      </Group>

      {foreign ? (
        <Alert color="gray" variant="light" data-testid="item-read-only">
          {t.otherCourtHint(item.origin)}{' '}
          <IssueOrderForItem
            campaignId={item.campaignId}
            courtCode={item.origin}
            itemId={item.id}
            onDialog={onDialog}
          />
        </Alert>
      ) : (
        <StatusActions item={item} onDialog={onDialog} />
      )}

      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="progress" data-testid="item-tab-progress">
            {t.tabProgress}（{item.notes.length}）
          </Tabs.Tab>
          <Tabs.Tab value="info">{t.tabInfo}</Tabs.Tab>
          <Tabs.Tab value="evidence">
            {t.tabEvidence}（{item.evidence.length}）
          </Tabs.Tab>
          <Tabs.Tab value="signoffs">
            {t.tabSignoffs}（{item.signoffs.length}）
          </Tabs.Tab>
          {(foreign || received) && (
            <Tabs.Tab value="supervision" color="orange" data-testid="item-tab-supervision">
              {foreign ? t.tabSupervision : t.tabReceivedSupervision}（{notes.length}）
            </Tabs.Tab>
          )}
          {!foreign && mayReadAudit && <Tabs.Tab value="audit">{t.tabAudit}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="info" pt="md">
          <ItemEditForm item={item} sections={sections} readOnly={foreign} onReload={reload} />
        </Tabs.Panel>
        <Tabs.Panel value="progress" pt="md">
          <NotesPanel
            item={item}
            readOnly={foreign}
            autoFocus={!foreign && !reviewing}
            mayMarkHighlight={mayMarkHighlight}
          />
        </Tabs.Panel>
        <Tabs.Panel value="evidence" pt="md">
          <EvidencePanel item={item} readOnly={foreign} />
        </Tabs.Panel>
        <Tabs.Panel value="supervision" pt="md">
          <ItemSupervision
            itemId={item.id}
            campaignId={item.campaignId}
            courtCode={item.origin}
            received={!foreign}
            notes={notes}
          />
        </Tabs.Panel>
        <Tabs.Panel value="signoffs" pt="md">
          <SignoffList item={item} />
        </Tabs.Panel>
        <Tabs.Panel value="audit" pt="md">
          <ItemAudit itemId={item.id} sections={sections} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function SignoffList({ item }: { item: ItemDetail }) {
  if (item.signoffs.length === 0) {
    return (
      <Text c="dimmed" size="sm" ta="center" py="md">
        {t.noSignoffs}
      </Text>
    );
  }
  return (
    <Table verticalSpacing={6} fz="sm" data-testid="signoff-list">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={150}>{t.decidedAt}</Table.Th>
          <Table.Th w={90}>{t.decision}</Table.Th>
          <Table.Th w={90}>{t.reviewer}</Table.Th>
          <Table.Th>{t.opinion}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {item.signoffs.map((s) => (
          <Table.Tr key={s.id} data-testid="signoff-row">
            <Table.Td>{formatDateTime(s.decidedAt)}</Table.Td>
            <Table.Td>
              <Badge color={decisionColor[s.decision]} variant="light" radius="sm">
                {decisionText[s.decision]}
              </Badge>
            </Table.Td>
            <Table.Td>{s.reviewer}</Table.Td>
            <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{s.opinion}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function ItemAudit({ itemId, sections }: { itemId: string; sections: Section[] }) {
  const { departments } = useApp();
  const { data: entries, error } = useRead('audit.list', { rowId: itemId, limit: 200 });
  if (error) return <Alert color="red">{error.message}</Alert>;
  if (!entries) return <Loader size="sm" />;
  const resolvers = {
    department: (id: string) => departments.find((d) => d.id === id)?.name,
    section: (id: string) => {
      const s = sections.find((x) => x.id === id);
      return s ? `${s.number}${s.title}` : undefined;
    },
  };
  return (
    <Stack gap="xs" data-testid="item-audit">
      <Text size="xs" c="dimmed">
        {t.auditHint}
      </Text>
      {entries.map((entry) => (
        <AuditEntryView key={entry.seq} entry={entry} resolvers={resolvers} showTable={false} />
      ))}
    </Stack>
  );
}
