// A cold start to the log-in screen (open the data folder, court.get, auth.status) from a bundle
// built as scripts/build.mjs builds the app's: the Excel, Word and PDF libraries stay in vendor/ files
// that the start never loads, and the first workbook loads exceljs from there. Checked in a
// fresh Node process, by the modules it actually required (no timings: those belong to the bench).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a build script in plain JavaScript, without type declarations
import { LAZY_PACKAGES, lazyPackages } from '../../scripts/lib/lazyPackages.mjs';

const repoRoot = path.resolve(__dirname, '..', '..');

// The child: what the log-in screen needs, then the modules loaded so far, then a workbook.
const ENTRY = `
import { createServices } from '${path.join(repoRoot, 'src/main/app/services')}';
import { dispatch } from '${path.join(repoRoot, 'src/main/api/dispatch')}';
import { loadWorkbook } from '${path.join(repoRoot, 'src/main/workbooks/readWorkbook')}';
import { officialDocumentDocx } from '${path.join(repoRoot, 'src/main/reports/noticeDocx')}';

const loaded = () => Object.keys(require.cache).map((file) => file.split(require('node:path').sep).join('/'));

async function main() {
  const services = createServices({ dataDir: process.argv[2] });
  const [court, status] = await Promise.all([
    dispatch(services.ctx, 'court.get', undefined),
    dispatch(services.ctx, 'auth.status', undefined),
  ]);
  const atLogin = loaded();
  const refusal = await loadWorkbook(Buffer.from('not a workbook').toString('base64')).then(
    () => 'read',
    (error) => error.code,
  );
  const afterWorkbook = loaded();
  const word = await officialDocumentDocx({
    documentTitle: '关于推进情况的通报',
    mark: '黑龙江省高级人民法院',
    docNumber: '',
    title: '关于推进情况的通报',
    addressees: '各中级人民法院：',
    body: '一、总体情况\\n各院按期报送。',
    signature: '黑龙江省高级人民法院',
    signedDate: '2026-12-05',
  });
  const afterWord = loaded();
  await services.close();
  console.log(
    JSON.stringify({
      court: court.ok,
      status: status.ok,
      atLogin,
      refusal,
      afterWorkbook,
      wordZip: word.subarray(0, 2).toString('latin1'),
      afterWord,
    }),
  );
}
void main();
`;

let work = '';
let child: {
  court: boolean;
  status: boolean;
  atLogin: string[];
  refusal: string;
  afterWorkbook: string[];
  wordZip: string;
  afterWord: string[];
};

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'court-cold-start-'));
  const bin = path.join(work, 'bin');
  fs.writeFileSync(path.join(work, 'entry.ts'), ENTRY);
  await build({
    entryPoints: [path.join(work, 'entry.ts')],
    outfile: path.join(bin, 'coldStart.js'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['electron', 'better-sqlite3', 'playwright-core'],
    plugins: [lazyPackages()],
    logLevel: 'silent',
    absWorkingDir: repoRoot,
  });
  // The app finds its migrations folder above its bundle.
  fs.cpSync(path.join(repoRoot, 'migrations'), path.join(work, 'migrations'), { recursive: true });
  const run = spawnSync(process.execPath, [path.join(bin, 'coldStart.js'), path.join(work, 'data')], {
    env: { ...process.env, NODE_PATH: path.join(repoRoot, 'node_modules') },
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  child = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}');
}, 120_000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('cold start to the log-in screen', () => {
  it('answers court.get and auth.status', () => {
    expect(child.court).toBe(true);
    expect(child.status).toBe(true);
  });

  it('loads none of the Excel, Word and PDF libraries', () => {
    const vendor = child.atLogin.filter((file) => file.includes('/vendor/'));
    expect(vendor).toEqual([]);
    for (const name of LAZY_PACKAGES as string[])
      expect(child.atLogin.filter((file) => file.includes(`/node_modules/${name}/`))).toEqual([]);
  });

  it('loads exceljs from its vendor file when the first workbook is read', () => {
    expect(child.refusal).toBe('E_INVALID');
    expect(child.afterWorkbook.filter((file) => file.includes('/vendor/'))).toEqual([
      path.join(work, 'bin', 'vendor', 'exceljs.js').split(path.sep).join('/'),
    ]);
  });

  it('loads docx from its vendor file when the first Word document is built, and the document is a zip', () => {
    const vendorFile = (name: string) => path.join(work, 'bin', 'vendor', name).split(path.sep).join('/');
    expect(child.wordZip).toBe('PK');
    expect(child.afterWord.filter((file) => file.includes('/vendor/')).sort()).toEqual(
      [vendorFile('docx.js'), vendorFile('exceljs.js')].sort(),
    );
  });
});
