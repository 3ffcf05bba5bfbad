import { commonText } from '../common/text';

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${commonText.bytes}`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(2)} GB`;
}

const collator = new Intl.Collator('zh-CN');
export const compareText = (a: string, b: string) => collator.compare(a, b);
