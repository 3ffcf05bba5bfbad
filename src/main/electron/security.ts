// The pure, testable half of the Electron shell's security: the app's own origin, which senders
// and navigations are trusted, the window's web preferences, and how app:// addresses map onto
// the built renderer folder. Only types come from Electron, so plain Node (the tests) can load it.
import path from 'node:path';
import type { BrowserWindowConstructorOptions, CustomScheme, WebPreferences } from 'electron';
import type { Failure } from '../../shared/api';

/** The renderer is served from app://court/ — a privileged, standard, secure custom scheme. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'court';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** Registered before `app` is ready. No CSP bypass, no service workers, no CORS to elsewhere. */
export const APP_SCHEME_DEFINITION: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    codeCache: true,
    bypassCSP: false,
    corsEnabled: false,
    allowServiceWorkers: false,
    stream: false,
  },
};

/** What a sender outside our window's main frame gets back instead of any data. */
export const SENDER_REFUSED: Failure = Object.freeze({
  ok: false,
  code: 'E_SENDER',
  message: '已拒绝来自未知页面的请求：督导台只受理本程序主窗口发出的操作。',
}) as Failure;

function parse(raw: unknown): URL | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 8192) return null;
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** True only for app://court/… addresses: our scheme, our host, no credentials, no port. */
export function isAppUrl(raw: unknown): boolean {
  const url = parse(raw);
  return (
    url !== null &&
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}

/**
 * An IPC call is served only when it comes from the main frame of our own window and that frame
 * shows our app. Sub-frames, other windows and any other origin are refused.
 */
export function isTrustedSender(frameUrl: string | null | undefined, isMainFrameOfOurWindow: boolean): boolean {
  return isMainFrameOfOurWindow === true && isAppUrl(frameUrl);
}

/** The window may only ever show our own app; every other navigation is prevented. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/**
 * The only sites a link may open in the system browser: https, on this allow-list, nothing else.
 * (The app works offline; this is for the Supreme People's Court site and nothing more.)
 */
export const EXTERNAL_HOST_ALLOW_LIST: readonly string[] = Object.freeze(['www.court.gov.cn']);

export function isAllowedExternalUrl(raw: unknown): boolean {
  const url = parse(raw);
  return (
    url !== null &&
    url.protocol === 'https:' &&
    url.port === '' &&
    url.username === '' &&
    url.password === '' &&
    EXTERNAL_HOST_ALLOW_LIST.includes(url.hostname)
  );
}

/** Electron's security checklist, as web preferences. The preload is the only bridge. */
export function secureWebPreferences(preloadPath: string, allowDevTools = false): WebPreferences {
  return {
    preload: preloadPath,
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
    safeDialogs: true,
    devTools: allowDevTools,
  };
}

export interface WindowBoundsHint {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

export const MIN_WINDOW_WIDTH = 1024;
export const MIN_WINDOW_HEIGHT = 640;

export function createWindowOptions(
  preloadPath: string,
  options: { bounds?: WindowBoundsHint; allowDevTools?: boolean; title?: string } = {},
): BrowserWindowConstructorOptions {
  const bounds = options.bounds ?? { width: 1366, height: 860 };
  return {
    ...bounds,
    minWidth: MIN_WINDOW_WIDTH,
    minHeight: MIN_WINDOW_HEIGHT,
    title: options.title ?? '专项活动督导台',
    show: false,
    backgroundColor: '#f8f9fa',
    autoHideMenuBar: false,
    webPreferences: secureWebPreferences(preloadPath, options.allowDevTools ?? false),
  };
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeTypeOf(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps an app://court/… request onto a file inside `rootDir`, or null when the address is not ours
 * or would leave the folder (`..`, encoded separators, NUL, drive letters). The empty path is the
 * app's index.html. The caller still checks that the file exists.
 */
export function resolveAppPath(rootDir: string, requestUrl: string): string | null {
  if (!isAppUrl(requestUrl)) return null;
  const url = new URL(requestUrl);
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (/[\\\0]/.test(decoded) || /(^|\/)\.\.(\/|$)/.test(decoded) || /^\/*[a-zA-Z]:/.test(decoded)) return null;
  const relative = decoded.replace(/^\/+/, '') || 'index.html';
  const root = path.resolve(rootDir);
  const file = path.resolve(root, relative);
  const fromRoot = path.relative(root, file);
  if (fromRoot === '' || fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) return null;
  return file;
}

/** Addresses without a file extension are client-side routes: they get the app's index.html. */
export function isClientRoute(file: string): boolean {
  return path.extname(file) === '';
}
