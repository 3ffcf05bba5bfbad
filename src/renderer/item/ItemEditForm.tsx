// The drawer's 基本信息 tab. Typed values are never thrown away: when the item changes underneath
// (a note moved the percent, someone else saved), untouched fields follow, touched ones stay.
// A copy of a superior's mandatory item keeps its definition locked and says why; another
// court's item is shown without a save button.
import { useState } from 'react';
import { Alert, Button, Group, Stack } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { ItemDetail, Section } from '../../shared/api';
import { commonText } from '../common/text';
import { useCheckedWrite } from '../lib/checkedWrite';
import { useFollowingEditForm } from '../lib/editForm';
import { notifySuccess } from '../lib/notify';
import { ItemFields, itemFieldNames, itemInputFrom, itemValuesFrom } from './ItemFields';
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
  const [error, setError] = useState<{ message: string; stale: boolean } | null>(null);
  const { form, markSaved, discardNextMerge } = useFollowingEditForm(item, itemValuesFrom, itemFieldNames);
  const update = useCheckedWrite('items.update', form, t.formError);

  const submit = form.onSubmit(async (values) => {
    setError(null);
    const result = await update.submit({ id: item.id, version: item.version, ...itemInputFrom(values) });
    if (!result.ok) {
      setError({ message: result.message, stale: result.code === 'E_STALE' });
      return;
    }
    // The saved values are the base the reread item is merged against (the drawer rereads it).
    markSaved(result.value);
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
        {issued && !readOnly && (
          <Alert color="blue" variant="light" icon={<IconLock size={18} />} data-testid="item-issued-hint">
            {t.issuedLocked}
          </Alert>
        )}
        <ItemFields
          form={form}
          sections={sections}
          percentLocked={done}
          definitionLocked={issued}
          readOnly={readOnly}
        />
        {!readOnly && (
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending}>
              {commonText.save}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
