// The button row at the foot of every dialog form: 取消 on the left, the submit button on the right.
import { Button, Group } from '@mantine/core';
import { commonText } from './text';

export function FormActions({
  onCancel,
  saving,
  submitLabel = commonText.save,
}: {
  onCancel: () => void;
  saving: boolean;
  submitLabel?: string;
}) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {commonText.cancel}
      </Button>
      <Button type="submit" loading={saving}>
        {submitLabel}
      </Button>
    </Group>
  );
}
