// An issued 通报, or one a superior issued (received): read-only. Its 文号, kind, issuer, date and the
// courts named, the text as written, and 预览 with 保存为 PDF / Word.
import { useState } from 'react';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Tooltip,
  Drawer,
} from '@mantine/core';
import { IconEye, IconFileText, IconX } from '@tabler/icons-react';
import type { Notice } from '../../shared/notices/noticesModel';
import { formatDate, formatDateTime } from '../lib/dates';
import { NamedCourts } from './NamedCourts';
import { NoticePreview, stickyHead } from './NoticePreview';
import { noticeKindColor, noticeKindText, noticeStatusText, noticeText as t } from './text';
import { LabeledValue } from '../common/Figure';

export function NoticeView({ notice, onClose }: { notice: Notice; onClose(): void }) {
  const [mode, setMode] = useState<'text' | 'preview'>('text');
  return (
    <Stack gap="md" data-testid="notice-view">
      <Group justify="space-between" align="flex-start" wrap="nowrap" style={stickyHead}>
        <div style={{ minWidth: 0 }}>
          <Group gap="xs" mb={4}>
            <Badge variant="light" color="gray" radius="sm" data-testid="notice-state">
              {noticeStatusText[notice.status]}
            </Badge>
            <Badge variant="light" color={noticeKindColor[notice.kind]} radius="sm">
              {noticeKindText[notice.kind]}
            </Badge>
            <Text size="sm" fw={600} data-testid="notice-view-doc-number">
              {notice.docNumber ? `${t.docNumber}：${notice.docNumber}` : `${t.docNumber}：${t.noDocNumber}`}
            </Text>
          </Group>
          <Drawer.Title fz="h3" fw={700} lh={1.3} style={{ overflowWrap: 'anywhere' }} data-testid="notice-view-title">
            {notice.title}
          </Drawer.Title>
          <Text size="sm" c="dimmed">
            {notice.campaignTitle}
          </Text>
        </div>
        <Group gap="xs" wrap="nowrap">
          <Button
            variant="default"
            leftSection={mode === 'preview' ? <IconFileText size={16} /> : <IconEye size={16} />}
            onClick={() => setMode(mode === 'preview' ? 'text' : 'preview')}
            data-testid="notice-preview"
          >
            {mode === 'preview' ? t.backToText : t.preview}
          </Button>
          <Tooltip label={t.close}>
            <ActionIcon variant="subtle" color="gray" size="lg" onClick={onClose} aria-label={t.close}>
              <IconX size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>

      <Alert color="gray" py={6} data-testid="notice-read-only">
        {notice.relation === 'received'
          ? t.receivedReadOnly(notice.originName)
          : notice.status === 'draft'
            ? t.draftReadOnly
            : t.readOnly}
      </Alert>

      {mode === 'preview' ? (
        <NoticePreview notice={notice} />
      ) : (
        <Group gap="md" align="flex-start" wrap="nowrap">
          <Paper withBorder p="lg" style={{ flex: 1, minWidth: 0 }}>
            <Text size="sm" c="dimmed">
              {t.addressees}
            </Text>
            <Text mb="md" style={{ whiteSpace: 'pre-wrap' }}>
              {notice.addressees}
            </Text>
            <Text size="sm" c="dimmed">
              {t.body}
            </Text>
            <Text style={{ whiteSpace: 'pre-wrap', lineHeight: 1.8 }} data-testid="notice-view-body">
              {notice.body}
            </Text>
            <Text ta="right" mt="lg">
              {notice.issuerName}
            </Text>
            <Text ta="right">{notice.signedDate ? formatDate(notice.signedDate) : t.noDate}</Text>
          </Paper>
          <Paper withBorder p="sm" w={300} style={{ flexShrink: 0 }}>
            <SimpleGrid cols={1} spacing="xs">
              <LabeledValue label={t.issuer}>{notice.originName}</LabeledValue>
              <LabeledValue label={t.signedDate}>
                {notice.signedDate ? formatDate(notice.signedDate) : t.noDate}
              </LabeledValue>
              {notice.issuedAt && <LabeledValue label={t.issuedAt}>{formatDateTime(notice.issuedAt)}</LabeledValue>}
              <LabeledValue label={t.named}>
                <NamedCourts notice={notice} />
              </LabeledValue>
            </SimpleGrid>
          </Paper>
        </Group>
      )}
    </Stack>
  );
}
