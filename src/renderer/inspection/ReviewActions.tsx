// The reviewer's decision on a submitted report: 通过 (opinion optional) or 退回重填 (reason
// required). The server refuses a reviewer who submitted the report (E_OWN_WORK); its message is
// shown in the dialog and what was typed stays.
import { useState } from 'react';
import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { GuardedModal, useCloseGuard } from '../common/useCloseGuard';
import { ReopenAction } from '../common/ReopenAction';
import { IconArrowBackUp, IconCircleCheck } from '@tabler/icons-react';
import type { InspectionReportDetail } from '../../shared/model';
import { useWrite } from '../api/queries';
import { commonText } from '../common/text';
import { notifySuccess } from '../lib/notify';
import { inspectionText as t } from './text';

type Decision = 'accept' | 'return' | 'reopen';

const TITLES: Record<Decision, string> = { accept: t.acceptTitle, return: t.returnTitle, reopen: t.reopenTitle };

/** 重新打开 an accepted report (a reviewer, reason required): back to the filer to edit and resubmit. */
export function ReopenReportButton({
  report,
  onDecided,
}: {
  report: InspectionReportDetail;
  onDecided(report: InspectionReportDetail): void;
}) {
  return (
    <ReopenAction label={t.reopen} title={t.reopenTitle} testId="report-reopen" modalSize="lg">
      {(close) => (
        <DecisionForm
          decision="reopen"
          report={report}
          onCancel={close}
          onDone={(updated) => {
            close();
            onDecided(updated);
          }}
        />
      )}
    </ReopenAction>
  );
}

export function ReviewActions({
  report,
  onDecided,
}: {
  report: InspectionReportDetail;
  onDecided(report: InspectionReportDetail): void;
}) {
  const [decision, setDecision] = useState<Decision | null>(null);
  return (
    <>
      <Group gap="xs" grow>
        <Button
          color="teal"
          leftSection={<IconCircleCheck size={16} />}
          onClick={() => setDecision('accept')}
          data-testid="review-accept"
        >
          {t.accept}
        </Button>
        <Button
          variant="outline"
          color="orange"
          leftSection={<IconArrowBackUp size={16} />}
          onClick={() => setDecision('return')}
          data-testid="review-return"
        >
          {t.return}
        </Button>
      </Group>
      <GuardedModal
        opened={!!decision}
        onClose={() => setDecision(null)}
        title={decision ? TITLES[decision] : ''}
        size="lg"
      >
        {decision && (
          <DecisionForm
            decision={decision}
            report={report}
            onCancel={() => setDecision(null)}
            onDone={(updated) => {
              setDecision(null);
              onDecided(updated);
            }}
          />
        )}
      </GuardedModal>
    </>
  );
}

function DecisionForm({
  decision,
  report,
  onCancel,
  onDone,
}: {
  decision: Decision;
  report: InspectionReportDetail;
  onCancel(): void;
  onDone(report: InspectionReportDetail): void;
}) {
  const [text, setText] = useState('');
  const cancel = useCloseGuard(text.trim() !== '', onCancel);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const acceptReport = useWrite('inspection.accept');
  const returnReport = useWrite('inspection.return');
  const reopenReport = useWrite('inspection.reopen');
  const accept = decision === 'accept';
  const reopen = decision === 'reopen';

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!accept && !text.trim()) return setFieldError(reopen ? t.reopenReasonRequired : t.reasonRequired);
    const base = { id: report.id, version: report.version };
    const result = accept
      ? await acceptReport.mutateAsync({ ...base, opinion: text })
      : reopen
        ? await reopenReport.mutateAsync({ ...base, reason: text })
        : await returnReport.mutateAsync({ ...base, reason: text });
    if (!result.ok) {
      const fe = result.fieldErrors ?? {};
      setFieldError(fe.reason ?? fe.opinion ?? null);
      setError(result.message);
      return;
    }
    notifySuccess(accept ? t.acceptedNotice : reopen ? t.reopenedNotice : t.returnedNotice);
    onDone(result.value);
  };

  return (
    <form onSubmit={submit} noValidate data-testid="review-form">
      <Stack gap="sm">
        {error && (
          <Alert color="red" data-testid="review-error">
            {error}
          </Alert>
        )}
        <Text size="sm" c="dimmed">
          {accept ? t.acceptHint : reopen ? t.reopenHint : t.returnHint}
        </Text>
        <Textarea
          label={accept ? t.opinion : reopen ? t.reopenReason : t.reason}
          placeholder={accept ? t.opinionPlaceholder : reopen ? t.reopenReasonPlaceholder : t.reasonPlaceholder}
          withAsterisk={!accept}
          autosize
          minRows={3}
          maxRows={10}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setFieldError(null);
          }}
          error={fieldError}
          data-autofocus
          data-testid="review-text"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={cancel}>
            {commonText.cancel}
          </Button>
          <Button
            type="submit"
            color={accept ? 'teal' : reopen ? 'grape' : 'orange'}
            loading={acceptReport.isPending || returnReport.isPending || reopenReport.isPending}
            data-testid="review-confirm"
          >
            {accept ? t.accept : reopen ? t.reopen : t.return}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
