// `cli demo --province DIR` run as people run it (a real process), then every court folder opened
// and read back: the roster, who reported, how old the stale court's report is, what the basic
// courts hold, and the relayed reports at the high court.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../src/main/app/services';
import { getProfile } from '../../src/main/court/courtProfile';
import { rosterCourts } from '../../src/main/province/roster';
import { inspectBundle } from '../../src/main/sync/syncService';
import { DEMO_TITLES } from '../../src/main/demo/demoData';
import { runCli, type CliRun } from './cliProcess';
import { tempDir } from './harness';

interface Court {
  code: string;
  name: string;
  level: 'high' | 'intermediate' | 'basic';
  parentCode: string;
  dataDir: string;
  username: string;
  password: string;
  lastReportAt: string | null;
}

const DAY_MS = 86_400_000;
let dir: string;
let run: CliRun;
let result: { courts: Court[]; bundleDir: string; campaigns: string[]; ms: number };
const opened: Services[] = [];

function openCourt(court: Court): Services {
  const services = createServices({ dataDir: court.dataDir });
  opened.push(services);
  return services;
}

const rows = <T>(services: Services, sql: string, ...params: unknown[]) =>
  services.ctx.sqlite.prepare(sql).all(...params) as T[];

beforeAll(async () => {
  dir = path.join(tempDir('court-province-'), '示例省份');
  const started = Date.now();
  run = await runCli(['demo', '--province', dir, '--json']);
  console.log(`示例省份用时 ${Date.now() - started} ms`);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  result = JSON.parse(run.stdout);
}, 120_000);

afterAll(async () => {
  for (const services of opened.splice(0)) await services.close();
});

const byLevel = (level: Court['level']) => result.courts.filter((court) => court.level === level);
const high = () => byLevel('high')[0];

describe('cli demo --province', () => {
  it('builds a high court, three intermediate and twelve basic courts, each in its own folder that opens', async () => {
    expect(high()).toMatchObject({ code: 'J23', name: '黑龙江省高级人民法院' });
    expect(byLevel('intermediate')).toHaveLength(3);
    expect(byLevel('basic')).toHaveLength(12);
    expect(result.ms).toBeLessThan(120_000);
    for (const court of result.courts) {
      expect(court.dataDir).toBe(path.join(dir, court.code));
      const services = openCourt(court);
      const profile = await getProfile(services.ctx);
      expect(profile).toMatchObject({ code: court.code, name: court.name, level: court.level });
    }
  });

  it('prints accounts that log in at every court', async () => {
    const { dispatch } = await import('../../src/main/api/dispatch');
    for (const court of result.courts) {
      const services = openCourt(court);
      const answer = await dispatch(
        services.ctx,
        'auth.login',
        { username: court.username, password: court.password },
        'test',
      );
      expect(answer.ok, `${court.name} 的账户不能登录`).toBe(true);
    }
  });

  it("lists every court on the high court's roster, the silent one included", async () => {
    const services = openCourt(high());
    const roster = await rosterCourts(services.ctx);
    const below = result.courts.filter((court) => court.level !== 'high');
    expect(roster.map((entry) => entry.code).sort()).toEqual(below.map((court) => court.code).sort());
    for (const court of below) {
      const entry = roster.find((e) => e.code === court.code)!;
      expect(entry).toMatchObject({ name: court.name, level: court.level, parentCode: court.parentCode });
      expect(entry.jurisdiction).not.toBe('');
    }
  });

  it('has one basic court that never reported: no bundle from it anywhere', async () => {
    const silent = byLevel('basic').filter((court) => court.lastReportAt === null);
    expect(silent).toHaveLength(1);
    const [court] = silent;
    const services = openCourt(high());
    expect(rows(services, 'SELECT * FROM sync_received WHERE source_code = ?', court.code)).toEqual([]);
    expect(rows(services, 'SELECT id FROM items WHERE origin = ?', court.code)).toEqual([]);
    const parent = openCourt(result.courts.find((c) => c.code === court.parentCode)!);
    expect(rows(parent, 'SELECT * FROM sync_received WHERE source_code = ?', court.code)).toEqual([]);
    expect(fs.readdirSync(result.bundleDir).filter((name) => name.startsWith(`${court.code}_`))).toEqual([]);
    // It did receive the campaigns: it simply never sent anything back.
    const own = openCourt(court);
    expect(rows(own, "SELECT id FROM sync_received WHERE kind = 'package_down'").length).toBeGreaterThan(0);
  });

  it('has one stale court whose last bundle at the high court is about 75 days old', async () => {
    const services = openCourt(high());
    const now = Date.now();
    const ages = new Map<string, number>();
    for (const court of byLevel('basic').filter((c) => c.lastReportAt !== null)) {
      const [last] = rows<{ file_path: string; bundle_created_at: string | null }>(
        services,
        "SELECT file_path, bundle_created_at FROM sync_received WHERE source_code = ? AND kind = 'report_up' ORDER BY seq DESC LIMIT 1",
        court.code,
      );
      expect(last, `${court.name} 的上报包没有到达高院`).toBeTruthy();
      // The bundle's own creation time, from its signed manifest kept at the high court.
      const inspected = await inspectBundle(path.resolve(services.ctx.dataDir, last.file_path));
      const created = inspected.summary!.createdAt;
      if (last.bundle_created_at) expect(Date.parse(last.bundle_created_at)).toBe(Date.parse(created));
      ages.set(court.code, (now - Date.parse(created)) / DAY_MS);
    }
    const stale = [...ages].filter(([, age]) => age > 30);
    expect(stale).toHaveLength(1);
    expect(stale[0][1]).toBeGreaterThan(74);
    expect(stale[0][1]).toBeLessThan(76.5);
    expect([...ages.values()].filter((age) => age < 14).length).toBeGreaterThanOrEqual(9);
  });

  it('gives every basic court the campaigns and its own copies of the mandatory items, at varied progress', async () => {
    expect([...result.campaigns].sort()).toEqual([...DEMO_TITLES].sort());
    const percents: number[] = [];
    for (const court of byLevel('basic')) {
      const services = openCourt(court);
      const campaigns = rows<{ title: string }>(
        services,
        "SELECT title FROM campaigns WHERE origin = 'J23' AND deleted_at IS NULL",
      );
      expect(campaigns.map((c) => c.title).sort()).toEqual([...DEMO_TITLES].sort());
      const [copies] = rows<{ n: number; pct: number }>(
        services,
        'SELECT count(*) AS n, avg(percent) AS pct FROM items WHERE origin = ? AND source_item_id IS NOT NULL AND deleted_at IS NULL',
        court.code,
      );
      expect(copies.n).toBeGreaterThan(20);
      percents.push(copies.pct);
    }
    // Some courts far along, some far behind.
    expect(Math.max(...percents) - Math.min(...percents)).toBeGreaterThan(30);
  });

  it('brings relayed reports to the high court with the basic courts’ rows, overdue items among them', async () => {
    const services = openCourt(high());
    const relayed = rows<{ source_code: string; relayed_by: string }>(
      services,
      "SELECT source_code, relayed_by FROM sync_received WHERE kind = 'report_up' AND relayed_by IS NOT NULL",
    );
    const reporting = byLevel('basic').filter((court) => court.lastReportAt !== null);
    expect(relayed.map((r) => r.source_code).sort()).toEqual(reporting.map((c) => c.code).sort());
    for (const r of relayed) expect(r.relayed_by).toBe(result.courts.find((c) => c.code === r.source_code)!.parentCode);
    const today = new Date().toISOString().slice(0, 10);
    const overdue = rows<{ origin: string; n: number }>(
      services,
      "SELECT origin, count(*) AS n FROM items WHERE origin LIKE 'J23____' AND deleted_at IS NULL AND deadline < ? AND status NOT IN ('completed', 'signed_off') GROUP BY origin",
      today,
    );
    expect(overdue.length).toBeGreaterThan(5);
    expect(Math.max(...overdue.map((o) => o.n))).toBeGreaterThan(15);
  });

  it('prints, in Chinese, how to open each court and the accounts, with progress lines while it works', async () => {
    const other = path.join(tempDir('court-province-'), 'p');
    const printed = await runCli(['demo', '--province', other]);
    expect(printed.code).toBe(0);
    expect(printed.stderr).toContain('正在建立示例省份');
    expect(printed.stderr).toMatch(/龙江县人民法院：导入下发包、推进工作并上报…（\d+\/\d+）/);
    expect(printed.stdout).toContain('示例省份已建成：16 家法院');
    expect(printed.stdout).toContain(`npm run preview -- --data ${path.join(other, 'J23')}`);
    expect(printed.stdout).toContain('用户名 admin，密码 Demo2026');
    expect(printed.stdout).toContain('五常市人民法院（J230104，基层人民法院）');
    expect(printed.stdout).toContain('从未上报');
    expect(printed.stdout).toMatch(/海林市人民法院（J230302，基层人民法院）.*最近上报：75 天前（数据陈旧）/);
  }, 120_000);

  it('refuses a folder that is not empty, and --province together with --data', async () => {
    const refused = await runCli(['demo', '--province', dir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('E_FOLDER_NOT_EMPTY');
    expect(refused.stderr).toContain('不是空的');
    const both = await runCli(['demo', '--province', tempDir(), '--data', dir]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--province 和 --data 不能同时给出');
  });
});
