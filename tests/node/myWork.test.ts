// 我的待办 (work.mine): what waits on a 填报人 and on a 审核人, across checklist items,
// self-inspection reports, ledger measures and look-backs; order, lights, and what is left out.
// Most cases write reports, measures and look-backs straight through the ChangeWriter (every state
// at once, independent of those services); one case follows them through the real services.
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkEntry } from '../../src/shared/api';
import type { Insertable } from 'kysely';
import { withChanges, type ChangeWriter } from '../../src/main/data/ownedRows';
import type {
  InspectionReportsTable,
  LedgerFindingsTable,
  LedgerMeasuresTable,
  LookbacksTable,
} from '../../src/main/data/schema';
import { openCourt, type Harness } from './harness';

type Fixture = Awaited<ReturnType<typeof openCourt>>;
let opened: Harness | null = null;
afterEach(async () => {
  await opened?.close();
  opened = null;
});

async function court(): Promise<Fixture & { lian: string; zhixing: string }> {
  const fx = await openCourt();
  opened = fx.h;
  const lian = (await fx.h.ok('departments.create', { name: '立案庭', headName: '赵庭长' })).id;
  const zhixing = (await fx.h.ok('departments.create', { name: '执行局', headName: '钱局长' })).id;
  return { ...fx, lian, zhixing };
}

/** Writes rows the way the ledger and inspection services do, as the administrator. */
async function write<T>(h: Harness, work: (writer: ChangeWriter) => Promise<T>): Promise<T> {
  const admin = (await h.ok('users.list')).find((u) => u.username === 'admin')!;
  const actor = { name: '王书记员（admin）', court: 'J2301', userId: admin.id, displayName: '王书记员' };
  return withChanges(h.services.ctx.db, actor, '2026-11-24T02:00:00.000Z', work);
}

// Complete rows with the columns' defaults, so each test names only what matters to it.
const report = (
  fields: Partial<Insertable<InspectionReportsTable>> &
    Pick<Insertable<InspectionReportsTable>, 'campaignId' | 'scope' | 'subjectName' | 'status'>,
) => ({
  personId: null,
  departmentId: null,
  round: 0,
  noProblem: 0,
  noProblemReason: '',
  submittedAt: null,
  submittedBy: null,
  submittedByName: '',
  decidedAt: null,
  reviewer: '',
  reviewNote: '',
  ...fields,
});
const finding = (
  fields: Pick<Insertable<LedgerFindingsTable>, 'campaignId' | 'source' | 'title' | 'departmentId'>,
) => ({
  reference: '',
  detail: '',
  receivedDate: null,
  claimId: null,
  sortOrder: 1,
  ...fields,
});
const measure = (
  fields: Partial<Insertable<LedgerMeasuresTable>> &
    Pick<Insertable<LedgerMeasuresTable>, 'findingId' | 'campaignId' | 'text' | 'status'>,
) => ({
  owner: '',
  leadLeader: '',
  departmentId: null,
  deadline: null,
  longTerm: 0,
  completedAt: null,
  completedLate: 0,
  submittedBy: null,
  signedOffAt: null,
  signedOffBy: '',
  sortOrder: 1,
  ...fields,
});
const lookback = (fields: Pick<Insertable<LookbacksTable>, 'measureId' | 'dueDate' | 'status'>) => ({
  checkedAt: null,
  checker: '',
  note: '',
  ...fields,
});

const summary = (entries: WorkEntry[]) => entries.map((e) => `${e.kind}:${e.title}:${e.action}`);

describe('work.mine', () => {
  it('gives a filer the open items of their own department, returned ones to revise, soonest first', async () => {
    const { h, campaign, lian, zhixing } = await court();
    const item = (title: string, departmentId: string, deadline: string | null) =>
      h.ok('items.create', {
        campaignId: campaign.id,
        title,
        departmentId,
        deadline,
        deadlineReason: '补录已逾期的事项',
        owner: '孙法官',
        leadLeader: '李副院长',
      });
    await item('无时限事项', lian, null);
    await item('下月到期', lian, '2026-12-20');
    const overdue = await item('已逾期', lian, '2026-11-10');
    const soon = await item('临期', lian, '2026-11-28');
    const returned = await item('被退回', lian, '2026-12-01');
    await item('执行局的事项', zhixing, '2026-11-01');
    const done = await item('已完成', lian, '2026-11-20');

    await h.addUser({ username: 'tianfa', displayName: '田填报', roles: ['filer'], departmentId: lian });
    const filer = h.as('tianfa');
    await filer.ok('items.markComplete', { id: done.id, version: done.version });
    const completed = await filer.ok('items.markComplete', { id: returned.id, version: returned.version });
    await h.ok('items.sendBack', { id: returned.id, version: completed.version, reason: '佐证材料不全' });

    const work = await filer.ok('work.mine');
    expect(summary(work)).toEqual([
      'item:已逾期:fill',
      'item:临期:fill',
      'item:被退回:revise',
      'item:下月到期:fill',
      'item:无时限事项:fill',
    ]);
    const byTitle = Object.fromEntries(work.map((e) => [e.title, e]));
    expect(byTitle['已逾期']).toMatchObject({
      id: overdue.id,
      campaignId: campaign.id,
      campaignTitle: '能力作风建设年',
      departmentName: '立案庭',
      deadline: '2026-11-10',
      light: 'red',
      statusText: '未开始',
    });
    expect(byTitle['临期']).toMatchObject({ id: soon.id, light: 'yellow' });
    expect(byTitle['下月到期'].light).toBe('green');
    expect(byTitle['无时限事项']).toMatchObject({ light: 'none', deadline: null });
    expect(byTitle['被退回'].statusText).toBe('已退回');
    // The send-back reason travels with the row (我的待办, the boards); only the returned one has one.
    expect(byTitle['被退回'].returnReason).toBe('佐证材料不全');
    expect(byTitle['临期'].returnReason).toBeNull();
    // Sent back twice: the newest reason.
    const again = await filer.ok('items.markComplete', {
      id: returned.id,
      version: (await h.ok('items.get', { id: returned.id })).version,
    });
    await h.ok('items.sendBack', { id: returned.id, version: again.version, reason: '会议记录缺少签名' });
    const reasons = Object.fromEntries((await filer.ok('work.mine')).map((e) => [e.title, e.returnReason]));
    expect(reasons['被退回']).toBe('会议记录缺少签名');
    // 本院挂图's rows carry it too.
    const board = await filer.ok('boards.court');
    expect(board.myWork.find((e) => e.id === returned.id)?.returnReason).toBe('会议记录缺少签名');
  });

  it('gives a reviewer items completed by someone else to sign off, never their own', async () => {
    const { h, campaign, lian } = await court();
    const byFiler = await h.ok('items.create', {
      campaignId: campaign.id,
      title: '填报人完成的',
      departmentId: lian,
      deadline: '2026-11-30',
    });
    const byAdmin = await h.ok('items.create', {
      campaignId: campaign.id,
      title: '管理员自己完成的',
      departmentId: lian,
      deadline: '2026-11-29',
    });
    await h.ok('items.create', { campaignId: campaign.id, title: '还没完成的', departmentId: lian });
    await h.addUser({ username: 'tianfa', displayName: '田填报', roles: ['filer'], departmentId: lian });
    await h.as('tianfa').ok('items.markComplete', { id: byFiler.id, version: byFiler.version });
    await h.ok('items.markComplete', { id: byAdmin.id, version: byAdmin.version });

    // The administrator here is also a reviewer: what they completed themselves waits on another reviewer.
    const mine = await h.ok('work.mine');
    expect(summary(mine)).toEqual(['item:填报人完成的:sign_off']);
    expect(mine[0]).toMatchObject({ light: 'green', statusText: '已完成待销号' });

    await h.addUser({ username: 'chenzr', displayName: '陈主任', roles: ['reviewer'] });
    expect(summary(await h.as('chenzr').ok('work.mine'))).toEqual([
      'item:管理员自己完成的:sign_off',
      'item:填报人完成的:sign_off',
    ]);

    // The filer's list no longer holds what they handed in.
    expect(summary(await h.as('tianfa').ok('work.mine'))).toEqual(['item:还没完成的:fill']);
  });

  it('gives an administrator-only account nothing', async () => {
    const { h, campaign, lian } = await court();
    const item = await h.ok('items.create', {
      campaignId: campaign.id,
      title: '事项',
      departmentId: lian,
      deadline: '2026-11-30',
    });
    await h.ok('items.markComplete', { id: item.id, version: item.version });
    await h.ok('items.create', { campaignId: campaign.id, title: '无部门事项', departmentId: null });
    await h.addUser({ username: 'guanli', displayName: '管理员甲', roles: ['admin'] });
    expect(await h.as('guanli').ok('work.mine')).toEqual([]);
  });

  it('leaves out deleted items, deleted campaigns and ended campaigns', async () => {
    const { h, campaign, lian } = await court();
    await h.addUser({ username: 'tianfa', displayName: '田填报', roles: ['filer'], departmentId: lian });
    const gone = await h.ok('items.create', { campaignId: campaign.id, title: '删除的事项', departmentId: lian });
    await h.ok('items.create', { campaignId: campaign.id, title: '留下的事项', departmentId: lian });
    await h.ok('items.delete', { ids: [gone.id] });
    const ended = await h.ok('campaigns.create', { title: '已结束的活动', year: 2026 });
    await h.ok('items.create', { campaignId: ended.id, title: '结束活动的事项', departmentId: lian });
    await h.ok('campaigns.setStatus', { id: ended.id, version: ended.version, status: 'closed' });
    const removed = await h.ok('campaigns.create', { title: '删除的活动', year: 2026 });
    await h.ok('items.create', { campaignId: removed.id, title: '删除活动的事项', departmentId: lian });
    await h.ok('campaigns.delete', { id: removed.id, version: removed.version });

    expect(summary(await h.as('tianfa').ok('work.mine'))).toEqual(['item:留下的事项:fill']);
  });

  it('lists self-inspection reports: drafts and returned ones to the filer, submitted ones to another reviewer', async () => {
    const { h, campaign, lian, zhixing } = await court();
    const person = await h.ok('people.create', { name: '孙法官', title: '审判员', departmentId: lian });
    const filer = await h.addUser({ username: 'tianfa', displayName: '田填报', roles: ['filer'], departmentId: lian });
    await h.addUser({
      username: 'sunfg',
      displayName: '孙法官',
      roles: ['filer'],
      departmentId: zhixing,
      personId: person.id,
    });
    const admin = (await h.ok('users.list')).find((u) => u.username === 'admin')!;
    const zhou = await h.ok('people.create', { name: '周法官' });
    const wu = await h.ok('people.create', { name: '吴法官' });
    await write(h, async (writer) => {
      await writer.insert(
        'inspectionReports',
        report({
          campaignId: campaign.id,
          scope: 'department',
          departmentId: lian,
          subjectName: '立案庭',
          status: 'draft',
        }),
      );
      await writer.insert(
        'inspectionReports',
        report({
          campaignId: campaign.id,
          scope: 'person',
          personId: person.id,
          departmentId: lian,
          subjectName: '孙法官',
          status: 'returned',
          round: 1,
        }),
      );
      await writer.insert(
        'inspectionReports',
        report({
          campaignId: campaign.id,
          scope: 'department',
          departmentId: zhixing,
          subjectName: '执行局',
          status: 'submitted',
          round: 1,
          submittedBy: filer.id,
          submittedByName: '田填报',
        }),
      );
      await writer.insert(
        'inspectionReports',
        report({
          campaignId: campaign.id,
          scope: 'person',
          personId: zhou.id,
          subjectName: '周法官',
          status: 'submitted',
          round: 1,
          submittedBy: admin.id,
        }),
      );
      await writer.insert(
        'inspectionReports',
        report({
          campaignId: campaign.id,
          scope: 'person',
          personId: wu.id,
          subjectName: '吴法官',
          status: 'accepted',
          round: 1,
          submittedBy: filer.id,
        }),
      );
    });

    const filerWork = await h.as('tianfa').ok('work.mine');
    // Same deadline (the campaign's end): by title.
    expect(summary(filerWork)).toEqual(['report:立案庭的查摆报告表:fill', 'report:孙法官的查摆报告表:revise']);
    expect(filerWork[1]).toMatchObject({
      campaignTitle: '能力作风建设年',
      departmentName: '立案庭',
      deadline: '2026-12-31',
      light: 'green',
      statusText: '已退回重填',
    });
    expect(filerWork[0].statusText).toBe('草稿');

    // 孙法官 now works in 执行局 but still owns their person report.
    expect(summary(await h.as('sunfg').ok('work.mine'))).toEqual(['report:孙法官的查摆报告表:revise']);

    // The administrator (a reviewer) does not review the report they submitted themselves.
    const reviewerWork = await h.ok('work.mine');
    expect(summary(reviewerWork)).toEqual(['report:执行局的查摆报告表:review']);
    expect(reviewerWork[0]).toMatchObject({ departmentName: '执行局', statusText: '已提交待审核' });
  });

  it('lists ledger measures to fill, revise and sign off, titled by their finding', async () => {
    const { h, campaign, lian, zhixing } = await court();
    const filer = await h.addUser({ username: 'tianfa', displayName: '田填报', roles: ['filer'], departmentId: lian });
    const admin = (await h.ok('users.list')).find((u) => u.username === 'admin')!;
    await write(h, async (writer) => {
      const found = await writer.insert(
        'ledgerFindings',
        finding({
          campaignId: campaign.id,
          source: 'inspection_feedback',
          title: '立案登记不规范',
          departmentId: lian,
        }),
      );
      const add = (
        text: string,
        fields: Partial<Insertable<LedgerMeasuresTable>> & Pick<Insertable<LedgerMeasuresTable>, 'status'>,
        sortOrder: number,
      ) =>
        writer.insert(
          'ledgerMeasures',
          measure({ findingId: found.id, campaignId: campaign.id, text, departmentId: lian, sortOrder, ...fields }),
        );
      await add('建立登记台账', { status: 'identified', deadline: '2026-12-15' }, 1);
      await add('开展专项培训', { status: 'in_progress', deadline: '2026-11-20' }, 2);
      await add('补齐登记材料', { status: 'returned', deadline: '2026-11-26' }, 3);
      await add('规范窗口服务', { status: 'reopened', deadline: null }, 4);
      await add('完善考核办法', { status: 'submitted', deadline: '2026-11-22', submittedBy: filer.id }, 5);
      await add('管理员提交的', { status: 'submitted', deadline: '2026-11-23', submittedBy: admin.id }, 6);
      await add('已销号的', { status: 'signed_off', deadline: '2026-11-01' }, 7);
      await add('执行局的措施', { status: 'identified', deadline: '2026-11-01', departmentId: zhixing }, 8);
      const gone = await add('删除的措施', { status: 'identified', deadline: '2026-11-01' }, 9);
      await writer.softDelete('ledgerMeasures', gone.id);
    });

    const filerWork = await h.as('tianfa').ok('work.mine');
    expect(summary(filerWork)).toEqual([
      'measure:立案登记不规范：开展专项培训:fill',
      'measure:立案登记不规范：补齐登记材料:revise',
      'measure:立案登记不规范：建立登记台账:fill',
      'measure:立案登记不规范：规范窗口服务:revise',
    ]);
    expect(filerWork.map((e) => e.light)).toEqual(['red', 'yellow', 'green', 'none']);
    expect(filerWork.map((e) => e.statusText)).toEqual(['整改中', '已退回', '待整改', '回头看发现反弹']);
    expect(filerWork[0]).toMatchObject({ kind: 'measure', departmentName: '立案庭', campaignId: campaign.id });

    // Handed in, the measure is judged done (green) even past its deadline.
    const reviewerWork = await h.ok('work.mine');
    expect(summary(reviewerWork)).toEqual(['measure:立案登记不规范：完善考核办法:sign_off']);
    expect(reviewerWork[0]).toMatchObject({ light: 'green', statusText: '待销号', deadline: '2026-11-22' });
  });

  it('lists scheduled look-backs to reviewers only, red when overdue and yellow within the warning days', async () => {
    const { h, campaign, lian } = await court();
    await h.addUser({ username: 'tianfa', displayName: '田填报', roles: ['filer'], departmentId: lian });
    await h.ok('campaigns.setLightRules', {
      id: campaign.id,
      version: campaign.version,
      yellowDays: 10,
      escalateGreen: 'owner',
      escalateYellow: 'department_head',
      escalateRed: 'lead_leader',
      lookbackMonths: 6,
    });
    await write(h, async (writer) => {
      const found = await writer.insert(
        'ledgerFindings',
        finding({ campaignId: campaign.id, source: 'petition', title: '信访答复超期', departmentId: lian }),
      );
      const measured = await writer.insert(
        'ledgerMeasures',
        measure({
          findingId: found.id,
          campaignId: campaign.id,
          text: '建立答复时限提醒',
          departmentId: lian,
          status: 'signed_off',
        }),
      );
      await writer.insert(
        'lookbacks',
        lookback({ measureId: measured.id, dueDate: '2026-12-03', status: 'scheduled' }),
      );
      await writer.insert(
        'lookbacks',
        lookback({ measureId: measured.id, dueDate: '2026-11-01', status: 'scheduled' }),
      );
      await writer.insert(
        'lookbacks',
        lookback({ measureId: measured.id, dueDate: '2027-05-01', status: 'scheduled' }),
      );
      await writer.insert('lookbacks', lookback({ measureId: measured.id, dueDate: '2026-10-01', status: 'passed' }));
    });

    const work = await h.ok('work.mine');
    expect(work.map((e) => [e.kind, e.action, e.deadline, e.light])).toEqual([
      ['lookback', 'recheck', '2026-11-01', 'red'],
      ['lookback', 'recheck', '2026-12-03', 'yellow'],
      ['lookback', 'recheck', '2027-05-01', 'green'],
    ]);
    expect(work[0]).toMatchObject({
      title: '信访答复超期：建立答复时限提醒',
      departmentName: '立案庭',
      statusText: '待回头看',
    });
    expect(await h.as('tianfa').ok('work.mine')).toEqual([]);
  });

  it('mixes every kind in one list ordered by deadline, no deadline last', async () => {
    const { h, campaign, lian } = await court();
    await h.addUser({ username: 'tianfa', displayName: '田填报', roles: ['filer', 'reviewer'], departmentId: lian });
    await h.ok('items.create', {
      campaignId: campaign.id,
      title: '事项甲',
      departmentId: lian,
      deadline: '2026-12-31',
    });
    await h.ok('items.create', {
      campaignId: campaign.id,
      title: '事项乙',
      departmentId: lian,
      deadline: '2026-11-25',
    });
    await write(h, async (writer) => {
      await writer.insert(
        'inspectionReports',
        report({
          campaignId: campaign.id,
          scope: 'department',
          departmentId: lian,
          subjectName: '立案庭',
          status: 'draft',
        }),
      );
      const found = await writer.insert(
        'ledgerFindings',
        finding({ campaignId: campaign.id, source: 'self_inspection', title: '问题', departmentId: lian }),
      );
      const measured = await writer.insert(
        'ledgerMeasures',
        measure({
          findingId: found.id,
          campaignId: campaign.id,
          text: '措施',
          departmentId: lian,
          status: 'in_progress',
        }),
      );
      await writer.insert(
        'lookbacks',
        lookback({ measureId: measured.id, dueDate: '2026-12-01', status: 'scheduled' }),
      );
    });
    const work = await h.as('tianfa').ok('work.mine');
    // Same deadline (2026-12-31): the item before the report.
    expect(work.map((e) => `${e.kind}:${e.deadline}`)).toEqual([
      'item:2026-11-25',
      'lookback:2026-12-01',
      'item:2026-12-31',
      'report:2026-12-31',
      'measure:null',
    ]);
  });

  it('follows a report and a measure through the real inspection and ledger services', async () => {
    const { h, campaign, lian } = await court();
    await h.addUser({ username: 'tianfa', displayName: '田填报', roles: ['filer'], departmentId: lian });
    await h.addUser({ username: 'chenzr', displayName: '陈主任', roles: ['reviewer'] });
    const filer = h.as('tianfa');
    const reviewer = h.as('chenzr');
    const actions = async (caller: typeof filer) =>
      (await caller.ok('work.mine')).map((e) => `${e.kind}:${e.action}:${e.statusText}`);

    // Self-inspection: draft → submitted → returned → resubmitted → accepted.
    let report = await filer.ok('inspection.create', {
      campaignId: campaign.id,
      scope: 'department',
      departmentId: lian,
    });
    expect(await actions(filer)).toEqual(['report:fill:草稿']);
    report = await filer.ok('inspection.saveDraft', {
      id: report.id,
      version: report.version,
      noProblem: true,
      noProblemReason: '经逐项对照问题清单查摆，本庭未发现相关问题，已组织全庭人员讨论确认。',
      claims: [],
    });
    report = await filer.ok('inspection.submit', { id: report.id, version: report.version });
    expect(await actions(filer)).toEqual([]);
    expect(await actions(reviewer)).toEqual(['report:review:已提交待审核']);
    report = await reviewer.ok('inspection.return', {
      id: report.id,
      version: report.version,
      reason: '理由过于笼统，请结合具体案件查摆',
    });
    expect(await actions(filer)).toEqual(['report:revise:已退回重填']);
    expect(await actions(reviewer)).toEqual([]);
    report = await filer.ok('inspection.submit', { id: report.id, version: report.version });
    await reviewer.ok('inspection.accept', { id: report.id, version: report.version });
    expect(await actions(filer)).toEqual([]);
    expect(await actions(reviewer)).toEqual([]);

    // Ledger: identified → submitted → signed off → look-back due → relapse reopens it.
    const finding = await h.ok('ledger.createFinding', {
      campaignId: campaign.id,
      source: 'inspection_feedback',
      title: '立案窗口服务不规范',
      departmentId: lian,
    });
    let measure = await h.ok('ledger.createMeasure', {
      findingId: finding.id,
      text: '制定窗口服务规范',
      owner: '孙法官',
      departmentId: lian,
      deadline: '2026-11-30',
    });
    expect(await actions(filer)).toEqual(['measure:fill:待整改']);
    measure = await filer.ok('ledger.submit', {
      id: measure.id,
      version: measure.version,
      note: '规范已印发并组织培训',
    });
    expect(await actions(filer)).toEqual([]);
    expect(await actions(reviewer)).toEqual(['measure:sign_off:待销号']);
    measure = await reviewer.ok('ledger.signOff', { id: measure.id, version: measure.version, opinion: '同意销号' });
    expect(await actions(reviewer)).toEqual(['lookback:recheck:待回头看']);
    const lookback = measure.lookbacks.find((l) => l.status === 'scheduled')!;
    expect((await reviewer.ok('work.mine'))[0]).toMatchObject({
      id: lookback.id,
      deadline: lookback.dueDate,
      light: 'green',
    });
    // Six months on, the look-back is overdue.
    h.setNow(new Date(Date.parse(`${lookback.dueDate}T10:00:00+08:00`) + 3 * 86_400_000).toISOString());
    expect((await reviewer.ok('work.mine'))[0].light).toBe('red');
    await reviewer.ok('lookbacks.record', {
      id: lookback.id,
      version: lookback.version,
      result: 'relapsed',
      note: '窗口又出现推诿现象',
    });
    expect(await actions(reviewer)).toEqual([]);
    expect(await actions(filer)).toEqual(['measure:revise:回头看发现反弹']);
  });

  it('keeps a look-back away from the reviewer who handed the measure in', async () => {
    const { h, campaign, lian } = await court();
    await h.addUser({ username: 'chenzr', displayName: '陈主任', roles: ['reviewer'] });
    const finding = await h.ok('ledger.createFinding', {
      campaignId: campaign.id,
      source: 'petition',
      title: '信访答复超期',
      departmentId: lian,
    });
    let measure = await h.ok('ledger.createMeasure', {
      findingId: finding.id,
      text: '建立答复时限提醒',
      departmentId: lian,
      deadline: '2026-11-30',
    });
    measure = await h.ok('ledger.submit', { id: measure.id, version: measure.version, note: '已建立提醒' });
    await h.as('chenzr').ok('ledger.signOff', { id: measure.id, version: measure.version });
    expect(summary(await h.ok('work.mine'))).toEqual([]);
    expect(summary(await h.as('chenzr').ok('work.mine'))).toEqual(['lookback:信访答复超期：建立答复时限提醒:recheck']);
  });
});
