// 历次提交对比: two chosen submissions of one report side by side, claims aligned by problem,
// each column headed by its round's decision and the reviewer's reason or opinion. Texts that
// changed between the two are marked, so a reviewer sees at once what was revised.
import { useMemo, useState } from 'react';
import { Badge, Box, Group, Modal, Paper, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import type { InspectionRound } from '../../shared/model';
import { formatDate } from '../lib/dates';
import { ClaimTitle } from './ClaimCards';
import type { ProblemInfo } from './parts';
import { inspectionText as t } from './text';

type RoundClaim = InspectionRound['claims'][number];

/** Claims keyed by problem (or by the own-problem text), numbered when a key repeats. */
function keyed(claims: RoundClaim[]): Array<[string, RoundClaim]> {
  const seen = new Map<string, number>();
  return claims.map((claim) => {
    const base = claim.problemId ?? `own:${claim.ownProblem.trim()}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return [n > 1 ? `${base}#${n}` : base, claim];
  });
}

export function RoundsCompareModal({
  opened,
  rounds,
  problems,
  onClose,
}: {
  opened: boolean;
  rounds: InspectionRound[];
  problems: Map<string, ProblemInfo>;
  onClose(): void;
}) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t.compareTitle}
      size="min(1280px, calc(100vw - 64px))"
      data-testid="rounds-compare-modal"
    >
      {opened && <RoundsCompare rounds={rounds} problems={problems} />}
    </Modal>
  );
}

export function RoundsCompare({ rounds, problems }: { rounds: InspectionRound[]; problems: Map<string, ProblemInfo> }) {
  const ordered = [...rounds].sort((a, b) => a.round - b.round);
  const [leftNo, setLeftNo] = useState<string | null>(
    ordered.length >= 2 ? String(ordered[ordered.length - 2].round) : null,
  );
  const [rightNo, setRightNo] = useState<string | null>(
    ordered.length ? String(ordered[ordered.length - 1].round) : null,
  );
  const left = ordered.find((r) => String(r.round) === leftNo) ?? null;
  const right = ordered.find((r) => String(r.round) === rightNo) ?? null;
  const options = ordered.map((r) => ({
    value: String(r.round),
    label: t.roundOption(r.round, formatDate(r.submittedAt)),
  }));

  const rows = useMemo(() => {
    const leftClaims = new Map(keyed(left?.claims ?? []));
    const rightClaims = new Map(keyed(right?.claims ?? []));
    const keys = [...new Set([...leftClaims.keys(), ...rightClaims.keys()])];
    return keys.map((key) => ({ key, left: leftClaims.get(key) ?? null, right: rightClaims.get(key) ?? null }));
  }, [left, right]);

  if (ordered.length < 2) {
    return (
      <Text c="dimmed" py="lg" ta="center">
        {t.compareNeedsTwo}
      </Text>
    );
  }

  return (
    <Stack gap="sm" data-testid="rounds-compare">
      <SimpleGrid cols={2} spacing="md">
        <Select
          label={t.compareLeft}
          data={options}
          value={leftNo}
          onChange={setLeftNo}
          allowDeselect={false}
          data-testid="compare-left"
        />
        <Select
          label={t.compareRight}
          data={options}
          value={rightNo}
          onChange={setRightNo}
          allowDeselect={false}
          data-testid="compare-right"
        />
      </SimpleGrid>
      <SimpleGrid cols={2} spacing="md">
        <RoundHeader round={left} testId="compare-left-head" />
        <RoundHeader round={right} testId="compare-right-head" />
      </SimpleGrid>
      {(left?.noProblem || right?.noProblem) && (
        <SimpleGrid cols={2} spacing="md">
          <NoProblemCell round={left} />
          <NoProblemCell round={right} />
        </SimpleGrid>
      )}
      {rows.map((row) => {
        const sample = row.left ?? row.right!;
        return (
          <Paper key={row.key} withBorder radius="sm" data-testid="compare-row">
            <Box px="md" py={6} bg="#f6f8fb" style={{ borderBottom: '1px solid #e3e8ef' }}>
              <ClaimTitle
                problemId={sample.problemId}
                problemTitle={sample.problemTitle}
                ownProblem={sample.ownProblem}
                problem={sample.problemId ? problems.get(sample.problemId) : undefined}
              />
            </Box>
            <SimpleGrid cols={2} spacing={0}>
              <ClaimCell claim={row.left} other={row.right} side="left" />
              <ClaimCell claim={row.right} other={row.left} side="right" />
            </SimpleGrid>
          </Paper>
        );
      })}
    </Stack>
  );
}

function RoundHeader({ round, testId }: { round: InspectionRound | null; testId: string }) {
  if (!round) return <div />;
  const decision =
    round.decision === 'accepted'
      ? t.decisionAccepted
      : round.decision === 'returned'
        ? t.decisionReturned
        : t.decisionPending;
  const color = round.decision === 'accepted' ? 'teal' : round.decision === 'returned' ? 'orange' : 'blue';
  return (
    <Paper
      withBorder
      radius="sm"
      p="sm"
      data-testid={testId}
      style={{ borderTop: `3px solid var(--mantine-color-${color}-6)` }}
    >
      <Group justify="space-between" wrap="nowrap">
        <Text fw={700}>{t.roundHeading(round.round)}</Text>
        <Badge color={color} variant="light" radius="sm">
          {decision}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed" mt={2}>
        {t.roundSubmitted(round.submittedByName, formatDate(round.submittedAt))}
        {round.decidedAt ? `；${t.decisionBy(round.reviewer, formatDate(round.decidedAt), decision)}` : ''}
      </Text>
      {round.reason && (
        <Text
          size="sm"
          mt={6}
          c={round.decision === 'returned' ? 'orange.9' : undefined}
          fw={round.decision === 'returned' ? 500 : undefined}
          style={{ whiteSpace: 'pre-wrap' }}
        >
          {round.decision === 'returned' ? t.returnedBanner(round.reason) : t.acceptedOpinion(round.reason)}
        </Text>
      )}
    </Paper>
  );
}

function NoProblemCell({ round }: { round: InspectionRound | null }) {
  if (!round?.noProblem) return <div />;
  return (
    <Paper withBorder radius="sm" p="sm">
      <Text fw={600} size="sm">
        {t.noProblemDeclared}
      </Text>
      <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
        {t.reasonLabel}：{round.noProblemReason || t.emptyValue}
      </Text>
    </Paper>
  );
}

const fields = [
  ['facts', t.factsLabel],
  ['cause', t.causeLabel],
  ['measures', t.measuresLabel],
] as const;

function ClaimCell({
  claim,
  other,
  side,
}: {
  claim: RoundClaim | null;
  other: RoundClaim | null;
  side: 'left' | 'right';
}) {
  const style = side === 'left' ? { borderRight: '1px solid #e3e8ef' } : undefined;
  if (!claim) {
    return (
      <Box p="sm" style={style}>
        <Text size="sm" c="dimmed">
          {t.notInRound}
        </Text>
      </Box>
    );
  }
  // Only the later (right) column marks what changed, so the eye goes to the revision.
  const mark = side === 'right';
  return (
    <Stack gap={6} p="sm" style={style} data-testid={`compare-${side}-cell`}>
      {mark && !other && (
        <Badge size="xs" color="blue" variant="light" radius="sm">
          {t.added}
        </Badge>
      )}
      {fields.map(([key, label]) => {
        const changed = mark && other !== null && other[key].trim() !== claim[key].trim();
        return (
          <div key={key}>
            <Group gap={6}>
              <Text size="xs" c="dimmed" fw={500}>
                {label}
              </Text>
              {changed && (
                <Badge size="xs" color="yellow" variant="light" radius="sm" data-testid="compare-changed">
                  {t.changed}
                </Badge>
              )}
            </Group>
            <Text
              size="sm"
              style={{
                whiteSpace: 'pre-wrap',
                background: changed ? '#fff9db' : undefined,
                borderRadius: 3,
                padding: changed ? '1px 4px' : undefined,
              }}
              c={claim[key] ? undefined : 'dimmed'}
            >
              {claim[key] || t.emptyValue}
            </Text>
          </div>
        );
      })}
      <Group gap={6}>
        <Text size="xs" c="dimmed" fw={500}>
          {t.deadlineLabel}
        </Text>
        <Text
          size="sm"
          c={claim.deadline ? undefined : 'dimmed'}
          style={{ background: mark && other && other.deadline !== claim.deadline ? '#fff9db' : undefined }}
        >
          {formatDate(claim.deadline) || t.noDeadline}
        </Text>
      </Group>
    </Stack>
  );
}
