// The drawer's 基本信息 tab. Typed values are never thrown away: when the item changes underneath
// (a note moved the percent, someone else saved), untouched fields follow, touched ones stay.
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { operations, type ItemDetail, type Section } from '../../shared/api';
import { send } from '../api/client';
import { commonText } from '../common/text';
import { schemaErrors, serverFieldErrors } from '../lib/forms';
import { notifySuccess } from '../lib/notify';
import { ItemFields, itemFieldNames, itemInputFrom, itemValuesFrom, type ItemValues } from './ItemFields';
import { itemText as t } from './text';

export function ItemEditForm({ item, sections, onSaved, onReload }: { item: ItemDetail; sections: Section[]; onSaved(item: ItemDetail): void; onReload(): Promise<void> }) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<{ message: string; stale: boolean } | null>(null);
  const base = useRef<ItemValues>(itemValuesFrom(item));
  const form = useForm<ItemValues>({ mode: 'controlled', initialValues: itemValuesFrom(item) });
  const discard = useRef(false);

  useEffect(() => {
    const fresh = itemValuesFrom(item);
    const current = form.getValues();
    const merged = { ...current } as Record<string, unknown>;
    for (const key of itemFieldNames) {
      if (discard.current || current[key] === base.current[key]) merged[key] = fresh[key];
    }
    discard.current = false;
    base.current = fresh;
    form.setValues(merged as unknown as ItemValues);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [item]);

  const submit = form.onSubmit(async (values) => {
    setError(null);
    const input = { id: item.id, version: item.version, ...itemInputFrom(values) };
    const local = schemaErrors(operations['items.update'], input);
    if (local) {
      form.setErrors(local);
      setError({ message: t.formError, stale: false });
      return;
    }
    setSaving(true);
    const result = await send('items.update', input);
    setSaving(false);
    if (!result.ok) {
      form.setErrors(serverFieldErrors(result.fieldErrors));
      setError({ message: result.message, stale: result.code === 'E_STALE' });
      return;
    }
    base.current = itemValuesFrom(result.value);
    notifySuccess(t.saved);
    onSaved(result.value);
  });

  const done = item.status === 'completed' || item.status === 'signed_off';
  return (
    <form onSubmit={submit} noValidate data-testid="item-edit-form">
      <Stack>
        {error && (
          <Alert color={error.stale ? 'orange' : 'red'} data-testid="item-edit-error">
            {error.message}
            {error.stale && (
              <Group mt="sm" gap="xs">
                <Button
                  size="xs"
                  variant="default"
                  onClick={async () => {
                    await onReload();
                    setError(null);
                  }}
                >
                  {t.staleKeep}
                </Button>
                <Button
                  size="xs"
                  variant="subtle"
                  color="gray"
                  onClick={async () => {
                    discard.current = true;
                    await onReload();
                    setError(null);
                  }}
                >
                  {t.staleReload}
                </Button>
              </Group>
            )}
          </Alert>
        )}
        <ItemFields form={form} sections={sections} percentLocked={done} />
        <Group justify="flex-end">
          <Button type="submit" loading={saving}>
            {commonText.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
