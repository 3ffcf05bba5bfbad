// Three courts through the screens (a basic court, its intermediate court, the high court), each
// with its own data folder and preview server: the high court's preview of a relay names the
// basic court whose key it would trust on the intermediate court's word, with its fingerprint;
// when the basic court's audit log is later rewritten (as with a database tool), the intermediate
// court's preview of the next report warns, and its 下级法院 page keeps the warning.
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { test, expect, type PreviewApp } from './fixtures';
import { BASIC, HIGH, MIDDLE, admin, openUpperCourts } from './threeCourts';
import { shot } from './steps';
import { shellText } from '../../src/renderer/shell/text';
import { entryHash, canonicalJson } from '../../src/main/audit/auditLog';

interface Court {
  app: PreviewApp & { stop?(): void };
  page: Page;
  fingerprint: string;
}

/** Runs a bundle-writing job through the API and returns the file it wrote. */
async function exportBundle(app: PreviewApp, folder: string): Promise<string> {
  const { jobId } = await app.call<{ jobId: string }>('sync.export', { folder, full: false });
  for (let i = 0; i < 300; i += 1) {
    const job = await app.call<{
      state: string;
      error: string | null;
      result: { report: { filePath: string } } | null;
    }>('jobs.get', { jobId });
    if (job.state === 'done') return job.result!.report.filePath;
    if (job.state !== 'running') throw new Error(`导出失败：${job.error}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('导出超时');
}

/** Chooses the file on the 同步 → 导入 tab and waits for the preview. */
async function preview(page: Page, file: string): Promise<void> {
  await page.getByRole('navigation').getByText('同步', { exact: true }).click();
  await page.getByRole('tab', { name: '导入' }).click();
  await page.getByTestId('sync-file-input').setInputFiles(file);
  await expect(page.getByTestId('bundle-summary')).toBeVisible({ timeout: 30_000 });
}

/** Ticks every fingerprint card (after the phone call), adds each sender not yet on the roster
 * (加入应报名单) and imports. */
async function confirmAndImport(page: Page): Promise<void> {
  for (const check of await page.getByTestId('trust-check').all()) await check.check();
  const add = page.getByTestId('roster-add');
  while ((await add.count()) > 0) await add.first().click();
  await page.getByTestId('sync-import-button').click();
  await expect(page.getByTestId('sync-import-result')).toBeVisible({ timeout: 30_000 });
}

/** Rewrites the court's audit chain from entry `from` on, every hash recomputed, head included. */
function rewriteAuditChain(dataDir: string, from: number): void {
  const db = new BetterSqlite3(path.join(dataDir, 'court.sqlite3'));
  try {
    const rows = db.prepare('SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq').all(from) as Record<
      string,
      unknown
    >[];
    let prev = (db.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(from - 1) as { hash: string }).hash;
    const update = db.prepare('UPDATE audit_log SET actor = ?, prev_hash = ?, hash = ? WHERE seq = ?');
    for (const row of rows) {
      if (row.seq === from) row.actor = '不存在的人（nobody）';
      const fields = {
        at: row.at as string,
        actor: row.actor as string,
        court: row.court as string,
        operation: row.operation as string,
        tableName: row.table_name as string,
        rowId: row.row_id as string,
      };
      const hash = entryHash(
        prev,
        row.seq as number,
        fields,
        row.before_json as string | null,
        row.after_json as string | null,
      );
      update.run(row.actor, prev, hash, row.seq);
      prev = hash;
    }
    db.prepare("UPDATE settings SET value = ? WHERE key = 'audit_head'").run(
      canonicalJson({ hash: prev, seq: rows[rows.length - 1].seq }),
    );
  } finally {
    db.close();
  }
}

test('高院预览转报包时列出经担保信任的基层法院；基层法院审计日志被改写后，中院的预览和下级法院页发出警告', async ({
  app,
  browser,
}) => {
  test.setTimeout(240_000);
  const { usb, middleApp, highApp, open, close } = await openUpperCourts(browser);
  try {
    const courts: Record<'basic' | 'middle' | 'high', Court> = {} as never;
    for (const [key, profile, courtApp, user] of [
      ['basic', BASIC, app, 'wangshu'],
      ['middle', MIDDLE, middleApp, 'zhaoke'],
      ['high', HIGH, highApp, 'lichu'],
    ] as const) {
      await courtApp.call('court.setup', { profile, admin: admin(user) });
      const overview = await courtApp.call<{ fingerprint: string }>('sync.overview');
      courts[key] = { app: courtApp, page: await open(courtApp), fingerprint: overview.fingerprint };
    }
    const campaign = await app.call<{ id: string }>('campaigns.create', { title: '2026年“清廉法院”建设', year: 2026 });
    await app.call('items.create', { campaignId: campaign.id, title: '开展廉政风险排查', deadline: '2099-12-31' });

    // The basic court reports up; the intermediate court confirms its fingerprint and imports.
    await preview(courts.middle.page, await exportBundle(app, usb));
    await confirmAndImport(courts.middle.page);

    // The intermediate court relays up. The high court's preview asks for the intermediate court's
    // fingerprint and names the basic court it would trust on the relay's word.
    await preview(courts.high.page, await exportBundle(middleApp, usb));
    const high = courts.high.page;
    await expect(high.getByTestId('trust-court')).toHaveAttribute('data-court', MIDDLE.code);
    const vouched = high.getByTestId('bundle-vouched');
    await expect(vouched).toContainText('以下法院的密钥将因转报法院的担保而被本院信任');
    await expect(vouched).toContainText(
      `${BASIC.name}（${BASIC.code}）（基层人民法院），由${MIDDLE.name}（${MIDDLE.code}）担保`,
    );
    await expect(vouched.getByTestId('vouched-fingerprint')).toHaveAttribute(
      'data-fingerprint',
      courts.basic.fingerprint,
    );
    await expect(high.getByTestId('bundle-nested-role')).toHaveText(['下级法院同步包']);
    // The intermediate court is not on the high court's roster yet: named, and the import waits for it.
    await expect(high.getByTestId('roster-court')).toHaveAttribute('data-court', MIDDLE.code);
    await expect(high.getByTestId('roster-court')).toContainText('不在本院应报名单中');
    await vouched.scrollIntoViewIfNeeded();
    await high.screenshot({ path: path.join('artifacts', 'sync-preview-vouched.png') });
    await confirmAndImport(high);

    // Someone rewrites an entry of the basic court's audit log that was already reported, with
    // every later hash recomputed: the court's own check still passes.
    rewriteAuditChain(app.dataDir, 2);
    expect((await app.call<{ ok: boolean }>('audit.verify')).ok).toBe(true);
    await app.call('items.create', { campaignId: campaign.id, title: '组织警示教育', deadline: '2099-12-31' });

    // The intermediate court, the witness, sees it in the preview and keeps it on 下级法院.
    const middle = courts.middle.page;
    await preview(middle, await exportBundle(app, usb));
    const alerts = middle.getByTestId('bundle-audit-alerts');
    await expect(alerts).toContainText('审计日志与上次上报不一致');
    await expect(alerts).toContainText(`${BASIC.name}（${BASIC.code}）`);
    await middle.getByTestId('sync-import-button').click();
    await expect(middle.getByTestId('sync-import-result')).toBeVisible({ timeout: 30_000 });
    await middle.getByRole('navigation').getByText(shellText.navSubordinates, { exact: true }).click();
    const pageAlert = middle.getByTestId('subordinates-audit-alerts');
    await expect(pageAlert).toContainText('1 个下级法院的审计日志与上次上报不一致');
    await expect(pageAlert).toContainText(BASIC.name);
    await expect(
      middle.getByTestId('subordinate-row').filter({ hasText: BASIC.code }).getByTestId('subordinate-audit-badge'),
    ).toHaveText('审计日志异常');
    await shot(middle, 'subordinates-audit-alert.png', false);
  } finally {
    await close();
  }
});
