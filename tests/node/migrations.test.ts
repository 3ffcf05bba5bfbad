import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import {
  APPLICATION_ID,
  DATABASE_FILE,
  DatabaseOpenError,
  loadMigrations,
  openDatabase,
  type OpenedDatabase,
} from '../../src/main/data/database';
import { createServices } from '../../src/main/app/services';
import { openHarness, tempDir } from './harness';

const migrations = loadMigrations();
const opened: OpenedDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.close();
});

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const filesIn = (dir: string) => fs.readdirSync(dir).sort();

describe('migrations', () => {
  it('are numbered 0001, 0002, … without gaps and named in lower case', () => {
    const files = fs.readdirSync(path.resolve('migrations')).filter((f) => f.endsWith('.sql'));
    expect(files.length).toBe(migrations.length);
    migrations.forEach((m, i) => expect(m.version).toBe(i + 1));
  });

  it('build an empty database up to the latest version with WAL and foreign keys on', () => {
    const file = path.join(tempDir(), DATABASE_FILE);
    const db = openDatabase(file);
    opened.push(db);
    expect(db.sqlite.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.sqlite.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    const recorded = db.sqlite.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    expect(recorded).toEqual(migrations.map((m) => ({ version: m.version, name: m.name })));
    const tables = db.sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
      .all()
      .map((r) => (r as { name: string }).name);
    for (const table of [
      'courts',
      'campaigns',
      'sections',
      'items',
      'progress_notes',
      'evidence',
      'signoffs',
      'audit_log',
    ]) {
      expect(tables).toContain(table);
    }
  });

  // One case per earlier version: a database left at version k (with data in it) opens under the
  // current app, gains every later migration, and keeps its rows.
  for (let k = 0; k < migrations.length; k += 1) {
    it(`upgrade a database from version ${k} to ${migrations.length}, keeping its data`, () => {
      const file = path.join(tempDir(), DATABASE_FILE);
      const old = openDatabase(file, { migrations: migrations.slice(0, k) });
      if (k >= 1) {
        old.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('probe', 'kept')").run();
      }
      old.sqlite.close();
      const db = openDatabase(file);
      opened.push(db);
      expect(db.sqlite.pragma('user_version', { simple: true })).toBe(migrations.length);
      if (k >= 1)
        expect(db.sqlite.prepare("SELECT value FROM settings WHERE key = 'probe'").get()).toEqual({ value: 'kept' });
      expect((db.sqlite.prepare('SELECT count(*) AS n FROM schema_migrations').get() as { n: number }).n).toBe(
        migrations.length,
      );
    });
  }

  it('0002 keeps a version-1 court working: defaults for new columns, and the first account is created on first open', async () => {
    // A court as version 1 left it: profile, a department, a campaign with a completed item.
    const dir = tempDir();
    const file = path.join(dir, DATABASE_FILE);
    const v1 = openDatabase(file, { migrations: migrations.slice(0, 1) });
    const now = '2026-10-01T09:00:00+08:00';
    const owned = (id: string, seq: number) => ({
      id,
      origin: 'J2301',
      change_seq: seq,
      created_at: now,
      updated_at: now,
    });
    const insert = (table: string, row: Record<string, unknown>) =>
      v1.sqlite
        .prepare(
          `INSERT INTO ${table} (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row)
            .map(() => '?')
            .join(', ')})`,
        )
        .run(...Object.values(row));
    insert('courts', {
      ...owned('0190f0e4-0000-7000-8000-000000000001', 1),
      code: 'J2301',
      name: '龙江县人民法院',
      level: 'basic',
      parent_code: 'J23',
      parent_name: '齐齐哈尔市中级人民法院',
    });
    insert('settings', { key: 'local_court_code', value: 'J2301' });
    insert('settings', { key: 'operator_name', value: '王书记员' });
    insert('departments', { ...owned('0190f0e4-0000-7000-8000-000000000002', 2), name: '立案庭', sort_order: 1 });
    insert('campaigns', {
      ...owned('0190f0e4-0000-7000-8000-000000000003', 3),
      title: '能力作风建设年',
      issuing_court_code: 'J2301',
      year: 2026,
      yellow_days: 5,
    });
    insert('items', {
      ...owned('0190f0e4-0000-7000-8000-000000000004', 4),
      campaign_id: '0190f0e4-0000-7000-8000-000000000003',
      sort_order: 1024,
      title: '落实当场立案制度',
      department_id: '0190f0e4-0000-7000-8000-000000000002',
      status: 'completed',
      deadline: '2026-09-30',
    });
    v1.sqlite.close();

    const h = await openHarness({ dataDir: dir });
    try {
      expect(h.services.ctx.sqlite.pragma('user_version', { simple: true })).toBe(migrations.length);
      const status = await h.ok('auth.status');
      expect(status).toEqual({ hasProfile: true, hasUsers: false, user: null });
      expect((await h.call('campaigns.list')).ok).toBe(false);
      await h.ok('auth.bootstrap', { username: 'admin', displayName: '王书记员', password: 'Admin2026' });
      const [campaign] = await h.ok('campaigns.list');
      expect(campaign).toMatchObject({
        yellowDays: 5,
        escalateGreen: 'owner',
        escalateYellow: 'department_head',
        escalateRed: 'lead_leader',
        lookbackMonths: 6,
      });
      expect((await h.ok('departments.list'))[0]).toMatchObject({ name: '立案庭', headName: '' });
      const [item] = await h.ok('items.list', { campaignId: campaign.id });
      expect(item).toMatchObject({ status: 'completed', departmentName: '立案庭', wasRed: false });
      // Completed before accounts existed: nobody is recorded as its doer, so the admin may sign it off.
      const detail = await h.ok('items.get', { id: item.id });
      expect(detail.completedBy).toBeNull();
      expect((await h.ok('items.signOff', { id: item.id, version: item.version })).status).toBe('signed_off');
      expect((await h.ok('audit.verify')).ok).toBe(true);
    } finally {
      await h.close();
    }
  });

  it('0003 lets a version-2 court sync: its rows are its own, keys appear on first use, the first bundle carries everything', async () => {
    const dir = tempDir();
    const file = path.join(dir, DATABASE_FILE);
    const v2 = openDatabase(file, { migrations: migrations.slice(0, 2) });
    const now = '2026-10-01T09:00:00+08:00';
    const owned = (id: string, seq: number) => ({
      id,
      origin: 'J2301',
      change_seq: seq,
      created_at: now,
      updated_at: now,
    });
    const insert = (table: string, row: Record<string, unknown>) =>
      v2.sqlite
        .prepare(
          `INSERT INTO ${table} (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row)
            .map(() => '?')
            .join(', ')})`,
        )
        .run(...Object.values(row));
    insert('courts', {
      ...owned('0190f0e4-0000-7000-8000-000000000001', 1),
      code: 'J2301',
      name: '龙江县人民法院',
      level: 'basic',
      parent_code: 'J23',
      parent_name: '齐齐哈尔市中级人民法院',
    });
    insert('settings', { key: 'local_court_code', value: 'J2301' });
    insert('campaigns', {
      ...owned('0190f0e4-0000-7000-8000-000000000003', 2),
      title: '能力作风建设年',
      issuing_court_code: 'J2301',
      year: 2026,
    });
    insert('items', {
      ...owned('0190f0e4-0000-7000-8000-000000000004', 3),
      campaign_id: '0190f0e4-0000-7000-8000-000000000003',
      sort_order: 1024,
      title: '落实当场立案制度',
      kind: 'mandatory',
    });
    v2.sqlite.prepare('UPDATE change_counter SET value = 3').run();
    v2.sqlite.close();

    const h = await openHarness({ dataDir: dir });
    try {
      const sqlite = h.services.ctx.sqlite;
      expect(sqlite.pragma('user_version', { simple: true })).toBe(migrations.length);
      expect(sqlite.prepare('SELECT source_item_id, source_version FROM items').get()).toEqual({
        source_item_id: null,
        source_version: null,
      });
      expect(sqlite.prepare("SELECT count(*) AS n FROM settings WHERE key = 'sync_keys'").get()).toEqual({ n: 0 });
      await h.ok('auth.bootstrap', { username: 'admin', displayName: '王书记员', password: 'Admin2026' });
      const overview = await h.ok('sync.overview');
      expect(overview.fingerprint).toMatch(/^\d{5}( \d{5}){7}$/);
      expect(overview).toMatchObject({ nextSeq: 1, pendingChanges: 3 });
      // A mandatory item written by hand before sync existed is this court's own, and editable.
      const [item] = await h.ok('items.list', { campaignId: '0190f0e4-0000-7000-8000-000000000003' });
      expect(item).toMatchObject({ title: '落实当场立案制度', sourceItemId: null });
      expect((await h.ok('audit.verify')).ok).toBe(true);
    } finally {
      await h.close();
    }
  });

  it('0007 keeps a received package down under the broadcast target, so relaying it still finds it', () => {
    const file = path.join(tempDir(), DATABASE_FILE);
    const version = migrations.findIndex((m) => m.name === 'province');
    expect(version).toBeGreaterThan(0);
    const old = openDatabase(file, { migrations: migrations.slice(0, version) });
    const insert = old.sqlite.prepare(
      `INSERT INTO sync_received (id, source_code, target_code, kind, seq, full, campaign_id, sha256, size, file_path, relayed_by, received_at)
       VALUES (?, 'J23', ?, ?, ?, 1, NULL, ?, 10, 'sync/received/x.zip', NULL, '2026-11-01T08:00:00+08:00')`,
    );
    // Before 0007 a package down was kept under the receiving court's own code; a report up under it too.
    insert.run('a', 'J2302', 'package_down', 3, 'a'.repeat(64));
    insert.run('b', 'J2302', 'report_up', 4, 'b'.repeat(64));
    old.sqlite.close();
    const db = openDatabase(file);
    opened.push(db);
    expect(db.sqlite.prepare('SELECT id, target_code AS target FROM sync_received ORDER BY id').all()).toEqual([
      { id: 'a', target: '*' },
      { id: 'b', target: 'J2302' },
    ]);
  });

  it('refuse a database written by a newer app version, touching nothing', () => {
    const dir = tempDir();
    const file = path.join(dir, DATABASE_FILE);
    const db = openDatabase(file);
    db.sqlite.pragma(`user_version = ${migrations.length + 1}`);
    db.sqlite.pragma('journal_mode = DELETE');
    db.sqlite.close();
    const before = sha(file);
    const listing = filesIn(dir);
    let caught: unknown;
    try {
      openDatabase(file);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DatabaseOpenError);
    expect((caught as DatabaseOpenError).code).toBe('E_DB_TOO_NEW');
    expect((caught as Error).message).toMatch(/更新版本.*没有做任何改动/);
    expect(sha(file)).toBe(before);
    expect(filesIn(dir)).toEqual(listing);
  });

  it('refuse a SQLite file that is not ours, touching nothing', () => {
    const dir = tempDir();
    const file = path.join(dir, DATABASE_FILE);
    const foreign = new BetterSqlite3(file);
    foreign.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)');
    foreign.close();
    const before = sha(file);
    expect(() => openDatabase(file)).toThrow(/不是督导台的数据库/);
    expect(sha(file)).toBe(before);
  });

  it('roll back a migration that fails, leaving the database at the previous version', () => {
    const file = path.join(tempDir(), DATABASE_FILE);
    const broken = [
      ...migrations,
      {
        version: migrations.length + 1,
        name: 'broken',
        sql: 'CREATE TABLE half_done (id INTEGER); SELECT * FROM no_such_table;',
      },
    ];
    let caught: unknown;
    try {
      openDatabase(file, { migrations: broken });
    } catch (error) {
      caught = error;
    }
    expect((caught as DatabaseOpenError).code).toBe('E_DB_MIGRATION');
    expect((caught as Error).message).toContain('数据库保持原状');
    const check = new BetterSqlite3(file);
    expect(check.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(check.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half_done'").get()).toEqual({ n: 0 });
    check.close();
  });

  it('services refuse to start on a newer database with the same Chinese message', () => {
    const dir = tempDir();
    const db = openDatabase(path.join(dir, DATABASE_FILE));
    db.sqlite.pragma(`user_version = ${migrations.length + 5}`);
    db.sqlite.close();
    expect(() => createServices({ dataDir: dir })).toThrow(/只支持到第 \d+ 版/);
  });
});
