// The contract is written per feature (src/shared/<feature>/<feature>Contract.ts) and joined in
// src/shared/operationTable.ts. These tests hold the join to what the rest of the app relies on:
// no name defined twice, one table behind the names, schemas, access rules and handlers, and a
// preload that stays small although it reads the names from that table.
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { defineOperation, mergeOperationTables, MANAGERS } from '../../src/shared/contract';
import { operationTable } from '../../src/shared/operationTable';
import { OPERATION_NAMES, operationAccess, operations, roles } from '../../src/shared/api';
import { handlers } from '../../src/main/api/handlers';

const repoRoot = path.resolve(__dirname, '../..');

describe('joining the feature tables', () => {
  it('refuses an operation name that two features define, naming it', () => {
    const first = { 'probe.same': defineOperation<number>()(z.object({}), 'user') };
    const second = { 'probe.same': defineOperation<string>()(z.object({}), MANAGERS) };
    expect(() =>
      // @ts-expect-error the type checker refuses it too: `duplicateOperationNames: "probe.same"`
      mergeOperationTables(first, second),
    ).toThrow('Operation "probe.same" is defined by two features of the contract');
  });

  it('keeps every entry of tables whose names differ', () => {
    const first = { 'probe.a': defineOperation<number>()(z.object({}), 'user') };
    const second = { 'probe.b': defineOperation<string>()(z.object({ x: z.string() }), MANAGERS) };
    const merged = mergeOperationTables(first, second);
    expect(Object.keys(merged)).toEqual(['probe.a', 'probe.b']);
    expect(merged['probe.b'].access).toEqual(['admin', 'reviewer']);
    expect(merged['probe.b'].input.parse({ x: '甲' })).toEqual({ x: '甲' });
  });
});

describe('the one operation table', () => {
  const names = Object.keys(operationTable);

  it('is where the names, input schemas and access rules all come from', () => {
    expect(names.length).toBeGreaterThan(100);
    expect([...OPERATION_NAMES]).toEqual(names);
    expect(Object.keys(operations)).toEqual(names);
    expect(Object.keys(operationAccess)).toEqual(names);
    for (const name of OPERATION_NAMES) {
      expect(operations[name], name).toBe(operationTable[name].input);
      const access = operationAccess[name];
      if (access !== 'public' && access !== 'user') {
        expect(access.length, name).toBeGreaterThan(0);
        for (const role of access) expect(roles, name).toContain(role);
      }
    }
  });

  it('has exactly one handler per operation', () => {
    expect(Object.keys(handlers).sort()).toEqual([...names].sort());
  });

  it('reaches the Electron preload without bringing all of zod along', async () => {
    // A contract file that imports `{ z }` instead of `* as z` pulls in the whole of zod (~0.8 MB).
    const result = await build({
      entryPoints: [path.join(repoRoot, 'src/preload/preload.ts')],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      external: ['electron'],
      write: false,
      logLevel: 'silent',
    });
    expect(result.outputFiles[0].contents.length).toBeLessThan(400 * 1024);
  });
});
