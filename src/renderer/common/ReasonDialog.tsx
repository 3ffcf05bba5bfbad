// A dialog that asks for a reason before a decision that sends work back (退回): a required text,
// 取消 and the decision's button. The reason typed is kept on a refusal and guarded on close.
import { useState, type ReactNode } from 'react';
import { Button, Group, Stack, Textarea } from '@mantine/core';
import { GuardedModal, useCloseGuard } from './useCloseGuard';
import { commonText } from './text';

export interface ReasonDialogProps {
  opened: boolean;
  onClose(): void;
  title: string;
  /** A sentence above the field (what the decision does). */
  intro?: ReactNode;
  label: string;
  placeholder?: string;
  /** Shown when the field is left empty. */
  requiredMessage: string;
  confirmLabel: string;
  /** Carries out the decision: null when done (the dialog closes), else the message to show. */
  onConfirm(reason: string): Promise<string | null>;
  pending: boolean;
  testIds: { dialog?: string; reason: string; confirm: string };
  zIndex?: number;
}

export function ReasonDialog(props: ReasonDialogProps) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setError(null);
    props.onClose();
  };
  const confirm = async () => {
    if (!reason.trim()) return setError(props.requiredMessage);
    const problem = await props.onConfirm(reason);
    if (problem) return setError(problem);
    setReason('');
    close();
  };
  return (
    <GuardedModal
      opened={props.opened}
      onClose={close}
      dirty={reason.trim() !== ''}
      title={props.title}
      zIndex={props.zIndex ?? 300}
    >
      <Stack gap="sm" data-testid={props.testIds.dialog}>
        {props.intro}
        <Textarea
          label={props.label}
          placeholder={props.placeholder}
          withAsterisk
          autosize
          minRows={3}
          value={reason}
          onChange={(event) => {
            setReason(event.currentTarget.value);
            setError(null);
          }}
          error={error}
          data-autofocus
          data-testid={props.testIds.reason}
        />
        <Group justify="flex-end">
          <CancelButton />
          <Button
            color="orange"
            onClick={() => void confirm()}
            loading={props.pending}
            data-testid={props.testIds.confirm}
          >
            {props.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </GuardedModal>
  );
}

/** 取消 inside a guarded dialog: asks first when something was typed. */
export function CancelButton({ autoFocus = false }: { autoFocus?: boolean }) {
  const cancel = useCloseGuard(false);
  return (
    <Button variant="default" onClick={cancel} data-autofocus={autoFocus || undefined}>
      {commonText.cancel}
    </Button>
  );
}
