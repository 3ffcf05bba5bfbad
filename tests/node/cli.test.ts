// The command line as people and scripts use it: real processes (node + tsx on src/cli/main.ts),
// real data folders in the temp directory, exit codes and stdout/stderr read back, and the
// database opened independently to check what the command line reports.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { readZipEntries } from './zipEntries';
import yazl from 'yazl';
import { afterAll, describe, expect, it } from 'vitest';
import { openHarness, tempDir, type Harness } from './harness';
import { BASIC, CLI_ARGS, ROOT, runCli, type CliRun } from './cliProcess';

const cli = runCli;

/** Runs and parses the one JSON document a --json run prints on stdout. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the few fields of the JSON it checks
async function cliJson<T = any>(args: string[], expectedCode = 0): Promise<T> {
  const run = await cli(args);
  expect(run.code, `${args.join(' ')}\n${run.stderr}`).toBe(expectedCode);
  return JSON.parse(run.stdout) as T;
}

const folders: string[] = [];
function freshFolder(): string {
  const dir = tempDir('court-cli-');
  folders.push(dir);
  return path.join(dir, 'data');
}
afterAll(() => {
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
});

const INTERMEDIATE = [
  '--code',
  'J23',
  '--name',
  '齐齐哈尔市中级人民法院',
  '--level',
  'intermediate',
  '--parent',
  'HLJ',
  '--parent-name',
  '黑龙江省高级人民法院',
];

async function initCourt(args = BASIC): Promise<{ dir: string; password: string }> {
  const dir = freshFolder();
  const init = await cliJson<{ admin: { temporaryPassword: string } }>(['init', '--data', dir, ...args, '--json']);
  return { dir, password: init.admin.temporaryPassword };
}

/** The basic court of the API-built tests (the CLI's BASIC court, set up through court.setup). */
async function setUpBasicCourt(h: Harness): Promise<void> {
  await h.ok('court.setup', {
    profile: {
      name: '龙江县人民法院',
      code: 'J2301',
      level: 'basic',
      parentCode: 'J23',
      parentName: '齐齐哈尔市中级人民法院',
      operatorName: '王书记员',
    },
    admin: { username: 'admin', password: 'Admin2026' },
  });
}

function openDb(dir: string): BetterSqlite3.Database {
  return new BetterSqlite3(path.join(dir, 'court.sqlite3'), { readonly: true });
}

describe('command line: usage errors exit 2 with a Chinese usage text', () => {
  it('refuses a missing or unknown command', async () => {
    const none = await cli([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('缺少命令');
    expect(none.stdout).toBe('');

    const unknown = await cli(['frobnicate', '--data', freshFolder()]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('没有“frobnicate”这个命令');
    expect(unknown.stderr).toContain('help');
  });

  it('refuses a missing --data, an unknown option and a missing option value', async () => {
    const missing = await cli(['status', '--json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('缺少选项 --data');
    expect(missing.stderr).toContain('用法：npm run --silent cli -- status --data');
    // --json: stdout still carries exactly one machine-readable document.
    expect(JSON.parse(missing.stdout)).toMatchObject({ ok: false, code: 'E_USAGE' });

    const unknownOption = await cli(['status', '--data', freshFolder(), '--colour']);
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr).toContain('不认识的选项 --colour');

    const noValue = await cli(['status', '--data']);
    expect(noValue.code).toBe(2);
    expect(noValue.stderr).toContain('选项 --data 后面缺少取值');

    const extra = await cli(['status', '--data', freshFolder(), 'surplus']);
    expect(extra.code).toBe(2);
    expect(extra.stderr).toContain('多余的参数：surplus');
  });

  it('refuses a bad level, a missing parent and a malformed court code before creating anything', async () => {
    const dir = freshFolder();
    const badLevel = await cli([
      'init',
      '--data',
      dir,
      '--code',
      'J2301',
      '--name',
      '龙江县人民法院',
      '--level',
      'county',
    ]);
    expect(badLevel.code).toBe(2);
    expect(badLevel.stderr).toContain('法院层级“county”不正确');

    const noParent = await cli([
      'init',
      '--data',
      dir,
      '--code',
      'J2301',
      '--name',
      '龙江县人民法院',
      '--level',
      'basic',
    ]);
    expect(noParent.code).toBe(2);
    expect(noParent.stderr).toContain('--parent');

    const badCode = await cli(['init', '--data', dir, ...BASIC.map((arg) => (arg === 'J2301' ? 'j-2301' : arg))]);
    expect(badCode.code).toBe(2);
    expect(badCode.stderr).toContain('选项 --code 的取值有误：法院代码应以大写字母开头');

    const badName = await cli([
      'init',
      '--data',
      dir,
      ...BASIC.map((arg) => (arg === '龙江县人民法院' ? '龙江县' : arg)),
    ]);
    expect(badName.code).toBe(2);
    expect(badName.stderr).toContain('法院名称应包含“法院”或“法庭”');

    expect(fs.existsSync(dir)).toBe(false);
  });

  it('prints the full usage for help, and one command for help COMMAND or --help', async () => {
    const help = await cli(['help']);
    expect(help.code).toBe(0);
    for (const command of ['init', 'demo', 'status', 'fingerprint', 'export', 'publish', 'inspect', 'import', 'call']) {
      expect(help.stdout).toContain(`npm run --silent cli -- ${command} `);
    }
    const one = await cli(['import', '--help']);
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('import --data 文件夹 文件 [--dry-run] [--trust 指纹]');
    expect(one.stdout).not.toContain('publish');
  });

  it('is what `npm run cli` runs', () => {
    const run = spawnSync('npm', ['run', '--silent', 'cli', '--', 'help'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('专项活动督导台 命令行');
  });
});

describe('command line: init and status', () => {
  it('sets up a court with an administrator and a one-time password, and status --json describes it', async () => {
    const dir = freshFolder();
    const human = await cli(['init', '--data', dir, ...BASIC]);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toContain('已初始化：龙江县人民法院（J2301，基层人民法院）');
    expect(human.stdout).toContain('管理员账户：admin（系统管理员）');
    const password = /临时密码：(\S+?)，/.exec(human.stdout)?.[1];
    expect(password).toMatch(/^(?=.*[A-Za-z])(?=.*\d)[A-Za-z0-9]{12}$/);

    // The printed password is the administrator's: the app's own log-in accepts it.
    const login = await cliJson(['call', '--data', dir, 'auth.login', JSON.stringify({ username: 'admin', password })]);
    expect(login).toMatchObject({
      ok: true,
      value: { username: 'admin', displayName: '系统管理员', roles: ['admin', 'reviewer'] },
    });
    // …and it is temporary: a person logging in with it must choose their own first.
    expect(login).toMatchObject({ value: { mustChangePassword: true } });

    const status = await cliJson(['status', '--data', dir, '--json']);
    expect(status.court).toEqual({
      code: 'J2301',
      name: '龙江县人民法院',
      level: 'basic',
      parentCode: 'J23',
      parentName: '齐齐哈尔市中级人民法院',
    });
    expect(status.campaigns).toEqual([]);
    expect(status.courts).toEqual([
      {
        code: 'J2301',
        name: '龙江县人民法院',
        level: 'basic',
        relation: 'self',
        itemCount: 0,
        rows: 1,
        lastSeq: 0,
        lastBundleAt: null,
        lastImportedAt: null,
        auditAlert: null,
        auditAlertAt: null,
      },
    ]);

    const again = await cli(['init', '--data', dir, ...BASIC, '--operator', '李管理员']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('E_ALREADY_SET_UP');
    expect(again.stderr).toContain('本院信息已经设置过');
  });

  it('names the given operator and sets up a high court without a parent', async () => {
    const dir = freshFolder();
    const init = await cliJson([
      'init',
      '--data',
      dir,
      '--code',
      'HLJ',
      '--name',
      '黑龙江省高级人民法院',
      '--level',
      'high',
      '--operator',
      '李管理员',
      '--json',
    ]);
    expect(init.court).toMatchObject({ code: 'HLJ', level: 'high', parentCode: null, operatorName: '李管理员' });
    expect(init.admin).toMatchObject({ username: 'admin', displayName: '李管理员' });
    const human = await cli(['status', '--data', dir]);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('本院：黑龙江省高级人民法院（HLJ，高级人民法院）');
  });

  it('refuses a folder without a database instead of creating one', async () => {
    const dir = freshFolder();
    const run = await cli(['status', '--data', dir, '--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, code: 'E_NO_DATA' });
    expect(run.stderr).toContain('E_NO_DATA');
    expect(run.stderr).toContain('没有督导台的数据库');
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('loads the demo and reports counts that match the database', async () => {
    const { dir } = await initCourt();
    const demo = await cli(['demo', '--data', dir]);
    expect(demo.code, demo.stderr).toBe(0);
    expect(demo.stdout).toMatch(/^已载入示例数据：3 项专项活动，共 \d+ 个事项。\n$/);
    expect(demo.stderr).toContain('正在载入示例数据');

    const status = await cliJson(['status', '--data', dir, '--json']);
    expect(status.campaigns).toHaveLength(3);
    // Two campaigns are issued by the demo's higher court (J00) and arrive as its package; the
    // third is the court's own. The court's items are its own rows in all three.
    expect(status.campaigns.map((c: { origin: string }) => c.origin).sort()).toEqual(['J00', 'J00', 'J2301']);
    const db = openDb(dir);
    try {
      for (const campaign of status.campaigns) {
        const expected = db
          .prepare(
            `SELECT count(*) AS items,
                    sum(status IN ('completed', 'signed_off')) AS done,
                    sum(status = 'signed_off') AS signedOff,
                    sum(status NOT IN ('completed', 'signed_off') AND deadline IS NOT NULL AND deadline < ?) AS overdue
               FROM items WHERE campaign_id = ? AND origin = 'J2301' AND deleted_at IS NULL`,
          )
          .get(status.today, campaign.id) as { items: number; done: number; signedOff: number; overdue: number };
        expect({
          items: campaign.items,
          done: campaign.done,
          signedOff: campaign.signedOff,
          overdue: campaign.overdue,
        }).toEqual(expected);
        expect(campaign.byCourt).toContainEqual({ code: 'J2301', ...expected });
        // An issued campaign also holds the issuer's own definition of its items.
        expect(campaign.byCourt.map((c: { code: string }) => c.code).sort()).toEqual(
          campaign.origin === 'J00' ? ['J00', 'J2301'] : ['J2301'],
        );
        // The demo is a realistic mix, so every figure is exercised.
        expect(expected.items).toBeGreaterThan(expected.done);
        expect(expected.done).toBeGreaterThanOrEqual(expected.signedOff);
      }
      const totals = status.campaigns.reduce((sum: number, c: { items: number }) => sum + c.items, 0);
      expect(status.courts[0]).toMatchObject({ code: 'J2301', relation: 'self', itemCount: totals });
      const liveRows = [
        'courts',
        'departments',
        'people',
        'campaigns',
        'sections',
        'items',
        'progress_notes',
        'evidence',
        'signoffs',
      ]
        .map(
          (table) =>
            (
              db.prepare(`SELECT count(*) AS n FROM ${table} WHERE deleted_at IS NULL AND origin = 'J2301'`).get() as {
                n: number;
              }
            ).n,
        )
        .reduce((a, b) => a + b, 0);
      expect(status.courts[0].rows).toBeGreaterThanOrEqual(liveRows);
      expect(status.campaigns.some((c: { overdue: number }) => c.overdue > 0)).toBe(true);
      expect(status.campaigns.some((c: { signedOff: number }) => c.signedOff > 0)).toBe(true);
    } finally {
      db.close();
    }

    const human = await cli(['status', '--data', dir]);
    expect(human.stdout).toContain('专项活动（3 项）：');
    expect(human.stdout).toMatch(/本院事项 \d+，已完成 \d+，已销号 \d+，逾期 \d+/);

    const twice = await cli(['demo', '--data', dir, '--json']);
    expect(twice.code).toBe(1);
    expect(JSON.parse(twice.stdout)).toMatchObject({ ok: false, code: 'E_DEMO_LOADED' });
  });
});

describe('command line: call', () => {
  it('runs an operation with JSON input as the administrator and prints its Result', async () => {
    const { dir } = await initCourt();
    const created = await cliJson([
      'call',
      '--data',
      dir,
      'campaigns.create',
      JSON.stringify({ title: '能力作风建设年', year: 2026 }),
    ]);
    expect(created).toMatchObject({ ok: true, value: { title: '能力作风建设年', origin: 'J2301', version: 1 } });

    const listed = await cliJson(['call', '--data', dir, 'campaigns.list']);
    expect(listed.ok).toBe(true);
    expect(listed.value.map((c: { id: string }) => c.id)).toEqual([created.value.id]);

    // Input can come from stdin too.
    const fromStdin = await cli(['call', '--data', dir, 'items.create', '-'], {
      input: JSON.stringify({ campaignId: created.value.id, title: '落实司法责任制' }),
    });
    expect(fromStdin.code, fromStdin.stderr).toBe(0);
    expect(JSON.parse(fromStdin.stdout)).toMatchObject({ ok: true, value: { title: '落实司法责任制' } });

    // The audit log names the folder's administrator for what the command line did.
    const db = openDb(dir);
    try {
      const actors = db
        .prepare("SELECT DISTINCT actor FROM audit_log WHERE table_name IN ('campaigns', 'items')")
        .all() as { actor: string }[];
      expect(actors).toEqual([{ actor: '系统管理员（admin）' }]);
    } finally {
      db.close();
    }
  });

  it('exits 1 with the stable code when the operation is refused', async () => {
    const { dir } = await initCourt();
    const notFound = await cli([
      'call',
      '--data',
      dir,
      'items.get',
      JSON.stringify({ id: '01a20fe6-3cb2-7702-b9b1-0c6dfc2bd3ef' }),
    ]);
    expect(notFound.code).toBe(1);
    expect(JSON.parse(notFound.stdout)).toEqual({
      ok: false,
      code: 'E_NOT_FOUND',
      message: '找不到这项事项，可能已被删除，请刷新后再试。',
    });

    const invalid = await cliJson(
      ['call', '--data', dir, 'campaigns.create', JSON.stringify({ title: '', year: 1900 })],
      1,
    );
    expect(invalid).toMatchObject({ ok: false, code: 'E_INVALID' });
    expect(invalid.message).toMatch(/^输入有误：/);

    const unknown = await cliJson(['call', '--data', dir, 'campaigns.explode', '{}'], 1);
    expect(unknown).toMatchObject({ ok: false, code: 'E_UNKNOWN_OPERATION' });
  });

  it('exits 2 on input that is not JSON, and on a missing operation name', async () => {
    const { dir } = await initCourt();
    const bad = await cli(['call', '--data', dir, 'campaigns.create', '{title: 能力}']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('JSON 输入无法解析');
    const none = await cli(['call', '--data', dir]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('缺少操作名');
  });
});

/** Rewrites a bundle zip with one entry's bytes changed, everything else (manifest, signature) kept. */
async function tamperEntry(
  from: string,
  to: string,
  entryName: string,
  change: (bytes: Buffer) => Buffer,
): Promise<void> {
  const entries = await readZipEntries(from);
  expect(entries.map((e) => e.name)).toContain(entryName);
  const out = new yazl.ZipFile();
  for (const entry of entries) out.addBuffer(entry.name === entryName ? change(entry.bytes) : entry.bytes, entry.name);
  out.end();
  await new Promise<void>((resolve, reject) =>
    out.outputStream.pipe(fs.createWriteStream(to)).on('finish', resolve).on('error', reject),
  );
}

/** Every table's row count, to show that a refused or killed import left the database as it was. */
function tableCounts(dir: string): Record<string, number> {
  const db = openDb(dir);
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string }[];
    return Object.fromEntries(
      tables.map(({ name }) => [name, (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]),
    );
  } finally {
    db.close();
  }
}

async function fingerprintOf(dir: string): Promise<string> {
  const run = await cli(['fingerprint', '--data', dir]);
  expect(run.code, run.stderr).toBe(0);
  return /本院指纹：([\d ]+)/.exec(run.stdout)![1];
}

describe('command line: sync bundles', () => {
  it('prints the fingerprint as 8 groups of 5 digits, the same every time', async () => {
    const { dir } = await initCourt();
    const run = await cli(['fingerprint', '--data', dir]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^龙江县人民法院（J2301）\n本院指纹：\d{5}( \d{5}){7}\n$/);
    const json = await cliJson(['fingerprint', '--data', dir, '--json']);
    expect(json).toEqual({ code: 'J2301', name: '龙江县人民法院', fingerprint: await fingerprintOf(dir) });
  });

  it('round trip: a basic court reports up, its parent confirms the fingerprint and imports once; a tampered copy is refused', async () => {
    const work = freshFolder();
    fs.mkdirSync(work, { recursive: true });
    // The basic court's own campaign, built through the API (not the demo: the demo's issued
    // campaigns come from a demo higher court this parent has never heard of, so a report up of
    // them is rightly refused as referring to campaigns not issued here).
    const basic = { dir: path.join(work, 'basic') };
    const h = await openHarness({ dataDir: basic.dir });
    try {
      await setUpBasicCourt(h);
      const campaign = await h.ok('campaigns.create', { title: '“清廉法院”建设', year: 2026 });
      for (let i = 0; i < 12; i += 1) {
        const item = await h.ok('items.create', {
          campaignId: campaign.id,
          title: `第 ${i + 1} 项清廉建设任务`,
          content: '对照实施方案逐项落实，按月报告进展。',
          deadline: '2026-12-31',
        });
        await h.ok('progress.add', {
          itemId: item.id,
          noteDate: '2026-11-20',
          text: `十一月进展：第 ${i + 1} 项正在推进。`,
          percent: 50,
        });
      }
    } finally {
      await h.close();
    }
    const parent = await initCourt(INTERMEDIATE);

    const bundle = path.join(work, 'up-1.dtsync');
    const exported = await cli(['export', '--data', basic.dir, '--out', bundle]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toMatch(
      /^已导出上报包：.+up-1\.dtsync（第 1 号，\d+ 行，\d+ 个文件，未加密）\n收件法院：齐齐哈尔市中级人民法院（J23）\n$/,
    );
    expect(fs.statSync(bundle).size).toBeGreaterThan(1000);

    const inspected = await cliJson(['inspect', bundle, '--json']);
    expect(inspected).toMatchObject({
      encrypted: false,
      signatureValid: true,
      checkedAgainst: 'self',
      summary: { kind: 'report_up', seq: 1, source: { code: 'J2301' }, target: { code: 'J23' } },
    });
    const inspectedHuman = await cli(['inspect', bundle]);
    expect(inspectedHuman.stdout).toContain('发件法院：龙江县人民法院（J2301）');
    // Without a court's data folder only the bundle's self-consistency can be checked, and it says so.
    expect(inspectedHuman.stdout).toContain('签名：与包内自带的公钥相符');
    expect(inspectedHuman.stderr).toContain('只核对了同步包自身的一致性');

    // First contact: refused until a person confirms the fingerprint; nothing written meanwhile.
    const before = tableCounts(parent.dir);
    const untrusted = await cli(['import', '--data', parent.dir, bundle]);
    expect(untrusted.code).toBe(1);
    expect(untrusted.stderr).toContain('E_UNTRUSTED');
    const fingerprint = await fingerprintOf(basic.dir);
    expect(untrusted.stderr).toContain(`龙江县人民法院（J2301，基层人民法院）指纹：${fingerprint}`);
    expect(untrusted.stderr).toContain(`--trust "${fingerprint}"`);
    const untrustedJson = await cliJson(['import', '--data', parent.dir, bundle, '--json'], 1);
    expect(untrustedJson).toMatchObject({
      ok: false,
      code: 'E_UNTRUSTED',
      needsTrust: [{ code: 'J2301', fingerprint }],
    });
    expect(tableCounts(parent.dir)).toEqual(before);

    // A preview writes nothing either.
    const preview = await cliJson([
      'import',
      '--data',
      parent.dir,
      bundle,
      '--dry-run',
      '--trust',
      fingerprint,
      '--json',
    ]);
    expect(preview).toMatchObject({ dryRun: true, outcome: 'imported' });
    expect(preview.notOnRoster).toEqual([expect.objectContaining({ code: 'J2301' })]);
    expect(tableCounts(parent.dir)).toEqual(before);

    // Not on the parent's roster: refused until a person adds it (--add-to-roster).
    const notListed = await cli(['import', '--data', parent.dir, bundle, '--trust', fingerprint]);
    expect(notListed.code).toBe(1);
    expect(notListed.stderr).toContain('E_NOT_ON_ROSTER');
    expect(notListed.stderr).toContain('不在本院应报名单中');
    expect(tableCounts(parent.dir)).toEqual(before);
    const badCode = await cli(['import', '--data', parent.dir, bundle, '--add-to-roster', 'j 23']);
    expect(badCode.code).toBe(2);

    const imported = await cliJson([
      'import',
      '--data',
      parent.dir,
      bundle,
      '--trust',
      fingerprint,
      '--add-to-roster',
      'J2301',
      '--json',
    ]);
    expect(imported.addedToRoster).toEqual([expect.objectContaining({ code: 'J2301', addedBy: 'manual' })]);
    expect(imported).toMatchObject({
      dryRun: false,
      outcome: 'imported',
      bundle: { seq: 1, source: { code: 'J2301' } },
    });
    expect(imported.totals.added).toBe(preview.totals.added);

    const status = await cliJson(['status', '--data', parent.dir, '--json']);
    const basicStatus = await cliJson(['status', '--data', basic.dir, '--json']);
    const held = status.courts.find((c: { code: string }) => c.code === 'J2301');
    expect(held).toMatchObject({
      name: '龙江县人民法院',
      relation: 'subordinate',
      itemCount: basicStatus.courts[0].itemCount,
      rows: basicStatus.courts[0].rows,
      lastSeq: 1,
    });
    // The parent's own work is untouched: the subordinate's items are its copies, not "ours".
    expect(status.courts[0]).toMatchObject({ code: 'J23', relation: 'self', itemCount: 0 });
    for (const campaign of status.campaigns) expect(campaign.items).toBe(0);

    // Someone else's installation calls itself 龙江县人民法院: alone the bundle only looks
    // self-consistent; checked against what the parent trusts, its key is named as not the one.
    const impostor = await initCourt();
    const forged = path.join(work, 'forged.dtsync');
    expect((await cli(['export', '--data', impostor.dir, '--out', forged])).code).toBe(0);
    const forgedAlone = await cli(['inspect', forged]);
    expect(forgedAlone.code).toBe(0);
    expect(forgedAlone.stderr).toContain('只核对了同步包自身的一致性');
    const forgedAtParent = await cli(['inspect', forged, '--data', parent.dir]);
    expect(forgedAtParent.code).toBe(1);
    expect(forgedAtParent.stdout).toContain('签名：与本院信任的密钥不符');
    expect(forgedAtParent.stderr).toContain('E_KEY_MISMATCH');

    const again = await cli(['import', '--data', parent.dir, bundle]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('已导入过，没有任何变化');
    const againJson = await cliJson(['import', '--data', parent.dir, bundle, '--json']);
    expect(againJson.outcome).toBe('unchanged');

    const tampered = path.join(work, 'tampered.dtsync');
    await tamperEntry(bundle, tampered, 'rows/items.ndjson', (bytes) =>
      Buffer.from(bytes.toString('utf8').replace('"percent":', '"percent":1')),
    );
    const afterImport = tableCounts(parent.dir);
    const refused = await cli(['import', '--data', parent.dir, tampered]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('E_TAMPERED');
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    expect(tableCounts(parent.dir)).toEqual(afterImport);
    const refusedJson = await cliJson(['import', '--data', parent.dir, tampered, '--json'], 1);
    expect(refusedJson).toMatchObject({ ok: false, code: 'E_TAMPERED' });

    const notBundle = path.join(work, 'notes.txt');
    fs.writeFileSync(notBundle, '这不是同步包');
    const strange = await cli(['inspect', notBundle]);
    expect(strange.code).toBe(1);
    expect(strange.stderr).toContain('E_NOT_BUNDLE');
    const missing = await cli(['import', '--data', parent.dir, path.join(work, 'nowhere.dtsync')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('E_NOT_FOUND');
    const badTrust = await cli(['import', '--data', parent.dir, bundle, '--trust', '12345']);
    expect(badTrust.code).toBe(2);
    expect(badTrust.stderr).toContain('指纹应为 40 位数字');
  });

  it('package down: the parent publishes a campaign, the basic court imports it, and its next report up is encrypted', async () => {
    const work = freshFolder();
    fs.mkdirSync(work, { recursive: true });
    const parent = await initCourt(INTERMEDIATE);
    const basic = await initCourt();
    const campaign = await cliJson([
      'call',
      '--data',
      parent.dir,
      'campaigns.create',
      JSON.stringify({ title: '审判质效提升年', year: 2026 }),
    ]);
    await cliJson([
      'call',
      '--data',
      parent.dir,
      'items.create',
      JSON.stringify({
        campaignId: campaign.value.id,
        title: '结案均衡度达标',
        kind: 'mandatory',
        deadline: '2026-12-20',
      }),
    ]);

    const badId = await cli([
      'publish',
      '--data',
      parent.dir,
      '--campaign',
      'abc',
      '--out',
      path.join(work, 'x.dtsync'),
    ]);
    expect(badId.code).toBe(2);
    const pkg = path.join(work, 'down.dtsync');
    const published = await cli(['publish', '--data', parent.dir, '--campaign', campaign.value.id, '--out', pkg]);
    expect(published.code, published.stderr).toBe(0);
    expect(published.stdout).toMatch(/^已发布下发包：.+down\.dtsync（第 \d+ 号/);

    const parentFingerprint = await fingerprintOf(parent.dir);
    const imported = await cliJson(['import', '--data', basic.dir, pkg, '--trust', parentFingerprint, '--json']);
    expect(imported).toMatchObject({
      outcome: 'imported',
      bundle: { kind: 'package_down' },
      materialized: { added: 1 },
    });
    const status = await cliJson(['status', '--data', basic.dir, '--json']);
    expect(status.campaigns).toEqual([
      expect.objectContaining({ id: campaign.value.id, origin: 'J23', items: 1, done: 0 }),
    ]);
    expect(status.courts[1]).toMatchObject({ code: 'J23', relation: 'superior', itemCount: 1, lastSeq: 1 });
    expect(status.courts[1].lastImportedAt).toEqual(expect.any(String));

    // The parent's key travelled down: the report up is sealed for it.
    const up = path.join(work, 'up.dtsync');
    const exported = await cliJson(['export', '--data', basic.dir, '--out', up, '--json']);
    expect(exported).toMatchObject({ kind: 'report_up', encrypted: true, target: { code: 'J23' } });
    const outside = await cli(['inspect', up]);
    expect(outside.code, outside.stderr).toBe(0);
    expect(outside.stdout).toContain('发件法院：龙江县人民法院（J2301）');
    expect(outside.stdout).toContain('收件法院：齐齐哈尔市中级人民法院（J23）');
    expect(outside.stdout).toContain('已加密');
    const inside = await cliJson(['inspect', up, '--data', parent.dir, '--json']);
    expect(inside).toMatchObject({
      encrypted: true,
      signatureValid: true,
      summary: { kind: 'report_up', source: { code: 'J2301' } },
    });
    const elsewhere = await cliJson(['inspect', up, '--data', basic.dir, '--json']);
    expect(elsewhere).toMatchObject({ encrypted: true, summary: null, signatureValid: null });
  });
});

describe('command line: relay', () => {
  it('an intermediate court forwards its basic court’s bundle, and the high court’s status lists every court it holds', async () => {
    const work = freshFolder();
    fs.mkdirSync(work, { recursive: true });
    const high = await initCourt(['--code', 'HLJ', '--name', '黑龙江省高级人民法院', '--level', 'high']);
    const middle = await initCourt(INTERMEDIATE);
    const basic = await initCourt();
    const campaign = await cliJson([
      'call',
      '--data',
      basic.dir,
      'campaigns.create',
      JSON.stringify({ title: '执行攻坚', year: 2026 }),
    ]);
    for (const title of ['清理积案', '终本案件核查', '执行款发放']) {
      await cliJson([
        'call',
        '--data',
        basic.dir,
        'items.create',
        JSON.stringify({ campaignId: campaign.value.id, title }),
      ]);
    }

    const up = path.join(work, 'basic-1.dtsync');
    await cliJson(['export', '--data', basic.dir, '--out', up, '--json']);
    await cliJson([
      'import',
      '--data',
      middle.dir,
      up,
      '--trust',
      await fingerprintOf(basic.dir),
      '--add-to-roster',
      'J2301',
      '--json',
    ]);
    const relay = path.join(work, 'middle-1.dtsync');
    const relayed = await cliJson(['export', '--data', middle.dir, '--out', relay, '--json']);
    expect(relayed.nested).toBe(1);
    const inspected = await cli(['inspect', relay]);
    expect(inspected.stdout).toContain('转报下级法院同步包 1 个：');
    expect(inspected.stdout).toContain('龙江县人民法院（J2301）第 1 号');

    // Only the intermediate court's fingerprint is compared; it vouches for its basic court.
    const imported = await cliJson([
      'import',
      '--data',
      high.dir,
      relay,
      '--trust',
      await fingerprintOf(middle.dir),
      '--add-to-roster',
      'J23',
      '--json',
    ]);
    expect(imported.outcome).toBe('imported');
    const status = await cliJson(['status', '--data', high.dir, '--json']);
    expect(
      status.courts.map((c: { code: string; relation: string; itemCount: number; lastSeq: number }) => [
        c.code,
        c.relation,
        c.itemCount,
        c.lastSeq,
      ]),
    ).toEqual([
      ['HLJ', 'self', 0, 0],
      ['J23', 'subordinate', 0, 1],
      ['J2301', 'relayed', 3, 1],
    ]);
    expect(status.campaigns).toEqual([
      expect.objectContaining({
        id: campaign.value.id,
        origin: 'J2301',
        items: 0,
        byCourt: [{ code: 'J2301', items: 3, done: 0, signedOff: 0, overdue: 0 }],
      }),
    ]);
    const human = await cli(['status', '--data', high.dir]);
    expect(human.stdout).toContain('本库所存数据的法院（3 家）：');
    expect(human.stdout).toContain('龙江县人民法院（J2301）：事项 3，共 5 行，最近收到：第 1 号');
  });
});

describe('command line: an import killed midway', () => {
  it('leaves the database consistent and unchanged, and the import completes on a second run', async () => {
    const work = freshFolder();
    fs.mkdirSync(work, { recursive: true });
    // A large court built through the API: thousands of items, each with progress notes.
    const basicDir = path.join(work, 'basic');
    const h = await openHarness({ dataDir: basicDir });
    try {
      await setUpBasicCourt(h);
      const campaign = await h.ok('campaigns.create', { title: '能力作风建设年', year: 2026 });
      for (let i = 0; i < 4000; i += 1) {
        const item = await h.ok('items.create', {
          campaignId: campaign.id,
          title: `第 ${i + 1} 项工作任务`,
          content: '按照实施方案逐项落实，按月报告进展。'.repeat(4),
          deadline: '2026-12-31',
        });
        await h.ok('progress.add', {
          itemId: item.id,
          noteDate: '2026-10-31',
          text: `十月进展：第 ${i + 1} 项已完成阶段任务。`,
        });
        await h.ok('progress.add', {
          itemId: item.id,
          noteDate: '2026-11-20',
          text: `十一月进展：第 ${i + 1} 项正在推进。`,
          percent: 60,
        });
      }
    } finally {
      await h.close();
    }
    const bundle = path.join(work, 'big.dtsync');
    const exported = await cliJson(['export', '--data', basicDir, '--out', bundle, '--json']);
    expect(exported.rows).toBeGreaterThan(12000);
    const fingerprint = await fingerprintOf(basicDir);

    /** Starts the import and sends `signal` as soon as it reports writing rows inside its transaction. */
    const interruptedImport = (dataDir: string, signal: NodeJS.Signals) =>
      new Promise<CliRun & { sawWriting: boolean }>((resolve, reject) => {
        const child = spawn(
          process.execPath,
          [...CLI_ARGS, 'import', '--data', dataDir, bundle, '--trust', fingerprint, '--add-to-roster', 'J2301'],
          { cwd: ROOT },
        );
        let stdout = '';
        let stderr = '';
        let sawWriting = false;
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
          stderr += chunk;
          if (!sawWriting && /正在导入数据（\d+ \/ \d+ 行）/.test(stderr)) {
            sawWriting = true;
            child.kill(signal);
          }
        });
        child.on('error', reject);
        child.on('close', (code, closeSignal) => resolve({ code, signal: closeSignal, stdout, stderr, sawWriting }));
      });

    const assertConsistent = (dataDir: string) => {
      const db = new BetterSqlite3(path.join(dataDir, 'court.sqlite3'));
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.pragma('foreign_key_check')).toEqual([]);
      } finally {
        db.close();
      }
    };

    /**
     * Interrupts an import into a fresh parent court while it is writing. The signal races the
     * last few hundred milliseconds of the import: on a very busy machine it may land after the
     * commit, which leaves a whole import (also consistent); then the attempt is repeated.
     */
    const interruptMidway = async (signal: NodeJS.Signals) => {
      for (let attempt = 1; attempt <= 3; attempt += 1) {
        const parent = await initCourt(INTERMEDIATE);
        const before = tableCounts(parent.dir);
        const run = await interruptedImport(parent.dir, signal);
        expect(run.sawWriting, run.stderr).toBe(true);
        assertConsistent(parent.dir);
        const after = tableCounts(parent.dir);
        if (JSON.stringify(after) === JSON.stringify(before)) return { parent, before, run };
        expect(after.items - before.items, '既没有撤销也没有完整导入').toBe(4000);
        expect(after.progress_notes - before.progress_notes).toBe(8000);
      }
      throw new Error(`三次都没能在导入中途${signal === 'SIGKILL' ? '结束' : '中断'}进程`);
    };

    // Killed without warning in the middle of writing: nothing half-written.
    const killed = await interruptMidway('SIGKILL');
    expect(killed.run.signal).toBe('SIGKILL');
    expect(killed.run.stdout).toBe('');

    // Ctrl+C asks the import to stop at its next safe point: refused as cancelled, nothing written.
    const interrupted = await interruptMidway('SIGINT');
    expect(interrupted.run.code, interrupted.run.stderr).toBe(1);
    expect(interrupted.run.stderr).toContain('正在安全停止');
    expect(interrupted.run.stderr).toContain('E_CANCELLED');

    // The killed court's import completes on a second run.
    const second = await cliJson([
      'import',
      '--data',
      killed.parent.dir,
      bundle,
      '--trust',
      fingerprint,
      '--add-to-roster',
      'J2301',
      '--json',
    ]);
    expect(second).toMatchObject({ outcome: 'imported', bundle: { seq: 1 } });
    expect(second.totals.added).toBe(exported.rows);
    const status = await cliJson(['status', '--data', killed.parent.dir, '--json']);
    expect(status.courts.find((c: { code: string }) => c.code === 'J2301')).toMatchObject({
      itemCount: 4000,
      lastSeq: 1,
    });
    assertConsistent(killed.parent.dir);
  }, 240_000);
});
