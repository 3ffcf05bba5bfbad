// The measured engine steps of the province bench, each run inside a child process the
// orchestrator starts: exporting full snapshots (basic courts, or intermediate courts' relays)
// and importing one bundle into one court. Times cover the engine call only (not opening the
// database); memory is the process's peak resident size from the kernel plus sampled figures.
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { exportReportUp, importBundle } from '../../src/main/sync/syncService';
import { engineContext, openCourtServices, readState } from './provinceBuild';
import { provincePaths } from './provinceShape';

export interface MemoryPeak {
  /** process.resourceUsage().maxRSS: the kernel's high-water mark for the whole process, MB. */
  maxRssMb: number;
  /** Sampled every 20 ms while the step ran, MB. */
  heapUsedMb: number;
  externalMb: number;
}

/** Samples memory while work runs; the kernel's maxRSS catches what sampling misses. */
export async function withMemory<T>(work: () => Promise<T>): Promise<{ value: T; memory: MemoryPeak }> {
  let heapUsed = 0;
  let external = 0;
  const sample = () => {
    const usage = process.memoryUsage();
    heapUsed = Math.max(heapUsed, usage.heapUsed);
    external = Math.max(external, usage.external + usage.arrayBuffers);
  };
  const timer = setInterval(sample, 20);
  try {
    const value = await work();
    sample();
    const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;
    return {
      value,
      memory: {
        maxRssMb: Math.round(process.resourceUsage().maxRSS / 102.4) / 10,
        heapUsedMb: mb(heapUsed),
        externalMb: mb(external),
      },
    };
  } finally {
    clearInterval(timer);
  }
}

export interface ExportSample {
  code: string;
  ms: number;
  rows: number;
  nested: number;
  bytes: number;
  file: string;
}

/** Full snapshots (or, with full false, the changes since the last bundle) of the given courts to
 * their parents, one after another. */
export async function exportCourts(
  work: string,
  codes: string[],
  full = true,
): Promise<{ samples: ExportSample[]; memory: MemoryPeak }> {
  const paths = provincePaths(work);
  fs.mkdirSync(paths.bundles, { recursive: true });
  const { value: samples, memory } = await withMemory(async () => {
    const out: ExportSample[] = [];
    for (const code of codes) {
      const services = openCourtServices(paths.court(code));
      try {
        const ctx = await engineContext(services);
        const start = performance.now();
        const report = await exportReportUp(ctx, { folder: paths.bundles, full });
        const ms = performance.now() - start;
        if (!report.encrypted) throw new Error(`${code} 的上报包没有加密（没有上级法院的密钥？）`);
        out.push({ code, ms, rows: report.rows, nested: report.nested, bytes: report.bytes, file: report.filePath });
      } finally {
        await services.close();
      }
    }
    return out;
  });
  return { samples, memory };
}

export interface ImportSample {
  target: string;
  source: string;
  ms: number;
  added: number;
  nested: number;
  memory: MemoryPeak;
  /** Resident size before the import began (code loaded, database open), MB. */
  startRssMb: number;
}

/** One bundle into one court, trusting the sender's fingerprint as a person would after comparing it. */
export async function importInto(work: string, target: string, file: string, source: string): Promise<ImportSample> {
  const paths = provincePaths(work);
  const trust = [readState(work, source).fingerprint];
  const services = openCourtServices(paths.court(target));
  try {
    const ctx = await engineContext(services);
    const startRssMb = Math.round(process.memoryUsage().rss / 104857.6) / 10;
    let ms = 0;
    const { value: report, memory } = await withMemory(async () => {
      const start = performance.now();
      // The person importing also adds a court met for the first time to the roster (应报名单).
      const result = await importBundle(ctx, { file, dryRun: false, trust, addToRoster: [source] });
      ms = performance.now() - start;
      return result;
    });
    if (report.outcome !== 'imported') throw new Error(`${source} → ${target}：${report.message}`);
    return { target, source, ms, added: report.totals.added, nested: report.bundle.nested.length, memory, startRssMb };
  } finally {
    await services.close();
  }
}

/** Several bundles into one court in one process, untimed: a later round's chain below the court measured. */
export async function importMany(
  work: string,
  target: string,
  bundles: { file: string; source: string }[],
): Promise<{ added: number }> {
  const paths = provincePaths(work);
  const services = openCourtServices(paths.court(target));
  let added = 0;
  try {
    const ctx = await engineContext(services);
    for (const { file, source } of bundles) {
      const trust = [readState(work, source).fingerprint];
      const report = await importBundle(ctx, { file, dryRun: false, trust, addToRoster: [source] });
      if (report.outcome !== 'imported') throw new Error(`${source} → ${target}：${report.message}`);
      added += report.totals.added;
    }
  } finally {
    await services.close();
  }
  return { added };
}
