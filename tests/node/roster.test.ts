// The roster (应报法院) at a high court: adding by hand with the parent rule, a superior's entries
// read-only at the intermediate court, merging and undoing it, deleting only what has no data,
// and the Excel import's row-by-row verdicts on a real .xlsx built here, written all at once.
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, openHarness, type Harness } from './harness';
import { HIGH, INTERMEDIATE } from './sync/syncFixtures';

const open: Harness[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.close()));
});

async function highCourt() {
  const h = await openHarness();
  open.push(h);
  await h.ok('court.setup', { profile: HIGH, admin: ADMIN });
  return h;
}

async function workbook(rows: unknown[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('应报法院名单');
  sheet.addRow(['黑龙江省法院应报名单']);
  sheet.addRow(['法院代码', '法院名称', '层级', '上级法院代码', '辖区']);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

describe('roster', () => {
  it('keeps parents to this court or an intermediate court on the roster, and merges instead of deleting courts with data', async () => {
    const h = await highCourt();
    const middle = await h.ok('roster.add', {
      code: 'J2301',
      name: '哈尔滨市中级人民法院',
      level: 'intermediate',
      parentCode: 'J23',
      jurisdiction: '哈尔滨市',
    });
    const basic = await h.ok('roster.add', {
      code: 'J230101',
      name: '道里区人民法院',
      level: 'basic',
      parentCode: 'J2301',
      jurisdiction: '道里区',
    });
    expect(basic).toMatchObject({ parentName: '哈尔滨市中级人民法院', own: true, hasData: false });
    // A direct basic court of the high court is allowed; a basic court as a parent is not.
    await h.ok('roster.add', {
      code: 'J2399',
      name: '铁路运输法院',
      level: 'basic',
      parentCode: 'J23',
      jurisdiction: '',
    });
    const underBasic = await h.call('roster.add', {
      code: 'J230102',
      name: '南岗区人民法院',
      level: 'basic',
      parentCode: 'J230101',
      jurisdiction: '',
    });
    expect(underBasic).toMatchObject({ ok: false, code: 'E_INVALID', message: expect.stringMatching(/不是中级法院/) });
    const nested = await h.call('roster.add', {
      code: 'J2302',
      name: '齐齐哈尔市中级人民法院',
      level: 'intermediate',
      parentCode: 'J2301',
      jurisdiction: '',
    });
    expect(nested).toMatchObject({ ok: false, message: expect.stringMatching(/中级法院的上级法院只能是本院/) });
    const self = await h.call('roster.add', {
      code: 'J23',
      name: '本院',
      level: 'intermediate',
      parentCode: 'J23',
      jurisdiction: '',
    });
    expect(self).toMatchObject({ ok: false, message: expect.stringMatching(/不能把本院列入/) });
    // An intermediate court with courts under it cannot become basic, nor be deleted.
    const demote = await h.call('roster.update', {
      id: middle.id,
      version: middle.version,
      name: middle.name,
      level: 'basic',
      parentCode: 'J23',
      jurisdiction: '',
    });
    expect(demote).toMatchObject({ ok: false, message: expect.stringMatching(/还有 1 家基层法院/) });
    expect(await h.call('roster.delete', { id: middle.id, version: middle.version })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/还有 1 家法院/),
    });

    // Merged: kept with its history, listed, undone.
    const merged = await h.ok('roster.merge', {
      id: basic.id,
      version: basic.version,
      mergedAt: '2026-10-31',
      mergedInto: 'J2399',
    });
    expect(merged).toMatchObject({ mergedInto: 'J2399', mergedIntoName: '铁路运输法院' });
    expect((await h.ok('roster.list')).courts.map((c) => [c.code, c.mergedAt?.slice(0, 10) ?? null])).toEqual([
      ['J2301', null],
      ['J2399', null],
      ['J230101', '2026-10-31'],
    ]);
    const again = await h.call('roster.merge', { id: basic.id, version: merged.version, mergedAt: '2026-10-31' });
    expect(again).toMatchObject({ ok: false, message: expect.stringMatching(/已于 2026-10-31 标记为已撤并/) });
    const back = await h.ok('roster.unmerge', { id: basic.id, version: merged.version });
    expect(back.mergedAt).toBeNull();
    // Every change is audited as a roster change.
    const audit = h.services.ctx.sqlite
      .prepare("SELECT operation FROM audit_log WHERE table_name = 'rosterCourts' ORDER BY seq")
      .all()
      .map((row) => (row as { operation: string }).operation);
    expect(audit).toEqual(['create', 'create', 'create', 'merge', 'unmerge']);

    // Only an admin or reviewer changes it; everyone may read it.
    const department = await h.ok('departments.create', { name: '立案庭' });
    await h.addUser({ username: 'tianbao', displayName: '田填报', roles: ['filer'], departmentId: department.id });
    expect((await h.as('tianbao').ok('roster.list')).canEdit).toBe(false);
    expect(
      await h.as('tianbao').call('roster.add', {
        code: 'J2302',
        name: '齐齐哈尔市中级人民法院',
        level: 'intermediate',
        parentCode: 'J23',
        jurisdiction: '',
      }),
    ).toMatchObject({ ok: false, code: 'E_FORBIDDEN' });
  });

  it('shows a superior list read-only at the intermediate court', async () => {
    const h = await openHarness();
    open.push(h);
    await h.ok('court.setup', { profile: INTERMEDIATE, admin: ADMIN });
    // The high court's entry for a basic court under this one, as its package leaves it.
    h.services.ctx.sqlite
      .prepare(
        "INSERT INTO roster_courts (id, origin, version, change_seq, created_at, updated_at, code, name, level, parent_code, jurisdiction) VALUES ('0190f0e4-0000-7000-8000-0000000000b1', 'J23', 1, 3, ?, ?, 'J230201', '龙江县人民法院', 'basic', 'J2302', '龙江县')",
      )
      .run('2026-11-01T09:00:00+08:00', '2026-11-01T09:00:00+08:00');
    const view = await h.ok('roster.list');
    expect(view.courts).toEqual([
      expect.objectContaining({ code: 'J230201', own: false, parentName: INTERMEDIATE.name }),
    ]);
    const entry = view.courts[0];
    const edit = await h.call('roster.update', {
      id: entry.id,
      version: entry.version,
      name: '改名',
      level: 'basic',
      parentCode: 'J2302',
      jurisdiction: '',
    });
    expect(edit).toMatchObject({ ok: false, code: 'E_FORBIDDEN', message: expect.stringMatching(/上级法院名单/) });
    expect(
      await h.call('roster.add', {
        code: 'J230201',
        name: '龙江县人民法院',
        level: 'basic',
        parentCode: 'J2302',
        jurisdiction: '',
      }),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/已在应报法院名单中/) });
  });

  it('gives each Excel row its verdicts and writes nothing until confirmed, then every good row at once', async () => {
    const h = await highCourt();
    await h.ok('roster.add', {
      code: 'J2301',
      name: '哈尔滨市中级人民法院',
      level: 'intermediate',
      parentCode: 'J23',
      jurisdiction: '哈尔滨市',
    });
    const dataBase64 = await workbook([
      ['J2302', '齐齐哈尔市中级人民法院', '中级法院', 'J23', '齐齐哈尔市'],
      ['J230201', '龙江县人民法院', '基层', 'J2302', '龙江县'],
      ['J230101', '道里区人民法院', '基层法院', 'J2301', '道里区'],
      ['J2301', '哈尔滨市中级人民法院', '中级法院', 'J23', ''],
      ['J230201', '龙江县人民法院（重复）', '基层法院', 'J2302', ''],
      ['J230301', '甘南县人民法院', '县级', 'J2302', ''],
      ['j-1', '', '基层法院', 'J2302', ''],
      ['J239901', '某县人民法院', '基层法院', 'J2399', ''],
      ['J2388', '某高级人民法院', '高级法院', 'J23', ''],
      ['J230401', '泰来县人民法院', '基层法院', 'J2304', ''],
      ['J2304', '错误中院', '中级', '', ''],
    ]);
    const preview = await h.ok('roster.import', { fileName: '名单.xlsx', dataBase64 });
    const verdicts = Object.fromEntries(preview.rows.map((row) => [row.rowNumber, row.errors]));
    expect(verdicts).toEqual({
      3: [],
      4: [],
      5: [],
      6: ['法院代码 J2301 已在应报法院名单中'],
      7: ['法院代码 J230201 与第 4 行重复'],
      8: ['层级“县级”无法识别，应为“中级法院”或“基层法院”'],
      9: ['法院代码“J-1”格式不正确（大写字母开头，2 至 16 位大写字母或数字，如 J23）', '缺少法院名称'],
      10: ['上级法院 J2399 既不是本院，也不在应报法院名单中，也不在本文件中'],
      11: ['应报法院不能是高级法院，层级应为“中级法院”或“基层法院”'],
      12: ['上级法院 J2304（第 13 行）有问题，需一并改正'],
      13: ['缺少上级法院代码（直属本院的填 J23）'],
    });
    expect(preview).toMatchObject({ goodRows: 3, badRows: 8, written: null });
    expect((await h.ok('roster.list')).courts).toHaveLength(1);

    const done = await h.ok('roster.import', { fileName: '名单.xlsx', dataBase64, confirm: true });
    expect(done.written).toBe(3);
    const courts = (await h.ok('roster.list')).courts;
    expect(courts.map((c) => [c.code, c.level, c.parentCode, c.addedBy])).toEqual([
      ['J2301', 'intermediate', 'J23', 'manual'],
      ['J2302', 'intermediate', 'J23', 'import'],
      ['J230101', 'basic', 'J2301', 'import'],
      ['J230201', 'basic', 'J2302', 'import'],
    ]);
    // The same file again: every row is now a duplicate of the roster, nothing is written.
    const twice = await h.call('roster.import', {
      fileName: '名单.xlsx',
      dataBase64: await workbook([['J2302', '齐齐哈尔市中级人民法院', '中级法院', 'J23', '']]),
      confirm: true,
    });
    expect(twice).toMatchObject({ ok: false, code: 'E_INVALID', message: expect.stringMatching(/没有可以导入的法院/) });
    // The template reads back as a file the import understands.
    const template = await h.ok('roster.template');
    const fromTemplate = await h.ok('roster.import', { fileName: template.fileName, dataBase64: template.dataBase64 });
    expect(fromTemplate.rows.map((r) => [r.code, r.errors])).toEqual([
      ['J01', []],
      ['J0101', []],
    ]);
  });
});
