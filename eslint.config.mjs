// ESLint flat config. Besides the usual recommended sets it turns the process boundaries into lint
// rules (Signal Desktop's idea: each file belongs to one process and never imports across):
// - src/renderer runs in a browser page: only src/shared and itself, no Node, Electron or SQL.
// - src/preload bridges the page to the host: only src/shared (and 'electron' for the Electron preload).
// - src/shared is pure code both sides load: nothing of any process, no Node, Electron or SQL.
// - src/main may import 'electron' only under src/main/electron; the rest also runs in the plain-Node
//   preview server and the CLI.
// - src/cli runs in Node and calls the main-process services, but no renderer/preload code, no
//   Electron, and no SQL of its own (it goes through the services).
// - SQL libraries (kysely, better-sqlite3) are used by src/main, and by tests/ and scripts/, which open
//   real databases to plant and inspect state (tests) or to measure raw queries (scripts/bench).
// tests/node/processBoundaries.test.ts proves these rules fire on planted bad imports.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...new Set(builtinModules.map((name) => name.replace(/^node:/, '')))];

const forbid = {
  // Node's builtins, and packages that only work in Node (electron-log's Node entry writes files).
  nodeOnly: (message) => ({
    group: ['node:*', ...nodeBuiltins, ...nodeBuiltins.map((name) => `${name}/*`), 'electron-log/node'],
    message,
  }),
  // Electron, and packages that load it. electron-log/node is the exception: it never loads Electron.
  electron: (message) => ({ regex: '^(electron|electron-store)(/|$)|^electron-log(?!/node$)(/|$)', message }),
  sql: (message) => ({ group: ['kysely', 'kysely/*', 'better-sqlite3'], message }),
  // Relative imports reaching another process's folder, from any depth (`../main/…`, `../../main/…`).
  // A subfolder named like a process area would also match; we do not want such names anyway.
  areas: (areas, message) => ({ regex: `^(\\.\\./)+(${areas.join('|')})(/|$)`, message }),
};

const restrictImports = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

const mainKeepsToItself = forbid.areas(
  ['renderer', 'preload', 'cli'],
  '主进程不引用渲染进程、预加载脚本或 CLI 的代码：共用的放到 src/shared。',
);

export default defineConfig(
  globalIgnores([
    'node_modules/',
    'dist/',
    'dist-*/',
    'build/',
    'release/',
    'artifacts/',
    'test-results/',
    'test-results-*/',
    'playwright-report/',
    '.electron-native/',
    '.tmp/',
  ]),
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    // Node everywhere by default: main, cli, scripts, tests, tool configs.
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `_` marks a deliberately unused name, as tsc's noUnusedParameters reads it; the common case is
      // leaving fields out of a copy (`const { hash: _hash, ...account } = row`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // The ideographic space U+3000 is deliberate Chinese typography in UI and document text (two
      // fields on one line of a demo document); strings are skipped by default, templates and JSX
      // text are text too.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipJSXText: true }],
    },
  },
  {
    // Playwright reads a fixture's first parameter as a pattern: `async ({}, use) =>` is how a fixture
    // says it needs no other fixture.
    files: ['tests/**'],
    rules: { 'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }] },
  },
  {
    // The functions handed to page.evaluate run in the browser page, not in Node.
    files: ['scripts/bench/uiBench.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // v7's recommended set adds rules that come from the React Compiler. The ones about how React
      // behaves stay on (refs read during render, setState called straight from an effect, mutating
      // props or state, impure render, components made during render): they find real re-render
      // and stale-value bugs with or without the compiler.
      ...reactHooks.configs.flat.recommended.rules,
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // These only say whether the compiler could optimise a component; we do not build with it.
      'react-hooks/incompatible-library': 'off',
      'react-hooks/preserve-manual-memoization': 'off',
      'react-hooks/unsupported-syntax': 'off',
      ...restrictImports(
        forbid.areas(
          ['main', 'preload', 'cli'],
          '渲染进程只能引用 src/shared 与自身：数据经 src/shared 里的 IPC 契约传递。',
        ),
        forbid.nodeOnly('渲染进程运行在浏览器页面里，没有 Node：需要文件或系统能力请经 IPC 交给主进程。'),
        forbid.electron('渲染进程不直接用 Electron：宿主能力由预加载脚本经 IPC 契约提供。'),
        forbid.sql('SQL 只在主进程（src/main）里：渲染进程经 IPC 契约取数据。'),
      ),
    },
  },
  {
    files: ['src/preload/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrictImports(
      forbid.areas(
        ['main', 'renderer', 'cli'],
        '预加载脚本只能引用 src/shared（与 electron）：它只转发 IPC 契约，不含业务代码。',
      ),
      forbid.nodeOnly('预加载脚本在沙箱里运行，没有 Node 模块：需要的能力放到主进程，经 IPC 提供。'),
      forbid.sql('SQL 只在主进程（src/main）里：预加载脚本只转发 IPC 契约。'),
    ),
  },
  {
    files: ['src/shared/**'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: restrictImports(
      forbid.areas(['main', 'renderer', 'preload', 'cli'], 'src/shared 是两端共用的纯代码，不能引用任何进程的代码。'),
      forbid.nodeOnly('src/shared 也在浏览器页面里运行，不能用 Node 模块。'),
      forbid.electron('src/shared 也在浏览器页面与 CLI 里运行，不能用 Electron。'),
      forbid.sql('SQL 只在主进程（src/main）里，src/shared 只放契约与纯规则。'),
    ),
  },
  {
    files: ['src/main/**'],
    ignores: ['src/main/electron/**'],
    rules: restrictImports(
      mainKeepsToItself,
      forbid.electron(
        '只有 src/main/electron 下的文件能用 Electron：其余主进程代码也在纯 Node 的预览服务器与 CLI 里运行。',
      ),
    ),
  },
  {
    files: ['src/main/electron/**'],
    rules: restrictImports(mainKeepsToItself),
  },
  {
    files: ['src/cli/**'],
    rules: restrictImports(
      forbid.areas(['renderer', 'preload'], 'CLI 在 Node 里运行，调用主进程的服务，不引用渲染进程或预加载脚本的代码。'),
      forbid.electron('CLI 在纯 Node 里运行，没有 Electron。'),
      forbid.sql('CLI 不自己写 SQL：经主进程的服务（src/main）读写数据库。'),
    ),
  },
  // Last, so it switches off any stylistic rule that would fight Prettier.
  prettier,
);
