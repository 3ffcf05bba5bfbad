// The higher court's matrix: good and bad input for each operation. The fixture court J2301 is
// made an intermediate court, and a subordinate's items arrive with SQL as a report-up bundle
// would leave them. The full behaviour with real courts is in province.test.ts.
import { expect } from 'vitest';
import type { ProvinceOperation } from '../../../src/main/province/provinceHandlers';
import { expectFailure, MISSING_ID, type OperationCases } from './shared';

export const provinceCases: OperationCases<ProvinceOperation> = {
  'boards.province': {
    good: async (fx) => {
      const { h, campaign, sections } = fx;
      // A basic court has no subordinates: the columns, and no rows.
      const atBasic = await h.ok('boards.province', { campaignId: campaign.id });
      expect(atBasic.courts).toEqual([]);
      expect(atBasic.sections.map((s) => s.id)).toEqual(sections.filter((s) => s.depth === 0).map((s) => s.id));

      await h.ok('court.update', {
        name: '齐齐哈尔市中级人民法院',
        code: 'J2301',
        level: 'intermediate',
        parentCode: 'J23',
        parentName: '黑龙江省高级人民法院',
        operatorName: '王书记员',
      });
      const stamp = '2026-11-01T09:00:00+08:00';
      const sqlite = h.services.ctx.sqlite;
      sqlite
        .prepare(
          "INSERT INTO sync_courts (code, name, level, parent_code, sign_key, box_key, fingerprint, relation, trusted_at, trusted_by, last_seq, last_bundle_at) VALUES ('J230101', '龙江县人民法院', 'basic', 'J2301', 'k', 'k', ?, 'subordinate', ?, '王书记员（admin）', 1, ?)",
        )
        .run('0'.repeat(40), stamp, stamp);
      const insert = sqlite.prepare(
        "INSERT INTO items (id, origin, version, change_seq, created_at, updated_at, campaign_id, section_id, sort_order, title, status, deadline) VALUES (?, 'J230101', 1, 5, ?, ?, ?, ?, ?, ?, ?, ?)",
      );
      insert.run(
        '0190f0e4-0000-7000-8000-00000000e001',
        stamp,
        stamp,
        campaign.id,
        sections[0].id,
        1024,
        '巡回审判进村',
        'completed',
        '2026-10-31',
      );
      insert.run(
        '0190f0e4-0000-7000-8000-00000000e002',
        stamp,
        stamp,
        campaign.id,
        sections[0].id,
        2048,
        '诉前调解分流',
        'in_progress',
        '2026-10-31',
      );
      const board = await h.ok('boards.province', { campaignId: campaign.id });
      expect(board.courts).toHaveLength(1);
      expect(board.courts).toMatchObject([
        {
          code: 'J230101',
          name: '龙江县人民法院',
          rank: 1,
          totals: { total: 2, completed: 1, overdue: 1, completionRate: 0.5 },
          bundleAgeDays: 23,
          bundleLight: 'green',
          standing: 'ranked',
        },
      ]);
    },
    bad: async ({ h }) => {
      expectFailure(await h.call('boards.province', { campaignId: 'not-an-id' }), 'E_INVALID');
      expectFailure(await h.call('boards.province', { campaignId: MISSING_ID }), 'E_NOT_FOUND', /专项活动/);
      expectFailure(await h.as('nobody').call('boards.province', { campaignId: MISSING_ID }), 'E_LOGIN_REQUIRED');
    },
  },
};
