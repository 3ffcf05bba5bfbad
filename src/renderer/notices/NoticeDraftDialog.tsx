// 起草通报: the kind (表扬/批评/情况通报) and the courts to name from this court's roster, each praised
// or criticised. The matrix's selection arrives prefilled (?draft=criticism&courts=A,B); the person
// still clicks 生成草稿, which asks the main process for a draft filled with the campaign's figures.
import { useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Radio,
  ScrollArea,
  SegmentedControl,
  Skeleton,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import type { NoticeKind, NoticeStance } from '../../shared/notices/noticesModel';
import { noticeKinds } from '../../shared/notices/noticesModel';
import { useRead, useWrite } from '../api/queries';
import { GuardedModal, useCloseGuard } from '../common/useCloseGuard';
import { notifySuccess } from '../lib/notify';
import { noticeKindText, noticeText as t, stanceText } from './text';

interface Props {
  opened: boolean;
  campaignId: string;
  initialKind: NoticeKind;
  /** Court codes to name (from the matrix's selection). */
  initialCourts: string[];
  onClose(): void;
  onCreated(id: string): void;
}

export function NoticeDraftDialog({ opened, onClose, ...props }: Props) {
  return (
    <GuardedModal opened={opened} onClose={onClose} title={t.dialogTitle} size={720} centered={false}>
      {opened && (
        <DraftForm key={`${props.initialKind}:${props.initialCourts.join(',')}`} onClose={onClose} {...props} />
      )}
    </GuardedModal>
  );
}

/** The stance a kind suggests for a newly named court. */
const defaultStance = (kind: NoticeKind): NoticeStance => (kind === 'praise' ? 'praise' : 'criticism');

function DraftForm({ campaignId, initialKind, initialCourts, onClose, onCreated }: Omit<Props, 'opened'>) {
  const roster = useRead('roster.list');
  const courts = useMemo(
    () => (roster.data?.courts ?? []).filter((court) => court.own && !court.mergedAt),
    [roster.data],
  );
  const [kind, setKind] = useState<NoticeKind>(initialKind);
  const [named, setNamed] = useState<Map<string, NoticeStance>>(
    () => new Map(initialCourts.map((code) => [code, defaultStance(initialKind)])),
  );
  const [error, setError] = useState<string | null>(null);
  const draft = useWrite('notices.draft');
  const changed = kind !== initialKind || named.size !== initialCourts.length;
  const cancel = useCloseGuard(changed, onClose);

  const unknown = roster.data ? [...named.keys()].filter((code) => !courts.some((court) => court.code === code)) : [];
  const chosen = [...named.entries()].filter(([code]) => courts.some((court) => court.code === code));

  const changeKind = (value: NoticeKind) => {
    setKind(value);
    // Praise names courts to praise, criticism courts to criticise; a situation report keeps both.
    if (value !== 'situation')
      setNamed((current) => new Map([...current.keys()].map((code) => [code, defaultStance(value)])));
  };
  const toggle = (code: string, on: boolean) =>
    setNamed((current) => {
      const next = new Map(current);
      if (on) next.set(code, defaultStance(kind));
      else next.delete(code);
      return next;
    });
  const setStance = (code: string, stance: NoticeStance) => setNamed((current) => new Map(current).set(code, stance));

  const generate = async () => {
    setError(null);
    const result = await draft.mutateAsync({
      campaignId,
      kind,
      namedCourts: chosen.map(([code, stance]) => ({ code, stance })),
    });
    if (!result.ok) return setError(result.message);
    notifySuccess(t.generated);
    onCreated(result.value.id);
  };

  return (
    <Stack gap="md" data-testid="notice-draft-dialog">
      <Radio.Group label={t.kindLabel} value={kind} onChange={(value) => changeKind(value as NoticeKind)}>
        <Group gap="lg" mt={6}>
          {noticeKinds.map((value) => (
            <Radio key={value} value={value} label={noticeKindText[value]} data-testid={`notice-kind-${value}`} />
          ))}
        </Group>
      </Radio.Group>

      <div>
        <Group justify="space-between" mb={4}>
          <Text fw={500} size="sm">
            {t.courtsLabel}
          </Text>
          <Text size="sm" c="dimmed" data-testid="notice-draft-count">
            {t.chosen(chosen.length)}
          </Text>
        </Group>
        <Text size="xs" c="dimmed" mb="xs">
          {t.courtsHint}
        </Text>
        {initialCourts.length > 0 && (
          <Text size="sm" mb="xs">
            {t.fromMatrix(initialCourts.length)}
          </Text>
        )}
        {unknown.map((code) => (
          <Alert key={code} color="orange" py={6} mb="xs">
            {t.unknownCourt(code)}
          </Alert>
        ))}
        {roster.error && (
          <Alert color="red" title={t.rosterLoadFailed}>
            {roster.error.message}
          </Alert>
        )}
        {!roster.data && !roster.error && <Skeleton h={160} />}
        {roster.data && courts.length === 0 && (
          <Alert color="gray" py={6}>
            {t.courtsEmpty}
          </Alert>
        )}
        {courts.length > 0 && (
          <ScrollArea.Autosize mah={340} type="auto" offsetScrollbars>
            <Table verticalSpacing={4} data-testid="notice-draft-courts">
              <Table.Tbody>
                {courts.map((court) => {
                  const stance = named.get(court.code);
                  return (
                    <Table.Tr key={court.code} data-testid="notice-draft-court" data-court={court.code}>
                      <Table.Td>
                        <Checkbox
                          checked={stance !== undefined}
                          onChange={(event) => toggle(court.code, event.currentTarget.checked)}
                          label={court.name}
                          aria-label={t.nameCourt(court.name)}
                        />
                      </Table.Td>
                      <Table.Td w={150} ta="right">
                        {stance !== undefined && (
                          <SegmentedControl
                            size="xs"
                            value={stance}
                            onChange={(value) => setStance(court.code, value as NoticeStance)}
                            aria-label={t.stanceOf(court.name)}
                            data={(['praise', 'criticism'] as const).map((value) => ({
                              value,
                              label: stanceText[value],
                            }))}
                            color={stance === 'criticism' ? 'red' : 'teal'}
                            data-testid="notice-draft-stance"
                          />
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        )}
      </div>

      {error && (
        <Alert color="red" data-testid="notice-draft-error">
          {error}
        </Alert>
      )}
      <Group justify="space-between">
        <Text size="xs" c="dimmed" maw={380}>
          {t.generateHint}
        </Text>
        <Group gap="xs">
          <Button variant="default" onClick={cancel}>
            {t.cancel}
          </Button>
          <Button onClick={() => void generate()} loading={draft.isPending} data-testid="notice-generate">
            {t.generate}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
