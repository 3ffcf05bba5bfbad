// What the clerk has typed into the 活动总结 editor and not saved yet, per account and campaign.
// Kept outside the editor so that switching report kind, another tab or a refused save never throws
// it away, and so the 报表打印 tab can ask before switching away from unsaved text. A copy lives in
// the window's local storage (keyed by account), so a reload, or closing the program before saving,
// keeps it too: the next time this account opens the summary, the typed text is there.
import { useSyncExternalStore } from 'react';
import type { SummaryPart } from '../../shared/writtenSummary/writtenSummaryModel';

export type SummaryDraft = Partial<Record<SummaryPart, string>>;

const STORAGE_PREFIX = 'summary-draft:';
const drafts = new Map<string, SummaryDraft>();
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((listener) => listener());

export function summaryDraftKey(userId: string, campaignId: string): string {
  return `${userId}:${campaignId}`;
}

function load(key: string): SummaryDraft {
  const held = drafts.get(key);
  if (held) return held;
  let restored: SummaryDraft = {};
  try {
    const stored = window.localStorage.getItem(STORAGE_PREFIX + key);
    if (stored) restored = JSON.parse(stored) as SummaryDraft;
  } catch {
    // No local storage (or unreadable): this window's memory only.
  }
  drafts.set(key, restored);
  return restored;
}

function store(key: string, draft: SummaryDraft): void {
  drafts.set(key, draft);
  try {
    if (Object.keys(draft).length === 0) window.localStorage.removeItem(STORAGE_PREFIX + key);
    else window.localStorage.setItem(STORAGE_PREFIX + key, JSON.stringify(draft));
  } catch {
    // Memory still holds it.
  }
  emit();
}

export function getSummaryDraft(key: string): SummaryDraft {
  return load(key);
}

/** Sets one part's typed text; `null` forgets it (saved, reset, or typed back to what is saved). */
export function setSummaryDraftPart(key: string, part: SummaryPart, value: string | null): void {
  const next = { ...load(key) };
  if (value === null) delete next[part];
  else next[part] = value;
  store(key, next);
}

export function forgetSummaryDraft(key: string, parts?: readonly SummaryPart[]): void {
  if (!parts) return store(key, {});
  const next = { ...load(key) };
  for (const part of parts) delete next[part];
  store(key, next);
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
};

/** The unsaved text of this account's summary of the campaign, re-rendering on every change. */
export function useSummaryDraft(key: string): SummaryDraft {
  return useSyncExternalStore(subscribe, () => load(key));
}
