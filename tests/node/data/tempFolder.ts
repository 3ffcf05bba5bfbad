// A fresh folder in the OS temp directory (the data tests need no API harness).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function tempDir(prefix = 'court-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
