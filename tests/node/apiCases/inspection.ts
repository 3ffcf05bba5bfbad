// Self-inspection (问题查摆): the problem catalogue, reports and their review, the evasion checks
// and the step from an accepted claim to the ledger — good and bad input for each operation.
// The builders at the top are shared with tests/node/inspection.test.ts.
import { expect } from 'vitest';
import type { InspectionOperation } from '../../../src/main/inspection/inspectionHandlers';
import type { Input, ProblemCatalogue } from '../../../src/shared/api';
import type { Caller } from '../harness';
import { expectFailure, MISSING_ID, secondReviewer, type Fixture, type OperationCases } from './shared';

/** Two aspects: 一、 with two problems (1, 2), 二、 with one (3). */
export async function withCatalogue(fx: Fixture): Promise<ProblemCatalogue> {
  const { h, campaign } = fx;
  let catalogue = await h.ok('problems.createAspect', { campaignId: campaign.id, title: '窗口作风方面' });
  catalogue = await h.ok('problems.createAspect', { campaignId: campaign.id, title: '担当作为方面' });
  const [window, duty] = catalogue.aspects;
  await h.ok('problems.create', {
    aspectId: window.id,
    title: '当场立案落实不到位',
    description: '有案不立、拖延立案',
  });
  await h.ok('problems.create', { aspectId: window.id, title: '一次性告知不到位' });
  return h.ok('problems.create', { aspectId: duty.id, title: '长期未结案件清理不力' });
}

/** Two departments with a head each and one clerk in 立案庭. */
export async function withOrg(fx: Fixture) {
  const { h } = fx;
  const lian = await h.ok('departments.create', { name: '立案庭', headName: '郑雪' });
  const xingshi = await h.ok('departments.create', { name: '刑事审判庭', headName: '冯志刚' });
  const zhengxue = await h.ok('people.create', { name: '郑雪', title: '立案庭庭长', departmentId: lian.id });
  const lixf = await h.ok('people.create', { name: '李晓芳', title: '立案庭书记员', departmentId: lian.id });
  const fengzg = await h.ok('people.create', { name: '冯志刚', title: '刑事审判庭庭长', departmentId: xingshi.id });
  return { lian, xingshi, zhengxue, lixf, fengzg };
}

/** A 填报人 of the given department, logged in on session 'lixf'. */
export async function filerOf(fx: Fixture, departmentId: string): Promise<Caller> {
  await fx.h.addUser({ username: 'lixf', displayName: '李晓芳', roles: ['filer'], departmentId });
  return fx.h.as('lixf');
}

type ClaimInput = Input<'inspection.saveDraft'>['claims'][number];

export function goodClaim(problemId: string | null, fields: Partial<ClaimInput> = {}): ClaimInput {
  return {
    problemId,
    facts: '2026年4月，立案窗口对一起民间借贷纠纷两次让当事人回去补材料，未当场登记立案，当事人到院长信箱反映。',
    cause: '对登记立案制度要求传达不到位，窗口人员把立案审查当成实体审查。',
    measures: '组织窗口人员逐条学习登记立案规定，每周抽查补正材料登记记录。',
    deadline: '2026-12-31',
    ...fields,
  };
}

/** A person's report with one complete claim, submitted by `by` (the administrator unless given). */
export async function submittedReport(
  fx: Fixture,
  personId: string,
  problemId: string,
  by: Caller = fx.h,
  claims?: ClaimInput[],
) {
  const report = await by.ok('inspection.create', { campaignId: fx.campaign.id, scope: 'person', personId });
  const saved = await by.ok('inspection.saveDraft', {
    id: report.id,
    version: report.version,
    claims: claims ?? [goodClaim(problemId)],
  });
  return by.ok('inspection.submit', { id: saved.id, version: saved.version });
}

/** Everything a review needs: catalogue, departments and people, a submitted report by the administrator. */
async function reviewFixture(fx: Fixture) {
  const catalogue = await withCatalogue(fx);
  const org = await withOrg(fx);
  const problem = catalogue.aspects[0].problems[0];
  const report = await submittedReport(fx, org.zhengxue.id, problem.id);
  return { catalogue, org, problem, report };
}

/** An accepted report (submitted by the administrator, accepted by a second reviewer). */
async function acceptedReport(fx: Fixture) {
  const setup = await reviewFixture(fx);
  const other = await secondReviewer(fx);
  const accepted = await other.ok('inspection.accept', {
    id: setup.report.id,
    version: setup.report.version,
    opinion: '查摆具体，同意。',
  });
  return { ...setup, accepted, other };
}

export const inspectionCases: OperationCases<InspectionOperation> = {
  'problems.catalogue': {
    good: async (fx) => {
      expect(await fx.h.ok('problems.catalogue', { campaignId: fx.campaign.id })).toEqual({
        campaignId: fx.campaign.id,
        aspects: [],
        problemCount: 0,
      });
      await withCatalogue(fx);
      const catalogue = await fx.h.ok('problems.catalogue', { campaignId: fx.campaign.id });
      expect(catalogue.problemCount).toBe(3);
      expect(catalogue.aspects.map((a) => `${a.number}${a.title}`)).toEqual(['一、窗口作风方面', '二、担当作为方面']);
      expect(catalogue.aspects.flatMap((a) => a.problems.map((p) => `${p.number}.${p.title}`))).toEqual([
        '1.当场立案落实不到位',
        '2.一次性告知不到位',
        '3.长期未结案件清理不力',
      ]);
      expect(catalogue.aspects[0].problems[0]).toMatchObject({
        description: '有案不立、拖延立案',
        origin: 'J2301',
        version: 1,
      });
    },
    bad: async ({ h }) => {
      expectFailure(await h.call('problems.catalogue', { campaignId: MISSING_ID }), 'E_NOT_FOUND', /专项活动/);
      expectFailure(await h.call('problems.catalogue', { campaignId: 'abc' }), 'E_INVALID', /编号格式/);
    },
  },
  'problems.createAspect': {
    good: async (fx) => {
      const catalogue = await fx.h.ok('problems.createAspect', { campaignId: fx.campaign.id, title: ' 政治能力方面 ' });
      expect(catalogue.aspects).toHaveLength(1);
      expect(catalogue.aspects[0]).toMatchObject({ title: '政治能力方面', number: '一、', problems: [] });
      const [entry] = await fx.h.ok('audit.list', { rowId: catalogue.aspects[0].id });
      expect(entry).toMatchObject({ operation: 'create', tableName: 'problemAspects', actor: '王书记员（admin）' });
    },
    bad: async (fx) => {
      const blank = expectFailure(
        await fx.h.call('problems.createAspect', { campaignId: fx.campaign.id, title: '  ' }),
        'E_INVALID',
      );
      expect(blank.fieldErrors?.title).toMatch(/请填写方面名称/);
      expectFailure(
        await fx.h.call('problems.createAspect', { campaignId: MISSING_ID, title: '政治能力方面' }),
        'E_NOT_FOUND',
      );
      const { lian } = await withOrg(fx);
      const filer = await filerOf(fx, lian.id);
      expectFailure(
        await filer.call('problems.createAspect', { campaignId: fx.campaign.id, title: '政治能力方面' }),
        'E_FORBIDDEN',
        /管理员或审核人/,
      );
      await fx.h.ok('campaigns.setStatus', { id: fx.campaign.id, version: fx.campaign.version, status: 'closed' });
      expectFailure(
        await fx.h.call('problems.createAspect', { campaignId: fx.campaign.id, title: '政治能力方面' }),
        'E_CLOSED',
        /已结束/,
      );
    },
  },
  'problems.updateAspect': {
    good: async (fx) => {
      const aspect = (await withCatalogue(fx)).aspects[1];
      const catalogue = await fx.h.ok('problems.updateAspect', {
        id: aspect.id,
        version: aspect.version,
        title: '担当作为不够方面',
      });
      expect(catalogue.aspects[1]).toMatchObject({
        id: aspect.id,
        title: '担当作为不够方面',
        version: 2,
        number: '二、',
      });
      expect(catalogue.aspects[1].problems).toHaveLength(1);
    },
    bad: async (fx) => {
      const aspect = (await withCatalogue(fx)).aspects[0];
      await fx.h.ok('problems.updateAspect', { id: aspect.id, version: aspect.version, title: '窗口服务方面' });
      expectFailure(
        await fx.h.call('problems.updateAspect', { id: aspect.id, version: aspect.version, title: '窗口作风问题' }),
        'E_STALE',
        /刷新/,
      );
      expectFailure(
        await fx.h.call('problems.updateAspect', { id: MISSING_ID, version: 1, title: '窗口作风问题' }),
        'E_NOT_FOUND',
        /问题方面/,
      );
    },
  },
  'problems.deleteAspect': {
    good: async (fx) => {
      let catalogue = await withCatalogue(fx);
      catalogue = await fx.h.ok('problems.createAspect', { campaignId: fx.campaign.id, title: '临时方面' });
      const spare = catalogue.aspects[2];
      catalogue = await fx.h.ok('problems.deleteAspect', { id: spare.id, version: spare.version });
      expect(catalogue.aspects.map((a) => a.title)).toEqual(['窗口作风方面', '担当作为方面']);
      // Emptied by deleting its problem, an aspect can go too; the rest is renumbered.
      const first = catalogue.aspects[0];
      for (const problem of first.problems)
        catalogue = await fx.h.ok('problems.delete', { id: problem.id, version: problem.version });
      catalogue = await fx.h.ok('problems.deleteAspect', { id: first.id, version: first.version });
      expect(catalogue.aspects.map((a) => `${a.number}${a.title}`)).toEqual(['一、担当作为方面']);
      expect(catalogue.aspects[0].problems[0].number).toBe(1);
    },
    bad: async (fx) => {
      const aspect = (await withCatalogue(fx)).aspects[0];
      expectFailure(
        await fx.h.call('problems.deleteAspect', { id: aspect.id, version: aspect.version }),
        'E_NOT_EMPTY',
        /窗口作风方面.*还有 2 个问题/,
      );
      expect((await fx.h.ok('problems.catalogue', { campaignId: fx.campaign.id })).problemCount).toBe(3);
      expectFailure(
        await fx.h.call('problems.deleteAspect', { id: aspect.id, version: aspect.version + 1 }),
        'E_STALE',
      );
    },
  },
  'problems.create': {
    good: async (fx) => {
      const before = await withCatalogue(fx);
      const catalogue = await fx.h.ok('problems.create', {
        aspectId: before.aspects[0].id,
        title: '12368 热线答复不及时',
      });
      // Numbered across the catalogue: the new third problem of 一、 pushes 二、's problem to 4.
      expect(catalogue.aspects.flatMap((a) => a.problems.map((p) => p.number))).toEqual([1, 2, 3, 4]);
      expect(catalogue.aspects[0].problems[2]).toMatchObject({
        title: '12368 热线答复不及时',
        number: 3,
        description: '',
      });
      expect(catalogue.problemCount).toBe(4);
    },
    bad: async (fx) => {
      const aspect = (await withCatalogue(fx)).aspects[0];
      const blank = expectFailure(await fx.h.call('problems.create', { aspectId: aspect.id, title: '' }), 'E_INVALID');
      expect(blank.fieldErrors?.title).toMatch(/请填写问题/);
      const missing = expectFailure(
        await fx.h.call('problems.create', { aspectId: MISSING_ID, title: '来访接待推诿扯皮' }),
        'E_NOT_FOUND',
      );
      expect(missing.fieldErrors?.aspectId).toBeTruthy();
    },
  },
  'problems.update': {
    good: async (fx) => {
      const problem = (await withCatalogue(fx)).aspects[0].problems[1];
      const catalogue = await fx.h.ok('problems.update', {
        id: problem.id,
        version: problem.version,
        title: '一次性告知不到位',
        description: '当事人多次往返补交材料',
      });
      expect(catalogue.aspects[0].problems[1]).toMatchObject({
        id: problem.id,
        version: 2,
        description: '当事人多次往返补交材料',
        number: 2,
      });
    },
    bad: async (fx) => {
      const problem = (await withCatalogue(fx)).aspects[0].problems[1];
      await fx.h.ok('problems.update', { id: problem.id, version: problem.version, title: '一次性告知不全' });
      expectFailure(
        await fx.h.call('problems.update', { id: problem.id, version: problem.version, title: '告知不到位' }),
        'E_STALE',
      );
      expectFailure(
        await fx.h.call('problems.update', { id: problem.id, version: 2, title: 'x'.repeat(201) }),
        'E_INVALID',
        /200/,
      );
    },
  },
  'problems.delete': {
    good: async (fx) => {
      const problem = (await withCatalogue(fx)).aspects[0].problems[0];
      const catalogue = await fx.h.ok('problems.delete', { id: problem.id, version: problem.version });
      expect(catalogue.aspects.flatMap((a) => a.problems.map((p) => `${p.number}.${p.title}`))).toEqual([
        '1.一次性告知不到位',
        '2.长期未结案件清理不力',
      ]);
    },
    bad: async (fx) => {
      const { problem } = await reviewFixture(fx);
      expectFailure(
        await fx.h.call('problems.delete', { id: problem.id, version: problem.version }),
        'E_IN_USE',
        /当场立案落实不到位.*“郑雪”.*认领/,
      );
      expect((await fx.h.ok('problems.catalogue', { campaignId: fx.campaign.id })).problemCount).toBe(3);
    },
  },

  'inspection.list': {
    good: async (fx) => {
      const { org } = await reviewFixture(fx);
      await fx.h.ok('inspection.create', {
        campaignId: fx.campaign.id,
        scope: 'department',
        departmentId: org.lian.id,
      });
      await fx.h.ok('inspection.create', { campaignId: fx.campaign.id, scope: 'person', personId: org.fengzg.id });
      const list = await fx.h.ok('inspection.list', { campaignId: fx.campaign.id });
      // 立案庭 (its own report first, then its people), then 刑事审判庭.
      expect(list.map((r) => [r.subjectName, r.scope, r.departmentName, r.status, r.claimCount])).toEqual([
        ['立案庭', 'department', '立案庭', 'draft', 0],
        ['郑雪', 'person', '立案庭', 'submitted', 1],
        ['冯志刚', 'person', '刑事审判庭', 'draft', 0],
      ]);
    },
    bad: async ({ h }) => {
      expectFailure(await h.call('inspection.list', { campaignId: MISSING_ID }), 'E_NOT_FOUND');
      expectFailure(await h.call('inspection.list', {} as never), 'E_INVALID');
    },
  },
  'inspection.get': {
    good: async (fx) => {
      const { report, problem } = await reviewFixture(fx);
      const detail = await fx.h.ok('inspection.get', { id: report.id });
      expect(detail).toMatchObject({
        subjectName: '郑雪',
        status: 'submitted',
        round: 1,
        submittedByName: '王书记员',
        claimCount: 1,
      });
      expect(detail.claims[0]).toMatchObject({
        problemId: problem.id,
        problemTitle: '当场立案落实不到位',
        findingId: null,
        sortOrder: 1,
      });
      expect(detail.rounds).toHaveLength(1);
      expect(detail.rounds[0]).toMatchObject({
        round: 1,
        decision: null,
        claims: [{ problemTitle: '当场立案落实不到位' }],
      });
    },
    bad: async ({ h }) => {
      expectFailure(await h.call('inspection.get', { id: MISSING_ID }), 'E_NOT_FOUND', /查摆报告/);
    },
  },
  'inspection.create': {
    good: async (fx) => {
      const { lian, lixf } = await withOrg(fx);
      const filer = await filerOf(fx, lian.id);
      const report = await filer.ok('inspection.create', {
        campaignId: fx.campaign.id,
        scope: 'person',
        personId: lixf.id,
      });
      expect(report).toMatchObject({
        scope: 'person',
        personId: lixf.id,
        departmentId: lian.id,
        departmentName: '立案庭',
        subjectName: '李晓芳',
        status: 'draft',
        round: 0,
        claims: [],
        rounds: [],
      });
      const dept = await fx.h.ok('inspection.create', {
        campaignId: fx.campaign.id,
        scope: 'department',
        departmentId: lian.id,
      });
      expect(dept).toMatchObject({ scope: 'department', personId: null, subjectName: '立案庭' });
      const [entry] = await fx.h.ok('audit.list', { rowId: report.id });
      expect(entry).toMatchObject({ operation: 'create', tableName: 'inspectionReports', actor: '李晓芳（lixf）' });
    },
    bad: async (fx) => {
      const { lixf, fengzg, lian } = await withOrg(fx);
      const noPerson = expectFailure(
        await fx.h.call('inspection.create', { campaignId: fx.campaign.id, scope: 'person' }),
        'E_INVALID',
      );
      expect(noPerson.fieldErrors?.personId).toMatch(/请选择填报人/);
      await fx.h.ok('inspection.create', { campaignId: fx.campaign.id, scope: 'person', personId: lixf.id });
      expectFailure(
        await fx.h.call('inspection.create', { campaignId: fx.campaign.id, scope: 'person', personId: lixf.id }),
        'E_DUPLICATE',
        /“李晓芳”.*已有一份查摆报告/,
      );
      const filer = await filerOf(fx, lian.id);
      expectFailure(
        await filer.call('inspection.create', { campaignId: fx.campaign.id, scope: 'person', personId: fengzg.id }),
        'E_FORBIDDEN',
        /立案庭的填报人.*刑事审判庭/,
      );
      expectFailure(
        await fx.h.call('inspection.create', {
          campaignId: fx.campaign.id,
          scope: 'department',
          departmentId: MISSING_ID,
        }),
        'E_NOT_FOUND',
        /部门/,
      );
    },
  },
  'inspection.saveDraft': {
    good: async (fx) => {
      const catalogue = await withCatalogue(fx);
      const { zhengxue } = await withOrg(fx);
      const [p1, p2] = catalogue.aspects[0].problems;
      let report = await fx.h.ok('inspection.create', {
        campaignId: fx.campaign.id,
        scope: 'person',
        personId: zhengxue.id,
      });
      report = await fx.h.ok('inspection.saveDraft', {
        id: report.id,
        version: report.version,
        claims: [goodClaim(p1.id), { ownProblem: '导诉台指引不清', facts: '只写了一半' }],
      });
      expect(report.claims.map((c) => c.problemTitle)).toEqual(['当场立案落实不到位', '导诉台指引不清']);
      const [kept, dropped] = report.claims;
      // Keep the first (edited), drop the second, add a new one.
      report = await fx.h.ok('inspection.saveDraft', {
        id: report.id,
        version: report.version,
        claims: [{ ...goodClaim(p1.id), id: kept.id, cause: '改过的原因' }, goodClaim(p2.id)],
      });
      expect(report.claims.map((c) => [c.problemTitle, c.sortOrder])).toEqual([
        ['当场立案落实不到位', 1],
        ['一次性告知不到位', 2],
      ]);
      expect(report.claims[0]).toMatchObject({ id: kept.id, cause: '改过的原因', version: 2 });
      expect(report.claims.some((c) => c.id === dropped.id)).toBe(false);
      expect(report.claimCount).toBe(2);
      report = await fx.h.ok('inspection.saveDraft', {
        id: report.id,
        version: report.version,
        noProblem: true,
        noProblemReason: '经对照检查',
        claims: [],
      });
      expect(report).toMatchObject({ noProblem: true, noProblemReason: '经对照检查', claims: [] });
    },
    bad: async (fx) => {
      const { report, org } = await reviewFixture(fx);
      expectFailure(
        await fx.h.call('inspection.saveDraft', { id: report.id, version: report.version, claims: [] }),
        'E_BAD_STATE',
        /已提交待审核.*不能修改/,
      );
      const draft = await fx.h.ok('inspection.create', {
        campaignId: fx.campaign.id,
        scope: 'person',
        personId: org.lixf.id,
      });
      const other = await fx.h.ok('campaigns.create', { title: '清廉法院建设', year: 2026 });
      const foreignAspect = (await fx.h.ok('problems.createAspect', { campaignId: other.id, title: '廉洁方面' }))
        .aspects[0];
      const foreign = (await fx.h.ok('problems.create', { aspectId: foreignAspect.id, title: '微腐败' })).aspects[0]
        .problems[0];
      const wrong = expectFailure(
        await fx.h.call('inspection.saveDraft', {
          id: draft.id,
          version: draft.version,
          claims: [goodClaim(foreign.id)],
        }),
        'E_INVALID',
      );
      expect(wrong.fieldErrors?.['claims.0.problemId']).toMatch(/不在本活动的问题清单/);
      const badDate = expectFailure(
        await fx.h.call('inspection.saveDraft', {
          id: draft.id,
          version: draft.version,
          claims: [goodClaim(null, { deadline: '2026-02-30' })],
        }),
        'E_INVALID',
      );
      expect(badDate.fieldErrors?.['claims.0.deadline']).toMatch(/不存在/);
      expectFailure(
        await fx.h.call('inspection.saveDraft', { id: draft.id, version: draft.version + 1, claims: [] }),
        'E_STALE',
      );
    },
  },
  'inspection.submit': {
    good: async (fx) => {
      const catalogue = await withCatalogue(fx);
      const { lixf } = await withOrg(fx);
      const report = await submittedReport(fx, lixf.id, catalogue.aspects[0].problems[0].id);
      expect(report).toMatchObject({
        status: 'submitted',
        round: 1,
        submittedByName: '王书记员',
        reviewer: '',
        reviewNote: '',
      });
      expect(new Date(report.submittedAt!).toISOString()).toBe('2026-11-24T02:00:00.000Z');
      expect(report.rounds.map((r) => [r.round, r.submittedByName, r.noProblem, r.claims.length])).toEqual([
        [1, '王书记员', false, 1],
      ]);
      const noProblem = await fx.h.ok('inspection.create', {
        campaignId: fx.campaign.id,
        scope: 'department',
        departmentId: lixf.departmentId,
      });
      const saved = await fx.h.ok('inspection.saveDraft', {
        id: noProblem.id,
        version: noProblem.version,
        noProblem: true,
        noProblemReason: '对照38个问题逐项查摆，本部门今年未发生投诉和发改案件。',
        claims: [],
      });
      const sent = await fx.h.ok('inspection.submit', { id: saved.id, version: saved.version });
      expect(sent.rounds[0]).toMatchObject({
        noProblem: true,
        noProblemReason: '对照38个问题逐项查摆，本部门今年未发生投诉和发改案件。',
        claims: [],
      });
    },
    bad: async (fx) => {
      const catalogue = await withCatalogue(fx);
      const { lixf } = await withOrg(fx);
      let report = await fx.h.ok('inspection.create', {
        campaignId: fx.campaign.id,
        scope: 'person',
        personId: lixf.id,
      });
      const empty = expectFailure(
        await fx.h.call('inspection.submit', { id: report.id, version: report.version }),
        'E_INVALID',
        /没有填写完整/,
      );
      expect(empty.fieldErrors?.claims).toMatch(/至少认领一个问题/);
      report = await fx.h.ok('inspection.saveDraft', {
        id: report.id,
        version: report.version,
        claims: [
          goodClaim(catalogue.aspects[0].problems[0].id),
          { facts: '  ', cause: '原因', measures: '', deadline: null },
        ],
      });
      const partial = expectFailure(
        await fx.h.call('inspection.submit', { id: report.id, version: report.version }),
        'E_INVALID',
        /共 4 处/,
      );
      expect(partial.fieldErrors).toEqual({
        'claims.1.problemId': '第 2 个问题：请从问题清单中选择，或填写自查发现的问题',
        'claims.1.facts': '第 2 个问题：请写明具体事实（涉及的人、案件或事件）',
        'claims.1.measures': '第 2 个问题：请填写整改措施',
        'claims.1.deadline': '第 2 个问题：请填写整改时限',
      });
      expect((await fx.h.ok('inspection.get', { id: report.id })).status).toBe('draft');
    },
  },
  'inspection.return': {
    good: async (fx) => {
      const { report } = await reviewFixture(fx);
      const returned = await fx.h.ok('inspection.return', {
        id: report.id,
        version: report.version,
        reason: '避重就轻，没有写具体案件。',
      });
      expect(returned).toMatchObject({
        status: 'returned',
        reviewer: '王书记员',
        reviewNote: '避重就轻，没有写具体案件。',
        round: 1,
      });
      expect(returned.rounds[0]).toMatchObject({
        decision: 'returned',
        reviewer: '王书记员',
        reason: '避重就轻，没有写具体案件。',
      });
      expect(returned.rounds[0].decidedAt).toBe(returned.decidedAt);
    },
    bad: async (fx) => {
      const { report, org } = await reviewFixture(fx);
      const blank = expectFailure(
        await fx.h.call('inspection.return', { id: report.id, version: report.version, reason: ' ' }),
        'E_INVALID',
      );
      expect(blank.fieldErrors?.reason).toMatch(/请填写退回理由/);
      const filer = await filerOf(fx, org.lian.id);
      expectFailure(
        await filer.call('inspection.return', { id: report.id, version: report.version, reason: '不具体' }),
        'E_FORBIDDEN',
        /审核人/,
      );
      const draft = await fx.h.ok('inspection.create', {
        campaignId: fx.campaign.id,
        scope: 'person',
        personId: org.lixf.id,
      });
      expectFailure(
        await fx.h.call('inspection.return', { id: draft.id, version: draft.version, reason: '不具体' }),
        'E_BAD_STATE',
        /草稿.*不能退回重填/,
      );
    },
  },
  'inspection.reopen': {
    good: async (fx) => {
      const { accepted, other } = await acceptedReport(fx);
      const reopened = await other.ok('inspection.reopen', {
        id: accepted.id,
        version: accepted.version,
        reason: '事实部分需补充案号',
      });
      expect(reopened).toMatchObject({ status: 'returned', reviewNote: '重新打开：事实部分需补充案号' });
      // The accepted round stays in the report's history.
      expect(reopened.rounds.map((r) => r.decision)).toEqual(['accepted']);
    },
    bad: async (fx) => {
      const { report } = await reviewFixture(fx);
      expectFailure(
        await fx.h.call('inspection.reopen', { id: report.id, version: report.version, reason: '复查' }),
        'E_BAD_STATE',
      );
      expectFailure(
        await fx.h.call('inspection.reopen', { id: report.id, version: report.version, reason: '' }),
        'E_INVALID',
        /重新打开的理由/,
      );
    },
  },
  'inspection.accept': {
    good: async (fx) => {
      const { accepted } = await acceptedReport(fx);
      expect(accepted).toMatchObject({ status: 'accepted', reviewer: '陈主任', reviewNote: '查摆具体，同意。' });
      expect(accepted.rounds[0]).toMatchObject({
        decision: 'accepted',
        reviewer: '陈主任',
        reason: '查摆具体，同意。',
      });
    },
    bad: async (fx) => {
      const { report } = await reviewFixture(fx);
      expectFailure(
        await fx.h.call('inspection.accept', { id: report.id, version: report.version }),
        'E_OWN_WORK',
        /本人提交/,
      );
      const other = await secondReviewer(fx);
      expectFailure(await other.call('inspection.accept', { id: report.id, version: report.version + 1 }), 'E_STALE');
      const accepted = await other.ok('inspection.accept', { id: report.id, version: report.version });
      expectFailure(
        await other.call('inspection.accept', { id: accepted.id, version: accepted.version }),
        'E_BAD_STATE',
        /审核通过.*不能审核通过/,
      );
    },
  },
  'inspection.delete': {
    good: async (fx) => {
      const { lixf } = await withOrg(fx);
      const report = await fx.h.ok('inspection.create', {
        campaignId: fx.campaign.id,
        scope: 'person',
        personId: lixf.id,
      });
      const saved = await fx.h.ok('inspection.saveDraft', {
        id: report.id,
        version: report.version,
        claims: [goodClaim(null, { ownProblem: '导诉台指引不清' })],
      });
      expect(await fx.h.ok('inspection.delete', { id: saved.id, version: saved.version })).toEqual({ id: report.id });
      expectFailure(await fx.h.call('inspection.get', { id: report.id }), 'E_NOT_FOUND');
      // The subject is free again.
      expect(
        (await fx.h.ok('inspection.create', { campaignId: fx.campaign.id, scope: 'person', personId: lixf.id }))
          .subjectName,
      ).toBe('李晓芳');
    },
    bad: async (fx) => {
      const { report } = await reviewFixture(fx);
      expectFailure(
        await fx.h.call('inspection.delete', { id: report.id, version: report.version }),
        'E_BAD_STATE',
        /已经提交过，不能删除/,
      );
      const returned = await fx.h.ok('inspection.return', { id: report.id, version: report.version, reason: '不具体' });
      expectFailure(
        await fx.h.call('inspection.delete', { id: returned.id, version: returned.version }),
        'E_BAD_STATE',
        /已退回重填/,
      );
      expect((await fx.h.ok('inspection.get', { id: report.id })).rounds).toHaveLength(1);
    },
  },
  'inspection.checks': {
    good: async (fx) => {
      const { report, catalogue, org } = await reviewFixture(fx);
      const checks = await fx.h.ok('inspection.checks', { campaignId: fx.campaign.id });
      expect(checks.findings).toEqual([]);
      expect(checks.unclaimedProblems.map((p) => `${p.number}.${p.title}（${p.aspectTitle}）`)).toEqual([
        '2.一次性告知不到位（窗口作风方面）',
        '3.长期未结案件清理不力（担当作为方面）',
      ]);
      expect(checks.notFiled.map((n) => [n.scope, n.name, n.status])).toEqual([
        ['department', '立案庭', 'none'],
        ['department', '刑事审判庭', 'none'],
        ['person', '李晓芳', 'none'],
        ['person', '冯志刚', 'none'],
      ]);
      const thin = await submittedReport(fx, org.lixf.id, catalogue.aspects[0].problems[1].id, fx.h, [
        goodClaim(catalogue.aspects[0].problems[1].id, { facts: '窗口服务有不足。' }),
      ]);
      const after = await fx.h.ok('inspection.checks', { campaignId: fx.campaign.id });
      expect(after.findings).toEqual([
        {
          kind: 'short_facts',
          reportId: thin.id,
          claimId: thin.claims[0].id,
          otherReportId: null,
          otherClaimId: null,
          message: expect.stringMatching(/“李晓芳”的查摆报告第 1 个问题（一次性告知不到位）的具体事实只有 7 个字/),
        },
      ]);
      expect(after.unclaimedProblems.map((p) => p.number)).toEqual([3]);
      expect(after.notFiled.some((n) => n.name === '李晓芳')).toBe(false);
      expect(report.id).not.toBe(thin.id);
    },
    bad: async (fx) => {
      expectFailure(await fx.h.call('inspection.checks', { campaignId: MISSING_ID }), 'E_NOT_FOUND');
      const { lian } = await withOrg(fx);
      const filer = await filerOf(fx, lian.id);
      expectFailure(await filer.call('inspection.checks', { campaignId: fx.campaign.id }), 'E_FORBIDDEN');
    },
  },
  'ledger.createFromClaim': {
    good: async (fx) => {
      const { accepted, org } = await acceptedReport(fx);
      const claim = accepted.claims[0];
      const finding = await fx.h.ok('ledger.createFromClaim', { claimId: claim.id });
      expect(finding).toMatchObject({
        source: 'self_inspection',
        title: '当场立案落实不到位',
        reference: '郑雪查摆',
        receivedDate: '2026-11-24',
        departmentId: org.lian.id,
        departmentName: '立案庭',
        claimId: claim.id,
        number: 1,
        closed: false,
        measureCount: 1,
      });
      expect(finding.detail).toBe(`具体事实：${claim.facts}\n原因分析：${claim.cause}`);
      expect(finding.measures).toHaveLength(1);
      expect(finding.measures[0]).toMatchObject({
        text: claim.measures,
        deadline: '2026-12-31',
        owner: '郑雪',
        departmentId: org.lian.id,
        departmentName: '立案庭',
        status: 'identified',
        longTerm: false,
        light: 'green',
      });
      expect((await fx.h.ok('inspection.get', { id: accepted.id })).claims[0].findingId).toBe(finding.id);
    },
    bad: async (fx) => {
      const { report } = await reviewFixture(fx);
      expectFailure(
        await fx.h.call('ledger.createFromClaim', { claimId: report.claims[0].id }),
        'E_BAD_STATE',
        /只有审核通过/,
      );
      const other = await secondReviewer(fx);
      const accepted = await other.ok('inspection.accept', { id: report.id, version: report.version });
      await fx.h.ok('ledger.createFromClaim', { claimId: accepted.claims[0].id });
      expectFailure(
        await fx.h.call('ledger.createFromClaim', { claimId: accepted.claims[0].id }),
        'E_DUPLICATE',
        /已经生成过整改台账/,
      );
      expectFailure(await fx.h.call('ledger.createFromClaim', { claimId: MISSING_ID }), 'E_NOT_FOUND', /认领问题/);
      const rows = fx.h.services.ctx.sqlite.prepare('SELECT count(*) AS n FROM ledger_findings').get();
      expect(rows).toEqual({ n: 1 });
    },
  },
};
