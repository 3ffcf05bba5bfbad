// The Electron shell's security, checked without the Electron binary (it cannot be downloaded
// here): the pure rules directly; the preload from its real bundle in a VM with a stand-in
// `electron` module; the main process from its real bundle with a stand-in `electron` module and
// the real database; and static checks over the sources for what only Electron can run.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { createRequire } from 'node:module';
import BetterSqlite3 from 'better-sqlite3';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRIDGE_GLOBAL, operationNames } from '../../src/shared/api';
import { CONTENT_SECURITY_POLICY } from '../../src/main/app/contentSecurity';
import { APPLICATION_ID, DATABASE_FILE } from '../../src/main/data/database';
import { API_CHANNEL } from '../../src/main/electron/channel';
import { electronNativeBinding } from '../../src/main/electron/nativeBinding';
import {
  APP_SCHEME_DEFINITION,
  APP_START_URL,
  createWindowOptions,
  isAllowedExternalUrl,
  isAllowedNavigation,
  isTrustedSender,
  resolveAppPath,
  SENDER_REFUSED,
} from '../../src/main/electron/security';
import { restoreBounds } from '../../src/main/electron/windowState';

const repoRoot = path.resolve(__dirname, '..', '..');
const tempDirs: string[] = [];
function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** Bundles an entry exactly as scripts/build.mjs does, in memory. */
async function bundle(entry: string, external: string[]): Promise<string> {
  const result = await build({
    entryPoints: [path.join(repoRoot, entry)],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external,
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

const HOSTILE_URLS = [
  'file:///etc/passwd',
  'file:///C:/Windows/win.ini',
  'https://evil.example/',
  'http://127.0.0.1:8080/index.html',
  'http://localhost/',
  'app://evil/index.html',
  'app://court.evil.example/',
  'app://court@evil/',
  'app://user:pw@court/',
  'app://court:8080/index.html',
  'devtools://devtools/bundled/inspector.html',
  'chrome://settings',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'about:blank',
  '',
];

describe('window options (Electron security checklist)', () => {
  const preload = '/opt/app/dist/preload/preload.js';
  const options = createWindowOptions(preload);

  it('isolates and sandboxes the renderer, with no Node and no relaxed web security', () => {
    expect(options.webPreferences).toMatchObject({
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      devTools: false,
    });
  });

  it('keeps developer tools off unless asked for (development only), and shows only when ready', () => {
    expect(createWindowOptions(preload, { allowDevTools: true }).webPreferences?.devTools).toBe(true);
    expect(options.show).toBe(false);
    expect(options.title).toBe('专项活动督导台');
    expect(options.minWidth).toBeGreaterThanOrEqual(1024);
  });

  it('registers app:// as a secure standard scheme that does not bypass the CSP', () => {
    expect(APP_SCHEME_DEFINITION.scheme).toBe('app');
    expect(APP_SCHEME_DEFINITION.privileges).toMatchObject({
      standard: true,
      secure: true,
      bypassCSP: false,
      allowServiceWorkers: false,
      corsEnabled: false,
    });
  });
});

describe('trusted senders and navigation', () => {
  it('accepts our own app page in the main frame', () => {
    expect(isTrustedSender(APP_START_URL, true)).toBe(true);
    expect(isTrustedSender('app://court/', true)).toBe(true);
    expect(isTrustedSender('app://court/campaigns/1?x=1#top', true)).toBe(true);
  });

  it('refuses a sub-frame even when it shows our page', () => {
    expect(isTrustedSender(APP_START_URL, false)).toBe(false);
  });

  it.each(HOSTILE_URLS)('refuses sender and navigation %j', (url) => {
    expect(isTrustedSender(url, true)).toBe(false);
    expect(isAllowedNavigation(url)).toBe(false);
  });

  it('refuses missing frame addresses', () => {
    expect(isTrustedSender(null, true)).toBe(false);
    expect(isTrustedSender(undefined, true)).toBe(false);
  });

  it('allows navigation only within the app', () => {
    expect(isAllowedNavigation('app://court/index.html')).toBe(true);
    expect(isAllowedNavigation('app://court/items/abc')).toBe(true);
  });

  it('lets only https links to allow-listed sites reach the system browser', () => {
    expect(isAllowedExternalUrl('https://www.court.gov.cn/')).toBe(true);
    for (const url of [
      'http://www.court.gov.cn/',
      'https://www.court.gov.cn.evil.example/',
      'https://user@www.court.gov.cn/',
      'https://www.court.gov.cn:8443/',
      'https://evil.example/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      42,
    ]) {
      expect(isAllowedExternalUrl(url), String(url)).toBe(false);
    }
  });
});

describe('serving app:// from the renderer folder', () => {
  const root = path.resolve('/srv/court/dist/renderer');
  const inside = (file: string | null) => file === null || file.startsWith(root + path.sep);

  it('maps app addresses onto files in the renderer folder', () => {
    expect(resolveAppPath(root, 'app://court/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://court')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://court/assets/index-abc.js')).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(resolveAppPath(root, 'app://court/assets/%E5%9B%BE.png')).toBe(path.join(root, 'assets', '图.png'));
  });

  it.each([
    'app://court/..%2f..%2f..%2fetc/passwd',
    'app://court/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'app://court/..%5c..%5cwindows%5cwin.ini',
    'app://court/C:/Windows/win.ini',
    'app://court/%00index.html',
    'app://court/%E0%A4%A',
    'app://evil/index.html',
    'file:///etc/passwd',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });

  it.each(['app://court/../../etc/passwd', 'app://court/%2e%2e/%2e%2e/etc/passwd', 'app://court/a/../../../x'])(
    'never leaves the folder for %s',
    (url) => {
      expect(inside(resolveAppPath(root, url))).toBe(true);
    },
  );
});

describe('window bounds restore', () => {
  const screen = [{ x: 0, y: 0, width: 1920, height: 1040 }];

  it('restores bounds that are on a screen today', () => {
    expect(restoreBounds({ x: 100, y: 50, width: 1400, height: 900 }, screen)).toEqual({
      x: 100,
      y: 50,
      width: 1400,
      height: 900,
    });
  });

  it('drops the position of a window left on a monitor that is gone, keeping a sane size', () => {
    expect(restoreBounds({ x: 3000, y: 50, width: 1400, height: 900 }, screen)).toEqual({ width: 1400, height: 900 });
  });

  it('enforces the minimum size and ignores garbage', () => {
    expect(restoreBounds({ x: 0, y: 0, width: 10, height: 10 }, screen)).toMatchObject({ width: 1024, height: 640 });
    expect(restoreBounds('not bounds', screen)).toEqual({ width: 1366, height: 860 });
    expect(restoreBounds({ x: NaN, y: 0, width: 1, height: 1 }, screen)).toEqual({ width: 1366, height: 860 });
  });
});

describe('Electron-ABI native module (development)', () => {
  it('is used only when built for the running Electron, platform, arch and better-sqlite3', () => {
    const project = tempDir('court-native-');
    fs.mkdirSync(path.join(project, '.electron-native'));
    fs.mkdirSync(path.join(project, 'node_modules', 'better-sqlite3'), { recursive: true });
    fs.writeFileSync(
      path.join(project, 'node_modules', 'better-sqlite3', 'package.json'),
      JSON.stringify({ version: '12.11.1' }),
    );
    const file = path.join(project, '.electron-native', 'better_sqlite3.node');
    expect(electronNativeBinding(project, '45.4.1', 'linux', 'x64')).toBeUndefined();
    fs.writeFileSync(file, 'binary');
    const info = { electron: '45.4.1', platform: 'linux', arch: 'x64', betterSqlite3: '12.11.1' };
    fs.writeFileSync(path.join(project, '.electron-native', 'build-info.json'), JSON.stringify(info));
    expect(electronNativeBinding(project, '45.4.1', 'linux', 'x64')).toBe(file);
    expect(electronNativeBinding(project, '45.5.0', 'linux', 'x64')).toBeUndefined();
    expect(electronNativeBinding(project, '45.4.1', 'linux', 'arm64')).toBeUndefined();
    fs.writeFileSync(
      path.join(project, '.electron-native', 'build-info.json'),
      JSON.stringify({ ...info, betterSqlite3: '11.0.0' }),
    );
    expect(electronNativeBinding(project, '45.4.1', 'linux', 'x64')).toBeUndefined();
  });
});

describe('preload bundle (run in a VM with a stand-in electron module)', () => {
  type Exposed = Record<string, (input?: unknown) => Promise<unknown>>;
  let code = '';
  beforeAll(async () => {
    code = await bundle('src/preload/preload.ts', ['electron']);
  });

  function runPreload(invoke: (...args: unknown[]) => Promise<unknown>) {
    const exposures: Array<{ key: string; api: unknown }> = [];
    const requested: string[] = [];
    const ipcRenderer = {
      invoke,
      send: () => undefined,
      sendSync: () => undefined,
      on: () => ipcRenderer,
      once: () => ipcRenderer,
      postMessage: () => undefined,
    };
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposures.push({ key, api }) },
      ipcRenderer,
    };
    const sandbox = {
      module: { exports: {} },
      exports: {},
      console,
      require(id: string) {
        requested.push(id);
        if (id === 'electron') return electron;
        throw new Error(`a sandboxed preload can only require electron, not ${id}`);
      },
    };
    vm.runInNewContext(code, sandbox, { filename: 'preload.js' });
    return { exposures, requested, ipcRenderer };
  }

  it('needs nothing but electron at run time', () => {
    const { requested } = runPreload(async () => undefined);
    expect([...new Set(requested)]).toEqual(['electron']);
  });

  it('exposes one frozen object with exactly one function per operation, under the bridge name', () => {
    const { exposures } = runPreload(async () => undefined);
    expect(exposures).toHaveLength(1);
    expect(exposures[0].key).toBe(BRIDGE_GLOBAL);
    const api = exposures[0].api as Exposed;
    expect(Object.keys(api).sort()).toEqual([...operationNames].sort());
    for (const name of operationNames) expect(typeof api[name], name).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('exposes nothing that is ipcRenderer or a generic messaging function', () => {
    const { exposures, ipcRenderer } = runPreload(async () => undefined);
    const api = exposures[0].api as Record<string, unknown>;
    for (const key of ['invoke', 'send', 'sendSync', 'on', 'once', 'postMessage', 'ipcRenderer', 'removeListener']) {
      expect(key in api, key).toBe(false);
    }
    const ipcValues = new Set<unknown>([ipcRenderer, ...Object.values(ipcRenderer)]);
    for (const value of Object.values(api)) expect(ipcValues.has(value)).toBe(false);
  });

  it('sends each operation only over the API channel, with its own name and the given input', async () => {
    const calls: unknown[][] = [];
    const { exposures } = runPreload(async (...args: unknown[]) => {
      calls.push(args);
      return { ok: true, value: args[1] };
    });
    const api = exposures[0].api as Exposed;
    for (const name of operationNames) {
      const input = { probe: name };
      await expect(api[name](input)).resolves.toEqual({ ok: true, value: name });
    }
    expect(calls).toEqual(operationNames.map((name) => [API_CHANNEL, name, { probe: name }]));
  });

  it('turns a broken channel into a Chinese failure value, never a thrown error', async () => {
    const { exposures } = runPreload(() => Promise.reject(new Error("Error invoking remote method 'court-api:call'")));
    const result = (await (exposures[0].api as Exposed)['court.get']()) as {
      ok: boolean;
      code: string;
      message: string;
    };
    expect(result).toMatchObject({ ok: false, code: 'E_TRANSPORT' });
    expect(result.message).toMatch(/[\u4e00-\u9fff]/);
    expect(result.message).not.toMatch(/[A-Za-z]{3,}/);
  });
});

// ---------------------------------------------------------------------------------------------
// The main process bundle, run in Node with a stand-in for the parts of Electron it calls.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- stands in for Electron's many callback signatures
type Listener = (...args: any[]) => unknown;
class Emitter {
  listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener) {
    return this.on(event, listener);
  }
  emit(event: string, ...args: unknown[]) {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
}

function fakeEvent(extra: Record<string, unknown> = {}) {
  const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true), ...extra };
  return event;
}

function createStandInElectron(userData: string) {
  const calls: string[] = [];
  const errors: Array<[string, string]> = [];
  const windows: FakeWindow[] = [];
  const openedExternal: string[] = [];
  const handlers = new Map<string, Listener>();
  const protocols = new Map<string, (request: Request) => Promise<Response>>();
  const sessionHandlers: Record<string, Listener> = {};
  let privileged: unknown[] = [];
  let menuTemplate: unknown[] = [];
  let exitCode: number | null = null;
  let quitCount = 0;

  const app = new (class extends Emitter {
    isPackaged = false;
    commandLine = { appendSwitch: (name: string, value: string) => calls.push(`switch:${name}=${value}`) };
    enableSandbox = () => calls.push('enableSandbox');
    requestSingleInstanceLock = () => true;
    setAppUserModelId = () => undefined;
    setAboutPanelOptions = () => undefined;
    getPath = (name: string) => (name === 'userData' ? userData : os.tmpdir());
    getVersion = () => '0.1.0';
    getName = () => '专项活动督导台';
    whenReady = () => {
      calls.push('whenReady');
      return Promise.resolve();
    };
    quit = () => {
      quitCount += 1;
    };
    exit = (code: number) => {
      exitCode = code;
    };
  })();

  let nextContentsId = 1;
  class FakeWebContents extends Emitter {
    id = nextContentsId++;
    mainFrame = { processId: 7, routingId: 3, parent: null, url: APP_START_URL };
    windowOpenHandler: Listener | null = null;
    setWindowOpenHandler(handler: Listener) {
      this.windowOpenHandler = handler;
    }
  }
  class FakeWindow extends Emitter {
    webContents = new FakeWebContents();
    loaded: string[] = [];
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the BrowserWindow options the bundle passed, read field by field
    constructor(readonly options: Record<string, any>) {
      super();
      windows.push(this);
      app.emit('web-contents-created', fakeEvent(), this.webContents);
    }
    static getFocusedWindow = () => null;
    static fromWebContents = () => null;
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
    isDestroyed = () => false;
    isMaximized = () => false;
    isMinimized = () => false;
    getNormalBounds = () => ({ x: 40, y: 30, width: 1280, height: 800 });
    maximize() {}
    show() {}
    restore() {}
    focus() {}
  }

  const electron = {
    app,
    BrowserWindow: FakeWindow,
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        calls.push('registerSchemesAsPrivileged');
        privileged = schemes;
      },
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => protocols.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: Listener) => (sessionHandlers.request = h),
        setPermissionCheckHandler: (h: Listener) => (sessionHandlers.check = h),
        setDevicePermissionHandler: (h: Listener) => (sessionHandlers.device = h),
      },
    },
    ipcMain: {
      handle: (channel: string, handler: Listener) => handlers.set(channel, handler),
      on: (channel: string) => calls.push(`ipcMain.on:${channel}`),
      removeHandler: (channel: string) => handlers.delete(channel),
    },
    dialog: {
      showErrorBox: (title: string, content: string) => errors.push([title, content]),
      showMessageBox: async () => ({ response: 0 }),
    },
    Menu: {
      buildFromTemplate: (template: unknown[]) => ({ template, popup: () => undefined }),
      setApplicationMenu: (menu: { template: unknown[] } | null) => (menuTemplate = menu?.template ?? []),
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }] },
    shell: {
      openPath: async () => '',
      openExternal: async (url: string) => {
        openedExternal.push(url);
      },
    },
  };
  return {
    electron,
    app,
    calls,
    errors,
    windows,
    openedExternal,
    handlers,
    protocols,
    sessionHandlers,
    privileged: () => privileged,
    menuTemplate: () => menuTemplate,
    exitCode: () => exitCode,
    quitCount: () => quitCount,
  };
}

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  const until = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('main process bundle (stand-in electron, real database)', () => {
  let code = '';
  beforeAll(async () => {
    code = await bundle('src/main/electron/main.ts', ['electron', 'better-sqlite3']);
  });

  /** A project-shaped folder: dist/main (the bundle's home), dist/renderer, migrations. */
  function makeAppRoot(): { root: string; userData: string } {
    const root = tempDir('court-electron-main-');
    fs.mkdirSync(path.join(root, 'dist', 'main'), { recursive: true });
    fs.mkdirSync(path.join(root, 'dist', 'renderer', 'assets'), { recursive: true });
    fs.writeFileSync(
      path.join(root, 'dist', 'renderer', 'index.html'),
      '<!doctype html><title>专项活动督导台</title><div id="root"></div>',
    );
    fs.writeFileSync(path.join(root, 'dist', 'renderer', 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(root, 'secret.txt'), 'not for the renderer');
    fs.cpSync(path.join(repoRoot, 'migrations'), path.join(root, 'migrations'), { recursive: true });
    return { root, userData: path.join(root, 'userData') };
  }

  function launch(root: string, userData: string) {
    const standIn = createStandInElectron(userData);
    const realRequire = createRequire(path.join(repoRoot, 'package.json'));
    const mod = { exports: {} };
    const filename = path.join(root, 'dist', 'main', 'electron.js');
    const fakeRequire = (id: string) => (id === 'electron' ? standIn.electron : realRequire(id));
    new Function('exports', 'require', 'module', '__filename', '__dirname', code)(
      mod.exports,
      fakeRequire,
      mod,
      filename,
      path.dirname(filename),
    );
    return standIn;
  }

  async function quit(standIn: ReturnType<typeof launch>) {
    const event = fakeEvent();
    standIn.app.emit('before-quit', event);
    await waitFor(() => standIn.quitCount() > 0, 'quit after closing the database');
  }

  describe('a normal start', () => {
    let standIn: ReturnType<typeof launch>;
    let root = '';
    beforeAll(async () => {
      const made = makeAppRoot();
      root = made.root;
      standIn = launch(made.root, made.userData);
      await waitFor(() => standIn.windows.length === 1, 'the main window');
    });
    afterAll(async () => {
      await quit(standIn);
    });

    it('sandboxes everything and registers app:// before the app is ready', () => {
      const { calls } = standIn;
      expect(calls.indexOf('enableSandbox')).toBeGreaterThanOrEqual(0);
      expect(calls.indexOf('enableSandbox')).toBeLessThan(calls.indexOf('whenReady'));
      expect(calls.indexOf('registerSchemesAsPrivileged')).toBeLessThan(calls.indexOf('whenReady'));
      expect(calls).toContain('switch:lang=zh-CN');
      expect(standIn.privileged()).toEqual([APP_SCHEME_DEFINITION]);
    });

    it('opens one window with the checklist web preferences, loading the app from app://', () => {
      const [win] = standIn.windows;
      expect(win.options.webPreferences).toEqual(
        createWindowOptions(path.join(root, 'dist', 'preload', 'preload.js'), { allowDevTools: true }).webPreferences,
      );
      expect(win.loaded).toEqual([APP_START_URL]);
    });

    it('denies every permission request and check', () => {
      const answers: boolean[] = [];
      standIn.sessionHandlers.request({}, 'media', (granted: boolean) => answers.push(granted));
      standIn.sessionHandlers.request({}, 'notifications', (granted: boolean) => answers.push(granted));
      expect(answers).toEqual([false, false]);
      expect(standIn.sessionHandlers.check({}, 'clipboard-read')).toBe(false);
      expect(standIn.sessionHandlers.device({})).toBe(false);
    });

    it('denies window.open, and only an allow-listed https link reaches the system browser', () => {
      const contents = standIn.windows[0].webContents;
      expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
      expect(contents.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
      expect(contents.windowOpenHandler?.({ url: 'https://www.court.gov.cn/' })).toEqual({ action: 'deny' });
      expect(standIn.openedExternal).toEqual(['https://www.court.gov.cn/']);
    });

    it('prevents navigation and redirects away from the app, and any <webview>', () => {
      const contents = standIn.windows[0].webContents;
      for (const event of ['will-navigate', 'will-redirect']) {
        const away = fakeEvent();
        contents.emit(event, away, 'https://evil.example/');
        expect(away.defaultPrevented, event).toBe(true);
        const local = fakeEvent();
        contents.emit(event, local, 'file:///etc/passwd');
        expect(local.defaultPrevented, event).toBe(true);
        const inApp = fakeEvent();
        contents.emit(event, inApp, 'app://court/index.html');
        expect(inApp.defaultPrevented, event).toBe(false);
      }
      const frame = fakeEvent({ url: 'https://evil.example/' });
      contents.emit('will-frame-navigate', frame);
      expect(frame.defaultPrevented).toBe(true);
      // The report preview's inline document may load in a sub-frame, never as the main frame.
      const preview = fakeEvent({ url: 'about:srcdoc', isMainFrame: false });
      contents.emit('will-frame-navigate', preview);
      expect(preview.defaultPrevented).toBe(false);
      const mainSrcdoc = fakeEvent({ url: 'about:srcdoc', isMainFrame: true });
      contents.emit('will-frame-navigate', mainSrcdoc);
      expect(mainSrcdoc.defaultPrevented).toBe(true);
      const webview = fakeEvent();
      contents.emit('will-attach-webview', webview, {}, {});
      expect(webview.defaultPrevented).toBe(true);
    });

    it('serves the renderer with the CSP, client routes as index.html, and nothing outside it', async () => {
      const handler = standIn.protocols.get('app');
      expect(handler).toBeDefined();
      const index = await handler!(new Request('app://court/'));
      expect(index.status).toBe(200);
      expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(index.headers.get('content-type')).toMatch(/text\/html/);
      expect(await index.text()).toContain('专项活动督导台');
      const script = await handler!(new Request('app://court/assets/app.js'));
      expect(script.headers.get('content-type')).toMatch(/javascript/);
      expect(script.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      const route = await handler!(new Request('app://court/campaigns/0195'));
      expect(await route.text()).toContain('<div id="root">');
      for (const url of [
        'app://court/../../secret.txt',
        'app://court/..%2f..%2fsecret.txt',
        'app://court/missing.js',
        'app://other/index.html',
      ]) {
        const response = await handler!(new Request(url));
        expect(response.status, url).toBe(404);
        expect(await response.text()).not.toContain('not for the renderer');
      }
      expect((await handler!(new Request('app://court/', { method: 'POST', body: 'x' }))).status).toBe(405);
    });

    it('answers API calls from our window main frame through the operation table', async () => {
      const api = standIn.handlers.get(API_CHANNEL)!;
      const contents = standIn.windows[0].webContents;
      const trusted = { sender: contents, senderFrame: contents.mainFrame };
      expect(await api(trusted, 'court.get', undefined)).toEqual({ ok: true, value: null });
      const info = (await api(trusted, 'app.info', {})) as { ok: boolean };
      expect(info.ok).toBe(true);
      expect(await api(trusted, 'no.such', {})).toMatchObject({ ok: false, code: 'E_UNKNOWN_OPERATION' });
      expect(await api(trusted, { toString: null }, {})).toMatchObject({ ok: false });
      expect(await api(trusted, 'campaigns.create', { title: '' })).toMatchObject({ ok: false, code: 'E_INVALID' });
    });

    it('refuses API calls from anyone else', async () => {
      const api = standIn.handlers.get(API_CHANNEL)!;
      const contents = standIn.windows[0].webContents;
      const other = new Emitter() as unknown as typeof contents;
      Object.assign(other, { id: contents.id + 100, mainFrame: { ...contents.mainFrame } });
      const senders = [
        { sender: contents, senderFrame: null },
        { sender: contents, senderFrame: { ...contents.mainFrame, parent: contents.mainFrame, routingId: 9 } },
        { sender: contents, senderFrame: { ...contents.mainFrame, url: 'https://evil.example/' } },
        { sender: contents, senderFrame: { ...contents.mainFrame, url: 'file:///etc/passwd' } },
        { sender: other, senderFrame: other.mainFrame },
      ];
      for (const event of senders) expect(await api(event, 'court.get', undefined)).toEqual(SENDER_REFUSED);
    });

    it('shows a menu with Chinese labels only', () => {
      const labels: string[] = [];
      const walk = (items: unknown[]) => {
        for (const item of items as Array<{ label?: string; type?: string; submenu?: unknown[] }>) {
          if (item.type === 'separator') continue;
          expect(item.label, JSON.stringify(item)).toBeTruthy();
          labels.push(item.label!);
          if (Array.isArray(item.submenu)) walk(item.submenu);
        }
      };
      walk(standIn.menuTemplate());
      expect(labels.length).toBeGreaterThan(5);
      for (const label of labels) expect(label).toMatch(/^[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]+$/);
    });

    it('keeps window bounds in the UI preferences file, not in the court database', () => {
      standIn.windows[0].emit('close', fakeEvent());
      const prefs = JSON.parse(
        fs.readFileSync(path.join(standIn.app.getPath('userData'), 'ui-preferences.json'), 'utf8'),
      );
      expect(prefs).toMatchObject({ windowBounds: { x: 40, y: 30, width: 1280, height: 800 }, windowMaximized: false });
      expect(fs.existsSync(path.join(standIn.app.getPath('userData'), DATABASE_FILE))).toBe(true);
    });
  });

  function sha256(file: string): string {
    return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  }

  it('refuses a foreign database with a Chinese message, touching nothing and opening no window', async () => {
    const { root, userData } = makeAppRoot();
    fs.mkdirSync(userData, { recursive: true });
    const file = path.join(userData, DATABASE_FILE);
    const foreign = new BetterSqlite3(file);
    foreign.exec(
      "CREATE TABLE ledger (id INTEGER PRIMARY KEY, note TEXT); INSERT INTO ledger (note) VALUES ('别人的数据');",
    );
    foreign.close();
    const before = sha256(file);
    const standIn = launch(root, userData);
    await waitFor(() => standIn.errors.length > 0, 'the error box');
    expect(standIn.errors[0][0]).toBe('无法打开数据库');
    expect(standIn.errors[0][1]).toMatch(/不是督导台的数据库/);
    expect(standIn.exitCode()).toBe(1);
    expect(standIn.windows).toHaveLength(0);
    expect(standIn.handlers.size).toBe(0);
    expect(sha256(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses a database written by a newer version, touching nothing', async () => {
    const { root, userData } = makeAppRoot();
    fs.mkdirSync(userData, { recursive: true });
    const file = path.join(userData, DATABASE_FILE);
    const newer = new BetterSqlite3(file);
    newer.pragma(`application_id = ${APPLICATION_ID}`);
    newer.pragma('user_version = 999');
    newer.exec('CREATE TABLE future_things (id INTEGER PRIMARY KEY)');
    newer.close();
    const before = sha256(file);
    const standIn = launch(root, userData);
    await waitFor(() => standIn.errors.length > 0, 'the error box');
    expect(standIn.errors[0][1]).toMatch(/更新版本/);
    expect(standIn.exitCode()).toBe(1);
    expect(standIn.windows).toHaveLength(0);
    expect(sha256(file)).toBe(before);
  });
});

// ---------------------------------------------------------------------------------------------
// What only the real Electron runs: checked on the sources.

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}
const read = (file: string) => fs.readFileSync(path.join(repoRoot, file), 'utf8');

describe('Electron sources (static checks)', () => {
  const electronDir = path.join(repoRoot, 'src', 'main', 'electron');
  const electronSources = sourceFiles(electronDir).map((file) => ({
    file: path.relative(repoRoot, file),
    text: fs.readFileSync(file, 'utf8'),
  }));
  const allSources = sourceFiles(path.join(repoRoot, 'src')).map((file) => ({
    file: path.relative(repoRoot, file),
    text: fs.readFileSync(file, 'utf8'),
  }));

  it('the window open handler can only ever deny', () => {
    const hardening = read('src/main/electron/hardening.ts');
    expect(hardening).toMatch(/setWindowOpenHandler\([\s\S]*?return \{ action: 'deny' \};\s*\}\);/);
    for (const { file, text } of allSources) expect(text, file).not.toMatch(/action:\s*['"]allow['"]/);
  });

  it('navigation, redirects and webviews are prevented; permissions are refused', () => {
    const hardening = read('src/main/electron/hardening.ts');
    expect(hardening).toMatch(
      /on\('will-navigate', \(event, url\) => \{\s*if \(!isAllowedNavigation\(url\)\) event\.preventDefault\(\);/,
    );
    expect(hardening).toMatch(
      /on\('will-redirect', \(event, url\) => \{\s*if \(!isAllowedNavigation\(url\)\) event\.preventDefault\(\);/,
    );
    expect(hardening).toMatch(/on\('will-attach-webview', \(event\) => event\.preventDefault\(\)\)/);
    expect(hardening).toMatch(
      /setPermissionRequestHandler\(\(_contents, _permission, callback\) => callback\(false\)\)/,
    );
    expect(hardening).toMatch(/setPermissionCheckHandler\(\(\) => false\)/);
    expect(hardening).toMatch(
      /app\.on\('web-contents-created', \(_event, contents\) => guardWebContents\(contents\)\)/,
    );
  });

  it('shell.openExternal is called only inside the guarded helper, after the allow-list check', () => {
    const users = allSources.filter(({ text }) => /openExternal\s*\(/.test(text.replace(/openExternalSafely/g, '')));
    expect(users.map((u) => u.file)).toEqual([path.join('src', 'main', 'electron', 'external.ts')]);
    const helper = read('src/main/electron/external.ts');
    expect(helper.indexOf('if (!isAllowedExternalUrl(url)) return false;')).toBeGreaterThan(0);
    expect(helper.indexOf('if (!isAllowedExternalUrl(url)) return false;')).toBeLessThan(
      helper.indexOf('shell.openExternal('),
    );
  });

  it('no source relaxes the web preferences, and every window is built from createWindowOptions', () => {
    for (const { file, text } of allSources) {
      expect(text, file).not.toMatch(
        /nodeIntegration\s*:\s*true|contextIsolation\s*:\s*false|sandbox\s*:\s*false|webSecurity\s*:\s*false|webviewTag\s*:\s*true|allowRunningInsecureContent\s*:\s*true/,
      );
    }
    const windows = allSources.flatMap(({ file, text }) =>
      [...text.matchAll(/new BrowserWindow\(\s*([^)]*)/g)].map((m) => `${file}: ${m[1]}`),
    );
    // The app's window, and the hidden window that prints reports to PDF (scripts off, no preload).
    expect(windows.sort()).toEqual([
      expect.stringMatching(/main\.ts: createWindowOptions\(preloadPath/),
      expect.stringMatching(/pdfPrinter\.ts: pdfWindowOptions\($/),
    ]);
  });

  it('the main process has one IPC entry, checked before dispatch', () => {
    const ipc = electronSources.filter(({ text }) => /ipcMain\.(handle|on|once|handleOnce)\(/.test(text));
    expect(ipc.map((s) => s.file)).toEqual([path.join('src', 'main', 'electron', 'ipc.ts')]);
    const text = read('src/main/electron/ipc.ts');
    expect(text.match(/ipcMain\.(handle|on|once|handleOnce)\(/g)).toEqual(['ipcMain.handle(']);
    expect(text.indexOf('isTrustedSender(')).toBeLessThan(text.indexOf('dispatch(ctx'));
  });

  it('the preload exposes one bridge and uses only invoke on the API channel', () => {
    const preload = read('src/preload/preload.ts');
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(preload).not.toMatch(/ipcRenderer\.(send|sendSync|on|once|postMessage|sendToHost)\b/);
    // The channel name comes from shared code, the same constant the main process listens on.
    expect(preload).toMatch(/import \{[^}]*\bAPI_CHANNEL\b[^}]*\} from '\.\.\/shared\/operationNames'/);
    expect(preload).toMatch(/ipcRenderer\.invoke\(API_CHANNEL, name, input\)/);
  });

  it('the renderer is served with the shared CSP and the sandbox is switched on for all renderers', () => {
    expect(read('src/main/electron/appProtocol.ts')).toMatch(/'Content-Security-Policy': CONTENT_SECURITY_POLICY/);
    expect(read('src/main/electron/main.ts')).toMatch(/app\.enableSandbox\(\)/);
  });

  it('security.ts imports Electron for types only, so plain Node can run these tests', () => {
    const text = read('src/main/electron/security.ts');
    expect(text).toMatch(/import type \{[^}]+\} from 'electron'/);
    expect(text).not.toMatch(/import \{[^}]*\} from 'electron'/);
  });
});
