// The receiving court's reply to a 督办单 (办理情况): what it did, the items it concerns and their
// evidence, saved as a draft or handed to the court's own reviewer (提交审核). What was typed is
// kept on any refusal (the message lands under its field) and the drawer asks before throwing it away.
import { useMemo, useState } from 'react';
import { Alert, Button, Group, MultiSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { IconDeviceFloppy, IconSend } from '@tabler/icons-react';
import { operations } from '../../shared/api';
import type { OrderResponse, SupervisionOrder } from '../../shared/orders/ordersModel';
import { operationKey, readOperation, useRead, useWrite } from '../api/queries';
import { useCloseGuard } from '../common/useCloseGuard';
import { commonText } from '../common/text';
import { schemaErrors, serverFieldErrors, type FieldErrors } from '../lib/forms';
import { notifySuccess } from '../lib/notify';
import { receivedText as t } from './receivedText';

const FIELDS = ['text', 'itemIds', 'evidenceIds'] as const;

function fieldOf(errors: FieldErrors): Partial<Record<(typeof FIELDS)[number], string>> {
  const out: Partial<Record<(typeof FIELDS)[number], string>> = {};
  for (const [key, message] of Object.entries(errors)) {
    const field = FIELDS.find((name) => name === key.split('.')[0]);
    if (field) out[field] ??= message;
  }
  return out;
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((value) => b.includes(value));

/** `draft`: this court's reply draft to go on editing (a reviewer's 退回修改 leaves one), or null for a new reply. */
export function ReplyForm({
  order,
  draft,
  title,
  onSaved,
  autoFocus = false,
}: {
  order: SupervisionOrder;
  draft: OrderResponse | null;
  title: string;
  /** After a save: `submitted` when it went to the reviewer. */
  onSaved?(submitted: boolean): void;
  /** Put the cursor in 办理情况 (just signed for: the next thing to do). */
  autoFocus?: boolean;
}) {
  const [base, setBase] = useState(() => ({
    text: draft?.text ?? '',
    itemIds: draft?.items.map((item) => item.id) ?? [],
    evidenceIds: draft?.evidence.map((e) => e.id) ?? [],
  }));
  const [text, setText] = useState(base.text);
  const [itemIds, setItemIds] = useState<string[]>(base.itemIds);
  const [evidenceIds, setEvidenceIds] = useState<string[]>(base.evidenceIds);
  const [errors, setErrors] = useState<Partial<Record<(typeof FIELDS)[number], string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const dirty = text !== base.text || !sameSet(itemIds, base.itemIds) || !sameSet(evidenceIds, base.evidenceIds);
  useCloseGuard(dirty);

  // This court's items of the campaign; those the order names first.
  const itemsRead = useRead('items.list', { campaignId: order.campaignId });
  const itemOptions = useMemo(() => {
    const named = new Set(order.items.map((item) => item.id));
    const rows = [...(itemsRead.data ?? [])].sort((a, b) => Number(named.has(b.id)) - Number(named.has(a.id)));
    const options = rows.map((row) => ({ value: row.id, label: `${row.number} ${row.title}` }));
    // A linked item no longer listed (deleted since) still shows by its title.
    for (const item of draft?.items ?? []) {
      if (!options.some((option) => option.value === item.id)) options.push({ value: item.id, label: item.title });
    }
    return options;
  }, [itemsRead.data, order.items, draft]);

  // The evidence of the chosen items (items.get holds each item's evidence list).
  const details = useQueries({
    queries: itemIds.map((id) => ({
      queryKey: operationKey('items.get', { id }),
      queryFn: () => readOperation('items.get', { id }),
    })),
  });
  // A few items at most: built each render.
  const evidenceGroups = (() => {
    const groups: { group: string; items: { value: string; label: string }[] }[] = [];
    for (const query of details) {
      const item = query.data;
      if (!item || item.evidence.length === 0) continue;
      groups.push({
        group: item.title,
        items: item.evidence.map((e) => ({ value: e.id, label: e.originalName })),
      });
    }
    for (const e of draft?.evidence ?? []) {
      if (!groups.some((g) => g.items.some((option) => option.value === e.id)) && itemIds.includes(e.itemId))
        groups.push({ group: t.replyEvidence, items: [{ value: e.id, label: e.name }] });
    }
    return groups;
  })();
  const evidenceLoading = details.some((q) => q.isPending);

  const save = useWrite('orders.saveReply');
  const [busy, setBusy] = useState<'draft' | 'submit' | null>(null);
  const send = async (submit: boolean) => {
    const input = {
      orderId: order.id,
      ...(draft ? { replyId: draft.id, version: draft.version } : {}),
      text,
      itemIds,
      evidenceIds,
      submit,
    };
    const local = schemaErrors(operations['orders.saveReply'], input);
    if (local) {
      setErrors(fieldOf(local));
      setFailure(touchesOwn(local) ? null : Object.values(local)[0]);
      return;
    }
    setBusy(submit ? 'submit' : 'draft');
    const result = await save.mutateAsync(input);
    setBusy(null);
    if (!result.ok) {
      const fields = fieldOf(serverFieldErrors(result.fieldErrors));
      setErrors(fields);
      // The message under its field when it names one; else above the buttons. Nothing typed is cleared.
      setFailure(Object.keys(fields).length > 0 ? null : result.message);
      return;
    }
    setErrors({});
    setFailure(null);
    setBase({ text, itemIds, evidenceIds });
    notifySuccess(submit ? t.submitted : t.draftSaved);
    onSaved?.(submit);
  };

  return (
    <Paper
      withBorder
      p="md"
      radius="sm"
      bg="#fafbfc"
      component="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void send(true);
      }}
      data-testid="reply-form"
    >
      <Stack gap="sm">
        <Title order={5}>{title}</Title>
        <Textarea
          label={t.replyText}
          placeholder={t.replyTextPlaceholder}
          withAsterisk
          autosize
          minRows={4}
          maxRows={12}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            setErrors((e) => ({ ...e, text: undefined }));
          }}
          error={errors.text}
          autoFocus={autoFocus}
          data-testid="reply-text"
        />
        <MultiSelect
          label={t.replyItems}
          placeholder={itemIds.length ? undefined : t.replyItemsPlaceholder}
          data={itemOptions}
          value={itemIds}
          onChange={(next) => {
            setItemIds(next);
            // Evidence of an item no longer linked goes with it.
            const kept = new Set(
              details.flatMap((q) => (q.data && next.includes(q.data.id) ? q.data.evidence.map((e) => e.id) : [])),
            );
            setEvidenceIds((ids) =>
              ids.filter(
                (id) => kept.has(id) || (draft?.evidence.some((e) => e.id === id && next.includes(e.itemId)) ?? false),
              ),
            );
            setErrors((e) => ({ ...e, itemIds: undefined }));
          }}
          searchable
          clearable
          nothingFoundMessage={t.replyItemsNothing}
          error={
            errors.itemIds ?? (itemsRead.error ? `${t.replyItemsLoadFailed}：${itemsRead.error.message}` : undefined)
          }
          comboboxProps={{ withinPortal: true, zIndex: 400 }}
          data-testid="reply-items"
        />
        <MultiSelect
          label={t.replyEvidence}
          description={
            itemIds.length === 0
              ? t.replyEvidenceFirst
              : !evidenceLoading && evidenceGroups.length === 0
                ? t.replyEvidenceNone
                : t.replyEvidenceHint
          }
          placeholder={evidenceIds.length ? undefined : t.replyEvidencePlaceholder}
          data={evidenceGroups}
          value={evidenceIds}
          onChange={(next) => {
            setEvidenceIds(next);
            setErrors((e) => ({ ...e, evidenceIds: undefined }));
          }}
          disabled={itemIds.length === 0 || (!evidenceLoading && evidenceGroups.length === 0)}
          searchable
          clearable
          nothingFoundMessage={commonText.nothingFound}
          error={errors.evidenceIds}
          comboboxProps={{ withinPortal: true, zIndex: 400 }}
          data-testid="reply-evidence"
        />
        {failure && (
          <Alert color="red" variant="light" title={t.saveFailed} data-testid="reply-error">
            {failure}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button
            variant="default"
            leftSection={<IconDeviceFloppy size={16} />}
            onClick={() => void send(false)}
            loading={busy === 'draft'}
            disabled={busy !== null}
            data-testid="reply-save-draft"
          >
            {t.saveDraft}
          </Button>
          <Button
            type="submit"
            leftSection={<IconSend size={16} />}
            loading={busy === 'submit'}
            disabled={busy !== null}
            data-testid="reply-submit"
          >
            {t.submitReview}
          </Button>
        </Group>
        {!failure && Object.keys(errors).length === 0 && (
          <Text size="xs" c="dimmed">
            {t.replyFootnote}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function touchesOwn(errors: FieldErrors): boolean {
  return Object.keys(errors).some((key) => FIELDS.some((name) => name === key.split('.')[0]));
}
