// 亮点 marks on an item and on its progress notes: the written 活动总结's 主要做法和成效 draws on
// what is marked. The state is said in words with a star (never colour alone); the button toggles
// it for whoever may work on the row (this court's own rows; a 填报人 only in their department).
import { Badge, Button, Tooltip } from '@mantine/core';
import { IconStar, IconStarFilled } from '@tabler/icons-react';
import { useWrite } from '../api/queries';
import { notifyFailure, notifySuccess } from '../lib/notify';
import { summaryText as t } from './text';

/** The 亮点 badge: shown wherever a marked item or note is listed. */
export function HighlightBadge({ testId = 'highlight-badge' }: { testId?: string }) {
  return (
    <Badge
      color="yellow"
      c="yellow.9"
      variant="light"
      radius="sm"
      size="sm"
      leftSection={<IconStarFilled size={11} aria-hidden />}
      data-testid={testId}
    >
      {t.highlight}
    </Badge>
  );
}

/** The checklist row's small 亮点 mark before the title (a word and a star, in the row's line). */
export function HighlightTag() {
  return (
    <span
      style={{ color: 'var(--mantine-color-yellow-9)', fontSize: 12, fontWeight: 600, marginRight: 4 }}
      title={t.itemHighlightOn}
      data-testid="row-highlight"
    >
      <IconStarFilled size={11} aria-hidden style={{ verticalAlign: -1, marginRight: 1 }} />
      {t.highlight}
    </span>
  );
}

export function HighlightToggle({
  target,
  id,
  version,
  highlight,
  label,
  size = 'xs',
}: {
  target: 'item' | 'note';
  id: string;
  version: number;
  highlight: boolean;
  /** What the button is about, for a screen reader (the note's date); the item's own button needs none. */
  label?: string;
  size?: 'xs' | 'compact-xs';
}) {
  const markItem = useWrite('items.markHighlight');
  const markNote = useWrite('progress.markHighlight');
  const busy = markItem.isPending || markNote.isPending;
  const toggle = async () => {
    const input = { id, version, highlight: !highlight };
    const result = target === 'item' ? await markItem.mutateAsync(input) : await markNote.mutateAsync(input);
    if (!result.ok) return notifyFailure(result, t.markFailedTitle);
    if (target === 'item') notifySuccess(highlight ? t.unmarkedItem : t.markedItem);
    else notifySuccess(highlight ? t.unmarkedNote : t.markedNote);
  };
  const word = highlight ? t.unmarkHighlight : t.markHighlight;
  const hint =
    target === 'item'
      ? highlight
        ? t.itemHighlightOn
        : t.itemHighlightOff
      : highlight
        ? t.noteHighlightOn
        : t.noteHighlightOff;
  return (
    <Tooltip label={hint} multiline w={260} withArrow zIndex={300}>
      <Button
        size={size}
        variant={highlight ? 'light' : 'default'}
        color={highlight ? 'yellow' : undefined}
        c={highlight ? 'yellow.9' : undefined}
        leftSection={highlight ? <IconStarFilled size={14} aria-hidden /> : <IconStar size={14} aria-hidden />}
        onClick={() => void toggle()}
        loading={busy}
        aria-label={label ? `${word}：${label}` : word}
        data-testid={target === 'item' ? 'item-highlight-toggle' : 'note-highlight-toggle'}
        data-highlight={highlight}
      >
        {word}
      </Button>
    </Tooltip>
  );
}
