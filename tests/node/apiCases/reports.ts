// Reports (报表): good and bad input for each operation. Exports write real files into temp
// folders and are read back: a PDF starts with %PDF, an XLSX (a zip) with PK.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { JobStatus, ReportFile } from '../../../src/shared/model';
import type { ReportOperation } from '../../../src/main/reports/reportHandlers';
import { tempDir } from '../harness';
import { expectFailure, withItem, type Fixture, type OperationCases } from './shared';

async function exported(fx: Fixture, jobId: string): Promise<ReportFile> {
  const status = (await fx.h.services.ctx.jobs.waitFor(jobId)) as JobStatus;
  expect(status.state, status.error ?? '').toBe('done');
  expect(status.result?.kind).toBe('reportExport');
  return (status.result as { kind: 'reportExport'; report: ReportFile }).report;
}

export const reportsCases: OperationCases<ReportOperation> = {
  'reports.preview': {
    good: async (fx) => {
      await withItem(fx, { leadLeader: '张副院长', deadline: '2026-12-31' });
      const preview = await fx.h.ok('reports.preview', { campaignId: fx.campaign.id, kind: 'checklist' });
      expect(preview).toMatchObject({
        kind: 'checklist',
        title: '推进清单',
        baseName: '龙江县人民法院能力作风建设年推进清单',
        landscape: true,
      });
      expect(preview.formats).toEqual(expect.arrayContaining(['pdf', 'xlsx']));
      expect(preview.formats).not.toContain('docx');
      expect(preview.html).toMatch(/^<!DOCTYPE html>/);
      expect(preview.html).toContain('能力作风建设年推进清单');
      expect(preview.html).toContain('落实当场立案制度');
      expect(preview.html).toContain('张副院长');
    },
    bad: async (fx) => {
      expectFailure(
        await fx.h.call('reports.preview', { campaignId: fx.campaign.id, kind: 'weekly' } as never),
        'E_INVALID',
      );
      expectFailure(
        await fx.h.call('reports.preview', { campaignId: fx.campaign.id, kind: 'checklist', courtCode: 'J9999' }),
        'E_NOT_FOUND',
      );
      // The fixture is a basic court: it has no subordinates to put in a 下级法院进度表.
      expectFailure(
        await fx.h.call('reports.preview', { campaignId: fx.campaign.id, kind: 'province' }),
        'E_INVALID',
        /基层法院，没有下级法院/,
      );
      expectFailure(
        await fx.h.as('nobody').call('reports.preview', { campaignId: fx.campaign.id, kind: 'checklist' }),
        'E_LOGIN_REQUIRED',
      );
    },
  },
  'reports.export': {
    good: async (fx) => {
      await withItem(fx, { leadLeader: '张副院长', deadline: '2026-12-31' });
      const folder = tempDir('court-report-export-');
      const input = { campaignId: fx.campaign.id, kind: 'checklist' as const, folder };

      const pdf = await exported(fx, (await fx.h.ok('reports.export', { ...input, format: 'pdf' })).jobId);
      expect(pdf).toMatchObject({
        kind: 'checklist',
        format: 'pdf',
        path: path.join(folder, '龙江县人民法院能力作风建设年推进清单.pdf'),
        pages: 1,
      });
      const pdfBytes = fs.readFileSync(pdf.path);
      expect(pdfBytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
      expect(pdf.bytes).toBe(pdfBytes.length);

      const xlsx = await exported(fx, (await fx.h.ok('reports.export', { ...input, format: 'xlsx' })).jobId);
      expect(xlsx).toMatchObject({
        format: 'xlsx',
        path: path.join(folder, '龙江县人民法院能力作风建设年推进清单.xlsx'),
        pages: null,
      });
      expect(fs.readFileSync(xlsx.path).subarray(0, 2).toString('latin1')).toBe('PK');

      // The same name again: a new file beside it, the first one untouched.
      const again = await exported(fx, (await fx.h.ok('reports.export', { ...input, format: 'xlsx' })).jobId);
      expect(again.path).toBe(path.join(folder, '龙江县人民法院能力作风建设年推进清单（2）.xlsx'));
      expect(fs.readdirSync(folder).sort()).toEqual(
        [
          '龙江县人民法院能力作风建设年推进清单.pdf',
          '龙江县人民法院能力作风建设年推进清单.xlsx',
          '龙江县人民法院能力作风建设年推进清单（2）.xlsx',
        ].sort(),
      );

      // A form-shaped kind: portrait pages, and a Word document.
      const inspectionInput = { campaignId: fx.campaign.id, kind: 'inspection' as const, folder };
      const form = await exported(fx, (await fx.h.ok('reports.export', { ...inspectionInput, format: 'pdf' })).jobId);
      const mediaBox = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(
        fs.readFileSync(form.path).toString('latin1'),
      );
      expect(Number(mediaBox![1])).toBeLessThan(Number(mediaBox![2]));
      const word = await exported(fx, (await fx.h.ok('reports.export', { ...inspectionInput, format: 'docx' })).jobId);
      expect(word.path).toBe(path.join(folder, '龙江县人民法院能力作风建设年查摆报告表.docx'));
      expect(fs.readFileSync(word.path).subarray(0, 2).toString('latin1')).toBe('PK');
      for (const file of [form.path, word.path]) fs.rmSync(file);

      // Cancelled while printing: no file, no .part left behind.
      const cancelled = await fx.h.ok('reports.export', { ...input, format: 'pdf' });
      expect((await fx.h.ok('jobs.cancel', { jobId: cancelled.jobId })).state).toBe('running');
      expect((await fx.h.services.ctx.jobs.waitFor(cancelled.jobId))?.state).toBe('cancelled');
      expect(fs.readdirSync(folder)).toHaveLength(3);
    },
    bad: async (fx) => {
      const folder = tempDir('court-report-refused-');
      const input = { campaignId: fx.campaign.id, kind: 'checklist' as const, format: 'pdf' as const };
      const missing = expectFailure(
        await fx.h.call('reports.export', { ...input, folder: path.join(folder, '没有这个文件夹') }),
        'E_NOT_FOUND',
        /找不到文件夹/,
      );
      expect(missing.fieldErrors?.folder).toMatch(/找不到文件夹/);
      const relative = expectFailure(await fx.h.call('reports.export', { ...input, folder: '报表' }), 'E_INVALID');
      expect(relative.fieldErrors?.folder).toMatch(/完整的文件夹路径/);
      const aFile = path.join(folder, '说明.txt');
      fs.writeFileSync(aFile, '不是文件夹');
      expectFailure(await fx.h.call('reports.export', { ...input, folder: aFile }), 'E_INVALID', /不是文件夹/);
      expectFailure(
        await fx.h.call('reports.export', { ...input, format: 'docx', folder }),
        'E_INVALID',
        /推进清单不能保存为 DOCX/,
      );
      expectFailure(await fx.h.call('reports.export', { ...input, folder: '' }), 'E_INVALID');
      expectFailure(
        await fx.h.call('reports.export', { ...input, kind: 'province', folder }),
        'E_INVALID',
        /无法生成下级法院进度表/,
      );
      expectFailure(await fx.h.as('nobody').call('reports.export', { ...input, folder }), 'E_LOGIN_REQUIRED');
      // Nothing was started, so nothing was written.
      expect(fs.readdirSync(folder)).toEqual(['说明.txt']);
    },
  },
};
