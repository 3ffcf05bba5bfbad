// 设置 → 诊断信息: the administrator saves the diagnostics zip into a folder; a wrong folder is
// named beside the box; people who are not administrators do not see the section. The preview
// server writes its own log into the data folder (logs/preview.log).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';
import { addReadyUser, logIn, setupCourt } from './helpers';

test('导出诊断信息：选择文件夹 → 导出 → 显示文件名；文件夹不对时就地提示；非管理员看不到', async ({ page, app }) => {
  await setupCourt(app);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'court-e2e-diagnostics-'));
  try {
    await page.goto(app.url);
    await page.getByText('设置', { exact: true }).first().click();
    const section = page.getByTestId('diagnostics-section');
    await expect(section.getByRole('heading', { name: '诊断信息' })).toBeVisible();
    await expect(section).toContainText('不含数据库、本院密钥、佐证材料和密码');

    // Nothing chosen yet, then a folder that does not exist: told beside the box, nothing saved.
    await section.getByRole('button', { name: '导出诊断信息' }).click();
    await expect(page.getByTestId('diagnostics-folder-error')).toHaveText('请先填写或选择保存诊断信息的文件夹。');
    await page.getByTestId('diagnostics-folder').fill(path.join(folder, '没有这个文件夹'));
    await section.getByRole('button', { name: '导出诊断信息' }).click();
    await expect(page.getByTestId('diagnostics-folder-error')).toContainText('找不到文件夹');

    await page.getByTestId('diagnostics-folder').fill(folder);
    await section.getByRole('button', { name: '导出诊断信息' }).click();
    const saved = page.getByTestId('diagnostics-saved');
    await expect(saved).toContainText('诊断信息已导出');
    const name = page.getByTestId('diagnostics-saved-name');
    await expect(name).toHaveText(/^诊断信息-E0583-\d{4}-\d{2}-\d{2}-\d{4}\.zip$/);
    const fileName = (await name.textContent())!;
    await expect(saved).toContainText(path.join(folder, fileName));
    expect(fs.readdirSync(folder)).toEqual([fileName]);
    expect(fs.readFileSync(path.join(folder, fileName)).subarray(0, 2).toString('latin1')).toBe('PK');

    // The preview's own log, in the data folder.
    const log = fs.readFileSync(path.join(app.dataDir, 'logs', 'preview.log'), 'utf8');
    expect(log).toMatch(/data folder opened \{"process":"preview"/);
    expect(log).toContain('preview started');
    expect(log).toContain('diagnostics exported');

    // A reviewer: the section is not there.
    await addReadyUser(app, { username: 'shenhe', displayName: '沈和', roles: ['reviewer'] }, 'Shenhe2026');
    await app.call('auth.logout');
    await page.reload();
    await logIn(page, 'shenhe', 'Shenhe2026');
    await page.getByText('设置', { exact: true }).first().click();
    await expect(page.getByTestId('court-form')).toBeVisible();
    await expect(page.getByTestId('diagnostics-section')).toHaveCount(0);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
