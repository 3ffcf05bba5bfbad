// Builds every face of the app into dist/: main-process bundles (Electron main, preview server,
// command line) and the preload scripts with esbuild, the renderer with Vite.
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import fs from 'node:fs';
import { copyShippedFonts } from './lib/shippedFonts.mjs';
import { LAZY_PACKAGES, lazyPackages } from './lib/lazyPackages.mjs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
};
// Native and Electron modules are loaded at run time, never bundled.
const external = ['electron', 'better-sqlite3', 'playwright-core'];

// COURT_DIST lets parallel work build into its own folder (default dist/).
const out = process.env.COURT_DIST ?? 'dist';
fs.rmSync(out, { recursive: true, force: true });
// Excel, Word and PDF libraries go to ${out}/main/vendor/, loaded on first use (scripts/lib/lazyPackages.mjs):
// a start-up compiles only the code it runs. Every main-process bundle shares that one folder.
const vendorDir = `${out}/main/vendor`;
const plugins = [lazyPackages({ vendorDir })];
const entries = [
  { entryPoints: ['src/main/preview.ts'], outfile: `${out}/main/preview.js`, format: 'cjs', external, plugins },
];
// Heavy work (bundle import/export, report files, the demo, a big light sweep) runs in worker
// threads started from this file (src/main/workers/workerPool.ts looks for it beside its bundle, or
// for the command line's, in ../main/).
entries.push({
  entryPoints: ['src/main/workers/jobWorker.ts'],
  outfile: `${out}/main/jobWorker.js`,
  format: 'cjs',
  external,
  plugins,
});
// An import reads its big rows entries in a thread of its own beside the one writing them
// (src/main/sync/rowReader.ts looks for this file as the job worker does for its own).
entries.push({
  entryPoints: ['src/main/sync/rowReaderWorker.ts'],
  outfile: `${out}/main/rowReader.js`,
  format: 'cjs',
  external,
  // zod only words a refused row there: the thread starts ~25 ms sooner without compiling it.
  plugins: [lazyPackages({ vendorDir, packages: [...LAZY_PACKAGES, 'zod'] })],
});
if (fs.existsSync('src/main/electron/main.ts')) {
  entries.push({
    entryPoints: ['src/main/electron/main.ts'],
    outfile: `${out}/main/electron.js`,
    format: 'cjs',
    external,
    plugins,
  });
}
if (fs.existsSync('src/preload/preload.ts')) {
  // Sandboxed preloads may only require('electron'): bundle everything else into one file.
  entries.push({
    entryPoints: ['src/preload/preload.ts'],
    outfile: `${out}/preload/preload.js`,
    format: 'cjs',
    platform: 'node',
    external: ['electron'],
  });
}
if (fs.existsSync('src/cli/main.ts')) {
  entries.push({ entryPoints: ['src/cli/main.ts'], outfile: `${out}/cli/main.js`, format: 'cjs', external, plugins });
}
entries.push({
  entryPoints: ['src/preload/previewBridge.ts'],
  outfile: `${out}/preload/previewBridge.js`,
  format: 'iife',
  platform: 'browser',
  target: 'chrome120',
});

await Promise.all(entries.map((entry) => build({ ...common, ...entry })));
// The CJK fonts every PDF can embed (src/main/reports/fonts/shippedFonts.ts finds them in
// dist/fonts/, beside the bundles in dist/main/ and dist/cli/).
copyShippedFonts(out);
await viteBuild({ configFile: 'vite.config.mts', logLevel: 'warn' });
console.log(`构建完成：${out}/`);
