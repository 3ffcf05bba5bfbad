// This court's 通报 draft: 标题, 主送, 正文 (prefilled with the campaign's figures), 落款, 成文日期, the kind
// and the courts named. 保存 keeps it (a newer version saved elsewhere is refused with the text kept);
// 预览 shows it as it prints, with 保存为 PDF / Word; 发布 gives it its 文号 after a confirmation and
// sends it down with the next package; 删除草稿 after a confirmation. Unsaved edits are guarded.
import { useMemo, useState, type ReactNode } from 'react';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Drawer,
  Tooltip,
} from '@mantine/core';
import { IconEye, IconPencil, IconSend, IconTrash, IconX } from '@tabler/icons-react';
import type { NamedCourt, Notice, NoticeKind, NoticeStance } from '../../shared/notices/noticesModel';
import { noticeKinds } from '../../shared/notices/noticesModel';
import { useRead, useWrite } from '../api/queries';
import { confirmAction } from '../common/confirm';
import { DateField } from '../common/DateField';
import { SaveErrorAlert, type SaveError } from '../common/SaveErrorAlert';
import { useCloseGuard } from '../common/useCloseGuard';
import { useCheckedWrite } from '../lib/checkedWrite';
import { useFollowingEditForm } from '../lib/editForm';
import { notifyFailure, notifySuccess } from '../lib/notify';
import { NoticePreview, stickyHead } from './NoticePreview';
import { noticeKindColor, noticeKindText, noticeStatusText, noticeText as t, stanceText } from './text';

interface Values {
  kind: NoticeKind;
  title: string;
  addressees: string;
  body: string;
  issuerName: string;
  signedDate: string | null;
  namedCourts: NamedCourt[];
}

const fieldNames = ['kind', 'title', 'addressees', 'body', 'issuerName', 'signedDate', 'namedCourts'] as const;

const valuesFrom = (notice: Notice): Values => ({
  kind: notice.kind,
  title: notice.title,
  addressees: notice.addressees,
  body: notice.body,
  issuerName: notice.issuerName,
  signedDate: notice.signedDate,
  namedCourts: notice.namedCourts,
});

export function NoticeEditor({
  notice,
  onChanged,
  onReload,
  onClose,
  onDialog,
}: {
  notice: Notice;
  onChanged(notice: Notice): void;
  onReload(): Promise<void>;
  onClose(): void;
  /** A dialog of the editor is open: Esc then closes only that dialog. */
  onDialog(open: boolean): void;
}) {
  const { form, markSaved, discardNextMerge } = useFollowingEditForm(notice, valuesFrom, fieldNames);
  const save = useCheckedWrite('notices.save', form, t.formError);
  const issue = useWrite('notices.issue');
  const remove = useWrite('notices.delete');
  const [error, setError] = useState<SaveError | null>(null);
  const [mode, setMode] = useState<'edit' | 'preview'>('edit');
  const [asking, setAsking] = useState(false);
  const dirty = form.isDirty();
  const close = useCloseGuard(dirty, onClose);

  /** Saves what is typed; true when saved (or nothing to save). */
  const saveNow = async (quiet = false): Promise<Notice | null> => {
    setError(null);
    const values = form.getValues();
    const result = await save.submit({
      id: notice.id,
      version: notice.version,
      kind: values.kind,
      title: values.title,
      addressees: values.addressees,
      body: values.body,
      issuerName: values.issuerName,
      signedDate: values.signedDate ?? '',
      namedCourts: values.namedCourts.map(({ code, stance }) => ({ code, stance })),
    });
    if (!result.ok) {
      const stale = result.code === 'E_STALE';
      setError({ message: stale ? t.stale : result.message, stale });
      setMode('edit');
      return null;
    }
    markSaved(result.value);
    onChanged(result.value);
    if (!quiet) notifySuccess(t.saved);
    return result.value;
  };

  const preview = async () => {
    if (mode === 'preview') return setMode('edit');
    if (dirty && !(await saveNow(true))) return;
    setMode('preview');
  };

  const openIssue = () => {
    setAsking(true);
    onDialog(true);
  };
  const closeIssue = () => {
    setAsking(false);
    onDialog(false);
  };
  const confirmIssue = async () => {
    let current: Notice | null = notice;
    if (dirty) current = await saveNow(true);
    if (!current) return closeIssue();
    const result = await issue.mutateAsync({ id: current.id, version: current.version });
    closeIssue();
    if (!result.ok) {
      setError({ message: result.message, stale: result.code === 'E_STALE' });
      return;
    }
    markSaved(result.value);
    notifySuccess(t.issued(result.value.docNumber));
    onChanged(result.value);
  };

  const deleteDraft = async () => {
    if (!(await confirmAction({ message: t.deleteConfirm(notice.title), confirmLabel: t.deleteDraft, danger: true })))
      return;
    const result = await remove.mutateAsync({ id: notice.id, version: notice.version });
    if (!result.ok) return notifyFailure(result);
    notifySuccess(t.deleted);
    onClose();
  };

  const busy = save.isPending || issue.isPending || remove.isPending;
  return (
    <Stack gap="md" data-testid="notice-editor">
      <Group justify="space-between" align="flex-start" wrap="nowrap" style={stickyHead}>
        <div style={{ minWidth: 0 }}>
          <Group gap="xs" mb={4}>
            <Badge variant="outline" color="gray" radius="sm" data-testid="notice-state">
              {noticeStatusText.draft}
            </Badge>
            <Badge variant="light" color={noticeKindColor[form.getValues().kind]} radius="sm">
              {noticeKindText[form.getValues().kind]}
            </Badge>
            <Text size="sm" c="dimmed">
              {t.docNumber}：{t.noDocNumber}
            </Text>
          </Group>
          <Drawer.Title fz="h3" fw={700} lh={1.3} style={{ overflowWrap: 'anywhere' }}>
            {t.editTitle}
          </Drawer.Title>
          <Text size="sm" c="dimmed">
            {notice.campaignTitle}
          </Text>
        </div>
        <Group gap="xs" wrap="nowrap">
          <Button
            onClick={() => void saveNow()}
            loading={save.isPending}
            disabled={(busy && !save.isPending) || (mode === 'preview' && !dirty)}
            data-testid="notice-save"
          >
            {t.save}
          </Button>
          <Button
            variant="default"
            leftSection={mode === 'preview' ? <IconPencil size={16} /> : <IconEye size={16} />}
            onClick={() => void preview()}
            disabled={busy}
            data-testid="notice-preview"
          >
            {mode === 'preview' ? t.backToEdit : t.preview}
          </Button>
          <Button
            color="red"
            variant="light"
            leftSection={<IconSend size={16} />}
            onClick={openIssue}
            disabled={busy}
            data-testid="notice-issue"
          >
            {t.issue}
          </Button>
          <Tooltip label={t.deleteDraft}>
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              onClick={() => void deleteDraft()}
              disabled={busy}
              aria-label={t.deleteDraft}
              data-testid="notice-delete"
            >
              <IconTrash size={18} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t.close}>
            <ActionIcon variant="subtle" color="gray" size="lg" onClick={close} aria-label={t.close}>
              <IconX size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>

      {error && (
        <SaveErrorAlert
          error={error}
          testId="notice-save-error"
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

      {mode === 'preview' ? (
        <NoticePreview notice={notice} />
      ) : (
        <form id="notice-form" noValidate onSubmit={form.onSubmit(() => void saveNow())} data-testid="notice-form">
          <Group gap="md" align="flex-start" wrap="nowrap">
            <Stack gap="sm" style={{ flex: 1, minWidth: 0 }}>
              <TextInput
                label={t.title}
                withAsterisk
                {...form.getInputProps('title')}
                data-testid="notice-title-input"
              />
              <Textarea
                label={t.addressees}
                description={t.addresseesHint}
                withAsterisk
                autosize
                minRows={1}
                maxRows={4}
                {...form.getInputProps('addressees')}
                data-testid="notice-addressees"
              />
              <Textarea
                label={t.body}
                description={t.bodyHint}
                withAsterisk
                autosize
                minRows={14}
                {...form.getInputProps('body')}
                styles={{ input: { lineHeight: 1.8 } }}
                data-testid="notice-body"
              />
              <Group gap="md" grow align="flex-start">
                <TextInput
                  label={t.issuerName}
                  withAsterisk
                  {...form.getInputProps('issuerName')}
                  data-testid="notice-issuer"
                />
                <DateField
                  label={t.signedDate}
                  withAsterisk
                  {...form.getInputProps('signedDate')}
                  data-testid="notice-signed-date"
                />
              </Group>
            </Stack>
            <Stack gap="sm" w={300} style={{ flexShrink: 0 }}>
              <Select
                label={t.kind}
                withAsterisk
                allowDeselect={false}
                data={noticeKinds.map((value) => ({ value, label: noticeKindText[value] }))}
                {...form.getInputProps('kind')}
                data-testid="notice-kind"
              />
              <NamedCourtsField
                value={form.getValues().namedCourts}
                onChange={(value) => form.setFieldValue('namedCourts', value)}
                error={form.errors.namedCourts}
              />
              <Text size="xs" c="dimmed">
                {t.previewSavesFirst}
              </Text>
            </Stack>
          </Group>
        </form>
      )}

      <Modal opened={asking} onClose={closeIssue} title={t.issueTitle} zIndex={400} centered>
        <Stack gap="md" data-testid="notice-issue-dialog">
          <Text size="sm">{t.issueMessage}</Text>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={closeIssue} data-autofocus>
              {t.cancel}
            </Button>
            <Button
              color="red"
              onClick={() => void confirmIssue()}
              loading={issue.isPending || save.isPending}
              data-testid="notice-issue-confirm"
            >
              {t.issueConfirm}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

/** The courts a draft names: each praised or criticised, removable; more from this court's roster. */
function NamedCourtsField({
  value,
  onChange,
  error,
}: {
  value: NamedCourt[];
  onChange(value: NamedCourt[]): void;
  error?: ReactNode;
}) {
  const roster = useRead('roster.list');
  const choices = useMemo(
    () =>
      (roster.data?.courts ?? [])
        .filter((court) => court.own && !court.mergedAt && !value.some((named) => named.code === court.code))
        .map((court) => ({ value: court.code, label: court.name })),
    [roster.data, value],
  );
  const setStance = (code: string, stance: NoticeStance) =>
    onChange(value.map((named) => (named.code === code ? { ...named, stance } : named)));
  return (
    <Paper withBorder p="sm" data-testid="notice-named-field">
      <Text fw={500} size="sm">
        {t.named}
      </Text>
      <Text size="xs" c="dimmed" mb="xs">
        {t.namedHint}
      </Text>
      <Stack gap={6}>
        {value.length === 0 && (
          <Text size="sm" c="dimmed">
            {t.noNamed}
          </Text>
        )}
        {value.map((named) => (
          <Group key={named.code} gap={6} wrap="nowrap" data-testid="notice-named-court" data-court={named.code}>
            <Text size="sm" style={{ flex: 1, minWidth: 0 }}>
              {named.name}
            </Text>
            <SegmentedControl
              size="xs"
              value={named.stance}
              onChange={(stance) => setStance(named.code, stance as NoticeStance)}
              aria-label={t.stanceOf(named.name)}
              color={named.stance === 'criticism' ? 'red' : 'teal'}
              data={(['praise', 'criticism'] as const).map((stance) => ({ value: stance, label: stanceText[stance] }))}
            />
            <ActionIcon
              variant="subtle"
              color="gray"
              onClick={() => onChange(value.filter((other) => other.code !== named.code))}
              aria-label={t.removeNamed(named.name)}
            >
              <IconX size={14} />
            </ActionIcon>
          </Group>
        ))}
        {choices.length > 0 && (
          <Select
            size="xs"
            aria-label={t.addNamed}
            placeholder={t.addNamed}
            data={choices}
            value={null}
            searchable
            onChange={(code) => {
              const court = choices.find((choice) => choice.value === code);
              if (court) onChange([...value, { code: court.value, name: court.label, stance: 'criticism' }]);
            }}
          />
        )}
        {error && (
          <Alert color="red" py={4}>
            {error}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
