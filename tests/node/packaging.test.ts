// electron-builder.yml checked against the JSON schema shipped in electron-builder (with ajv, and
// with electron-builder's own validator), plus what the installers must be: Windows NSIS x64 in
// Chinese, Linux deb and AppImage for x64 and arm64 (UOS/Kylin office PCs), the migrations inside.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import Ajv from 'ajv';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { APP_VERSION } from '../../src/main/app/version';
import { PRODUCT_NAME } from '../../src/main/app/dataDir';

const repoRoot = path.resolve(__dirname, '..', '..');
const requireFromRepo = createRequire(path.join(repoRoot, 'package.json'));
const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const config = YAML.parse(fs.readFileSync(path.join(repoRoot, 'electron-builder.yml'), 'utf8'));
const schema = JSON.parse(
  fs.readFileSync(path.join(repoRoot, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8'),
);

type Target = { target: string; arch?: string | string[] };
const targetsOf = (platform: { target?: unknown }): Target[] =>
  (Array.isArray(platform.target) ? platform.target : [platform.target]).map((t) =>
    typeof t === 'string' ? { target: t } : (t as Target),
  );
const archsOf = (targets: Target[], name: string): string[] =>
  targets.filter((t) => t.target === name).flatMap((t) => (Array.isArray(t.arch) ? t.arch : t.arch ? [t.arch] : []));

describe('electron-builder.yml against electron-builder’s schema', () => {
  // The schema is draft-07 and uses a few custom keywords (e.g. `typeof`): strict mode off, as
  // electron-builder itself does.
  const ajv = new Ajv({ strict: false, allErrors: true });
  const validate = ajv.compile(schema);

  it('uses the draft-07 schema shipped in app-builder-lib', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  it('is valid', () => {
    const valid = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the validator really rejects a broken configuration (control)', () => {
    expect(validate({ ...config, productNmae: 'typo' })).toBe(false);
    expect(validate({ ...config, win: { target: [{ target: 'nsis', arch: ['sparc'] }] } })).toBe(false);
    expect(validate({ ...config, nsis: { ...config.nsis, oneClick: 'perhaps' } })).toBe(false);
  });

  it('passes electron-builder’s own configuration check', async () => {
    const { validateConfiguration } = requireFromRepo('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration: (c: unknown, logger: { isEnabled: boolean; add: () => void }) => Promise<void>;
    };
    await expect(
      validateConfiguration(structuredClone(config), { isEnabled: false, add: () => undefined }),
    ).resolves.toBeUndefined();
  });
});

describe('what gets built', () => {
  it('names the product in Chinese, the same as package.json and the data folder', () => {
    expect(config.productName).toBe('专项活动督导台');
    expect(config.productName).toBe(pkg.productName);
    expect(config.productName).toBe(PRODUCT_NAME);
    expect(config.appId).toMatch(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/);
    expect(config.directories.output).toBe('release');
  });

  it('Windows: an NSIS installer for x64, in Chinese, where the clerk can choose the folder', () => {
    expect(archsOf(targetsOf(config.win), 'nsis')).toEqual(['x64']);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      allowToChangeInstallationDirectory: true,
      language: '2052',
      installerLanguages: ['zh_CN'],
    });
    expect(config.nsis.deleteAppDataOnUninstall).toBe(false);
  });

  it('Linux: deb and AppImage, each for x64 and arm64, in the Office category', () => {
    const targets = targetsOf(config.linux);
    expect(archsOf(targets, 'deb').sort()).toEqual(['arm64', 'x64']);
    expect(archsOf(targets, 'AppImage').sort()).toEqual(['arm64', 'x64']);
    expect(config.linux.category).toBe('Office');
    expect(config.linux.maintainer).toMatch(/\S+ <[^@\s]+@[^>\s]+>/);
    expect(config.linux.synopsis).toMatch(/[\u4e00-\u9fff]/);
    // Package and executable names stay ASCII for dpkg and shells; the menu entry shows productName.
    expect(config.linux.executableName).toMatch(/^[a-z0-9-]+$/);
    expect(pkg.name).toMatch(/^[a-z0-9-]+$/);
  });

  it('ships the built app, the migrations and package.json — no sources or tests', () => {
    const files: string[] = config.files;
    expect(files).toEqual(
      expect.arrayContaining(['dist/**/*', 'migrations/**/*', 'package.json', '!src/**', '!tests/**']),
    );
    const included = files.filter((f) => !f.startsWith('!'));
    for (const pattern of included) expect(pattern, pattern).toMatch(/^(dist\/|migrations\/|package\.json$)/);
    expect(fs.existsSync(path.join(repoRoot, 'migrations', '0001_foundation.sql'))).toBe(true);
    expect(pkg.main).toBe('dist/main/electron.js');
  });

  it('unpacks the native SQLite module from the asar and rebuilds it for Electron', () => {
    expect(config.asarUnpack.some((p: string) => p.includes('better-sqlite3') && p.endsWith('*.node'))).toBe(true);
    expect(config.npmRebuild).toBe(true);
    expect(pkg.dependencies['better-sqlite3']).toBeTruthy();
    // electron-builder refuses electron among the runtime dependencies.
    expect(pkg.dependencies.electron).toBeUndefined();
    expect(pkg.devDependencies.electron).toBeTruthy();
  });

  it('hardens the Electron binary with fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
    });
  });

  it('has an icon large enough for Windows and Linux (PNG, at least 256×256)', () => {
    const png = fs.readFileSync(path.join(repoRoot, config.icon));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(256);
    expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(256);
  });

  it('keeps APP_VERSION in step with package.json', () => {
    expect(APP_VERSION).toBe(pkg.version);
  });
});
