// An edit form over a record that can change under it (a save elsewhere, a reload after a stale
// refusal): fields the person has not touched follow the fresh record, typed ones are kept.
// `markSaved` records what was saved; `discardNextMerge` makes the next reload replace everything
// (the person chose "discard my changes and reload").
import { useEffect, useRef } from 'react';
import { useForm } from '@mantine/form';

export function useFollowingEditForm<R, V extends object>(
  record: R,
  valuesFrom: (record: R) => V,
  fieldNames: readonly (keyof V)[],
) {
  const base = useRef<V>(valuesFrom(record));
  const discard = useRef(false);
  // Mantine's form wants a record of values; our value types are plain interfaces.
  const form = useForm<V & Record<string, unknown>>({
    mode: 'controlled',
    initialValues: valuesFrom(record) as V & Record<string, unknown>,
  });

  useEffect(() => {
    const fresh = valuesFrom(record);
    const current = form.getValues();
    const merged = { ...current };
    for (const key of fieldNames) {
      if (discard.current || current[key] === base.current[key])
        merged[key] = fresh[key] as (typeof merged)[typeof key];
    }
    discard.current = false;
    base.current = fresh;
    form.setValues(merged);
    // "Unsaved" (form.isDirty(), which the close guard asks about) means: differs from the record.
    form.resetDirty(fresh as V & Record<string, unknown>);
    // Only a new record (by identity) should merge; the form and helpers are stable enough.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [record]);

  return {
    form,
    markSaved(saved: R) {
      base.current = valuesFrom(saved);
      form.resetDirty(base.current as V & Record<string, unknown>);
    },
    discardNextMerge() {
      discard.current = true;
    },
  };
}
