// Other courts' rows in the browser. At a basic court: a superior's mandatory item arrives as this
// court's own copy, whose definition is locked (上级下发) while the work on it is ours, and the
// superior's notes on it show as 上级督导意见. At the intermediate court: a subordinate's
// checklist is viewed read-only (查看下级法院) and supervision notes are written on it.
// Other courts' rows go straight into the database, as an imported bundle would leave them.
import path from 'node:path';
import Database from 'better-sqlite3';
import { test, expect, ARTIFACTS_DIR, type PreviewApp } from './fixtures';
import { ADMIN, COURT, field, row, setupCourt } from './helpers';

const STAMP = '2026-10-08T09:00:00+08:00';
const id = (n: number) => `0190f0e4-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

function withDatabase(app: PreviewApp, work: (db: Database.Database) => void): void {
  const db = new Database(path.join(app.dataDir, 'court.sqlite3'));
  try {
    work(db);
  } finally {
    db.close();
  }
}

function insert(db: Database.Database, table: string, values: Record<string, unknown>): void {
  const keys = Object.keys(values);
  db.prepare(`INSERT INTO ${table} (${keys.join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`).run(
    ...keys.map((key) => values[key]),
  );
}
const owned = (rowId: string, origin: string) => ({
  id: rowId,
  origin,
  version: 1,
  change_seq: 1,
  created_at: STAMP,
  updated_at: STAMP,
});

test('上级下发的规定动作：任务内容只读，本院填写责任人与进展，查看上级督导意见', async ({ page, app }) => {
  await setupCourt(app);
  const campaign = id(0xc1);
  const section = id(0xc2);
  const copy = id(0xc5);
  withDatabase(app, (db) => {
    insert(db, 'campaigns', {
      ...owned(campaign, 'E05'),
      title: '2026年执行攻坚专项活动',
      issuing_court_code: 'E05',
      issuing_court_name: '宜昌市中级人民法院',
      year: 2026,
      start_date: '2026-03-01',
      end_date: '2026-12-31',
    });
    insert(db, 'sections', { ...owned(section, 'E05'), campaign_id: campaign, title: '攻坚举措', sort_order: 1 });
    const definition = {
      campaign_id: campaign,
      section_id: section,
      sort_order: 1024,
      title: '每季度开展一次集中执行行动',
      content: '集中执行行动覆盖全部涉民生案件，行动结束后报送战果统计表。',
      kind: 'mandatory',
      deadline: '2099-12-20',
      frequency: 'quarterly',
    };
    insert(db, 'items', { ...owned(id(0xc4), 'E05'), ...definition });
    insert(db, 'items', {
      ...owned(copy, COURT.code),
      change_seq: 100,
      ...definition,
      source_item_id: id(0xc4),
      source_version: 1,
    });
    insert(db, 'supervision_notes', {
      ...owned(id(0xb1), 'E05'),
      campaign_id: campaign,
      court_code: COURT.code,
      item_id: copy,
      kind: 'supervision',
      author: '李科长',
      text: '请于季度末前报送集中执行行动战果统计表。',
    });
  });
  await app.call('departments.create', { name: '执行局', headName: '罗斌' });

  await page.goto(app.url);
  const card = page.getByTestId('campaign-card').filter({ hasText: '2026年执行攻坚专项活动' });
  await expect(card.getByTestId('campaign-card-issued')).toHaveText('上级下发');
  await card.getByTestId('campaign-title').click();
  await expect(page.getByTestId('campaign-issued')).toBeVisible();
  // The issuer's own row is not in our list: only our copy, marked 上级下发.
  await expect(page.getByTestId('item-row')).toHaveCount(1);
  await expect(row(page, '每季度开展一次集中执行行动').getByTestId('row-issued')).toHaveText('上级下发');
  await expect(page.getByTestId('received-supervision')).toContainText('请于季度末前报送集中执行行动战果统计表');
  await expect(page.getByTestId('received-supervision')).toContainText('针对事项：每季度开展一次集中执行行动');

  await row(page, '每季度开展一次集中执行行动').click();
  const drawer = page.getByTestId('item-drawer');
  await expect(drawer.getByTestId('item-issued')).toBeVisible();
  // The task itself is on 基本信息 (the drawer opens on 记录进展).
  await drawer.getByRole('tab', { name: '基本信息' }).click();
  await expect(drawer.getByTestId('item-issued-hint')).toContainText('本院不能修改');
  for (const label of ['任务名称', '具体内容', '完成时限']) await expect(field(page, label).first()).toBeDisabled();
  await expect(drawer.getByRole('button', { name: '上级法院下发的规定动作，本院不能删除' })).toBeDisabled();
  // Who answers for it is ours to fill in.
  await field(page, '责任人').fill('罗斌');
  await field(page, '牵头院领导').fill('张副院长');
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'scope-issued-item-drawer.png') });
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存')).toBeVisible();
  await expect(row(page, '每季度开展一次集中执行行动')).toContainText('罗斌');

  await drawer.getByTestId('item-tab-supervision').click();
  await expect(drawer.getByTestId('item-received-supervision')).toContainText('李科长');
  await expect(drawer.getByTestId('supervision-note')).toHaveAttribute('data-kind', 'supervision');
  // Received notes cannot be withdrawn here.
  await expect(drawer.getByRole('button', { name: '撤回' })).toHaveCount(0);
});

test('中院查看下级法院的推进清单（只读）并提出督导意见', async ({ page, app }) => {
  await app.call('court.setup', {
    profile: {
      name: '宜昌市中级人民法院',
      code: 'E05',
      level: 'intermediate',
      parentCode: 'E00',
      parentName: '湖北省高级人民法院',
      operatorName: '李科长',
    },
    admin: ADMIN,
  });
  const campaign = await app.call<{ id: string }>('campaigns.create', {
    title: '2026年执行攻坚专项活动',
    year: 2026,
    startDate: '2026-03-01',
    endDate: '2026-12-31',
  });
  const detail = await app.call<{ sections: Array<{ id: string }> }>('sections.create', {
    campaignId: campaign.id,
    title: '攻坚举措',
  });
  await app.call('items.create', {
    campaignId: campaign.id,
    sectionId: detail.sections[0].id,
    title: '中院：督导基层集中执行',
    deadline: '2099-12-31',
  });
  const theirs = id(0xd1);
  withDatabase(app, (db) => {
    insert(db, 'sync_courts', {
      code: COURT.code,
      name: COURT.name,
      level: 'basic',
      parent_code: 'E05',
      sign_key: 'k',
      box_key: 'k',
      fingerprint: '0'.repeat(40),
      relation: 'subordinate',
      trusted_at: STAMP,
      trusted_by: '李科长（admin）',
      last_seq: 3,
      last_bundle_at: STAMP,
      last_imported_at: STAMP,
    });
    insert(db, 'departments', { ...owned(id(0xd9), COURT.code), name: '执行局' });
    const base = {
      campaign_id: campaign.id,
      section_id: detail.sections[0].id,
      kind: 'mandatory',
      deadline: '2099-12-20',
      department_id: id(0xd9),
      owner: '罗斌',
    };
    insert(db, 'items', {
      ...owned(theirs, COURT.code),
      ...base,
      sort_order: 1024,
      title: '枝江：每季度开展一次集中执行行动',
      status: 'in_progress',
      percent: 60,
      source_item_id: id(0xd0),
      source_version: 1,
    });
    insert(db, 'items', {
      ...owned(id(0xd2), COURT.code),
      ...base,
      sort_order: 2048,
      kind: 'own',
      title: '枝江：执行信访化解',
      status: 'completed',
      percent: 100,
    });
    insert(db, 'ledger_findings', {
      ...owned(id(0xe1), COURT.code),
      campaign_id: campaign.id,
      source: 'petition',
      title: '枝江：执行信访件办理超期',
      sort_order: 1024,
      department_id: id(0xd9),
    });
    insert(db, 'ledger_measures', {
      ...owned(id(0xe2), COURT.code),
      campaign_id: campaign.id,
      finding_id: id(0xe1),
      text: '枝江：逐件督办超期信访件',
      status: 'in_progress',
      deadline: '2099-06-30',
      sort_order: 1024,
      department_id: id(0xd9),
    });
  });

  await page.goto(app.url);
  await page
    .getByTestId('campaign-card')
    .filter({ hasText: '2026年执行攻坚专项活动' })
    .getByTestId('campaign-title')
    .click();
  await expect(page.getByTestId('item-row')).toHaveCount(1);
  await expect(row(page, '中院：督导基层集中执行')).toBeVisible();

  await page.getByTestId('court-view').click();
  await page.getByRole('option', { name: `${COURT.name}（${COURT.code}）` }).click();
  await expect(page.getByTestId('viewing-court')).toContainText(COURT.name);
  await expect(page.getByTestId('item-row')).toHaveCount(2);
  await expect(page.getByTestId('fig-total')).toContainText('2');
  await expect(page.getByRole('button', { name: '新增事项' })).toHaveCount(0);
  await expect(page.getByTestId('row-check')).toHaveCount(0);

  // A court-wide note from the page, and one on an item from its drawer.
  await page.getByTestId('court-supervision').getByTestId('supervision-toggle').click();
  await page
    .getByTestId('court-supervision')
    .getByTestId('supervision-text')
    .fill('请加快推进执行信访化解工作，月底前报送进展。');
  await page.getByTestId('court-supervision').getByTestId('supervision-submit').click();
  await expect(page.getByTestId('court-supervision').getByTestId('supervision-note')).toContainText('针对全院工作');

  await row(page, '枝江：每季度开展一次集中执行行动').click();
  const drawer = page.getByTestId('item-drawer');
  await expect(drawer.getByTestId('item-other-court')).toContainText(COURT.code);
  await expect(drawer.getByTestId('item-read-only')).toBeVisible();
  await expect(drawer.getByTestId('action-complete')).toHaveCount(0);
  // 记录进展 shows the history only: no form to record progress on another court's item.
  await expect(drawer.getByRole('form', { name: '记录进展' })).toHaveCount(0);
  await drawer.getByRole('tab', { name: '基本信息' }).click();
  await expect(drawer.getByRole('button', { name: '保存' })).toHaveCount(0);
  await expect(field(page, '责任人')).toBeDisabled();
  await drawer.getByTestId('item-tab-supervision').click();
  await drawer.getByTestId('supervision-kind').getByText('意见', { exact: true }).click();
  await drawer.getByTestId('supervision-text').fill('战果统计表请按季度报送，并附典型案例。');
  await drawer.getByTestId('supervision-submit').click();
  await expect(drawer.getByTestId('supervision-note')).toHaveAttribute('data-kind', 'comment');
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'scope-subordinate-item-drawer.png') });
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(page.getByTestId('court-supervision').getByTestId('supervision-note')).toHaveCount(2);
  await page.getByTestId('campaign-heading').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'scope-subordinate-checklist.png') });

  // The choice holds on the ledger tab: the subordinate's ledger, read-only.
  await page.getByTestId('tab-ledger').click();
  await expect(page.getByTestId('ledger-viewing-court')).toContainText(COURT.name);
  await expect(page.getByTestId('add-finding')).toHaveCount(0);
  await expect(page.getByTestId('add-measure')).toHaveCount(0);
  await page.getByTestId('measure-row').filter({ hasText: '枝江：逐件督办超期信访件' }).click();
  const measure = page.getByTestId('measure-drawer');
  await expect(measure.getByTestId('measure-other-court')).toContainText(COURT.code);
  await expect(measure.getByTestId('action-progress')).toHaveCount(0);
  await page.keyboard.press('Escape');

  // Back to this court's own checklist.
  await page.getByTestId('ledger-viewing-court').getByText('返回本院').click();
  await expect(page.getByTestId('ledger-empty')).toBeVisible();
  await page.getByTestId('tab-checklist').click();
  await expect(page.getByTestId('item-row')).toHaveCount(1);
  await expect(page.getByTestId('court-view')).toHaveValue('本院');
});
