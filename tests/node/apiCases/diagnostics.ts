// Diagnostics (诊断信息): good and bad input. The zip's contents are checked in depth by
// tests/node/diagnostics.test.ts; here the operation as every client calls it.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { DiagnosticsOperation } from '../../../src/main/diagnostics/diagnosticsHandlers';
import { tempDir } from '../harness';
import { expectFailure, type OperationCases } from './shared';

export const diagnosticsCases: OperationCases<DiagnosticsOperation> = {
  'diagnostics.export': {
    good: async (fx) => {
      const folder = tempDir('court-diagnostics-export-');
      const saved = await fx.h.ok('diagnostics.export', { folder });
      expect(saved.fileName).toMatch(/^诊断信息-J2301-\d{4}-\d{2}-\d{2}-\d{4}\.zip$/);
      expect(saved.path).toBe(path.join(folder, saved.fileName));
      expect(fs.statSync(saved.path).size).toBe(saved.bytes);
      expect(saved.entries).toEqual(
        expect.arrayContaining(['versions.json', 'integrity.json', 'integrity.txt', 'table-counts.json']),
      );
      fs.rmSync(folder, { recursive: true, force: true });
    },
    bad: async (fx) => {
      const folder = tempDir('court-diagnostics-refused-');
      const relative = expectFailure(await fx.h.call('diagnostics.export', { folder: '诊断信息' }), 'E_INVALID');
      expect(relative.fieldErrors?.folder).toMatch(/不是完整的文件夹路径/);
      expectFailure(
        await fx.h.call('diagnostics.export', { folder: path.join(folder, '没有这个文件夹') }),
        'E_NOT_FOUND',
      );
      expectFailure(await fx.h.call('diagnostics.export', { folder: '' }), 'E_INVALID');
      // Administrators only: a reviewer is refused, and the refusal is audited as every other.
      await fx.h.addUser({ username: 'shenhe', displayName: '审核员', roles: ['reviewer'] });
      expectFailure(await fx.h.as('shenhe').call('diagnostics.export', { folder }), 'E_FORBIDDEN', /管理员/);
      expectFailure(await fx.h.as('nobody').call('diagnostics.export', { folder }), 'E_LOGIN_REQUIRED');
      // Nothing was written by any of the refused calls.
      expect(fs.readdirSync(folder)).toEqual([]);
      fs.rmSync(folder, { recursive: true, force: true });
    },
  },
};
