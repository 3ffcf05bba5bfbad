// The restore flow, one dialog used from the list in 设置, from 查找 and from the set-up screen:
// 1 the chosen backup (and its passphrase when encrypted) → 2 校验 (backup.inspect, a job: every
// check with ✓/✗) → 3 what it holds against the current data, warnings, a confirm that says what
// will happen → 4 the restore job → 恢复完成，请重新登录. A refusal is shown in place and nothing
// typed is lost (the passphrase stays); the current data is untouched until step 4 succeeds.
import { Fragment, useState } from 'react';
import {
  Alert,
  Button,
  Group,
  List,
  Modal,
  PasswordInput,
  SimpleGrid,
  Stack,
  Stepper,
  Table,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck, IconCircleCheck, IconX } from '@tabler/icons-react';
import type {
  BackupCheck,
  BackupInfo,
  BackupInspection,
  DataSummary,
  RestoreResult,
} from '../../shared/backup/backupModel';
import type { JobStatus } from '../../shared/model';
import { send } from '../api/client';
import { confirmAction, useConfirmOpen } from '../common/confirm';
import { JobProgress } from '../common/JobProgress';
import { jobText } from '../common/jobText';
import { formatSize } from '../lib/format';
import { encryptionText, formatBackupDay, formatBackupTime, formatMegabytes } from './backupParts';
import { backupCheckText, backupText as t, backupTriggerText } from './text';

type Stage =
  | { step: 'choose'; error: string | null }
  | { step: 'verifying'; jobId: string }
  | { step: 'verified'; inspection: BackupInspection }
  | { step: 'refused'; inspection: BackupInspection | null; message: string }
  | { step: 'restoring'; jobId: string; inspection: BackupInspection }
  | { step: 'restoreFailed'; inspection: BackupInspection; message: string }
  | { step: 'done'; result: RestoreResult | null };

const STEP_INDEX: Record<Stage['step'], number> = {
  choose: 0,
  verifying: 1,
  refused: 1,
  verified: 2,
  restoring: 3,
  restoreFailed: 3,
  done: 4,
};

/**
 * The restore logs every session out, and the app may return to 登录 (unmounting this dialog) before
 * the dialog hears the job's end. So the end is followed here, outside any screen's lifetime, and
 * told wherever the person lands. (jobs.get answers for a restore before log-in too.)
 */
function announceWhenRestored(jobId: string): void {
  const poll = async () => {
    const status = await send('jobs.get', { jobId });
    if (status.ok && status.value.state === 'running') return void setTimeout(() => void poll(), 300);
    if (status.ok && status.value.state === 'done')
      notifications.show({
        id: 'backup-restored',
        color: 'teal',
        title: t.doneTitle,
        message: t.doneNotice,
        autoClose: 20_000,
      });
  };
  void poll();
}

export function RestoreDialog({
  backup,
  onClose,
  onRestored,
}: {
  /** The backup to restore; null: the dialog is closed. */
  backup: BackupInfo | null;
  onClose(): void;
  /** The data was replaced and every session ended: back to 登录. */
  onRestored(): void;
}) {
  const confirmOpen = useConfirmOpen();
  const [stage, setStage] = useState<Stage>({ step: 'choose', error: null });
  const [passphrase, setPassphrase] = useState('');
  const [passphraseError, setPassphraseError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // Each backup opened starts at step 1 with an empty passphrase field.
  const [shownFor, setShownFor] = useState<string | null>(null);
  const path = backup?.path ?? null;
  if (path !== shownFor) {
    setShownFor(path);
    setStage({ step: 'choose', error: null });
    setPassphrase('');
    setPassphraseError(null);
  }

  const input = () => (backup?.encrypted ? { path: backup.path, passphrase } : { path: backup?.path ?? '' });

  const startInspect = async () => {
    if (!backup) return;
    if (backup.encrypted && passphrase.length === 0) return setPassphraseError(t.passphraseRequired);
    setPassphraseError(null);
    setBusy(true);
    const result = await send('backup.inspect', input());
    setBusy(false);
    if (!result.ok) {
      if (result.fieldErrors?.passphrase) return setPassphraseError(result.fieldErrors.passphrase);
      return setStage({ step: 'choose', error: result.message });
    }
    setStage({ step: 'verifying', jobId: result.value.jobId });
  };

  const inspected = (status: JobStatus) => {
    if (status.state === 'done' && status.result?.kind === 'backupInspect') {
      const inspection = status.result.inspection;
      if (inspection.ok) return setStage({ step: 'verified', inspection });
      const failed = inspection.checks.find((check) => !check.ok);
      if (failed?.kind === 'passphrase') {
        setPassphraseError(failed.message);
        return setStage({ step: 'choose', error: null });
      }
      return setStage({ step: 'refused', inspection, message: t.verifyFailed });
    }
    if (status.state === 'cancelled') return setStage({ step: 'choose', error: t.cancelled });
    const message = status.error ?? jobText.failed;
    // A wrong passphrase is fixed at step 1, where the field is (what was typed stays).
    if (status.errorCode === 'E_BACKUP_PASSPHRASE') {
      setPassphraseError(message);
      return setStage({ step: 'choose', error: null });
    }
    setStage({ step: 'refused', inspection: null, message });
  };

  const startRestore = async (inspection: BackupInspection) => {
    if (!backup) return;
    const day = formatBackupDay(backup.createdAt);
    const ok = await confirmAction({
      title: t.confirmTitle,
      message: (
        <>
          {inspection.current ? t.confirmReplace(day) : t.confirmNoCurrent(day)}
          {t.confirmLogout}
        </>
      ),
      confirmLabel: t.confirmOk,
      danger: true,
      focusCancel: true,
    });
    if (!ok) return;
    setBusy(true);
    const result = await send('backup.restore', input());
    setBusy(false);
    if (!result.ok) return setStage({ step: 'restoreFailed', inspection, message: result.message });
    announceWhenRestored(result.value.jobId);
    setStage({ step: 'restoring', jobId: result.value.jobId, inspection });
  };

  const restored = (status: JobStatus, inspection: BackupInspection) => {
    if (status.state === 'done')
      return setStage({ step: 'done', result: status.result?.kind === 'backupRestore' ? status.result.result : null });
    const message = status.state === 'cancelled' ? t.cancelled : (status.error ?? jobText.failed);
    setStage({ step: 'restoreFailed', inspection, message });
  };

  const running = stage.step === 'restoring' || stage.step === 'done';
  return (
    <Modal
      opened={!!backup}
      onClose={() => {
        if (stage.step === 'done') return onRestored();
        if (!running) onClose();
      }}
      title={t.restoreTitle}
      size={880}
      closeOnEscape={!confirmOpen && !running}
      closeOnClickOutside={false}
      withCloseButton={!running}
      data-testid="restore-dialog"
    >
      {backup && (
        <Stack gap="md">
          <Stepper active={STEP_INDEX[stage.step]} size="xs" allowNextStepsSelect={false}>
            <Stepper.Step label={t.stepChoose} />
            <Stepper.Step label={t.stepVerify} />
            <Stepper.Step label={t.stepCompare} />
            <Stepper.Step label={t.stepRestore} />
          </Stepper>
          <ChosenBackup backup={backup} />
          {stage.step === 'choose' && (
            <form
              onSubmit={(event) => {
                event.preventDefault();
                // Not up to a form around the dialog (the set-up wizard's, through the portal).
                event.stopPropagation();
                void startInspect();
              }}
            >
              <Stack gap="sm">
                {backup.encrypted ? (
                  <PasswordInput
                    label={t.passphraseField}
                    description={t.passphraseFieldHint}
                    value={passphrase}
                    onChange={(event) => {
                      setPassphrase(event.currentTarget.value);
                      setPassphraseError(null);
                    }}
                    error={passphraseError}
                    autoComplete="off"
                    data-autofocus
                    maw={420}
                    data-testid="restore-passphrase"
                  />
                ) : (
                  <Text size="sm" c="dimmed">
                    {t.notEncryptedNote}
                  </Text>
                )}
                {stage.error && (
                  <Alert color="red" icon={<IconAlertTriangle size={18} />} data-testid="restore-error">
                    {stage.error}
                  </Alert>
                )}
                <Group justify="flex-end">
                  <Button variant="default" onClick={onClose}>
                    {jobText.cancel}
                  </Button>
                  <Button
                    type="submit"
                    loading={busy}
                    data-autofocus={!backup.encrypted || undefined}
                    data-testid="restore-verify"
                  >
                    {t.verify}
                  </Button>
                </Group>
              </Stack>
            </form>
          )}
          {stage.step === 'verifying' && (
            <Stack gap="xs">
              <Text size="sm">{t.verifying}</Text>
              <JobProgress jobId={stage.jobId} onFinished={inspected} />
            </Stack>
          )}
          {stage.step === 'refused' && (
            <Stack gap="sm">
              <Alert color="red" title={t.verifyFailedTitle} icon={<IconX size={18} />} data-testid="restore-refused">
                {stage.message}
              </Alert>
              {stage.inspection && <Checks checks={stage.inspection.checks} />}
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setStage({ step: 'choose', error: null })}>
                  {t.back}
                </Button>
                <Button variant="default" onClick={onClose}>
                  {jobText.cancel}
                </Button>
              </Group>
            </Stack>
          )}
          {(stage.step === 'verified' || stage.step === 'restoreFailed') && (
            <Stack gap="sm">
              <Checks checks={stage.inspection.checks} />
              <Comparison inspection={stage.inspection} />
              {stage.inspection.warnings.length > 0 && (
                <Alert
                  color="yellow"
                  title={t.warningsTitle}
                  icon={<IconAlertTriangle size={18} />}
                  data-testid="restore-warnings"
                >
                  <List size="sm">
                    {stage.inspection.warnings.map((warning) => (
                      <List.Item key={warning}>{warning}</List.Item>
                    ))}
                  </List>
                </Alert>
              )}
              {stage.step === 'restoreFailed' && (
                <Alert color="red" title={t.restoreFailedTitle} data-testid="restore-error">
                  {stage.message} {t.restoreFailedNote}
                </Alert>
              )}
              <Text size="sm" fw={600} data-testid="restore-what-happens">
                {stage.inspection.current
                  ? t.confirmReplace(formatBackupDay(backup.createdAt))
                  : t.confirmNoCurrent(formatBackupDay(backup.createdAt))}
              </Text>
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setStage({ step: 'choose', error: null })}>
                  {t.back}
                </Button>
                <Button variant="default" onClick={onClose}>
                  {jobText.cancel}
                </Button>
                <Button
                  color="red"
                  loading={busy}
                  onClick={() => void startRestore(stage.inspection)}
                  data-testid="restore-go"
                >
                  {t.restore}
                </Button>
              </Group>
            </Stack>
          )}
          {stage.step === 'restoring' && (
            <Stack gap="xs">
              <Text size="sm">{t.restoring}</Text>
              <JobProgress jobId={stage.jobId} onFinished={(status) => restored(status, stage.inspection)} />
            </Stack>
          )}
          {stage.step === 'done' && (
            <Stack gap="sm" data-testid="restore-done">
              <Group gap="xs" wrap="nowrap">
                <IconCircleCheck size={22} color="var(--mantine-color-teal-7)" aria-hidden="true" />
                <Title order={4} c="teal.8">
                  {t.doneTitle}
                </Title>
              </Group>
              {stage.result?.safetyBackup && (
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {t.doneSafety(stage.result.safetyBackup.fileName)}
                </Text>
              )}
              <Group justify="flex-end">
                <Button onClick={onRestored} data-autofocus data-testid="restore-relogin">
                  {t.relogin}
                </Button>
              </Group>
            </Stack>
          )}
        </Stack>
      )}
    </Modal>
  );
}

function ChosenBackup({ backup }: { backup: BackupInfo }) {
  const fields: [string, string][] = [
    [t.fieldTime, formatBackupTime(backup.createdAt)],
    [t.fieldCourt, backup.courtName],
    [t.fieldTrigger, backupTriggerText[backup.trigger]],
    [
      t.fieldSize,
      t.sizeWithEvidence(formatMegabytes(backup.bytes), backup.evidenceFiles, formatSize(backup.evidenceBytes)),
    ],
    [t.fieldEncrypted, encryptionText(backup)],
    [t.fieldFile, backup.fileName],
  ];
  return (
    <SimpleGrid cols={2} spacing={4} verticalSpacing={2} data-testid="restore-chosen">
      {fields.map(([label, value]) => (
        <Group key={label} gap="xs" wrap="nowrap" align="baseline">
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {label}
          </Text>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {value}
          </Text>
        </Group>
      ))}
    </SimpleGrid>
  );
}

function Checks({ checks }: { checks: BackupCheck[] }) {
  return (
    <Stack gap={4} data-testid="restore-checks">
      <Text size="sm" fw={600}>
        {t.checksTitle}
      </Text>
      <List spacing={2} size="sm" center>
        {checks.map((check) => (
          <List.Item
            key={check.kind}
            data-testid="restore-check"
            data-ok={check.ok}
            icon={
              <ThemeIcon color={check.ok ? 'teal' : 'red'} size={18} radius="xl" aria-hidden="true">
                {check.ok ? <IconCheck size={12} /> : <IconX size={12} />}
              </ThemeIcon>
            }
          >
            <Text size="sm" span fw={600}>
              {backupCheckText[check.kind]}
            </Text>
            <Text size="sm" span>
              {`（${check.ok ? t.checkOk : t.checkFailed}）：${check.message}`}
            </Text>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

interface Row {
  title: string;
  holds: [number, number, number, number] | null;
  current: [number, number, number, number] | null;
}

function figures(summary: DataSummary | null, campaignId: string): [number, number, number, number] | null {
  const campaign = summary?.campaigns.find((entry) => entry.campaignId === campaignId);
  return campaign ? [campaign.items, campaign.doneItems, campaign.ledgerFindings, campaign.evidenceFiles] : null;
}

function totals(summary: DataSummary | null): [number, number, number, number] | null {
  if (!summary) return null;
  const sum = (pick: (c: DataSummary['campaigns'][number]) => number) =>
    summary.campaigns.reduce((total, campaign) => total + pick(campaign), 0);
  return [sum((c) => c.items), sum((c) => c.doneItems), sum((c) => c.ledgerFindings), summary.evidenceFiles];
}

/** Per campaign: 事项, 已完成, 整改问题, 佐证材料, in the backup and now; a figure that differs is bold. */
function Comparison({ inspection }: { inspection: BackupInspection }) {
  const { holds, current } = inspection;
  const ids: { id: string; title: string }[] = [];
  for (const summary of [holds, current])
    for (const campaign of summary?.campaigns ?? [])
      if (!ids.some((entry) => entry.id === campaign.campaignId))
        ids.push({ id: campaign.campaignId, title: campaign.title });
  const rows: Row[] = ids.map(({ id, title }) => ({ title, holds: figures(holds, id), current: figures(current, id) }));
  const cell = (values: Row['holds'], other: Row['holds'], index: number) => {
    const value = values?.[index];
    const differs = value !== undefined && other?.[index] !== value;
    return (
      <Table.Td style={{ textAlign: 'right' }} fw={differs ? 700 : undefined}>
        {value ?? t.nothing}
      </Table.Td>
    );
  };
  const line = (row: Row, key: string, bold = false) => (
    <Table.Tr key={key} fw={bold ? 700 : undefined} data-testid="restore-compare-row">
      <Table.Th scope="row" fw={bold ? 700 : 400}>
        {row.title}
      </Table.Th>
      {[0, 1, 2, 3].map((index) => (
        <Fragment key={index}>
          {cell(row.holds, row.current, index)}
          {cell(row.current, row.holds, index)}
        </Fragment>
      ))}
    </Table.Tr>
  );
  return (
    <Stack gap={4} data-testid="restore-compare">
      <Text size="sm" fw={600}>
        {t.compareTitle}
      </Text>
      {!current && (
        <Text size="sm" c="dimmed">
          {t.noCurrent}
        </Text>
      )}
      <Table.ScrollContainer minWidth={720}>
        <Table withTableBorder withColumnBorders verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th rowSpan={2}>{t.colCampaign}</Table.Th>
              {[t.colItems, t.colDone, t.colFindings, t.colEvidenceFiles].map((label) => (
                <Table.Th key={label} colSpan={2} style={{ textAlign: 'center' }}>
                  {label}
                </Table.Th>
              ))}
            </Table.Tr>
            <Table.Tr>
              {[0, 1, 2, 3].map((index) => (
                <Fragment key={index}>
                  <Table.Th style={{ textAlign: 'right' }}>{t.inBackup}</Table.Th>
                  <Table.Th style={{ textAlign: 'right' }}>{t.current}</Table.Th>
                </Fragment>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, index) => line(row, String(index)))}
            {line({ title: t.total, holds: totals(holds), current: totals(current) }, 'total', true)}
            <Table.Tr>
              <Table.Th scope="row" fw={400}>
                {t.lastChange}
              </Table.Th>
              <Table.Td colSpan={4} data-testid="restore-holds-last-change">
                {t.inBackup}：{formatBackupTime(holds?.lastChangeAt) || t.nothing}
              </Table.Td>
              <Table.Td colSpan={4}>
                {t.current}：{formatBackupTime(current?.lastChangeAt) || t.nothing}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
