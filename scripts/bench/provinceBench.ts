// The province sync benchmark of `npm run bench` (issue 4), bundled by scripts/bench.mjs and run
// as a child process. `run` orchestrates: it builds the province with a few build processes side
// by side, then runs every measured step one at a time in a fresh child process of this same
// file (so timings do not compete for the two cores and each import's peak memory is its own):
//   export each basic court's full snapshot · import each into its intermediate court ·
//   the raw baseline for those · each intermediate court's full relay · import each relay into
//   the high court · the raw baseline for those.
// Ends with one line `PROVINCE_JSON=...` for bench.mjs. Prints progress on stderr.
//
// With --relay-rounds N (the "years of relays" scale row), N - 1 more rounds follow: every basic
// and intermediate court adds another year of monthly notes, reports its changes up (not a full
// snapshot), each intermediate court imports them and relays its changes, and the high court
// imports each relay, timed against the raw inserts of the same rows, into the same (growing)
// database as round 1.
//
// Subcommands (the children): build-high, build-courts, export, import, import-many, fill-year, raw.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import BetterSqlite3 from 'better-sqlite3';
import { DATABASE_FILE } from '../../src/main/data/database';
import { SYNC_TABLES } from '../../src/main/sync/syncTables';
import { buildCourt, buildHigh, readState } from './provinceBuild';
import { fillYear, type YearFill } from './provinceFill';
import {
  exportCourts,
  importInto,
  importMany,
  type ExportSample,
  type ImportSample,
  type MemoryPeak,
} from './provinceMeasure';
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
      return exportCourts(work, codes, !argv.includes('--incremental'));
    case 'import':
      return importInto(work, arg('--target'), arg('--file'), arg('--source'));
    case 'import-many':
      return importMany(work, arg('--target'), JSON.parse(arg('--bundles')) as { file: string; source: string }[]);
    case 'fill-year':
      return codes.map((code) => fillYear(provincePaths(work).court(code), code, Number(arg('--round'))));
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

/** Items, notes and every synced table's rows of a court's database (no connection open). */
function counts(dataDir: string): { items: number; notes: number; rows: number; bytes: number } {
  const file = path.join(dataDir, DATABASE_FILE);
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    const row = db
      .prepare('SELECT (SELECT count(*) FROM items) AS items, (SELECT count(*) FROM progress_notes) AS notes')
      .get() as { items: number; notes: number };
    const rows = SYNC_TABLES.reduce(
      (total, table) => total + (db.prepare(`SELECT count(*) AS n FROM ${table.name}`).get() as { n: number }).n,
      0,
    );
    return { ...row, rows, bytes: databaseBytes(dataDir) };
  } finally {
    db.close();
  }
}

/** The database file and its WAL (empty once the last connection closed). */
function databaseBytes(dataDir: string): number {
  const file = path.join(dataDir, DATABASE_FILE);
  const wal = `${file}-wal`;
  return fs.statSync(file).size + (fs.existsSync(wal) ? fs.statSync(wal).size : 0);
}

/** One relay into the high court: the import and the raw inserts of its rows, and the database after it. */
interface CurvePoint {
  round: number;
  relay: string;
  ms: number;
  rawMs: number;
  rows: number;
  /** Synced rows the high court holds after this relay. */
  heldRows: number;
  bytes: number;
  load: number;
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
  const relayRounds = Math.max(1, Number(arg('--relay-rounds', '1')) || 1);
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

  // (s2) Each basic court's bundle into its intermediate court, each import in a fresh process;
  // after each intermediate court's imports, the raw baseline of the same bundles (so both run
  // under about the same load on the machine).
  log(
    '(s2) 中院逐个导入基层法院上报包，每个中院之后是同样行的基线（better-sqlite3 预编译语句逐行插入，每包一个事务）…',
  );
  const rawMiddleDirs = new Map(province.intermediates.map((middle) => [middle.code, copyForRaw(work, middle.code)]));
  const middleImports: ImportSample[] = [];
  const middleRaw: RawSample[] = [];
  const exported = new Map(basicExports.map((sample) => [sample.code, sample]));
  await phase('中院导入与基线', async () => {
    let index = 0;
    for (const middle of province.intermediates) {
      const group = province.basicsOf.get(middle.code)!;
      for (const basic of group) {
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
        index += 1;
        if (index % 25 === 0) log(`    已导入 ${index} / ${province.basics.length}`);
      }
      const groups: RawGroup[] = group.map((basic) => ({ label: basic.code, origins: [basic.code] }));
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

  // (s4) The relays into the high court, each in a fresh process, each followed by the raw
  // inserts of the same rows into the copy (also in a fresh process): the curve over the relays
  // compares the two under about the same load, as the high court's database grows.
  log('(s4) 高院逐个导入中院转报包，每包之后是同样行的基线 …');
  const rawHighDir = copyForRaw(work, province.high.code);
  const highCurve: CurvePoint[] = [];
  const highImports: ImportSample[] = [];
  const highRaw: RawSample[] = [];
  const highStart = counts(paths.court(province.high.code));
  let heldRows = highStart.rows;
  const relayOf = (middle: CourtSpec) => [
    ...province.basicsOf
      .get(middle.code)!
      .map((basic) => basic.code)
      .sort(),
    middle.code,
  ];
  /** One relay into the high court and its raw twin; `profileName` asks for a CPU profile. */
  const relayStep = async (
    round: number,
    position: number,
    relay: ExportSample,
    middle: CourtSpec,
    since?: Record<string, number>,
  ) => {
    const last = position === province.intermediates.length - 1;
    const profileName =
      cpuProfDir && round === 1 && (position === 0 || last)
        ? `import-relay-${position === 0 ? 'first' : 'last'}.cpuprofile`
        : cpuProfDir && round > 1 && last
          ? `import-relay-round${round}-last.cpuprofile`
          : '';
    const profile = profileName
      ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`, `--cpu-prof-name=${profileName}`] }
      : {};
    const sample = await runChild<ImportSample>(
      ['import', ...common, '--target', province.high.code, '--source', relay.code, '--file', relay.file],
      profile,
    );
    const groups: RawGroup[] = [{ label: middle.code, origins: relayOf(middle), ...(since ? { since } : {}) }];
    const raw = (
      await runChild<{ samples: RawSample[] }>([
        'raw',
        ...common,
        '--raw',
        rawHighDir,
        '--groups',
        JSON.stringify(groups),
      ])
    ).samples[0];
    heldRows += sample.added;
    highImports.push(sample);
    highRaw.push(raw);
    highCurve.push({
      round,
      relay: middle.code,
      ms: sample.ms,
      rawMs: raw.ms,
      rows: raw.rows,
      heldRows,
      bytes: databaseBytes(paths.court(province.high.code)),
      load: os.loadavg()[0],
    });
    const point = highCurve[highCurve.length - 1];
    // Each point as it comes: a long --relay-rounds run stopped early still leaves its curve.
    log(
      `    第 ${round} 轮第 ${position + 1} 包 ${middle.code}：导入 ${Math.round(point.ms)} ms，基线 ${Math.round(point.rawMs)} ms，×${(point.ms / point.rawMs).toFixed(2)}；${point.rows} 行，高院库 ${point.heldRows} 行、${(point.bytes / 1048576).toFixed(0)} MB；负载 ${point.load.toFixed(1)}`,
    );
  };
  await phase('高院导入与基线', async () => {
    for (const [index, relay] of relayExports.entries())
      await relayStep(1, index, relay, province.intermediates[index]);
  });
  const roundOneCount = highCurve.length;
  // Later rounds go on only in the high court's copy: the intermediate courts compare now.
  const middleMismatch = province.intermediates.filter((middle) => {
    const a = counts(paths.court(middle.code));
    const b = counts(rawMiddleDirs.get(middle.code)!);
    return a.items !== b.items || a.notes !== b.notes;
  });

  // The "years of relays" scale row: more rounds of a year's changes each, through the chain.
  for (let round = 2; round <= relayRounds; round += 1) {
    log(`第 ${round} 轮（又一年的月度进展）：填充、基层法院上报、中院导入、中院转报、高院导入 …`);
    const fills = (
      await Promise.all(
        chunks(
          [...province.intermediates, ...province.basics].map((c) => c.code),
          jobs,
        ).map((codes) =>
          runChild<YearFill[]>(['fill-year', ...common, '--codes', codes.join(','), '--round', String(round)]),
        ),
      )
    ).flat();
    const since = Object.fromEntries(fills.map((fill) => [fill.code, fill.fromSeq]));
    const reports: ExportSample[] = [];
    for (const middle of province.intermediates) {
      const group = province.basicsOf.get(middle.code)!;
      const result = await runChild<{ samples: ExportSample[] }>([
        'export',
        ...common,
        '--incremental',
        '--codes',
        group.map((c) => c.code).join(','),
      ]);
      reports.push(...result.samples);
      await runChild([
        'import-many',
        ...common,
        '--target',
        middle.code,
        '--bundles',
        JSON.stringify(result.samples.map((sample) => ({ file: sample.file, source: sample.code }))),
      ]);
    }
    const relays: ExportSample[] = [];
    for (const middle of province.intermediates) {
      relays.push(
        ...(await runChild<{ samples: ExportSample[] }>(['export', ...common, '--incremental', '--codes', middle.code]))
          .samples,
      );
    }
    await phase(`第 ${round} 轮高院导入与基线`, async () => {
      for (const [index, relay] of relays.entries()) {
        const middle = province.intermediates[index];
        const origins = relayOf(middle);
        await relayStep(round, index, relay, middle, Object.fromEntries(origins.map((code) => [code, since[code]])));
      }
    });
  }

  // The same rows, both ways: the import and the raw inserts must leave the same counts.
  const highCounts = counts(paths.court(province.high.code));
  const highRawCounts = counts(rawHighDir);
  const sameRows =
    highCounts.items === highRawCounts.items && highCounts.notes === highRawCounts.notes && middleMismatch.length === 0;

  const basicState = readState(work, province.basics[0].code);
  const roundOne = <T>(list: T[]) => list.slice(0, roundOneCount);
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
      samples: roundOne(highImports).map((s) => s.ms),
      baseline: roundOne(highRaw).map((s) => s.ms),
      rowsPerBundle: median(roundOne(highRaw).map((s) => s.rows)),
      memory: peak(roundOne(highImports).map((s) => s.memory)),
      startRssMb: median(roundOne(highImports).map((s) => s.startRssMb)),
      spread: spread(
        roundOne(highImports).map((s) => s.ms),
        roundOne(highRaw).map((s) => s.ms),
      ),
      curve: highCurve,
      startRows: highStart.rows,
      rounds: relayRounds,
      /** Every import of every round: the peak memory of the biggest database. */
      allMemory: peak(highImports.map((s) => s.memory)),
    },
    totals: {
      middleImportMs: Math.round(sum(middleImports.map((s) => s.ms))),
      middleRawMs: Math.round(sum(middleRaw.map((s) => s.ms))),
      highImportMs: Math.round(sum(roundOne(highImports).map((s) => s.ms))),
      highRawMs: Math.round(sum(roundOne(highRaw).map((s) => s.ms))),
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
