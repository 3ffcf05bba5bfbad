// 修改密码 from the header menu: the change-password form in a dialog; the session stays open.
import { GuardedModal, useCloseGuard } from '../common/useCloseGuard';
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
    <GuardedModal opened={opened} onClose={onClose} title={t.changeTitle} size="sm">
      {opened && (
        <ChangePasswordForm
          onDone={(user) => {
            notifySuccess(t.changed);
            onChanged(user);
            onClose();
          }}
          actions={(saving) => <CancelOrChange saving={saving} onClose={onClose} />}
        />
      )}
    </GuardedModal>
  );
}

/** The button row; 取消 asks first when something has been typed. */
function CancelOrChange({ saving, onClose }: { saving: boolean; onClose(): void }) {
  const cancel = useCloseGuard(false, onClose);
  return <FormActions onCancel={cancel} saving={saving} submitLabel={t.changeSubmit} />;
}
