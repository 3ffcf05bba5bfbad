// 通报 (notices): good and bad input for each operation. The fixture court J2301 is made an
// intermediate court with one basic court (J230101) on its roster. The full behaviour (figures,
// counts, received notices, the printed 公文) is in notices.test.ts.
import { expect } from 'vitest';
import type { NoticeOperation } from '../../../src/main/notices/noticesHandlers';
import { expectFailure, MISSING_ID, type Fixture, type OperationCases } from './shared';

const BELOW = { code: 'J230101', name: '龙江县第一人民法院' };

/** The fixture court as an intermediate court with one basic court on its roster. */
async function asIntermediate(fx: Fixture) {
  await fx.h.ok('court.update', {
    name: '齐齐哈尔市中级人民法院',
    code: 'J2301',
    level: 'intermediate',
    parentCode: 'J23',
    parentName: '黑龙江省高级人民法院',
    operatorName: '王书记员',
  });
  await fx.h.ok('roster.add', { ...BELOW, level: 'basic', parentCode: 'J2301' });
}

async function draftOne(fx: Fixture) {
  await asIntermediate(fx);
  return fx.h.ok('notices.draft', {
    campaignId: fx.campaign.id,
    kind: 'criticism',
    namedCourts: [{ code: BELOW.code, stance: 'criticism' }],
  });
}

const saveInput = (notice: Awaited<ReturnType<typeof draftOne>>) => ({
  id: notice.id,
  version: notice.version,
  kind: notice.kind,
  title: notice.title,
  addressees: notice.addressees,
  body: notice.body,
  issuerName: notice.issuerName,
  signedDate: '2026-11-24',
  namedCourts: [{ code: BELOW.code, stance: 'criticism' as const }],
});

export const noticesCases: OperationCases<NoticeOperation> = {
  'notices.draft': {
    good: async (fx) => {
      const notice = await draftOne(fx);
      expect(notice).toMatchObject({
        status: 'draft',
        addressees: '辖区各基层人民法院',
        issuerName: '齐齐哈尔市中级人民法院',
        title: `关于对${BELOW.name}“能力作风建设年”工作进展滞后情况的通报`,
        criticismCounts: { [BELOW.code]: 1 },
      });
      expect(notice.body).toMatch(/^为压实责任/);
    },
    bad: async (fx) => {
      // At a basic court: no courts below to name.
      expectFailure(
        await fx.h.call('notices.draft', { campaignId: fx.campaign.id, kind: 'situation' }),
        'E_FORBIDDEN',
        /基层法院/,
      );
      await asIntermediate(fx);
      const outside = expectFailure(
        await fx.h.call('notices.draft', {
          campaignId: fx.campaign.id,
          kind: 'criticism',
          namedCourts: [{ code: 'J2401', stance: 'criticism' }],
        }),
        'E_INVALID',
        /不在本院管辖范围内/,
      );
      expect(outside.fieldErrors?.namedCourts).toMatch(/J2401/);
      expectFailure(
        await fx.h.call('notices.draft', { campaignId: fx.campaign.id, kind: 'reward' as never }),
        'E_INVALID',
      );
      expectFailure(await fx.h.call('notices.draft', { campaignId: MISSING_ID, kind: 'situation' }), 'E_NOT_FOUND');
      expectFailure(
        await fx.h.as('nobody').call('notices.draft', { campaignId: fx.campaign.id, kind: 'situation' }),
        'E_LOGIN_REQUIRED',
      );
    },
  },
  'notices.save': {
    good: async (fx) => {
      const notice = await draftOne(fx);
      const saved = await fx.h.ok('notices.save', { ...saveInput(notice), title: '关于辖区法院推进情况的通报' });
      expect(saved).toMatchObject({ title: '关于辖区法院推进情况的通报', version: notice.version + 1 });
    },
    bad: async (fx) => {
      const notice = await draftOne(fx);
      const empty = expectFailure(await fx.h.call('notices.save', { ...saveInput(notice), title: ' ' }), 'E_INVALID');
      expect(empty.fieldErrors?.title).toBeTruthy();
      expectFailure(await fx.h.call('notices.save', { ...saveInput(notice), signedDate: '2026-13-01' }), 'E_INVALID');
      expectFailure(await fx.h.call('notices.save', { ...saveInput(notice), id: MISSING_ID }), 'E_NOT_FOUND');
      const issued = await fx.h.ok('notices.issue', { id: notice.id, version: notice.version });
      expectFailure(
        await fx.h.call('notices.save', { ...saveInput(notice), version: issued.version }),
        'E_CLOSED',
        /通报已发布，不能修改/,
      );
    },
  },
  'notices.issue': {
    good: async (fx) => {
      const notice = await draftOne(fx);
      const issued = await fx.h.ok('notices.issue', { id: notice.id, version: notice.version });
      expect(issued).toMatchObject({ status: 'issued', docNumber: '齐中法〔2026〕1号', issuedBy: '王书记员' });
    },
    bad: async (fx) => {
      const notice = await draftOne(fx);
      expectFailure(await fx.h.call('notices.issue', { id: notice.id, version: notice.version + 5 }), 'E_STALE');
      expectFailure(await fx.h.call('notices.issue', { id: MISSING_ID, version: 1 }), 'E_NOT_FOUND');
      const issued = await fx.h.ok('notices.issue', { id: notice.id, version: notice.version });
      expectFailure(await fx.h.call('notices.issue', { id: issued.id, version: issued.version }), 'E_CLOSED');
    },
  },
  'notices.delete': {
    good: async (fx) => {
      const notice = await draftOne(fx);
      expect(await fx.h.ok('notices.delete', { id: notice.id, version: notice.version })).toEqual({ id: notice.id });
      expect(await fx.h.ok('notices.list', {})).toEqual([]);
    },
    bad: async (fx) => {
      const notice = await draftOne(fx);
      const issued = await fx.h.ok('notices.issue', { id: notice.id, version: notice.version });
      expectFailure(
        await fx.h.call('notices.delete', { id: issued.id, version: issued.version }),
        'E_CLOSED',
        /已发布/,
      );
      expectFailure(await fx.h.call('notices.delete', { id: 'x' } as never), 'E_INVALID');
    },
  },
  'notices.list': {
    good: async (fx) => {
      const notice = await draftOne(fx);
      const list = await fx.h.ok('notices.list', { campaignId: fx.campaign.id });
      expect(list.map((n) => [n.id, n.relation])).toEqual([[notice.id, 'own']]);
    },
    bad: async (fx) => {
      expectFailure(await fx.h.call('notices.list', { campaignId: 'not-an-id' }), 'E_INVALID');
      expectFailure(await fx.h.call('notices.list', { campaignId: MISSING_ID }), 'E_NOT_FOUND', /专项活动/);
      expectFailure(await fx.h.as('nobody').call('notices.list', {}), 'E_LOGIN_REQUIRED');
    },
  },
  'notices.get': {
    good: async (fx) => {
      const notice = await draftOne(fx);
      expect(await fx.h.ok('notices.get', { id: notice.id })).toMatchObject({ id: notice.id, relation: 'own' });
    },
    bad: async (fx) => {
      expectFailure(await fx.h.call('notices.get', { id: MISSING_ID }), 'E_NOT_FOUND', /通报/);
      expectFailure(await fx.h.call('notices.get', {} as never), 'E_INVALID');
    },
  },
  'notices.aboutUs': {
    good: async (fx) => {
      // Nothing a superior issued names this court.
      await draftOne(fx);
      expect(await fx.h.ok('notices.aboutUs')).toEqual([]);
    },
    bad: async (fx) => {
      expectFailure(await fx.h.call('notices.aboutUs', { id: MISSING_ID } as never), 'E_INVALID');
      expectFailure(await fx.h.as('nobody').call('notices.aboutUs'), 'E_LOGIN_REQUIRED');
    },
  },
};
