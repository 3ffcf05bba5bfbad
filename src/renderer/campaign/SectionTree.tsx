// The section tree (一、（一）1.): click to filter the table; add, rename, move, delete. A
// superior's sections can only take sub-sections of ours; on another court's list nothing changes.
import { useState } from 'react';
import { ActionIcon, Alert, Button, Group, Menu, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { GuardedModal, useCloseGuard } from '../common/useCloseGuard';
import { IconArrowDown, IconArrowUp, IconDots, IconEdit, IconPlus, IconSubtask, IconTrash } from '@tabler/icons-react';
import type { CampaignDetail, Section } from '../../shared/model';
import { useWrite } from '../api/queries';
import { useApp } from '../AppContext';
import { confirmAction } from '../common/confirm';
import { commonText } from '../common/text';
import { notifyFailure, notifySuccess } from '../lib/notify';
import { campaignText as t } from './text';
import { FormActions } from '../common/FormActions';

export type SectionFilter = string | 'all' | 'none';

interface Props {
  detail: CampaignDetail;
  counts: Map<string | null, number>;
  totalCount: number;
  value: SectionFilter;
  onChange(value: SectionFilter): void;
  height: number | string;
  /** Another court's checklist: the tree filters, nothing more. */
  readOnly?: boolean;
}

type Dialog = { kind: 'create'; parent: Section | null } | { kind: 'rename'; section: Section };

export function SectionTree({ detail, counts, totalCount, value, onChange, height, readOnly = false }: Props) {
  const { court } = useApp();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  // Every change rereads the campaign (the tree), its items and figures through the query layer.
  const moveSection = useWrite('sections.move');
  const deleteSection = useWrite('sections.delete');
  const sections = detail.sections;
  const hasUnsectioned = (counts.get(null) ?? 0) > 0;

  const move = async (section: Section, direction: 'up' | 'down') => {
    const result = await moveSection.mutateAsync({ id: section.id, direction });
    if (!result.ok) notifyFailure(result);
  };
  const remove = async (section: Section) => {
    if (
      !(await confirmAction({
        message: t.deleteSectionConfirm(section.title),
        confirmLabel: commonText.delete,
        danger: true,
      }))
    )
      return;
    const result = await deleteSection.mutateAsync({ id: section.id, version: section.version });
    if (!result.ok) return notifyFailure(result);
    notifySuccess(t.sectionDeleted);
    if (value === section.id) onChange('all');
  };

  const siblingsOf = (section: Section) => sections.filter((s) => s.parentId === section.parentId);

  return (
    <Stack gap={6} h={height} data-testid="section-tree">
      <Group justify="space-between">
        <Text fw={600} size="sm">
          {t.sections}
        </Text>
        {!readOnly && (
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconPlus size={14} />}
            onClick={() => setDialog({ kind: 'create', parent: null })}
          >
            {t.addSection}
          </Button>
        )}
      </Group>
      <ScrollArea type="auto" style={{ flex: 1 }} offsetScrollbars>
        {/* A list of plain buttons (one per section) with the section's menu beside it, never inside. */}
        <div className={`tree-node${value === 'all' ? ' is-active' : ''}`}>
          <button type="button" className="tree-pick" aria-pressed={value === 'all'} onClick={() => onChange('all')}>
            <span className="tree-label">{t.allItems}</span>
            <span className="tree-count">{totalCount}</span>
          </button>
        </div>
        {sections.map((section) => {
          const siblings = siblingsOf(section);
          const index = siblings.indexOf(section);
          const ours = section.origin === court.code;
          return (
            <div
              key={section.id}
              className={`tree-node${value === section.id ? ' is-active' : ''}`}
              style={{ paddingLeft: 6 + section.depth * 14 }}
              data-testid="section-node"
              data-section-id={section.id}
            >
              <button
                type="button"
                className="tree-pick"
                aria-pressed={value === section.id}
                onClick={() => onChange(section.id)}
              >
                <span className="tree-label" title={`${section.number}${section.title}`}>
                  {section.number}
                  {section.title}
                </span>
                <span className="tree-count">{counts.get(section.id) ?? 0}</span>
              </button>
              {!readOnly && (ours || section.depth < 3) && (
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <ActionIcon
                      size="sm"
                      variant="subtle"
                      color="gray"
                      className="tree-menu"
                      aria-label={`${t.sectionMenu}：${section.number}${section.title}`}
                    >
                      <IconDots size={14} />
                    </ActionIcon>
                  </Menu.Target>
                  <Menu.Dropdown>
                    {section.depth < 3 && (
                      <Menu.Item
                        leftSection={<IconSubtask size={15} />}
                        onClick={() => setDialog({ kind: 'create', parent: section })}
                      >
                        {t.addChildSection}
                      </Menu.Item>
                    )}
                    {/* A superior's section: ours to add under, not to rename, move or delete. */}
                    {ours && (
                      <>
                        <Menu.Item
                          leftSection={<IconEdit size={15} />}
                          onClick={() => setDialog({ kind: 'rename', section })}
                        >
                          {t.renameSection}
                        </Menu.Item>
                        <Menu.Item
                          leftSection={<IconArrowUp size={15} />}
                          disabled={index <= 0}
                          onClick={() => void move(section, 'up')}
                        >
                          {t.moveUp}
                        </Menu.Item>
                        <Menu.Item
                          leftSection={<IconArrowDown size={15} />}
                          disabled={index >= siblings.length - 1}
                          onClick={() => void move(section, 'down')}
                        >
                          {t.moveDown}
                        </Menu.Item>
                        <Menu.Divider />
                        <Menu.Item
                          color="red"
                          leftSection={<IconTrash size={15} />}
                          onClick={() => void remove(section)}
                        >
                          {t.deleteSection}
                        </Menu.Item>
                      </>
                    )}
                  </Menu.Dropdown>
                </Menu>
              )}
            </div>
          );
        })}
        {hasUnsectioned && (
          <div className={`tree-node${value === 'none' ? ' is-active' : ''}`}>
            <button
              type="button"
              className="tree-pick"
              aria-pressed={value === 'none'}
              onClick={() => onChange('none')}
            >
              <span className="tree-label">{t.unsectioned}</span>
              <span className="tree-count">{counts.get(null) ?? 0}</span>
            </button>
          </div>
        )}
        {sections.length === 0 && (
          <Text size="xs" c="dimmed" p="xs">
            {t.noSections}
          </Text>
        )}
      </ScrollArea>
      <SectionDialog campaignId={detail.campaign.id} dialog={dialog} onClose={() => setDialog(null)} />
    </Stack>
  );
}

function SectionDialog({
  campaignId,
  dialog,
  onClose,
}: {
  campaignId: string;
  dialog: Dialog | null;
  onClose(): void;
}) {
  return (
    <GuardedModal
      opened={!!dialog}
      onClose={onClose}
      title={
        dialog?.kind === 'rename'
          ? t.renameTitle
          : t.newSectionTitle(
              dialog?.kind === 'create' && dialog.parent ? `${dialog.parent.number}${dialog.parent.title}` : null,
            )
      }
    >
      {dialog && (
        <SectionForm
          key={dialog.kind === 'rename' ? dialog.section.id : 'new'}
          campaignId={campaignId}
          dialog={dialog}
          onClose={onClose}
        />
      )}
    </GuardedModal>
  );
}

function SectionForm({ campaignId, dialog, onClose }: { campaignId: string; dialog: Dialog; onClose(): void }) {
  const [title, setTitle] = useState(dialog.kind === 'rename' ? dialog.section.title : '');
  const cancel = useCloseGuard(title !== (dialog.kind === 'rename' ? dialog.section.title : ''), onClose);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const rename = useWrite('sections.update');
  const create = useWrite('sections.create');
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!title.trim()) return setFieldError(commonText.required(t.sectionTitle));
    const result =
      dialog.kind === 'rename'
        ? await rename.mutateAsync({ id: dialog.section.id, version: dialog.section.version, title })
        : await create.mutateAsync({ campaignId, parentId: dialog.parent?.id ?? null, title });
    if (!result.ok) {
      setFieldError(result.fieldErrors?.title ?? null);
      setError(result.message);
      return;
    }
    onClose();
  };
  return (
    <form onSubmit={submit} noValidate data-testid="section-form">
      <Stack>
        {error && <Alert color="red">{error}</Alert>}
        <TextInput
          label={t.sectionTitle}
          placeholder={t.sectionTitlePlaceholder}
          value={title}
          onChange={(e) => {
            setTitle(e.currentTarget.value);
            setFieldError(null);
          }}
          error={fieldError}
          withAsterisk
          data-autofocus
        />
        <FormActions onCancel={cancel} saving={rename.isPending || create.isPending} />
      </Stack>
    </form>
  );
}
