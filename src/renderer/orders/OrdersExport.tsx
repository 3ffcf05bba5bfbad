// 导出 Excel / 导出 PDF of the 督办台账: the reports' own save flow (the folder remembered on this
// computer, the job's progress, where the file went) in a small dialog, with the report kind 'orders'.
import { useState } from 'react';
import { Button, Group, Modal } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypePdf } from '@tabler/icons-react';
import type { ReportFormat } from '../../shared/model';
import { ReportSavePanel } from '../reports/ReportSavePanel';
import { ordersText as t } from './text';

export function OrdersExport({ campaignId }: { campaignId: string }) {
  const [format, setFormat] = useState<ReportFormat | null>(null);
  return (
    <>
      <Group gap="xs">
        <Button
          variant="default"
          leftSection={<IconFileSpreadsheet size={16} />}
          onClick={() => setFormat('xlsx')}
          data-testid="orders-export-xlsx"
        >
          {t.exportExcel}
        </Button>
        <Button
          variant="default"
          leftSection={<IconFileTypePdf size={16} />}
          onClick={() => setFormat('pdf')}
          data-testid="orders-export-pdf"
        >
          {t.exportPdf}
        </Button>
      </Group>
      <Modal
        opened={format !== null}
        onClose={() => setFormat(null)}
        title={format === 'pdf' ? t.exportPdfTitle : t.exportExcelTitle}
        size="md"
        data-testid="orders-export-dialog"
      >
        {format && (
          <ReportSavePanel
            campaignId={campaignId}
            kind="orders"
            courtCode={null}
            formats={[format]}
            baseName={null}
            disabled={false}
          />
        )}
      </Modal>
    </>
  );
}
