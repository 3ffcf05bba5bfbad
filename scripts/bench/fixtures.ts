// Bench fixtures: large court databases written fast with raw better-sqlite3 prepared statements
// in one transaction, matching migrations/0001_foundation.sql. Fixtures are not the code under
// test, so they skip the ChangeWriter and the audit log; the court profile itself is set up
// through the real API so the database is one the app accepts as its own.
import crypto from 'node:crypto';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { createServices } from '../../src/main/app/services';
import { dispatch } from '../../src/main/api/dispatch';
import { DATABASE_FILE } from '../../src/main/data/database';
import { DEPARTMENTS, LEADERS } from './provinceShape';

export const BENCH_COURT = {
  name: '龙江县人民法院',
  code: 'J2301',
  level: 'basic' as const,
  parentCode: 'J23',
  parentName: '齐齐哈尔市中级人民法院',
  operatorName: '性能测试员',
};

/** The bench court's administrator, created with the profile. */
export const BENCH_ADMIN = { username: 'bench', password: 'Bench2026x' };

const OWNERS = [
  '郑雪',
  '冯志刚',
  '何静',
  '马骏',
  '高红',
  '林涛',
  '罗斌',
  '曹敏',
  '宋佳',
  '许文',
  '邓宇',
  '韩冰',
  '唐勇',
  '谢磊',
];
const VERBS = ['制定', '落实', '完善', '推进', '开展', '建立', '梳理', '督办', '评查', '整改'];
const TOPICS = [
  '长期未结案件清理方案',
  '当场立案率提升措施',
  '廉政风险点防控',
  '执行案件财产查控',
  '诉前调解分流机制',
  '审判质效月度分析',
  '信访积案化解台账',
  '裁判文书质量评查',
  '干警学习培训计划',
  '窗口服务规范',
  '繁简分流速裁团队',
  '督导组反馈问题',
];
const STATUSES = [
  'signed_off',
  'signed_off',
  'signed_off',
  'completed',
  'completed',
  'in_progress',
  'in_progress',
  'in_progress',
  'in_progress',
  'not_started',
  'not_started',
  'returned',
] as const;
const FREQUENCIES = ['once', 'once', 'once', 'once', 'monthly', 'quarterly'] as const;

const DAY_MS = 86_400_000;
const shift = (today: string, days: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** Creates the data folder with the court profile, through the real API. */
export async function setupCourt(dataDir: string): Promise<void> {
  const services = createServices({ dataDir });
  const result = await dispatch(services.ctx, 'court.setup', { profile: BENCH_COURT, admin: BENCH_ADMIN });
  await services.close();
  if (!result.ok) throw new Error(`court.setup: ${result.message}`);
}

export interface FixtureSpec {
  campaigns: number;
  itemsPerCampaign: number;
  /** Sections per campaign: top-level sections each with this many children. */
  topSections: number;
  childSections: number;
  /** One progress note for every this many items (0 for none). */
  noteEvery: number;
  today: string;
  titlePrefix: string;
}

/** Writes departments, campaigns, sections, items and notes in one transaction. */
export function writeFixture(dataDir: string, spec: FixtureSpec): { items: number; campaignIds: string[] } {
  const db = new BetterSqlite3(path.join(dataDir, DATABASE_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  const origin = BENCH_COURT.code;
  const now = `${spec.today}T09:00:00+08:00`;
  let seq = (db.prepare('SELECT value FROM change_counter WHERE id = 1').get() as { value: number }).value;
  const owned = () => [crypto.randomUUID(), origin, (seq += 1), now, now] as const;

  const insertDepartment = db.prepare(
    'INSERT INTO departments (id, origin, change_seq, created_at, updated_at, name, sort_order) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertCampaign = db.prepare(
    `INSERT INTO campaigns (id, origin, change_seq, created_at, updated_at, title, issuing_court_code, issuing_court_name, year, start_date, end_date, description, status, yellow_days)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', 7)`,
  );
  const insertSection = db.prepare(
    'INSERT INTO sections (id, origin, change_seq, created_at, updated_at, campaign_id, parent_id, title, sort_order) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertItem = db.prepare(
    `INSERT INTO items (id, origin, change_seq, created_at, updated_at, campaign_id, section_id, sort_order, title, content, kind, lead_leader, department_id, owner, deadline, frequency, status, percent, completed_at, completed_late)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertNote = db.prepare(
    'INSERT INTO progress_notes (id, origin, change_seq, created_at, updated_at, item_id, note_date, author, text, percent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );

  const campaignIds: string[] = [];
  let items = 0;
  db.transaction(() => {
    const existing = db
      .prepare('SELECT id FROM departments WHERE deleted_at IS NULL ORDER BY sort_order')
      .all() as Array<{ id: string }>;
    const departmentIds = existing.map((d) => d.id);
    if (departmentIds.length === 0) {
      DEPARTMENTS.forEach((name, index) => {
        const row = owned();
        insertDepartment.run(...row, name, index + 1);
        departmentIds.push(row[0]);
      });
    }
    for (let c = 0; c < spec.campaigns; c += 1) {
      const campaign = owned();
      campaignIds.push(campaign[0]);
      const title = spec.campaigns === 1 ? spec.titlePrefix : `${spec.titlePrefix}${String(c + 1).padStart(2, '0')}`;
      insertCampaign.run(
        ...campaign,
        title,
        'J00',
        '黑龙江省高级人民法院',
        Number(spec.today.slice(0, 4)),
        shift(spec.today, -240),
        shift(spec.today, 60),
        '性能测试用的专项活动。',
      );
      const leafSections: string[] = [];
      for (let t = 0; t < spec.topSections; t += 1) {
        const top = owned();
        insertSection.run(...top, campaign[0], null, `${VERBS[t % VERBS.length]}工作（第${t + 1}部分）`, t + 1);
        for (let s = 0; s < spec.childSections; s += 1) {
          const child = owned();
          insertSection.run(...child, campaign[0], top[0], `${TOPICS[(t + s) % TOPICS.length]}（${s + 1}）`, s + 1);
          leafSections.push(child[0]);
        }
        if (spec.childSections === 0) leafSections.push(top[0]);
      }
      for (let i = 0; i < spec.itemsPerCampaign; i += 1) {
        const n = c * spec.itemsPerCampaign + i;
        const status = STATUSES[n % STATUSES.length];
        const deadline = shift(spec.today, ((n * 37) % 200) - 120);
        const done = status === 'signed_off' || status === 'completed';
        const completedDay = done ? shift(deadline, (n % 7) - 4) : null;
        const item = owned();
        insertItem.run(
          ...item,
          campaign[0],
          leafSections[Math.floor((i * leafSections.length) / spec.itemsPerCampaign)],
          (i + 1) * 1024,
          `${VERBS[n % VERBS.length]}${TOPICS[(n >> 1) % TOPICS.length]}（第${i + 1}项）`,
          `由${DEPARTMENTS[n % DEPARTMENTS.length]}牵头，按季度报送进展和佐证材料，逐项对账销号。`,
          n % 3 === 0 ? 'own' : 'mandatory',
          LEADERS[n % LEADERS.length],
          departmentIds[n % departmentIds.length],
          OWNERS[n % OWNERS.length],
          deadline,
          FREQUENCIES[n % FREQUENCIES.length],
          status,
          done || status === 'returned' ? 100 : status === 'in_progress' ? 10 + (n % 9) * 10 : 0,
          completedDay && completedDay < spec.today ? `${completedDay}T17:00:00+08:00` : done ? now : null,
          done && completedDay! > deadline ? 1 : 0,
        );
        items += 1;
        if (spec.noteEvery > 0 && i % spec.noteEvery === 0 && status !== 'not_started') {
          insertNote.run(
            ...owned(),
            item[0],
            shift(spec.today, -1 - (n % 60)),
            OWNERS[n % OWNERS.length],
            '已召开部门会议研究部署，明确专人负责，正在按计划推进。',
            status === 'in_progress' ? 50 : 100,
          );
        }
      }
    }
    db.prepare('UPDATE change_counter SET value = ? WHERE id = 1').run(seq);
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { items, campaignIds };
}
