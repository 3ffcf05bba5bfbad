// 设置 → 备份与恢复 (administrators): how safe the data is now (light, last good backup, off-machine
// reminder), 立即备份, the backups with 恢复… each, the settings (second folder, how many to keep,
// the reminder), the backup passphrase, and 从其他文件夹查找备份 for a USB drive brought in.
import { useState } from 'react';
import {
  Alert,
  Button,
  CloseButton,
  Group,
  NumberInput,
  Paper,
  PasswordInput,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconCircleCheck, IconDatabaseExport } from '@tabler/icons-react';
import type { BackupInfo, BackupOverview, BackupSettings } from '../../shared/backup/backupModel';
import type { JobStatus } from '../../shared/model';
import { useRead, useWrite } from '../api/queries';
import { useApp } from '../AppContext';
import { FolderField } from '../common/FolderField';
import { JobProgress } from '../common/JobProgress';
import { jobText } from '../common/jobText';
import { RetryAlert } from '../common/RetryAlert';
import { commonText } from '../common/text';
import { formatSize } from '../lib/format';
import { notifySuccess } from '../lib/notify';
import { BackupTable, FindBackupsForm, formatBackupTime, HealthLine } from './backupParts';
import { RestoreDialog } from './RestoreDialog';
import { backupText as t } from './text';

export function BackupSection() {
  const { can, signOut } = useApp();
  const overview = useRead('backup.overview', undefined, { enabled: can('admin') });
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  if (!can('admin')) return null;
  return (
    <Stack gap="md" maw={960} data-testid="backup-section">
      {overview.error && (
        <RetryAlert title={t.loadFailed} error={overview.error.message} onRetry={() => void overview.refetch()} />
      )}
      {!overview.data && !overview.error && <Skeleton h={240} />}
      {overview.data && (
        <>
          <Paper withBorder p="lg">
            <Stack gap="sm">
              <Title order={4}>{t.healthTitle}</Title>
              <HealthLine health={overview.data.health} />
              {overview.data.secondFolderReachable === false && (
                <Text size="sm" c="yellow.9" data-testid="backup-second-unreachable">
                  {t.secondUnreachable}
                </Text>
              )}
              <CreateBackup />
            </Stack>
          </Paper>
          <Paper withBorder p="lg">
            <Stack gap="sm">
              <Title order={4}>{t.listTitle}</Title>
              {overview.data.backups.length === 0 ? (
                <Text size="sm" c="dimmed" data-testid="backup-list-empty">
                  {t.listEmpty}
                </Text>
              ) : (
                <BackupTable backups={overview.data.backups} onPick={setRestoring} testId="backup-list" />
              )}
            </Stack>
          </Paper>
          <FindBackups onPick={setRestoring} />
          <SettingsForm overview={overview.data} />
          <PassphraseForm settings={overview.data.settings} />
        </>
      )}
      <RestoreDialog backup={restoring} onClose={() => setRestoring(null)} onRestored={() => void signOut()} />
    </Stack>
  );
}

type CreateStage =
  | { step: 'idle' }
  | { step: 'running'; jobId: string }
  | { step: 'done'; backup: BackupInfo }
  | { step: 'failed'; message: string };

function CreateBackup() {
  const create = useWrite('backup.create');
  const [stage, setStage] = useState<CreateStage>({ step: 'idle' });
  const start = async () => {
    setStage({ step: 'idle' });
    const result = await create.mutateAsync(undefined);
    if (!result.ok) return setStage({ step: 'failed', message: result.message });
    setStage({ step: 'running', jobId: result.value.jobId });
  };
  const finished = (status: JobStatus) => {
    if (status.state === 'done' && status.result?.kind === 'backupCreate')
      return setStage({ step: 'done', backup: status.result.backup });
    setStage({
      step: 'failed',
      message: status.state === 'cancelled' ? jobText.cancelled : (status.error ?? jobText.failed),
    });
  };
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t.createHint}
      </Text>
      <Group>
        <Button
          leftSection={<IconDatabaseExport size={16} />}
          onClick={() => void start()}
          loading={create.isPending}
          disabled={stage.step === 'running'}
          data-testid="backup-create"
        >
          {t.createNow}
        </Button>
      </Group>
      {stage.step === 'running' && <JobProgress jobId={stage.jobId} onFinished={finished} />}
      {stage.step === 'done' && (
        <Paper
          withBorder
          p="md"
          style={{ borderLeft: '4px solid var(--mantine-color-teal-6)' }}
          data-testid="backup-created"
          role="status"
        >
          <Group justify="space-between" wrap="nowrap" mb={4}>
            <Group gap="xs" wrap="nowrap">
              <IconCircleCheck size={20} color="var(--mantine-color-teal-7)" aria-hidden="true" />
              <Text fw={600} c="teal.8">
                {t.createDone}
              </Text>
            </Group>
            <CloseButton onClick={() => setStage({ step: 'idle' })} aria-label={commonText.close} />
          </Group>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="backup-created-name">
            {t.createdFile(stage.backup.fileName, formatSize(stage.backup.bytes))}
          </Text>
        </Paper>
      )}
      {stage.step === 'failed' && (
        <Alert
          color="red"
          title={t.createFailedTitle}
          withCloseButton
          closeButtonLabel={commonText.close}
          onClose={() => setStage({ step: 'idle' })}
          data-testid="backup-create-failed"
        >
          {stage.message}
        </Alert>
      )}
    </Stack>
  );
}

function FindBackups({ onPick }: { onPick(backup: BackupInfo): void }) {
  return (
    <Paper withBorder p="lg">
      <FindBackupsForm
        heading={
          <>
            <Title order={4}>{t.findTitle}</Title>
            <Text size="sm" c="dimmed">
              {t.findHint}
            </Text>
          </>
        }
        onPick={onPick}
        folderTestId="backup-find-folder"
        findTestId="backup-find"
        foundTestId="backup-found"
        noneTestId="backup-find-none"
      />
    </Paper>
  );
}

interface SettingsValues {
  secondFolder: string;
  daily: number | string;
  weekly: number | string;
  monthly: number | string;
  other: number | string;
  offsiteReminderDays: number | string;
}

const valuesOf = (settings: BackupSettings): SettingsValues => ({
  secondFolder: settings.secondFolder ?? '',
  daily: settings.keep.daily,
  weekly: settings.keep.weekly,
  monthly: settings.keep.monthly,
  other: settings.keep.other,
  offsiteReminderDays: settings.offsiteReminderDays,
});

/** A number box left empty goes to the service as NaN, so its own Chinese message comes back. */
const asNumber = (value: number | string) =>
  typeof value === 'number' ? value : value.trim() === '' ? Number.NaN : Number(value);

/** The service's field names (keep.daily, …) to this form's. */
const FIELD_OF: Record<string, keyof SettingsValues> = {
  secondFolder: 'secondFolder',
  'keep.daily': 'daily',
  'keep.weekly': 'weekly',
  'keep.monthly': 'monthly',
  'keep.other': 'other',
  offsiteReminderDays: 'offsiteReminderDays',
};

function SettingsForm({ overview }: { overview: BackupOverview }) {
  const save = useWrite('backup.updateSettings');
  const [values, setValues] = useState<SettingsValues>(() => valuesOf(overview.settings));
  const [errors, setErrors] = useState<Partial<Record<keyof SettingsValues, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const set = (field: keyof SettingsValues, value: number | string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };
  const submit = async () => {
    setFormError(null);
    const result = await save.mutateAsync({
      secondFolder: values.secondFolder.trim() ? values.secondFolder.trim() : null,
      keep: {
        daily: asNumber(values.daily),
        weekly: asNumber(values.weekly),
        monthly: asNumber(values.monthly),
        other: asNumber(values.other),
      },
      offsiteReminderDays: asNumber(values.offsiteReminderDays),
    });
    if (!result.ok) {
      const fieldErrors: Partial<Record<keyof SettingsValues, string>> = {};
      for (const [key, message] of Object.entries(result.fieldErrors ?? {})) {
        const field = FIELD_OF[key];
        if (field) fieldErrors[field] = message;
      }
      setErrors(fieldErrors);
      setFormError(Object.keys(fieldErrors).length > 0 ? t.formError : result.message);
      return;
    }
    setErrors({});
    setValues(valuesOf(result.value));
    notifySuccess(t.settingsSaved);
  };
  const keepField = (field: 'daily' | 'weekly' | 'monthly' | 'other', label: string) => (
    <NumberInput
      label={label}
      value={values[field]}
      onChange={(value) => set(field, value)}
      // Out-of-range numbers are kept as typed, so the service's Chinese message says what is wrong.
      clampBehavior="none"
      allowDecimal={false}
      allowNegative={false}
      error={errors[field]}
      data-testid={`backup-keep-${field}`}
    />
  );
  return (
    <Paper withBorder p="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          event.stopPropagation();
          void submit();
        }}
        noValidate
      >
        <Stack gap="sm">
          <Title order={4}>{t.settingsTitle}</Title>
          <Group align="flex-end" gap="xs" wrap="nowrap">
            <div style={{ flex: 1 }}>
              <FolderField
                value={values.secondFolder}
                onChange={(value) => set('secondFolder', value)}
                text={{ label: t.secondFolder, description: t.secondFolderHint, chooseFolder: t.chooseFolder }}
                error={errors.secondFolder}
                testId="backup-second-folder"
              />
            </div>
            {values.secondFolder && (
              <Button
                variant="subtle"
                color="gray"
                onClick={() => set('secondFolder', '')}
                mb={errors.secondFolder ? 28 : 0}
                data-testid="backup-second-clear"
              >
                {t.clearSecond}
              </Button>
            )}
          </Group>
          <Text size="sm" fw={600} mt="xs">
            {t.keepTitle}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            {keepField('daily', t.keepDaily)}
            {keepField('weekly', t.keepWeekly)}
            {keepField('monthly', t.keepMonthly)}
            {keepField('other', t.keepOther)}
          </SimpleGrid>
          <NumberInput
            label={t.reminderDays}
            description={t.reminderDaysHint}
            value={values.offsiteReminderDays}
            onChange={(value) => set('offsiteReminderDays', value)}
            clampBehavior="none"
            allowDecimal={false}
            allowNegative={false}
            suffix={commonText.daysSuffix}
            error={errors.offsiteReminderDays}
            maw={320}
            data-testid="backup-reminder-days"
          />
          {formError && (
            <Text size="sm" c="red" role="alert" data-testid="backup-settings-error">
              {formError}
            </Text>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} data-testid="backup-settings-save">
              {t.saveSettings}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function PassphraseForm({ settings }: { settings: BackupSettings }) {
  const setPassphrase = useWrite('backup.setPassphrase');
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [errors, setErrors] = useState<{ first?: string; second?: string }>({});
  const submit = async () => {
    if ([...first].length < 8) return setErrors({ first: t.passphraseTooShort });
    if (first !== second) return setErrors({ second: t.passphraseMismatch });
    setErrors({});
    const result = await setPassphrase.mutateAsync({ passphrase: first });
    if (!result.ok) return setErrors({ first: result.fieldErrors?.passphrase ?? result.message });
    setFirst('');
    setSecond('');
    notifySuccess(t.passphraseSaved);
  };
  return (
    <Paper withBorder p="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          event.stopPropagation();
          void submit();
        }}
        noValidate
      >
        <Stack gap="sm">
          <Title order={4}>{t.passphraseTitle}</Title>
          <Text size="sm" fw={600} data-testid="backup-passphrase-state">
            {settings.passphraseSet
              ? t.passphraseSet(formatBackupTime(settings.passphraseSetAt) || '')
              : t.passphraseNotSet}
          </Text>
          <Text size="sm" c="dimmed">
            {t.passphraseNote}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <PasswordInput
              label={t.passphrase}
              description={t.passphraseHint}
              value={first}
              onChange={(event) => {
                setFirst(event.currentTarget.value);
                setErrors({});
              }}
              error={errors.first}
              autoComplete="new-password"
              data-testid="backup-passphrase"
            />
            <PasswordInput
              label={t.passphraseAgain}
              description=" "
              value={second}
              onChange={(event) => {
                setSecond(event.currentTarget.value);
                setErrors({});
              }}
              error={errors.second}
              autoComplete="new-password"
              data-testid="backup-passphrase-again"
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={setPassphrase.isPending} data-testid="backup-passphrase-save">
              {settings.passphraseSet ? t.changePassphrase : t.setPassphrase}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
