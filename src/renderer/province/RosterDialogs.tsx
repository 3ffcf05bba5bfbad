// The roster's dialogs: add or edit a court (代码, 名称, 层级, 上级法院, 辖区) and mark one 已撤并.
// Errors come back from the main process in Chinese and are shown beside the field they concern.
import { useState } from 'react';
import { Alert, Select, Stack, Text, TextInput } from '@mantine/core';
import { GuardedModal, useCloseGuard } from '../common/useCloseGuard';
import type { RosterCourt, RosterView } from '../../shared/model';
import { useWrite } from '../api/queries';
import { DateField } from '../common/DateField';
import { FormActions } from '../common/FormActions';
import { notifySuccess } from '../lib/notify';
import { useApp } from '../AppContext';
import { rosterText as t } from './rosterText';

type Errors = Record<string, string>;

/** The courts that may head a court: this court, and the roster's intermediate courts not merged. */
function parentOptions(view: RosterView, exceptCode?: string) {
  return [
    { value: view.court.code, label: t.parentSelf(view.court.name) },
    ...view.courts
      .filter((c) => c.level === 'intermediate' && !c.mergedAt && c.code !== exceptCode)
      .map((c) => ({ value: c.code, label: `${c.name}（${c.code}）` })),
  ];
}

export function RosterCourtModal({
  view,
  court,
  opened,
  onClose,
}: {
  view: RosterView;
  /** null: a new court. */
  court: RosterCourt | null;
  opened: boolean;
  onClose(): void;
}) {
  return (
    <GuardedModal
      opened={opened}
      onClose={onClose}
      title={court ? t.editTitle : t.addTitle}
      data-testid="roster-court-modal"
    >
      {opened && <CourtForm view={view} court={court} onClose={onClose} />}
    </GuardedModal>
  );
}

function CourtForm({ view, court, onClose }: { view: RosterView; court: RosterCourt | null; onClose(): void }) {
  const [code, setCode] = useState(court?.code ?? '');
  const [name, setName] = useState(court?.name ?? '');
  const [level, setLevel] = useState<string | null>(
    court?.level ?? (view.court.level === 'intermediate' ? 'basic' : null),
  );
  const [parentCode, setParentCode] = useState<string | null>(court?.parentCode ?? view.court.code);
  const [jurisdiction, setJurisdiction] = useState(court?.jurisdiction ?? '');
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | null>(null);
  const cancel = useCloseGuard(
    code !== (court?.code ?? '') || name !== (court?.name ?? '') || jurisdiction !== (court?.jurisdiction ?? ''),
    onClose,
  );
  const add = useWrite('roster.add');
  const update = useWrite('roster.update');
  const levels =
    view.court.level === 'intermediate'
      ? [{ value: 'basic', label: t.levels.basic }]
      : [
          { value: 'intermediate', label: t.levels.intermediate },
          { value: 'basic', label: t.levels.basic },
        ];

  const submit = async () => {
    setErrors({});
    setMessage(null);
    const fields = { name, level: level as 'basic', parentCode: parentCode ?? '', jurisdiction };
    const result = court
      ? await update.mutateAsync({ id: court.id, version: court.version, ...fields })
      : await add.mutateAsync({ code: code.trim().toUpperCase(), ...fields });
    if (!result.ok) {
      setErrors(result.fieldErrors ?? {});
      setMessage(result.message);
      return;
    }
    notifySuccess(t.saved);
    onClose();
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack gap="sm">
        {message && (
          <Alert color="red" data-testid="roster-form-error">
            {message}
          </Alert>
        )}
        <TextInput
          label={t.code}
          description={t.codeHint}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          error={errors.code}
          disabled={!!court}
          required
          data-autofocus
          data-testid="roster-code"
        />
        <TextInput
          label={t.name}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
          required
          data-testid="roster-name"
        />
        <Select
          label={t.level}
          placeholder={t.levelPlaceholder}
          data={levels}
          value={level}
          onChange={setLevel}
          error={errors.level}
          allowDeselect={false}
          required
          data-testid="roster-level"
        />
        <Select
          label={t.parent}
          placeholder={t.parentPlaceholder}
          data={parentOptions(view, court?.code)}
          value={parentCode}
          onChange={setParentCode}
          error={errors.parentCode}
          allowDeselect={false}
          searchable
          required
          data-testid="roster-parent"
        />
        <TextInput
          label={t.jurisdiction}
          placeholder={t.jurisdictionPlaceholder}
          value={jurisdiction}
          onChange={(e) => setJurisdiction(e.currentTarget.value)}
          error={errors.jurisdiction}
          data-testid="roster-jurisdiction"
        />
        <FormActions onCancel={cancel} saving={add.isPending || update.isPending} />
      </Stack>
    </form>
  );
}

export function MergeModal({ view, court, onClose }: { view: RosterView; court: RosterCourt | null; onClose(): void }) {
  return (
    <GuardedModal opened={!!court} onClose={onClose} title={t.mergeTitle} data-testid="roster-merge-modal">
      {court && <MergeForm view={view} court={court} onClose={onClose} />}
    </GuardedModal>
  );
}

function MergeForm({ view, court, onClose }: { view: RosterView; court: RosterCourt; onClose(): void }) {
  const { today } = useApp();
  const [mergedAt, setMergedAt] = useState<string | null>(today);
  const [mergedInto, setMergedInto] = useState<string | null>(null);
  const cancel = useCloseGuard(mergedInto !== null || mergedAt !== today, onClose);
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | null>(null);
  const merge = useWrite('roster.merge');
  const targets = [
    { value: view.court.code, label: t.parentSelf(view.court.name) },
    ...view.courts
      .filter((c) => c.code !== court.code && !c.mergedAt)
      .map((c) => ({ value: c.code, label: `${c.name}（${c.code}）` })),
  ];
  const submit = async () => {
    setErrors({});
    setMessage(null);
    const result = await merge.mutateAsync({
      id: court.id,
      version: court.version,
      mergedAt: mergedAt ?? '',
      mergedInto,
    });
    if (!result.ok) {
      setErrors(result.fieldErrors ?? {});
      setMessage(result.message);
      return;
    }
    notifySuccess(t.mergedDone);
    onClose();
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack gap="sm">
        <Text size="sm" fw={600}>
          {court.name}（{court.code}）
        </Text>
        <Text size="sm" c="dimmed">
          {t.mergeText}
        </Text>
        {message && <Alert color="red">{message}</Alert>}
        <DateField
          label={t.mergedAt}
          value={mergedAt}
          onChange={(value) => setMergedAt(value as string | null)}
          error={errors.mergedAt}
          // No maxDate: the calendar would drop a typed future date without a word; the main
          // process refuses it with a message under the field instead.
          required
          data-testid="roster-merged-at"
        />
        <Select
          label={t.mergedIntoLabel}
          placeholder={t.mergedIntoPlaceholder}
          data={targets}
          value={mergedInto}
          onChange={setMergedInto}
          error={errors.mergedInto}
          clearable
          searchable
          data-testid="roster-merged-into"
        />
        <FormActions onCancel={cancel} saving={merge.isPending} submitLabel={t.mergeSubmit} />
      </Stack>
    </form>
  );
}
