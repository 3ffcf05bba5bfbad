// The written 活动总结's editor in 报表打印: the four parts as templates (their figures written
// 【字段名】, filled with the current values whenever the summary prints), the list of fields to
// insert at the cursor, 保存 (Ctrl+S) and 恢复为系统草稿 per part or for all. What is typed and not
// saved lives in summaryDrafts (kept through a refused save, a switch of report kind or a reload);
// a save refreshes every read, so the preview beside the editor prints the saved words at once.
// Viewing a subordinate court, or without the right to edit, the parts show as text only.
import { useEffect, useRef, useState } from 'react';
import { Alert, Badge, Button, Group, List, Paper, Stack, Text, Textarea, Title, Tooltip } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import {
  IconAlertTriangle,
  IconBraces,
  IconDeviceFloppy,
  IconFileText,
  IconLock,
  IconPencil,
  IconRestore,
  IconStar,
} from '@tabler/icons-react';
import type { SummaryPart, WrittenSummary, WrittenSummaryPart } from '../../shared/writtenSummary/writtenSummaryModel';
import { operationKey, queryClient, useRead, useWrite } from '../api/queries';
import { useApp } from '../AppContext';
import { confirmAction } from '../common/confirm';
import { formatDateTime } from '../lib/dates';
import { notifications } from '@mantine/notifications';
import { notifyFailure, notifySuccess } from '../lib/notify';
import { SummaryFieldList } from './SummaryFieldList';
import {
  forgetSummaryDraft,
  getSummaryDraft,
  setSummaryDraftPart,
  summaryDraftKey,
  useSummaryDraft,
} from './summaryDrafts';
import { summaryText as t } from './text';

const FIELD_PATTERN = /【([^【】]*)】/g;
/** Height of the app's header (Shell.tsx): the editor's action bar sticks just under it. */
const HEADER_HEIGHT = 56;
const STICKY_BAR = {
  position: 'sticky',
  top: HEADER_HEIGHT,
  zIndex: 5,
  background: 'var(--mantine-color-body)',
  padding: '8px 0',
  borderBottom: '1px solid var(--mantine-color-gray-3)',
} as const;

/** Names written in 【】 that are not fields: they would print as written. */
function unknownNames(template: string, known: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  for (const match of template.matchAll(FIELD_PATTERN)) if (!known.has(match[1])) found.add(match[1]);
  return [...found];
}

export function SummaryEditor({
  campaignId,
  courtCode,
  courtName,
}: {
  campaignId: string;
  courtCode: string | null;
  courtName?: string;
}) {
  const read = useRead('summary.get', { campaignId, ...(courtCode ? { courtCode } : {}) });
  const summary = read.data;
  if (!summary) {
    return read.error ? (
      <Alert color="red" title={t.loadFailedTitle} data-testid="summary-load-failed">
        <Text size="sm">{read.error.message}</Text>
        <Button size="xs" variant="light" mt="xs" onClick={() => void read.refetch()}>
          {t.retry}
        </Button>
      </Alert>
    ) : (
      <Text size="sm" c="gray.7" data-testid="summary-loading">
        {t.loading}
      </Text>
    );
  }
  return summary.editable ? (
    <EditableSummary summary={summary} />
  ) : (
    <ReadOnlySummary summary={summary} courtCode={courtCode} courtName={courtName} />
  );
}

function HighlightNote({ count }: { count: number }) {
  return (
    <Group gap={6} wrap="nowrap" align="flex-start" data-testid="summary-highlights" data-count={count}>
      <IconStar size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} color="var(--mantine-color-yellow-8)" />
      <Text size="xs" c="gray.8">
        {t.highlightCount(count)}
        {t.highlightHow}
      </Text>
    </Group>
  );
}

function ReadOnlySummary({
  summary,
  courtCode,
  courtName,
}: {
  summary: WrittenSummary;
  courtCode: string | null;
  courtName?: string;
}) {
  const { can } = useApp();
  const reason =
    courtCode !== null
      ? t.readOnlySubordinate(summary.courtName || (courtName ?? ''))
      : !can('admin', 'reviewer')
        ? t.readOnlyRole
        : t.readOnlyOther;
  return (
    <Stack gap="sm" component="section" aria-label={t.editorLabel} data-testid="summary-editor" data-editable="false">
      <Alert
        color="gray"
        variant="light"
        icon={<IconLock size={18} aria-hidden />}
        title={t.readOnlyTitle}
        data-testid="summary-read-only"
      >
        {reason}
      </Alert>
      {summary.parts.map((part) => (
        <Paper key={part.part} withBorder p="sm" radius="sm" data-testid="summary-part" data-part={part.part}>
          <Group justify="space-between" gap="xs" mb={4}>
            <Title order={4} size="h5">
              {part.heading}
            </Title>
            <PartState part={part} unsaved={false} />
          </Group>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="summary-part-text">
            {part.text}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}

/** Whose words a part is, in words (and an icon): the system draft, the clerk's saved text, unsaved typing. */
function PartState({ part, unsaved }: { part: WrittenSummaryPart; unsaved: boolean }) {
  const savedLine =
    part.saved !== null && part.savedAt ? t.partSavedBy(part.savedBy ?? '', formatDateTime(part.savedAt)) : null;
  return (
    <Group
      gap={6}
      data-testid="summary-part-state"
      data-state={unsaved ? 'unsaved' : part.saved !== null ? 'saved' : 'drafted'}
    >
      {unsaved ? (
        <Badge color="orange" variant="light" radius="sm" leftSection={<IconPencil size={12} aria-hidden />}>
          {part.saved !== null ? t.partSavedAndUnsaved : t.partUnsaved}
        </Badge>
      ) : part.saved !== null ? (
        <Badge color="court" variant="light" radius="sm" leftSection={<IconPencil size={12} aria-hidden />}>
          {t.partSaved}
        </Badge>
      ) : (
        <Badge color="gray" variant="light" radius="sm" leftSection={<IconFileText size={12} aria-hidden />}>
          {t.partDrafted}
        </Badge>
      )}
      <Text size="xs" c="gray.7">
        {savedLine ?? (part.saved === null && !unsaved ? t.partDraftedHint : '')}
      </Text>
    </Group>
  );
}

interface SaveFailure {
  message: string;
  fieldErrors: Record<string, string>;
}

function EditableSummary({ summary }: { summary: WrittenSummary }) {
  const { user } = useApp();
  const key = summaryDraftKey(user.id, summary.campaignId);
  const draft = useSummaryDraft(key);
  const save = useWrite('summary.save');
  const reset = useWrite('summary.reset');
  const [failure, setFailure] = useState<SaveFailure | null>(null);
  const [activePart, setActivePart] = useState<SummaryPart>(summary.parts[0]?.part ?? 'situation');
  const areas = useRef(new Map<SummaryPart, HTMLTextAreaElement>());
  const fieldBox = useRef<HTMLDivElement>(null);
  /** From a part's 插入数字字段 button: the list now inserts into that part; the focus goes to its search box (or first field). */
  const chooseField = (part: SummaryPart) => {
    setActivePart(part);
    window.requestAnimationFrame(() =>
      fieldBox.current?.querySelector<HTMLElement>('input, [data-testid="summary-field"]')?.focus(),
    );
  };
  const known = new Set(summary.fields.map((field) => field.name));

  const valueOf = (part: WrittenSummaryPart) => draft[part.part] ?? part.template;
  const isUnsaved = (part: WrittenSummaryPart) => draft[part.part] !== undefined && draft[part.part] !== part.template;
  const unsavedParts = summary.parts.filter(isUnsaved);
  const busy = save.isPending || reset.isPending;

  const change = (part: WrittenSummaryPart, value: string) => {
    // Typed back to what is saved: nothing left to save for this part.
    setSummaryDraftPart(key, part.part, value === part.template ? null : value);
  };

  const insert = (name: string) => {
    const part = summary.parts.find((p) => p.part === activePart);
    const area = areas.current.get(activePart);
    if (!part || !area) return;
    const token = `【${name}】`;
    const value = valueOf(part);
    // A textarea keeps its selection after it loses the focus to the list, so the cursor is still there.
    const start = area.selectionStart ?? value.length;
    const end = area.selectionEnd ?? start;
    change(part, value.slice(0, start) + token + value.slice(end));
    window.requestAnimationFrame(() => {
      area.focus();
      area.setSelectionRange(start + token.length, start + token.length);
    });
  };

  const showSummary = (value: WrittenSummary) =>
    queryClient.setQueryData(operationKey('summary.get', { campaignId: summary.campaignId }), value);

  const submit = async () => {
    if (busy) return;
    if (unsavedParts.length === 0) {
      notifySuccess(t.nothingToSave);
      return;
    }
    const sent: Partial<Record<SummaryPart, string>> = {};
    for (const part of unsavedParts) sent[part.part] = valueOf(part);
    const result = await save.mutateAsync({ campaignId: summary.campaignId, parts: sent });
    if (!result.ok) {
      // The typed text stays in the boxes (and in summaryDrafts): only the message is new.
      setFailure({ message: result.message, fieldErrors: result.fieldErrors ?? {} });
      return;
    }
    setFailure(null);
    // The answer is the summary as saved: shown at once, so the boxes never flash the older text
    // between forgetting the typed copy and the reread (the preview is reread as after any write).
    showSummary(result.value);
    // Forget only what was sent and is still as sent: typing during the save stays unsaved.
    const now = getSummaryDraft(key);
    forgetSummaryDraft(
      key,
      (Object.keys(sent) as SummaryPart[]).filter((part) => now[part] === sent[part]),
    );
    notifySuccess(t.saved);
  };

  const restore = async (parts?: SummaryPart[]) => {
    const heading = parts && summary.parts.find((p) => p.part === parts[0])?.heading;
    const ok = await confirmAction({
      title: t.resetTitle,
      message: heading ? t.resetPartMessage(heading) : t.resetAllMessage,
      confirmLabel: t.resetConfirm,
      cancelLabel: t.resetKeep,
      danger: true,
      focusCancel: true,
    });
    if (!ok) return;
    const affected = parts ?? summary.parts.map((p) => p.part);
    // Only unsaved typing: nothing saved to drop, the draft goes.
    const savedAffected = summary.parts.filter((p) => affected.includes(p.part) && p.saved !== null);
    if (savedAffected.length > 0) {
      const result = await reset.mutateAsync({ campaignId: summary.campaignId, ...(parts ? { parts } : {}) });
      if (!result.ok) return notifyFailure(result, t.resetFailedTitle);
      showSummary(result.value);
    }
    forgetSummaryDraft(key, affected);
    setFailure(null);
    notifySuccess(t.resetDone);
  };

  // Leaving the editor (another tab, another page) cannot be held up by the hash router, so it is
  // said as it happens: the typed text is kept on this computer and waits here, unprinted.
  useEffect(
    () => () => {
      if (Object.keys(getSummaryDraft(key)).length > 0)
        notifications.show({ color: 'orange', title: t.leftUnsavedTitle, message: t.leftUnsaved, autoClose: 8000 });
    },
    [key],
  );

  // Ctrl+S saves wherever the focus is in the tab, the text boxes included (the browser's own
  // 另存为 would save the app's page, which is never what is meant here).
  useHotkeys([['mod+S', () => void submit()]], []);

  const anyChanged = summary.parts.some((p) => p.saved !== null) || unsavedParts.length > 0;
  const activeHeading = summary.parts.find((p) => p.part === activePart)?.heading ?? '';

  return (
    <Stack gap="sm" component="section" aria-label={t.editorLabel} data-testid="summary-editor" data-editable="true">
      <Stack gap={4}>
        <Title order={3} size="h4">
          {t.editorTitle}
        </Title>
        <Text size="xs" c="gray.7">
          {t.editorIntro}
        </Text>
        <HighlightNote count={summary.highlightCount} />
      </Stack>
      {/* The actions stay in view under the app's header while a long part is edited further down. */}
      <Stack gap={6} style={STICKY_BAR}>
        <Group justify="space-between" align="center" wrap="nowrap" gap="sm">
          {unsavedParts.length > 0 ? (
            <Group gap={6} wrap="nowrap" data-testid="summary-unsaved" style={{ minWidth: 0 }}>
              <IconPencil size={16} aria-hidden color="var(--mantine-color-orange-8)" style={{ flexShrink: 0 }} />
              <Text size="sm" c="orange.9" fw={600}>
                {t.unsavedCount(unsavedParts.length)}
              </Text>
            </Group>
          ) : (
            <Text size="sm" c="gray.7" data-testid="summary-all-saved">
              {t.allSaved}
            </Text>
          )}
          <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
            <Tooltip label={t.saveHint} multiline w={260}>
              <Button
                leftSection={<IconDeviceFloppy size={16} aria-hidden />}
                onClick={() => void submit()}
                loading={save.isPending}
                disabled={reset.isPending}
                rightSection={
                  <Text size="xs" c="inherit" opacity={0.85} component="span">
                    {t.saveShortcut}
                  </Text>
                }
                data-testid="summary-save"
                data-unsaved={unsavedParts.length}
              >
                {t.save}
              </Button>
            </Tooltip>
            <Button
              variant="default"
              leftSection={<IconRestore size={16} aria-hidden />}
              onClick={() => void restore()}
              disabled={!anyChanged || busy}
              data-testid="summary-reset-all"
            >
              {t.resetAll}
            </Button>
          </Group>
        </Group>
        {unsavedParts.length > 0 && (
          <Text size="xs" c="gray.8">
            {t.unsavedBanner}
          </Text>
        )}
        {/* Typed back to what is saved, the refusal is no longer about anything on screen. */}
        {failure && unsavedParts.length > 0 && (
          <Alert
            color="red"
            title={t.saveFailedTitle}
            role="alert"
            withCloseButton
            closeButtonLabel="关闭"
            onClose={() => setFailure(null)}
            p="xs"
            data-testid="summary-save-failed"
          >
            <Text size="sm">{failure.message}</Text>
            <Text size="sm" mt={4}>
              {t.saveFailedKept}
            </Text>
          </Alert>
        )}
      </Stack>

      <Group align="flex-start" gap="sm" wrap="nowrap">
        <Stack gap="sm" style={{ flex: 1, minWidth: 0 }}>
          {summary.parts.map((part) => {
            const value = valueOf(part);
            const unsaved = isUnsaved(part);
            const unknown = unknownNames(value, known);
            const fieldError = failure?.fieldErrors[`parts.${part.part}`] ?? failure?.fieldErrors[part.part];
            const headingId = `summary-heading-${part.part}`;
            return (
              <Paper
                key={part.part}
                withBorder
                p="sm"
                radius="sm"
                component="section"
                aria-labelledby={headingId}
                data-testid="summary-part"
                data-part={part.part}
                style={activePart === part.part ? { borderColor: 'var(--mantine-color-court-4)' } : undefined}
              >
                <Group justify="space-between" gap="xs" mb={6} wrap="nowrap" align="flex-start">
                  <Stack gap={2} style={{ minWidth: 0 }}>
                    <Title order={4} size="h5" id={headingId}>
                      {part.heading}
                    </Title>
                    <PartState part={part} unsaved={unsaved} />
                  </Stack>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="gray.8"
                    leftSection={<IconRestore size={14} aria-hidden />}
                    onClick={() => void restore([part.part])}
                    disabled={(part.saved === null && !unsaved) || busy}
                    aria-label={t.resetPartLabel(part.heading)}
                    style={{ flexShrink: 0 }}
                    data-testid="summary-reset-part"
                  >
                    {t.resetPart}
                  </Button>
                </Group>
                <Textarea
                  ref={(element) => {
                    if (element) areas.current.set(part.part, element);
                    else areas.current.delete(part.part);
                  }}
                  aria-label={t.partLabel(part.heading)}
                  value={value}
                  onChange={(event) => change(part, event.currentTarget.value)}
                  onFocus={() => setActivePart(part.part)}
                  autosize
                  minRows={3}
                  maxRows={18}
                  error={fieldError}
                  styles={{ input: { lineHeight: 1.7 } }}
                  data-testid="summary-part-input"
                />
                <Button
                  size="compact-xs"
                  variant="subtle"
                  mt={4}
                  leftSection={<IconBraces size={14} aria-hidden />}
                  onClick={() => chooseField(part.part)}
                  aria-label={t.chooseFieldLabel(part.heading)}
                  data-testid="summary-choose-field"
                >
                  {t.chooseField}
                </Button>
                {unknown.length > 0 && (
                  <Alert
                    color="yellow"
                    variant="light"
                    p="xs"
                    mt={6}
                    icon={<IconAlertTriangle size={16} aria-hidden />}
                    data-testid="summary-unknown-fields"
                  >
                    <Text size="xs">{t.unknownTitle}</Text>
                    <List size="xs" spacing={0}>
                      {unknown.map((name) => (
                        <List.Item key={name}>【{name}】</List.Item>
                      ))}
                    </List>
                    <Text size="xs">{t.unknownHint}</Text>
                  </Alert>
                )}
              </Paper>
            );
          })}
        </Stack>
        <div style={{ width: 220, flexShrink: 0, position: 'sticky', top: HEADER_HEIGHT + 64 }}>
          <SummaryFieldList
            fields={summary.fields}
            target={activeHeading}
            onInsert={insert}
            boxRef={fieldBox}
            onEscape={() => areas.current.get(activePart)?.focus()}
          />
        </div>
      </Group>
    </Stack>
  );
}
