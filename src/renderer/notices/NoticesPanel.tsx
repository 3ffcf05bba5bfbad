// The 通报 section of the campaign's 督办通报 tab: this court's notices (drafts too) and those its
// superiors issued, newest first. A court with subordinates drafts new ones here (起草通报) or from
// the matrix's selection (?draft=criticism&courts=A,B opens the draft dialog prefilled). A notice
// opens by its address (?notice=<id>): the editor for an own draft, the read-only view otherwise.
import { useState, type MouseEvent } from 'react';
import { Alert, Anchor, Badge, Button, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconFilePlus } from '@tabler/icons-react';
import { useRead } from '../api/queries';
import { useApp } from '../AppContext';
import { EmptyState } from '../common/EmptyState';
import { formatDate } from '../lib/dates';
import { closeRecord, openRecord, routeHref, useRoute, withoutRecord, type CampaignRoute } from '../lib/router';
import { NoticeDraftDialog } from './NoticeDraftDialog';
import { NamedCourts } from './NamedCourts';
import { NoticeDrawer } from './NoticeDrawer';
import { noticeKindColor, noticeKindText, noticeStatusText, noticeText as t } from './text';

/** The address of the orders tab this panel sits on (a fallback when the route is elsewhere). */
function panelRoute(route: ReturnType<typeof useRoute>, campaignId: string): CampaignRoute {
  return route.name === 'campaign' && route.id === campaignId
    ? route
    : { name: 'campaign', id: campaignId, tab: 'orders' };
}

export function NoticesPanel({ campaignId }: { campaignId: string }) {
  const { court, can } = useApp();
  const route = panelRoute(useRoute(), campaignId);
  const base = withoutRecord(route);
  const mayDraft = court.level !== 'basic' && can('admin', 'reviewer');
  const list = useRead('notices.list', { campaignId });
  const [dialogOpen, setDialogOpen] = useState(false);
  const notices = list.data ?? null;
  const anyReceived = notices?.some((notice) => notice.relation === 'received') ?? false;

  const noticeRoute = (id: string): CampaignRoute => ({ ...base, notice: id });
  const open = (event: MouseEvent, id: string) => {
    event.preventDefault();
    openRecord(noticeRoute(id));
  };
  const draftOpen = mayDraft && (dialogOpen || !!route.draft);
  const closeDraft = () => {
    setDialogOpen(false);
    if (route.draft) closeRecord(base);
  };

  return (
    <Paper withBorder p="md" data-testid="notices-panel">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Title order={4}>{t.heading}</Title>
            <Text size="sm" c="dimmed">
              {t.headingHint}
            </Text>
          </div>
          {mayDraft && (
            <Button
              leftSection={<IconFilePlus size={16} />}
              onClick={() => setDialogOpen(true)}
              data-testid="notice-draft"
            >
              {t.draft}
            </Button>
          )}
        </Group>
        {list.error && !notices && (
          <Alert color="red" title={t.loadFailed} data-testid="notices-load-failed">
            <Text size="sm">{list.error.message}</Text>
            <Button size="xs" variant="light" mt="xs" onClick={() => void list.refetch()}>
              {t.retry}
            </Button>
          </Alert>
        )}
        {!notices && !list.error && <Skeleton h={120} />}
        {notices && notices.length === 0 && (
          <EmptyState title={t.emptyTitle} text={mayDraft ? t.emptyHigher : t.emptyBasic} testId="notices-empty" />
        )}
        {notices && notices.length > 0 && (
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="xs" highlightOnHover data-testid="notices-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={170}>{t.columns.docNumber}</Table.Th>
                  <Table.Th>{t.columns.title}</Table.Th>
                  <Table.Th w={100}>{t.columns.kind}</Table.Th>
                  <Table.Th w={240}>{t.columns.named}</Table.Th>
                  <Table.Th w={110}>{t.columns.signedDate}</Table.Th>
                  <Table.Th w={80}>{t.columns.status}</Table.Th>
                  {anyReceived && <Table.Th w={180}>{t.columns.issuer}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {notices.map((notice) => (
                  <Table.Tr
                    key={notice.id}
                    data-testid="notice-row"
                    data-notice={notice.id}
                    style={{ cursor: 'pointer' }}
                    onClick={(event) => {
                      if ((event.target as HTMLElement).closest('a, button')) return;
                      openRecord(noticeRoute(notice.id));
                    }}
                  >
                    <Table.Td data-testid="notice-doc-number">
                      {notice.docNumber || (
                        <Text span size="sm" c="dimmed">
                          {t.draftNumber}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Anchor
                        href={routeHref(noticeRoute(notice.id))}
                        onClick={(event) => open(event, notice.id)}
                        aria-label={t.openNotice(notice.title)}
                        data-testid="notice-title"
                      >
                        {notice.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={noticeKindColor[notice.kind]} radius="sm">
                        {noticeKindText[notice.kind]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <NamedCourts notice={notice} />
                    </Table.Td>
                    <Table.Td>{notice.signedDate ? formatDate(notice.signedDate) : '—'}</Table.Td>
                    <Table.Td data-testid="notice-status">
                      <Badge variant={notice.status === 'issued' ? 'light' : 'outline'} color="gray" radius="sm">
                        {noticeStatusText[notice.status]}
                      </Badge>
                    </Table.Td>
                    {anyReceived && (
                      <Table.Td>{notice.relation === 'received' ? notice.originName : t.ownCourt}</Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      {mayDraft && (
        <NoticeDraftDialog
          opened={draftOpen}
          campaignId={campaignId}
          initialKind={route.draft ?? 'criticism'}
          initialCourts={route.draftCourts ?? []}
          onClose={closeDraft}
          onCreated={(id) => {
            setDialogOpen(false);
            openRecord(noticeRoute(id), !!route.draft);
          }}
        />
      )}
      <NoticeDrawer noticeId={route.notice ?? null} onClose={() => closeRecord(base)} />
    </Paper>
  );
}
