// Rectification ledger (整改台账), look-backs (回头看) and light history: good and bad input for
// each operation. The full behaviour (every transition and refusal, the 451-entry closure
// figures) is in ledger.test.ts.
import path from 'node:path';
import { expect } from 'vitest';
import type { LedgerOperation } from '../../../src/main/ledger/ledgerHandlers';
import {
  base64,
  expectFailure,
  MISSING_ID,
  secondReviewer,
  uploadFile,
  type Fixture,
  type OperationCases,
} from './shared';

async function withFinding(fx: Fixture, fields: Record<string, unknown> = {}) {
  return fx.h.ok('ledger.createFinding', {
    campaignId: fx.campaign.id,
    source: 'inspection_feedback',
    title: '当场立案率偏低',
    ...fields,
  });
}

async function withMeasure(fx: Fixture, fields: Record<string, unknown> = {}) {
  const finding = await withFinding(fx);
  return fx.h.ok('ledger.createMeasure', {
    findingId: finding.id,
    text: '修订当场立案工作细则',
    owner: '郑雪',
    deadline: '2027-01-31',
    ...fields,
  });
}

/** Submitted by the administrator, so the second reviewer may decide on it. */
async function withSubmitted(fx: Fixture) {
  const m = await withMeasure(fx);
  return fx.h.ok('ledger.submit', { id: m.id, version: m.version, note: '细则已印发。' });
}

async function withSignedOff(fx: Fixture) {
  const m = await withSubmitted(fx);
  const reviewer = await secondReviewer(fx);
  return {
    reviewer,
    measure: await reviewer.ok('ledger.signOff', { id: m.id, version: m.version, opinion: '同意销号' }),
  };
}

async function filerOf(fx: Fixture, departmentName: string) {
  const department = await fx.h.ok('departments.create', { name: departmentName });
  await fx.h.addUser({ username: 'tianfa', displayName: '田填报', roles: ['filer'], departmentId: department.id });
  return fx.h.as('tianfa');
}

export const ledgerCases: OperationCases<LedgerOperation> = {
  'ledger.list': {
    good: async (fx) => {
      const lonely = await withFinding(fx, { source: 'petition', title: '信访件' });
      const m = await withMeasure(fx);
      const rows = await fx.h.ok('ledger.list', { campaignId: fx.campaign.id });
      expect(rows.map((r) => [r.finding.number, r.finding.title, r.measure?.text ?? null])).toEqual([
        [1, '信访件', null],
        [2, '当场立案率偏低', '修订当场立案工作细则'],
      ]);
      expect(await fx.h.ok('ledger.list', { campaignId: fx.campaign.id, status: 'identified' })).toEqual([
        expect.objectContaining({ measure: expect.objectContaining({ id: m.id }) }),
      ]);
      expect(await fx.h.ok('ledger.list', { campaignId: fx.campaign.id, source: 'petition' })).toEqual([
        { finding: expect.objectContaining({ id: lonely.id }), measure: null },
      ]);
    },
    bad: async ({ h }) => {
      expectFailure(await h.call('ledger.list', { campaignId: MISSING_ID }), 'E_NOT_FOUND', /专项活动/);
      expectFailure(await h.call('ledger.list', { campaignId: MISSING_ID, light: 'blue' } as never), 'E_INVALID');
    },
  },
  'ledger.closure': {
    good: async (fx) => {
      await withFinding(fx, { source: 'petition' });
      const { measure } = await withSignedOff(fx);
      const closure = await fx.h.ok('ledger.closure', { campaignId: fx.campaign.id });
      expect(closure.overall).toEqual({ total: 2, closed: 1, longTerm: 0, open: 1, rate: 50 });
      expect(closure.bySource.map((s) => [s.source, s.total, s.closed, s.rate])).toEqual([
        ['inspection_feedback', 1, 1, 100],
        ['petition', 1, 0, 0],
      ]);
      expect(closure.byFinding[1]).toMatchObject({
        findingId: measure.findingId,
        measures: 1,
        closedMeasures: 1,
        closed: true,
      });
    },
    bad: async ({ h }) => {
      expectFailure(await h.call('ledger.closure', {} as never), 'E_INVALID');
      expectFailure(await h.call('ledger.closure', { campaignId: MISSING_ID }), 'E_NOT_FOUND');
    },
  },
  'ledger.getFinding': {
    good: async (fx) => {
      const m = await withMeasure(fx);
      const finding = await fx.h.ok('ledger.getFinding', { id: m.findingId });
      expect(finding).toMatchObject({
        number: 1,
        title: '当场立案率偏低',
        measureCount: 1,
        closed: false,
        measures: [expect.objectContaining({ id: m.id })],
      });
    },
    bad: async ({ h }) => {
      expectFailure(await h.call('ledger.getFinding', { id: MISSING_ID }), 'E_NOT_FOUND', /整改问题/);
    },
  },
  'ledger.createFinding': {
    good: async (fx) => {
      const finding = await fx.h.ok('ledger.createFinding', {
        campaignId: fx.campaign.id,
        source: 'audit_supervision',
        reference: '审务督察〔2026〕5号',
        title: '执行案款发放不及时',
        detail: '督察发现 12 件案款超期未发放。',
        receivedDate: '2026-10-09',
      });
      expect(finding).toMatchObject({
        source: 'audit_supervision',
        reference: '审务督察〔2026〕5号',
        receivedDate: '2026-10-09',
        number: 1,
        measures: [],
        claimId: null,
      });
    },
    bad: async (fx) => {
      const failure = expectFailure(
        await fx.h.call('ledger.createFinding', { campaignId: fx.campaign.id, source: 'rumour', title: '' } as never),
        'E_INVALID',
      );
      expect(failure.fieldErrors?.source).toMatch(/问题来源/);
      expect(failure.fieldErrors?.title).toMatch(/请填写问题/);
      expectFailure(
        await fx.h.call('ledger.createFinding', {
          campaignId: fx.campaign.id,
          source: 'petition',
          title: '来信',
          departmentId: MISSING_ID,
        }),
        'E_INVALID',
        /责任部门/,
      );
    },
  },
  'ledger.updateFinding': {
    good: async (fx) => {
      const finding = await withFinding(fx);
      const updated = await fx.h.ok('ledger.updateFinding', {
        id: finding.id,
        version: finding.version,
        source: 'superior_notice',
        title: '当场立案率偏低（通报）',
      });
      expect(updated).toMatchObject({
        source: 'superior_notice',
        title: '当场立案率偏低（通报）',
        version: finding.version + 1,
      });
    },
    bad: async (fx) => {
      const finding = await withFinding(fx);
      expectFailure(
        await fx.h.call('ledger.updateFinding', {
          id: finding.id,
          version: finding.version + 1,
          source: 'petition',
          title: '改',
        }),
        'E_STALE',
      );
      const filer = await filerOf(fx, '执行局');
      expectFailure(
        await filer.call('ledger.updateFinding', {
          id: finding.id,
          version: finding.version,
          source: 'petition',
          title: '改',
        }),
        'E_FORBIDDEN',
      );
    },
  },
  'ledger.deleteFinding': {
    good: async (fx) => {
      const m = await withMeasure(fx);
      const finding = await fx.h.ok('ledger.getFinding', { id: m.findingId });
      expect(await fx.h.ok('ledger.deleteFinding', { id: finding.id, version: finding.version })).toEqual({
        id: finding.id,
      });
      expect(await fx.h.ok('ledger.list', { campaignId: fx.campaign.id })).toEqual([]);
      expectFailure(await fx.h.call('ledger.getMeasure', { id: m.id }), 'E_NOT_FOUND');
    },
    bad: async (fx) => {
      const finding = await withFinding(fx);
      expectFailure(await fx.h.call('ledger.deleteFinding', { id: finding.id, version: 9 }), 'E_STALE');
      expectFailure(await fx.h.call('ledger.deleteFinding', { id: MISSING_ID, version: 1 }), 'E_NOT_FOUND');
    },
  },
  'ledger.getMeasure': {
    good: async (fx) => {
      const m = await withMeasure(fx, { deadline: '2026-11-20' });
      const detail = await fx.h.ok('ledger.getMeasure', { id: m.id });
      expect(detail).toMatchObject({
        status: 'identified',
        light: 'red',
        wasRed: true,
        finding: { title: '当场立案率偏低' },
        events: [],
        evidence: [],
        lookbacks: [],
      });
      expect(detail.lightHistory).toEqual([{ light: 'red', since: '2026-11-24', until: null }]);
    },
    bad: async ({ h }) => {
      expectFailure(await h.call('ledger.getMeasure', { id: 'abc' }), 'E_INVALID', /编号/);
      expectFailure(await h.call('ledger.getMeasure', { id: MISSING_ID }), 'E_NOT_FOUND', /整改措施/);
    },
  },
  'ledger.createMeasure': {
    good: async (fx) => {
      const department = await fx.h.ok('departments.create', { name: '立案庭', headName: '郑雪' });
      const finding = await withFinding(fx, { departmentId: department.id });
      const m = await fx.h.ok('ledger.createMeasure', {
        findingId: finding.id,
        text: '每周通报当场立案率',
        leadLeader: '刘晓梅',
        deadline: '2026-11-28',
        longTerm: false,
      });
      expect(m).toMatchObject({
        status: 'identified',
        departmentId: department.id,
        departmentName: '立案庭',
        light: 'yellow',
        escalateTo: '郑雪',
        sortOrder: 1024,
      });
    },
    bad: async (fx) => {
      const finding = await withFinding(fx);
      expectFailure(
        await fx.h.call('ledger.createMeasure', { findingId: finding.id, text: '  ' }),
        'E_INVALID',
        /整改措施/,
      );
      expectFailure(await fx.h.call('ledger.createMeasure', { findingId: MISSING_ID, text: '措施' }), 'E_NOT_FOUND');
      const filer = await filerOf(fx, '执行局');
      expectFailure(
        await filer.call('ledger.createMeasure', { findingId: finding.id, text: '措施' }),
        'E_FORBIDDEN',
        /没有指定责任部门/,
      );
    },
  },
  'ledger.updateMeasure': {
    good: async (fx) => {
      const m = await withMeasure(fx);
      const updated = await fx.h.ok('ledger.updateMeasure', {
        id: m.id,
        version: m.version,
        text: '修订细则并每周通报',
        owner: '何静',
        deadline: null,
        longTerm: true,
      });
      expect(updated).toMatchObject({
        text: '修订细则并每周通报',
        owner: '何静',
        deadline: null,
        longTerm: true,
        light: 'none',
        version: m.version + 1,
      });
    },
    bad: async (fx) => {
      const m = await withMeasure(fx);
      expectFailure(
        await fx.h.call('ledger.updateMeasure', { id: m.id, version: m.version + 3, text: '改' }),
        'E_STALE',
      );
      expectFailure(
        await fx.h.call('ledger.updateMeasure', { id: m.id, version: m.version, text: '改', deadline: '2027-02-30' }),
        'E_INVALID',
        /这一天不存在/,
      );
    },
  },
  'ledger.deleteMeasure': {
    good: async (fx) => {
      const m = await withMeasure(fx);
      expect(await fx.h.ok('ledger.deleteMeasure', { id: m.id, version: m.version })).toEqual({ id: m.id });
      expect((await fx.h.ok('ledger.getFinding', { id: m.findingId })).measures).toEqual([]);
    },
    bad: async (fx) => {
      const m = await withMeasure(fx);
      expectFailure(await fx.h.call('ledger.deleteMeasure', { id: m.id, version: m.version + 1 }), 'E_STALE');
    },
  },
  'ledger.addProgress': {
    good: async (fx) => {
      const m = await withMeasure(fx);
      const noted = await fx.h.ok('ledger.addProgress', {
        measureId: m.id,
        eventDate: '2026-11-23',
        text: '已起草细则。',
      });
      expect(noted.status).toBe('in_progress');
      expect(noted.events).toEqual([
        expect.objectContaining({ kind: 'progress', eventDate: '2026-11-23', actor: '王书记员', text: '已起草细则。' }),
      ]);
    },
    bad: async (fx) => {
      const m = await withMeasure(fx);
      expectFailure(
        await fx.h.call('ledger.addProgress', { measureId: m.id, eventDate: '2026-11-23', text: '' }),
        'E_INVALID',
        /整改进展/,
      );
      expectFailure(
        await fx.h.call('ledger.addProgress', { measureId: m.id, eventDate: '2026-12-01', text: '未来' }),
        'E_INVALID',
        /不能晚于今天/,
      );
      const filer = await filerOf(fx, '执行局');
      expectFailure(
        await filer.call('ledger.addProgress', { measureId: m.id, eventDate: '2026-11-23', text: '越权' }),
        'E_FORBIDDEN',
      );
    },
  },
  'ledger.submit': {
    good: async (fx) => {
      const m = await withMeasure(fx, { deadline: '2026-11-20' });
      const submitted = await fx.h.ok('ledger.submit', { id: m.id, version: m.version, note: '细则已印发。' });
      expect(submitted).toMatchObject({ status: 'submitted', completedLate: true, light: 'green', wasRed: true });
      expect(submitted.events.at(-1)).toMatchObject({ kind: 'submit', text: '细则已印发。' });
    },
    bad: async (fx) => {
      const m = await withMeasure(fx);
      expectFailure(
        await fx.h.call('ledger.submit', { id: m.id, version: m.version, note: '' }),
        'E_INVALID',
        /完成情况/,
      );
      const submitted = await fx.h.ok('ledger.submit', { id: m.id, version: m.version, note: '完成' });
      expectFailure(
        await fx.h.call('ledger.submit', { id: m.id, version: submitted.version, note: '再交' }),
        'E_BAD_STATE',
        /当前为“待销号”，不能提交销号/,
      );
      const longTerm = await withMeasure(fx, { longTerm: true });
      expectFailure(
        await fx.h.call('ledger.submit', { id: longTerm.id, version: longTerm.version, note: '完成' }),
        'E_BAD_STATE',
        /长期整改/,
      );
    },
  },
  'ledger.signOff': {
    good: async (fx) => {
      const { measure } = await withSignedOff(fx);
      expect(measure).toMatchObject({ status: 'signed_off', signedOffBy: '陈主任', nextLookback: '2027-05-24' });
    },
    bad: async (fx) => {
      const m = await withSubmitted(fx);
      expectFailure(
        await fx.h.call('ledger.signOff', { id: m.id, version: m.version }),
        'E_OWN_WORK',
        /本人不能审核自己的工作/,
      );
      const filer = await filerOf(fx, '立案庭');
      expectFailure(await filer.call('ledger.signOff', { id: m.id, version: m.version }), 'E_FORBIDDEN', /审核人/);
      const fresh = await withMeasure(fx);
      expectFailure(
        await fx.h.call('ledger.signOff', { id: fresh.id, version: fresh.version }),
        'E_BAD_STATE',
        /当前为“待整改”，不能销号/,
      );
    },
  },
  'ledger.sendBack': {
    good: async (fx) => {
      const m = await withSubmitted(fx);
      const back = await (
        await secondReviewer(fx)
      ).ok('ledger.sendBack', { id: m.id, version: m.version, reason: '缺少整改后材料' });
      expect(back).toMatchObject({ status: 'returned', completedAt: null });
      expect(back.events.at(-1)).toMatchObject({ kind: 'send_back', actor: '陈主任', text: '缺少整改后材料' });
    },
    bad: async (fx) => {
      const m = await withSubmitted(fx);
      expectFailure(
        await fx.h.call('ledger.sendBack', { id: m.id, version: m.version, reason: '' }),
        'E_INVALID',
        /退回理由/,
      );
      const fresh = await withMeasure(fx);
      expectFailure(
        await fx.h.call('ledger.sendBack', { id: fresh.id, version: fresh.version, reason: '退回' }),
        'E_BAD_STATE',
      );
    },
  },
  'ledger.reopenMeasure': {
    good: async (fx) => {
      const { measure } = await withSignedOff(fx);
      const reopened = await fx.h.ok('ledger.reopenMeasure', {
        id: measure.id,
        version: measure.version,
        reason: '整改后材料不完整',
      });
      expect(reopened).toMatchObject({ status: 'reopened', signedOffAt: null, completedAt: null });
      expect(reopened.events.map((e) => e.kind)).toContain('sign_off');
      expect(reopened.events.at(-1)).toMatchObject({ kind: 'send_back', text: '重新打开：整改后材料不完整' });
    },
    bad: async (fx) => {
      const { measure } = await withSignedOff(fx);
      expectFailure(
        await fx.h.call('ledger.reopenMeasure', { id: measure.id, version: measure.version, reason: '' }),
        'E_INVALID',
        /重新打开的理由/,
      );
      const fresh = await withMeasure(fx);
      expectFailure(
        await fx.h.call('ledger.reopenMeasure', { id: fresh.id, version: fresh.version, reason: '复查' }),
        'E_BAD_STATE',
      );
    },
  },
  'ledger.addEvidence': {
    good: async (fx) => {
      const m = await withMeasure(fx);
      const e = await fx.h.ok('ledger.addEvidence', {
        measureId: m.id,
        phase: 'before',
        name: '整改前.jpg',
        mimeType: 'image/jpeg',
        dataBase64: base64('照片'),
      });
      expect(e).toMatchObject({
        measureId: m.id,
        phase: 'before',
        lookbackId: null,
        originalName: '整改前.jpg',
        size: Buffer.byteLength('照片'),
        // Typed from its bytes (text here), not from the name or the browser's "image/jpeg".
        mimeType: 'text/plain',
        detectedType: 'txt',
      });
      expect((await fx.h.ok('ledger.getMeasure', { id: m.id })).evidenceCount).toBe(1);
      const after = await fx.h.ok('ledger.addEvidence', {
        measureId: m.id,
        phase: 'after',
        name: '整改后.jpg',
        mimeType: 'image/jpeg',
        uploadId: await uploadFile(fx.h, Buffer.from('整改后照片')),
      });
      expect(after).toMatchObject({
        phase: 'after',
        originalName: '整改后.jpg',
        size: Buffer.byteLength('整改后照片'),
      });
    },
    bad: async (fx) => {
      const m = await withMeasure(fx);
      // An upload still under way cannot be stored yet.
      const unfinished = await uploadFile(fx.h, Buffer.from('一半'), '整改后.jpg', { final: false });
      expectFailure(
        await fx.h.call('ledger.addEvidence', {
          measureId: m.id,
          phase: 'after',
          name: '整改后.jpg',
          uploadId: unfinished,
        }),
        'E_UNFINISHED',
        /还没有上传完/,
      );
      expectFailure(
        await fx.h.call('ledger.addEvidence', {
          measureId: m.id,
          phase: 'after',
          name: '../x.pdf',
          dataBase64: base64('x'),
        }),
        'E_INVALID',
        /路径/,
      );
      expectFailure(
        await fx.h.call('ledger.addEvidence', {
          measureId: m.id,
          phase: 'lookback',
          name: 'x.pdf',
          dataBase64: base64('x'),
        }),
        'E_INVALID',
        /回头看/,
      );
      await fx.h.ok('ledger.addEvidence', {
        measureId: m.id,
        phase: 'after',
        name: '细则.pdf',
        dataBase64: base64('细则'),
      });
      expectFailure(
        await fx.h.call('ledger.addEvidence', {
          measureId: m.id,
          phase: 'after',
          name: '细则（副本）.pdf',
          dataBase64: base64('细则'),
        }),
        'E_DUPLICATE',
        /细则\.pdf/,
      );
    },
  },
  'ledger.removeEvidence': {
    good: async (fx) => {
      const m = await withMeasure(fx);
      const e = await fx.h.ok('ledger.addEvidence', {
        measureId: m.id,
        phase: 'after',
        name: '细则.pdf',
        dataBase64: base64('细则'),
      });
      expect(await fx.h.ok('ledger.removeEvidence', { id: e.id, version: e.version })).toEqual({ id: e.id });
      expect((await fx.h.ok('ledger.getMeasure', { id: m.id })).evidence).toEqual([]);
    },
    bad: async (fx) => {
      const m = await withMeasure(fx);
      const e = await fx.h.ok('ledger.addEvidence', {
        measureId: m.id,
        phase: 'after',
        name: '细则.pdf',
        dataBase64: base64('细则'),
      });
      expectFailure(await fx.h.call('ledger.removeEvidence', { id: e.id, version: 5 }), 'E_STALE');
    },
  },
  'ledger.openEvidence': {
    good: async (fx) => {
      const m = await withMeasure(fx);
      const e = await fx.h.ok('ledger.addEvidence', {
        measureId: m.id,
        phase: 'after',
        name: '整改报告.txt',
        dataBase64: base64('报告内容'),
      });
      expect(await fx.h.ok('ledger.openEvidence', { id: e.id })).toEqual({ opened: true });
      expect(path.basename(fx.h.opened.at(-1)!)).toBe('整改报告.txt');
    },
    bad: async ({ h }) => {
      expectFailure(await h.call('ledger.openEvidence', { id: MISSING_ID }), 'E_NOT_FOUND');
    },
  },
  'lookbacks.list': {
    good: async (fx) => {
      const { measure } = await withSignedOff(fx);
      const queue = await fx.h.ok('lookbacks.list', { campaignId: fx.campaign.id });
      expect(queue).toEqual([
        expect.objectContaining({
          measureId: measure.id,
          dueDate: '2027-05-24',
          status: 'scheduled',
          light: 'green',
          campaignTitle: '能力作风建设年',
          measureText: '修订当场立案工作细则',
        }),
      ]);
      fx.h.setNow('2027-06-01T10:00:00+08:00');
      expect((await fx.h.ok('lookbacks.list')).map((q) => q.light)).toEqual(['red']);
    },
    bad: async ({ h }) => {
      expectFailure(await h.call('lookbacks.list', { includeDone: 'yes' } as never), 'E_INVALID');
    },
  },
  'lookbacks.record': {
    good: async (fx) => {
      const { reviewer, measure } = await withSignedOff(fx);
      const lookback = measure.lookbacks[0];
      const passed = await reviewer.ok('lookbacks.record', {
        id: lookback.id,
        version: lookback.version,
        result: 'passed',
        note: '抽查未见反弹。',
      });
      expect(passed).toMatchObject({ status: 'lookback_passed' });
      expect(passed.lookbacks[0]).toMatchObject({ status: 'passed', checker: '陈主任' });
    },
    bad: async (fx) => {
      const { reviewer, measure } = await withSignedOff(fx);
      const lookback = measure.lookbacks[0];
      expectFailure(
        await reviewer.call('lookbacks.record', {
          id: lookback.id,
          version: lookback.version,
          result: 'maybe',
          note: 'x',
        } as never),
        'E_INVALID',
        /回头看结论/,
      );
      // The administrator submitted the work: a second person must re-check it.
      expectFailure(
        await fx.h.call('lookbacks.record', {
          id: lookback.id,
          version: lookback.version,
          result: 'passed',
          note: '通过',
        }),
        'E_OWN_WORK',
      );
      expectFailure(
        await reviewer.call('lookbacks.record', {
          id: lookback.id,
          version: lookback.version + 1,
          result: 'passed',
          note: '通过',
        }),
        'E_STALE',
      );
    },
  },
  'lookbacks.reschedule': {
    good: async (fx) => {
      const { measure } = await withSignedOff(fx);
      const lookback = measure.lookbacks[0];
      const moved = await fx.h.ok('lookbacks.reschedule', {
        id: lookback.id,
        version: lookback.version,
        dueDate: '2027-03-31',
      });
      expect(moved.lookbacks[0]).toMatchObject({ dueDate: '2027-03-31', version: lookback.version + 1 });
      expect(moved.nextLookback).toBe('2027-03-31');
    },
    bad: async (fx) => {
      const { measure } = await withSignedOff(fx);
      const lookback = measure.lookbacks[0];
      expectFailure(
        await fx.h.call('lookbacks.reschedule', { id: lookback.id, version: lookback.version, dueDate: '2026-01-01' }),
        'E_INVALID',
        /不能早于今天/,
      );
      expectFailure(
        await fx.h.call('lookbacks.reschedule', { id: lookback.id, version: lookback.version, dueDate: '明年' }),
        'E_INVALID',
        /日期格式/,
      );
    },
  },
  'lights.history': {
    good: async (fx) => {
      const m = await withMeasure(fx, { deadline: '2026-11-30' });
      expect(await fx.h.ok('lights.history', { kind: 'measure', id: m.id })).toEqual([
        { light: 'yellow', since: '2026-11-24', until: null },
      ]);
    },
    bad: async ({ h }) => {
      expectFailure(await h.call('lights.history', { kind: 'case', id: MISSING_ID } as never), 'E_INVALID');
      expectFailure(await h.call('lights.history', { kind: 'lookback', id: MISSING_ID }), 'E_NOT_FOUND');
    },
  },
};
