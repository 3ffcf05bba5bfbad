// Accounts in the browser: the administrator opens an account for a 填报人 with a temporary
// password; the filer must change it at the first log-in; five wrong passwords lock the account
// and the administrator's reset lifts the lock. Also the setup wizard's account step, and the first
// administrator for a database from before accounts existed.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { test, expect, ARTIFACTS_DIR } from './fixtures';
import { ADMIN, COURT, field, logIn, logOut, setupCourt } from './helpers';

const screenshot = (name: string) => {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return path.join(ARTIFACTS_DIR, name);
};

test('管理员开设填报人账户 → 首次登录须改密码 → 输错 5 次锁定 → 管理员重置密码', async ({ page, app }) => {
  await setupCourt(app);
  await app.call('departments.create', { name: '立案庭', headName: '周庭长' });
  await app.call('campaigns.create', { title: '2026年“清廉法院”建设', year: 2026 });
  await page.goto(app.url);
  await expect(page.getByTestId('header-user')).toHaveText('王晓梅');

  // 用户管理: the administrator's own account is listed with its roles.
  await page.getByText('用户管理', { exact: true }).click();
  const rows = page.getByTestId('user-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('王晓梅（本人）');
  await expect(rows.first()).toContainText('wangxm');
  await expect(rows.first().getByTestId('role-badges')).toHaveText('管理员审核人');

  // A new 填报人 without a department is refused at the field; what was typed stays.
  await page.getByTestId('user-create').click();
  const form = page.getByTestId('user-form');
  await field(page, '用户名').fill('zhouxm');
  await field(page, '姓名').fill('周晓明');
  await expect(form.getByRole('checkbox', { name: /填报人/ })).toBeChecked();
  await form.getByRole('textbox', { name: '临时密码', exact: true }).fill('Temp2026abc');
  await form.getByRole('button', { name: '新建用户' }).click();
  await expect(form.getByText('请为填报人选择所属部门')).toBeVisible();
  await expect(form.getByTestId('form-error')).toContainText('填报人须指定所属部门');
  await expect(field(page, '用户名')).toHaveValue('zhouxm');
  await expect(field(page, '姓名')).toHaveValue('周晓明');
  await expect(form.getByRole('textbox', { name: '临时密码', exact: true })).toHaveValue('Temp2026abc');
  await page.screenshot({ path: screenshot('user-form-error.png') });
  await field(page, '所属部门').click();
  await page.getByRole('option', { name: '立案庭' }).click();
  await form.getByRole('button', { name: '新建用户' }).click();
  await expect(form).toBeHidden();
  const zhou = rows.filter({ hasText: 'zhouxm' });
  await expect(zhou).toContainText('周晓明');
  await expect(zhou).toContainText('立案庭');
  await expect(zhou.getByTestId('role-badges')).toHaveText('填报人');
  await expect(zhou.getByTestId('user-state')).toHaveText('正常待修改密码');
  await expect(zhou).toContainText('从未登录');
  await expect(page.getByRole('alert')).toHaveCount(0, { timeout: 15_000 });
  await page.screenshot({ path: screenshot('users-page.png'), fullPage: true });

  // The filer logs in with the temporary password and must choose their own first.
  await logOut(page);
  await expect(page.getByTestId('login-court')).toHaveText(COURT.name);
  await expect(page.getByRole('textbox', { name: '用户名' })).toBeFocused();
  await page.screenshot({ path: screenshot('login-screen.png'), fullPage: true });
  const login = page.getByTestId('login-form');
  await login.getByRole('textbox', { name: '用户名' }).fill('zhouxm');
  await login.getByRole('textbox', { name: '密码', exact: true }).fill('Temp2026abc');
  await login.getByRole('textbox', { name: '密码', exact: true }).press('Enter');
  const change = page.getByTestId('change-password-form');
  await expect(page.getByText('请修改密码')).toBeVisible();
  await expect(page.getByText(/周晓明，您正在使用管理员设置的临时密码/)).toBeVisible();
  await change.getByRole('textbox', { name: '临时密码', exact: true }).fill('Temp2026abc');
  await change.getByRole('textbox', { name: '新密码', exact: true }).fill('Zhouxm2026');
  await change.getByRole('textbox', { name: '确认新密码', exact: true }).fill('Zhouxm2025');
  await change.getByRole('button', { name: '修改密码并进入' }).click();
  await expect(change.getByText('两次输入的密码不一致')).toBeVisible();
  await change.getByRole('textbox', { name: '新密码', exact: true }).fill('Temp2026abc');
  await change.getByRole('textbox', { name: '确认新密码', exact: true }).fill('Temp2026abc');
  await change.getByRole('button', { name: '修改密码并进入' }).click();
  await expect(change.getByText('新密码不能与原密码相同', { exact: true })).toBeVisible();
  await page.screenshot({ path: screenshot('forced-change.png'), fullPage: true });
  await change.getByRole('textbox', { name: '新密码', exact: true }).fill('Zhouxm2026');
  await change.getByRole('textbox', { name: '确认新密码', exact: true }).fill('Zhouxm2026');
  await change.getByRole('textbox', { name: '确认新密码', exact: true }).press('Enter');

  // In: a filer lands on 我的待办; the campaigns are one click away; the filer's name and role;
  // no user management or audit log.
  await expect(page.getByTestId('header-user')).toHaveText('周晓明');
  await expect(page.getByTestId('user-menu')).toContainText('填报人');
  await expect(page.getByRole('heading', { name: '我的待办', level: 1 })).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: '专项活动', exact: true }).click();
  await expect(page.getByTestId('campaign-card')).toContainText('2026年“清廉法院”建设');
  await expect(page.getByText('用户管理', { exact: true })).toHaveCount(0);
  await expect(page.getByText('审计日志', { exact: true })).toHaveCount(0);

  // Five wrong passwords: a countdown, then the lock-out; the right password is refused too.
  await logOut(page);
  for (let left = 4; left >= 1; left -= 1) {
    await login.getByRole('textbox', { name: '用户名' }).fill('zhouxm');
    await login.getByRole('textbox', { name: '密码', exact: true }).fill(`wrong${left}abc`);
    await login.getByRole('textbox', { name: '密码', exact: true }).press('Enter');
    await expect(page.getByTestId('login-error')).toHaveText(
      `用户名或密码不正确。再输错 ${left} 次，账户将被锁定 15 分钟。`,
    );
    // The user name stays; the password is typed again.
    await expect(login.getByRole('textbox', { name: '用户名' })).toHaveValue('zhouxm');
    await expect(login.getByRole('textbox', { name: '密码', exact: true })).toHaveValue('');
  }
  await login.getByRole('textbox', { name: '密码', exact: true }).fill('wrong0abc');
  await login.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('login-error')).toHaveText(
    '密码连续输错 5 次，账户已锁定 15 分钟。如忘记密码，请管理员重置。',
  );
  await login.getByRole('textbox', { name: '密码', exact: true }).fill('Zhouxm2026');
  await login.getByRole('textbox', { name: '密码', exact: true }).press('Enter');
  await expect(page.getByTestId('login-error')).toContainText('账户已锁定。请 15 分钟后再试，或请管理员重置密码。');
  await page.screenshot({ path: screenshot('login-locked.png'), fullPage: true });

  // The administrator sees the lock and resets the password, which lifts it.
  await logIn(page, ADMIN.username, ADMIN.password);
  await page.getByText('用户管理', { exact: true }).click();
  await expect(zhou.getByTestId('user-state')).toHaveText(/^已锁定至 \d{2}:\d{2}$/);
  await zhou.getByRole('button', { name: '重置密码' }).click();
  const reset = page.getByTestId('reset-form');
  await expect(reset).toContainText('该用户下次登录时须修改密码');
  await reset.getByRole('textbox', { name: '临时密码', exact: true }).fill('short1');
  await reset.getByRole('button', { name: '重置密码' }).click();
  await expect(reset.getByText('密码至少 8 位')).toBeVisible();
  await reset.getByRole('textbox', { name: '临时密码', exact: true }).fill('Reset2026x');
  await reset.getByRole('button', { name: '重置密码' }).click();
  await expect(page.getByTestId('reset-done')).toContainText(
    '已重置 周晓明 的密码。请将临时密码告知本人，下次登录时须修改密码。',
  );
  await expect(page.getByTestId('reset-password-shown')).toHaveText('Reset2026x');
  await page.screenshot({ path: screenshot('reset-done.png') });
  await page.getByTestId('reset-done').getByRole('button', { name: '完成' }).click();
  await expect(zhou.getByTestId('user-state')).toHaveText('正常待修改密码');
  await expect(zhou).not.toContainText('从未登录');

  // The audit log names every step, with the real people.
  await page.getByText('审计日志', { exact: true }).click();
  const entries = page.getByTestId('audit-entry');
  await expect(entries.first()).toContainText('重置密码');
  await expect(entries.first()).toContainText('周晓明（zhouxm）');
  await expect(entries.first()).toContainText('王晓梅（wangxm）');
  const lock = entries.filter({ hasText: '密码连续输错 5 次，账户被暂时锁定' });
  await expect(lock).toHaveCount(1);
  await expect(lock).toContainText('账户锁定');
  await expect(lock).toContainText('周晓明（zhouxm）');
  await expect(entries.filter({ hasText: /密码错误（连续第 \d 次）/ })).toHaveCount(4);
  await expect(entries.filter({ hasText: '本人修改了登录密码' }).filter({ hasText: '周晓明（zhouxm）' })).toHaveCount(
    1,
  );
  await expect(entries.filter({ hasText: '新建' }).filter({ hasText: '用户账户' }).first()).toContainText(
    '用户名：zhouxm；角色：填报人；所属部门：立案庭',
  );
  await expect(page.getByRole('alert')).toHaveCount(0, { timeout: 15_000 });
  await page.screenshot({ path: screenshot('audit-accounts.png'), fullPage: true });

  // With the new temporary password, the filer must change it again.
  await logOut(page);
  await login.getByRole('textbox', { name: '用户名' }).fill('zhouxm');
  await login.getByRole('textbox', { name: '密码', exact: true }).fill('Reset2026x');
  await login.getByRole('textbox', { name: '密码', exact: true }).press('Enter');
  await expect(page.getByTestId('change-password-form')).toBeVisible();
});

test('设置向导的管理员账户步骤；旧数据没有账户时创建第一个管理员；修改自己的密码', async ({ page, app }) => {
  await page.goto(app.url);
  await field(page, '法院名称').fill(COURT.name);
  await field(page, '法院代码').fill(COURT.code);
  await field(page, '上级法院代码').fill(COURT.parentCode);
  await field(page, '上级法院名称').fill(COURT.parentName);
  await field(page, '经办人姓名').fill(COURT.operatorName);
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByTestId('setup-admin-identity')).toContainText(COURT.operatorName);
  await field(page, '用户名').fill('a b');
  await page.getByRole('button', { name: '完成设置，开始使用' }).click();
  await expect(page.getByText('用户名只能由字母、数字、汉字和 . _ - 组成')).toBeVisible();
  await field(page, '用户名').fill(ADMIN.username);
  await page.screenshot({ path: screenshot('setup-admin-step.png'), fullPage: true });
  await page.getByRole('textbox', { name: '密码', exact: true }).fill(ADMIN.password);
  await page.getByRole('textbox', { name: '确认密码', exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: '完成设置，开始使用' }).click();
  await expect(page.getByTestId('header-user')).toHaveText(COURT.operatorName);

  // 修改密码 from the header menu: the old password is checked.
  await page.getByTestId('user-menu').click();
  await expect(page.getByRole('menuitem', { name: '退出登录' })).toBeVisible();
  await page.waitForTimeout(300); // the menu's fade-in, for the screenshot only
  await page.screenshot({ path: screenshot('user-menu.png') });
  await page.getByRole('menuitem', { name: '修改密码' }).click();
  const change = page.getByTestId('change-password-form');
  await change.getByRole('textbox', { name: '原密码', exact: true }).fill('NotMine2026');
  await change.getByRole('textbox', { name: '新密码', exact: true }).fill('Wangxm2027');
  await change.getByRole('textbox', { name: '确认新密码', exact: true }).fill('Wangxm2027');
  await change.getByRole('button', { name: '修改密码' }).click();
  await expect(change.getByText('原密码不正确', { exact: true })).toBeVisible();
  await change.getByRole('textbox', { name: '原密码', exact: true }).fill(ADMIN.password);
  await change.getByRole('button', { name: '修改密码' }).click();
  await expect(change).toBeHidden();
  await logOut(page);
  await logIn(page, ADMIN.username, 'Wangxm2027');

  // A database from before accounts: the court exists, nobody can log in yet.
  const db = new Database(path.join(app.dataDir, 'court.sqlite3'));
  db.exec('DELETE FROM users');
  db.close();
  await page.reload();
  const bootstrap = page.getByTestId('bootstrap-form');
  await expect(page.getByText('创建第一个管理员账户')).toBeVisible();
  await expect(field(page, '姓名')).toHaveValue(COURT.operatorName);
  await page.screenshot({ path: screenshot('bootstrap.png') });
  await field(page, '用户名').fill('zhaok');
  await field(page, '姓名').fill('赵科长');
  await bootstrap.getByRole('textbox', { name: '密码', exact: true }).fill('Zhaok2026');
  await bootstrap.getByRole('textbox', { name: '确认密码', exact: true }).fill('Zhaok2026');
  await bootstrap.getByRole('button', { name: '创建并登录' }).click();
  await expect(page.getByTestId('header-user')).toHaveText('赵科长');
});
