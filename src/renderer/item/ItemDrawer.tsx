// The item drawer: fields, status actions, progress notes, evidence, sign-offs and audit trail.
// A copy of a superior's mandatory item (上级下发) keeps its definition locked. Another court's
// item (a subordinate's, viewed at the higher court) is read-only, with the 督导意见 form; our own
// item shows the superior's notes on it (上级督导意见) when there are any.
import { useCallback, useEffect, useState } from 'react';
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
import type { AuditEntry, ItemDetail, ItemRow, Section, SupervisionNote } from '../../shared/model';
import { send } from '../api/client';
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

interface Props {
  itemId: string | null;
  items: ItemRow[];
  sections: Section[];
  onClose(): void;
  onChanged(item: ItemDetail, structural?: boolean): void;
  onDeleted(): void;
}

export function ItemDrawer({ itemId, items, sections, onClose, onChanged, onDeleted }: Props) {
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
          onChanged={onChanged}
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
  onChanged,
  onDeleted,
  onDialog,
}: Props & { itemId: string; onDialog(open: boolean): void }) {
  const { court } = useApp();
  const [item, setItem] = useState<ItemDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tab, setTab] = useState<string | null>('info');
  const [auditVersion, setAuditVersion] = useState(0);
  const [notes, setNotes] = useState<SupervisionNote[]>([]);

  // Another court's item: the notes we wrote on it. Our own: those our superiors wrote on it.
  const itemCourt = item?.origin;
  const itemCampaign = item?.campaignId;
  const loadNotes = useCallback(async () => {
    if (!itemCourt || !itemCampaign) return;
    const result = await send('supervision.list', { campaignId: itemCampaign, courtCode: itemCourt });
    if (result.ok) setNotes(result.value.filter((note) => note.itemId === itemId));
  }, [itemCourt, itemCampaign, itemId]);
  useEffect(() => {
    void loadNotes();
  }, [loadNotes]);

  const reload = useCallback(async () => {
    const result = await send('items.get', { id: itemId });
    if (result.ok) {
      setItem(result.value);
      setError(null);
      setAuditVersion((v) => v + 1);
      onChanged(result.value);
    } else setError(result.message);
  }, [itemId, onChanged]);

  useEffect(() => {
    void send('items.get', { id: itemId }).then((result) => {
      if (result.ok) setItem(result.value);
      else setError(result.message);
    });
  }, [itemId]);

  const changed = (updated: ItemDetail) => {
    setItem(updated);
    setAuditVersion((v) => v + 1);
    onChanged(updated);
  };

  if (!item) {
    return error ? (
      <Alert color="red" title={t.loadFailed} withCloseButton onClose={onClose}>
        {error}
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
    const result = await send('items.move', { id: item.id, sectionId: item.sectionId, beforeId });
    if (!result.ok) return notifyFailure(result);
    notifySuccess(t.moved);
    const fresh = await send('items.get', { id: item.id });
    if (fresh.ok) {
      setItem(fresh.value);
      setAuditVersion((v) => v + 1);
      onChanged(fresh.value, true);
    }
  };
  const remove = async () => {
    if (!(await confirmAction({ message: t.deleteConfirm(item.title), confirmLabel: t.deleteItem, danger: true })))
      return;
    const result = await send('items.delete', { ids: [item.id] });
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
        <StatusActions item={item} onChanged={changed} onDialog={onDialog} />
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
          <ItemEditForm
            item={item}
            sections={sections}
            readOnly={foreign}
            onSaved={(updated) => changed(updated)}
            onReload={reload}
          />
        </Tabs.Panel>
        <Tabs.Panel value="notes" pt="md">
          <NotesPanel item={item} readOnly={foreign} onAdded={reload} />
        </Tabs.Panel>
        <Tabs.Panel value="evidence" pt="md">
          <EvidencePanel item={item} readOnly={foreign} onChanged={reload} />
        </Tabs.Panel>
        <Tabs.Panel value="supervision" pt="md">
          <ItemSupervision
            itemId={item.id}
            campaignId={item.campaignId}
            courtCode={item.origin}
            received={!foreign}
            notes={notes}
            onChanged={() => void loadNotes()}
          />
        </Tabs.Panel>
        <Tabs.Panel value="signoffs" pt="md">
          <SignoffList item={item} />
        </Tabs.Panel>
        <Tabs.Panel value="audit" pt="md">
          <ItemAudit itemId={item.id} version={auditVersion} sections={sections} />
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

function ItemAudit({ itemId, version, sections }: { itemId: string; version: number; sections: Section[] }) {
  const { departments } = useApp();
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void send('audit.list', { rowId: itemId, limit: 200 }).then((result) => {
      if (result.ok) setEntries(result.value);
      else setError(result.message);
    });
  }, [itemId, version]);
  if (error) return <Alert color="red">{error}</Alert>;
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
