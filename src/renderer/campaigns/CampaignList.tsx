// The campaign list: one card per campaign with its figures; create, edit, close/reopen, delete.
// A campaign received from a superior (上级下发) is the issuer's to edit, close or delete.
import { useState, type MouseEvent } from 'react';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Menu,
  Paper,
  Progress,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
} from '@mantine/core';
import {
  IconDatabaseImport,
  IconDots,
  IconEdit,
  IconLock,
  IconLockOpen,
  IconPlus,
  IconTrash,
} from '@tabler/icons-react';
import type { Campaign, JobStatus } from '../../shared/model';
import { demoLoadedIn } from '../../shared/demo/demoModel';
import { useRead, useWrite } from '../api/queries';
import { useApp } from '../AppContext';
import { confirmAction } from '../common/confirm';
import { JobProgress } from '../common/JobProgress';
import { RetryAlert } from '../common/RetryAlert';
import { campaignStatusColor, campaignStatusText, commonText } from '../common/text';
import { formatDate } from '../lib/dates';
import { notifyFailure, notifySuccess } from '../lib/notify';
import { campaignRoute, navigate, routeHref } from '../lib/router';
import { CampaignFormModal } from './CampaignForm';
import { followChecklistLink } from '../campaign/itemsPrefetch';
import { useCanCall } from '../campaign/canCall';
import { campaignsText as t } from './text';
import { PageHeader } from '../common/PageHeader';
import { EmptyState } from '../common/EmptyState';

export function CampaignList() {
  const { court } = useApp();
  // 新建专项活动 and the card menu are offered to those the contract lets create (MANAGERS).
  const canCall = useCanCall();
  const mayCreate = canCall('campaigns.create');
  const list = useRead('campaigns.list', { includeClosed: true });
  const campaigns = list.data ?? null;
  const [editing, setEditing] = useState<{ campaign: Campaign | null } | null>(null);
  const [demoJob, setDemoJob] = useState<string | null>(null);
  const [demoError, setDemoError] = useState<string | null>(null);
  // After each of these the list (and with the demo, the departments and people) reread themselves.
  const demoStart = useWrite('demo.start');
  const changeStatus = useWrite('campaigns.setStatus');
  const deleteCampaign = useWrite('campaigns.delete');
  const demoBusy = !!demoJob || demoStart.isPending;
  // 载入示例数据: for those who may load it (administrators), and only until the demo is here.
  const offerDemo = canCall('demo.start') && campaigns !== null && (!!demoJob || !demoLoadedIn(campaigns, court.code));

  const startDemo = async () => {
    setDemoError(null);
    const result = await demoStart.mutateAsync(undefined);
    if (result.ok) setDemoJob(result.value.jobId);
    else notifyFailure(result);
  };

  // JobProgress has the screens reread what the demo wrote.
  const demoFinished = (status: JobStatus) => {
    setDemoJob(null);
    if (status.state === 'done') notifySuccess(t.demoDone);
    else if (status.state === 'failed') setDemoError(status.error ?? status.message);
  };

  const setStatus = async (campaign: Campaign, status: 'active' | 'closed') => {
    const ok = await confirmAction({
      message: status === 'closed' ? t.closeConfirm(campaign.title) : t.reopenConfirm(campaign.title),
      confirmLabel: status === 'closed' ? t.close : t.reopen,
    });
    if (!ok) return;
    const result = await changeStatus.mutateAsync({ id: campaign.id, version: campaign.version, status });
    if (!result.ok) return notifyFailure(result);
    notifySuccess(status === 'closed' ? t.closed : t.reopened);
  };

  const remove = async (campaign: Campaign) => {
    const ok = await confirmAction({
      message: t.deleteConfirm(campaign.title, campaign.figures.total),
      confirmLabel: t.delete,
      danger: true,
    });
    if (!ok) return;
    const result = await deleteCampaign.mutateAsync({ id: campaign.id, version: campaign.version });
    if (!result.ok) return notifyFailure(result);
    notifySuccess(t.deleted);
  };

  return (
    <Stack gap="md" maw={1400}>
      <PageHeader title={t.title} subtitle={t.subtitle}>
        <Group>
          {offerDemo && (
            <Button
              variant="default"
              leftSection={<IconDatabaseImport size={16} />}
              onClick={() => void startDemo()}
              disabled={demoBusy}
            >
              {t.loadDemo}
            </Button>
          )}
          {mayCreate && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ campaign: null })}>
              {t.create}
            </Button>
          )}
        </Group>
      </PageHeader>

      {demoJob && (
        <Paper withBorder p="md">
          <Text fw={600} mb="xs">
            {t.demoTitle}
          </Text>
          <JobProgress jobId={demoJob} onFinished={demoFinished} />
        </Paper>
      )}
      {demoError && (
        <Alert color="red" withCloseButton onClose={() => setDemoError(null)}>
          {demoError}
        </Alert>
      )}
      {list.error && <RetryAlert title={t.loadFailed} error={list.error.message} onRetry={() => void list.refetch()} />}

      {!campaigns && !list.error && (
        <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} h={210} radius="sm" />
          ))}
        </SimpleGrid>
      )}

      {campaigns && campaigns.length === 0 && (
        <EmptyState
          title={t.emptyTitle}
          text={mayCreate ? (offerDemo ? t.emptyText : t.emptyTextNoDemo) : t.emptyTextNoCreate}
          testId="campaigns-empty"
        >
          <Group justify="center">
            {mayCreate && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ campaign: null })}>
                {t.create}
              </Button>
            )}
            {offerDemo && (
              <Button
                variant="default"
                leftSection={<IconDatabaseImport size={16} />}
                onClick={() => void startDemo()}
                disabled={demoBusy}
              >
                {t.loadDemo}
              </Button>
            )}
          </Group>
        </EmptyState>
      )}

      {campaigns && campaigns.length > 0 && (
        <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
          {campaigns.map((campaign) => (
            <CampaignCard
              key={campaign.id}
              campaign={campaign}
              onEdit={() => setEditing({ campaign })}
              onClose={() => void setStatus(campaign, 'closed')}
              onReopen={() => void setStatus(campaign, 'active')}
              onDelete={() => void remove(campaign)}
            />
          ))}
        </SimpleGrid>
      )}

      <CampaignFormModal
        opened={!!editing}
        campaign={editing?.campaign ?? null}
        defaultIssuer={court.name}
        onClose={() => setEditing(null)}
        onSaved={(saved) => {
          const wasNew = !editing?.campaign;
          setEditing(null);
          if (wasNew) navigate(campaignRoute(saved.id));
        }}
      />
    </Stack>
  );
}

function Stat({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} size="lg" c={color} className="figure-value">
        {value}
      </Text>
    </div>
  );
}

function CampaignCard({
  campaign,
  onEdit,
  onClose,
  onReopen,
  onDelete,
}: {
  campaign: Campaign;
  onEdit(): void;
  onClose(): void;
  onReopen(): void;
  onDelete(): void;
}) {
  const { court } = useApp();
  const canCall = useCanCall();
  const issuedToUs = campaign.origin !== court.code;
  // Edit, close and delete are all MANAGERS: one check offers the menu.
  const manages = canCall('campaigns.update');
  const f = campaign.figures;
  const href = routeHref(campaignRoute(campaign.id));
  return (
    <Card withBorder padding="lg" radius="sm" data-testid="campaign-card" data-campaign-id={campaign.id}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="xs">
        <Text
          fw={600}
          size="lg"
          lh={1.4}
          c="inherit"
          td="none"
          // A real link: Tab reaches it, the address shows, a screen reader says "链接".
          component="a"
          href={href}
          onClick={(event) => followChecklistLink(event, campaign.id, href)}
          data-testid="campaign-title"
        >
          {campaign.title}
        </Text>
        {!issuedToUs && manages && (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" aria-label={t.more}>
                <IconDots size={18} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconEdit size={15} />} onClick={onEdit}>
                {t.edit}
              </Menu.Item>
              {campaign.status === 'closed' ? (
                <Menu.Item leftSection={<IconLockOpen size={15} />} onClick={onReopen}>
                  {t.reopen}
                </Menu.Item>
              ) : (
                <Menu.Item leftSection={<IconLock size={15} />} onClick={onClose}>
                  {t.close}
                </Menu.Item>
              )}
              <Menu.Divider />
              <Menu.Item color="red" leftSection={<IconTrash size={15} />} onClick={onDelete}>
                {t.delete}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
      <Group gap={6} mb="sm">
        <Badge
          color={campaignStatusColor[campaign.status]}
          variant={campaign.status === 'active' ? 'light' : 'outline'}
          radius="sm"
        >
          {campaignStatusText[campaign.status]}
        </Badge>
        <Badge color="gray" variant="outline" radius="sm">
          {t.year(campaign.year)}
        </Badge>
        {issuedToUs && (
          <Badge color="court" variant="outline" radius="sm" title={t.issuedHint} data-testid="campaign-card-issued">
            {t.issued}
          </Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {t.issuedBy}：{campaign.issuingCourtName}
      </Text>
      <Text size="sm" c="dimmed">
        {t.period}：
        {campaign.startDate || campaign.endDate
          ? commonText.period(formatDate(campaign.startDate), formatDate(campaign.endDate))
          : t.noPeriod}
      </Text>
      <Group justify="space-between" mt="md" mb={4}>
        <Text size="sm">{t.percentDone}</Text>
        <Text size="sm" fw={600} className="figure-value">
          {f.percentDone}%
        </Text>
      </Group>
      <Progress.Root size="md">
        <Progress.Section value={f.total ? (f.signedOff * 100) / f.total : 0} color="teal" aria-label={t.signedOff} />
        <Progress.Section
          value={f.total ? ((f.done - f.signedOff) * 100) / f.total : 0}
          color="blue.4"
          aria-label={t.done}
        />
      </Progress.Root>
      <Group justify="space-between" mt="md" grow>
        <Stat label={t.total} value={f.total} />
        <Stat label={t.done} value={f.done} />
        <Stat label={t.signedOff} value={f.signedOff} color="teal.8" />
        <Stat label={t.overdue} value={f.overdue} color={f.overdue ? 'red.7' : undefined} />
      </Group>
      <Button
        component="a"
        href={href}
        variant="light"
        mt="md"
        onClick={(event: MouseEvent<HTMLAnchorElement>) => followChecklistLink(event, campaign.id, href)}
      >
        {t.open}
      </Button>
    </Card>
  );
}
