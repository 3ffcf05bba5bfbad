// Fast fill of one bench court's own work with plain better-sqlite3 in one transaction: its
// departments, the execution of its copies of the mandatory items, its own items up to 300 per
// campaign and a progress note for every month of the year on every item. This is setup, not
// what is measured, so it skips the ChangeWriter and the audit log; but every row is one the app
// would write: origin = this court, uuid v7 ids, change_seq taken from the court's counter.
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { DATABASE_FILE } from '../../src/main/data/database';
import { CAMPAIGN_YEAR, DEPARTMENTS, ITEMS_PER_CAMPAIGN, LEADERS, NOTE_MONTHS } from './provinceShape';

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
const NOTE_TEXTS = [
  '已召开党组会议专题研究部署，明确牵头领导和责任部门，制定工作台账。',
  '按月调度推进情况，梳理存在问题 3 项，已逐项明确整改措施和完成时限。',
  '组织开展专项评查，抽查案件 40 件，发现问题已反馈承办部门限期整改。',
  '完成阶段性目标，相关佐证材料已归档，下一步将结合督导组意见持续推进。',
];
const STATUSES = [
  'signed_off',
  'completed',
  'in_progress',
  'in_progress',
  'in_progress',
  'not_started',
  'returned',
] as const;
const FREQUENCIES = ['once', 'once', 'once', 'monthly', 'quarterly'] as const;

const stamp = (date: string) => `${date}T09:30:00+08:00`;
const monthDay = (month: number, day: number) =>
  `${CAMPAIGN_YEAR}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

export interface FillResult {
  departments: number;
  copiesUpdated: number;
  itemsAdded: number;
  notes: number;
  /** Rows of this court's own the bundle of a full snapshot will carry. */
  ownRows: number;
}

/** Fills the court in dataDir (set up, packages already imported, no connection open). */
export function fillCourt(dataDir: string, origin: string): FillResult {
  const db = new BetterSqlite3(path.join(dataDir, DATABASE_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  let seq = (db.prepare('SELECT value FROM change_counter WHERE id = 1').get() as { value: number }).value;
  const nextSeq = () => (seq += 1);
  const result: FillResult = { departments: 0, copiesUpdated: 0, itemsAdded: 0, notes: 0, ownRows: 0 };

  const insertDepartment = db.prepare(
    'INSERT INTO departments (id, origin, change_seq, created_at, updated_at, name, sort_order) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const updateCopy = db.prepare(
    `UPDATE items SET version = version + 1, change_seq = ?, updated_at = ?, lead_leader = ?, department_id = ?, owner = ?, status = ?, percent = ?, completed_at = ?
      WHERE id = ?`,
  );
  const insertItem = db.prepare(
    `INSERT INTO items (id, origin, change_seq, created_at, updated_at, campaign_id, section_id, sort_order, title, content, kind,
                        lead_leader, department_id, owner, deadline, frequency, status, percent, completed_at, completed_late)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'own', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertNote = db.prepare(
    'INSERT INTO progress_notes (id, origin, change_seq, created_at, updated_at, item_id, note_date, author, text, percent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );

  db.transaction(() => {
    const departmentIds = (
      db
        .prepare('SELECT id FROM departments WHERE origin = ? AND deleted_at IS NULL ORDER BY sort_order')
        .all(origin) as { id: string }[]
    ).map((d) => d.id);
    if (departmentIds.length === 0) {
      DEPARTMENTS.forEach((name, index) => {
        const id = uuidv7();
        insertDepartment.run(id, origin, nextSeq(), stamp(monthDay(1, 5)), stamp(monthDay(1, 5)), name, index + 1);
        departmentIds.push(id);
        result.departments += 1;
      });
    }
    const campaigns = db.prepare('SELECT id FROM campaigns WHERE deleted_at IS NULL ORDER BY created_at, id').all() as {
      id: string;
    }[];
    const execution = (n: number) => {
      const status = STATUSES[n % STATUSES.length];
      const done = status === 'signed_off' || status === 'completed';
      return {
        status,
        percent: done || status === 'returned' ? 100 : status === 'in_progress' ? 20 + (n % 7) * 10 : 0,
        completedAt: done ? stamp(monthDay(1 + (n % 11), 20)) : null,
        leader: LEADERS[n % LEADERS.length],
        department: departmentIds[n % departmentIds.length],
        owner: OWNERS[n % OWNERS.length],
      };
    };
    let n = 0;
    for (const campaign of campaigns) {
      const leaves = (
        db
          .prepare(
            'SELECT id FROM sections s WHERE campaign_id = ? AND deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM sections c WHERE c.parent_id = s.id) ORDER BY sort_order, id',
          )
          .all(campaign.id) as { id: string }[]
      ).map((s) => s.id);
      // The copies of the issuer's mandatory items: this court's execution on them.
      // (At the high court its own mandatory definitions count towards the 300 but are left as published.)
      const copies = db
        .prepare(
          'SELECT id FROM items WHERE origin = ? AND campaign_id = ? AND source_item_id IS NOT NULL AND deleted_at IS NULL ORDER BY sort_order',
        )
        .all(origin, campaign.id) as { id: string }[];
      const held = (
        db
          .prepare('SELECT count(*) AS n FROM items WHERE origin = ? AND campaign_id = ? AND deleted_at IS NULL')
          .get(origin, campaign.id) as { n: number }
      ).n;
      const itemIds: string[] = [];
      for (const copy of copies) {
        const e = execution((n += 1));
        updateCopy.run(
          nextSeq(),
          stamp(monthDay(2, 1)),
          e.leader,
          e.department,
          e.owner,
          e.status,
          e.percent,
          e.completedAt,
          copy.id,
        );
        itemIds.push(copy.id);
        result.copiesUpdated += 1;
      }
      for (let i = held; i < ITEMS_PER_CAMPAIGN; i += 1) {
        const e = execution((n += 1));
        const id = uuidv7();
        const deadline = monthDay(1 + (n % 12), 1 + (n % 28));
        insertItem.run(
          id,
          origin,
          nextSeq(),
          stamp(monthDay(1, 10)),
          stamp(monthDay(1, 10)),
          campaign.id,
          leaves.length ? leaves[i % leaves.length] : null,
          100_000 + i * 1024,
          `${VERBS[n % VERBS.length]}${TOPICS[(n >> 1) % TOPICS.length]}（自选第${i + 1}项）`,
          `由${DEPARTMENTS[n % DEPARTMENTS.length]}牵头，按月报送进展和佐证材料，逐项对账销号。`,
          e.leader,
          e.department,
          e.owner,
          deadline,
          FREQUENCIES[n % FREQUENCIES.length],
          e.status,
          e.percent,
          e.completedAt,
          e.completedAt !== null && e.completedAt.slice(0, 10) > deadline ? 1 : 0,
        );
        itemIds.push(id);
        result.itemsAdded += 1;
      }
      for (const [index, itemId] of itemIds.entries()) {
        for (let month = 1; month <= NOTE_MONTHS; month += 1) {
          const date = monthDay(month, 25);
          insertNote.run(
            uuidv7(),
            origin,
            nextSeq(),
            stamp(date),
            stamp(date),
            itemId,
            date,
            OWNERS[(index + month) % OWNERS.length],
            `${month}月：${NOTE_TEXTS[(index + month) % NOTE_TEXTS.length]}`,
            Math.min(100, Math.round((month * 100) / NOTE_MONTHS)),
          );
          result.notes += 1;
        }
      }
    }
    db.prepare('UPDATE change_counter SET value = ? WHERE id = 1').run(seq);
  })();
  const counted = db
    .prepare(
      'SELECT (SELECT count(*) FROM courts WHERE origin = @o) + (SELECT count(*) FROM departments WHERE origin = @o) + (SELECT count(*) FROM items WHERE origin = @o) + (SELECT count(*) FROM progress_notes WHERE origin = @o) AS n',
    )
    .get({ o: origin }) as { n: number };
  result.ownRows = counted.n;
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return result;
}

export interface YearFill {
  code: string;
  /** The court's change counter before this year's rows: the raw baseline reads the rows after it. */
  fromSeq: number;
  notes: number;
}

/**
 * Another year of the court's own work (the "years of relays" scale row): a progress note for
 * every month on every item it holds. Dates stay in the bench's year (a later year would be in
 * the bench clock's future); the day of the month tells the rounds apart.
 */
export function fillYear(dataDir: string, origin: string, round: number): YearFill {
  const db = new BetterSqlite3(path.join(dataDir, DATABASE_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  const fromSeq = (db.prepare('SELECT value FROM change_counter WHERE id = 1').get() as { value: number }).value;
  let seq = fromSeq;
  let notes = 0;
  const insertNote = db.prepare(
    'INSERT INTO progress_notes (id, origin, change_seq, created_at, updated_at, item_id, note_date, author, text, percent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    const itemIds = (
      db
        .prepare('SELECT id FROM items WHERE origin = ? AND deleted_at IS NULL ORDER BY campaign_id, sort_order, id')
        .all(origin) as { id: string }[]
    ).map((item) => item.id);
    for (const [index, itemId] of itemIds.entries()) {
      for (let month = 1; month <= NOTE_MONTHS; month += 1) {
        const date = monthDay(month, Math.max(1, 25 - round));
        insertNote.run(
          uuidv7(),
          origin,
          (seq += 1),
          stamp(date),
          stamp(date),
          itemId,
          date,
          OWNERS[(index + month + round) % OWNERS.length],
          `第${round}年${month}月：${NOTE_TEXTS[(index + month + round) % NOTE_TEXTS.length]}`,
          Math.min(100, Math.round((month * 100) / NOTE_MONTHS)),
        );
        notes += 1;
      }
    }
    db.prepare('UPDATE change_counter SET value = ? WHERE id = 1').run(seq);
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { code: origin, fromSeq, notes };
}
