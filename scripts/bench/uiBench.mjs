// (d) First render of the 5,000-item table (and d50k: of 50,000 items) in the local preview, in
// Debian's Chromium driven by Playwright: from the click on the campaign's title in the list until
// the first [data-testid="item-row"] is in the page with a size and the next frame has begun.
// Measured inside the page (performance.now), so Playwright's own round trips are not counted.
// Baseline: in the same page, only fetching the checklist's first window through the bridge
// (items.window, the first WINDOW_ROWS rows, over the preview transport): the one read the first
// screen needs, so the difference is what the page itself spends on the first render.
// Returns { samples, baseline, rowsInDom, firstScreenOps (the operations called from the click
// until the first row showed), via } or { skipped: reason } when the interface is not ready.
import { spawn } from 'node:child_process';

const LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
};

function startPreview(previewJs, dataDir, env) {
  const child = spawn(process.execPath, [previewJs, '--data', dataDir], { stdio: ['ignore', 'pipe', 'pipe'], env });
  const url = new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`预览服务 20 秒内未启动：${output}`)), 20_000);
    child.stdout.on('data', (chunk) => {
      output += chunk.toString();
      const match = /PREVIEW_URL=(\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr.on('data', (chunk) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`预览服务退出（${code}）：${output}`));
    });
  });
  return { child, url };
}

/** The page's first window (src/renderer/campaign/itemsPrefetch.ts WINDOW_ROWS). */
const WINDOW_ROWS = 100;

/**
 * Runs in the page: clicks the campaign title (or, with `hash`, goes to that hash route) and
 * resolves with the ms until the first item row shows.
 */
function clickAndTime({ title, hash, timeoutMs }) {
  return new Promise((resolve, reject) => {
    const visible = (el) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0;
    };
    // The deepest visible element whose whole text is the title.
    const candidates = hash
      ? []
      : [...document.querySelectorAll('body *')].filter((el) => el.textContent?.trim() === title && visible(el));
    const target = candidates.find((el) => ![...el.children].some((child) => child.textContent?.trim() === title));
    if (!target && !hash) return reject(new Error('TITLE_NOT_FOUND'));
    let finished = false;
    const rowShown = () => {
      const row = document.querySelector('[data-testid="item-row"]');
      return row && visible(row);
    };
    const finish = () => {
      if (finished || !rowShown()) return;
      finished = true;
      observer.disconnect();
      requestAnimationFrame(() => resolve(performance.now() - start));
    };
    const observer = new MutationObserver(finish);
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
    setTimeout(() => {
      if (finished) return;
      finished = true;
      observer.disconnect();
      reject(new Error('ROWS_NOT_SHOWN'));
    }, timeoutMs);
    const start = performance.now();
    if (target) target.click();
    else window.location.hash = hash;
    finish();
  });
}

/** Logs the preview's one session in through its API, as the log-in screen would. */
async function logIn(url, account) {
  const { origin, hash } = new URL(url);
  const token = hash.replace('#token=', '');
  const response = await fetch(`${origin}/api/auth.login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(account),
  });
  const result = await response.json();
  if (!result.ok) throw new Error(`登录失败：${result.message}`);
}

/**
 * Starts the preview on `dataDir`, logs `account` in and opens Chromium, then lets `measure(context,
 * url)` take the figures. Everything is closed afterwards; a failure anywhere becomes { skipped }.
 */
async function inPreviewBrowser({ previewJs, dataDir, env, account }, measure) {
  let chromium;
  try {
    ({ chromium } = await import('@playwright/test'));
  } catch (error) {
    return { skipped: `未测（无法加载 Playwright：${error.message}）` };
  }
  const { child, url: urlPromise } = startPreview(previewJs, dataDir, env);
  let browser;
  try {
    const url = await urlPromise;
    await logIn(url, account);
    browser = await chromium.launch(LAUNCH);
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    return await measure(context, url);
  } catch (error) {
    return {
      skipped: `未测（${String(error.message ?? error)
        .split('\n')[0]
        .slice(0, 120)}）`,
    };
  } finally {
    await browser?.close().catch(() => {});
    child.kill('SIGTERM');
  }
}

export async function runUiBench({ previewJs, dataDir, title, campaignId, reps, env, log, account }) {
  return inPreviewBrowser({ previewJs, dataDir, env, account }, async (context, url) => {
    const samples = [];
    const baseline = [];
    let rowsInDom = 0;
    let firstScreenOps = [];
    // Agreed hook: the campaign list shows titles as clickable text. If the list never shows the
    // title, fall back to the renderer's hash route (#/campaign/<id>) once the app has rendered.
    let hash = null;
    for (let i = 0; i < reps + 1; i += 1) {
      const page = await context.newPage();
      try {
        await page.goto(url);
        if (!hash) {
          try {
            await page
              .getByText(title, { exact: true })
              .first()
              .waitFor({ state: 'visible', timeout: i === 0 ? 30_000 : 15_000 });
          } catch {
            if (!campaignId || i > 0) return { skipped: '未测（界面尚未就绪：活动列表中找不到活动名称）' };
            hash = `#/campaign/${encodeURIComponent(campaignId)}`;
            log(`    活动列表中找不到活动名称，改用 hash 路由 ${hash}`);
          }
        }
        if (hash)
          await page.waitForFunction(() => document.body.innerText.trim().length > 0, null, { timeout: 15_000 });
        // The operations the page calls from the click until the first row shows (goal (c) of
        // issue 18: the first screen need not call items.list).
        const calls = [];
        const onRequest = (request) => {
          const match = /\/api\/([^/?#]+)/.exec(request.url());
          if (match) calls.push(decodeURIComponent(match[1]));
        };
        page.on('request', onRequest);
        let ms;
        try {
          ms = await page.evaluate(clickAndTime, { title, hash, timeoutMs: 15_000 });
        } catch (error) {
          const reason = String(error.message ?? error);
          if (reason.includes('TITLE_NOT_FOUND')) return { skipped: '未测（界面尚未就绪：活动名称不可点击）' };
          if (reason.includes('ROWS_NOT_SHOWN'))
            return { skipped: '未测（界面尚未就绪：15 秒内未出现 data-testid="item-row"）' };
          throw error;
        }
        page.off('request', onRequest);
        if (i === 0) {
          log(`    预热一次：${ms.toFixed(1)} ms`);
        } else {
          samples.push(ms);
          log(`    第 ${i} 次：${ms.toFixed(1)} ms`);
          firstScreenOps = [...new Set([...firstScreenOps, ...calls])];
        }
        rowsInDom = await page.locator('[data-testid="item-row"]').count();
        // Baseline: the same page fetching the first window through the bridge, without rendering.
        if (campaignId && i > 0) {
          const fetchMs = await page.evaluate(
            async ({ id, limit }) => {
              const start = performance.now();
              const result = await window.courtApi['items.window']({ campaignId: id, offset: 0, limit });
              return result.ok ? performance.now() - start : null;
            },
            { id: campaignId, limit: WINDOW_ROWS },
          );
          if (fetchMs !== null) baseline.push(fetchMs);
        }
      } finally {
        await page.close();
      }
    }
    return { samples, baseline, rowsInDom, firstScreenOps, via: hash ? `hash 路由 ${hash}` : '点击活动名称' };
  });
}

/**
 * Runs in the page: goes to the 下级法院进度 tab's address and resolves with the ms until the
 * matrix has all its rows in the DOM (the last one laid out), or — should the matrix draw only the
 * rows in view — until its rows reach the bottom of the window, and the next frame has begun.
 */
function openMatrixAndTime({ hash, expectedRows, timeoutMs }) {
  return new Promise((resolve, reject) => {
    let finished = false;
    const lastRowShown = () => {
      const rows = document.querySelectorAll('[data-testid="province-row"]');
      if (!rows.length) return false;
      const box = rows[rows.length - 1].getBoundingClientRect();
      return box.height > 0 && (rows.length >= expectedRows || box.bottom >= window.innerHeight);
    };
    const finish = () => {
      if (finished || !lastRowShown()) return;
      finished = true;
      observer.disconnect();
      requestAnimationFrame(() => resolve(performance.now() - start));
    };
    const observer = new MutationObserver(finish);
    observer.observe(document.body, { childList: true, subtree: true });
    setTimeout(() => {
      if (finished) return;
      finished = true;
      observer.disconnect();
      reject(new Error(`MATRIX_NOT_SHOWN ${document.querySelectorAll('[data-testid="province-row"]').length}`));
    }, timeoutMs);
    const start = performance.now();
    window.location.hash = hash;
    finish();
  });
}

/**
 * (b2) First render of the 下级法院进度 tab (issue 5) in the preview on a copy of the high court's
 * data: from setting the tab's address (the app already loaded at its campaign list) until the
 * matrix's last court row is in the DOM. Baseline: the same page only fetching boards.province
 * through the bridge. Returns { samples, baseline, rows } or { skipped: reason }.
 */
export async function runMatrixBench({ previewJs, dataDir, campaignId, expectedRows, reps, env, log, account }) {
  return inPreviewBrowser({ previewJs, dataDir, env, account }, async (context, url) => {
    const hash = `#/campaign/${encodeURIComponent(campaignId)}/courts`;
    const samples = [];
    const baseline = [];
    let rows = 0;
    for (let i = 0; i < reps + 1; i += 1) {
      const page = await context.newPage();
      try {
        await page.goto(url);
        // The app is up once the campaign list shows a campaign.
        await page.getByTestId('campaign-card').first().waitFor({ state: 'visible', timeout: 30_000 });
        let ms;
        try {
          ms = await page.evaluate(openMatrixAndTime, { hash, expectedRows, timeoutMs: 20_000 });
        } catch (error) {
          const reason = String(error.message ?? error);
          if (reason.includes('MATRIX_NOT_SHOWN'))
            return { skipped: `未测（20 秒内矩阵未显示全部 ${expectedRows} 行）` };
          throw error;
        }
        rows = await page.getByTestId('province-row').count();
        if (i === 0) {
          log(`    预热一次：${ms.toFixed(1)} ms`);
        } else {
          samples.push(ms);
          log(`    第 ${i} 次：${ms.toFixed(1)} ms`);
          const fetchMs = await page.evaluate(async (id) => {
            const start = performance.now();
            const result = await window.courtApi['boards.province']({ campaignId: id });
            return result.ok ? performance.now() - start : null;
          }, campaignId);
          if (fetchMs !== null) baseline.push(fetchMs);
        }
      } finally {
        await page.close();
      }
    }
    return { samples, baseline, rows };
  });
}
