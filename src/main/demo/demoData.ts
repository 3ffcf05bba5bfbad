// Placeholder: replaced by the seed-based demo data set.
import type { ChangeWriter } from '../data/ownedRows';

export interface DemoOptions {
  /** YYYY-MM-DD; deadlines are placed around it so the lights show a realistic mix. */
  today: string;
  /** Called between steps; throws to cancel. */
  progress(done: number, total: number, message: string): void;
}

export async function writeDemoData(writer: ChangeWriter, options: DemoOptions): Promise<void> {
  options.progress(0, 1, '正在写入示例数据…');
  void writer;
  options.progress(1, 1, '示例数据已写入');
}
