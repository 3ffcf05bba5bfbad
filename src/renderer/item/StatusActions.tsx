// What can be done next, by status: 提交销号; 销号 / 退回; 重新打开. The reviewer is whoever is
// logged in: only 审核人 see the review actions, and whoever marked the item complete may not sign
// it off (销号 needs two people; the main process refuses it too).
import { useState } from 'react';
import { Alert, Button, Group, Stack, Text, TextInput, Textarea, Tooltip } from '@mantine/core';
import { GuardedModal, useCloseGuard } from '../common/useCloseGuard';
import { ReopenAction } from '../common/ReopenAction';
import { IconArrowBackUp, IconCircleCheck, IconDiscountCheck, IconRefresh } from '@tabler/icons-react';
import type { ItemDetail } from '../../shared/model';
import { useWrite } from '../api/queries';
import { useApp } from '../AppContext';
import { commonText } from '../common/text';
import { notifySuccess } from '../lib/notify';
import { itemText as t } from './text';

type Action = 'complete' | 'signOff' | 'sendBack' | 'reopen';

/** `review`: a reviewer's decision, recorded under the logged-in user's name. */
const config: Record<
  Action,
  {
    title: string;
    hint?: string;
    review: boolean;
    textLabel: string;
    placeholder: string;
    required: boolean;
    button: string;
    color?: string;
  }
> = {
  complete: {
    title: t.markCompleteTitle,
    review: false,
    textLabel: t.markCompleteNote,
    placeholder: t.markCompleteNotePlaceholder,
    required: false,
    button: t.markComplete,
  },
  signOff: {
    title: t.signOffTitle,
    hint: t.signOffHint,
    review: true,
    textLabel: t.opinion,
    placeholder: t.opinionPlaceholder,
    required: false,
    button: t.signOff,
    color: 'teal',
  },
  sendBack: {
    title: t.sendBackTitle,
    hint: t.sendBackHint,
    review: true,
    textLabel: t.reason,
    placeholder: t.reasonPlaceholder,
    required: true,
    button: t.sendBack,
    color: 'orange',
  },
  reopen: {
    title: t.reopenTitle,
    hint: t.reopenHint,
    review: true,
    textLabel: t.reopenReason,
    placeholder: t.reopenReasonPlaceholder,
    required: true,
    button: t.reopen,
    color: 'grape',
  },
};

export function StatusActions({ item, onDialog }: { item: ItemDetail; onDialog(open: boolean): void }) {
  const [action, setActionState] = useState<Action | null>(null);
  const setAction = (next: Action | null) => {
    setActionState(next);
    onDialog(next !== null);
  };
  const { user, can } = useApp();
  const s = item.status;
  const reviewer = can('reviewer');
  const ownWork = !!item.completedBy && item.completedBy === user.id;
  // A 填报人 works only on their own department's items (the main process refuses the rest too).
  const otherDepartment = !can('admin', 'reviewer') && (!user.departmentId || user.departmentId !== item.departmentId);
  return (
    <>
      <Group gap="xs">
        {(s === 'not_started' || s === 'in_progress' || s === 'returned') &&
          (otherDepartment ? (
            <Tooltip
              label={t.completeOtherDepartment(item.departmentName)}
              multiline
              w={280}
              position="bottom-start"
              withArrow
              zIndex={300}
            >
              <Button
                size="sm"
                leftSection={<IconCircleCheck size={16} />}
                data-disabled
                aria-disabled="true"
                aria-description={t.completeOtherDepartment(item.departmentName)}
                onClick={(e) => e.preventDefault()}
                data-testid="action-complete"
              >
                {t.markComplete}
              </Button>
            </Tooltip>
          ) : (
            <Button
              size="sm"
              leftSection={<IconCircleCheck size={16} />}
              onClick={() => setAction('complete')}
              data-testid="action-complete"
            >
              {t.markComplete}
            </Button>
          ))}
        {reviewer && s === 'completed' && (
          <>
            {ownWork ? (
              // Disabled, yet still showing why on hover (a disabled button gets no mouse events).
              <Tooltip label={t.ownWorkHint} multiline w={280} position="bottom-start" withArrow zIndex={300}>
                <Button
                  size="sm"
                  color="teal"
                  leftSection={<IconDiscountCheck size={16} />}
                  data-disabled
                  aria-disabled="true"
                  onClick={(e) => e.preventDefault()}
                  data-testid="action-signoff"
                >
                  {t.signOff}
                </Button>
              </Tooltip>
            ) : (
              <Button
                size="sm"
                color="teal"
                leftSection={<IconDiscountCheck size={16} />}
                onClick={() => setAction('signOff')}
                data-testid="action-signoff"
              >
                {t.signOff}
              </Button>
            )}
            <Button
              size="sm"
              variant="outline"
              color="orange"
              leftSection={<IconArrowBackUp size={16} />}
              onClick={() => setAction('sendBack')}
              data-testid="action-sendback"
            >
              {t.sendBack}
            </Button>
          </>
        )}
        {reviewer && (s === 'completed' || s === 'signed_off') && (
          <Button
            size="sm"
            variant="outline"
            color="grape"
            leftSection={<IconRefresh size={16} />}
            onClick={() => setAction('reopen')}
            data-testid="action-reopen"
          >
            {t.reopen}
          </Button>
        )}
      </Group>
      <GuardedModal
        opened={!!action}
        onClose={() => setAction(null)}
        title={action ? config[action].title : ''}
        zIndex={300}
      >
        {action && (
          <DecisionForm action={action} item={item} onCancel={() => setAction(null)} onDone={() => setAction(null)} />
        )}
      </GuardedModal>
    </>
  );
}

/** 重新打开 for a reviewer, with its own dialog (reason required): used where a closed record is shown read-only. */
export function ReopenButton({ item }: { item: ItemDetail }) {
  const { can } = useApp();
  if (!can('reviewer') || (item.status !== 'completed' && item.status !== 'signed_off')) return null;
  return (
    <ReopenAction label={t.reopenForEdit} title={config.reopen.title} testId="item-reopen-inline" zIndex={300}>
      {(close) => <DecisionForm action="reopen" item={item} onCancel={close} onDone={close} />}
    </ReopenAction>
  );
}

function DecisionForm({
  action,
  item,
  onCancel,
  onDone,
}: {
  action: Action;
  item: ItemDetail;
  onCancel(): void;
  onDone(): void;
}) {
  const { user } = useApp();
  const c = config[action];
  const [text, setText] = useState('');
  const cancel = useCloseGuard(text.trim() !== '', onCancel);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const markComplete = useWrite('items.markComplete');
  const signOff = useWrite('items.signOff');
  const sendBack = useWrite('items.sendBack');
  const reopen = useWrite('items.reopen');
  const saving = markComplete.isPending || signOff.isPending || sendBack.isPending || reopen.isPending;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    // The inline 重新打开 sits inside the item's edit form: a React submit would bubble up to it.
    event.stopPropagation();
    setError(null);
    const local: Record<string, string> = {};
    if (c.required && !text.trim()) local.text = commonText.required(c.textLabel);
    if (Object.keys(local).length) return setErrors(local);
    const base = { id: item.id, version: item.version };
    const result =
      action === 'complete'
        ? await markComplete.mutateAsync({ ...base, note: text })
        : action === 'signOff'
          ? await signOff.mutateAsync({ ...base, opinion: text })
          : action === 'sendBack'
            ? await sendBack.mutateAsync({ ...base, reason: text })
            : await reopen.mutateAsync({ ...base, reason: text });
    if (!result.ok) {
      const fe = result.fieldErrors ?? {};
      setErrors({ text: fe.note ?? fe.opinion ?? fe.reason ?? '' });
      setError(result.message);
      return;
    }
    notifySuccess(t.statusChanged[action]);
    onDone();
  };

  return (
    <form onSubmit={submit} noValidate data-testid="decision-form">
      <Stack>
        {error && <Alert color="red">{error}</Alert>}
        {c.hint && (
          <Text size="sm" c="dimmed">
            {c.hint}
          </Text>
        )}
        {action === 'signOff' && item.evidence.length === 0 && (
          <Alert color="yellow" py={6}>
            {t.noEvidenceWarning}
          </Alert>
        )}
        {c.review && (
          <Text size="sm" data-testid="decision-reviewer">
            <Text span c="dimmed" size="sm">
              {t.reviewer}：
            </Text>
            {user.displayName}
          </Text>
        )}
        {action === 'complete' ? (
          <Textarea
            label={c.textLabel}
            placeholder={c.placeholder}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autosize
            minRows={3}
            data-autofocus
            error={errors.text || null}
          />
        ) : (
          <TextInput
            label={c.textLabel}
            placeholder={c.placeholder}
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value);
              setErrors((er) => ({ ...er, text: '' }));
            }}
            withAsterisk={c.required}
            error={errors.text || null}
            data-autofocus
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={cancel}>
            {commonText.cancel}
          </Button>
          <Button type="submit" color={c.color} loading={saving}>
            {c.button}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
