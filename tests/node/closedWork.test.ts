// Closed work stays closed: a signed-off item, a signed-off measure, an accepted 查摆报告 and a
// recorded look-back refuse every change, for everyone (the administrator too), with E_CLOSED;
// a reviewer reopens with a reason, which keeps the signed-off version in the history. Also 延期,
// the deadline rules, and the light history across a send-back. Real SQLite in a temp folder.
import { afterEach, describe, expect, it } from 'vitest';
import { openCourt, type Caller } from './harness';
import { base64, expectFailure, secondReviewer, type Fixture } from './apiCases/shared';
import { goodClaim, submittedReport, withCatalogue, withOrg } from './apiCases/inspection';

const open: Fixture[] = [];
afterEach(async () => {
  for (const fx of open.splice(0)) await fx.h.close();
});

async function court(): Promise<Fixture> {
  const fx = await openCourt();
  open.push(fx);
  return fx;
}

const pdf = (text: string) => base64(`%PDF-1.4 ${text}`);

/** An item with a note and a file, completed by the administrator and signed off by 陈主任. */
async function signedOffItem(fx: Fixture) {
  const item = await fx.h.ok('items.create', {
    campaignId: fx.campaign.id,
    title: '落实当场立案制度',
    deadline: '2026-12-31',
    owner: '郑雪',
  });
  await fx.h.ok('progress.add', { itemId: item.id, noteDate: '2026-11-20', text: '细则已印发', percent: 80 });
  const evidence = await fx.h.ok('evidence.add', {
    itemId: item.id,
    name: '立案细则.pdf',
    mimeType: 'application/pdf',
    dataBase64: pdf('立案细则'),
  });
  const done = await fx.h.ok('items.markComplete', {
    id: item.id,
    version: (await fx.h.ok('items.get', { id: item.id })).version,
  });
  const reviewer = await secondReviewer(fx);
  const signed = await reviewer.ok('items.signOff', { id: item.id, version: done.version, opinion: '同意销号' });
  return { item: signed, evidence, reviewer };
}

describe('a signed-off item', () => {
  it('refuses every change, for the administrator too, with E_CLOSED', async () => {
    const fx = await court();
    const { item, evidence } = await signedOffItem(fx);
    expect(item.status).toBe('signed_off');
    const h = fx.h;
    const closed = /已销号.*重新打开/;
    expectFailure(
      await h.call('items.update', { id: item.id, version: item.version, title: item.title, deadline: '2027-01-31' }),
      'E_CLOSED',
      closed,
    );
    expectFailure(
      await h.call('items.bulkUpdate', { ids: [item.id], owner: '孙法官' }),
      'E_CLOSED',
      /落实当场立案制度/,
    );
    expectFailure(await h.call('items.delete', { ids: [item.id] }), 'E_CLOSED', closed);
    expectFailure(await h.call('items.move', { id: item.id, sectionId: fx.sections[1].id }), 'E_CLOSED', closed);
    expectFailure(await h.call('items.markComplete', { id: item.id, version: item.version }), 'E_CLOSED', closed);
    expectFailure(
      await h.call('items.extendDeadline', {
        id: item.id,
        version: item.version,
        deadline: '2027-01-31',
        reason: '延后',
      }),
      'E_CLOSED',
    );
    expectFailure(
      await h.call('progress.add', { itemId: item.id, noteDate: '2026-11-24', text: '补充说明' }),
      'E_CLOSED',
      closed,
    );
    expectFailure(
      await h.call('evidence.add', {
        itemId: item.id,
        name: '补充.pdf',
        mimeType: 'application/pdf',
        dataBase64: pdf('补充'),
      }),
      'E_CLOSED',
      closed,
    );
    expectFailure(await h.call('evidence.remove', { id: evidence.id, version: evidence.version }), 'E_CLOSED', closed);
    // Nothing moved: the item is as it was signed off.
    const after = await h.ok('items.get', { id: item.id });
    expect(after).toMatchObject({ status: 'signed_off', version: item.version, deadline: '2026-12-31', noteCount: 1 });
    expect(after.evidence.map((e) => e.originalName)).toEqual(['立案细则.pdf']);
  });

  it('refuses a batch that holds one signed-off item, changing none of it', async () => {
    const fx = await court();
    const { item } = await signedOffItem(fx);
    const other = await fx.h.ok('items.create', { campaignId: fx.campaign.id, title: '专题调研' });
    expectFailure(
      await fx.h.call('items.bulkUpdate', { ids: [other.id, item.id], owner: '孙法官' }),
      'E_CLOSED',
      /本次未做任何修改/,
    );
    expect((await fx.h.ok('items.get', { id: other.id })).owner).toBe('');
    expectFailure(await fx.h.call('items.delete', { ids: [other.id, item.id] }), 'E_CLOSED');
    expect((await fx.h.ok('items.get', { id: other.id })).id).toBe(other.id);
  });

  it('is reopened by a reviewer with a reason, keeps the signed-off version, and goes through 销号 again', async () => {
    const fx = await court();
    const { item, reviewer } = await signedOffItem(fx);
    const reopened = await reviewer.ok('items.reopen', {
      id: item.id,
      version: item.version,
      reason: '材料缺少签字页',
    });
    expect(reopened).toMatchObject({ status: 'in_progress', completedAt: null });
    const [last] = reopened.signoffs;
    expect(last).toMatchObject({ decision: 'reopened', opinion: '材料缺少签字页', reviewer: '陈主任' });
    expect(last.snapshot).toMatchObject({
      status: 'signed_off',
      title: '落实当场立案制度',
      deadline: '2026-12-31',
      percent: 100,
      owner: '郑雪',
      completedByName: '王书记员',
      signedOffBy: '陈主任',
      evidenceNames: ['立案细则.pdf'],
    });
    expect(last.snapshot?.completedAt).toBeTruthy();
    // Now it can change again, and must be handed in and signed off anew.
    const edited = await fx.h.ok('items.update', {
      id: item.id,
      version: reopened.version,
      title: '落实当场立案制度（补充签字页）',
      deadline: '2026-12-31',
      owner: '郑雪',
    });
    const done = await fx.h.ok('items.markComplete', { id: item.id, version: edited.version });
    expect(done.status).toBe('completed');
    const again = await reviewer.ok('items.signOff', { id: item.id, version: done.version });
    expect(again.status).toBe('signed_off');
    // The snapshot still shows the first signed-off title.
    expect(again.signoffs.find((s) => s.decision === 'reopened')?.snapshot?.title).toBe('落实当场立案制度');
    // The reopen is in the audit log.
    const audit = await fx.h.ok('audit.list', { rowId: item.id });
    expect(audit.map((entry) => entry.operation)).toContain('reopen');
  });

  it('cannot be reopened by a 填报人 or without a reason', async () => {
    const fx = await court();
    const { item } = await signedOffItem(fx);
    const department = await fx.h.ok('departments.create', { name: '立案庭' });
    await fx.h.addUser({ username: 'tianfa', displayName: '田填报', roles: ['filer'], departmentId: department.id });
    expectFailure(
      await fx.h.as('tianfa').call('items.reopen', { id: item.id, version: item.version, reason: '想改' }),
      'E_FORBIDDEN',
    );
    expectFailure(await fx.h.call('items.reopen', { id: item.id, version: item.version, reason: '' }), 'E_INVALID');
  });
});

/** A measure submitted by the administrator and signed off by 陈主任, with one file. */
async function signedOffMeasure(fx: Fixture) {
  const finding = await fx.h.ok('ledger.createFinding', {
    campaignId: fx.campaign.id,
    source: 'inspection_feedback',
    title: '当场立案率偏低',
  });
  const measure = await fx.h.ok('ledger.createMeasure', {
    findingId: finding.id,
    text: '修订当场立案工作细则',
    deadline: '2026-12-31',
  });
  const evidence = await fx.h.ok('ledger.addEvidence', {
    measureId: measure.id,
    phase: 'after',
    name: '整改后.pdf',
    mimeType: 'application/pdf',
    dataBase64: pdf('整改后'),
  });
  const submitted = await fx.h.ok('ledger.submit', { id: measure.id, version: measure.version, note: '已印发' });
  const reviewer = await secondReviewer(fx);
  const signed = await reviewer.ok('ledger.signOff', { id: measure.id, version: submitted.version });
  return { finding, measure: signed, evidence, reviewer };
}

describe('a signed-off measure', () => {
  it('refuses changes, progress, evidence and deletion with E_CLOSED', async () => {
    const fx = await court();
    const { finding, measure, evidence } = await signedOffMeasure(fx);
    const h = fx.h;
    expectFailure(
      await h.call('ledger.updateMeasure', {
        id: measure.id,
        version: measure.version,
        text: '改写',
        deadline: '2027-03-31',
      }),
      'E_CLOSED',
      /已销号/,
    );
    expectFailure(await h.call('ledger.deleteMeasure', { id: measure.id, version: measure.version }), 'E_CLOSED');
    expectFailure(
      await h.call('ledger.addProgress', { measureId: measure.id, eventDate: '2026-11-24', text: '补充' }),
      'E_CLOSED',
    );
    expectFailure(
      await h.call('ledger.submit', { id: measure.id, version: measure.version, note: '再交' }),
      'E_CLOSED',
    );
    expectFailure(
      await h.call('ledger.addEvidence', {
        measureId: measure.id,
        phase: 'after',
        name: '补充.pdf',
        mimeType: 'application/pdf',
        dataBase64: pdf('补充'),
      }),
      'E_CLOSED',
    );
    expectFailure(await h.call('ledger.removeEvidence', { id: evidence.id, version: evidence.version }), 'E_CLOSED');
    const current = await h.ok('ledger.getFinding', { id: finding.id });
    expectFailure(await h.call('ledger.deleteFinding', { id: finding.id, version: current.version }), 'E_CLOSED');
    // The waiting look-back still takes its own material.
    const lookback = measure.lookbacks[0];
    await h.ok('ledger.addEvidence', {
      measureId: measure.id,
      phase: 'lookback',
      lookbackId: lookback.id,
      name: '回头看.pdf',
      mimeType: 'application/pdf',
      dataBase64: pdf('回头看'),
    });
  });

  it('is reopened by a reviewer with a reason and must be submitted and signed off again', async () => {
    const fx = await court();
    const { measure, reviewer } = await signedOffMeasure(fx);
    const reopened = await reviewer.ok('ledger.reopenMeasure', {
      id: measure.id,
      version: measure.version,
      reason: '整改后材料缺少印发文件',
    });
    expect(reopened).toMatchObject({ status: 'reopened', signedOffBy: '' });
    expect(reopened.events.map((e) => e.kind)).toEqual(['submit', 'sign_off', 'send_back']);
    expect(reopened.lookbacks.filter((l) => l.status === 'scheduled')).toEqual([]);
    const updated = await fx.h.ok('ledger.updateMeasure', {
      id: measure.id,
      version: reopened.version,
      text: '修订并印发当场立案工作细则',
      deadline: '2026-12-31',
    });
    const submitted = await fx.h.ok('ledger.submit', {
      id: measure.id,
      version: updated.version,
      note: '已补印发文件',
    });
    const signed = await reviewer.ok('ledger.signOff', { id: measure.id, version: submitted.version });
    expect(signed.status).toBe('signed_off');
    expect(signed.lookbacks.filter((l) => l.status === 'scheduled')).toHaveLength(1);
  });
});

describe('a recorded look-back', () => {
  it('refuses another record and a new date with E_CLOSED', async () => {
    const fx = await court();
    const { measure, reviewer } = await signedOffMeasure(fx);
    const lookback = measure.lookbacks[0];
    const passed = await reviewer.ok('lookbacks.record', {
      id: lookback.id,
      version: lookback.version,
      result: 'passed',
      note: '未发现反弹',
    });
    const recorded = passed.lookbacks[0];
    expectFailure(
      await reviewer.call('lookbacks.record', {
        id: recorded.id,
        version: recorded.version,
        result: 'relapsed',
        note: '改',
      }),
      'E_CLOSED',
    );
    expectFailure(
      await fx.h.call('lookbacks.reschedule', { id: recorded.id, version: recorded.version, dueDate: '2027-06-30' }),
      'E_CLOSED',
    );
    // The passed measure is closed too.
    expectFailure(
      await fx.h.call('ledger.updateMeasure', { id: measure.id, version: passed.version, text: '改写' }),
      'E_CLOSED',
      /通过回头看/,
    );
  });
});

describe('an accepted 查摆报告', () => {
  async function accepted(fx: Fixture) {
    const catalogue = await withCatalogue(fx);
    const org = await withOrg(fx);
    const problem = catalogue.aspects[0].problems[0];
    const report = await submittedReport(fx, org.zhengxue.id, problem.id);
    const reviewer: Caller = await secondReviewer(fx);
    const done = await reviewer.ok('inspection.accept', { id: report.id, version: report.version });
    return { report: done, reviewer, problem };
  }

  it('refuses changes to the report and its claims, and deletion, with E_CLOSED', async () => {
    const fx = await court();
    const { report, problem } = await accepted(fx);
    expectFailure(
      await fx.h.call('inspection.saveDraft', {
        id: report.id,
        version: report.version,
        claims: [goodClaim(problem.id)],
      }),
      'E_CLOSED',
      /审核通过/,
    );
    expectFailure(
      await fx.h.call('inspection.saveDraft', { id: report.id, version: report.version, claims: [] }),
      'E_CLOSED',
    );
    expectFailure(await fx.h.call('inspection.submit', { id: report.id, version: report.version }), 'E_CLOSED');
    expectFailure(await fx.h.call('inspection.delete', { id: report.id, version: report.version }), 'E_CLOSED');
    expect((await fx.h.ok('inspection.get', { id: report.id })).claims).toHaveLength(1);
  });

  it('is reopened by a reviewer to the filer, keeping the accepted round', async () => {
    const fx = await court();
    const { report, reviewer, problem } = await accepted(fx);
    const reopened = await reviewer.ok('inspection.reopen', {
      id: report.id,
      version: report.version,
      reason: '请补充案号',
    });
    expect(reopened.status).toBe('returned');
    const saved = await fx.h.ok('inspection.saveDraft', {
      id: report.id,
      version: reopened.version,
      claims: [goodClaim(problem.id, { facts: '2026年4月（2026）黑0102民初123号，两次让当事人补材料。' })],
    });
    const resubmitted = await fx.h.ok('inspection.submit', { id: report.id, version: saved.version });
    expect(resubmitted.rounds.map((r) => [r.round, r.decision])).toEqual([
      [1, 'accepted'],
      [2, null],
    ]);
  });
});

describe('延期 and deadline rules', () => {
  async function filer(fx: Fixture) {
    const department = await fx.h.ok('departments.create', { name: '立案庭' });
    await fx.h.addUser({ username: 'tianfa', displayName: '田填报', roles: ['filer'], departmentId: department.id });
    return { caller: fx.h.as('tianfa'), department };
  }

  it('refuses a 填报人 moving an existing deadline and points to 延期; a reviewer extends with a reason', async () => {
    const fx = await court();
    const { caller, department } = await filer(fx);
    const item = await caller.ok('items.create', {
      campaignId: fx.campaign.id,
      title: '清理长期未结案件',
      departmentId: department.id,
      deadline: '2026-12-15',
    });
    expectFailure(
      await caller.call('items.update', {
        id: item.id,
        version: item.version,
        title: item.title,
        departmentId: department.id,
        deadline: '2027-01-31',
      }),
      'E_FORBIDDEN',
      /审核人办理“延期”/,
    );
    expectFailure(
      await caller.call('items.extendDeadline', {
        id: item.id,
        version: item.version,
        deadline: '2027-01-31',
        reason: '延',
      }),
      'E_FORBIDDEN',
    );
    // Other fields stay the filer's to edit.
    const owned = await caller.ok('items.update', {
      id: item.id,
      version: item.version,
      title: item.title,
      departmentId: department.id,
      deadline: '2026-12-15',
      owner: '田填报',
    });
    // The administrator through items.update must give a reason, which makes it a 延期 too.
    expectFailure(
      await fx.h.call('items.update', {
        id: item.id,
        version: owned.version,
        title: item.title,
        departmentId: department.id,
        deadline: '2027-01-31',
      }),
      'E_INVALID',
      /延期理由/,
    );
    const extended = await fx.h.ok('items.extendDeadline', {
      id: item.id,
      version: owned.version,
      deadline: '2027-01-31',
      reason: '案件涉及鉴定，需延后',
    });
    expect(extended.deadlineChanges).toMatchObject([
      { fromDeadline: '2026-12-15', toDeadline: '2027-01-31', reason: '案件涉及鉴定，需延后', decidedBy: '王书记员' },
    ]);
  });

  it('setting a first deadline is a normal edit; a past deadline needs a reason and is kept', async () => {
    const fx = await court();
    const { caller, department } = await filer(fx);
    const item = await caller.ok('items.create', {
      campaignId: fx.campaign.id,
      title: '专题调研',
      departmentId: department.id,
    });
    const dated = await caller.ok('items.update', {
      id: item.id,
      version: item.version,
      title: item.title,
      departmentId: department.id,
      deadline: '2026-12-20',
    });
    expect(dated.deadlineChanges).toEqual([]);
    expectFailure(
      await caller.call('items.create', {
        campaignId: fx.campaign.id,
        title: '补录事项',
        departmentId: department.id,
        deadline: '2026-11-01',
      }),
      'E_INVALID',
      /早于今天/,
    );
    const late = await caller.ok('items.create', {
      campaignId: fx.campaign.id,
      title: '补录事项',
      departmentId: department.id,
      deadline: '2026-11-01',
      deadlineReason: '补录上月已布置的工作',
    });
    expect(late.deadlineChanges).toMatchObject([
      { fromDeadline: null, toDeadline: '2026-11-01', reason: '补录上月已布置的工作', decidedBy: '田填报' },
    ]);
    expect(late).toMatchObject({ light: 'red', wasRed: true });
  });

  it('keeps the red the original deadline caused after a 延期, and 曾亮红灯 stays', async () => {
    const fx = await court();
    const item = await fx.h.ok('items.create', {
      campaignId: fx.campaign.id,
      title: '案件评查',
      deadline: '2026-12-01',
    });
    fx.h.setNow('2026-12-05T09:00:00+08:00');
    // Nobody looked at the list since the deadline passed: the 延期 itself must not lose the red.
    const moved = await fx.h.ok('items.extendDeadline', {
      id: item.id,
      version: item.version,
      deadline: '2027-03-31',
      reason: '评查范围扩大',
    });
    expect(moved).toMatchObject({ light: 'green', wasRed: true });
    expect(moved.lightHistory.map((s) => [s.light, s.since, s.until])).toEqual([
      ['yellow', '2026-11-24', '2026-12-02'],
      ['red', '2026-12-02', '2026-12-05'],
      ['green', '2026-12-05', null],
    ]);
    const [row] = await fx.h.ok('items.list', { campaignId: fx.campaign.id });
    expect(row.wasRed).toBe(true);
  });
});

describe('light history across a send-back', () => {
  it('never records the same light twice in a row', async () => {
    const fx = await court();
    const item = await fx.h.ok('items.create', {
      campaignId: fx.campaign.id,
      title: '专题调研',
      deadline: '2027-03-31',
    });
    const done = await fx.h.ok('items.markComplete', { id: item.id, version: item.version });
    const reviewer = await secondReviewer(fx);
    fx.h.setNow('2026-11-26T09:00:00+08:00');
    const back = await reviewer.ok('items.sendBack', { id: item.id, version: done.version, reason: '缺少材料' });
    expect(back.lightHistory).toEqual([{ light: 'green', since: '2026-11-24', until: null }]);
    const lights = back.lightHistory.map((s) => s.light);
    expect(lights.some((light, i) => i > 0 && light === lights[i - 1])).toBe(false);
  });
});
