// Dates for people: 2026年11月24日 or 2026-11-24, never month-first.
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';

dayjs.locale('zh-cn');

export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const day = dayjs(value);
  return day.isValid() ? day.format('YYYY-MM-DD') : value;
}

export function formatLongDate(value: string | null | undefined): string {
  if (!value) return '';
  const day = dayjs(value);
  return day.isValid() ? day.format('YYYY年M月D日') : value;
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const day = dayjs(value);
  return day.isValid() ? day.format('YYYY-MM-DD HH:mm') : value;
}

/** Accepts 2026-11-24, 2026/11/24, 2026.11.24 and 2026年11月24日 typed into a date field. */
export function parseTypedDate(text: string): string | null {
  const match = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/.exec(text);
  if (!match) return null;
  const value = `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;
  const day = dayjs(value);
  return day.isValid() && day.format('YYYY-MM-DD') === value ? value : null;
}

export function currentYear(): number {
  return dayjs().year();
}

export { dayjs };
