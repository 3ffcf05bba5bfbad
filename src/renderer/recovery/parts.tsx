// Pieces both sides of the 恢复包 use: choosing a file (dropped or picked, keyboard too), its upload
// progress, a refusal said in place, and the fingerprint typed as it is read out on the phone.
import { useEffect, useRef, type InputHTMLAttributes, type ReactNode } from 'react';
import { Alert, Button, Group, Modal, Progress, Stack, Table, Text, TextInput } from '@mantine/core';
import type { RecoveryCampaignHolding } from '../../shared/model';
import { courtLevelText } from '../common/text';
import { Dropzone } from '@mantine/dropzone';
import { IconCircleCheck, IconFileImport, IconLifebuoy, IconUpload, IconX } from '@tabler/icons-react';
import { formatSize } from '../lib/format';
import { recoveryText as t } from './text';

export function FileDrop({
  title,
  hint,
  testId,
  onFile,
}: {
  title: string;
  hint: string;
  testId: string;
  onFile(file: File): void;
}) {
  const pick = (file: File | undefined) => file && onFile(file);
  return (
    <Dropzone
      onDrop={(files) => pick(files[0])}
      onReject={(rejections) => pick(rejections[0]?.file)}
      multiple={false}
      inputProps={{ 'data-testid': `${testId}-input` } as InputHTMLAttributes<HTMLInputElement>}
      aria-label={title}
      data-testid={testId}
      p="lg"
    >
      <Group justify="center" gap="lg" mih={90} style={{ pointerEvents: 'none' }}>
        <Dropzone.Accept>
          <IconUpload size={40} color="var(--mantine-color-court-6)" />
        </Dropzone.Accept>
        <Dropzone.Reject>
          <IconX size={40} color="var(--mantine-color-red-6)" />
        </Dropzone.Reject>
        <Dropzone.Idle>
          <IconFileImport size={40} color="var(--mantine-color-gray-6)" />
        </Dropzone.Idle>
        <div>
          <Text size="lg" fw={500}>
            {title}
          </Text>
          <Text size="sm" c="dimmed" mt={4} maw={520}>
            {hint}
          </Text>
        </div>
      </Group>
    </Dropzone>
  );
}

export function UploadProgress({ fileName, sent, total }: { fileName: string; sent: number; total: number }) {
  return (
    <Stack gap="xs" data-testid="recovery-upload">
      <Text size="sm" fw={600}>
        {t.uploading}
      </Text>
      <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        {fileName}
      </Text>
      <Progress
        value={total > 0 ? Math.round((sent * 100) / total) : 100}
        size="lg"
        animated
        striped
        aria-label={t.uploading}
      />
      <Text size="sm" c="dimmed">
        {t.uploadProgress(formatSize(sent), formatSize(total))}
      </Text>
    </Stack>
  );
}

export interface Refusal {
  message: string;
  code: string | null;
}

export function RefusalNote({
  title,
  refusal,
  untouched,
  onAgain,
  againLabel = t.another,
}: {
  title: string;
  refusal: Refusal;
  untouched?: string;
  onAgain?(): void;
  againLabel?: string;
}) {
  // Often below the fold of the dialog: brought into view, and the focus moved to it so a screen
  // reader says it at once.
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.scrollIntoView({ block: 'nearest' });
    box.current?.focus({ preventScroll: true });
  }, [refusal]);
  // The main process's reasons often say already that nothing was written.
  const saysUntouched = /没有(导入|写入)/.test(refusal.message);
  return (
    <Alert
      ref={box}
      tabIndex={-1}
      color="red"
      title={title}
      data-testid="recovery-refusal"
      data-code={refusal.code ?? ''}
    >
      <Stack gap={6}>
        <Text size="sm" data-testid="recovery-refusal-message">
          {refusal.message}
        </Text>
        {untouched && !saysUntouched && <Text size="sm">{untouched}</Text>}
        {onAgain && (
          <Group>
            <Button size="xs" variant="light" color="red" onClick={onAgain} data-testid="recovery-again">
              {againLabel}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

/** The digits of a fingerprint as typed, grouped in fives as it is read out: "12345 67890 …". */
export function groupDigits(text: string): string {
  const digits = text.replace(/\D/g, '').slice(0, 40);
  return (digits.match(/\d{1,5}/g) ?? []).join(' ');
}

/** The first group (1-8) where the typed digits differ from `expected`, or 0 when they agree. */
export function firstDifferentGroup(typed: string, expected: string): number {
  const a = typed.replace(/\D/g, '');
  const b = expected.replace(/\D/g, '');
  for (let index = 0; index < 40; index++) if (a[index] !== b[index]) return Math.floor(index / 5) + 1;
  return 0;
}

/**
 * The fingerprint as the other court reads it out: one box, grouped in fives while typing, large
 * and monospaced; under it whether it agrees with the one the request states (once all 40 digits
 * are in), so a misheard group is found before anything is written.
 */
export function FingerprintInput({
  value,
  onChange,
  expected,
  disabled,
}: {
  value: string;
  onChange(value: string): void;
  expected: string;
  disabled?: boolean;
}) {
  const digits = value.replace(/\D/g, '').length;
  const different = digits === 40 ? firstDifferentGroup(value, expected) : 0;
  return (
    <Stack gap={6}>
      <TextInput
        label={t.typeLabel}
        description={t.typeDescription}
        value={value}
        onChange={(e) => onChange(groupDigits(e.currentTarget.value))}
        disabled={disabled}
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        withAsterisk
        error={digits === 40 && different > 0}
        size="lg"
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: '0.06em' } }}
        maw={620}
        data-testid="recovery-fingerprint-input"
      />
      <Text
        size="sm"
        c={digits < 40 ? 'dimmed' : different > 0 ? 'red.8' : 'teal.8'}
        fw={digits === 40 ? 600 : 400}
        aria-live="polite"
        data-testid="recovery-fingerprint-state"
        data-match={digits === 40 && different === 0 ? 'yes' : 'no'}
      >
        {digits === 40 && different === 0 && (
          <IconCircleCheck size={16} style={{ verticalAlign: 'text-bottom', marginRight: 4 }} />
        )}
        {digits < 40 ? t.typeIncomplete(digits) : different > 0 ? t.typeMismatch(different) : t.typeMatch}
      </Text>
    </Stack>
  );
}

/** A court level in words (基层人民法院 …); '' for a level this program does not know. */
export function levelName(level: string): string {
  return level in courtLevelText ? courtLevelText[level as keyof typeof courtLevelText] : '';
}

/** One labelled figure of a request or a package (申请法院, 制作时间, 数据 …). */
export function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} data-testid={testId}>
        {children}
      </Text>
    </div>
  );
}

/** The campaigns a request or a package holds, with their item counts. */
export function CampaignHoldings({
  campaigns,
  testId,
  rowTestId,
}: {
  campaigns: RecoveryCampaignHolding[];
  testId: string;
  rowTestId?: string;
}) {
  if (campaigns.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t.noCampaigns}
      </Text>
    );
  return (
    <Table withTableBorder verticalSpacing={4} fz="sm" data-testid={testId}>
      <Table.Thead bg="gray.0">
        <Table.Tr>
          <Table.Th>{t.campaign}</Table.Th>
          <Table.Th w={110} ta="right">
            {t.items}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {campaigns.map((campaign) => (
          <Table.Tr key={campaign.title} data-testid={rowTestId}>
            <Table.Td>{campaign.title}</Table.Td>
            <Table.Td ta="right">{campaign.items}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The recovery dialog: its opening button, and no way to close it while a job runs (a stray Esc
 * must not lose the screen of an export or an import under way). */
export function BusyModal({
  label,
  buttonTestId,
  title,
  modalTestId,
  opened,
  busy,
  onOpen,
  onClose,
  children,
}: {
  label: string;
  buttonTestId: string;
  title: string;
  modalTestId: string;
  opened: boolean;
  busy: boolean;
  onOpen(): void;
  onClose(): void;
  children: ReactNode;
}) {
  return (
    <>
      <Button variant="default" leftSection={<IconLifebuoy size={16} />} onClick={onOpen} data-testid={buttonTestId}>
        {label}
      </Button>
      <Modal
        opened={opened}
        onClose={() => !busy && onClose()}
        closeOnEscape={!busy}
        closeOnClickOutside={false}
        withCloseButton={!busy}
        closeButtonProps={{ 'aria-label': t.close }}
        title={title}
        size="min(880px, 96vw)"
        data-testid={modalTestId}
      >
        {opened && children}
      </Modal>
    </>
  );
}
