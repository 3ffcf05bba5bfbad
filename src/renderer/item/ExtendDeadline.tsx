// 延期: a reviewer or an administrator moves the deadline of this court's own item, with a
// reason (both required). The main process keeps the move as a deadline change and in the audit
// log; the red the old deadline caused stays in the light history.
import { useState } from 'react';
import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconCalendarTime } from '@tabler/icons-react';
import type { ItemDetail } from '../../shared/model';
import { checkDeadline } from '../../shared/checklistRules';
import { useRead, useWrite } from '../api/queries';
import { useApp } from '../AppContext';
import { DateField } from '../common/DateField';
import { commonText } from '../common/text';
import { GuardedModal, useCloseGuard } from '../common/useCloseGuard';
import { formatDate } from '../lib/dates';
import { notifySuccess } from '../lib/notify';
import { itemText as t } from './text';

export function ExtendDeadlineButton({ item }: { item: ItemDetail }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconCalendarTime size={16} />}
        onClick={() => setOpen(true)}
        data-testid="item-extend"
      >
        {t.extend}
      </Button>
      <GuardedModal opened={open} onClose={() => setOpen(false)} title={t.extendTitle} zIndex={300}>
        {open && <ExtendForm item={item} onDone={() => setOpen(false)} />}
      </GuardedModal>
    </>
  );
}

function ExtendForm({ item, onDone }: { item: ItemDetail; onDone(): void }) {
  const { today } = useApp();
  const [deadline, setDeadline] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ deadline?: string; reason?: string }>({});
  const [error, setError] = useState<string | null>(null);
  const cancel = useCloseGuard(!!deadline || reason.trim() !== '', onDone);
  const extend = useWrite('items.extendDeadline');
  const { data: campaign } = useRead('campaigns.get', { id: item.campaignId });
  const check = checkDeadline(deadline, today, campaign?.campaign ?? { startDate: null, endDate: null });

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    // Rendered beside the deadline inside the item's own form: a React submit would bubble up to it.
    event.stopPropagation();
    setError(null);
    const local: typeof errors = {};
    if (!deadline) local.deadline = commonText.required(t.extendTo);
    else if (deadline === item.deadline) local.deadline = t.extendSameDate;
    if (!reason.trim()) local.reason = commonText.required(t.extendReason);
    setErrors(local);
    if (local.deadline || local.reason || !deadline) return;
    const result = await extend.mutateAsync({ id: item.id, version: item.version, deadline, reason });
    if (!result.ok) {
      setErrors({ deadline: result.fieldErrors?.deadline, reason: result.fieldErrors?.reason });
      setError(result.message);
      return;
    }
    notifySuccess(t.extended);
    onDone();
  };

  return (
    <form onSubmit={submit} noValidate data-testid="extend-form">
      <Stack>
        {error && <Alert color="red">{error}</Alert>}
        <Text size="sm" c="dimmed">
          {t.extendHint}
        </Text>
        <Text size="sm">
          {t.extendFrom}：{formatDate(item.deadline)}
        </Text>
        <DateField
          label={t.extendTo}
          withAsterisk
          value={deadline}
          onChange={(value) => {
            setDeadline(value);
            setErrors((e) => ({ ...e, deadline: undefined }));
          }}
          error={errors.deadline}
          data-autofocus
          data-testid="extend-deadline"
        />
        {check.warnings.length > 0 && (
          <Alert color="yellow" variant="light" py={6} data-testid="extend-warning">
            {check.warnings.map((line) => (
              <Text key={line} size="sm">
                {line}
              </Text>
            ))}
          </Alert>
        )}
        <Textarea
          label={t.extendReason}
          placeholder={t.extendReasonPlaceholder}
          withAsterisk
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setErrors((er) => ({ ...er, reason: undefined }));
          }}
          error={errors.reason}
          data-testid="extend-reason"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={cancel}>
            {commonText.cancel}
          </Button>
          <Button type="submit" loading={extend.isPending}>
            {t.extendSubmit}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
