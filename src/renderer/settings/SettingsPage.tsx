// 设置: the court profile (code read-only) with the court's key fingerprint, departments and people.
import { useState } from 'react';
import {
  ActionIcon,
  Alert,
  Autocomplete,
  Button,
  Group,
  Paper,
  Radio,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
} from '@mantine/core';
import { GuardedModal, useCloseGuard } from '../common/useCloseGuard';
import { useForm } from '@mantine/form';
import { IconCheck, IconEdit, IconPlus, IconTrash, IconX } from '@tabler/icons-react';
import { courtLevels, type CourtLevel, type Department, type Person } from '../../shared/api';
import { useWrite } from '../api/queries';
import { useApp } from '../AppContext';
import { confirmAction } from '../common/confirm';
import { commonText, courtLevelText } from '../common/text';
import { useCheckedWrite } from '../lib/checkedWrite';
import { serverFieldErrors } from '../lib/forms';
import { notifyFailure, notifySuccess } from '../lib/notify';
import { setupText } from '../setup/text';
import { profileFromValues } from '../setup/SetupWizard';
import { settingsText as t } from './text';
import { FormActions } from '../common/FormActions';
import { IconAction } from '../common/IconAction';
import { PageHeader } from '../common/PageHeader';
import { FingerprintCard } from './FingerprintCard';
import { DiagnosticsSection } from './DiagnosticsSection';
import { BackupSection } from '../backup/BackupSection';
import { LandingSetting } from '../shell/landing';
import { parseRoute } from '../lib/router';

/** The tab the address asks for (#/settings/backup from 本院挂图's backup line), else 本院信息. */
function openingTab(): string {
  const route = parseRoute(window.location.hash);
  return route.name === 'settings' && route.tab === 'backup' ? 'backup' : 'court';
}

export function SettingsPage() {
  return (
    <Stack gap="md" maw={960}>
      <PageHeader title={t.title} />
      <Tabs defaultValue={openingTab()} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="court">{t.tabCourt}</Tabs.Tab>
          <Tabs.Tab value="departments">{t.tabDepartments}</Tabs.Tab>
          <Tabs.Tab value="people">{t.tabPeople}</Tabs.Tab>
          <Tabs.Tab value="backup">{t.tabBackup}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="court" pt="md">
          <Stack gap="md">
            <LandingSetting />
            <CourtForm />
            <FingerprintCard />
            <DiagnosticsSection />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="departments" pt="md">
          <Departments />
        </Tabs.Panel>
        <Tabs.Panel value="people" pt="md">
          <People />
        </Tabs.Panel>
        <Tabs.Panel value="backup" pt="md">
          <BackupSection />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function CourtForm() {
  const { court, setCourt } = useApp();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      name: court.name,
      code: court.code,
      level: court.level as CourtLevel | '',
      parentCode: court.parentCode ?? '',
      parentName: court.parentName ?? '',
      operatorName: court.operatorName,
    },
  });
  const update = useCheckedWrite('court.update', form, t.formError);
  const submit = form.onSubmit(async (values) => {
    setError(null);
    const profile = profileFromValues(values);
    const result = await update.submit(profile);
    if (!result.ok) {
      return setError(result.message);
    }
    setCourt(result.value);
    notifySuccess(t.courtSaved);
  });
  const isHigh = form.values.level === 'high';
  return (
    <Paper withBorder p="lg" maw={640} component="form" onSubmit={submit} noValidate data-testid="court-form">
      <Stack gap="sm">
        {error && <Alert color="red">{error}</Alert>}
        <TextInput label={setupText.name} withAsterisk {...form.getInputProps('name')} />
        <TextInput
          label={setupText.code}
          description={t.codeFixed}
          readOnly
          variant="filled"
          {...form.getInputProps('code')}
        />
        <Radio.Group label={setupText.level} withAsterisk {...form.getInputProps('level')}>
          <Group mt={6} gap="lg">
            {courtLevels.map((level) => (
              <Radio key={level} value={level} label={courtLevelText[level]} />
            ))}
          </Group>
        </Radio.Group>
        <Group grow align="flex-start">
          <TextInput
            label={setupText.parentCode}
            withAsterisk={!isHigh}
            description={isHigh ? setupText.parentOptional : undefined}
            {...form.getInputProps('parentCode')}
          />
          <TextInput
            label={setupText.parentName}
            withAsterisk={!isHigh}
            description={isHigh ? setupText.parentOptional : undefined}
            {...form.getInputProps('parentName')}
          />
        </Group>
        <TextInput
          label={setupText.operatorName}
          description={t.operatorHint}
          withAsterisk
          {...form.getInputProps('operatorName')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending}>
            {commonText.save}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function Departments() {
  const { departments, people } = useApp();
  // The heads are usually in the people list: offer their names as they type.
  const peopleNames = [...new Set(people.map((p) => p.name))];
  const [name, setName] = useState('');
  const [headName, setHeadName] = useState('');
  const [errors, setErrors] = useState<{ name?: string; headName?: string }>({});
  const create = useWrite('departments.create');
  const update = useWrite('departments.update');
  const deleteDepartment = useWrite('departments.delete');
  const [editing, setEditing] = useState<{
    id: string;
    name: string;
    headName: string;
    errors: { name?: string; headName?: string; form?: string };
  } | null>(null);

  const add = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setErrors({ name: commonText.required(t.departmentName) });
    const result = await create.mutateAsync({ name, headName });
    if (!result.ok) {
      const fields = result.fieldErrors ?? {};
      return setErrors(
        fields.name || fields.headName ? { name: fields.name, headName: fields.headName } : { name: result.message },
      );
    }
    setName('');
    setHeadName('');
    notifySuccess(t.departmentAdded);
  };
  const save = async (department: Department) => {
    if (!editing) return;
    if (!editing.name.trim())
      return setEditing({ ...editing, errors: { name: commonText.required(t.departmentName) } });
    // Both fields travel together: leaving headName out would clear it.
    const result = await update.mutateAsync({
      id: department.id,
      version: department.version,
      name: editing.name,
      headName: editing.headName,
    });
    if (!result.ok) {
      const fields = result.fieldErrors ?? {};
      return setEditing({
        ...editing,
        errors:
          fields.name || fields.headName ? { name: fields.name, headName: fields.headName } : { form: result.message },
      });
    }
    setEditing(null);
    notifySuccess(t.departmentSaved);
  };
  const remove = async (department: Department) => {
    if (
      !(await confirmAction({
        message: t.deleteDepartmentConfirm(department.name),
        confirmLabel: commonText.delete,
        danger: true,
      }))
    )
      return;
    const result = await deleteDepartment.mutateAsync({ id: department.id, version: department.version });
    if (!result.ok) return notifyFailure(result);
    notifySuccess(t.departmentDeleted);
  };

  return (
    <Paper withBorder p="lg" maw={760}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t.departmentsHint}
        </Text>
        <form onSubmit={add} noValidate data-testid="department-form">
          <Group align="flex-start" wrap="nowrap">
            <TextInput
              placeholder={t.departmentPlaceholder}
              aria-label={t.departmentName}
              value={name}
              onChange={(e) => {
                setName(e.currentTarget.value);
                setErrors((prev) => ({ ...prev, name: undefined }));
              }}
              error={errors.name}
              style={{ flex: 1 }}
              data-testid="department-name"
            />
            <Autocomplete
              placeholder={t.headPlaceholder}
              aria-label={t.headName}
              data={peopleNames}
              value={headName}
              onChange={(value) => {
                setHeadName(value);
                setErrors((prev) => ({ ...prev, headName: undefined }));
              }}
              error={errors.headName}
              w={200}
              data-testid="department-head"
            />
            <Button type="submit" leftSection={<IconPlus size={16} />} loading={create.isPending}>
              {t.addDepartment}
            </Button>
          </Group>
        </form>
        {departments.length === 0 ? (
          <Text c="dimmed" size="sm" ta="center" py="md">
            {t.noDepartments}
          </Text>
        ) : (
          <Table verticalSpacing={6} highlightOnHover data-testid="department-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.departmentName}</Table.Th>
                <Table.Th w={220}>{t.headName}</Table.Th>
                <Table.Th w={90} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {departments.map((d) =>
                editing?.id === d.id ? (
                  <Table.Tr key={d.id} data-testid="department-row">
                    <Table.Td colSpan={3}>
                      <form
                        onSubmit={(e) => {
                          e.preventDefault();
                          void save(d);
                        }}
                        onKeyDown={(e) => e.key === 'Escape' && setEditing(null)}
                        noValidate
                      >
                        <Group gap="xs" align="flex-start" wrap="nowrap">
                          <TextInput
                            size="xs"
                            value={editing.name}
                            onChange={(e) =>
                              setEditing({
                                ...editing,
                                name: e.currentTarget.value,
                                errors: { ...editing.errors, name: undefined, form: undefined },
                              })
                            }
                            error={editing.errors.name}
                            aria-label={t.departmentName}
                            autoFocus
                            style={{ flex: 1 }}
                          />
                          <Autocomplete
                            size="xs"
                            data={peopleNames}
                            value={editing.headName}
                            placeholder={t.headPlaceholder}
                            onChange={(value) =>
                              setEditing({
                                ...editing,
                                headName: value,
                                errors: { ...editing.errors, headName: undefined, form: undefined },
                              })
                            }
                            error={editing.errors.headName}
                            aria-label={t.headName}
                            w={200}
                            data-testid="department-edit-head"
                          />
                          <ActionIcon
                            type="submit"
                            variant="light"
                            loading={update.isPending}
                            aria-label={commonText.save}
                          >
                            <IconCheck size={16} />
                          </ActionIcon>
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            onClick={() => setEditing(null)}
                            aria-label={commonText.cancel}
                          >
                            <IconX size={16} />
                          </ActionIcon>
                        </Group>
                        {editing.errors.form && (
                          <Text size="xs" c="red" mt={4}>
                            {editing.errors.form}
                          </Text>
                        )}
                      </form>
                    </Table.Td>
                  </Table.Tr>
                ) : (
                  <Table.Tr key={d.id} data-testid="department-row">
                    <Table.Td>{d.name}</Table.Td>
                    <Table.Td>
                      {d.headName || (
                        <Text span c="dimmed" size="sm">
                          {t.noHead}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={2} justify="flex-end" wrap="nowrap">
                        <IconAction
                          label={t.editDepartment}
                          variant="subtle"
                          color="gray"
                          onClick={() => setEditing({ id: d.id, name: d.name, headName: d.headName, errors: {} })}
                        >
                          <IconEdit size={16} />
                        </IconAction>
                        <IconAction
                          label={commonText.delete}
                          variant="subtle"
                          color="red"
                          onClick={() => void remove(d)}
                        >
                          <IconTrash size={16} />
                        </IconAction>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ),
              )}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}

function People() {
  const { people, departments } = useApp();
  const [editing, setEditing] = useState<{ person: Person | null } | null>(null);
  const deletePerson = useWrite('people.delete');
  const departmentName = (id: string | null) => departments.find((d) => d.id === id)?.name ?? t.noDepartment;
  const remove = async (person: Person) => {
    if (
      !(await confirmAction({
        message: t.deletePersonConfirm(person.name),
        confirmLabel: commonText.delete,
        danger: true,
      }))
    )
      return;
    const result = await deletePerson.mutateAsync({ id: person.id, version: person.version });
    if (!result.ok) return notifyFailure(result);
    notifySuccess(t.personDeleted);
  };
  return (
    <Paper withBorder p="lg">
      <Stack>
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t.peopleHint}
          </Text>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ person: null })}>
            {t.addPerson}
          </Button>
        </Group>
        {people.length === 0 ? (
          <Text c="dimmed" size="sm" ta="center" py="md">
            {t.noPeople}
          </Text>
        ) : (
          <Table verticalSpacing={6} highlightOnHover striped data-testid="people-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.personName}</Table.Th>
                <Table.Th>{t.personTitle}</Table.Th>
                <Table.Th>{t.personDepartment}</Table.Th>
                <Table.Th w={90} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {people.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>{p.name}</Table.Td>
                  <Table.Td>{p.title}</Table.Td>
                  <Table.Td>{departmentName(p.departmentId)}</Table.Td>
                  <Table.Td>
                    <Group gap={2} justify="flex-end" wrap="nowrap">
                      <IconAction
                        label={commonText.edit}
                        variant="subtle"
                        color="gray"
                        onClick={() => setEditing({ person: p })}
                      >
                        <IconEdit size={16} />
                      </IconAction>
                      <IconAction label={commonText.delete} variant="subtle" color="red" onClick={() => void remove(p)}>
                        <IconTrash size={16} />
                      </IconAction>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <GuardedModal
        opened={!!editing}
        onClose={() => setEditing(null)}
        title={editing?.person ? t.editPerson : t.addPerson}
      >
        {editing && (
          <PersonForm person={editing.person} onCancel={() => setEditing(null)} onSaved={() => setEditing(null)} />
        )}
      </GuardedModal>
    </Paper>
  );
}

function PersonForm({ person, onCancel, onSaved }: { person: Person | null; onCancel(): void; onSaved(): void }) {
  const { departments } = useApp();
  const update = useWrite('people.update');
  const create = useWrite('people.create');
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: person?.name ?? '', title: person?.title ?? '', departmentId: person?.departmentId ?? null },
  });
  const cancel = useCloseGuard(form.isDirty(), onCancel);
  const submit = form.onSubmit(async (values) => {
    setError(null);
    if (!values.name.trim()) return form.setErrors({ name: commonText.required(t.personName) });
    const result = person
      ? await update.mutateAsync({ id: person.id, version: person.version, ...values })
      : await create.mutateAsync(values);
    if (!result.ok) {
      form.setErrors(serverFieldErrors(result.fieldErrors));
      return setError(result.message);
    }
    notifySuccess(t.personSaved);
    onSaved();
  });
  return (
    <form onSubmit={submit} noValidate data-testid="person-form">
      <Stack gap="sm">
        {error && <Alert color="red">{error}</Alert>}
        <TextInput label={t.personName} withAsterisk data-autofocus {...form.getInputProps('name')} />
        <TextInput label={t.personTitle} placeholder={t.personTitlePlaceholder} {...form.getInputProps('title')} />
        <Select
          label={t.personDepartment}
          data={departments.map((d) => ({ value: d.id, label: d.name }))}
          clearable
          searchable
          nothingFoundMessage={commonText.nothingFound}
          {...form.getInputProps('departmentId')}
        />
        <FormActions onCancel={cancel} saving={update.isPending || create.isPending} />
      </Stack>
    </form>
  );
}
