// The Electron smoke test's own Playwright configuration (the browser suites' playwright.config.ts
// never picks it up). Run it through `npm run test:electron`, which finds the Electron binary, the
// app to start and a display first, and says in one line when it cannot run.
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const repoRoot = path.resolve(__dirname, '..', '..');

export default defineConfig({
  testDir: __dirname,
  testMatch: '*.spec.ts',
  // One start of the desktop app does the whole story; a cold start on a CI runner takes a while.
  timeout: 240_000,
  expect: { timeout: 20_000 },
  workers: 1,
  retries: 0,
  outputDir: path.join(repoRoot, 'test-results', 'electron'),
  reporter: [['list'], ['json', { outputFile: path.join(repoRoot, 'test-results', 'electron.json') }]],
});
