// 查摆报告表 for a draft or returned report: "未查摆出问题" with its reason, or the claimed problems
// with facts (人/案/事), cause, measures and deadline. 保存草稿 saves the whole form at once;
// 提交审核 saves, then submits. Typed text survives every error, and unsaved text is kept in
// session storage so that leaving the tab does not lose it either.
import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { Alert, Button, Group, Paper, Select, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { IconDeviceFloppy, IconPlus, IconSend, IconTrash } from '@tabler/icons-react';
import type { Failure } from '../../shared/api';
import type { InspectionReportDetail, ProblemCatalogue } from '../../shared/model';
import { useMutation } from '@tanstack/react-query';
import { useWrite } from '../api/queries';
import { confirmAction } from '../common/confirm';
import { DateField } from '../common/DateField';
import { IconAction } from '../common/IconAction';
import { useCheckedWrite } from '../lib/checkedWrite';
import { serverFieldErrors, type FieldErrors } from '../lib/forms';
import { notifySuccess } from '../lib/notify';
import { clearDraft, readDraft, writeDraft } from './draftStore';
import { inspectionText as t } from './text';
import { SaveErrorAlert } from '../common/SaveErrorAlert';

/** The Select value for a problem the filer found themselves (not in the catalogue). */
const OWN = '__own__';

interface ClaimDraft {
  /** Stable React key, also for claims not saved yet. */
  key: string;
  id?: string;
  choice: string | null;
  /** The catalogue title as saved, for a problem since removed from the catalogue. */
  problemTitle: string;
  ownProblem: string;
  facts: string;
  cause: string;
  measures: string;
  deadline: string | null;
}

interface DraftValues {
  noProblem: boolean;
  noProblemReason: string;
  claims: ClaimDraft[];
}

let keySeq = 0;
const newKey = () => `new-${++keySeq}`;

function emptyClaim(): ClaimDraft {
  return {
    key: newKey(),
    choice: null,
    problemTitle: '',
    ownProblem: '',
    facts: '',
    cause: '',
    measures: '',
    deadline: null,
  };
}

function valuesFrom(report: InspectionReportDetail): DraftValues {
  return {
    noProblem: report.noProblem,
    noProblemReason: report.noProblemReason,
    claims: report.claims.map((claim) => ({
      key: claim.id,
      id: claim.id,
      choice: claim.problemId ?? (claim.ownProblem ? OWN : null),
      problemTitle: claim.problemTitle,
      ownProblem: claim.ownProblem,
      facts: claim.facts,
      cause: claim.cause,
      measures: claim.measures,
      deadline: claim.deadline,
    })),
  };
}

function inputFrom(report: { id: string; version: number }, values: DraftValues) {
  return {
    id: report.id,
    version: report.version,
    noProblem: values.noProblem,
    noProblemReason: values.noProblem ? values.noProblemReason : '',
    // Claims are kept (not sent as empty) while "未查摆出问题" is on, so switching it off again
    // brings them back; the server stores none for a no-problem report.
    claims: values.noProblem
      ? []
      : values.claims.map((claim) => ({
          ...(claim.id ? { id: claim.id } : {}),
          problemId: claim.choice && claim.choice !== OWN ? claim.choice : null,
          ownProblem: claim.choice === OWN ? claim.ownProblem : '',
          facts: claim.facts,
          cause: claim.cause,
          measures: claim.measures,
          deadline: claim.deadline || null,
        })),
  };
}

/** What counts as a change: the content that would be sent, not keys or versions. */
const fingerprint = (values: DraftValues) => JSON.stringify(inputFrom({ id: '', version: 1 }, values));

export interface ReportFormHandle {
  dirty(): boolean;
}

export const ReportForm = forwardRef<
  ReportFormHandle,
  {
    report: InspectionReportDetail;
    catalogue: ProblemCatalogue;
    onSaved(report: InspectionReportDetail): void;
    onReload(): Promise<InspectionReportDetail | null>;
  }
>(function ReportForm({ report, catalogue, onSaved, onReload }, ref) {
  const [values, setValues] = useState<DraftValues>(() => valuesFrom(report));
  const [restored, setRestored] = useState(false);
  const base = useRef(fingerprint(valuesFrom(report)));
  const current = useRef(report);
  current.current = report;
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<{ message: string; stale: boolean; fields: number } | null>(null);
  const saveWrite = useCheckedWrite('inspection.saveDraft', { setErrors }, t.formError);
  const submitWrite = useWrite('inspection.submit');

  // Text left unsaved in this window earlier (the person navigated away) comes back.
  useEffect(() => {
    const stored = readDraft<DraftValues>(report.id);
    if (stored && stored.version === report.version && fingerprint(stored.values) !== base.current) {
      setValues(stored.values);
      setRestored(true);
    } else if (stored) clearDraft(report.id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [report.id]);

  const dirty = fingerprint(values) !== base.current;
  useEffect(() => {
    if (dirty) writeDraft(report.id, { version: current.current.version, values });
    else clearDraft(report.id);
  }, [dirty, values, report.id]);

  useImperativeHandle(ref, () => ({ dirty: () => fingerprint(values) !== base.current }), [values]);

  const update = (patch: Partial<DraftValues>, ...clear: string[]) => {
    setValues((prev) => ({ ...prev, ...patch }));
    setErrors((prev) => ({ ...prev, ...Object.fromEntries(clear.map((key) => [key, ''])) }));
  };
  const updateClaim = (index: number, patch: Partial<ClaimDraft>, ...fields: string[]) => {
    setValues((prev) => ({ ...prev, claims: prev.claims.map((c, i) => (i === index ? { ...c, ...patch } : c)) }));
    setErrors((prev) => ({ ...prev, ...Object.fromEntries(fields.map((field) => [`claims.${index}.${field}`, ''])) }));
  };
  const removeClaim = async (index: number) => {
    const claim = values.claims[index];
    const hasText = claim.choice || claim.facts || claim.cause || claim.measures || claim.ownProblem;
    if (
      hasText &&
      !(await confirmAction({ message: t.removeClaimConfirm(index + 1), confirmLabel: t.removeClaim, danger: true }))
    )
      return;
    setValues((prev) => ({ ...prev, claims: prev.claims.filter((_, i) => i !== index) }));
    // Messages are keyed by position; after a removal they no longer point at the right claim.
    setErrors({});
  };

  /** The notice above the form for a refused save or submit; its field messages are already set. */
  const failed = (failure: Failure) => {
    setError({
      message: failure.message,
      stale: failure.code === 'E_STALE',
      fields: Object.keys(failure.fieldErrors ?? {}).length,
    });
  };

  /** Saves what is on screen; returns the saved report, or null (with messages shown). */
  const save = async (): Promise<InspectionReportDetail | null> => {
    setError(null);
    const sent = values;
    const input = inputFrom(current.current, sent);
    const result = await saveWrite.submit(input);
    if (!result.ok) {
      failed(result);
      return null;
    }
    const saved = result.value;
    const fresh = valuesFrom(saved);
    base.current = fingerprint(fresh);
    // New claims get their ids (the server keeps the order); text typed meanwhile stays.
    setValues((prev) => {
      const ids = fresh.claims.map((c) => c.id);
      // A no-problem report has no claims on the server; the ones on screen become new again.
      const claims = sent.noProblem
        ? prev.claims.map((c) => ({ ...c, id: undefined }))
        : prev === sent
          ? fresh.claims
          : prev.claims.map((c, i) => (c.id || !ids[i] ? c : { ...c, id: ids[i] }));
      return prev === sent ? { ...fresh, claims } : { ...prev, claims };
    });
    setErrors({});
    setRestored(false);
    clearDraft(saved.id);
    return saved;
  };

  const saveDraft = async () => {
    const saved = await save();
    if (!saved) return;
    notifySuccess(t.saved);
    onSaved(saved);
  };

  // 提交审核 is two requests, the save and then the submit: one mutation spans both, so its
  // button spins throughout, and 保存草稿's only for a save of its own.
  const submitSteps = useMutation({
    mutationFn: async (): Promise<void> => {
      // Always saved first, so what is submitted is exactly what is on screen.
      const target = await save();
      if (!target) return;
      onSaved(target);
      const result = await submitWrite.mutateAsync({ id: target.id, version: target.version });
      if (!result.ok) {
        setErrors(serverFieldErrors(result.fieldErrors));
        failed(result);
        return;
      }
      clearDraft(target.id);
      notifySuccess(t.submitted);
      onSaved(result.value);
    },
  });
  const savingDraft = saveWrite.isPending && !submitSteps.isPending;
  const submit = async () => {
    if (!(await confirmAction({ title: t.submitConfirmTitle, message: t.submitConfirm, confirmLabel: t.submit })))
      return;
    await submitSteps.mutateAsync();
  };

  const problemData = useMemo(() => {
    const chosen = new Set(values.claims.map((c) => c.choice).filter((v): v is string => !!v && v !== OWN));
    const known = new Set<string>();
    const groups = catalogue.aspects
      .filter((aspect) => aspect.problems.length > 0)
      .map((aspect) => ({
        group: `${aspect.number}${aspect.title}`,
        items: aspect.problems.map((p) => {
          known.add(p.id);
          return { value: p.id, label: `${p.number}. ${p.title}` };
        }),
      }));
    // A problem claimed earlier and since removed from the catalogue still shows by its title.
    const orphans = values.claims
      .filter((c) => c.choice && c.choice !== OWN && !known.has(c.choice))
      .map((c) => ({ value: c.choice!, label: c.problemTitle || c.choice! }));
    return { groups, orphans, chosen };
  }, [catalogue, values.claims]);

  const dataFor = (claim: ClaimDraft) => [
    ...problemData.groups.map((g) => ({
      ...g,
      items: g.items.map((item) => ({
        ...item,
        disabled: item.value !== claim.choice && problemData.chosen.has(item.value),
      })),
    })),
    { group: t.ownProblemGroup, items: [{ value: OWN, label: t.ownProblemOption }, ...problemData.orphans] },
  ];

  const fieldError = (key: string) => errors[key] || null;
  // A failure that only concerned fields goes away once every marked field has been corrected.
  const showError = error && (error.stale || error.fields === 0 || Object.values(errors).some(Boolean));

  return (
    <Stack gap="md" data-testid="report-form">
      {restored && (
        <Alert color="blue" py={8} data-testid="draft-restored">
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">{t.restored}</Text>
            <Button
              size="compact-sm"
              variant="subtle"
              color="gray"
              onClick={() => {
                setValues(valuesFrom(current.current));
                setRestored(false);
                clearDraft(report.id);
              }}
            >
              {t.discardRestored}
            </Button>
          </Group>
        </Alert>
      )}
      {error && showError && (
        <SaveErrorAlert
          error={{ ...error, message: error.stale ? t.staleMessage : error.message }}
          testId="report-form-error"
          keepLabel={t.staleKeep}
          onKeep={async () => {
            await onReload();
            setError(null);
          }}
          onDiscard={async () => {
            const fresh = await onReload();
            if (fresh) {
              base.current = fingerprint(valuesFrom(fresh));
              setValues(valuesFrom(fresh));
            }
            setErrors({});
            setError(null);
          }}
        />
      )}

      <Paper withBorder radius="sm" p="md">
        <Switch
          label={t.noProblem}
          description={t.noProblemHint}
          checked={values.noProblem}
          onChange={(e) => update({ noProblem: e.currentTarget.checked }, 'noProblem', 'claims')}
          data-testid="no-problem-switch"
        />
        {values.noProblem && (
          <Textarea
            mt="sm"
            label={t.noProblemReason}
            placeholder={t.noProblemReasonPlaceholder}
            withAsterisk
            autosize
            minRows={3}
            maxRows={10}
            value={values.noProblemReason}
            onChange={(e) => update({ noProblemReason: e.currentTarget.value }, 'noProblemReason')}
            error={fieldError('noProblemReason')}
            data-testid="no-problem-reason"
          />
        )}
      </Paper>

      {!values.noProblem && (
        <>
          {values.claims.length === 0 && (
            <Paper withBorder p="lg" ta="center">
              <Text c="dimmed" size="sm">
                {t.noClaims}
              </Text>
            </Paper>
          )}
          {values.claims.map((claim, index) => (
            <Paper key={claim.key} withBorder radius="sm" data-testid="claim-editor">
              <Group justify="space-between" px="md" py={6} bg="#f6f8fb" style={{ borderBottom: '1px solid #e3e8ef' }}>
                <Text fw={600} size="sm">
                  {t.claimHeading(index + 1)}
                </Text>
                <IconAction
                  label={t.removeClaim}
                  variant="subtle"
                  color="red"
                  size="sm"
                  onClick={() => void removeClaim(index)}
                  data-testid="remove-claim"
                >
                  <IconTrash size={15} />
                </IconAction>
              </Group>
              <Stack gap="sm" p="md">
                <Group grow align="flex-start">
                  <Select
                    label={t.claimProblem}
                    placeholder={t.claimProblemPlaceholder}
                    withAsterisk
                    searchable
                    nothingFoundMessage="没有匹配的问题"
                    data={dataFor(claim)}
                    value={claim.choice}
                    onChange={(v) => updateClaim(index, { choice: v }, 'problemId', 'ownProblem')}
                    error={claim.choice === OWN ? null : fieldError(`claims.${index}.problemId`)}
                    maxDropdownHeight={360}
                    data-testid="claim-problem"
                  />
                  {claim.choice === OWN && (
                    <TextInput
                      label={t.ownProblem}
                      placeholder={t.ownProblemPlaceholder}
                      withAsterisk
                      value={claim.ownProblem}
                      onChange={(e) =>
                        updateClaim(index, { ownProblem: e.currentTarget.value }, 'ownProblem', 'problemId')
                      }
                      error={fieldError(`claims.${index}.ownProblem`) ?? fieldError(`claims.${index}.problemId`)}
                      data-testid="claim-own-problem"
                    />
                  )}
                </Group>
                <Textarea
                  label={t.facts}
                  placeholder={t.factsPlaceholder}
                  withAsterisk
                  autosize
                  minRows={3}
                  maxRows={12}
                  value={claim.facts}
                  onChange={(e) => updateClaim(index, { facts: e.currentTarget.value }, 'facts')}
                  error={fieldError(`claims.${index}.facts`)}
                  data-testid="claim-facts"
                />
                <Group grow align="flex-start">
                  <Textarea
                    label={t.cause}
                    placeholder={t.causePlaceholder}
                    autosize
                    minRows={2}
                    maxRows={10}
                    value={claim.cause}
                    onChange={(e) => updateClaim(index, { cause: e.currentTarget.value }, 'cause')}
                    error={fieldError(`claims.${index}.cause`)}
                    data-testid="claim-cause"
                  />
                  <Textarea
                    label={t.measures}
                    placeholder={t.measuresPlaceholder}
                    autosize
                    minRows={2}
                    maxRows={10}
                    value={claim.measures}
                    onChange={(e) => updateClaim(index, { measures: e.currentTarget.value }, 'measures')}
                    error={fieldError(`claims.${index}.measures`)}
                    data-testid="claim-measures"
                  />
                </Group>
                <DateField
                  label={t.deadline}
                  // Required when the report is submitted (a draft may leave it empty).
                  withAsterisk
                  clearable
                  w={220}
                  value={claim.deadline}
                  onChange={(v) => updateClaim(index, { deadline: v }, 'deadline')}
                  error={fieldError(`claims.${index}.deadline`)}
                  data-testid="claim-deadline"
                />
              </Stack>
            </Paper>
          ))}
          <Button
            variant="default"
            leftSection={<IconPlus size={16} />}
            onClick={() => update({ claims: [...values.claims, emptyClaim()] }, 'claims')}
            style={{ alignSelf: 'flex-start' }}
            data-testid="add-claim"
          >
            {t.addClaim}
          </Button>
        </>
      )}

      <Paper withBorder radius="sm" px="md" py="sm" shadow="xs" style={{ position: 'sticky', bottom: 8, zIndex: 5 }}>
        <Group justify="space-between">
          <Text size="sm" c={dirty ? 'orange.8' : 'dimmed'} data-testid="save-state">
            {dirty ? t.unsaved : t.allSaved}
          </Text>
          <Group gap="xs">
            <Button
              variant="default"
              leftSection={<IconDeviceFloppy size={16} />}
              loading={savingDraft}
              disabled={submitSteps.isPending}
              onClick={() => void saveDraft()}
              data-testid="save-draft"
            >
              {t.saveDraft}
            </Button>
            <Button
              leftSection={<IconSend size={16} />}
              loading={submitSteps.isPending}
              disabled={savingDraft}
              onClick={() => void submit()}
              data-testid="submit-report"
            >
              {t.submit}
            </Button>
          </Group>
        </Group>
      </Paper>
    </Stack>
  );
});
