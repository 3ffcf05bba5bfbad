// 发督办单: a higher court names one or more roster courts below it (each gets its own order under
// one 文号), the kind (提醒/催办/督办), the colour (蓝/黄/红, preselected from the courts' suggested
// colours, each court's suggestion and reason listed), what is required, the reply deadline, the
// items concerned (one court only) and the 发文机关代字 with the next 文号 shown live. The API's
// field errors land under their fields and nothing typed is lost; Esc or × asks before a half-typed
// order is thrown away.
import { useMemo, useState } from 'react';
import { Alert, Group, List, MultiSelect, Radio, Skeleton, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import type { Campaign } from '../../shared/model';
import {
  orderColours,
  orderKinds,
  type OrderColour,
  type OrderKind,
  type OrderSuggestion,
} from '../../shared/orders/ordersModel';
import { useRead, useWrite } from '../api/queries';
import { useApp } from '../AppContext';
import { DateField } from '../common/DateField';
import { FormActions } from '../common/FormActions';
import { GuardedModal, useCloseGuard } from '../common/useCloseGuard';
import { dayjs, formatLongDate } from '../lib/dates';
import { ColourSwatch } from './OrderBadges';
import { colourLabel, kindLabel, ordersText as t } from './text';

type CampaignLike = Pick<Campaign, 'id' | 'title' | 'startDate' | 'endDate'>;

/** The inputs with a field of their own in the form (their messages show under it). */
const FIELDS = ['courtCodes', 'kind', 'colour', 'requirement', 'replyDue', 'docPrefix', 'itemIds'];

const RANK: Record<OrderColour, number> = { blue: 0, yellow: 1, red: 2 };

/** The highest colour suggested for the chosen courts (blue without any). */
export function highestSuggestion(suggestions: OrderSuggestion[], codes: string[]): OrderColour {
  let best: OrderColour = 'blue';
  for (const s of suggestions) if (codes.includes(s.courtCode) && RANK[s.colour] > RANK[best]) best = s.colour;
  return best;
}

/** Seven days on, but not after the campaign's end (when that is still ahead). */
function defaultDue(today: string, end: string | null): string {
  const week = dayjs(today).add(7, 'day').format('YYYY-MM-DD');
  return end && end >= today && end < week ? end : week;
}

export function IssueOrderDialog({
  campaign,
  initialCourts,
  initialItems,
  onClose,
  onIssued,
}: {
  campaign: CampaignLike;
  initialCourts: string[];
  initialItems?: string[];
  onClose(): void;
  /** After the orders went out (the dialog closes itself through onClose too). */
  onIssued?(docNumber: string): void;
}) {
  return (
    <GuardedModal opened onClose={onClose} title={t.dialogTitle} size="xl" data-testid="issue-order-dialog">
      <IssueOrderForm
        campaign={campaign}
        initialCourts={initialCourts}
        initialItems={initialItems ?? []}
        onClose={onClose}
        onIssued={onIssued}
      />
    </GuardedModal>
  );
}

function IssueOrderForm({
  campaign,
  initialCourts,
  initialItems,
  onClose,
  onIssued,
}: {
  campaign: CampaignLike;
  initialCourts: string[];
  initialItems: string[];
  onClose(): void;
  onIssued?(docNumber: string): void;
}) {
  const { today } = useApp();
  const [touched, setTouched] = useState(false);
  const [courts, setCourtsRaw] = useState<string[]>(initialCourts);
  const [kind, setKindRaw] = useState<OrderKind>('urge');
  /** null: follow the suggestion; a colour once chosen by hand. */
  const [chosenColour, setChosenColour] = useState<OrderColour | null>(null);
  const [due, setDueRaw] = useState<string | null>(() => defaultDue(today, campaign.endDate));
  /** null: the sentence for the kind (follows the kind and the deadline until edited). */
  const [requirementEdited, setRequirement] = useState<string | null>(null);
  const [items, setItemsRaw] = useState<string[]>(initialItems);
  /** null: the prefix the defaults give. */
  const [prefixEdited, setPrefix] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const touch =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      setTouched(true);
      set(value);
    };
  const setCourts = touch(setCourtsRaw);
  const setKind = touch(setKindRaw);
  const setDue = touch(setDueRaw);
  const setItems = touch(setItemsRaw);

  const cancel = useCloseGuard(touched, onClose);
  const issue = useWrite('orders.issue');

  const roster = useRead('roster.list');
  const defaultsRead = useRead(
    'orders.defaults',
    { campaignId: campaign.id, courtCodes: [...courts].sort() },
    { placeholderData: keepPreviousData },
  );
  const defaults = defaultsRead.data ?? null;
  const single = courts.length === 1 ? courts[0] : null;
  const itemsRead = useRead(
    'items.list',
    { campaignId: campaign.id, courtCode: single ?? '' },
    { enabled: single !== null },
  );

  const courtOptions = useMemo(() => {
    const view = roster.data;
    if (!view) return courts.map((code) => ({ value: code, label: code }));
    const below = view.courts.filter((c) => !c.mergedAt && c.code !== view.court.code);
    const options = below.map((c) => ({ value: c.code, label: c.name }));
    // A court asked for but not on the roster stays visible (the API refuses it with a reason).
    for (const code of courts) if (!below.some((c) => c.code === code)) options.push({ value: code, label: code });
    return options;
  }, [roster.data, courts]);

  const suggestions = (defaults?.suggestions ?? []).filter((s) => courts.includes(s.courtCode));
  const suggested = highestSuggestion(defaults?.suggestions ?? [], courts);
  const colour = chosenColour ?? suggested;
  const end = defaults?.campaignEnd ?? campaign.endDate;
  const requirement = requirementEdited ?? t.requirementText(kind, campaign.title, due ? formatLongDate(due) : '');
  const prefix = prefixEdited ?? defaults?.docPrefix ?? '';
  const nextNumber = defaults
    ? t.nextDocNumber(prefix.trim() || defaults.docPrefix, defaults.year, defaults.nextDocNumber)
    : '';
  const itemOptions = (itemsRead.data ?? []).map((item) => ({
    value: item.id,
    label: `${item.number}. ${item.title}`,
  }));
  const itemsShown = single !== null;

  const submit = async () => {
    setMessage(null);
    setErrors({});
    const result = await issue.mutateAsync({
      campaignId: campaign.id,
      courtCodes: courts,
      itemIds: itemsShown ? items : [],
      kind,
      colour,
      requirement,
      replyDue: due ?? '',
      docPrefix: prefix.trim(),
    });
    if (!result.ok) {
      const fieldErrors = result.fieldErrors ?? {};
      // itemIds.0 → itemIds, courtCodes.1 → courtCodes.
      const byField: Record<string, string> = {};
      for (const [key, value] of Object.entries(fieldErrors)) byField[key.split('.')[0]] ??= value;
      setErrors(byField);
      // The fields say what is wrong; the message only when it concerns none of them.
      setMessage(Object.keys(byField).some((key) => FIELDS.includes(key)) ? null : result.message);
      return;
    }
    notifications.show({
      color: 'teal',
      title: t.issuedTitle2,
      message: t.issued(result.value.docNumber, result.value.orders.length),
      autoClose: 10000,
    });
    onIssued?.(result.value.docNumber);
    onClose();
  };

  const noRoster = roster.data && courtOptions.length === 0;

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      noValidate
    >
      <Stack gap="sm">
        {message && (
          <Alert color="red" title={t.issueFailed} data-testid="issue-order-error">
            {message}
          </Alert>
        )}
        {noRoster && (
          <Alert color="yellow" data-testid="issue-order-no-roster">
            {t.noRoster}
          </Alert>
        )}
        {defaultsRead.error && !defaults && (
          <Alert color="red" title={t.dialogLoadFailed}>
            {defaultsRead.error.message}
          </Alert>
        )}
        <MultiSelect
          label={t.courts}
          description={t.courtsHint}
          placeholder={courts.length === 0 ? t.courtsPlaceholder : undefined}
          data={courtOptions}
          value={courts}
          onChange={(value) => {
            setCourts(value);
            setErrors(({ courtCodes: _c, ...rest }) => rest);
          }}
          error={errors.courtCodes}
          searchable
          clearable
          nothingFoundMessage={t.courtsNothing}
          maxDropdownHeight={260}
          required
          // Courts already chosen (from the matrix or an item): start at the kind instead, the
          // courts' list would open over the form.
          data-autofocus={initialCourts.length === 0 || undefined}
          data-testid="issue-order-courts"
        />
        <Group align="flex-start" gap="xl" wrap="nowrap">
          <Radio.Group
            label={t.kind}
            value={kind}
            onChange={(value) => setKind(value as OrderKind)}
            error={errors.kind}
            required
            data-testid="issue-order-kind"
          >
            <Group gap="md" mt={6}>
              {orderKinds.map((value) => (
                <Radio
                  key={value}
                  value={value}
                  label={kindLabel[value]}
                  data-autofocus={(initialCourts.length > 0 && value === kind) || undefined}
                  data-testid={`issue-order-kind-${value}`}
                />
              ))}
            </Group>
          </Radio.Group>
          <Radio.Group
            label={t.colour}
            description={t.colourHint}
            value={colour}
            onChange={(value) => {
              setTouched(true);
              setChosenColour(value as OrderColour);
            }}
            error={errors.colour}
            required
            style={{ flex: 1 }}
            data-testid="issue-order-colour"
          >
            <Group gap="md" mt={6}>
              {orderColours.map((value) => (
                <Radio
                  key={value}
                  value={value}
                  data-testid={`issue-order-colour-${value}`}
                  label={
                    <Group gap={6} wrap="nowrap">
                      <ColourSwatch colour={value} />
                      <span>{colourLabel[value]}</span>
                    </Group>
                  }
                />
              ))}
            </Group>
          </Radio.Group>
        </Group>
        {courts.length > 0 && (
          <div data-testid="issue-order-suggestions">
            <Text size="sm" fw={500}>
              {t.suggestionsTitle}
            </Text>
            {!defaults ? (
              <Skeleton h={20} mt={4} />
            ) : (
              <List size="sm" spacing={2} mt={2}>
                {suggestions.map((s) => (
                  <List.Item
                    key={s.courtCode}
                    icon={<ColourSwatch colour={s.colour} />}
                    data-testid="issue-order-suggestion"
                    data-court={s.courtCode}
                    data-colour={s.colour}
                  >
                    {t.suggestion(s)}
                    {!s.onRoster && (
                      <Text span c="red.8" size="sm">
                        {t.offRoster}
                      </Text>
                    )}
                  </List.Item>
                ))}
              </List>
            )}
          </div>
        )}
        <Textarea
          label={t.requirement}
          description={t.requirementHint}
          value={requirement}
          onChange={(event) => {
            setTouched(true);
            setRequirement(event.currentTarget.value);
          }}
          error={errors.requirement}
          autosize
          minRows={3}
          maxRows={8}
          required
          data-testid="issue-order-requirement"
        />
        <Group align="flex-start" grow wrap="nowrap">
          <DateField
            label={t.replyDue}
            description={t.replyDueHint(end)}
            value={due}
            onChange={(value) => {
              setDue(value ? String(value).slice(0, 10) : null);
              setErrors(({ replyDue: _d, ...rest }) => rest);
            }}
            error={errors.replyDue}
            required
            data-testid="issue-order-due"
          />
          <TextInput
            label={t.docPrefix}
            description={nextNumber ? t.docPrefixHint(nextNumber) : undefined}
            value={prefix}
            onChange={(event) => {
              setTouched(true);
              setPrefix(event.currentTarget.value);
            }}
            error={errors.docPrefix}
            required
            data-testid="issue-order-prefix"
          />
        </Group>
        {itemsShown && (
          <MultiSelect
            label={t.items}
            description={t.itemsHint}
            placeholder={items.length === 0 ? t.itemsPlaceholder : undefined}
            data={itemOptions}
            value={items}
            onChange={setItems}
            error={errors.itemIds ?? (itemsRead.error ? `${t.itemsLoadFailed}：${itemsRead.error.message}` : undefined)}
            searchable
            clearable
            maxDropdownHeight={260}
            data-testid="issue-order-items"
          />
        )}
        <FormActions onCancel={cancel} saving={issue.isPending} submitLabel={t.submit} />
      </Stack>
    </form>
  );
}
