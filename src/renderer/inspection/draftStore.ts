// Unsaved report-form text kept in this window's session storage, so that leaving the tab (or a
// failed save followed by navigation) never throws away what a person typed. Cleared on save.
const PREFIX = 'court.inspection-draft.';

export interface StoredDraft<T> {
  /** The report version the text was typed against; a newer report makes it stale. */
  version: number;
  values: T;
}

export function readDraft<T>(reportId: string): StoredDraft<T> | null {
  try {
    const text = window.sessionStorage.getItem(PREFIX + reportId);
    return text ? (JSON.parse(text) as StoredDraft<T>) : null;
  } catch {
    return null;
  }
}

export function writeDraft<T>(reportId: string, draft: StoredDraft<T>): void {
  try {
    window.sessionStorage.setItem(PREFIX + reportId, JSON.stringify(draft));
  } catch {
    // Storage full or unavailable: the form still holds the text while it is open.
  }
}

export function clearDraft(reportId: string): void {
  try {
    window.sessionStorage.removeItem(PREFIX + reportId);
  } catch {
    // Nothing to clear.
  }
}
