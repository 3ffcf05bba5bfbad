// What can be done next, by status: 标记完成; 销号 / 退回; 重新打开.
import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, TextInput, Textarea, Autocomplete } from '@mantine/core';
import { IconArrowBackUp, IconCircleCheck, IconDiscountCheck, IconRefresh } from '@tabler/icons-react';
import type { ItemDetail } from '../../shared/model';
import { send } from '../api/client';
import { useApp } from '../AppContext';
import { commonText } from '../common/text';
import { notifySuccess } from '../lib/notify';
import { itemText as t } from './text';

type Action = 'complete' | 'signOff' | 'sendBack' | 'reopen';

const config: Record<Action, { title: string; hint?: string; personLabel?: string; textLabel: string; placeholder: string; required: boolean; button: string; color?: string }> = {
  complete: { title: t.markCompleteTitle, textLabel: t.markCompleteNote, placeholder: t.markCompleteNotePlaceholder, required: false, button: t.markComplete },
  signOff: { title: t.signOffTitle, hint: t.signOffHint, personLabel: t.reviewer, textLabel: t.opinion, placeholder: t.opinionPlaceholder, required: false, button: t.signOff, color: 'teal' },
  sendBack: { title: t.sendBackTitle, hint: t.sendBackHint, personLabel: t.reviewer, textLabel: t.reason, placeholder: t.reasonPlaceholder, required: true, button: t.sendBack, color: 'orange' },
  reopen: { title: t.reopenTitle, hint: t.reopenHint, personLabel: t.operator, textLabel: t.reopenReason, placeholder: t.reopenReasonPlaceholder, required: true, button: t.reopen, color: 'grape' },
};

export function StatusActions({ item, onChanged, onDialog }: { item: ItemDetail; onChanged(item: ItemDetail): void; onDialog(open: boolean): void }) {
  const [action, setActionState] = useState<Action | null>(null);
  const setAction = (next: Action | null) => {
    setActionState(next);
    onDialog(next !== null);
  };
  const s = item.status;
  return (
    <>
      <Group gap="xs">
        {(s === 'not_started' || s === 'in_progress' || s === 'returned') && (
          <Button size="sm" leftSection={<IconCircleCheck size={16} />} onClick={() => setAction('complete')} data-testid="action-complete">
            {t.markComplete}
          </Button>
        )}
        {s === 'completed' && (
          <>
            <Button size="sm" color="teal" leftSection={<IconDiscountCheck size={16} />} onClick={() => setAction('signOff')} data-testid="action-signoff">
              {t.signOff}
            </Button>
            <Button size="sm" variant="outline" color="orange" leftSection={<IconArrowBackUp size={16} />} onClick={() => setAction('sendBack')} data-testid="action-sendback">
              {t.sendBack}
            </Button>
          </>
        )}
        {(s === 'completed' || s === 'signed_off') && (
          <Button size="sm" variant="outline" color="grape" leftSection={<IconRefresh size={16} />} onClick={() => setAction('reopen')} data-testid="action-reopen">
            {t.reopen}
          </Button>
        )}
      </Group>
      <Modal opened={!!action} onClose={() => setAction(null)} title={action ? config[action].title : ''} zIndex={300}>
        {action && (
          <DecisionForm
            action={action}
            item={item}
            onCancel={() => setAction(null)}
            onDone={(updated) => {
              setAction(null);
              onChanged(updated);
            }}
          />
        )}
      </Modal>
    </>
  );
}

function DecisionForm({ action, item, onCancel, onDone }: { action: Action; item: ItemDetail; onCancel(): void; onDone(item: ItemDetail): void }) {
  const { court, people } = useApp();
  const c = config[action];
  const [person, setPerson] = useState(court.operatorName);
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    const local: Record<string, string> = {};
    if (c.personLabel && !person.trim()) local.person = commonText.required(c.personLabel);
    if (c.required && !text.trim()) local.text = commonText.required(c.textLabel);
    if (Object.keys(local).length) return setErrors(local);
    setSaving(true);
    const base = { id: item.id, version: item.version };
    const result =
      action === 'complete'
        ? await send('items.markComplete', { ...base, note: text })
        : action === 'signOff'
          ? await send('items.signOff', { ...base, reviewer: person, opinion: text })
          : action === 'sendBack'
            ? await send('items.sendBack', { ...base, reviewer: person, reason: text })
            : await send('items.reopen', { ...base, reviewer: person, reason: text });
    setSaving(false);
    if (!result.ok) {
      const fe = result.fieldErrors ?? {};
      setErrors({ person: fe.reviewer ?? '', text: fe.note ?? fe.opinion ?? fe.reason ?? '' });
      setError(result.message);
      return;
    }
    notifySuccess(t.statusChanged[action]);
    onDone(result.value);
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
        {c.personLabel && (
          <Autocomplete
            label={c.personLabel}
            data={[...new Set(people.map((p) => p.name))]}
            value={person}
            onChange={(v) => {
              setPerson(v);
              setErrors((e) => ({ ...e, person: '' }));
            }}
            error={errors.person || null}
            withAsterisk
            comboboxProps={{ zIndex: 400 }}
          />
        )}
        {action === 'complete' ? (
          <Textarea label={c.textLabel} placeholder={c.placeholder} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={3} data-autofocus error={errors.text || null} />
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
          <Button variant="default" onClick={onCancel}>
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
