// One temporary folder per test run, removed when the run ends. Every data folder, USB stick,
// bundle and browser profile the suites make goes under it (they all ask os.tmpdir(), and the
// workers inherit the variables set here), so a run leaves nothing behind, even a failed one.
// Without it each run left a gigabyte or more in /tmp, and CI's disk filled up.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const VARIABLES = ['TMPDIR', 'TMP', 'TEMP'] as const;

export default function useRunTempFolder(): () => void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'court-run-'));
  const previous = VARIABLES.map((name) => [name, process.env[name]] as const);
  for (const name of VARIABLES) process.env[name] = root;
  return () => {
    for (const [name, value] of previous) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    fs.rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  };
}
