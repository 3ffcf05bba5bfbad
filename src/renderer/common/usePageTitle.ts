// Each page names itself in the window title ("本院挂图 – 专项活动督导台"), so a screen reader
// announces where a link or the back button led and the task bar tells windows apart.
import { useEffect } from 'react';
import { commonText } from './text';

export const APP_TITLE = commonText.appName;

/** `page`: the page's own name (null: the app's name alone, e.g. while it loads). */
export function pageTitle(page: string | null): string {
  return page ? `${page} – ${APP_TITLE}` : APP_TITLE;
}

export function usePageTitle(page: string | null): void {
  useEffect(() => {
    document.title = pageTitle(page);
  }, [page]);
}
