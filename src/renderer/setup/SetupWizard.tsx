// First run, in two steps: the court profile, checked with the same schema the main process uses,
// then the first administrator's account (logged in at once); and an option to load the demo
// campaigns with a progress bar.
import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Center,
  Checkbox,
  Group,
  Radio,
  Stack,
  Stepper,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { z } from 'zod';
import {
  courtLevels,
  courtSetupInput,
  newPassword,
  username as usernameSchema,
  type CourtLevel,
  type CourtProfile,
  type JobStatus,
} from '../../shared/api';
import { useWrite } from '../api/queries';
import { RoleBadges } from '../auth/RoleBadges';
import { JobProgress } from '../common/JobProgress';
import { courtLevelText } from '../common/text';
import { schemaErrors, serverFieldErrors, touchesFields, type FieldErrors } from '../lib/forms';
import { RestoreChoices } from './RestoreChoices';
import { setupText as t } from './text';
import { usePageTitle } from '../common/usePageTitle';
import { PasswordField } from '../auth/PasswordField';

interface Values {
  name: string;
  code: string;
  level: CourtLevel | '';
  parentCode: string;
  parentName: string;
  operatorName: string;
  username: string;
  password: string;
  confirmPassword: string;
  loadDemo: boolean;
}

const profileFields = ['name', 'code', 'level', 'parentCode', 'parentName', 'operatorName'] as const;
const adminInput = z.object({ username: usernameSchema, password: newPassword });

export function profileFromValues(values: Pick<Values, (typeof profileFields)[number]>) {
  return {
    name: values.name,
    code: values.code.trim().toUpperCase(),
    level: (values.level || undefined) as CourtLevel,
    parentCode: values.parentCode.trim().toUpperCase(),
    parentName: values.parentName,
    operatorName: values.operatorName,
  };
}

export function SetupWizard({ onDone }: { onDone(court?: CourtProfile): void }) {
  const [step, setStep] = useState(0);
  usePageTitle(t.pageTitle);
  const setup = useWrite('court.setup');
  const [error, setError] = useState<string | null>(null);
  const [demo, setDemo] = useState<{ jobId: string; court: CourtProfile } | null>(null);
  const [demoEnd, setDemoEnd] = useState<{ status: JobStatus; court: CourtProfile } | null>(null);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      name: '',
      code: '',
      level: 'basic',
      parentCode: '',
      parentName: '',
      operatorName: '',
      username: '',
      password: '',
      confirmPassword: '',
      loadDemo: false,
    },
  });

  const adminErrors = (values: Values): FieldErrors | null => {
    const errors = schemaErrors(adminInput, { username: values.username, password: values.password }) ?? {};
    if (!values.confirmPassword) errors.confirmPassword = `请填写${t.confirmPassword}`;
    else if (!errors.password && values.confirmPassword !== values.password)
      errors.confirmPassword = t.passwordMismatch;
    return Object.keys(errors).length > 0 ? errors : null;
  };

  const submit = form.onSubmit(async (values) => {
    setError(null);
    const profile = profileFromValues(values);
    const local = schemaErrors(courtSetupInput, profile);
    if (local) {
      form.setErrors(local);
      setStep(0);
      setError(t.formError);
      return;
    }
    if (step === 0) {
      form.clearErrors();
      return setStep(1);
    }
    const adminLocal = adminErrors(values);
    if (adminLocal) {
      form.setErrors(adminLocal);
      setError(t.formError);
      return;
    }
    const result = await setup.mutateAsync({
      profile,
      admin: { username: values.username, password: values.password },
      loadDemo: values.loadDemo,
    });
    if (!result.ok) {
      const errors = {
        ...serverFieldErrors(result.fieldErrors, 'profile.'),
        ...serverFieldErrors(result.fieldErrors, 'admin.'),
      };
      form.setErrors(errors);
      if (touchesFields(errors, profileFields)) setStep(0);
      setError(result.message);
      return;
    }
    if (result.value.demoJobId) setDemo({ jobId: result.value.demoJobId, court: result.value.profile });
    else onDone(result.value.profile);
  });

  if (demo) {
    const ended = demoEnd?.status;
    return (
      <Center component="main" mih="100%" p="xl">
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
                <Alert
                  color={ended.state === 'cancelled' ? 'gray' : 'red'}
                  title={ended.state === 'cancelled' ? undefined : t.demoFailed}
                >
                  {ended.state === 'cancelled' ? t.demoCancelled : (ended.error ?? ended.message)}
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
    <Center component="main" mih="100%" p="xl">
      <Card
        withBorder
        shadow="sm"
        padding="xl"
        w={640}
        component="form"
        onSubmit={submit}
        noValidate
        data-testid="setup-form"
      >
        <Stack gap="md">
          <div>
            <Title order={1} size="h2" c="court.9">
              {t.welcome}
            </Title>
            <Text c="dimmed" size="sm" mt={6}>
              {t.intro}
            </Text>
          </div>
          <Stepper
            active={step}
            size="sm"
            allowNextStepsSelect={false}
            onStepClick={(next) => next < step && setStep(next)}
          >
            <Stepper.Step label={t.stepCourt} description={t.stepCourtHint} />
            <Stepper.Step label={t.stepAdmin} description={t.stepAdminHint} />
          </Stepper>
          {error && (
            <Alert color="red" data-testid="form-error">
              {error}
            </Alert>
          )}
          {step === 0 ? (
            <>
              <TextInput
                label={t.name}
                placeholder={t.namePlaceholder}
                withAsterisk
                data-autofocus
                autoFocus
                {...form.getInputProps('name')}
              />
              <TextInput
                label={t.code}
                placeholder={t.codePlaceholder}
                description={t.codeHint}
                withAsterisk
                {...form.getInputProps('code')}
              />
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
              <TextInput
                label={t.operatorName}
                description={t.operatorHint}
                withAsterisk
                {...form.getInputProps('operatorName')}
              />
              <Group justify="flex-end" mt="sm">
                <Button type="submit" size="md">
                  {t.next}
                </Button>
              </Group>
              <RestoreChoices onRestored={() => onDone()} />
            </>
          ) : (
            <>
              <Text size="sm" c="dimmed">
                {t.adminIntro}
              </Text>
              <Group gap="xl" align="flex-start" data-testid="setup-admin-identity">
                <div>
                  <Text size="sm" fw={500}>
                    {t.adminName}
                  </Text>
                  <Text size="md" mt={2}>
                    {form.values.operatorName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t.adminNameHint}
                  </Text>
                </div>
                <div>
                  <Text size="sm" fw={500}>
                    {t.adminRoles}
                  </Text>
                  <Group mt={4}>
                    <RoleBadges roles={['admin', 'reviewer']} size="md" />
                  </Group>
                </div>
              </Group>
              <TextInput
                label={t.username}
                placeholder={t.usernamePlaceholder}
                description={t.usernameHint}
                withAsterisk
                autoFocus
                autoComplete="username"
                {...form.getInputProps('username')}
              />
              <Group grow align="flex-start">
                <PasswordField
                  label={t.password}
                  description={t.passwordHint}
                  withAsterisk
                  autoComplete="new-password"
                  {...form.getInputProps('password')}
                />
                <PasswordField
                  label={t.confirmPassword}
                  description={'\u00a0'}
                  withAsterisk
                  autoComplete="new-password"
                  {...form.getInputProps('confirmPassword')}
                />
              </Group>
              <Alert color="yellow" variant="light" py={8}>
                {t.remember}
              </Alert>
              <Checkbox
                label={t.loadDemo}
                description={t.loadDemoHint}
                {...form.getInputProps('loadDemo', { type: 'checkbox' })}
              />
              <Group justify="space-between" mt="sm">
                <Button
                  variant="default"
                  onClick={() => {
                    setError(null);
                    setStep(0);
                  }}
                >
                  {t.back}
                </Button>
                <Button type="submit" loading={setup.isPending} size="md">
                  {t.submit}
                </Button>
              </Group>
            </>
          )}
        </Stack>
      </Card>
    </Center>
  );
}
