// Who may do what, enforced by the API itself: roles per operation, a 填报人 limited to their own
// department, the two-person rule for sign-off, every refusal in Chinese and in the audit log,
// and sessions that belong to one caller each.
import { afterEach, describe, expect, it } from 'vitest';
import { operationNames } from '../../src/shared/api';
import { permissions } from '../../src/main/access/permissions';
import { openCourt } from './harness';
import { base64, expectFailure } from './apiCases/shared';

type Court = Awaited<ReturnType<typeof openCourt>>;
const open: Court[] = [];
afterEach(async () => {
  for (const fx of open.splice(0)) await fx.h.close();
});

/** A court with two departments, a filer in each, and a second reviewer. */
async function staffedCourt() {
  const fx = await openCourt();
  open.push(fx);
  const { h, campaign, sections } = fx;
  const lian = await h.ok('departments.create', { name: '立案庭', headName: '周庭长' });
  const xing = await h.ok('departments.create', { name: '刑事审判庭', headName: '吴庭长' });
  await h.addUser({ username: 'zhouxm', displayName: '周晓明', roles: ['filer'], departmentId: lian.id });
  await h.addUser({ username: 'wuhong', displayName: '吴红', roles: ['filer'], departmentId: xing.id });
  await h.addUser({ username: 'chenzr', displayName: '陈主任', roles: ['reviewer'] });
  const item = await h.ok('items.create', {
    campaignId: campaign.id,
    sectionId: sections[0].id,
    title: '落实当场立案制度',
    departmentId: lian.id,
    deadline: '2026-12-31',
  });
  return { ...fx, lian, xing, item, zhou: h.as('zhouxm'), wu: h.as('wuhong'), chen: h.as('chenzr') };
}

describe('permissions', () => {
  it('name a rule for every operation in the contract', () => {
    expect(Object.keys(permissions).sort()).toEqual([...operationNames].sort());
  });

  it('refuse a 填报人 the administrator’s and reviewer’s operations, in Chinese, and audit each refusal', async () => {
    const { h, zhou, campaign, item } = await staffedCourt();
    expectFailure(await zhou.call('users.list'), 'E_FORBIDDEN', /需要管理员角色/);
    expectFailure(await zhou.call('departments.create', { name: '执行局' }), 'E_FORBIDDEN');
    expectFailure(
      await zhou.call('campaigns.create', { title: '自己建的活动', year: 2026 }),
      'E_FORBIDDEN',
      /管理员或审核人/,
    );
    expectFailure(await zhou.call('items.signOff', { id: item.id, version: item.version }), 'E_FORBIDDEN', /审核人/);
    expectFailure(await zhou.call('audit.list', {}), 'E_FORBIDDEN');
    expectFailure(
      await zhou.call('campaigns.setLightRules', {
        id: campaign.id,
        version: campaign.version,
        yellowDays: 3,
        escalateGreen: 'owner',
        escalateYellow: 'owner',
        escalateRed: 'owner',
        lookbackMonths: 6,
      }),
      'E_FORBIDDEN',
    );
    // Reading is open to every account.
    expect((await zhou.ok('items.list', { campaignId: campaign.id })).length).toBe(1);
    const denied = (await h.ok('audit.list', { limit: 50 })).filter((e) => e.operation === 'denied');
    expect(denied.map((e) => e.rowId).sort()).toEqual([
      'audit.list',
      'campaigns.create',
      'campaigns.setLightRules',
      'departments.create',
      'items.signOff',
      'users.list',
    ]);
    expect(denied[0]).toMatchObject({ actor: '周晓明（zhouxm）', tableName: 'access' });
    expect(denied[0].after).toMatchObject({ code: 'E_FORBIDDEN' });
    expect((await h.ok('audit.verify')).ok).toBe(true);
  });

  it('refuse a reviewer the administrator’s user management', async () => {
    const { chen } = await staffedCourt();
    expectFailure(
      await chen.call('users.create', { username: 'x1', displayName: '某', roles: ['admin'], password: 'Temp2026abc' }),
      'E_FORBIDDEN',
    );
    expectFailure(
      await chen.call('court.update', {
        name: '龙江县人民法院',
        code: 'J2301',
        level: 'basic',
        parentCode: 'J23',
        parentName: '齐齐哈尔市中级人民法院',
        operatorName: '陈主任',
      }),
      'E_FORBIDDEN',
    );
  });

  it('refuse every call but log-in before anyone has logged in on this caller', async () => {
    const { h, campaign } = await staffedCourt();
    const stranger = h.as('stranger');
    for (const name of ['campaigns.list', 'items.list', 'ledger.list', 'work.mine'] as const) {
      const input = name === 'campaigns.list' || name === 'work.mine' ? undefined : { campaignId: campaign.id };
      expectFailure(await stranger.call(name, input as never), 'E_LOGIN_REQUIRED', /请先登录/);
    }
    expect((await stranger.ok('app.info')).schemaVersion).toBeGreaterThanOrEqual(2);
    expect((await stranger.ok('court.get'))?.code).toBe('J2301');
  });
});

describe('a 填报人 works only for their own department', () => {
  it('records progress, evidence and completion on their department’s items', async () => {
    const { zhou, item } = await staffedCourt();
    const note = await zhou.ok('progress.add', {
      itemId: item.id,
      noteDate: '2026-11-20',
      text: '制定当场立案工作细则',
      percent: 40,
    });
    expect(note.author).toBe('周晓明');
    await zhou.ok('evidence.add', { itemId: item.id, name: '细则.pdf', dataBase64: base64('细则全文') });
    const current = await zhou.ok('items.get', { id: item.id });
    const done = await zhou.ok('items.markComplete', { id: item.id, version: current.version, note: '细则已印发' });
    expect(done.status).toBe('completed');
  });

  it('is refused on another department’s item, naming both departments, and nothing changes', async () => {
    const { h, wu, item } = await staffedCourt();
    const before = await h.ok('items.get', { id: item.id });
    expectFailure(
      await wu.call('progress.add', { itemId: item.id, noteDate: '2026-11-20', text: '代为填报' }),
      'E_FORBIDDEN',
      /刑事审判庭的填报人.*“立案庭”/,
    );
    expectFailure(
      await wu.call('items.update', { id: item.id, version: item.version, title: '改标题' }),
      'E_FORBIDDEN',
    );
    expectFailure(await wu.call('items.markComplete', { id: item.id, version: item.version }), 'E_FORBIDDEN');
    expectFailure(
      await wu.call('evidence.add', { itemId: item.id, name: '照片.jpg', dataBase64: base64('jpg') }),
      'E_FORBIDDEN',
    );
    expectFailure(await wu.call('items.delete', { ids: [item.id] }), 'E_FORBIDDEN');
    const after = await h.ok('items.get', { id: item.id });
    expect(after).toEqual(before);
  });

  it('may not create items for another department, nor move their own item out of it', async () => {
    const { zhou, campaign, lian, xing, item } = await staffedCourt();
    expectFailure(
      await zhou.call('items.create', { campaignId: campaign.id, title: '他庭事项', departmentId: xing.id }),
      'E_FORBIDDEN',
    );
    expectFailure(
      await zhou.call('items.create', { campaignId: campaign.id, title: '无部门事项' }),
      'E_FORBIDDEN',
      /没有指定责任部门/,
    );
    const own = await zhou.ok('items.create', {
      campaignId: campaign.id,
      title: '立案窗口延时服务',
      departmentId: lian.id,
    });
    expect(own.departmentName).toBe('立案庭');
    expectFailure(
      await zhou.call('items.update', { id: item.id, version: item.version, title: item.title, departmentId: xing.id }),
      'E_FORBIDDEN',
    );
  });
});

describe('sign-off needs two people (销号)', () => {
  it('refuses the one who marked the item complete, and lets another reviewer sign it off', async () => {
    const { h, chen, zhou, item } = await staffedCourt();
    // The administrator (also a reviewer) completes it: they may not sign it off themselves.
    const done = await h.ok('items.markComplete', { id: item.id, version: item.version });
    expectFailure(await h.call('items.signOff', { id: item.id, version: done.version }), 'E_OWN_WORK', /本人不能审核/);
    const signed = await chen.ok('items.signOff', { id: item.id, version: done.version, opinion: '同意销号' });
    expect(signed.signoffs[0]).toMatchObject({ reviewer: '陈主任', decision: 'approved' });
    // A filer's completion is signed off by the administrator-reviewer without trouble.
    const other = await zhou.ok('items.create', {
      campaignId: signed.campaignId,
      title: '立案窗口延时服务',
      departmentId: signed.departmentId,
    });
    const otherDone = await zhou.ok('items.markComplete', { id: other.id, version: other.version });
    expect((await h.ok('items.signOff', { id: other.id, version: otherDone.version })).status).toBe('signed_off');
    const refusals = (await h.ok('audit.list', { limit: 100 })).filter((e) => e.operation === 'denied');
    expect(refusals.map((e) => (e.after as { code: string }).code)).toEqual(['E_OWN_WORK']);
  });
});

describe('sessions', () => {
  it('belong to one caller each: logging out one leaves the other logged in', async () => {
    const { h, zhou, chen } = await staffedCourt();
    expect((await zhou.ok('auth.status')).user?.username).toBe('zhouxm');
    expect((await chen.ok('auth.status')).user?.username).toBe('chenzr');
    await zhou.ok('auth.logout');
    expectFailure(await zhou.call('campaigns.list'), 'E_LOGIN_REQUIRED');
    expect((await chen.ok('campaigns.list')).length).toBe(1);
    expect((await h.ok('auth.status')).user?.username).toBe('admin');
  });

  it('see a role change at the next call, without logging in again', async () => {
    const { h, zhou } = await staffedCourt();
    expectFailure(await zhou.call('audit.verify'), 'E_FORBIDDEN');
    const account = (await h.ok('users.list')).find((u) => u.username === 'zhouxm')!;
    await h.ok('users.update', {
      id: account.id,
      version: account.version,
      displayName: account.displayName,
      roles: ['filer', 'reviewer'],
      departmentId: account.departmentId,
    });
    expect((await zhou.ok('audit.verify')).ok).toBe(true);
  });
});
