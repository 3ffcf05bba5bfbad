// Nothing typed is lost: a dialog that holds a form asks "有未保存的内容，确定放弃吗？" (保留编辑 / 放弃)
// before it closes while the form has unsaved input — by ×, Esc, a click outside or 取消 alike.
//
//   <GuardedModal opened onClose={close} title=…>          the dialog (or GuardedDrawer)
//     <Form />                                             inside: const cancel = useCloseGuard(form.isDirty());
//   </GuardedModal>                                        …  <Button onClick={cancel}>取消</Button>
//
// When the form state lives in the same component as the dialog, pass `dirty` to the dialog instead.
// A successful save closes the dialog through the caller's own state, without asking.
// Esc reaches only the innermost popup: Mantine's Select/Menu mark their target while open, DateField
// does the same for its calendar, and an Esc that answers the question itself is not taken as a
// second request to close (isConfirmOpen stays true until that key event is over).
import { createContext, useCallback, useContext, useEffect, useId, useMemo, useRef, type ReactNode } from 'react';
import { Drawer, Modal, type DrawerProps, type ModalProps } from '@mantine/core';
import { confirmAction, isConfirmOpen } from './confirm';
import { commonText } from './text';

interface CloseGuard {
  setDirty(part: string, dirty: boolean): void;
  requestClose(): void;
}

const CloseGuardContext = createContext<CloseGuard | null>(null);

/** Ask whether unsaved input may be thrown away; true means 放弃. */
export function confirmDiscard(): Promise<boolean> {
  return confirmAction({
    title: commonText.discardTitle,
    message: commonText.discardMessage,
    confirmLabel: commonText.discardConfirm,
    cancelLabel: commonText.discardKeep,
    danger: true,
    focusCancel: true,
  });
}

/** The close request of a dialog: asks first when anything inside it (or `dirty`) holds unsaved input. */
export function useGuardedClose(onClose: () => void, dirty = false): CloseGuard {
  const parts = useRef(new Map<string, boolean>());
  const asking = useRef(false);
  const requestClose = useCallback(async () => {
    if (asking.current || isConfirmOpen()) return;
    const unsaved = dirty || [...parts.current.values()].some(Boolean);
    if (unsaved) {
      asking.current = true;
      const discard = await confirmDiscard();
      asking.current = false;
      if (!discard) return;
    }
    parts.current.clear();
    onClose();
  }, [dirty, onClose]);
  return useMemo(
    () => ({
      setDirty: (part: string, value: boolean) => {
        if (value) parts.current.set(part, true);
        else parts.current.delete(part);
      },
      requestClose: () => void requestClose(),
    }),
    [requestClose],
  );
}

/**
 * Inside a GuardedModal/GuardedDrawer: report whether this form has unsaved input, and get the close
 * request for its 取消 button. Outside one, the returned function is `fallback` (or does nothing).
 */
export function useCloseGuard(dirty: boolean, fallback?: () => void): () => void {
  const guard = useContext(CloseGuardContext);
  const part = useId();
  useEffect(() => {
    guard?.setDirty(part, dirty);
  }, [guard, part, dirty]);
  useEffect(() => () => guard?.setDirty(part, false), [guard, part]);
  return guard ? guard.requestClose : (fallback ?? noop);
}

const noop = () => undefined;

export function GuardedModal({
  onClose,
  dirty,
  children,
  ...props
}: ModalProps & { dirty?: boolean; children?: ReactNode }) {
  const guard = useGuardedClose(onClose, dirty);
  return (
    <Modal {...props} onClose={guard.requestClose}>
      <CloseGuardContext.Provider value={guard}>{children}</CloseGuardContext.Provider>
    </Modal>
  );
}

export function GuardedDrawer({
  onClose,
  dirty,
  children,
  ...props
}: DrawerProps & { dirty?: boolean; children?: ReactNode }) {
  const guard = useGuardedClose(onClose, dirty);
  return (
    <Drawer {...props} onClose={guard.requestClose}>
      <CloseGuardContext.Provider value={guard}>{children}</CloseGuardContext.Provider>
    </Drawer>
  );
}

/** For dialogs built from Modal.Root/Drawer.Root parts: wrap the body so forms inside can report. */
export function CloseGuardProvider({ guard, children }: { guard: CloseGuard; children: ReactNode }) {
  return <CloseGuardContext.Provider value={guard}>{children}</CloseGuardContext.Provider>;
}
