// First run: the court profile, checked with the same schema the main process uses, and an
// option to load the demo campaigns with a progress bar.
import { useState } from 'react';
import { Alert, Button, Card, Center, Checkbox, Group, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { courtLevels, courtSetupInput, type CourtLevel, type CourtProfile, type JobStatus } from '../../shared/api';
import { send } from '../api/client';
import { JobProgress } from '../common/JobProgress';
import { courtLevelText } from '../common/text';
import { schemaErrors, serverFieldErrors } from '../lib/forms';
import { setupText as t } from './text';

interface Values {
  name: string;
  code: string;
  level: CourtLevel | '';
  parentCode: string;
  parentName: string;
  operatorName: string;
  loadDemo: boolean;
}

export function profileFromValues(values: Omit<Values, 'loadDemo'>) {
  return {
    name: values.name,
    code: values.code.trim().toUpperCase(),
    level: (values.level || undefined) as CourtLevel,
    parentCode: values.parentCode.trim().toUpperCase(),
    parentName: values.parentName,
    operatorName: values.operatorName,
  };
}

export function SetupWizard({ onDone }: { onDone(court: CourtProfile): void }) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [demo, setDemo] = useState<{ jobId: string; court: CourtProfile } | null>(null);
  const [demoEnd, setDemoEnd] = useState<{ status: JobStatus; court: CourtProfile } | null>(null);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { name: '', code: '', level: 'basic', parentCode: '', parentName: '', operatorName: '', loadDemo: false },
  });

  const submit = form.onSubmit(async (values) => {
    setError(null);
    const profile = profileFromValues(values);
    const local = schemaErrors(courtSetupInput, profile);
    if (local) {
      form.setErrors(local);
      setError(t.formError);
      return;
    }
    setSaving(true);
    const result = await send('court.setup', { profile, loadDemo: values.loadDemo });
    setSaving(false);
    if (!result.ok) {
      form.setErrors(serverFieldErrors(result.fieldErrors, 'profile.'));
      setError(result.message);
      return;
    }
    if (result.value.demoJobId) setDemo({ jobId: result.value.demoJobId, court: result.value.profile });
    else onDone(result.value.profile);
  });

  if (demo) {
    const ended = demoEnd?.status;
    return (
      <Center mih="100%" p="xl">
        <Card withBorder shadow="sm" padding="xl" w={560}>
          <Stack>
            <Title order={3}>{t.demoTitle}</Title>
            {!ended && (
              <JobProgress
                jobId={demo.jobId}
                onFinished={(status) => {
                  if (status.state === 'done') onDone(demo.court);
                  else setDemoEnd({ status, court: demo.court });
                }}
              />
            )}
            {ended && (
              <>
                <Alert color={ended.state === 'cancelled' ? 'gray' : 'red'} title={ended.state === 'cancelled' ? undefined : t.demoFailed}>
                  {ended.state === 'cancelled' ? t.demoCancelled : ended.error ?? ended.message}
                </Alert>
                <Group justify="flex-end">
                  <Button onClick={() => onDone(demo.court)}>{t.enter}</Button>
                </Group>
              </>
            )}
          </Stack>
        </Card>
      </Center>
    );
  }

  const isHigh = form.values.level === 'high';
  return (
    <Center mih="100%" p="xl">
      <Card withBorder shadow="sm" padding="xl" w={600} component="form" onSubmit={submit} noValidate data-testid="setup-form">
        <Stack gap="md">
          <div>
            <Title order={2} c="court.9">
              {t.welcome}
            </Title>
            <Text c="dimmed" size="sm" mt={6}>
              {t.intro}
            </Text>
          </div>
          {error && (
            <Alert color="red" data-testid="form-error">
              {error}
            </Alert>
          )}
          <TextInput label={t.name} placeholder={t.namePlaceholder} withAsterisk data-autofocus {...form.getInputProps('name')} />
          <TextInput label={t.code} placeholder={t.codePlaceholder} description={t.codeHint} withAsterisk {...form.getInputProps('code')} />
          <Radio.Group label={t.level} withAsterisk {...form.getInputProps('level')}>
            <Group mt={6} gap="lg">
              {courtLevels.map((level) => (
                <Radio key={level} value={level} label={courtLevelText[level]} />
              ))}
            </Group>
          </Radio.Group>
          <Group grow align="flex-start">
            <TextInput
              label={t.parentCode}
              placeholder={t.parentCodePlaceholder}
              withAsterisk={!isHigh}
              description={isHigh ? t.parentOptional : undefined}
              {...form.getInputProps('parentCode')}
            />
            <TextInput
              label={t.parentName}
              placeholder={t.parentPlaceholder}
              withAsterisk={!isHigh}
              description={isHigh ? t.parentOptional : undefined}
              {...form.getInputProps('parentName')}
            />
          </Group>
          <TextInput label={t.operatorName} description={t.operatorHint} withAsterisk {...form.getInputProps('operatorName')} />
          <Checkbox label={t.loadDemo} description={t.loadDemoHint} {...form.getInputProps('loadDemo', { type: 'checkbox' })} />
          <Group justify="flex-end" mt="sm">
            <Button type="submit" loading={saving} size="md">
              {t.submit}
            </Button>
          </Group>
        </Stack>
      </Card>
    </Center>
  );
}
