// electron-builder.yml checked against the JSON schema shipped in electron-builder (with ajv, and
// with electron-builder's own validator), plus what the installers must be: Windows NSIS x64 in
// Chinese, Linux deb and AppImage for x64 and arm64 (UOS/Kylin office PCs), and what app.asar
// holds — the `files` patterns run through electron-builder's own matcher over the real build
// (COURT_DIST, default dist/) and the real node_modules.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import Ajv from 'ajv';
import YAML from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
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

// ── What goes into app.asar ─────────────────────────────────────────────────────────────────────

interface Matcher {
  createFilter(): (file: string, stat: fs.Stats) => boolean;
}
interface BuilderInfo {
  projectDir: string;
  buildResourcesDir: string;
  isPrepackedAppAsar: boolean;
  config: unknown;
  debugLogger: { isEnabled: boolean };
  appInfo: { type: string };
  getWorkspaceRoot(): Promise<string>;
}
const fileMatcher = requireFromRepo('app-builder-lib/out/fileMatcher.js') as {
  excludedExts: string;
  getMainFileMatchers(
    appDir: string,
    destination: string,
    macroExpander: (s: string) => string,
    platformOptions: object,
    platformPackager: { info: BuilderInfo },
    outDir: string,
    isElectronCompile: boolean,
  ): Matcher[];
  getNodeModuleFileMatcher(
    appDir: string,
    destination: string,
    macroExpander: (s: string) => string,
    platformOptions: object,
    packager: BuilderInfo,
  ): Matcher;
};
const { NodeModuleCopyHelper } = requireFromRepo('app-builder-lib/out/util/NodeModuleCopyHelper.js') as {
  NodeModuleCopyHelper: new (
    matcher: Matcher,
    packager: BuilderInfo,
  ) => {
    collectNodeModules(
      dep: { dir: string; name: string },
      excludedExts: string[],
      destination: string,
    ): Promise<string[]>;
  };
};

/** The build the test looks at, named dist/ as electron-builder sees it. */
const distName = process.env.COURT_DIST ?? 'dist';
const distDir = path.join(repoRoot, distName);

/** Production packages (package.json dependencies and theirs), folder → name, resolved as Node does. */
function productionPackages(): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (name: string, fromDir: string) => {
    const manifest = createRequire(path.join(fromDir, 'package.json')).resolve(`${name}/package.json`);
    const dir = path.dirname(manifest);
    if (found.has(dir)) return;
    found.set(dir, name);
    const deps = JSON.parse(fs.readFileSync(manifest, 'utf8')).dependencies ?? {};
    for (const dep of Object.keys(deps)) visit(dep, dir);
  };
  for (const dep of Object.keys(pkg.dependencies)) visit(dep, repoRoot);
  return found;
}

/**
 * What electron-builder would put into app.asar for `builderConfig`, as path (relative to the app,
 * '/'-separated) → size: the app files through getMainFileMatchers' filter, each production
 * package through NodeModuleCopyHelper (its default exclusions included), as electron-builder
 * itself does when it packs.
 */
async function shippedFiles(builderConfig: unknown): Promise<Map<string, number>> {
  const info: BuilderInfo = {
    projectDir: repoRoot,
    buildResourcesDir: 'build',
    isPrepackedAppAsar: false,
    config: builderConfig,
    debugLogger: { isEnabled: false },
    appInfo: { type: 'npm' },
    getWorkspaceRoot: async () => repoRoot,
  };
  const destination = path.join(os.tmpdir(), 'court-asar-test', 'resources', 'app');
  const same = (s: string) => s;
  const shipped = new Map<string, number>();
  const [main] = fileMatcher.getMainFileMatchers(
    repoRoot,
    destination,
    same,
    {},
    { info },
    path.join(repoRoot, 'release'),
    false,
  );
  const keep = main.createFilter();
  const walk = (dir: string, virtualDir: string) => {
    for (const name of fs.readdirSync(dir)) {
      if (virtualDir === repoRoot && name === 'dist' && distName !== 'dist') continue;
      const real = path.join(dir, name);
      const virtual = path.join(virtualDir, virtualDir === repoRoot && name === distName ? 'dist' : name);
      const stat = fs.statSync(real);
      if (!keep(virtual, stat)) continue;
      if (stat.isDirectory()) walk(real, virtual);
      else shipped.set(path.relative(repoRoot, virtual).split(path.sep).join('/'), stat.size);
    }
  };
  walk(repoRoot, repoRoot);

  const moduleMatcher = fileMatcher.getNodeModuleFileMatcher(repoRoot, destination, same, {}, info);
  // As app-builder-lib's getNodeModuleExcludedExts for a Linux or Windows target.
  const excludedExts = ['.o', '.obj', ...fileMatcher.excludedExts.split(',').map((ext) => `.${ext}`), '.pdb'];
  for (const [dir, name] of productionPackages()) {
    const copier = new NodeModuleCopyHelper(moduleMatcher, info);
    const relative = path.relative(repoRoot, dir);
    for (const file of await copier.collectNodeModules({ dir, name }, excludedExts, relative)) {
      const stat = fs.statSync(file);
      if (!stat.isDirectory()) shipped.set(path.relative(repoRoot, file).split(path.sep).join('/'), stat.size);
    }
  }
  return shipped;
}

const megabytes = (files: Map<string, number>) =>
  `${([...files.values()].reduce((sum, size) => sum + size, 0) / 1024 / 1024).toFixed(1)} MB`;
const packageOf = (file: string) => /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file)?.[1] ?? null;

/** Built files the desktop app never loads: the local preview, its browser bridge, the command line, source maps. */
const LEFT_OUT_OF_DIST = [/^dist\/main\/preview\.js$/, /^dist\/preload\/previewBridge\.js$/, /^dist\/cli\//, /\.map$/];

describe('what goes into app.asar (electron-builder’s own matcher over the real build)', () => {
  let shipped: Map<string, number>;
  let builtFiles: string[];

  beforeAll(async () => {
    expect(
      fs.existsSync(path.join(distDir, 'main', 'electron.js')),
      `没有构建结果 ${distName}/：请先运行 npm run build（npm test 会先构建）`,
    ).toBe(true);
    builtFiles = fs
      .readdirSync(distDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) =>
        path
          .join('dist', path.relative(distDir, path.join(entry.parentPath, entry.name)))
          .split(path.sep)
          .join('/'),
      );
    shipped = await shippedFiles(config);
  });

  it('ships the Electron main bundle, its worker thread, the preload, the renderer, the migrations and package.json', () => {
    for (const file of ['dist/main/electron.js', 'dist/main/jobWorker.js', 'dist/preload/preload.js', 'package.json'])
      expect(shipped.has(file), file).toBe(true);
    // The Excel, Word and PDF libraries the bundles require on first use (scripts/lib/lazyPackages.mjs).
    for (const name of ['exceljs', 'docx', 'pdf-lib']) {
      expect(builtFiles, name).toContain(`dist/main/vendor/${name}.js`);
      expect(shipped.has(`dist/main/vendor/${name}.js`), name).toBe(true);
    }
    const renderer = builtFiles.filter((file) => file.startsWith('dist/renderer/'));
    expect(renderer).toContain('dist/renderer/index.html');
    expect(renderer.some((file) => file.endsWith('.js'))).toBe(true);
    for (const file of renderer) expect(shipped.has(file), file).toBe(true);
    const migrations = fs.readdirSync(path.join(repoRoot, 'migrations')).filter((file) => file.endsWith('.sql'));
    expect(migrations.length).toBeGreaterThan(0);
    for (const file of migrations) expect(shipped.has(`migrations/${file}`), file).toBe(true);
    expect(pkg.main).toBe('dist/main/electron.js');
    // The CJK fonts PDFs embed, with their licence (docs/documents.md, 字体).
    const fonts = builtFiles.filter((file) => file.startsWith('dist/fonts/'));
    expect(fonts).toEqual(
      expect.arrayContaining(['dist/fonts/noto-serif-sc/LICENSE', 'dist/fonts/noto-serif-sc/400.css']),
    );
    expect(fonts.filter((file) => file.endsWith('.woff2')).length).toBeGreaterThan(300);
    for (const file of fonts) expect(shipped.has(file), file).toBe(true);
  });

  it('leaves out the local preview, its bridge, the command line and source maps', () => {
    expect(builtFiles).toEqual(expect.arrayContaining(['dist/main/preview.js', 'dist/preload/previewBridge.js']));
    expect(builtFiles.some((file) => file.startsWith('dist/cli/'))).toBe(true);
    expect(builtFiles.some((file) => file.endsWith('.map'))).toBe(true);
    const wrongly = [...shipped.keys()].filter((file) => LEFT_OUT_OF_DIST.some((rule) => rule.test(file)));
    expect(wrongly).toEqual([]);
  });

  it('decides for every built file: shipped, or named above as left out', () => {
    const undecided = builtFiles.filter(
      (file) => !shipped.has(file) && !LEFT_OUT_OF_DIST.some((rule) => rule.test(file)),
    );
    expect(undecided).toEqual([]);
  });

  it('ships nothing from the project but dist/, migrations/ and package.json', () => {
    const outside = [...shipped.keys()].filter(
      (file) => !/^(dist\/|migrations\/|package\.json$|node_modules\/)/.test(file),
    );
    expect(outside).toEqual([]);
  });

  it('ships better-sqlite3 with bindings and file-uri-to-path only, and every runtime dependency', () => {
    const packages = new Set([...shipped.keys()].map(packageOf).filter((name) => name !== null));
    expect([...packages].sort()).toEqual(['better-sqlite3', 'bindings', 'file-uri-to-path']);
    // A new runtime dependency must be let through in electron-builder.yml, or the app breaks.
    for (const dependency of Object.keys(pkg.dependencies)) expect(packages.has(dependency), dependency).toBe(true);
    // What better-sqlite3 loads: its lib/, the bindings lookup and the Node-API module.
    const libFiles = fs.readdirSync(path.join(repoRoot, 'node_modules', 'better-sqlite3', 'lib'), { recursive: true });
    for (const file of libFiles.map(String).filter((f) => f.endsWith('.js')))
      expect(shipped.has(`node_modules/better-sqlite3/lib/${file.split(path.sep).join('/')}`), file).toBe(true);
    expect(shipped.has('node_modules/better-sqlite3/package.json')).toBe(true);
    expect(shipped.has('node_modules/bindings/bindings.js')).toBe(true);
    expect(shipped.has('node_modules/file-uri-to-path/index.js')).toBe(true);
    expect(shipped.has('node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toBe(true);
  });

  it('leaves out better-sqlite3’s sources and build leftovers', () => {
    const native = [...shipped.keys()].filter((file) => file.startsWith('node_modules/better-sqlite3/'));
    const leftovers = native.filter(
      (file) =>
        !/^node_modules\/better-sqlite3\/(lib\/.*\.js|package\.json|LICENSE|build\/Release\/better_sqlite3\.node)$/.test(
          file,
        ),
    );
    expect(leftovers).toEqual([]);
  });

  it('ships far less than the whole build and every production package (control: the matcher sees them)', async () => {
    // The patterns before this trimming: everything in dist/ but maps, and every production package
    // but better-sqlite3's sources.
    const everything = await shippedFiles({
      ...config,
      files: [
        'dist/**/*',
        '!dist/**/*.map',
        'migrations/**/*',
        'package.json',
        '!**/node_modules/better-sqlite3/{deps,src,docs,benchmark,test}/**',
      ],
    });
    expect(everything.has('dist/main/preview.js')).toBe(true);
    expect([...everything.keys()].some((file) => file.startsWith('dist/cli/'))).toBe(true);
    expect([...everything.keys()].some((file) => file.startsWith('node_modules/prebuild-install/'))).toBe(true);
    const size = (files: Map<string, number>) => [...files.values()].reduce((sum, bytes) => sum + bytes, 0);
    console.log(
      `app.asar 的内容：修剪前 ${everything.size} 个文件 ${megabytes(everything)}，修剪后 ${shipped.size} 个文件 ${megabytes(shipped)}`,
    );
    expect(size(shipped)).toBeLessThan(size(everything) - 9 * 1024 * 1024);
  });
});
