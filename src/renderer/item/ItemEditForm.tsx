// The drawer's 基本信息 tab. Typed values are never thrown away: when the item changes underneath
// (a note moved the percent, someone else saved), untouched fields follow, touched ones stay.
// A copy of a superior's mandatory item keeps its definition locked and says why; another
// court's item is shown without a save button. A signed-off item is read-only for everyone until a
// reviewer reopens it (重新打开, with a reason). Moving an existing deadline of this court's own item
// is a 延期: a reviewer or an administrator uses the 延期 button beside it; a 填报人 sees it locked.
import { useState } from 'react';
import { Alert, Button, Group, Stack } from '@mantine/core';
import { IconLock, IconLockCheck } from '@tabler/icons-react';
import type { ItemDetail, Section } from '../../shared/api';
import { commonText } from '../common/text';
import { useCheckedWrite } from '../lib/checkedWrite';
import { useFollowingEditForm } from '../lib/editForm';
import { notifySuccess } from '../lib/notify';
import { useApp } from '../AppContext';
import { isItemClosed } from '../../shared/checklist/closedRules';
import { ExtendDeadlineButton } from './ExtendDeadline';
import { hasItemHistory, ItemHistory } from './ItemHistory';
import { deadlineReasonError, ItemFields, itemFieldNames, itemInputFrom, itemValuesFrom } from './ItemFields';
import { ReopenButton } from './StatusActions';
import { itemText as t } from './text';
import { SaveErrorAlert } from '../common/SaveErrorAlert';

export function ItemEditForm({
  item,
  sections,
  readOnly = false,
  onReload,
}: {
  item: ItemDetail;
  sections: Section[];
  readOnly?: boolean;
  /** Reads the item again (after a refusal because someone else saved first). */
  onReload(): Promise<void>;
}) {
  const issued = !!item.sourceItemId;
  const { can, today } = useApp();
  const closed = isItemClosed(item.status);
  const locked = readOnly || closed;
  // An existing deadline of this court's own item moves only by 延期.
  const deadlineControl = issued || !item.deadline ? 'edit' : can('admin', 'reviewer') ? 'extend' : 'locked';
  const [error, setError] = useState<{ message: string; stale: boolean } | null>(null);
  const { form, markSaved, discardNextMerge } = useFollowingEditForm(item, itemValuesFrom, itemFieldNames);
  const update = useCheckedWrite('items.update', form, t.formError);

  const submit = form.onSubmit(async (values) => {
    setError(null);
    const reasonError = deadlineReasonError(values, today, item.deadline);
    if (reasonError) {
      form.setFieldError('deadlineReason', reasonError);
      return;
    }
    const result = await update.submit({ id: item.id, version: item.version, ...itemInputFrom(values) });
    if (!result.ok) {
      setError({ message: result.message, stale: result.code === 'E_STALE' });
      return;
    }
    // The saved values are the base the reread item is merged against (the drawer rereads it).
    markSaved(result.value);
    form.setFieldValue('deadlineReason', '');
    notifySuccess(t.saved);
  });

  const done = item.status === 'completed' || item.status === 'signed_off';
  return (
    <form onSubmit={submit} noValidate data-testid="item-edit-form">
      <Stack>
        {error && (
          <SaveErrorAlert
            error={error}
            testId="item-edit-error"
            onKeep={async () => {
              await onReload();
              setError(null);
            }}
            onDiscard={async () => {
              discardNextMerge();
              await onReload();
              setError(null);
            }}
          />
        )}
        {closed && !readOnly && (
          <Alert color="teal" variant="light" icon={<IconLockCheck size={18} />} data-testid="item-closed-hint">
            <Group justify="space-between" gap="xs">
              <span>{t.signedOffLocked}</span>
              <ReopenButton item={item} />
            </Group>
          </Alert>
        )}
        {issued && !locked && (
          <Alert color="blue" variant="light" icon={<IconLock size={18} />} data-testid="item-issued-hint">
            {t.issuedLocked}
          </Alert>
        )}
        <ItemFields
          form={form}
          sections={sections}
          percentLocked={done}
          definitionLocked={issued}
          readOnly={locked}
          campaignId={item.campaignId}
          originalDeadline={item.deadline}
          deadlineControl={deadlineControl}
          deadlineAction={<ExtendDeadlineButton item={item} />}
        />
        {!locked && (
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending}>
              {commonText.save}
            </Button>
          </Group>
        )}
        {hasItemHistory(item) && <ItemHistory item={item} />}
      </Stack>
    </form>
  );
}
