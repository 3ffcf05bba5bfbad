// Test harness: a real data folder in the OS temp directory, a real SQLite database, the real
// operation table. `call` goes through dispatch exactly as the transports do.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServices, type Services } from '../../src/main/app/services';
import { dispatch } from '../../src/main/api/dispatch';
import type { Host } from '../../src/main/api/context';
import type { Input, OperationName, Result, Results } from '../../src/shared/api';

export interface Harness {
  dataDir: string;
  services: Services;
  opened: string[];
  /** Moves "now" for everything the services compute (lights, dates). */
  setNow(iso: string): void;
  call<K extends OperationName>(name: K, input?: Input<K>): Promise<Result<Results[K]>>;
  /** Like call, but fails the test with the Chinese message when the operation fails. */
  ok<K extends OperationName>(name: K, input?: Input<K>): Promise<Results[K]>;
  close(): Promise<void>;
}

export function tempDir(prefix = 'court-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function openHarness(options: { dataDir?: string; now?: string } = {}): Promise<Harness> {
  const dataDir = options.dataDir ?? tempDir();
  let now = new Date(options.now ?? '2026-11-24T10:00:00+08:00');
  const opened: string[] = [];
  const host: Host = {
    async openPath(filePath) {
      opened.push(filePath);
      return true;
    },
  };
  const services = createServices({ dataDir, host, now: () => now });
  const call = <K extends OperationName>(name: K, input?: Input<K>) => dispatch<K>(services.ctx, name, input);
  return {
    dataDir,
    services,
    opened,
    setNow(iso) {
      now = new Date(iso);
    },
    call,
    async ok(name, input) {
      const result = await call(name, input);
      if (!result.ok) throw new Error(`${name} 失败：${result.code} ${result.message} ${JSON.stringify(result.fieldErrors ?? {})}`);
      return result.value;
    },
    close: () => services.close(),
  };
}

export const basicCourt = {
  name: '龙江县人民法院',
  code: 'J2301',
  level: 'basic' as const,
  parentCode: 'J23',
  parentName: '齐齐哈尔市中级人民法院',
  operatorName: '王书记员',
};

/** A harness with the court set up and one campaign with two sections. */
export async function openCourt(options: { now?: string } = {}) {
  const h = await openHarness(options);
  await h.ok('court.setup', { profile: basicCourt });
  const campaign = await h.ok('campaigns.create', { title: '能力作风建设年', year: 2026, startDate: '2026-03-01', endDate: '2026-12-31' });
  let detail = await h.ok('sections.create', { campaignId: campaign.id, title: '争先创优年' });
  detail = await h.ok('sections.create', { campaignId: campaign.id, title: '案件质量提升年' });
  return { h, campaign, sections: detail.sections };
}
