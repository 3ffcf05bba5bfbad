// What can be done next with a measure, by its status: 填报进展 and 提交销号 while it is being
// worked; 对账销号 and 退回 for a reviewer once submitted. Refusals (such as the two-person rule,
// E_OWN_WORK) are shown in the dialog as the main process words them, with what was typed kept.
import { useState } from 'react';
import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { GuardedModal, useCloseGuard } from '../common/useCloseGuard';
import { IconArrowBackUp, IconDiscountCheck, IconPencilPlus, IconRefresh, IconSend } from '@tabler/icons-react';
import { isMeasureClosed } from '../../shared/ledgerRules';
import type { MeasureDetail } from '../../shared/api';
import { useApp } from '../AppContext';
import { DateField } from '../common/DateField';
import { formatDate } from '../lib/dates';
import { commonText } from '../common/text';
import { useCheckedWrite } from '../lib/checkedWrite';
import type { FieldErrors } from '../lib/forms';
import { notifySuccess } from '../lib/notify';
import { ledgerText as t } from './text';

type Action = 'progress' | 'submit' | 'signOff' | 'sendBack' | 'reopen';

const OPEN_STATUSES = new Set<MeasureDetail['status']>(['identified', 'in_progress', 'returned', 'reopened']);

/** Whether this account may work on the measure: none of another court's; managers any of ours, a 填报人 their own department's. */
export function useMayWork(measure: { departmentId: string | null; origin: string }): boolean {
  const { user, can, court } = useApp();
  if (measure.origin !== court.code) return false;
  return (
    can('admin', 'reviewer') || (can('filer') && !!user.departmentId && user.departmentId === measure.departmentId)
  );
}

export function MeasureActions({
  measure,
  onChanged,
  onDialog,
}: {
  measure: MeasureDetail;
  onChanged(measure: MeasureDetail): void;
  onDialog(open: boolean): void;
}) {
  const { can, user, court } = useApp();
  const mayWork = useMayWork(measure);
  const [action, setActionState] = useState<Action | null>(null);
  const setAction = (next: Action | null) => {
    setActionState(next);
    onDialog(next !== null);
  };
  const open = OPEN_STATUSES.has(measure.status);
  const waiting = measure.status === 'submitted';
  // A hint only (names can repeat); the main process applies the two-person rule by account.
  const lastSubmit = [...measure.events].reverse().find((e) => e.kind === 'submit');
  const ownSubmission = waiting && lastSubmit?.actor === user.displayName;
  if (measure.origin !== court.code) {
    return (
      <Text size="sm" c="dimmed" data-testid="measure-other-court">
        {t.otherCourtMeasure(measure.origin)}
      </Text>
    );
  }
  // A closed measure changes only after a reviewer reopens it (重新打开, with a reason).
  const closed = isMeasureClosed(measure.status);
  const mayReopen = closed && can('reviewer');
  // Nothing to do here once passed, or signed off without a re-check pending: no empty row.
  if (!open && !waiting && !mayReopen && !(measure.status === 'signed_off' && measure.nextLookback)) return null;

  return (
    <>
      <Group gap="xs">
        {open && mayWork && (
          <Button
            size="sm"
            variant="default"
            leftSection={<IconPencilPlus size={16} />}
            onClick={() => setAction('progress')}
            data-testid="action-progress"
          >
            {t.addProgress}
          </Button>
        )}
        {open && mayWork && !measure.longTerm && (
          <Button
            size="sm"
            leftSection={<IconSend size={16} />}
            onClick={() => setAction('submit')}
            data-testid="action-submit"
          >
            {t.submit}
          </Button>
        )}
        {waiting && can('reviewer') && (
          <>
            <Button
              size="sm"
              color="teal"
              leftSection={<IconDiscountCheck size={16} />}
              onClick={() => setAction('signOff')}
              data-testid="action-signoff"
            >
              {t.signOff}
            </Button>
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
        {waiting && can('reviewer') && ownSubmission && (
          <Text size="sm" c="orange.8" data-testid="measure-own-work-hint">
            {t.ownWorkHint}
          </Text>
        )}
        {waiting && !can('reviewer') && (
          <Text size="sm" c="dimmed">
            {t.waitingReview}
          </Text>
        )}
        {mayReopen && (
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
        {measure.status === 'signed_off' && measure.nextLookback && (
          <Text size="sm" c="dimmed" data-testid="measure-next-lookback">
            {t.lookbackPending(formatDate(measure.nextLookback))}
          </Text>
        )}
        {open && measure.longTerm && (
          <Text size="sm" c="dimmed">
            {t.longTermNote}
          </Text>
        )}
      </Group>
      <GuardedModal
        opened={!!action}
        onClose={() => setAction(null)}
        title={action ? titles[action] : ''}
        zIndex={300}
        size="lg"
      >
        {action && (
          <ActionForm
            action={action}
            measure={measure}
            onCancel={() => setAction(null)}
            onDone={(updated) => {
              setAction(null);
              onChanged(updated);
            }}
          />
        )}
      </GuardedModal>
    </>
  );
}

const titles: Record<Action, string> = {
  progress: t.progressTitle,
  submit: t.submitTitle,
  signOff: t.signOffTitle,
  sendBack: t.sendBackTitle,
  reopen: t.reopenTitle,
};
const buttons: Record<Action, { label: string; color?: string }> = {
  progress: { label: t.addProgress },
  submit: { label: t.submit },
  signOff: { label: t.signOff, color: 'teal' },
  sendBack: { label: t.sendBack, color: 'orange' },
  reopen: { label: t.reopen, color: 'grape' },
};
const done: Record<Action, string> = {
  progress: t.progressAdded,
  submit: t.submitted,
  signOff: t.signedOffDone,
  sendBack: t.sentBack,
  reopen: t.reopened,
};

function ActionForm({
  action,
  measure,
  onCancel,
  onDone,
}: {
  action: Action;
  measure: MeasureDetail;
  onCancel(): void;
  onDone(measure: MeasureDetail): void;
}) {
  const { today } = useApp();
  const [date, setDate] = useState<string | null>(today);
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const hasAfter = measure.evidence.some((e) => e.phase === 'after');
  const cancel = useCloseGuard(text.trim() !== '' || date !== today, onCancel);

  // Problems found before sending show only at the fields.
  const addProgress = useCheckedWrite('ledger.addProgress', { setErrors }, '');
  const submitForSignOff = useCheckedWrite('ledger.submit', { setErrors }, '');
  const signOff = useCheckedWrite('ledger.signOff', { setErrors }, '');
  const sendBack = useCheckedWrite('ledger.sendBack', { setErrors }, '');
  const reopen = useCheckedWrite('ledger.reopenMeasure', { setErrors }, '');
  const saving =
    addProgress.isPending || submitForSignOff.isPending || signOff.isPending || sendBack.isPending || reopen.isPending;
  const save = () => {
    const base = { id: measure.id, version: measure.version };
    switch (action) {
      case 'progress':
        return addProgress.submit({ measureId: measure.id, eventDate: date ?? '', text });
      case 'submit':
        return submitForSignOff.submit({ ...base, note: text });
      case 'signOff':
        return signOff.submit({ ...base, opinion: text });
      case 'sendBack':
        return sendBack.submit({ ...base, reason: text });
      case 'reopen':
        return reopen.submit({ ...base, reason: text });
    }
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    // No maxDate on the field: the calendar would drop a typed future date without a word; say it instead.
    if (action === 'progress' && date && date > today) {
      setErrors((e) => ({ ...e, eventDate: t.futureProgressDate }));
      return;
    }
    const result = await save();
    if (!result.ok) {
      setError(result.message || null);
      return;
    }
    notifySuccess(done[action]);
    onDone(result.value);
  };

  const textField = { progress: 'text', submit: 'note', signOff: 'opinion', sendBack: 'reason', reopen: 'reason' }[
    action
  ];
  const label = {
    progress: t.progressText,
    submit: t.submitNote,
    signOff: t.opinion,
    sendBack: t.reason,
    reopen: t.reopenReason,
  }[action];
  const placeholder = {
    progress: t.progressPlaceholder,
    submit: t.submitNotePlaceholder,
    signOff: t.opinionPlaceholder,
    sendBack: t.reasonPlaceholder,
    reopen: t.reopenReasonPlaceholder,
  }[action];
  const hint = {
    progress: null,
    submit: t.submitHint,
    signOff: t.signOffHint,
    sendBack: t.sendBackHint,
    reopen: t.reopenHint,
  }[action];

  return (
    <form onSubmit={submit} noValidate data-testid="measure-action-form">
      <Stack>
        {error && (
          <Alert color="red" data-testid="measure-action-error">
            {error}
          </Alert>
        )}
        <Text size="sm" lineClamp={3}>
          {measure.text}
        </Text>
        {hint && (
          <Text size="sm" c="dimmed">
            {hint}
          </Text>
        )}
        {(action === 'submit' || action === 'signOff') && !hasAfter && (
          <Alert color="yellow" py={6}>
            {t.noAfterEvidence}
          </Alert>
        )}
        {action === 'progress' && (
          <DateField
            label={t.progressDate}
            value={date}
            onChange={(v) => {
              setDate(v);
              setErrors((e) => ({ ...e, eventDate: '' }));
            }}
            withAsterisk
            error={errors.eventDate || null}
            w={200}
          />
        )}
        <Textarea
          label={label}
          placeholder={placeholder}
          autosize
          minRows={3}
          maxRows={8}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setErrors((er) => ({ ...er, [textField]: '' }));
          }}
          withAsterisk={action !== 'signOff'}
          error={errors[textField] || null}
          data-autofocus
          data-testid="measure-action-text"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={cancel}>
            {commonText.cancel}
          </Button>
          <Button type="submit" color={buttons[action].color} loading={saving} data-testid="measure-action-confirm">
            {buttons[action].label}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
