// The province sync benchmark of `npm run bench` (issue 4), bundled by scripts/bench.mjs and run
// as a child process. `run` orchestrates: it builds the province with a few build processes side
// by side, then runs every measured step one at a time in a fresh child process of this same
// file (so timings do not compete for the two cores and each import's peak memory is its own):
//   export each basic court's full snapshot · import each into its intermediate court ·
//   the raw baseline for those · each intermediate court's full relay · import each relay into
//   the high court · the raw baseline for those.
// Ends with one line `PROVINCE_JSON=...` for bench.mjs. Prints progress on stderr.
//
// Subcommands (the children): build-high, build-courts, export, import, raw.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import BetterSqlite3 from 'better-sqlite3';
import { DATABASE_FILE } from '../../src/main/data/database';
import { buildCourt, buildHigh, readState } from './provinceBuild';
import { exportCourts, importInto, type ExportSample, type ImportSample, type MemoryPeak } from './provinceMeasure';
import { rawInserts, type RawGroup, type RawSample } from './provinceRaw';
import {
  ITEMS_PER_CAMPAIGN,
  NOTE_MONTHS,
  CAMPAIGN_TITLES,
  provinceOf,
  provincePaths,
  type CourtSpec,
} from './provinceShape';

const argv = process.argv.slice(2);
const command = argv[0];
const arg = (name: string, fallback = '') => {
  const index = argv.indexOf(name);
  return index >= 0 ? argv[index + 1] : fallback;
};
const log = (message: string) => process.stderr.write(`${message}\n`);
const RESULT_PREFIX = 'RESULT=';

// ---------------------------------------------------------------------------------------------
// Children

async function child(): Promise<unknown> {
  const work = arg('--work');
  const basicCount = Number(arg('--courts', '150'));
  const province = provinceOf(basicCount);
  const byCode = new Map<string, CourtSpec>(
    [province.high, ...province.intermediates, ...province.basics].map((court) => [court.code, court]),
  );
  const codes = arg('--codes').split(',').filter(Boolean);
  switch (command) {
    case 'build-high':
      return buildHigh(work, province.high);
    case 'build-courts': {
      const states = [];
      for (const code of codes) states.push(await buildCourt(work, byCode.get(code)!));
      return states;
    }
    case 'export':
      return exportCourts(work, codes);
    case 'import':
      return importInto(work, arg('--target'), arg('--file'), arg('--source'));
    case 'raw':
      return rawInserts(work, arg('--raw'), JSON.parse(arg('--groups')) as RawGroup[]);
    default:
      throw new Error(`未知的子命令：${command}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Orchestrator

interface ChildOptions {
  /** Extra Node options for this child, e.g. --cpu-prof. */
  nodeArgs?: string[];
}

function runChild<T>(args: string[], options: ChildOptions = {}): Promise<T> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [...(options.nodeArgs ?? []), process.argv[1], ...args], {
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (chunk) => (stdout += chunk));
    // Keep only the tail: the engine may log a lot, and only a failure needs it.
    proc.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-20_000)));
    proc.once('error', reject);
    proc.once('exit', (code, signal) => {
      const line = stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
      if (code === 0 && line) resolve(JSON.parse(line.slice(RESULT_PREFIX.length)) as T);
      else
        reject(
          new Error(
            `子进程 ${args[0]} ${args.slice(1, 3).join(' ')} 失败（退出码 ${code ?? signal}）：\n${stderr.slice(-4000)}`,
          ),
        );
    });
  });
}

function chunks<T>(list: T[], count: number): T[][] {
  const out: T[][] = Array.from({ length: Math.min(count, list.length) }, () => []);
  list.forEach((value, index) => out[index % out.length].push(value));
  return out;
}

const median = (values: number[]): number | null => {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
/** The spread of a series and the median of its per-bundle ratios to the baseline (same bundle, same order). */
const spread = (samples: number[], baseline: number[]) => ({
  min: Math.min(...samples),
  max: Math.max(...samples),
  baselineMin: Math.min(...baseline),
  baselineMax: Math.max(...baseline),
  first: samples[0],
  last: samples[samples.length - 1],
  baselineFirst: baseline[0],
  baselineLast: baseline[baseline.length - 1],
  pairRatio: median(samples.map((value, index) => value / baseline[index])),
});
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Copies a court's database (every connection closed, so no WAL is pending) for the raw baseline. */
function copyForRaw(work: string, code: string): string {
  const paths = provincePaths(work);
  const from = path.join(paths.court(code), DATABASE_FILE);
  if (fs.existsSync(`${from}-wal`) && fs.statSync(`${from}-wal`).size > 0)
    throw new Error(`${code} 的数据库仍有未合并的 WAL`);
  const dir = paths.rawCopy(code);
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(from, path.join(dir, DATABASE_FILE));
  return dir;
}

function counts(dataDir: string): { items: number; notes: number; bytes: number } {
  const file = path.join(dataDir, DATABASE_FILE);
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    const row = db
      .prepare('SELECT (SELECT count(*) FROM items) AS items, (SELECT count(*) FROM progress_notes) AS notes')
      .get() as { items: number; notes: number };
    return { ...row, bytes: fs.statSync(file).size };
  } finally {
    db.close();
  }
}

const peak = (memories: MemoryPeak[]) => ({
  maxRssMb: Math.max(...memories.map((m) => m.maxRssMb)),
  medianRssMb: median(memories.map((m) => m.maxRssMb)),
  heapUsedMb: Math.max(...memories.map((m) => m.heapUsedMb)),
  externalMb: Math.max(...memories.map((m) => m.externalMb)),
});

async function orchestrate(): Promise<unknown> {
  const work = arg('--work');
  const basicCount = Number(arg('--courts', '150'));
  const jobs = Math.max(1, Number(arg('--jobs', String(Math.min(4, os.cpus().length)))));
  const cpuProfDir = arg('--cpu-prof');
  if (!work || !Number.isInteger(basicCount) || basicCount < 1)
    throw new Error('用法：run --work 目录 --courts 基层法院数');
  fs.mkdirSync(work, { recursive: true });
  const province = provinceOf(basicCount);
  const common = ['--work', work, '--courts', String(basicCount)];
  const paths = provincePaths(work);
  const started = performance.now();
  const phaseMs: Record<string, number> = {};
  const phase = async <T>(name: string, step: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    const value = await step();
    phaseMs[name] = Math.round(performance.now() - start);
    log(`  ${name}：${seconds(phaseMs[name])}`);
    return value;
  };

  log(
    `省级同步基准：1 个高院、${province.intermediates.length} 个中院、${province.basics.length} 个基层法院，每院 ${CAMPAIGN_TITLES.length} 个专项活动 × ${ITEMS_PER_CAMPAIGN} 项、每项 ${NOTE_MONTHS} 条月度进展（${jobs} 个进程并行生成）…`,
  );
  await phase('生成高院及其下发包', () => runChild(['build-high', ...common]));
  await phase('生成中院（导入并转发下发包）', () =>
    Promise.all(
      chunks(
        province.intermediates.map((c) => c.code),
        jobs,
      ).map((codes) => runChild(['build-courts', ...common, '--codes', codes.join(',')])),
    ),
  );
  await phase('生成基层法院（导入下发包 + 填充数据）', () =>
    Promise.all(
      chunks(
        province.basics.map((c) => c.code),
        jobs,
      ).map((codes) => runChild(['build-courts', ...common, '--codes', codes.join(',')])),
    ),
  );
  const buildMs = performance.now() - started;
  // Other work on the machine skews every figure below; the load average says how much there was.
  const loadAtStart = os.loadavg()[0];

  // (s1) Every basic court exports its full snapshot: one child per intermediate court's group.
  log('(s1) 基层法院导出完整快照 …');
  const basicExports: ExportSample[] = [];
  const exportMemory: MemoryPeak[] = [];
  await phase('基层法院导出', async () => {
    for (const middle of province.intermediates) {
      const group = province.basicsOf.get(middle.code)!;
      const result = await runChild<{ samples: ExportSample[]; memory: MemoryPeak }>([
        'export',
        ...common,
        '--codes',
        group.map((c) => c.code).join(','),
      ]);
      basicExports.push(...result.samples);
      exportMemory.push(result.memory);
    }
  });

  // (s2) Each basic court's bundle into its intermediate court, each import in a fresh process.
  log('(s2) 中院逐个导入基层法院上报包 …');
  const rawMiddleDirs = new Map(province.intermediates.map((middle) => [middle.code, copyForRaw(work, middle.code)]));
  const middleImports: ImportSample[] = [];
  const exported = new Map(basicExports.map((sample) => [sample.code, sample]));
  await phase('中院导入', async () => {
    for (const [index, basic] of province.basics.entries()) {
      const profile =
        cpuProfDir && index === 0
          ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`, '--cpu-prof-name=import-basic.cpuprofile'] }
          : {};
      middleImports.push(
        await runChild<ImportSample>(
          [
            'import',
            ...common,
            '--target',
            basic.parentCode,
            '--source',
            basic.code,
            '--file',
            exported.get(basic.code)!.file,
          ],
          profile,
        ),
      );
      if ((index + 1) % 25 === 0) log(`    已导入 ${index + 1} / ${province.basics.length}`);
    }
  });

  log('(s2) 基线：同样的行，better-sqlite3 预编译语句逐行插入，每包一个事务 …');
  const middleRaw: RawSample[] = [];
  await phase('中院基线', async () => {
    for (const middle of province.intermediates) {
      const groups: RawGroup[] = province.basicsOf
        .get(middle.code)!
        .map((basic) => ({ label: basic.code, origins: [basic.code] }));
      const result = await runChild<{ samples: RawSample[] }>([
        'raw',
        ...common,
        '--raw',
        rawMiddleDirs.get(middle.code)!,
        '--groups',
        JSON.stringify(groups),
      ]);
      middleRaw.push(...result.samples);
    }
  });

  // (s3) Each intermediate court's full report-up, carrying its basic courts' own signed bundles.
  log('(s3) 中院导出转报包（完整快照，内含各基层法院原包）…');
  const relayExports: ExportSample[] = [];
  const relayExportMemory: MemoryPeak[] = [];
  await phase('中院导出转报包', async () => {
    for (const middle of province.intermediates) {
      const result = await runChild<{ samples: ExportSample[]; memory: MemoryPeak }>([
        'export',
        ...common,
        '--codes',
        middle.code,
      ]);
      relayExports.push(...result.samples);
      relayExportMemory.push(result.memory);
    }
  });

  // (s4) The relays into the high court, each in a fresh process; then the raw baseline.
  log('(s4) 高院逐个导入中院转报包 …');
  const rawHighDir = copyForRaw(work, province.high.code);
  const highImports: ImportSample[] = [];
  await phase('高院导入', async () => {
    for (const [index, relay] of relayExports.entries()) {
      const profile =
        cpuProfDir && index === 0
          ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`, '--cpu-prof-name=import-relay.cpuprofile'] }
          : {};
      highImports.push(
        await runChild<ImportSample>(
          ['import', ...common, '--target', province.high.code, '--source', relay.code, '--file', relay.file],
          profile,
        ),
      );
    }
  });
  log('(s4) 基线 …');
  const highRaw = await phase('高院基线', async () => {
    const groups: RawGroup[] = province.intermediates.map((middle) => ({
      label: middle.code,
      origins: [
        ...province.basicsOf
          .get(middle.code)!
          .map((basic) => basic.code)
          .sort(),
        middle.code,
      ],
    }));
    return (
      await runChild<{ samples: RawSample[] }>([
        'raw',
        ...common,
        '--raw',
        rawHighDir,
        '--groups',
        JSON.stringify(groups),
      ])
    ).samples;
  });

  // The same rows, both ways: the import and the raw inserts must leave the same counts.
  const highCounts = counts(paths.court(province.high.code));
  const highRawCounts = counts(rawHighDir);
  const middleMismatch = province.intermediates.filter((middle) => {
    const a = counts(paths.court(middle.code));
    const b = counts(rawMiddleDirs.get(middle.code)!);
    return a.items !== b.items || a.notes !== b.notes;
  });
  const sameRows =
    highCounts.items === highRawCounts.items && highCounts.notes === highRawCounts.notes && middleMismatch.length === 0;

  const basicState = readState(work, province.basics[0].code);
  return {
    courts: { high: 1, intermediate: province.intermediates.length, basic: province.basics.length },
    perCourt: {
      campaigns: CAMPAIGN_TITLES.length,
      itemsPerCampaign: ITEMS_PER_CAMPAIGN,
      notesPerItem: NOTE_MONTHS,
      ownRows: basicState.rows,
    },
    buildMs: Math.round(buildMs),
    totalMs: Math.round(performance.now() - started),
    phaseMs,
    basicExport: {
      samples: basicExports.map((s) => s.ms),
      rows: median(basicExports.map((s) => s.rows)),
      bytes: median(basicExports.map((s) => s.bytes)),
      memory: peak(exportMemory),
    },
    middleImport: {
      samples: middleImports.map((s) => s.ms),
      baseline: middleRaw.map((s) => s.ms),
      rowsPerBundle: median(middleRaw.map((s) => s.rows)),
      memory: peak(middleImports.map((s) => s.memory)),
      startRssMb: median(middleImports.map((s) => s.startRssMb)),
      spread: spread(
        middleImports.map((s) => s.ms),
        middleRaw.map((s) => s.ms),
      ),
    },
    relayExport: {
      samples: relayExports.map((s) => s.ms),
      rows: median(relayExports.map((s) => s.rows)),
      nested: median(relayExports.map((s) => s.nested)),
      bytes: median(relayExports.map((s) => s.bytes)),
      memory: peak(relayExportMemory),
    },
    highImport: {
      samples: highImports.map((s) => s.ms),
      baseline: highRaw.map((s) => s.ms),
      rowsPerBundle: median(highRaw.map((s) => s.rows)),
      memory: peak(highImports.map((s) => s.memory)),
      startRssMb: median(highImports.map((s) => s.startRssMb)),
      spread: spread(
        highImports.map((s) => s.ms),
        highRaw.map((s) => s.ms),
      ),
    },
    totals: {
      middleImportMs: Math.round(sum(middleImports.map((s) => s.ms))),
      middleRawMs: Math.round(sum(middleRaw.map((s) => s.ms))),
      highImportMs: Math.round(sum(highImports.map((s) => s.ms))),
      highRawMs: Math.round(sum(highRaw.map((s) => s.ms))),
    },
    high: { ...highCounts, raw: highRawCounts },
    sameRows,
    load: { start: loadAtStart, end: os.loadavg()[0], cpus: os.cpus().length },
    cpuProfiles: cpuProfDir || null,
  };
}

const main = command === 'run' ? orchestrate : child;
main()
  .then((value) => {
    process.stdout.write(`${command === 'run' ? 'PROVINCE_JSON=' : RESULT_PREFIX}${JSON.stringify(value)}\n`);
  })
  .catch((error: unknown) => {
    log(`省级同步基准出错：${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  });
