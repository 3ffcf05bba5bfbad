// Issue 16's backup figures, run by scripts/bench.mjs (`npm run bench`, or `--only-backup`):
//   (k1) a backup of the 50,000-item database (50 campaigns × 1,000 items, with evidence files),
//        encrypted with a passphrase, against the bare snapshot (`VACUUM INTO`) of the same
//        database in the same run;
//   (k2) a verified restore of that backup into a copy of the folder (every check, the copy of the
//        current data kept as a 恢复前 backup, the swap), against the bare minimum of a restore:
//        the plain snapshot copied into place and SQLite's integrity_check on it;
//   (k3-k4) the same two on the province high court's database (--province DIR: a folder holding
//        courts/J23, e.g. kept by `npm run bench -- --only-sync --keep`).
// Prints one BACKUP_JSON line. Run with tsx from the repository.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { dispatch } from '../../src/main/api/dispatch';
import { createServices } from '../../src/main/app/services';
import { createBackupSync } from '../../src/main/backup/backupService';
import { restoreBackup } from '../../src/main/backup/restore';
import { today as todayOf } from '../../src/main/court/courtProfile';
import { DATABASE_FILE } from '../../src/main/data/database';
import { pdfFile } from '../../tests/node/evidenceSamples';
import { BENCH_ADMIN, setupCourt, writeFixture } from './fixtures';

const argv = process.argv.slice(2);
const arg = (name: string, fallback: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
// Without --work, a temporary folder of its own, removed at the end (a fallback made eagerly was left behind).
const ownWork = !argv.includes('--work');
const work = path.resolve(ownWork ? fs.mkdtempSync(path.join(os.tmpdir(), 'court-backup-bench-')) : arg('--work', ''));
const reps = Math.max(1, Number(arg('--reps', '5')));
const provinceArg = arg('--province', '');
const log = (message: string) => process.stderr.write(`${message}\n`);
const PASSPHRASE = '基准测试备份口令2026';
/** Evidence files added to the 50,000-item court: scans and photos of a few hundred kilobytes. */
const EVIDENCE_FILES = 60;
const EVIDENCE_BYTES = 300 * 1024;

interface Figure {
  samples: number[];
  baseline: number[];
}

const elapsed = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e6;

function load(): { one: number; cpus: number } {
  return { one: os.loadavg()[0], cpus: os.cpus().length };
}

/** Evidence on the first items, through the operation a clerk's upload ends in. */
async function addEvidence(dataDir: string): Promise<void> {
  const services = createServices({ dataDir });
  try {
    const login = await dispatch(services.ctx, 'auth.login', BENCH_ADMIN, 'bench');
    if (!login.ok) throw new Error(`auth.login：${login.message}`);
    const items = services.ctx.sqlite
      .prepare("SELECT id FROM items WHERE status IN ('not_started', 'in_progress') ORDER BY id LIMIT ?")
      .all(EVIDENCE_FILES) as {
      id: string;
    }[];
    for (const [index, item] of items.entries()) {
      const result = await dispatch(
        services.ctx,
        'evidence.add',
        {
          itemId: item.id,
          name: `佐证材料扫描件${index + 1}.pdf`,
          mimeType: 'application/pdf',
          // A real PDF (the evidence check reads it) carrying a scan-sized comment of random digits.
          dataBase64: pdfFile(crypto.randomBytes(EVIDENCE_BYTES / 2).toString('hex')).toString('base64'),
        },
        'bench',
      );
      if (!result.ok) throw new Error(`evidence.add：${result.message}`);
    }
  } finally {
    await services.close();
  }
}

/** Backup and verified restore of the court in `dataDir` (left unchanged: restores go to copies). */
async function measure(dataDir: string, label: string, runs: number) {
  const out = path.join(work, `${label}-backups`);
  fs.mkdirSync(out, { recursive: true });
  const backup: Figure = { samples: [], baseline: [] };
  const restore: Figure = { samples: [], baseline: [] };
  const sqlite = new BetterSqlite3(path.join(dataDir, DATABASE_FILE));
  let file = '';
  let header: { bytes: number; evidence: number } = { bytes: 0, evidence: 0 };
  try {
    for (let r = 0; r < runs; r += 1) {
      log(`  ${label} 备份 ${r + 1}/${runs} …`);
      const target = path.join(out, `第${r + 1}次.dtbak`);
      let started = process.hrtime.bigint();
      const made = createBackupSync({ dataDir, sqlite }, 'manual', { out: target, passphrase: PASSPHRASE });
      backup.samples.push(elapsed(started));
      file = target;
      header = { bytes: made.info.bytes, evidence: made.info.evidenceFiles };
      const bare = path.join(out, `bare-${r}.sqlite3`);
      started = process.hrtime.bigint();
      sqlite.prepare('VACUUM INTO ?').run(bare);
      backup.baseline.push(elapsed(started));
      if (r < runs - 1) fs.rmSync(target);
      if (r < runs - 1) fs.rmSync(bare);
    }
  } finally {
    sqlite.close();
  }
  const bare = path.join(out, `bare-${runs - 1}.sqlite3`);
  for (let r = 0; r < runs; r += 1) {
    log(`  ${label} 校验后恢复 ${r + 1}/${runs} …`);
    const copy = path.join(work, `${label}-restore-${r}`);
    fs.cpSync(dataDir, copy, { recursive: true });
    let started = process.hrtime.bigint();
    await restoreBackup({ dataDir: copy, file, passphrase: PASSPHRASE, actor: '基准测试' });
    restore.samples.push(elapsed(started));
    fs.rmSync(copy, { recursive: true, force: true });

    const plain = path.join(work, `${label}-plain-${r}.sqlite3`);
    started = process.hrtime.bigint();
    fs.copyFileSync(bare, plain);
    const check = new BetterSqlite3(plain);
    const result = check.pragma('integrity_check', { simple: true });
    check.close();
    restore.baseline.push(elapsed(started));
    if (result !== 'ok') throw new Error(`基线库 integrity_check：${String(result)}`);
    fs.rmSync(plain);
  }
  const databaseBytes = fs.statSync(path.join(dataDir, DATABASE_FILE)).size;
  const items = (() => {
    const db = new BetterSqlite3(path.join(dataDir, DATABASE_FILE), { readonly: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM items').get() as { n: number }).n;
    } finally {
      db.close();
    }
  })();
  fs.rmSync(out, { recursive: true, force: true });
  return { backup, restore, databaseBytes, backupBytes: header.bytes, evidenceFiles: header.evidence, items };
}

async function main() {
  const startLoad = load();
  const fifty = path.join(work, 'fifty-campaigns');
  log('(k1-k2) 生成 50 个专项活动 × 1,000 项事项的本院数据（含佐证材料）…');
  await setupCourt(fifty);
  writeFixture(fifty, {
    campaigns: 50,
    itemsPerCampaign: 1000,
    topSections: 4,
    childSections: 3,
    noteEvery: 4,
    today: todayOf({ now: () => new Date() }),
    titlePrefix: '基准专项活动',
  });
  await addEvidence(fifty);
  const court = await measure(fifty, '五万项', reps);
  let province = null;
  if (provinceArg) {
    const candidates = [provinceArg, path.join(provinceArg, 'province')].map((dir) => path.join(dir, 'courts', 'J23'));
    const high = candidates.find((dir) => fs.existsSync(path.join(dir, DATABASE_FILE)));
    if (!high) throw new Error(`${provinceArg} 中没有高院数据（courts/J23/court.sqlite3）`);
    log(`(k3-k4) 高院数据库 ${high} …`);
    province = await measure(high, '高院', Math.max(1, Math.min(reps, 3)));
  }
  fs.rmSync(ownWork ? work : fifty, { recursive: true, force: true });
  process.stdout.write(`BACKUP_JSON=${JSON.stringify({ court, province, load: { start: startLoad, end: load() } })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`备份基准出错：${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
