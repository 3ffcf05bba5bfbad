// Each source file belongs to one process and never imports across (Signal Desktop's rule). The
// boundaries are lint rules in eslint.config.mjs (no-restricted-imports per folder) and `npm run lint`
// checks the whole tree; this test proves those rules fire, by linting planted imports as if they
// were files in each folder, and that the imports each folder legitimately needs still pass.
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

/** Lints a one-import file as if it lived at `file`; returns every message, with its rule. */
async function lintImport(file: string, specifier: string): Promise<{ ruleId: string | null; message: string }[]> {
  const code = `import { planted } from '${specifier}';\n\nexport const used = planted;\n`;
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result.messages.map(({ ruleId, message }) => ({ ruleId, message }));
}

const refused: [file: string, specifier: string][] = [
  // The renderer: only src/shared and itself.
  ['src/renderer/campaign/Planted.tsx', '../../main/api/context'],
  ['src/renderer/Planted.tsx', '../main/app/services'],
  ['src/renderer/campaign/Planted.tsx', '../../preload/previewBridge'],
  ['src/renderer/campaign/Planted.tsx', '../../cli/output'],
  ['src/renderer/campaign/Planted.tsx', 'node:fs'],
  ['src/renderer/campaign/Planted.tsx', 'path'],
  ['src/renderer/campaign/Planted.tsx', 'electron'],
  ['src/renderer/campaign/Planted.tsx', 'electron-log/node'],
  ['src/renderer/campaign/Planted.tsx', 'better-sqlite3'],
  ['src/renderer/campaign/Planted.tsx', 'kysely'],
  // The preload scripts: only src/shared (and electron).
  ['src/preload/planted.ts', '../main/api/dispatch'],
  ['src/preload/planted.ts', '../renderer/App'],
  ['src/preload/planted.ts', 'node:child_process'],
  ['src/preload/planted.ts', 'kysely'],
  // Shared code is pure, at any depth.
  ['src/shared/planted.ts', '../main/data/database'],
  ['src/shared/planted.ts', '../renderer/lib/format'],
  ['src/shared/ledger/planted.ts', '../../preload/preload'],
  ['src/shared/ledger/planted.ts', '../../cli/args'],
  ['src/shared/planted.ts', 'node:crypto'],
  ['src/shared/planted.ts', 'electron'],
  ['src/shared/planted.ts', 'better-sqlite3'],
  // Only src/main/electron loads Electron; the rest of main also runs in plain Node.
  ['src/main/data/planted.ts', 'electron'],
  ['src/main/data/planted.ts', 'electron-store'],
  ['src/main/data/planted.ts', 'electron-log/main'],
  ['src/main/data/planted.ts', '../../renderer/App'],
  ['src/main/electron/planted.ts', '../../preload/preload'],
  // The CLI calls the main-process services; it writes no SQL and has no Electron.
  ['src/cli/planted.ts', 'better-sqlite3'],
  ['src/cli/planted.ts', 'kysely'],
  ['src/cli/planted.ts', 'electron'],
  ['src/cli/planted.ts', '../renderer/App'],
];

const allowed: [file: string, specifier: string][] = [
  ['src/renderer/campaign/Planted.tsx', '../../shared/model'],
  ['src/renderer/Planted.tsx', '../shared/model'],
  ['src/renderer/campaign/Planted.tsx', '../common/PageBoundary'],
  ['src/renderer/campaign/Planted.tsx', '@mantine/core'],
  ['src/preload/planted.ts', 'electron'],
  ['src/preload/planted.ts', '../shared/api'],
  ['src/shared/planted.ts', 'zod'],
  ['src/shared/ledger/planted.ts', '../model'],
  ['src/main/electron/planted.ts', 'electron'],
  ['src/main/data/planted.ts', 'kysely'],
  ['src/main/data/planted.ts', 'node:fs'],
  ['src/main/logging/planted.ts', 'electron-log/node'],
  ['src/main/data/planted.ts', '../../shared/model'],
  ['src/cli/planted.ts', '../main/api/context'],
  ['src/cli/planted.ts', 'node:fs'],
  // Tests and scripts open real databases to plant and inspect state.
  ['tests/node/planted.test.ts', 'better-sqlite3'],
  ['scripts/bench/planted.ts', 'kysely'],
];

describe('process boundaries (eslint.config.mjs)', () => {
  it.each(refused)('%s may not import %s', async (file, specifier) => {
    const messages = await lintImport(file, specifier);
    expect(messages).toEqual([{ ruleId: 'no-restricted-imports', message: expect.stringContaining(specifier) }]);
  });

  it.each(allowed)('%s may import %s', async (file, specifier) => {
    expect(await lintImport(file, specifier)).toEqual([]);
  });

  it('says why, in the message a developer reads', async () => {
    const [message] = await lintImport('src/renderer/campaign/Planted.tsx', '../../main/api/context');
    expect(message.message).toContain('渲染进程只能引用 src/shared 与自身');
  });
});
