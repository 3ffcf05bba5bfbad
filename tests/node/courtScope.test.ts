// Court scoping after sync: a database holds other courts' rows (a superior's campaign definition,
// subordinates' work relayed up), yet every list and count of "our work" shows this court's own
// rows only; a subordinate's rows show when asked for by court code, still read-only. And a
// court's copy of a superior's mandatory item: its definition is read-only, its work is ours.
// Other courts' rows are put in with SQL, as an imported bundle would hold them.
import type BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, intermediateCourt, openCourt, openHarness, type Harness } from './harness';
import { base64, expectFailure as refused } from './apiCases/shared';

const open: Harness[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
});

/** Every table whose rows carry an origin court (the ones a bundle carries). */
const OWNED_TABLES = [
  'departments',
  'people',
  'campaigns',
  'sections',
  'items',
  'progress_notes',
  'evidence',
  'signoffs',
  'problem_aspects',
  'problems',
  'inspection_reports',
  'inspection_claims',
  'inspection_rounds',
  'ledger_findings',
  'ledger_measures',
  'ledger_events',
  'lookbacks',
  'ledger_evidence',
  'supervision_notes',
];

function changeCounter(sqlite: BetterSqlite3.Database): number {
  return (sqlite.prepare('SELECT value FROM change_counter').get() as { value: number }).value;
}

/**
 * Runs `work` through the API as usual, then hands every row it wrote to court `code`: what this
 * database would hold after importing that court's bundle.
 */
async function asCourt<T>(h: Harness, own: string, code: string, work: () => Promise<T>): Promise<T> {
  const sqlite = h.services.ctx.sqlite;
  const from = changeCounter(sqlite);
  const result = await work();
  for (const table of OWNED_TABLES) {
    sqlite.prepare(`UPDATE ${table} SET origin = ? WHERE origin = ? AND change_seq > ?`).run(code, own, from);
  }
  return result;
}

function insert(sqlite: BetterSqlite3.Database, table: string, values: Record<string, unknown>): void {
  const keys = Object.keys(values);
  sqlite
    .prepare(`INSERT INTO ${table} (${keys.join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`)
    .run(...keys.map((key) => values[key]));
}

const STAMP = '2026-10-01T09:00:00+08:00';
const owned = (id: string, origin: string, changeSeq = 1) => ({
  id,
  origin,
  version: 1,
  change_seq: changeSeq,
  created_at: STAMP,
  updated_at: STAMP,
});
const id = (n: number) => `0190f0e4-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

function trust(sqlite: BetterSqlite3.Database, code: string, relation: 'superior' | 'subordinate' | 'relayed'): void {
  insert(sqlite, 'sync_courts', {
    code,
    name: `${code}法院`,
    level: '',
    parent_code: '',
    sign_key: 'k',
    box_key: 'k',
    fingerprint: '0'.repeat(40),
    relation,
    trusted_at: STAMP,
    trusted_by: '测试',
  });
}

describe('a higher court holding a subordinate’s rows', () => {
  /** J23 (intermediate) issued a campaign; J2301's own work on it arrived in a report-up bundle. */
  async function higherCourt() {
    const h = await openHarness();
    open.push(h);
    await h.ok('court.setup', { profile: intermediateCourt, admin: ADMIN });
    await h.addUser({ username: 'chenzr', displayName: '陈主任', roles: ['reviewer'] });
    const reviewer = h.as('chenzr');
    const campaign = await h.ok('campaigns.create', {
      title: '能力作风建设年',
      year: 2026,
      startDate: '2026-03-01',
      endDate: '2026-12-31',
    });
    const section = (await h.ok('sections.create', { campaignId: campaign.id, title: '争先创优年' })).sections[0];

    const sub = await asCourt(h, 'J23', 'J2301', async () => {
      const department = await h.ok('departments.create', { name: '立案庭', headName: '赵庭长' });
      const person = await h.ok('people.create', { name: '孙法官', departmentId: department.id });
      const ownSection = (
        await h.ok('sections.create', { campaignId: campaign.id, title: '下级自设栏目' })
      ).sections.find((s) => s.title === '下级自设栏目')!;
      await h.ok('problems.createAspect', { campaignId: campaign.id, title: '下级自查方面' });
      const item = await h.ok('items.create', {
        campaignId: campaign.id,
        sectionId: section.id,
        title: '下级：落实当场立案制度',
        departmentId: department.id,
        deadline: '2026-11-26',
      });
      await h.ok('progress.add', { itemId: item.id, noteDate: '2026-11-20', text: '已制定细则。', percent: 40 });
      await h.ok('evidence.add', {
        itemId: item.id,
        name: '细则.pdf',
        mimeType: 'application/pdf',
        dataBase64: base64('%PDF 细则'),
      });
      const done = await h.ok('items.create', {
        campaignId: campaign.id,
        sectionId: ownSection.id,
        title: '下级：自选动作',
      });
      await reviewer.ok('items.markComplete', { id: done.id, version: done.version });
      await h.ok('inspection.create', { campaignId: campaign.id, scope: 'person', personId: person.id });
      const finding = await h.ok('ledger.createFinding', {
        campaignId: campaign.id,
        source: 'petition',
        title: '下级：信访件办理超期',
      });
      const measure = await h.ok('ledger.createMeasure', {
        findingId: finding.id,
        text: '下级：逐件督办',
        deadline: '2026-12-31',
      });
      const submitted = await h.ok('ledger.submit', { id: measure.id, version: measure.version, note: '已督办。' });
      await reviewer.ok('ledger.signOff', { id: measure.id, version: submitted.version });
      const ownCampaign = await h.ok('campaigns.create', { title: '下级自建活动', year: 2026 });
      return { department, person, ownSection, item, done, finding, ownCampaign };
    });

    // This court's own work on the same campaign.
    const department = await h.ok('departments.create', { name: '审判管理办公室', headName: '周主任' });
    const person = await h.ok('people.create', { name: '吴法官', departmentId: department.id });
    const item = await h.ok('items.create', {
      campaignId: campaign.id,
      sectionId: section.id,
      title: '本院：督导基层法院当场立案',
      departmentId: department.id,
      deadline: '2026-11-28',
    });
    await h.ok('inspection.create', { campaignId: campaign.id, scope: 'person', personId: person.id });
    const finding = await h.ok('ledger.createFinding', {
      campaignId: campaign.id,
      source: 'inspection_feedback',
      title: '本院：督导不到位',
    });
    const measure = await h.ok('ledger.createMeasure', {
      findingId: finding.id,
      text: '本院：建立督导台账',
      deadline: '2026-12-15',
    });
    const submitted = await h.ok('ledger.submit', { id: measure.id, version: measure.version, note: '已建立。' });
    await reviewer.ok('ledger.signOff', { id: measure.id, version: submitted.version });
    return { h, reviewer, campaign, section, sub, own: { department, person, item, finding } };
  }

  it('lists and counts only its own rows by default', async () => {
    const { h, reviewer, campaign, section, sub, own } = await higherCourt();

    expect((await h.ok('items.list', { campaignId: campaign.id })).map((i) => i.title)).toEqual([
      '本院：督导基层法院当场立案',
    ]);
    expect((await h.ok('items.search', { campaignId: campaign.id, query: '当场立案' })).ids).toEqual([own.item.id]);
    expect((await h.ok('items.search', { campaignId: campaign.id, query: '下级' })).ids).toEqual([]);
    const stats = await h.ok('stats.campaignProgress', { campaignId: campaign.id });
    expect(stats.overall.total).toBe(1);
    expect(stats.byDepartment.map((d) => d.name)).toEqual(['审判管理办公室']);

    // The campaigns it issued, counted on its own items; not the one the subordinate made for itself.
    const campaigns = await h.ok('campaigns.list');
    expect(campaigns.map((c) => c.title)).toEqual(['能力作风建设年']);
    expect(campaigns[0].figures.total).toBe(1);
    const detail = await h.ok('campaigns.get', { id: campaign.id });
    expect(detail.campaign.figures.total).toBe(1);
    expect(detail.sections.map((s) => s.title)).toEqual([section.title]);
    expect((await h.ok('problems.catalogue', { campaignId: campaign.id })).aspects).toEqual([]);

    expect((await h.ok('departments.list')).map((d) => d.name)).toEqual(['审判管理办公室']);
    expect((await h.ok('people.list')).map((p) => p.name)).toEqual(['吴法官']);
    // A name the subordinate uses is still free here.
    await h.ok('departments.create', { name: '立案庭' });

    expect((await h.ok('inspection.list', { campaignId: campaign.id })).map((r) => r.subjectName)).toEqual(['吴法官']);
    const checks = await h.ok('inspection.checks', { campaignId: campaign.id });
    expect(checks.notFiled.map((n) => n.name)).not.toContain('孙法官');
    expect(checks.notFiled.map((n) => n.name)).not.toContain('下级自查方面');

    const ledger = await h.ok('ledger.list', { campaignId: campaign.id });
    expect(ledger.map((row) => [row.finding.number, row.finding.title])).toEqual([[1, '本院：督导不到位']]);
    const closure = await h.ok('ledger.closure', { campaignId: campaign.id });
    expect(closure.overall.total).toBe(1);
    expect(closure.byFinding.map((f) => f.title)).toEqual(['本院：督导不到位']);
    expect((await h.ok('lookbacks.list', {})).map((l) => l.measureText)).toEqual(['本院：建立督导台账']);

    // The subordinate's completed item is waiting on its own reviewers, not on ours.
    const work = await h.ok('work.mine');
    expect(work.map((w) => w.title)).not.toContain(sub.done.title);
    expect(work.map((w) => w.title)).not.toContain('下级：逐件督办');
    // Our own look-back waits on the second reviewer; the subordinate's do not.
    expect((await reviewer.ok('work.mine')).map((w) => [w.kind, w.title])).toEqual([
      ['lookback', '本院：督导不到位：本院：建立督导台账'],
    ]);

    // Opening one of its items still works (read-only), numbered in its own court's list.
    const theirs = await h.ok('items.get', { id: sub.item.id });
    expect(theirs).toMatchObject({
      origin: 'J2301',
      number: 1,
      departmentName: '立案庭',
      noteCount: 1,
      evidenceCount: 1,
      sourceItemId: null,
    });
    refused(
      await h.call('items.update', { id: sub.item.id, version: theirs.version, title: '改名' }),
      'E_NOT_OWNER',
      /J2301.*只能查看/,
    );
    refused(await h.call('progress.add', { itemId: sub.item.id, noteDate: '2026-11-24', text: '代填' }), 'E_NOT_OWNER');
    // Its departments may not be given our work either.
    refused(
      await h.call('items.update', {
        id: own.item.id,
        version: (await h.ok('items.get', { id: own.item.id })).version,
        title: own.item.title,
        deadline: own.item.deadline,
        sectionId: section.id,
        departmentId: sub.department.id,
      }),
      'E_INVALID',
      /责任部门/,
    );
    // Nor its sections.
    refused(
      await h.call('items.create', { campaignId: campaign.id, sectionId: sub.ownSection.id, title: '放进下级栏目' }),
      'E_INVALID',
      /栏目/,
    );
  });

  it('shows a subordinate’s ledger and reports when asked for by court code', async () => {
    const { h, campaign } = await higherCourt();
    const ledger = await h.ok('ledger.list', { campaignId: campaign.id, courtCode: 'J2301' });
    expect(
      ledger.map((row) => [row.finding.number, row.finding.title, row.finding.origin, row.measure?.status]),
    ).toEqual([[1, '下级：信访件办理超期', 'J2301', 'signed_off']]);
    expect(ledger[0].measure?.nextLookback).toBe('2027-05-24');
    const closure = await h.ok('ledger.closure', { campaignId: campaign.id, courtCode: 'J2301' });
    expect(closure.byFinding.map((f) => [f.number, f.title, f.closed])).toEqual([[1, '下级：信访件办理超期', true]]);
    expect(closure.overall).toMatchObject({ total: 1, closed: 1 });
    expect(
      (await h.ok('inspection.list', { campaignId: campaign.id, courtCode: 'J2301' })).map((r) => [
        r.subjectName,
        r.origin,
      ]),
    ).toEqual([['孙法官', 'J2301']]);
    expect(
      (await h.ok('items.search', { campaignId: campaign.id, query: '当场立案', courtCode: 'J2301' })).ids,
    ).toHaveLength(1);
    // A court whose rows this database does not hold shows nothing.
    expect(await h.ok('ledger.list', { campaignId: campaign.id, courtCode: 'J2399' })).toEqual([]);
    refused(await h.call('ledger.list', { campaignId: campaign.id, courtCode: 'j2301' }), 'E_INVALID', /法院代码/);
  });

  it('shows a subordinate’s checklist and figures when asked for by court code', async () => {
    const { h, campaign, section, sub } = await higherCourt();
    const theirs = await h.ok('items.list', { campaignId: campaign.id, courtCode: 'J2301' });
    // Their numbering follows the sections as they see them: the issuer's, then their own.
    expect(theirs.map((i) => [i.number, i.title, i.origin, i.sectionId])).toEqual([
      [1, '下级：落实当场立案制度', 'J2301', section.id],
      [2, '下级：自选动作', 'J2301', sub.ownSection.id],
    ]);
    const stats = await h.ok('stats.campaignProgress', { campaignId: campaign.id, courtCode: 'J2301' });
    expect(stats.overall).toMatchObject({ total: 2, done: 1 });
    expect(stats.bySection.map((s) => [s.title, s.total])).toEqual([
      [section.title, 1],
      ['下级自设栏目', 1],
    ]);
    expect(stats.byDepartment.map((d) => [d.name, d.total])).toEqual([
      ['立案庭', 1],
      ['未指定部门', 1],
    ]);
  });

  it('sweeps the lights of its own records only', async () => {
    const { h, campaign, sub, own } = await higherCourt();
    // Both deadlines have passed by then: only our own item is recorded as having gone red.
    h.setNow('2026-12-02T10:00:00+08:00');
    await h.ok('items.list', { campaignId: campaign.id });
    const sqlite = h.services.ctx.sqlite;
    const reds = (recordId: string) =>
      (
        sqlite
          .prepare("SELECT COUNT(*) AS n FROM light_history WHERE record_id = ? AND light = 'red'")
          .get(recordId) as { n: number }
      ).n;
    expect(reds(own.item.id)).toBe(1);
    expect(reds(sub.item.id)).toBe(0);
    expect((await h.ok('items.get', { id: own.item.id })).wasRed).toBe(true);
  });
});

describe('a subordinate holding its superior’s campaign definition', () => {
  /** J2301 (basic, parent J23) after importing J23's package: the issuer's rows and this court's copy. */
  async function subordinateCourt() {
    const fx = await openCourt();
    open.push(fx.h);
    const { h } = fx;
    const sqlite = h.services.ctx.sqlite;
    const issued = { campaign: id(0xc1), section: id(0xc2), otherSection: id(0xc3), item: id(0xc4), copy: id(0xc5) };
    insert(sqlite, 'campaigns', {
      ...owned(issued.campaign, 'J23'),
      title: '执行攻坚专项活动',
      issuing_court_code: 'J23',
      issuing_court_name: '齐齐哈尔市中级人民法院',
      year: 2026,
      start_date: '2026-03-01',
      end_date: '2026-12-31',
    });
    insert(sqlite, 'sections', {
      ...owned(issued.section, 'J23'),
      campaign_id: issued.campaign,
      title: '攻坚举措',
      sort_order: 1,
    });
    // A sibling basic court's own section, relayed to us in the same package by mistake or design: not ours to see.
    insert(sqlite, 'sections', {
      ...owned(issued.otherSection, 'J2302'),
      campaign_id: issued.campaign,
      title: '兄弟法院的栏目',
      sort_order: 2,
    });
    const definition = {
      campaign_id: issued.campaign,
      section_id: issued.section,
      sort_order: 1024,
      title: '开展集中执行行动',
      content: '每季度开展一次集中执行。',
      kind: 'mandatory',
      deadline: '2026-12-20',
      frequency: 'quarterly',
    };
    insert(sqlite, 'items', { ...owned(issued.item, 'J23'), ...definition });
    insert(sqlite, 'items', {
      ...owned(issued.copy, 'J2301', 10_000),
      ...definition,
      source_item_id: issued.item,
      source_version: 1,
    });
    return { ...fx, sqlite, issued };
  }

  it('lists its superiors’ campaigns and its own, never a subordinate’s or a stranger’s', async () => {
    const { h, sqlite, campaign, issued } = await subordinateCourt();
    insert(sqlite, 'campaigns', {
      ...owned(id(0xd1), 'J00'),
      title: '高院：清廉法院建设',
      issuing_court_code: 'J00',
      year: 2026,
    });
    insert(sqlite, 'campaigns', {
      ...owned(id(0xd2), 'J230101'),
      title: '人民法庭自建活动',
      issuing_court_code: 'J230101',
      year: 2026,
    });
    insert(sqlite, 'campaigns', {
      ...owned(id(0xd3), 'J24'),
      title: '别的中院的活动',
      issuing_court_code: 'J24',
      year: 2026,
    });
    trust(sqlite, 'J00', 'superior');
    trust(sqlite, 'J230101', 'subordinate');
    const titles = (await h.ok('campaigns.list')).map((c) => c.title).sort();
    expect(titles).toEqual([campaign.title, '执行攻坚专项活动', '高院：清廉法院建设'].sort());
    // Figures of the issued campaign count this court's copy, not the issuer's own item.
    const issuedCampaign = (await h.ok('campaigns.list')).find((c) => c.id === issued.campaign)!;
    expect(issuedCampaign.figures.total).toBe(1);
  });

  it('shows the issuer’s sections with its own additions, and its copy rather than the issuer’s item', async () => {
    const { h, issued } = await subordinateCourt();
    const added = await h.ok('sections.create', { campaignId: issued.campaign, title: '本院自设栏目' });
    expect(added.sections.map((s) => [s.number, s.title, s.origin])).toEqual([
      ['一、', '攻坚举措', 'J23'],
      ['二、', '本院自设栏目', 'J2301'],
    ]);
    const own = await h.ok('items.create', {
      campaignId: issued.campaign,
      sectionId: issued.section,
      title: '本院自选：执行信访化解',
    });
    const items = await h.ok('items.list', { campaignId: issued.campaign });
    expect(items.map((i) => [i.number, i.title, i.id, i.sourceItemId, i.kind])).toEqual([
      [1, '开展集中执行行动', issued.copy, issued.item, 'mandatory'],
      [2, '本院自选：执行信访化解', own.id, null, 'own'],
    ]);
    expect((await h.ok('stats.campaignProgress', { campaignId: issued.campaign })).overall.total).toBe(2);
    expect((await h.ok('items.search', { campaignId: issued.campaign, query: '集中执行' })).ids).toEqual([issued.copy]);
    // The issuer's section cannot be moved past; two of our own may trade places.
    const second = (
      await h.ok('sections.create', { campaignId: issued.campaign, title: '本院第二栏目' })
    ).sections.find((s) => s.title === '本院第二栏目')!;
    const mine = added.sections[1];
    refused(await h.call('sections.move', { id: mine.id, direction: 'up' }), 'E_READ_ONLY', /上级法院下发/);
    const moved = await h.ok('sections.move', { id: second.id, direction: 'up' });
    expect(moved.sections.map((s) => s.title)).toEqual(['攻坚举措', '本院第二栏目', '本院自设栏目']);
  });

  it('refuses every change to the copy’s definition, naming the field', async () => {
    const { h, issued } = await subordinateCourt();
    const copy = await h.ok('items.get', { id: issued.copy });
    expect(copy).toMatchObject({ sourceItemId: issued.item, origin: 'J2301', number: 1, title: '开展集中执行行动' });
    const same = {
      id: copy.id,
      version: copy.version,
      sectionId: copy.sectionId,
      title: copy.title,
      content: copy.content,
      kind: copy.kind,
      deadline: copy.deadline,
      frequency: copy.frequency,
      leadLeader: '',
      departmentId: null,
      owner: '',
      percent: 0,
    };
    const other = await h.ok('sections.create', { campaignId: issued.campaign, title: '本院自设栏目' });
    const changes = {
      title: '改成本院的说法',
      content: '改了内容',
      sectionId: other.sections[1].id,
      deadline: '2027-01-31',
      frequency: 'monthly',
      kind: 'own',
    } as const;
    for (const [field, value] of Object.entries(changes)) {
      const failure = refused(
        await h.call('items.update', { ...same, [field]: value }),
        'E_READ_ONLY',
        /上级法院下发的规定动作.*不能修改.*可以填写牵头院领导、责任部门、责任人和进展/,
      );
      expect(failure.fieldErrors, field).toEqual({ [field]: '由上级法院确定，本院不能修改' });
    }
    refused(
      await h.call('items.move', { id: copy.id, sectionId: copy.sectionId, beforeId: null }),
      'E_READ_ONLY',
      /上级法院下发/,
    );
    refused(await h.call('items.delete', { ids: [copy.id] }), 'E_READ_ONLY', /开展集中执行行动.*不能删除/);
    refused(await h.call('items.bulkUpdate', { ids: [copy.id], deadline: '2027-01-31' }), 'E_READ_ONLY');
    const row = h.services.ctx.sqlite
      .prepare(
        'SELECT title, content, section_id, deadline, frequency, kind, version, deleted_at FROM items WHERE id = ?',
      )
      .get(copy.id);
    expect(row).toEqual({
      title: '开展集中执行行动',
      content: '每季度开展一次集中执行。',
      section_id: issued.section,
      deadline: '2026-12-20',
      frequency: 'quarterly',
      kind: 'mandatory',
      version: 1,
      deleted_at: null,
    });
  });

  it('lets the court do its own work on the copy: who answers for it, progress, evidence, completion and sign-off', async () => {
    const { h, issued } = await subordinateCourt();
    const department = await h.ok('departments.create', { name: '执行局', headName: '钱局长' });
    let copy = await h.ok('items.get', { id: issued.copy });
    copy = await h.ok('items.update', {
      id: copy.id,
      version: copy.version,
      sectionId: copy.sectionId,
      title: copy.title,
      content: copy.content,
      kind: copy.kind,
      deadline: copy.deadline,
      frequency: copy.frequency,
      leadLeader: '李副院长',
      departmentId: department.id,
      owner: '钱局长',
      percent: 30,
    });
    expect(copy).toMatchObject({
      leadLeader: '李副院长',
      departmentName: '执行局',
      owner: '钱局长',
      percent: 30,
      status: 'in_progress',
      title: '开展集中执行行动',
    });
    await h.ok('items.bulkUpdate', { ids: [copy.id], owner: '孙执行' });
    await h.ok('progress.add', {
      itemId: copy.id,
      noteDate: '2026-11-20',
      text: '开展集中执行行动一次，执结 12 件。',
      percent: 60,
    });
    await h.ok('evidence.add', {
      itemId: copy.id,
      name: '行动总结.pdf',
      mimeType: 'application/pdf',
      dataBase64: base64('%PDF 总结'),
    });
    copy = await h.ok('items.get', { id: copy.id });
    copy = await h.ok('items.markComplete', { id: copy.id, version: copy.version });
    await h.addUser({ username: 'chenzr', displayName: '陈主任', roles: ['reviewer'] });
    copy = await h.as('chenzr').ok('items.signOff', { id: copy.id, version: copy.version, opinion: '同意销号' });
    expect(copy).toMatchObject({
      status: 'signed_off',
      owner: '孙执行',
      noteCount: 1,
      evidenceCount: 1,
      sourceItemId: issued.item,
      deadline: '2026-12-20',
    });
    // The issuer's own row is untouched, and still not ours to change.
    refused(await h.call('items.markComplete', { id: issued.item, version: 1 }), 'E_NOT_OWNER', /J23/);
  });
});
