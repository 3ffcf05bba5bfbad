import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/node/**/*.test.ts'],
    globalSetup: ['tests/runTempFolder.ts'],
    pool: 'forks',
    // Vitest's default is one fork fewer than the cores: a single fork on the 2-core CI machine,
    // where most files wait on child processes (the command line, Chromium, LibreOffice) and leave
    // the other core idle. Two forks there took the suite from ~25 to ~10 minutes.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
