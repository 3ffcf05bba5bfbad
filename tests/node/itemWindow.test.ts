// items.window against an oracle: the full items.list filtered and sorted in JS exactly as the
// checklist page did before the window existed (CampaignPage's former rows memo and compareRows).
// Every filter × sort × offset must give the same rows with the same 序号; at 5,000 items a
// window holds only its `limit` rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemSortKeys, type ItemRow, type ItemSortKey, type ItemStatus, type Light } from '../../src/shared/model';
import { openCourt } from './harness';

type Fixture = Awaited<ReturnType<typeof openCourt>>;
type Filters = {
  section?: string;
  status?: ItemStatus;
  light?: Light;
  department?: string;
  kind?: 'mandatory' | 'own';
  query?: string;
};

const collator = new Intl.Collator('zh-CN');
const statusOrder: Record<ItemStatus, number> = {
  not_started: 0,
  in_progress: 1,
  returned: 2,
  completed: 3,
  signed_off: 4,
};
const lightOrder: Record<Light, number> = { red: 0, yellow: 1, green: 2, none: 3 };

function compareRows(key: ItemSortKey): (a: ItemRow, b: ItemRow) => number {
  switch (key) {
    case 'number':
    case 'percent':
    case 'evidenceCount':
      return (a, b) => a[key] - b[key];
    case 'status':
      return (a, b) => statusOrder[a.status] - statusOrder[b.status];
    case 'light':
      return (a, b) => lightOrder[a.light] - lightOrder[b.light];
    case 'deadline':
      return (a, b) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999');
    default:
      return (a, b) => collator.compare(a[key], b[key]);
  }
}

/** The page's former client-side filter and sort over the whole list. */
function oracle(
  items: ItemRow[],
  sections: Array<{ id: string; parentId: string | null }>,
  filters: Filters,
  searchIds: Set<string> | null,
  sort?: { key: ItemSortKey; desc: boolean },
): ItemRow[] {
  const section = filters.section ?? 'all';
  let sectionIds: Set<string> | null = null;
  if (section !== 'all' && section !== 'none') {
    sectionIds = new Set([section]);
    for (const s of sections) if (s.parentId && sectionIds.has(s.parentId)) sectionIds.add(s.id);
  }
  const known = new Set(sections.map((s) => s.id));
  let list = items.filter(
    (row) =>
      (!sectionIds || (row.sectionId !== null && sectionIds.has(row.sectionId))) &&
      (section !== 'none' || !row.sectionId || !known.has(row.sectionId)) &&
      (!filters.status || row.status === filters.status) &&
      (!filters.light || row.light === filters.light) &&
      (!filters.department ||
        (filters.department === '__none__' ? !row.departmentId : row.departmentId === filters.department)) &&
      (!filters.kind || row.kind === filters.kind) &&
      (!searchIds || searchIds.has(row.id)),
  );
  if (sort) {
    const compare = compareRows(sort.key);
    list = [...list].sort((a, b) => (sort.desc ? compare(b, a) : compare(a, b)) || a.number - b.number);
  }
  return list;
}

const OWNERS = ['周庭长', '王法官', '', '李书记员', '阿不都', '张三'];
const LEADERS = ['赵院长', '', '钱副院长', '孙副院长'];
const TITLES = ['落实当场立案', '压降发改率', '审判质效评查', '执行积案清理', '诉源治理', 'ABC 专项', '案件质量'];

/** A campaign with sections, sub-sections, departments and items in every state, with and without deadlines. */
async function plant(fx: Fixture) {
  const { h, campaign } = fx;
  let detail = await h.ok('sections.create', { campaignId: campaign.id, parentId: fx.sections[0].id, title: '子一' });
  const childA = detail.sections.find((s) => s.title === '子一')!;
  detail = await h.ok('sections.create', { campaignId: campaign.id, parentId: childA.id, title: '孙一' });
  detail = await h.ok('sections.create', { campaignId: campaign.id, parentId: fx.sections[1].id, title: '子二' });
  const sectionIds = [null, ...detail.sections.map((s) => s.id)];
  const departments = [
    await h.ok('departments.create', { name: '立案庭', headName: '刘庭长' }),
    await h.ok('departments.create', { name: '执行局', headName: '' }),
    await h.ok('departments.create', { name: '审管办' }),
  ];
  const statuses: ItemStatus[] = ['not_started', 'in_progress', 'completed', 'signed_off', 'returned'];
  const created: string[] = [];
  for (let n = 0; n < 48; n += 1) {
    const item = await h.ok('items.create', {
      campaignId: campaign.id,
      sectionId: sectionIds[(n * 7) % sectionIds.length],
      title: `${TITLES[n % TITLES.length]}${n % 5}`,
      kind: n % 3 === 0 ? 'mandatory' : 'own',
      owner: OWNERS[n % OWNERS.length],
      leadLeader: LEADERS[n % LEADERS.length],
      departmentId: n % 4 === 3 ? null : departments[n % 3].id,
      // Past, near and far deadlines, and none; past ones need a reason.
      deadline: n % 6 === 5 ? null : ['2026-11-01', '2026-11-27', '2026-12-20', '2026-11-24'][n % 4],
      deadlineReason: '补录',
    });
    created.push(item.id);
  }
  // States and progress planted directly: the work cycle has its own tests.
  const setState = h.services.ctx.sqlite.prepare(
    'UPDATE items SET status = ?, percent = ?, sort_order = ? WHERE id = ?',
  );
  created.forEach((id, n) => setState.run(statuses[n % statuses.length], (n * 13) % 101, (n % 5) * 1024, id));
  await h.ok('progress.add', { itemId: created[4], noteDate: '2026-11-20', text: '已推进' });
  // One section removed from the tree would orphan its items; a row pointing at an unknown section stands in.
  h.services.ctx.sqlite
    .prepare('UPDATE items SET section_id = ? WHERE id = ?')
    .run('0190f0e4-0000-7000-8000-00000000beef', created[10]);
  return { departments, created, sections: detail.sections };
}

describe('items.window', () => {
  let fx: Fixture;
  let planted: Awaited<ReturnType<typeof plant>>;
  beforeAll(async () => {
    fx = await openCourt();
    // Foreign keys would refuse the unknown section; the planting switches them off for that one row.
    fx.h.services.ctx.sqlite.pragma('foreign_keys = OFF');
    planted = await plant(fx);
    fx.h.services.ctx.sqlite.pragma('foreign_keys = ON');
  }, 60_000);
  afterAll(() => fx.h.close());

  it('gives the rows and 序号 the page computed from the whole list, for every filter, sort and offset', async () => {
    const { h, campaign } = fx;
    const items = await h.ok('items.list', { campaignId: campaign.id });
    const sectionId = fx.sections[0].id;
    const filterSets: Filters[] = [
      {},
      { section: sectionId },
      { section: 'none' },
      { section: planted.sections.find((s) => s.title === '子一')!.id, status: 'in_progress' },
      { status: 'returned' },
      { light: 'red' },
      { light: 'yellow' },
      { light: 'none' },
      { light: 'green', kind: 'own' },
      { department: planted.departments[0].id },
      { department: '__none__' },
      { kind: 'mandatory' },
      { query: '立案' },
      { query: '质效评查', section: fx.sections[1].id },
    ];
    const sorts: Array<{ key: ItemSortKey; desc: boolean } | undefined> = [
      undefined,
      ...itemSortKeys.flatMap((key) => [
        { key, desc: false },
        { key, desc: true },
      ]),
    ];
    let compared = 0;
    for (const filters of filterSets) {
      const searchIds = filters.query
        ? new Set((await h.ok('items.search', { campaignId: campaign.id, query: filters.query })).ids)
        : null;
      for (const sort of sorts) {
        const expected = oracle(items, fx.sections.concat(planted.sections), filters, searchIds, sort);
        for (const [offset, limit] of [
          [0, 500],
          [0, 7],
          [5, 9],
          [40, 10],
        ]) {
          const window = await h.ok('items.window', { campaignId: campaign.id, filters, sort, offset, limit });
          expect(window.total, JSON.stringify({ filters, sort })).toBe(expected.length);
          expect(window.rows, JSON.stringify({ filters, sort, offset })).toEqual(
            expected.slice(offset, offset + limit),
          );
          compared += 1;
        }
      }
      const ids = await h.ok('items.ids', { campaignId: campaign.id, filters });
      expect(ids.ids).toEqual(oracle(items, planted.sections, filters, searchIds).map((row) => row.id));
    }
    expect(compared).toBe(filterSets.length * sorts.length * 4);
    // The fixture covers what it claims to.
    expect(new Set(items.map((row) => row.light))).toEqual(new Set(['red', 'yellow', 'green', 'none']));
    expect(items.some((row) => row.wasRed)).toBe(true);
  }, 120_000);

  it('counts the section tree as the page did, each section with its sub-sections', async () => {
    const { h, campaign } = fx;
    const items = await h.ok('items.list', { campaignId: campaign.id });
    const overview = await h.ok('items.overview', { campaignId: campaign.id });
    expect(overview.total).toBe(items.length);
    const tree = (await h.ok('campaigns.get', { id: campaign.id })).sections;
    for (const entry of overview.sectionCounts) {
      const filters = entry.sectionId === null ? { section: 'none' } : { section: entry.sectionId };
      expect(entry.count).toBe(oracle(items, tree, filters, null).length);
    }
    expect(overview.departments.map((d) => d.name).sort()).toEqual(['审管办', '执行局', '立案庭'].sort());
  });

  it('at 5,000 items sends only the window, numbered in the whole list', async () => {
    const { h, campaign } = fx;
    // Copies of the planted rows, as many as make 5,000 and more.
    h.services.ctx.sqlite.exec(`
      WITH RECURSIVE k(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM k WHERE x < 110)
      INSERT INTO items (id, origin, change_seq, created_at, updated_at, campaign_id, section_id, sort_order, title,
                         content, kind, lead_leader, department_id, owner, deadline, frequency, status, percent)
      SELECT lower(printf('%s-%s-%s-%s-%s', hex(randomblob(4)), hex(randomblob(2)), hex(randomblob(2)), hex(randomblob(2)), hex(randomblob(6)))), origin, change_seq, created_at, updated_at, campaign_id, section_id,
             sort_order + x, title || x, content, kind, lead_leader, department_id, owner, deadline, frequency, status, percent
      FROM items, k WHERE items.campaign_id = '${campaign.id}' AND items.section_id IS NOT '0190f0e4-0000-7000-8000-00000000beef'`);
    const items = await h.ok('items.list', { campaignId: campaign.id });
    expect(items.length).toBeGreaterThan(5000);
    const window = await h.ok('items.window', { campaignId: campaign.id, offset: 4900, limit: 100 });
    expect(window.total).toBe(items.length);
    expect(window.rows).toHaveLength(100);
    expect(window.rows).toEqual(items.slice(4900, 5000));
    const sorted = await h.ok('items.window', {
      campaignId: campaign.id,
      sort: { key: 'owner', desc: true },
      filters: { status: 'in_progress' },
      offset: 200,
      limit: 50,
    });
    expect(sorted.rows).toEqual(
      oracle(items, [], { status: 'in_progress' }, null, { key: 'owner', desc: true }).slice(200, 250),
    );
  }, 60_000);
});
