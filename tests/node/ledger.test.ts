// The rectification ledger (整改台账) through the API, as the clerks work it: every transition of a
// measure and every refusal (wrong role, wrong department, signing one's own work, illegal step,
// stale version), closure figures on the 451-entry petition ledger of seed 004, look-backs
// (回头看) scheduled, overdue, passed and relapsed, and the colours a measure has shown.
import { afterEach, describe, expect, it } from 'vitest';
import { writeDemoLedger } from '../../src/main/demo/demoLedger';
import { DEPARTMENTS } from '../../src/main/demo/demoOrg';
import { withChanges } from '../../src/main/data/ownedRows';
import { insertFinding, insertMeasure } from '../../src/main/ledger/ledgerHandlers';
import { closureRate, findingClosure, formatClosureRate } from '../../src/shared/ledgerRules';
import { openCourt } from './harness';
import { expectFailure as refused } from './apiCases/shared';

type Court = Awaited<ReturnType<typeof openCourt>>;
const open: Court[] = [];
afterEach(async () => {
  for (const fx of open.splice(0)) await fx.h.close();
});

/** A court with two departments, a 填报人 in each, and a second reviewer (销号 needs two people). */
async function ledgerCourt() {
  const fx = await openCourt();
  open.push(fx);
  const { h, campaign } = fx;
  const lian = await h.ok('departments.create', { name: '立案庭', headName: '郑雪' });
  const zhixing = await h.ok('departments.create', { name: '执行局', headName: '罗斌' });
  await h.addUser({ username: 'lian', displayName: '李立案', roles: ['filer'], departmentId: lian.id });
  await h.addUser({ username: 'zhixing', displayName: '赵执行', roles: ['filer'], departmentId: zhixing.id });
  await h.addUser({ username: 'chenzr', displayName: '陈主任', roles: ['reviewer'] });
  const filer = h.as('lian');
  const otherFiler = h.as('zhixing');
  const reviewer = h.as('chenzr');
  const finding = await filer.ok('ledger.createFinding', {
    campaignId: campaign.id,
    source: 'inspection_feedback',
    reference: '省委第四巡视组反馈意见第3条',
    title: '诉讼服务中心当场立案率偏低',
    detail: '巡视反馈：部分符合条件的起诉未当场登记立案。',
    receivedDate: '2026-03-27',
    departmentId: lian.id,
  });
  return { ...fx, lian, zhixing, filer, otherFiler, reviewer, finding };
}

type LedgerCourt = Awaited<ReturnType<typeof ledgerCourt>>;

async function measureOf(c: LedgerCourt, fields: { deadline?: string | null; longTerm?: boolean; text?: string } = {}) {
  return c.filer.ok('ledger.createMeasure', {
    findingId: c.finding.id,
    text: fields.text ?? '修订当场立案工作细则，每周通报当场立案率',
    owner: '郑雪',
    leadLeader: '刘晓梅',
    deadline: fields.deadline === undefined ? '2027-01-31' : fields.deadline,
    longTerm: fields.longTerm ?? false,
  });
}

describe('the work cycle of a measure', () => {
  it('goes identified → in progress → submitted → signed off, with events, and schedules the look-back', async () => {
    const c = await ledgerCourt();
    // A finding with no measure yet is its own row.
    let rows = await c.h.ok('ledger.list', { campaignId: c.campaign.id });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      finding: {
        title: '诉讼服务中心当场立案率偏低',
        number: 1,
        closed: false,
        measureCount: 0,
        departmentName: '立案庭',
      },
      measure: null,
    });

    const m = await measureOf(c);
    // Without a department of its own, the measure belongs to its finding's department.
    expect(m).toMatchObject({
      status: 'identified',
      departmentId: c.lian.id,
      departmentName: '立案庭',
      light: 'green',
      escalateTo: '郑雪',
      wasRed: false,
      nextLookback: null,
    });
    const noted = await c.filer.ok('ledger.addProgress', {
      measureId: m.id,
      eventDate: '2026-11-20',
      text: '已起草当场立案工作细则征求意见稿。',
    });
    expect(noted.status).toBe('in_progress');
    const again = await c.filer.ok('ledger.addProgress', {
      measureId: m.id,
      eventDate: '2026-11-24',
      text: '细则已提交审委会讨论。',
    });
    expect(again.status).toBe('in_progress');

    const submitted = await c.filer.ok('ledger.submit', {
      id: m.id,
      version: again.version,
      note: '细则已印发，10月起每周通报。',
    });
    expect(submitted).toMatchObject({ status: 'submitted', completedLate: false, light: 'green' });
    expect(submitted.completedAt).toMatch(/^2026-11-24T/);
    const lianUser = (await c.h.ok('users.list')).find((u) => u.username === 'lian')!;
    expect(c.h.services.ctx.sqlite.prepare('SELECT submitted_by FROM ledger_measures WHERE id = ?').get(m.id)).toEqual({
      submitted_by: lianUser.id,
    });

    // The administrator (also a reviewer) did not submit it, so may sign it off.
    const signed = await c.h.ok('ledger.signOff', {
      id: m.id,
      version: submitted.version,
      opinion: '佐证材料齐全，同意销号。',
    });
    expect(signed).toMatchObject({ status: 'signed_off', signedOffBy: '王书记员', nextLookback: '2027-05-24' });
    expect(signed.signedOffAt).toMatch(/^2026-11-24T/);
    expect(signed.lookbacks).toEqual([
      expect.objectContaining({ dueDate: '2027-05-24', status: 'scheduled', light: 'green' }),
    ]);
    expect(signed.events.map((e) => [e.kind, e.actor, e.text])).toEqual([
      ['progress', '李立案', '已起草当场立案工作细则征求意见稿。'],
      ['progress', '李立案', '细则已提交审委会讨论。'],
      ['submit', '李立案', '细则已印发，10月起每周通报。'],
      ['sign_off', '王书记员', '佐证材料齐全，同意销号。'],
    ]);
    expect(signed.finding).toMatchObject({ closed: true, measureCount: 1 });

    rows = await c.h.ok('ledger.list', { campaignId: c.campaign.id });
    expect(rows).toHaveLength(1);
    expect(rows[0].measure).toMatchObject({ id: m.id, status: 'signed_off' });
    // The audit log names the real user of each step.
    const audit = await c.h.ok('audit.list', { rowId: m.id });
    expect(audit.map((a) => [a.operation, a.actor])).toEqual(
      expect.arrayContaining([
        ['submit', '李立案（lian）'],
        ['sign-off', '王书记员（admin）'],
      ]),
    );
  });

  it('may be submitted directly, sent back with a reason, worked again and resubmitted', async () => {
    const c = await ledgerCourt();
    const m = await measureOf(c);
    const submitted = await c.filer.ok('ledger.submit', { id: m.id, version: m.version, note: '已完成。' });
    expect(submitted.status).toBe('submitted');
    const back = await c.reviewer.ok('ledger.sendBack', {
      id: m.id,
      version: submitted.version,
      reason: '缺少整改后的通报材料，请补充。',
    });
    expect(back).toMatchObject({ status: 'returned', completedAt: null, completedLate: false });
    expect(back.events.at(-1)).toMatchObject({
      kind: 'send_back',
      actor: '陈主任',
      text: '缺少整改后的通报材料，请补充。',
    });
    const worked = await c.filer.ok('ledger.addProgress', {
      measureId: m.id,
      eventDate: '2026-11-24',
      text: '已补充第 1-4 周通报。',
    });
    expect(worked.status).toBe('in_progress');
    const resubmitted = await c.filer.ok('ledger.submit', { id: m.id, version: worked.version, note: '已补充材料。' });
    const signed = await c.reviewer.ok('ledger.signOff', { id: m.id, version: resubmitted.version });
    expect(signed).toMatchObject({ status: 'signed_off', signedOffBy: '陈主任' });
    expect(signed.events.map((e) => e.kind)).toEqual(['submit', 'send_back', 'progress', 'submit', 'sign_off']);
    // A returned measure may also be resubmitted straight away.
    const m2 = await measureOf(c, { text: '第二项措施' });
    const s2 = await c.filer.ok('ledger.submit', { id: m2.id, version: m2.version, note: '完成' });
    const b2 = await c.h.ok('ledger.sendBack', { id: m2.id, version: s2.version, reason: '请补充' });
    expect((await c.filer.ok('ledger.submit', { id: m2.id, version: b2.version, note: '补充完成' })).status).toBe(
      'submitted',
    );
  });

  it('records late completion against the deadline', async () => {
    const c = await ledgerCourt();
    const m = await measureOf(c, { deadline: '2026-11-20' });
    expect(m.light).toBe('red');
    const submitted = await c.filer.ok('ledger.submit', { id: m.id, version: m.version, note: '已完成。' });
    expect(submitted).toMatchObject({ completedLate: true, light: 'green', wasRed: true });
  });
});

describe('refusals', () => {
  it('refuses a filer signing off or sending back (wrong role), and the submitter signing own work', async () => {
    const c = await ledgerCourt();
    const m = await measureOf(c);
    const submitted = await c.filer.ok('ledger.submit', { id: m.id, version: m.version, note: '已完成。' });
    refused(await c.filer.call('ledger.signOff', { id: m.id, version: submitted.version }), 'E_FORBIDDEN', /审核人/);
    refused(
      await c.filer.call('ledger.sendBack', { id: m.id, version: submitted.version, reason: '自己退回' }),
      'E_FORBIDDEN',
    );
    // The administrator submits a measure and then tries to sign it off.
    const own = await c.h.ok('ledger.createMeasure', {
      findingId: c.finding.id,
      text: '院领导带班接访',
      deadline: '2027-01-31',
    });
    const ownSubmitted = await c.h.ok('ledger.submit', { id: own.id, version: own.version, note: '已完成。' });
    refused(
      await c.h.call('ledger.signOff', { id: own.id, version: ownSubmitted.version }),
      'E_OWN_WORK',
      /本人不能审核自己的工作/,
    );
    expect((await c.reviewer.ok('ledger.signOff', { id: own.id, version: ownSubmitted.version })).status).toBe(
      'signed_off',
    );
    // Each refusal is in the audit log.
    const denied = (await c.h.ok('audit.list', { limit: 20 })).filter((a) => a.operation === 'denied');
    expect(denied.map((a) => (a.after as { code: string }).code)).toEqual(
      expect.arrayContaining(['E_FORBIDDEN', 'E_OWN_WORK']),
    );
  });

  it('keeps a filer to their own department', async () => {
    const c = await ledgerCourt();
    const m = await measureOf(c);
    const theirs = /执行局的填报人，只能修改本部门的整改措施，不能修改“立案庭”的整改措施/;
    refused(
      await c.otherFiler.call('ledger.addProgress', { measureId: m.id, eventDate: '2026-11-24', text: '越权填报' }),
      'E_FORBIDDEN',
      theirs,
    );
    refused(
      await c.otherFiler.call('ledger.submit', { id: m.id, version: m.version, note: '越权提交' }),
      'E_FORBIDDEN',
      theirs,
    );
    refused(
      await c.otherFiler.call('ledger.updateMeasure', {
        id: m.id,
        version: m.version,
        text: '改写',
        departmentId: c.zhixing.id,
      }),
      'E_FORBIDDEN',
      theirs,
    );
    refused(await c.otherFiler.call('ledger.deleteMeasure', { id: m.id, version: m.version }), 'E_FORBIDDEN', theirs);
    refused(
      await c.otherFiler.call('ledger.addEvidence', {
        measureId: m.id,
        phase: 'before',
        name: '照片.jpg',
        dataBase64: 'aGVsbG8=',
      }),
      'E_FORBIDDEN',
    );
    refused(
      await c.otherFiler.call('ledger.createMeasure', { findingId: c.finding.id, text: '替立案庭定措施' }),
      'E_FORBIDDEN',
      /“立案庭”的整改措施/,
    );
    refused(
      await c.otherFiler.call('ledger.updateFinding', {
        id: c.finding.id,
        version: c.finding.version,
        source: 'inspection_feedback',
        title: '改写',
        departmentId: c.zhixing.id,
      }),
      'E_FORBIDDEN',
      /“立案庭”的整改问题/,
    );
    refused(
      await c.otherFiler.call('ledger.deleteFinding', { id: c.finding.id, version: c.finding.version }),
      'E_FORBIDDEN',
    );
    refused(
      await c.otherFiler.call('ledger.createFinding', {
        campaignId: c.campaign.id,
        source: 'petition',
        title: '信访件',
        departmentId: c.lian.id,
      }),
      'E_FORBIDDEN',
    );
    // Nor may a filer hand their own work to another department.
    refused(
      await c.filer.call('ledger.updateMeasure', {
        id: m.id,
        version: m.version,
        text: m.text,
        departmentId: c.zhixing.id,
      }),
      'E_FORBIDDEN',
      /“执行局”的整改措施/,
    );
    // Their own department's measure on another department's finding is theirs to work.
    const own = await c.otherFiler.ok('ledger.createMeasure', {
      findingId: c.finding.id,
      text: '执行局配合做好立案执行衔接',
      departmentId: c.zhixing.id,
    });
    expect(
      (await c.otherFiler.ok('ledger.addProgress', { measureId: own.id, eventDate: '2026-11-24', text: '已对接' }))
        .status,
    ).toBe('in_progress');
    // …but the finding with the other department's measure is not theirs to delete.
    const f = await c.otherFiler.ok('ledger.createFinding', {
      campaignId: c.campaign.id,
      source: 'petition',
      title: '执行款发放迟延',
      departmentId: c.zhixing.id,
    });
    await c.filer.ok('ledger.createMeasure', { findingId: f.id, text: '立案庭配合核查', departmentId: c.lian.id });
    const fresh = await c.h.ok('ledger.getFinding', { id: f.id });
    refused(
      await c.otherFiler.call('ledger.deleteFinding', { id: f.id, version: fresh.version }),
      'E_FORBIDDEN',
      /“立案庭”的整改措施/,
    );
  });

  it('refuses illegal transitions with the current state in Chinese', async () => {
    const c = await ledgerCourt();
    const m = await measureOf(c);
    refused(
      await c.h.call('ledger.signOff', { id: m.id, version: m.version }),
      'E_BAD_STATE',
      /该整改措施当前为“待整改”，不能销号/,
    );
    refused(
      await c.h.call('ledger.sendBack', { id: m.id, version: m.version, reason: '退回' }),
      'E_BAD_STATE',
      /当前为“待整改”，不能退回/,
    );
    const submitted = await c.filer.ok('ledger.submit', { id: m.id, version: m.version, note: '完成' });
    refused(
      await c.filer.call('ledger.submit', { id: m.id, version: submitted.version, note: '再交一次' }),
      'E_BAD_STATE',
      /当前为“待销号”，不能提交销号/,
    );
    const signed = await c.reviewer.ok('ledger.signOff', { id: m.id, version: submitted.version });
    refused(
      await c.filer.call('ledger.submit', { id: m.id, version: signed.version, note: '再交一次' }),
      'E_CLOSED',
      /这项整改措施已销号，不能再提交销号.*重新打开/,
    );
    refused(
      await c.reviewer.call('ledger.signOff', { id: m.id, version: signed.version }),
      'E_BAD_STATE',
      /当前为“已销号”，不能销号/,
    );
    refused(
      await c.reviewer.call('ledger.sendBack', { id: m.id, version: signed.version, reason: '退回' }),
      'E_BAD_STATE',
      /当前为“已销号”，不能退回/,
    );
    refused(
      await c.filer.call('ledger.addProgress', { measureId: m.id, eventDate: '2026-11-24', text: '补记' }),
      'E_CLOSED',
      /已销号，不能再填报整改进展/,
    );
    refused(
      await c.filer.call('ledger.updateMeasure', { id: m.id, version: signed.version, text: m.text, longTerm: true }),
      'E_CLOSED',
      /已销号，不能修改/,
    );
    // Nothing changed.
    const now = await c.h.ok('ledger.getMeasure', { id: m.id });
    expect(now).toMatchObject({ status: 'signed_off', version: signed.version });
  });

  it('refuses stale versions', async () => {
    const c = await ledgerCourt();
    const m = await measureOf(c);
    const edited = await c.filer.ok('ledger.updateMeasure', {
      id: m.id,
      version: m.version,
      text: '修订细则并每周通报',
      deadline: '2027-02-28',
    });
    expect(edited.version).toBe(m.version + 1);
    refused(
      await c.filer.call('ledger.updateMeasure', { id: m.id, version: m.version, text: '旧版本的修改' }),
      'E_STALE',
      /刷新/,
    );
    refused(await c.filer.call('ledger.submit', { id: m.id, version: m.version, note: '完成' }), 'E_STALE');
    refused(
      await c.filer.call('ledger.updateFinding', {
        id: c.finding.id,
        version: c.finding.version + 5,
        source: 'petition',
        title: 'x',
      }),
      'E_STALE',
    );
    refused(await c.h.call('ledger.deleteFinding', { id: c.finding.id, version: c.finding.version + 5 }), 'E_STALE');
  });

  it('refuses a progress date in the future and a received date in the future', async () => {
    const c = await ledgerCourt();
    const m = await measureOf(c);
    const failure = refused(
      await c.filer.call('ledger.addProgress', { measureId: m.id, eventDate: '2026-11-25', text: '明天的进展' }),
      'E_INVALID',
    );
    expect(failure.fieldErrors?.eventDate).toMatch(/不能晚于今天/);
    refused(
      await c.filer.call('ledger.createFinding', {
        campaignId: c.campaign.id,
        source: 'petition',
        title: '来信',
        receivedDate: '2026-12-01',
        departmentId: c.lian.id,
      }),
      'E_INVALID',
      /收到日期/,
    );
  });
});

describe('long-term measures (长期整改)', () => {
  it('take progress but are never submitted, and are counted apart until the mark is cleared', async () => {
    const c = await ledgerCourt();
    const m = await measureOf(c, { longTerm: true, deadline: null, text: '常态化开展当场立案情况通报' });
    expect(m).toMatchObject({ longTerm: true, light: 'none' });
    const noted = await c.filer.ok('ledger.addProgress', {
      measureId: m.id,
      eventDate: '2026-11-24',
      text: '十一月通报已发。',
    });
    expect(noted.status).toBe('in_progress');
    refused(
      await c.filer.call('ledger.submit', { id: m.id, version: noted.version, note: '完成' }),
      'E_BAD_STATE',
      /长期整改.*不提交销号/,
    );

    let closure = await c.h.ok('ledger.closure', { campaignId: c.campaign.id });
    expect(closure.overall).toEqual({ total: 1, closed: 0, longTerm: 1, open: 0, rate: 0 });
    expect(closure.byFinding[0]).toMatchObject({ measures: 1, closedMeasures: 0, longTermMeasures: 1, closed: false });

    // A finding with a signed-off measure and an open long-term one is still long-term.
    const other = await measureOf(c, { text: '修订细则' });
    closure = await c.h.ok('ledger.closure', { campaignId: c.campaign.id });
    expect(closure.overall).toMatchObject({ closed: 0, longTerm: 0, open: 1 });
    const s = await c.filer.ok('ledger.submit', { id: other.id, version: other.version, note: '完成' });
    await c.reviewer.ok('ledger.signOff', { id: other.id, version: s.version });
    closure = await c.h.ok('ledger.closure', { campaignId: c.campaign.id });
    expect(closure.overall).toMatchObject({ total: 1, closed: 0, longTerm: 1, open: 0 });
    expect((await c.h.ok('ledger.getFinding', { id: c.finding.id })).closed).toBe(false);

    // Once the work is really done, the mark is cleared and the measure goes the usual way.
    const cleared = await c.filer.ok('ledger.updateMeasure', {
      id: m.id,
      version: noted.version,
      text: m.text,
      longTerm: false,
    });
    const submitted = await c.filer.ok('ledger.submit', {
      id: m.id,
      version: cleared.version,
      note: '已建立长效机制。',
    });
    await c.reviewer.ok('ledger.signOff', { id: m.id, version: submitted.version });
    closure = await c.h.ok('ledger.closure', { campaignId: c.campaign.id });
    expect(closure.overall).toEqual({ total: 1, closed: 1, longTerm: 0, open: 0, rate: 100 });
    expect((await c.h.ok('ledger.getFinding', { id: c.finding.id })).closed).toBe(true);
  });
});

describe('deleting', () => {
  it('deletes a finding with its measures, their history, evidence and look-backs', async () => {
    const c = await ledgerCourt();
    const m = await measureOf(c);
    await c.filer.ok('ledger.addEvidence', {
      measureId: m.id,
      phase: 'before',
      name: '整改前.jpg',
      dataBase64: Buffer.from('before').toString('base64'),
    });
    const s = await c.filer.ok('ledger.submit', { id: m.id, version: m.version, note: '完成' });
    const signed = await c.reviewer.ok('ledger.signOff', { id: m.id, version: s.version });
    expect(await c.h.ok('lookbacks.list', {})).toHaveLength(1);
    // A signed-off measure is closed work: the finding goes only after a reviewer reopened it.
    const before = await c.h.ok('ledger.getFinding', { id: c.finding.id });
    refused(
      await c.filer.call('ledger.deleteFinding', { id: before.id, version: before.version }),
      'E_CLOSED',
      /已销号/,
    );
    await c.reviewer.ok('ledger.reopenMeasure', { id: m.id, version: signed.version, reason: '问题来源有误，需删除' });
    const finding = await c.h.ok('ledger.getFinding', { id: c.finding.id });
    expect(await c.filer.ok('ledger.deleteFinding', { id: finding.id, version: finding.version })).toEqual({
      id: finding.id,
    });
    expect(await c.h.ok('ledger.list', { campaignId: c.campaign.id })).toEqual([]);
    expect(await c.h.ok('lookbacks.list', {})).toEqual([]);
    refused(await c.h.call('ledger.getMeasure', { id: m.id }), 'E_NOT_FOUND', /整改措施/);
    refused(await c.h.call('ledger.getFinding', { id: finding.id }), 'E_NOT_FOUND', /整改问题/);
    const live = (table: string) =>
      (
        c.h.services.ctx.sqlite.prepare(`SELECT count(*) AS n FROM ${table} WHERE deleted_at IS NULL`).get() as {
          n: number;
        }
      ).n;
    expect([live('ledger_measures'), live('ledger_events'), live('ledger_evidence'), live('lookbacks')]).toEqual([
      0, 0, 0, 0,
    ]);
    // The tombstones stay, so the deletion travels in sync bundles (submit, sign-off, reopen).
    expect((c.h.services.ctx.sqlite.prepare('SELECT count(*) AS n FROM ledger_events').get() as { n: number }).n).toBe(
      3,
    );
    // The measure's colour ends with it.
    const spans = await c.h.ok('lights.history', { kind: 'measure', id: m.id });
    expect(spans.every((span) => span.until !== null)).toBe(true);
  });

  it('deletes one measure, leaving the finding without measures', async () => {
    const c = await ledgerCourt();
    const m = await measureOf(c);
    refused(await c.filer.call('ledger.deleteMeasure', { id: m.id, version: m.version + 1 }), 'E_STALE');
    await c.filer.ok('ledger.deleteMeasure', { id: m.id, version: m.version });
    const rows = await c.h.ok('ledger.list', { campaignId: c.campaign.id });
    expect(rows).toEqual([expect.objectContaining({ measure: null })]);
  });
});

describe('closure figures (办结率)', () => {
  it('rounds half up to one decimal and never shows 100.0 while anything is left', () => {
    expect(closureRate(450, 451)).toBe(99.8);
    expect(closureRate(7, 8)).toBe(87.5);
    expect(closureRate(1, 8)).toBe(12.5);
    expect(closureRate(1, 3)).toBe(33.3);
    expect(closureRate(2, 3)).toBe(66.7);
    expect(closureRate(1, 16)).toBe(6.3);
    expect(closureRate(9999, 10000)).toBe(99.9);
    expect(closureRate(1999, 2000)).toBe(99.9);
    expect(closureRate(3, 3)).toBe(100);
    expect(closureRate(0, 5)).toBe(0);
    expect(closureRate(0, 0)).toBeNull();
    expect(formatClosureRate(99.8)).toBe('99.8%');
    expect(formatClosureRate(100)).toBe('100.0%');
    expect(formatClosureRate(null)).toBe('—');
    expect(findingClosure([])).toBe('open');
    expect(
      findingClosure([
        { status: 'lookback_passed', longTerm: false },
        { status: 'signed_off', longTerm: false },
      ]),
    ).toBe('closed');
    expect(
      findingClosure([
        { status: 'signed_off', longTerm: false },
        { status: 'in_progress', longTerm: true },
      ]),
    ).toBe('longTerm');
    expect(
      findingClosure([
        { status: 'submitted', longTerm: false },
        { status: 'in_progress', longTerm: true },
      ]),
    ).toBe('open');
  });

  it('states the Zhejiang figures: 451 petitions, 450 closed (99.8%); 8 problem leads, 7 closed (87.5%)', async () => {
    const c = await ledgerCourt();
    const started = Date.now();
    const admin = (await c.h.ok('users.list')).find((u) => u.username === 'admin')!;
    const ctx = c.h.services.ctx;
    // The 451 petitions are written in one transaction (the figures, not the clicks, are under test)…
    await withChanges(
      ctx.db,
      { name: '王书记员（admin）', court: 'J2301', userId: admin.id, displayName: '王书记员' },
      '2026-11-24T10:00:00+08:00',
      async (writer) => {
        for (let n = 1; n <= 451; n += 1) {
          const finding = await insertFinding(writer, {
            campaignId: c.campaign.id,
            source: 'petition',
            reference: `巡视移交信访件第${n}号`,
            title: `信访件 ${n}`,
            detail: '',
            receivedDate: '2020-01-10',
            departmentId: c.lian.id,
            claimId: null,
          });
          const closed = n !== 451;
          await insertMeasure(writer, finding, {
            text: '核查办理并答复信访人',
            owner: '郑雪',
            leadLeader: '刘晓梅',
            departmentId: c.lian.id,
            deadline: '2027-06-30',
            longTerm: 0,
            status: closed ? 'signed_off' : 'in_progress',
            signedOffAt: closed ? '2026-11-20T10:00:00+08:00' : null,
            signedOffBy: closed ? '陈主任' : '',
          });
        }
      },
    );
    // …and the 8 problem leads are worked through the API, one of them left open.
    for (let n = 1; n <= 8; n += 1) {
      const f = await c.h.ok('ledger.createFinding', {
        campaignId: c.campaign.id,
        source: 'problem_lead',
        reference: `问题线索${n}`,
        title: `问题线索 ${n}`,
        departmentId: c.zhixing.id,
      });
      const m = await c.otherFiler.ok('ledger.createMeasure', {
        findingId: f.id,
        text: '分类处置',
        deadline: '2027-01-31',
      });
      if (n === 8) continue;
      const s = await c.otherFiler.ok('ledger.submit', { id: m.id, version: m.version, note: '已处置' });
      await c.reviewer.ok('ledger.signOff', { id: m.id, version: s.version });
    }
    const closure = await c.h.ok('ledger.closure', { campaignId: c.campaign.id });
    expect(closure.bySource).toEqual([
      { source: 'inspection_feedback', total: 1, closed: 0, longTerm: 0, open: 1, rate: 0 },
      { source: 'petition', total: 451, closed: 450, longTerm: 0, open: 1, rate: 99.8 },
      { source: 'problem_lead', total: 8, closed: 7, longTerm: 0, open: 1, rate: 87.5 },
    ]);
    // 457 of 460 = 99.35% → 99.3 (the setup's own finding has no measure yet, so it is open).
    expect(closure.overall).toEqual({ total: 460, closed: 457, longTerm: 0, open: 3, rate: 99.3 });
    expect(closure.byFinding).toHaveLength(460);
    expect(closure.byFinding[0]).toMatchObject({
      number: 1,
      title: '诉讼服务中心当场立案率偏低',
      measures: 0,
      closed: false,
    });
    expect(closure.byFinding[451]).toMatchObject({
      number: 452,
      title: '信访件 451',
      source: 'petition',
      measures: 1,
      closedMeasures: 0,
      closed: false,
    });
    expect(closure.byFinding[459]).toMatchObject({ number: 460, title: '问题线索 8', closed: false });

    // The ledger table and its filters on the same 460 findings.
    const all = await c.h.ok('ledger.list', { campaignId: c.campaign.id });
    expect(all).toHaveLength(460);
    expect(all.map((r) => r.finding.number)).toEqual(Array.from({ length: 460 }, (_, i) => i + 1));
    expect(
      await c.h.ok('ledger.list', { campaignId: c.campaign.id, source: 'petition', status: 'in_progress' }),
    ).toEqual([expect.objectContaining({ finding: expect.objectContaining({ title: '信访件 451' }) })]);
    expect(await c.h.ok('ledger.list', { campaignId: c.campaign.id, departmentId: c.zhixing.id })).toHaveLength(8);
    expect(await c.h.ok('ledger.list', { campaignId: c.campaign.id, status: 'signed_off' })).toHaveLength(457);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});

describe('look-back (回头看)', () => {
  async function signedOff(c: LedgerCourt, text = '修订当场立案工作细则') {
    const m = await measureOf(c, { text });
    const s = await c.filer.ok('ledger.submit', { id: m.id, version: m.version, note: '已完成。' });
    return c.reviewer.ok('ledger.signOff', { id: m.id, version: s.version, opinion: '同意销号' });
  }

  it("is scheduled 6 months after sign-off by default, or after the campaign's lookbackMonths, month ends kept", async () => {
    const c = await ledgerCourt();
    expect((await signedOff(c)).lookbacks.map((l) => l.dueDate)).toEqual(['2027-05-24']);
    const campaign = await c.h.ok('campaigns.get', { id: c.campaign.id });
    await c.h.ok('campaigns.setLightRules', {
      id: c.campaign.id,
      version: campaign.campaign.version,
      yellowDays: 7,
      escalateGreen: 'owner',
      escalateYellow: 'department_head',
      escalateRed: 'lead_leader',
      lookbackMonths: 3,
    });
    expect((await signedOff(c, '第二项')).nextLookback).toBe('2027-02-24');
    c.h.setNow('2026-11-30T10:00:00+08:00');
    expect((await signedOff(c, '第三项')).nextLookback).toBe('2027-02-28');
  });

  it('lists waiting re-checks soonest first; red when overdue, yellow when due soon', async () => {
    const c = await ledgerCourt();
    const first = await signedOff(c, '第一项');
    c.h.setNow('2026-12-10T10:00:00+08:00');
    const second = await signedOff(c, '第二项');
    // Bring the second forward so it is due first.
    const lb2 = second.lookbacks[0];
    const moved = await c.h.ok('lookbacks.reschedule', { id: lb2.id, version: lb2.version, dueDate: '2027-03-01' });
    expect(moved.nextLookback).toBe('2027-03-01');
    let queue = await c.h.ok('lookbacks.list', { campaignId: c.campaign.id });
    expect(queue.map((q) => [q.measureText, q.dueDate, q.light])).toEqual([
      ['第二项', '2027-03-01', 'green'],
      ['第一项', '2027-05-24', 'green'],
    ]);
    expect(queue[0]).toMatchObject({
      campaignTitle: '能力作风建设年',
      findingTitle: '诉讼服务中心当场立案率偏低',
      owner: '郑雪',
      departmentName: '立案庭',
    });
    c.h.setNow('2027-03-05T10:00:00+08:00');
    queue = await c.h.ok('lookbacks.list', {});
    expect(queue.map((q) => q.light)).toEqual(['red', 'green']);
    c.h.setNow('2027-05-20T10:00:00+08:00');
    queue = await c.h.ok('lookbacks.list', {});
    expect(queue.map((q) => q.light)).toEqual(['red', 'yellow']);
    // The overdue re-check keeps its red in the light history.
    const history = await c.h.ok('lights.history', { kind: 'lookback', id: lb2.id });
    expect(history.at(-1)).toEqual({ light: 'red', since: '2027-03-02', until: null });
    // Passed: the measure is done for good, and leaves the queue unless asked for.
    const passed = await c.reviewer.ok('lookbacks.record', {
      id: lb2.id,
      version: queue[0].version,
      result: 'passed',
      note: '抽查 20 件，均已当场立案，未发现反弹。',
    });
    expect(passed).toMatchObject({ status: 'lookback_passed', nextLookback: null });
    expect(passed.lookbacks[0]).toMatchObject({
      status: 'passed',
      checker: '陈主任',
      note: '抽查 20 件，均已当场立案，未发现反弹。',
    });
    expect(passed.events.at(-1)).toMatchObject({ kind: 'lookback_pass', actor: '陈主任' });
    expect((await c.h.ok('lights.history', { kind: 'lookback', id: lb2.id })).at(-1)?.until).toBe('2027-05-20');
    expect((await c.h.ok('lookbacks.list', {})).map((q) => q.measureText)).toEqual(['第一项']);
    const all = await c.h.ok('lookbacks.list', { includeDone: true });
    expect(all.map((q) => [q.measureText, q.status])).toEqual([
      ['第一项', 'scheduled'],
      ['第二项', 'passed'],
    ]);
    expect((await c.h.ok('ledger.closure', { campaignId: c.campaign.id })).byFinding[0]).toMatchObject({
      closedMeasures: 2,
      closed: true,
    });
    void first;
  });

  it('reopens the measure on a relapse; worked again and signed off, it is scheduled anew', async () => {
    const c = await ledgerCourt();
    const signed = await signedOff(c);
    const lookback = signed.lookbacks[0];
    c.h.setNow('2027-05-24T10:00:00+08:00');
    refused(
      await c.filer.call('lookbacks.record', {
        id: lookback.id,
        version: lookback.version,
        result: 'relapsed',
        note: '自查',
      }),
      'E_FORBIDDEN',
    );
    const reopened = await c.reviewer.ok('lookbacks.record', {
      id: lookback.id,
      version: lookback.version,
      result: 'relapsed',
      note: '抽查发现 3 件未当场立案，问题反弹。',
    });
    expect(reopened).toMatchObject({
      status: 'reopened',
      completedAt: null,
      signedOffAt: null,
      signedOffBy: '',
      nextLookback: null,
    });
    expect(reopened.events.at(-1)).toMatchObject({
      kind: 'lookback_relapse',
      text: '抽查发现 3 件未当场立案，问题反弹。',
    });
    expect((await c.h.ok('ledger.getFinding', { id: c.finding.id })).closed).toBe(false);
    refused(
      await c.reviewer.call('lookbacks.record', {
        id: lookback.id,
        version: lookback.version + 1,
        result: 'passed',
        note: '再记一次',
      }),
      'E_CLOSED',
      /已记录为“发现反弹”/,
    );
    refused(
      await c.h.call('lookbacks.reschedule', { id: lookback.id, version: lookback.version + 1, dueDate: '2027-12-31' }),
      'E_CLOSED',
      /不能改期/,
    );

    const worked = await c.filer.ok('ledger.addProgress', {
      measureId: signed.id,
      eventDate: '2027-05-24',
      text: '对 3 件逐案整改，重新培训窗口人员。',
    });
    expect(worked.status).toBe('in_progress');
    const s = await c.filer.ok('ledger.submit', { id: signed.id, version: worked.version, note: '已整改到位。' });
    const again = await c.reviewer.ok('ledger.signOff', { id: signed.id, version: s.version });
    expect(again.lookbacks.map((l) => [l.status, l.dueDate])).toEqual([
      ['relapsed', '2027-05-24'],
      ['scheduled', '2027-11-24'],
    ]);
    expect(again.events.map((e) => e.kind)).toEqual([
      'submit',
      'sign_off',
      'lookback_relapse',
      'progress',
      'submit',
      'sign_off',
    ]);
    // A reopened measure may also be submitted straight away (the relapse fixed at once).
    const l2 = again.lookbacks[1];
    const r2 = await c.reviewer.ok('lookbacks.record', {
      id: l2.id,
      version: l2.version,
      result: 'relapsed',
      note: '又有反弹',
    });
    expect((await c.filer.ok('ledger.submit', { id: signed.id, version: r2.version, note: '已整改' })).status).toBe(
      'submitted',
    );
  });

  it('needs a second person: whoever submitted the work may not re-check it', async () => {
    const c = await ledgerCourt();
    const m = await c.reviewer.ok('ledger.createMeasure', { findingId: c.finding.id, text: '陈主任自己的措施' });
    const s = await c.reviewer.ok('ledger.submit', { id: m.id, version: m.version, note: '完成' });
    const signed = await c.h.ok('ledger.signOff', { id: m.id, version: s.version });
    const lookback = signed.lookbacks[0];
    refused(
      await c.reviewer.call('lookbacks.record', {
        id: lookback.id,
        version: lookback.version,
        result: 'passed',
        note: '自查通过',
      }),
      'E_OWN_WORK',
    );
    expect(
      (await c.h.ok('lookbacks.record', { id: lookback.id, version: lookback.version, result: 'passed', note: '通过' }))
        .status,
    ).toBe('lookback_passed');
  });

  it('refuses moving a re-check into the past', async () => {
    const c = await ledgerCourt();
    const lookback = (await signedOff(c)).lookbacks[0];
    const failure = refused(
      await c.h.call('lookbacks.reschedule', { id: lookback.id, version: lookback.version, dueDate: '2026-11-23' }),
      'E_INVALID',
    );
    expect(failure.fieldErrors?.dueDate).toMatch(/不能早于今天/);
    refused(
      await c.filer.call('lookbacks.reschedule', { id: lookback.id, version: lookback.version, dueDate: '2027-12-31' }),
      'E_FORBIDDEN',
    );
  });
});

describe('evidence', () => {
  it("keeps before, after and look-back material, once per content, and the sign-off's material for good", async () => {
    const c = await ledgerCourt();
    const m = await measureOf(c);
    const data = (text: string) => Buffer.from(text).toString('base64');
    const before = await c.filer.ok('ledger.addEvidence', {
      measureId: m.id,
      phase: 'before',
      name: '整改前窗口照片.jpg',
      mimeType: 'image/jpeg',
      dataBase64: data('before'),
    });
    expect(before).toMatchObject({
      phase: 'before',
      lookbackId: null,
      originalName: '整改前窗口照片.jpg',
      size: 6,
      // Typed from its bytes (text here), not from the name or the browser's "image/jpeg".
      mimeType: 'text/plain',
      detectedType: 'txt',
    });
    refused(
      await c.filer.call('ledger.addEvidence', {
        measureId: m.id,
        phase: 'after',
        name: '副本.jpg',
        dataBase64: data('before'),
      }),
      'E_DUPLICATE',
      /整改前窗口照片\.jpg/,
    );
    const after = await c.filer.ok('ledger.addEvidence', {
      measureId: m.id,
      phase: 'after',
      name: '当场立案细则.pdf',
      dataBase64: data('%PDF 细则'),
    });
    refused(
      await c.filer.call('ledger.addEvidence', {
        measureId: m.id,
        phase: 'lookback',
        name: '回头看.pdf',
        dataBase64: data('x'),
      }),
      'E_INVALID',
      /哪一次回头看/,
    );
    expect((await c.h.ok('ledger.list', { campaignId: c.campaign.id }))[0].measure?.evidenceCount).toBe(2);

    const s = await c.filer.ok('ledger.submit', { id: m.id, version: m.version, note: '完成' });
    const signed = await c.reviewer.ok('ledger.signOff', { id: m.id, version: s.version });
    refused(
      await c.filer.call('ledger.removeEvidence', { id: after.id, version: after.version }),
      'E_CLOSED',
      /销号的依据/,
    );
    const lookback = signed.lookbacks[0];
    const check = await c.reviewer.ok('ledger.addEvidence', {
      measureId: m.id,
      phase: 'lookback',
      lookbackId: lookback.id,
      name: '回头看抽查记录.docx',
      dataBase64: data('抽查记录'),
    });
    expect(check).toMatchObject({ phase: 'lookback', lookbackId: lookback.id });
    // A look-back of another measure is refused.
    const other = await measureOf(c, { text: '另一项' });
    refused(
      await c.h.call('ledger.addEvidence', {
        measureId: other.id,
        phase: 'lookback',
        lookbackId: lookback.id,
        name: 'x.pdf',
        dataBase64: data('y'),
      }),
      'E_INVALID',
      /不属于这项整改措施/,
    );

    expect(await c.filer.ok('ledger.openEvidence', { id: check.id })).toEqual({ opened: true });
    // The bytes are plain text, not Word: the copy opened carries the type its bytes say.
    expect(c.h.opened.at(-1)).toMatch(/回头看抽查记录\.docx\.txt$/);
    const detail = await c.h.ok('ledger.getMeasure', { id: m.id });
    expect(detail.evidence.map((e) => e.phase)).toEqual(['before', 'after', 'lookback']);
    // Before sign-off, material can be taken back.
    const wrong = await c.filer.ok('ledger.addEvidence', {
      measureId: other.id,
      phase: 'after',
      name: '错传.pdf',
      dataBase64: data('错传'),
    });
    await c.filer.ok('ledger.removeEvidence', { id: wrong.id, version: wrong.version });
    expect((await c.h.ok('ledger.getMeasure', { id: other.id })).evidence).toEqual([]);
  });
});

describe('lights of the ledger', () => {
  it('keeps "was red" after the work is signed off, with the dated spans', async () => {
    const c = await ledgerCourt();
    const m = await measureOf(c, { deadline: '2026-11-30' });
    expect(m).toMatchObject({ light: 'yellow', escalateTo: '郑雪', wasRed: false });
    // Nobody opened the ledger for a while: red is dated from the day after the deadline.
    c.h.setNow('2026-12-03T10:00:00+08:00');
    const [row] = await c.h.ok('ledger.list', { campaignId: c.campaign.id, light: 'red' });
    expect(row.measure).toMatchObject({ id: m.id, light: 'red', wasRed: true, escalateTo: '刘晓梅' });
    expect(await c.h.ok('ledger.list', { campaignId: c.campaign.id, light: 'green' })).toEqual([]);
    const submitted = await c.filer.ok('ledger.submit', { id: m.id, version: row.measure!.version, note: '已完成。' });
    expect(submitted).toMatchObject({ light: 'green', completedLate: true, wasRed: true });
    const signed = await c.reviewer.ok('ledger.signOff', { id: m.id, version: submitted.version });
    expect(signed).toMatchObject({ wasRed: true, light: 'green' });
    const history = await c.h.ok('lights.history', { kind: 'measure', id: m.id });
    expect(history).toEqual([
      { light: 'yellow', since: '2026-11-24', until: '2026-12-01' },
      { light: 'red', since: '2026-12-01', until: '2026-12-03' },
    ]);
    expect(signed.lightHistory).toEqual(history);
  });

  it('sweeps measures nobody touched, and follows a moved deadline', async () => {
    const c = await ledgerCourt();
    const m = await measureOf(c, { deadline: '2026-12-31' });
    expect(m.light).toBe('green');
    c.h.setNow('2027-01-05T10:00:00+08:00');
    // Any list sweeps once a day; the measure itself is not read here.
    await c.h.ok('lookbacks.list', {});
    const swept = c.h.services.ctx.sqlite
      .prepare(
        "SELECT light, since, until FROM light_history WHERE record_kind = 'measure' AND record_id = ? ORDER BY id",
      )
      .all(m.id);
    // Yellow fell on days nobody opened the app; red is dated from the day after the deadline.
    expect(swept).toEqual([
      { light: 'green', since: '2026-11-24', until: '2027-01-01' },
      { light: 'red', since: '2027-01-01', until: null },
    ]);
    const current = await c.h.ok('ledger.getMeasure', { id: m.id });
    const moved = await c.filer.ok('ledger.updateMeasure', {
      id: m.id,
      version: current.version,
      text: m.text,
      deadline: '2027-03-31',
    });
    expect(moved).toMatchObject({ light: 'green', wasRed: true });
    expect(moved.lightHistory.at(-1)).toEqual({ light: 'green', since: '2027-01-05', until: null });
  });

  it('answers the history of items too, and refuses an unknown record', async () => {
    const c = await ledgerCourt();
    const item = await c.h.ok('items.create', {
      campaignId: c.campaign.id,
      title: '清理长期未结案件',
      deadline: '2026-11-20',
      deadlineReason: '补录已逾期的事项',
    });
    c.h.setNow('2026-11-25T10:00:00+08:00');
    expect(await c.h.ok('lights.history', { kind: 'item', id: item.id })).toEqual([
      { light: 'red', since: '2026-11-24', until: null },
    ]);
    refused(await c.h.call('lights.history', { kind: 'measure', id: item.id }), 'E_NOT_FOUND');
  });
});

describe('demo ledger', () => {
  it('fills a ledger with every state, colour and source, around any day', async () => {
    const fx = await openCourt({ now: '2026-03-02T09:00:00+08:00' });
    open.push(fx);
    const { h, campaign } = fx;
    const departmentIds: Record<string, string> = {};
    for (const [key, name] of Object.entries(DEPARTMENTS))
      departmentIds[key] = (await h.ok('departments.create', { name })).id;
    const admin = (await h.ok('users.list')).find((u) => u.username === 'admin')!;
    const ctx = h.services.ctx;
    await withChanges(
      ctx.db,
      { name: '王书记员（admin）', court: 'J2301', userId: admin.id, displayName: '王书记员' },
      '2026-03-02T09:00:00+08:00',
      (writer) => writeDemoLedger(writer, { campaignId: campaign.id, today: '2026-03-02', departmentIds }),
    );
    const rows = await h.ok('ledger.list', { campaignId: campaign.id });
    const measures = rows.flatMap((r) => (r.measure ? [r.measure] : []));
    expect(new Set(measures.map((m) => m.status))).toEqual(
      new Set(['identified', 'in_progress', 'submitted', 'returned', 'signed_off', 'lookback_passed', 'reopened']),
    );
    expect(new Set(measures.map((m) => m.light))).toEqual(new Set(['green', 'yellow', 'red', 'none']));
    expect(measures.some((m) => m.longTerm)).toBe(true);
    expect(measures.some((m) => m.completedLate && m.wasRed && m.status === 'signed_off')).toBe(true);
    expect(rows.filter((r) => r.measure === null)).toHaveLength(1);
    expect(new Set(rows.map((r) => r.finding.source))).toEqual(
      new Set(['inspection_feedback', 'audit_supervision', 'superior_notice', 'petition', 'problem_lead']),
    );
    // Every event is dated no later than today, in the order it happened.
    for (const m of measures) {
      const detail = await h.ok('ledger.getMeasure', { id: m.id });
      const dates = detail.events.map((e) => e.eventDate);
      expect(dates).toEqual([...dates].sort());
      expect(dates.every((d) => d <= '2026-03-02')).toBe(true);
    }
    const queue = await h.ok('lookbacks.list', { campaignId: campaign.id });
    expect(queue[0]).toMatchObject({ light: 'red' });
    expect(queue.some((q) => q.light === 'yellow')).toBe(true);
    expect((await h.ok('lookbacks.list', { includeDone: true })).map((q) => q.status)).toEqual(
      expect.arrayContaining(['passed', 'relapsed']),
    );
    const closure = await h.ok('ledger.closure', { campaignId: campaign.id });
    expect(closure.bySource.find((s) => s.source === 'petition')).toMatchObject({ total: 6, closed: 5, rate: 83.3 });
    expect(closure.bySource.find((s) => s.source === 'problem_lead')).toMatchObject({ total: 2, closed: 1, rate: 50 });
    expect(closure.overall.longTerm).toBeGreaterThan(0);
    // The demo is worked like any other ledger: the administrator signs off what was submitted.
    const waiting = measures.find((m) => m.status === 'submitted')!;
    expect((await h.ok('ledger.signOff', { id: waiting.id, version: waiting.version })).status).toBe('signed_off');
    expect((await h.ok('audit.verify')).ok).toBe(true);
  });
});
