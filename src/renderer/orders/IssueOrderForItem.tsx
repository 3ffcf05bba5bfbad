// 发督办单 in the item drawer, when a higher court looks at a court below it's item (the court view):
// the dialog opens with that court and that item chosen.
import { useState } from 'react';
import { Button } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useRead } from '../api/queries';
import { useApp } from '../AppContext';
import { IssueOrderDialog } from './IssueOrderDialog';
import { ordersText as t } from './text';

export function IssueOrderForItem({
  campaignId,
  courtCode,
  itemId,
  onDialog,
}: {
  campaignId: string;
  courtCode: string;
  itemId: string;
  /** Tells the drawer a dialog is open (so Esc closes only the dialog). */
  onDialog?(open: boolean): void;
}) {
  const { court, can } = useApp();
  const [open, setOpen] = useState(false);
  const allowed = court.level !== 'basic' && courtCode !== court.parentCode && can('admin', 'reviewer');
  const campaignRead = useRead('campaigns.get', { id: campaignId }, { enabled: allowed && open });
  if (!allowed) return null;
  const campaign = campaignRead.data?.campaign ?? null;
  const toggle = (value: boolean) => {
    setOpen(value);
    onDialog?.(value);
  };
  return (
    <>
      <Button
        size="xs"
        variant="light"
        color="red"
        leftSection={<IconSend size={14} />}
        onClick={() => toggle(true)}
        loading={open && !campaign && !campaignRead.error}
        data-testid="item-issue-order"
      >
        {t.issueForItem}
      </Button>
      {open && campaign && (
        <IssueOrderDialog
          campaign={campaign}
          initialCourts={[courtCode]}
          initialItems={[itemId]}
          onClose={() => toggle(false)}
        />
      )}
    </>
  );
}
