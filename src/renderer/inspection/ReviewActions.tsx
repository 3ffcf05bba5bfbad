// The reviewer's decision on a submitted report: 通过 (opinion optional) or 退回重填 (reason
// required). The server refuses a reviewer who submitted the report (E_OWN_WORK); its message is
// shown in the dialog and what was typed stays.
import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconArrowBackUp, IconCircleCheck } from '@tabler/icons-react';
import type { InspectionReportDetail } from '../../shared/model';
import { useWrite } from '../api/queries';
import { commonText } from '../common/text';
import { notifySuccess } from '../lib/notify';
import { inspectionText as t } from './text';

type Decision = 'accept' | 'return';

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
      <Modal
        opened={!!decision}
        onClose={() => setDecision(null)}
        title={decision === 'accept' ? t.acceptTitle : t.returnTitle}
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
      </Modal>
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
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const acceptReport = useWrite('inspection.accept');
  const returnReport = useWrite('inspection.return');
  const accept = decision === 'accept';

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!accept && !text.trim()) return setFieldError(t.reasonRequired);
    const base = { id: report.id, version: report.version };
    const result = accept
      ? await acceptReport.mutateAsync({ ...base, opinion: text })
      : await returnReport.mutateAsync({ ...base, reason: text });
    if (!result.ok) {
      const fe = result.fieldErrors ?? {};
      setFieldError(fe.reason ?? fe.opinion ?? null);
      setError(result.message);
      return;
    }
    notifySuccess(accept ? t.acceptedNotice : t.returnedNotice);
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
          {accept ? t.acceptHint : t.returnHint}
        </Text>
        <Textarea
          label={accept ? t.opinion : t.reason}
          placeholder={accept ? t.opinionPlaceholder : t.reasonPlaceholder}
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
          <Button variant="default" onClick={onCancel}>
            {commonText.cancel}
          </Button>
          <Button
            type="submit"
            color={accept ? 'teal' : 'orange'}
            loading={acceptReport.isPending || returnReport.isPending}
            data-testid="review-confirm"
          >
            {accept ? t.accept : t.return}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
