// One 督办单, as every court sees it: its 文号, kind, colour in words, who issued it to whom, the
// reply deadline, the requirement, the items it concerns and its way so far (OrderTimeline). What
// can be done depends on how the order stands to this court (relation), the person's roles and
// the order's state: the receiving court signs for it and replies through its own reviewer; the
// issuer closes it (办结), returns it (退回) or changes it; a court on the way only reads it.
import { useMemo, useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Center,
  Divider,
  Drawer,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconChecks, IconEdit, IconInfoCircle, IconSignature } from '@tabler/icons-react';
import {
  orderColours,
  type LinkedItem,
  type OrderColour,
  type SupervisionOrder,
} from '../../shared/orders/ordersModel';
import { useRead, useWrite } from '../api/queries';
import { useApp } from '../AppContext';
import { useCanCall } from '../campaign/canCall';
import { confirmAction, useConfirmOpen } from '../common/confirm';
import { DateField } from '../common/DateField';
import { GuardedDrawer, GuardedModal } from '../common/useCloseGuard';
import { CancelButton, ReasonDialog } from '../common/ReasonDialog';
import { formatDate, formatDateTime } from '../lib/dates';
import { serverFieldErrors } from '../lib/forms';
import { notifyFailure, notifySuccess } from '../lib/notify';
import { itemRoute, routeHref } from '../lib/router';
import { ColourBadge, DaysLeftText, StateBadge } from './OrderBadges';
import { OrderTimeline } from './OrderTimeline';
import { ReplyForm } from './ReplyForm';
import { receivedText as t } from './receivedText';
import { colourLabel, kindLabel } from './text';
import { LabeledValue } from '../common/Figure';

export function OrderDrawer({ orderId, onClose }: { orderId: string | null; onClose(): void }) {
  // While a dialog inside the drawer is open, Esc closes only that dialog.
  const [dialogOpen, setDialogOpen] = useState(false);
  const confirmOpen = useConfirmOpen();
  return (
    <GuardedDrawer
      opened={!!orderId}
      onClose={onClose}
      closeOnEscape={!dialogOpen && !confirmOpen}
      position="right"
      size={760}
      padding="lg"
      overlayProps={{ backgroundOpacity: 0.2 }}
      title={null}
      withCloseButton={false}
    >
      {orderId && <OrderView key={orderId} orderId={orderId} onClose={onClose} onDialog={setDialogOpen} />}
    </GuardedDrawer>
  );
}

function OrderView({
  orderId,
  onClose,
  onDialog,
}: {
  orderId: string;
  onClose(): void;
  onDialog(open: boolean): void;
}) {
  const { court } = useApp();
  const read = useRead('orders.get', { id: orderId });
  const order = read.data;
  // The items of the receiving court held here: those the order and its replies link to open in their drawer.
  const other = order && order.courtCode !== court.code ? order.courtCode : undefined;
  const itemsRead = useRead(
    'items.list',
    { campaignId: order?.campaignId ?? '', ...(other ? { courtCode: other } : {}) },
    { enabled: !!order },
  );
  const held = useMemo(() => new Set((itemsRead.data ?? []).map((row) => row.id)), [itemsRead.data]);

  if (!order) {
    return read.error ? (
      <Alert color="red" title={t.loadFailed} withCloseButton onClose={onClose} data-testid="order-drawer">
        {read.error.message}
      </Alert>
    ) : (
      <Center h={300}>
        <Loader />
      </Center>
    );
  }
  const itemHref = (item: LinkedItem) =>
    held.has(item.id) ? routeHref(itemRoute(order.campaignId, item.id, undefined, other)) : null;

  return (
    <Stack gap="md" data-testid="order-drawer" data-relation={order.relation} data-state={order.state}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Badge
              color="court"
              variant="outline"
              radius="sm"
              data-testid="order-kind"
              style={{ textTransform: 'none' }}
            >
              {kindLabel[order.kind]}
            </Badge>
            <ColourBadge order={order} />
            <StateBadge order={order} />
            {order.overdue && (
              <Badge color="red" variant="outline" radius="sm" data-testid="order-overdue">
                {t.overdueBadge}
              </Badge>
            )}
          </Group>
          <Title order={3} mt={6} lh={1.35} data-testid="order-doc-number">
            {order.docNumber}
          </Title>
          <Drawer.Title hidden>{t.drawerLabel(order.docNumber)}</Drawer.Title>
        </div>
        <Drawer.CloseButton aria-label={t.closeDrawer} title={t.closeDrawer} />
      </Group>

      {(order.relation === 'superior' || order.relation === 'subordinate') && (
        <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} />} data-testid="order-read-only">
          {order.relation === 'superior'
            ? t.relationSuperior(order.originName, order.courtName)
            : t.relationSubordinate(order.originName, order.courtName)}
        </Alert>
      )}

      <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
        <LabeledValue label={t.origin} testId="order-origin">
          {order.originName}
        </LabeledValue>
        <LabeledValue label={t.court} testId="order-court">
          {order.courtName}
        </LabeledValue>
        <LabeledValue label={t.issued}>{t.issuedBy(formatDateTime(order.issuedAt), order.issuedBy)}</LabeledValue>
        <LabeledValue label={t.replyDue} testId="order-reply-due">
          <Group gap={8}>
            <span className="figure-value">{formatDate(order.replyDue)}</span>
            {order.status !== 'closed' && <DaysLeftText order={order} />}
          </Group>
        </LabeledValue>
        <LabeledValue label={t.campaign}>{order.campaignTitle}</LabeledValue>
        <LabeledValue label={t.state}>
          <StateBadge order={order} size="sm" />
        </LabeledValue>
      </SimpleGrid>

      <div>
        <Text size="sm" fw={600} mb={4}>
          {t.requirement}
        </Text>
        <Paper withBorder p="sm" radius="sm" bg="gray.0">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="order-requirement">
            {order.requirement}
          </Text>
        </Paper>
      </div>

      <div data-testid="order-items">
        <Text size="sm" fw={600} mb={4}>
          {t.items}
        </Text>
        {order.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t.noItems}
          </Text>
        ) : (
          <Stack gap={2}>
            {order.items.map((item) => {
              const href = itemHref(item);
              return href ? (
                <Anchor key={item.id} href={href} size="sm" data-testid="order-item-link">
                  {item.title}
                </Anchor>
              ) : (
                <Text key={item.id} size="sm">
                  {item.title}
                </Text>
              );
            })}
          </Stack>
        )}
      </div>

      {order.relation === 'received' && <ReceivedActions order={order} onDialog={onDialog} />}
      {order.relation === 'issued' && <IssuerActions order={order} onDialog={onDialog} />}
      {order.status === 'closed' && (
        <Alert
          color="green"
          variant="light"
          icon={<IconChecks size={18} />}
          title={t.closedBanner}
          data-testid="order-closed"
        >
          {order.decidedBy && order.decidedAt ? t.closedBy(order.decidedBy, formatDateTime(order.decidedAt)) : null}
        </Alert>
      )}

      <Divider label={t.timeline} labelPosition="left" />
      <OrderTimeline order={order} itemHref={itemHref} />
    </Stack>
  );
}

/** At the receiving court: 签收, the reply and its review. */
function ReceivedActions({ order, onDialog }: { order: SupervisionOrder; onDialog(open: boolean): void }) {
  const { user } = useApp();
  const canCall = useCanCall();
  const sign = useWrite('orders.sign');
  const [justSigned, setJustSigned] = useState(false);
  const [replyAgain, setReplyAgain] = useState(false);
  if (order.status === 'closed') return null;

  const replies = order.responses.filter((r) => r.kind === 'reply');
  const open = [...replies].reverse().find((r) => r.status !== 'sent') ?? null;
  const signed = order.state !== 'unsigned';
  const mayReply = canCall('orders.saveReply');

  const doSign = async () => {
    const result = await sign.mutateAsync({ id: order.id });
    if (!result.ok) return notifyFailure(result, t.signFailed);
    setJustSigned(true);
    notifySuccess(t.signed);
  };

  return (
    <Stack gap="sm" data-testid="order-received-actions">
      {!signed && (
        <Paper withBorder p="md" radius="sm" style={{ borderLeft: '4px solid var(--mantine-color-orange-5)' }}>
          <Group justify="space-between" wrap="nowrap">
            <Stack gap={2}>
              <Text size="sm" fw={600}>
                {t.signHint}
              </Text>
              <Text size="xs" c="dimmed">
                {t.signFirst}
              </Text>
            </Stack>
            {canCall('orders.sign') && (
              <Button
                leftSection={<IconSignature size={16} />}
                onClick={() => void doSign()}
                loading={sign.isPending}
                data-testid="order-sign"
              >
                {t.sign}
              </Button>
            )}
          </Group>
        </Paper>
      )}
      {signed && justSigned && (
        <Alert color="teal" variant="light" icon={<IconCheck size={18} />} data-testid="order-signed-note">
          {t.signed}
        </Alert>
      )}

      {signed && order.state === 'returned' && order.decisionNote && (
        <Alert color="orange" variant="light" title={t.returnedByIssuer} data-testid="order-returned-reason">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {t.returnReason(order.decisionNote)}
          </Text>
        </Alert>
      )}

      {signed && open?.status === 'pending' && (
        <PendingReview
          order={order}
          replyAuthor={open.author}
          replyId={open.id}
          version={open.version}
          onDialog={onDialog}
          mine={open.author === user.displayName}
        />
      )}

      {signed && open?.status === 'draft' && (
        <>
          {open.reviewNote && (
            <Alert color="orange" variant="light" title={t.returnedByReviewer} data-testid="reply-review-note">
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {t.reviewNote(open.reviewNote)}
              </Text>
            </Alert>
          )}
          {mayReply && <ReplyForm key={open.id} order={order} draft={open} title={t.replyEditDraft} />}
        </>
      )}

      {signed && !open && order.state === 'replied' && (
        <>
          <Alert color="teal" variant="light" icon={<IconCheck size={18} />} data-testid="order-reply-sent">
            <Group justify="space-between" wrap="nowrap">
              <span>{t.sentNote}</span>
              {mayReply && !replyAgain && (
                <Button size="xs" variant="default" onClick={() => setReplyAgain(true)} data-testid="order-reply-again">
                  {t.replyAgain}
                </Button>
              )}
            </Group>
          </Alert>
          {mayReply && replyAgain && (
            <ReplyForm order={order} draft={null} title={t.replyAgainTitle} onSaved={() => setReplyAgain(false)} />
          )}
        </>
      )}

      {signed && !open && (order.state === 'signed' || order.state === 'returned') && mayReply && (
        <ReplyForm order={order} draft={null} title={t.replyTitle} autoFocus={justSigned} />
      )}
      {signed && !open && order.state !== 'replied' && !mayReply && (
        <Text size="sm" c="dimmed">
          {t.noReplyRight}
        </Text>
      )}
    </Stack>
  );
}

/** A reply waiting for the court's reviewer: the reviewer (not its author) decides; its author waits. */
function PendingReview({
  order,
  replyId,
  version,
  replyAuthor,
  mine,
  onDialog,
}: {
  order: SupervisionOrder;
  replyId: string;
  version: number;
  replyAuthor: string;
  mine: boolean;
  onDialog(open: boolean): void;
}) {
  const canCall = useCanCall();
  const review = useWrite('orders.reviewReply');
  const [returning, setReturning] = useState(false);
  void order;

  if (mine || !canCall('orders.reviewReply')) {
    return (
      <Alert color="violet" variant="light" title={t.waitingReview} data-testid="reply-waiting">
        {t.waitingReviewHint(replyAuthor)}
      </Alert>
    );
  }
  const approve = async () => {
    if (!(await confirmAction({ message: t.approveConfirm, confirmLabel: t.approve }))) return;
    const result = await review.mutateAsync({ replyId, version, approve: true });
    if (!result.ok) return notifyFailure(result, t.reviewFailed);
    notifySuccess(t.approved);
  };
  const openReturn = (value: boolean) => {
    setReturning(value);
    onDialog(value);
  };
  const sendBack = async (reason: string) => {
    const result = await review.mutateAsync({ replyId, version, approve: false, note: reason });
    if (!result.ok) return serverFieldErrors(result.fieldErrors).note ?? result.message;
    notifySuccess(t.replyReturned);
    return null;
  };
  return (
    <Paper
      withBorder
      p="md"
      radius="sm"
      style={{ borderLeft: '4px solid var(--mantine-color-violet-5)' }}
      data-testid="reply-review"
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {t.reviewTitle}
          </Text>
          <Text size="xs" c="dimmed">
            {t.reviewHint(replyAuthor)}
          </Text>
        </Stack>
        <Group gap="xs" wrap="nowrap">
          <Button
            variant="default"
            color="orange"
            leftSection={<IconArrowBackUp size={16} />}
            onClick={() => openReturn(true)}
            disabled={review.isPending}
            data-testid="reply-return"
          >
            {t.returnReply}
          </Button>
          <Button
            leftSection={<IconCheck size={16} />}
            onClick={() => void approve()}
            loading={review.isPending && !returning}
            data-testid="reply-approve"
          >
            {t.approve}
          </Button>
        </Group>
      </Group>
      <ReasonDialog
        opened={returning}
        onClose={() => openReturn(false)}
        title={t.returnReplyTitle}
        label={t.returnReplyReason}
        placeholder={t.returnReplyPlaceholder}
        requiredMessage={t.reasonRequired}
        confirmLabel={t.returnReply}
        onConfirm={sendBack}
        pending={review.isPending}
        testIds={{ reason: 'reply-return-reason', confirm: 'reply-return-confirm' }}
      />
    </Paper>
  );
}

type IssuerDialog = 'close' | 'return' | 'edit' | null;

/** At the issuing court: 办结 and 退回 once a reply was sent, 修改 while the order is open. */
function IssuerActions({ order, onDialog }: { order: SupervisionOrder; onDialog(open: boolean): void }) {
  const canCall = useCanCall();
  const [dialog, setDialogState] = useState<IssuerDialog>(null);
  const setDialog = (value: IssuerDialog) => {
    setDialogState(value);
    onDialog(value !== null);
  };
  if (order.status === 'closed') return null;
  const decide = order.state === 'replied';
  const mayDecide = canCall('orders.close') && canCall('orders.return');
  const mayEdit = canCall('orders.update');
  if (!mayDecide && !mayEdit) return null;
  return (
    <Paper withBorder p="md" radius="sm" data-testid="order-issuer-actions">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {decide ? t.decideTitle : t.editTitle}
          </Text>
          <Text size="xs" c="dimmed">
            {decide ? t.decideHint : t.editHint}
          </Text>
        </Stack>
        <Group gap="xs" wrap="nowrap">
          {mayEdit && (
            <Button
              variant="default"
              leftSection={<IconEdit size={16} />}
              onClick={() => setDialog('edit')}
              data-testid="order-edit"
            >
              {t.edit}
            </Button>
          )}
          {decide && mayDecide && (
            <>
              <Button
                variant="default"
                color="orange"
                leftSection={<IconArrowBackUp size={16} />}
                onClick={() => setDialog('return')}
                data-testid="order-return"
              >
                {t.returnOrder}
              </Button>
              <Button
                color="green"
                leftSection={<IconChecks size={16} />}
                onClick={() => setDialog('close')}
                data-testid="order-close"
              >
                {t.close}
              </Button>
            </>
          )}
        </Group>
      </Group>
      {dialog === 'close' && <CloseDialog order={order} onDone={() => setDialog(null)} />}
      {dialog === 'return' && <ReturnDialog order={order} onDone={() => setDialog(null)} />}
      {dialog === 'edit' && <EditDialog order={order} onDone={() => setDialog(null)} />}
    </Paper>
  );
}

function CloseDialog({ order, onDone }: { order: SupervisionOrder; onDone(): void }) {
  const close = useWrite('orders.close');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const result = await close.mutateAsync({ id: order.id, version: order.version, ...(note.trim() ? { note } : {}) });
    if (!result.ok) return setError(serverFieldErrors(result.fieldErrors).note ?? result.message);
    notifySuccess(t.closed);
    onDone();
  };
  return (
    <GuardedModal opened onClose={onDone} dirty={note.trim() !== ''} title={t.closeTitle} zIndex={300}>
      <Stack gap="sm" data-testid="order-close-dialog">
        <Text size="sm">{t.closeConfirm(order.docNumber, order.courtName)}</Text>
        <Textarea
          label={t.closeNoteLabel}
          autosize
          minRows={3}
          value={note}
          onChange={(event) => {
            setNote(event.currentTarget.value);
            setError(null);
          }}
          error={error}
          data-testid="order-close-note"
        />
        <Group justify="flex-end">
          <CancelButton autoFocus />
          <Button
            color="green"
            onClick={() => void submit()}
            loading={close.isPending}
            data-testid="order-close-confirm"
          >
            {t.close}
          </Button>
        </Group>
      </Stack>
    </GuardedModal>
  );
}

function ReturnDialog({ order, onDone }: { order: SupervisionOrder; onDone(): void }) {
  const back = useWrite('orders.return');
  const submit = async (reason: string) => {
    const result = await back.mutateAsync({ id: order.id, version: order.version, reason });
    if (!result.ok) return serverFieldErrors(result.fieldErrors).reason ?? result.message;
    notifySuccess(t.returned);
    return null;
  };
  return (
    <ReasonDialog
      opened
      onClose={onDone}
      title={t.returnTitle}
      intro={<Text size="sm">{t.returnConfirm(order.courtName)}</Text>}
      label={t.returnReasonLabel}
      placeholder={t.returnReasonPlaceholder}
      requiredMessage={t.reasonRequired}
      confirmLabel={t.returnOrder}
      onConfirm={submit}
      pending={back.isPending}
      testIds={{ dialog: 'order-return-dialog', reason: 'order-return-reason', confirm: 'order-return-confirm' }}
    />
  );
}

function EditDialog({ order, onDone }: { order: SupervisionOrder; onDone(): void }) {
  const update = useWrite('orders.update');
  const [colour, setColour] = useState<OrderColour>(order.colour);
  const [replyDue, setReplyDue] = useState<string | null>(order.replyDue);
  const [requirement, setRequirement] = useState(order.requirement);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const dirty = colour !== order.colour || replyDue !== order.replyDue || requirement !== order.requirement;
  const submit = async () => {
    if (!dirty) return onDone();
    if (!replyDue) return setErrors({ replyDue: t.replyDueRequired });
    const result = await update.mutateAsync({
      id: order.id,
      version: order.version,
      ...(colour !== order.colour ? { colour } : {}),
      ...(replyDue !== order.replyDue ? { replyDue } : {}),
      ...(requirement !== order.requirement ? { requirement } : {}),
    });
    if (!result.ok) {
      const fields = serverFieldErrors(result.fieldErrors);
      setErrors(fields);
      setFailure(fields.colour || fields.replyDue || fields.requirement ? null : result.message);
      return;
    }
    notifySuccess(t.edited);
    onDone();
  };
  return (
    <GuardedModal opened onClose={onDone} dirty={dirty} title={t.editTitle} zIndex={300} size="lg">
      <Stack gap="sm" data-testid="order-edit-dialog">
        <div>
          <Text size="sm" fw={500} mb={4} id="order-edit-colour">
            {t.editColour}
          </Text>
          <SegmentedControl
            aria-labelledby="order-edit-colour"
            value={colour}
            onChange={(value) => setColour(value as OrderColour)}
            data={orderColours.map((value) => ({ value, label: colourLabel[value] }))}
          />
          {errors.colour && (
            <Text size="xs" c="red.8" mt={2}>
              {errors.colour}
            </Text>
          )}
        </div>
        <DateField
          label={t.editReplyDue}
          withAsterisk
          value={replyDue}
          onChange={(value) => {
            setReplyDue(value as string | null);
            setErrors((e) => ({ ...e, replyDue: '' }));
          }}
          error={errors.replyDue || undefined}
        />
        <Textarea
          label={t.editRequirement}
          withAsterisk
          autosize
          minRows={4}
          maxRows={10}
          value={requirement}
          onChange={(event) => {
            setRequirement(event.currentTarget.value);
            setErrors((e) => ({ ...e, requirement: '' }));
          }}
          error={errors.requirement || undefined}
        />
        {failure && (
          <Alert color="red" variant="light">
            {failure}
          </Alert>
        )}
        <Group justify="flex-end">
          <CancelButton />
          <Button onClick={() => void submit()} loading={update.isPending} data-testid="order-edit-save">
            {t.editSave}
          </Button>
        </Group>
      </Stack>
    </GuardedModal>
  );
}
