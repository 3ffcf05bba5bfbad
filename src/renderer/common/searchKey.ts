// `/` focuses the page's search field, as in most web apps, unless the person is typing. Search
// fields opt in with {...searchFieldProps}; the first visible one on the page (outside any open
// dialog: a dialog's own field comes first while it is open) takes the focus.
export const SEARCH_ATTRIBUTE = 'data-page-search';

/** Spread onto a search TextInput: `/` then focuses it. */
export const searchFieldProps = { [SEARCH_ATTRIBUTE]: '' } as Record<string, string>;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement)
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color'].includes(target.type);
  return target.getAttribute('role') === 'combobox' || target.getAttribute('role') === 'textbox';
}

function visible(element: HTMLElement): boolean {
  return element.offsetParent !== null || element.getClientRects().length > 0;
}

function onKeyDown(event: KeyboardEvent): void {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
  if (isTyping(event.target)) return;
  const dialogs = Array.from(document.querySelectorAll<HTMLElement>('[role="dialog"]')).filter(visible);
  const scope: ParentNode = dialogs.length > 0 ? dialogs[dialogs.length - 1] : document;
  const field = Array.from(scope.querySelectorAll<HTMLElement>(`[${SEARCH_ATTRIBUTE}]`)).find(visible);
  if (!field) return;
  event.preventDefault();
  field.focus();
  if (field instanceof HTMLInputElement) field.select();
}

/** Installs the one global `/` handler (main.tsx, once). */
export function installSearchKey(): void {
  document.addEventListener('keydown', onKeyDown);
}
