// 修改密码 from the header menu: the change-password form in a dialog; the session stays open.
import { Modal } from '@mantine/core';
import type { SessionUser } from '../../shared/model';
import { FormActions } from '../common/FormActions';
import { notifySuccess } from '../lib/notify';
import { ChangePasswordForm } from './ChangePasswordForm';
import { authText as t } from './text';

export function ChangePasswordModal({
  opened,
  onClose,
  onChanged,
}: {
  opened: boolean;
  onClose(): void;
  onChanged(user: SessionUser): void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={t.changeTitle} size="sm">
      {opened && (
        <ChangePasswordForm
          onDone={(user) => {
            notifySuccess(t.changed);
            onChanged(user);
            onClose();
          }}
          actions={(saving) => <FormActions onCancel={onClose} saving={saving} submitLabel={t.changeSubmit} />}
        />
      )}
    </Modal>
  );
}
