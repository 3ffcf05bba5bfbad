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
import { StatusActions } from './StatusActions';
import { ItemSupervision } from './SupervisionNotes';
import { itemText as t } from './text';
import { IconAction } from '../common/IconAction';

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
interface Props {
  itemId: string | null;
  items: ItemRow[];
  sections: Section[];
  onClose(): void;
  onDeleted(): void;
}

export function ItemDrawer({ itemId, items, sections, onClose, onDeleted }: Props) {
  // While a dialog inside the drawer is open, Esc closes only that dialog.
  const [dialogOpen, setDialogOpen] = useState(false);
  const confirmOpen = useConfirmOpen();
  return (
    <Drawer
      opened={!!itemId}
      onClose={onClose}
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
        />
      )}
    </Drawer>
  );
}

function ItemDetailView({
  itemId,
  items,
  sections,
  onClose,
  onDeleted,
  onDialog,
}: Omit<Props, 'itemId'> & { itemId: string; onDialog(open: boolean): void }) {
  const { court } = useApp();
  const [tab, setTab] = useState<string | null>('info');
  const itemRead = useRead('items.get', { id: itemId });
  const item = itemRead.data;
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
  const issued = !!item.sourceItemId;
  const received = !foreign && notes.some((note) => note.origin !== court.code);
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
            <span className={`dot dot-${item.light}`} title={lightShortText[item.light]} />
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
          {item.completedAt && (
            <Text size="xs" c="dimmed" mt={4}>
              {t.completedAt}：{formatDateTime(item.completedAt)}
            </Text>
          )}
          <Box mt={6}>
            <LightHistory spans={item.lightHistory} />
          </Box>
        </div>
        <Group gap={4} wrap="nowrap">
          {!foreign && (
            <>
              <IconAction
                label={issued ? t.issuedNoMove : t.moveUp}
                variant="default"
                onClick={() => void move('up')}
                disabled={issued || index <= 0}
              >
                <IconArrowUp size={16} />
              </IconAction>
              <IconAction
                label={issued ? t.issuedNoMove : t.moveDown}
                variant="default"
                onClick={() => void move('down')}
                disabled={issued || index < 0 || index >= siblings.length - 1}
              >
                <IconArrowDown size={16} />
              </IconAction>
              <IconAction
                label={issued ? t.issuedNoDelete : t.deleteItem}
                variant="default"
                color="red"
                onClick={() => void remove()}
                disabled={issued}
              >
                <IconTrash size={16} />
              </IconAction>
            </>
          )}
          <Drawer.CloseButton ml={4} />
        </Group>
      </Group>

      {foreign ? (
        <Alert color="gray" variant="light" data-testid="item-read-only">
          {t.otherCourtHint(item.origin)}
        </Alert>
      ) : (
        <StatusActions item={item} onDialog={onDialog} />
      )}

      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="info">{t.tabInfo}</Tabs.Tab>
          <Tabs.Tab value="notes">
            {t.tabNotes}（{item.notes.length}）
          </Tabs.Tab>
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
          {!foreign && <Tabs.Tab value="audit">{t.tabAudit}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="info" pt="md">
          <ItemEditForm item={item} sections={sections} readOnly={foreign} onReload={reload} />
        </Tabs.Panel>
        <Tabs.Panel value="notes" pt="md">
          <NotesPanel item={item} readOnly={foreign} />
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
