// The 通报 named by the address (?notice=<id>) in a wide drawer: the editor for this court's own
// draft, the read-only view for an issued or a received one. Closing with unsaved edits asks first.
import { useState } from 'react';
import { Alert, Center, Loader } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { Notice } from '../../shared/notices/noticesModel';
import { operationKey, useRead } from '../api/queries';
import { useApp } from '../AppContext';
import { useConfirmOpen } from '../common/confirm';
import { GuardedDrawer } from '../common/useCloseGuard';
import { NoticeEditor } from './NoticeEditor';
import { NoticeView } from './NoticeView';
import { noticeText as t } from './text';

export function NoticeDrawer({ noticeId, onClose }: { noticeId: string | null; onClose(): void }) {
  const confirmOpen = useConfirmOpen();
  const [dialogOpen, setDialogOpen] = useState(false);
  return (
    <GuardedDrawer
      opened={!!noticeId}
      onClose={onClose}
      closeOnEscape={!confirmOpen && !dialogOpen}
      position="right"
      size={1180}
      padding="lg"
      overlayProps={{ backgroundOpacity: 0.2 }}
      title={null}
      withCloseButton={false}
    >
      {noticeId && <NoticeLoader key={noticeId} noticeId={noticeId} onClose={onClose} onDialog={setDialogOpen} />}
    </GuardedDrawer>
  );
}

function NoticeLoader({
  noticeId,
  onClose,
  onDialog,
}: {
  noticeId: string;
  onClose(): void;
  onDialog(open: boolean): void;
}) {
  const queryClient = useQueryClient();
  const { can } = useApp();
  const { data: notice, error, refetch } = useRead('notices.get', { id: noticeId });
  // A write answers with the notice as saved: shown at once, so the next action sends its version.
  const changed = (updated: Notice) =>
    queryClient.setQueryData(operationKey('notices.get', { id: updated.id }), updated);

  if (!notice)
    return error ? (
      <Alert color="red" title={t.loadOneFailed} withCloseButton onClose={onClose} data-testid="notice-load-failed">
        {error.message}
      </Alert>
    ) : (
      <Center h={300}>
        <Loader />
      </Center>
    );
  if (notice.relation === 'own' && notice.status === 'draft' && can('admin', 'reviewer'))
    return (
      <NoticeEditor
        notice={notice}
        onChanged={changed}
        onReload={async () => void (await refetch())}
        onClose={onClose}
        onDialog={onDialog}
      />
    );
  return <NoticeView notice={notice} onClose={onClose} />;
}
