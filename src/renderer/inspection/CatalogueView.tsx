// 问题清单: aspects numbered 一、二、… with their problems numbered 1..N across the catalogue.
// Administrators and reviewers keep it (add, rename, delete); everyone else reads it.
import { useState } from 'react';
import { Badge, Alert, Button, Group, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { GuardedModal, useCloseGuard } from '../common/useCloseGuard';
import { IconEdit, IconPlus, IconTrash } from '@tabler/icons-react';
import type { ProblemAspect, ProblemCatalogue, Problem } from '../../shared/model';
import { useWrite } from '../api/queries';
import { useApp } from '../AppContext';
import { confirmAction } from '../common/confirm';
import { FormActions } from '../common/FormActions';
import { IconAction } from '../common/IconAction';
import { commonText } from '../common/text';
import { notifyFailure, notifySuccess } from '../lib/notify';
import { inspectionText as t } from './text';

type Editing =
  | { kind: 'aspect'; aspect: ProblemAspect | null }
  | { kind: 'problem'; aspect: ProblemAspect; problem: Problem | null };

export function CatalogueView({
  campaignId,
  catalogue,
  onChanged,
}: {
  campaignId: string;
  catalogue: ProblemCatalogue;
  onChanged(catalogue: ProblemCatalogue): void;
}) {
  const { can, court } = useApp();
  const manager = can('admin', 'reviewer');
  // A superior's aspects and problems are read-only here; ours may be added beside them.
  const ours = (row: { origin: string }) => row.origin === court.code;
  const [editing, setEditing] = useState<Editing | null>(null);
  const deleteAspect = useWrite('problems.deleteAspect');
  const deleteProblem = useWrite('problems.delete');

  const removeAspect = async (aspect: ProblemAspect) => {
    if (
      !(await confirmAction({
        message: t.deleteAspectConfirm(aspect.title),
        confirmLabel: t.deleteAspect,
        danger: true,
      }))
    )
      return;
    const result = await deleteAspect.mutateAsync({ id: aspect.id, version: aspect.version });
    if (!result.ok) return notifyFailure(result);
    notifySuccess(t.deleted);
    onChanged(result.value);
  };
  const removeProblem = async (problem: Problem) => {
    if (
      !(await confirmAction({
        message: t.deleteProblemConfirm(problem.title),
        confirmLabel: t.deleteProblem,
        danger: true,
      }))
    )
      return;
    const result = await deleteProblem.mutateAsync({ id: problem.id, version: problem.version });
    if (!result.ok) return notifyFailure(result);
    notifySuccess(t.deleted);
    onChanged(result.value);
  };

  return (
    <Stack gap="sm" data-testid="catalogue">
      <Group justify="space-between">
        <Group gap="sm" align="baseline">
          <Title order={4}>{t.catalogueTitle}</Title>
          <Text size="sm" c="dimmed" data-testid="catalogue-count">
            {t.catalogueCount(catalogue.aspects.length, catalogue.problemCount)}
          </Text>
        </Group>
        {manager && (
          <Button
            size="sm"
            leftSection={<IconPlus size={16} />}
            onClick={() => setEditing({ kind: 'aspect', aspect: null })}
            data-testid="add-aspect"
          >
            {t.addAspect}
          </Button>
        )}
      </Group>

      {catalogue.aspects.length === 0 && (
        <Paper withBorder p="xl" ta="center">
          <Text>{t.catalogueEmpty}</Text>
          <Text size="sm" c="dimmed" mt={4}>
            {t.catalogueEmptyHint}
          </Text>
        </Paper>
      )}

      {catalogue.aspects.map((aspect) => (
        <Paper key={aspect.id} withBorder radius="sm" data-testid="aspect">
          <Group
            justify="space-between"
            wrap="nowrap"
            px="md"
            py={8}
            bg="#eef2f7"
            style={{ borderBottom: '1px solid #d5dce5' }}
          >
            <Group gap="xs" wrap="nowrap">
              <Text fw={600} data-testid="aspect-title">
                {aspect.number}
                {aspect.title}
              </Text>
              {!ours(aspect) && (
                <Badge color="court" variant="outline" radius="sm" size="sm" title={t.issuedHint}>
                  {t.issued}
                </Badge>
              )}
            </Group>
            {manager && (
              <Group gap={4} wrap="nowrap">
                <Button
                  size="compact-sm"
                  variant="subtle"
                  leftSection={<IconPlus size={14} />}
                  onClick={() => setEditing({ kind: 'problem', aspect, problem: null })}
                  data-testid="add-problem"
                >
                  {t.addProblem}
                </Button>
                {ours(aspect) && (
                  <>
                    <IconAction
                      label={t.editAspect}
                      variant="subtle"
                      color="gray"
                      onClick={() => setEditing({ kind: 'aspect', aspect })}
                    >
                      <IconEdit size={16} />
                    </IconAction>
                    <IconAction
                      label={t.deleteAspect}
                      variant="subtle"
                      color="red"
                      onClick={() => void removeAspect(aspect)}
                      data-testid="delete-aspect"
                    >
                      <IconTrash size={16} />
                    </IconAction>
                  </>
                )}
              </Group>
            )}
          </Group>
          {aspect.problems.length === 0 ? (
            <Text size="sm" c="dimmed" px="md" py="sm">
              {t.noProblemsInAspect}
            </Text>
          ) : (
            aspect.problems.map((problem, index) => (
              <Group
                key={problem.id}
                justify="space-between"
                wrap="nowrap"
                align="flex-start"
                px="md"
                py={8}

                style={{ borderTop: index ? '1px solid #eef1f4' : undefined }}
                data-testid="problem"
              >
                <Group gap={8} wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
                  <Text
                    size="sm"
                    c="dimmed"
                    w={28}
                    ta="right"
                    style={{ flex: 'none', fontVariantNumeric: 'tabular-nums' }}
                  >
                    {problem.number}.
                  </Text>
                  <div style={{ minWidth: 0 }}>
                    <Text size="sm" data-testid="problem-title">
                      {problem.title}
                    </Text>
                    {problem.description && (
                      <Text size="xs" c="dimmed" mt={2} style={{ whiteSpace: 'pre-wrap' }}>
                        {problem.description}
                      </Text>
                    )}
                  </div>
                </Group>
                {manager && ours(problem) && (
                  <Group gap={2} wrap="nowrap" style={{ flex: 'none' }}>
                    <IconAction
                      label={t.editProblem}
                      variant="subtle"
                      color="gray"
                      size="sm"
                      onClick={() => setEditing({ kind: 'problem', aspect, problem })}
                    >
                      <IconEdit size={15} />
                    </IconAction>
                    <IconAction
                      label={t.deleteProblem}
                      variant="subtle"
                      color="red"
                      size="sm"
                      onClick={() => void removeProblem(problem)}
                      data-testid="delete-problem"
                    >
                      <IconTrash size={15} />
                    </IconAction>
                  </Group>
                )}
              </Group>
            ))
          )}
        </Paper>
      ))}

      <GuardedModal
        opened={!!editing}
        onClose={() => setEditing(null)}
        title={
          editing?.kind === 'aspect'
            ? editing.aspect
              ? t.editAspect
              : t.addAspect
            : editing?.problem
              ? t.editProblem
              : editing
                ? `${t.addProblem}（${editing.aspect.number}${editing.aspect.title}）`
                : ''
        }
        size="lg"
      >
        {editing && (
          <CatalogueForm
            campaignId={campaignId}
            editing={editing}
            onCancel={() => setEditing(null)}
            onSaved={(next) => {
              setEditing(null);
              onChanged(next);
            }}
          />
        )}
      </GuardedModal>
    </Stack>
  );
}

function CatalogueForm({
  campaignId,
  editing,
  onCancel,
  onSaved,
}: {
  campaignId: string;
  editing: Editing;
  onCancel(): void;
  onSaved(catalogue: ProblemCatalogue): void;
}) {
  const initial =
    editing.kind === 'aspect'
      ? { title: editing.aspect?.title ?? '', description: '' }
      : { title: editing.problem?.title ?? '', description: editing.problem?.description ?? '' };
  const [title, setTitle] = useState(initial.title);
  const [description, setDescription] = useState(initial.description);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const cancel = useCloseGuard(title !== initial.title || description !== initial.description, onCancel);
  const updateAspect = useWrite('problems.updateAspect');
  const createAspect = useWrite('problems.createAspect');
  const updateProblem = useWrite('problems.update');
  const createProblem = useWrite('problems.create');
  const saving = updateAspect.isPending || createAspect.isPending || updateProblem.isPending || createProblem.isPending;
  const titleLabel = editing.kind === 'aspect' ? t.aspectTitle : t.problemTitle;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!title.trim()) return setErrors({ title: commonText.required(titleLabel) });
    const result =
      editing.kind === 'aspect'
        ? editing.aspect
          ? await updateAspect.mutateAsync({ id: editing.aspect.id, version: editing.aspect.version, title })
          : await createAspect.mutateAsync({ campaignId, title })
        : editing.problem
          ? await updateProblem.mutateAsync({
              id: editing.problem.id,
              version: editing.problem.version,
              title,
              description,
            })
          : await createProblem.mutateAsync({ aspectId: editing.aspect.id, title, description });
    if (!result.ok) {
      setErrors(result.fieldErrors ?? {});
      setError(result.message);
      return;
    }
    notifySuccess(editing.kind === 'aspect' ? t.aspectSaved : t.problemSaved);
    onSaved(result.value);
  };

  return (
    <form onSubmit={submit} noValidate data-testid="catalogue-form">
      <Stack gap="sm">
        {error && <Alert color="red">{error}</Alert>}
        <TextInput
          label={titleLabel}
          placeholder={editing.kind === 'aspect' ? t.aspectTitlePlaceholder : t.problemTitlePlaceholder}
          withAsterisk
          data-autofocus
          value={title}
          onChange={(e) => {
            setTitle(e.currentTarget.value);
            setErrors((prev) => ({ ...prev, title: '' }));
          }}
          error={errors.title || null}
        />
        {editing.kind === 'problem' && (
          <Textarea
            label={t.problemDescription}
            placeholder={t.problemDescriptionPlaceholder}
            autosize
            minRows={3}
            maxRows={8}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={errors.description || null}
          />
        )}
        <FormActions onCancel={cancel} saving={saving} />
      </Stack>
    </form>
  );
}
