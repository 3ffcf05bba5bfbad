// 整改台账 end to end: a finding and its measure are entered; a 填报人 of the department records
// progress, uploads an after-photo and submits; a 审核人 (another account) signs it off; the
// look-back appears in the queue, is moved to today and recorded as passed → 回头看通过.
// Also: the two-person rule refused in the dialog, a relapse reopening the measure, and
// screenshots of the ledger, the measure drawer and the look-back queue.
import { expect, test, type PreviewApp } from './fixtures';
import {
  PHOTO,
  actAs,
  addUser,
  choose,
  completeLookbackRecord,
  confirmMeasureAction,
  field,
  measureAction,
  openCampaignTab,
  openLookbackQueue,
  rescheduleLookback,
  scheduledLookbackDue,
  setupCourt,
  shot,
  switchUser,
  today,
  uploadEvidence,
} from './steps';

const CAMPAIGN = '2026年巡视整改专项活动';
const FILER = { username: 'zhangli', password: 'Zhangli2026' };
const REVIEWER = { username: 'lishen', password: 'Lishen2026' };
/** Reviewer who also files for 立案庭: may submit, but not sign off what they submitted. */
const BOTH = { username: 'wangfang', password: 'Wangfang2026' };

/** Different bytes, so the server does not refuse it as a duplicate of the after-photo. */
const PHOTO_LATER = Buffer.concat([PHOTO, Buffer.from('回头看')]);

async function seed(app: PreviewApp) {
  await setupCourt(app);
  const registry = await app.call<{ id: string }>('departments.create', { name: '立案庭', headName: '周立' });
  const enforcement = await app.call<{ id: string }>('departments.create', { name: '执行局', headName: '吴刚' });
  await app.call('people.create', { name: '张丽', title: '书记员', departmentId: registry.id });
  await app.call('people.create', { name: '陈院长', title: '副院长' });
  const campaign = await app.call<{ id: string }>('campaigns.create', {
    title: CAMPAIGN,
    year: 2026,
    startDate: '2026-01-01',
    endDate: '2026-12-31',
  });
  await addUser(app, { ...FILER, displayName: '张丽', roles: ['filer'], departmentId: registry.id });
  await addUser(app, { ...REVIEWER, displayName: '李审', roles: ['reviewer'] });
  return { campaignId: campaign.id, registryId: registry.id, enforcementId: enforcement.id };
}

test('新增问题和措施 → 填报人填报进展、上传整改后照片、提交销号 → 审核人对账销号 → 回头看通过', async ({
  page,
  app,
}) => {
  await seed(app);
  await openCampaignTab(page, app, CAMPAIGN, 'ledger');
  await expect(page.getByTestId('ledger-empty')).toContainText('还没有整改问题');
  await expect(page.getByTestId('fig-ledger-total-value')).toHaveText('0');

  // ── The administrator enters a finding from the inspection feedback …
  await page.getByTestId('add-finding').click();
  const findingForm = page.getByTestId('finding-form');
  await findingForm.getByRole('button', { name: '保存' }).click();
  await expect(findingForm.getByText('请选择问题来源')).toBeVisible();
  await choose(page, findingForm.getByTestId('finding-source'), '巡视/巡察反馈');
  await field(findingForm, '文号或编号').fill('巡反〔2026〕3号');
  await field(findingForm, '问题').fill('诉讼服务中心窗口接待不规范，群众反映“门难进、脸难看”');
  await field(findingForm, '问题详情').fill('巡视组暗访发现：立案窗口工作人员对来访群众态度生硬，一次性告知不到位。');
  await field(findingForm, '收到日期').fill('2026-03-02');
  await field(findingForm, '收到日期').press('Tab');
  await choose(page, field(findingForm, '责任部门'), '立案庭');
  await shot(page, 'ledger-finding-form.png', false);
  await findingForm.getByRole('button', { name: '保存' }).click();
  await expect(findingForm).toBeHidden();
  const findingCell = page.getByTestId('finding-cell').filter({ hasText: '诉讼服务中心窗口接待不规范' });
  await expect(findingCell).toContainText('巡视/巡察反馈');
  await expect(findingCell).toContainText('巡反〔2026〕3号');
  await expect(page.getByTestId('finding-row')).toContainText('尚未制定整改措施');
  await expect(page.getByTestId('fig-ledger-total-value')).toHaveText('1');
  await expect(page.getByTestId('closure-line-inspection_feedback')).toContainText(
    '反馈问题 1 个，办结 0 个，办结率 0.0%',
  );

  // … and a measure for it (the finding's department is the default).
  await findingCell.getByTestId('add-measure').click();
  const measureForm = page.getByTestId('measure-form');
  await measureForm.getByRole('button', { name: '保存' }).click();
  await expect(measureForm.getByText('请填写整改措施')).toBeVisible();
  await field(measureForm, '整改措施').fill('制定窗口接待规范，开展文明接待专题培训，实行一次性告知');
  await field(measureForm, '责任人').fill('张丽');
  await field(measureForm, '牵头院领导').fill('陈院长');
  await expect(field(measureForm, '责任部门')).toHaveValue('立案庭');
  await field(measureForm, '完成时限').fill('2099-06-30');
  await field(measureForm, '完成时限').press('Tab');
  await measureForm.getByRole('button', { name: '保存' }).click();
  await expect(measureForm).toBeHidden();
  const measureRow = page.getByTestId('measure-row').filter({ hasText: '制定窗口接待规范' });
  await expect(measureRow.getByTestId('measure-row-status')).toHaveText('待整改');
  await expect(measureRow).toContainText('张丽');
  await expect(measureRow).toContainText('2099-06-30');
  await expect(measureRow.getByTestId('measure-row-light')).toHaveAttribute('data-light', 'green');

  // ── The 填报人 of 立案庭 records progress, uploads an after-photo and submits.
  await switchUser(app, page, FILER);
  await expect(page.getByTestId('header-user')).toHaveText('张丽');
  await measureRow.click();
  const drawer = page.getByTestId('measure-drawer');
  await expect(drawer.getByTestId('measure-status')).toHaveText('待整改');
  await expect(drawer.getByTestId('measure-finding')).toContainText('诉讼服务中心窗口接待不规范');
  await expect(drawer.getByTestId('action-signoff')).toHaveCount(0);

  await drawer.getByTestId('action-progress').click();
  const action = page.getByTestId('measure-action-form');
  await action.getByTestId('measure-action-confirm').click();
  await expect(action.getByText('请填写整改进展')).toBeVisible();
  await confirmMeasureAction(page, '已制定《诉讼服务中心窗口接待规范》，3月15日组织全庭专题培训。');
  await expect(drawer.getByTestId('measure-status')).toHaveText('整改中');
  await expect(drawer.getByTestId('measure-event')).toHaveCount(1);
  await expect(drawer.getByTestId('measure-event').first()).toContainText('整改进展');
  await expect(drawer.getByTestId('measure-event').first()).toContainText('张丽');

  await uploadEvidence(page, 'after', { name: '窗口整改后照片.png', mimeType: 'image/png', buffer: PHOTO });
  await expect(drawer.getByTestId('evidence-group-after').getByTestId('ledger-evidence-row')).toHaveCount(1);
  await expect(drawer.getByTestId('evidence-group-before').getByTestId('ledger-evidence-row')).toHaveCount(0);
  await expect(measureRow.getByTestId('measure-row-evidence')).toHaveText('1');

  await drawer.getByTestId('action-submit').click();
  await action.getByTestId('measure-action-confirm').click();
  await expect(action.getByText('请填写完成情况')).toBeVisible();
  await confirmMeasureAction(page, '接待规范已印发执行，窗口实行一次性告知，群众满意度回访良好。');
  await expect(drawer.getByTestId('measure-status')).toHaveText('待销号');
  await expect(drawer.getByTestId('action-submit')).toHaveCount(0);
  await expect(drawer).toContainText('等待审核人对账');
  await expect(measureRow.getByTestId('measure-row-status')).toHaveText('待销号');
  // The open measure is part of the page's address: closed, the reload below shows the ledger alone.
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  // ── The 审核人 (another account) signs it off.
  await switchUser(app, page, REVIEWER);
  await measureRow.click();
  await expect(drawer.getByTestId('measure-status')).toHaveText('待销号');
  await measureAction(page, 'signoff', '整改到位，佐证材料齐全，同意销号');
  await expect(drawer.getByTestId('measure-status')).toHaveText('已销号');
  await expect(drawer).toContainText('李审 于');
  const due = await scheduledLookbackDue(page);
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(measureRow.getByTestId('measure-row-status')).toHaveText('已销号');
  await expect(measureRow).toContainText(due);
  await expect(page.getByTestId('fig-ledger-closed-value')).toHaveText('1');
  await expect(page.getByTestId('fig-ledger-rate-value')).toHaveText('100.0');
  await expect(page.getByTestId('closure-line-inspection_feedback')).toContainText(
    '反馈问题 1 个，办结 1 个，办结率 100.0%',
  );

  // ── The look-back is in the queue with its due date; moved to today, then recorded as passed.
  await openLookbackQueue(page);
  const lookback = page.getByTestId('lookback-row').filter({ hasText: '制定窗口接待规范' });
  await expect(lookback).toHaveCount(1);
  await expect(lookback.getByTestId('lookback-due')).toHaveText(due);
  await expect(lookback).toContainText('2026年巡视整改专项活动');
  await expect(lookback).toContainText('立案庭');

  await rescheduleLookback(page, lookback, today());
  await expect(lookback).toContainText('今天到期');

  await lookback.getByTestId('lookback-record').click();
  const record = page.getByTestId('lookback-record-form');
  await record.getByTestId('lookback-record-confirm').click();
  await expect(record.getByText('请选择回头看结论')).toBeVisible();
  await record.getByRole('radio', { name: '发现反弹' }).check();
  await expect(record.getByTestId('lookback-relapse-warning')).toContainText('重新打开');
  await record.getByRole('radio', { name: '通过' }).check();
  await expect(record.getByTestId('lookback-relapse-warning')).toHaveCount(0);
  await record.getByTestId('lookback-record-confirm').click();
  await expect(record.getByText('请填写回头看情况')).toBeVisible();
  await completeLookbackRecord(page, {
    note: '实地查看窗口接待并回访当事人10名，整改成效保持良好。',
    file: { name: '回头看现场照片.png', mimeType: 'image/png', buffer: PHOTO_LATER },
  });
  await expect(page.getByTestId('lookback-row').filter({ hasText: '制定窗口接待规范' })).toHaveCount(0);
  await expect(page.getByTestId('lookback-empty')).toBeVisible();
  await page.getByTestId('lookback-include-done').click();
  await expect(lookback.getByTestId('lookback-status')).toHaveText('通过');
  await expect(lookback).toContainText('李审');

  // ── Back in the ledger: 回头看通过, with the look-back's note, evidence and events.
  await lookback.getByTestId('lookback-measure').click();
  await expect(drawer.getByTestId('measure-status')).toHaveText('回头看通过');
  await expect(drawer.getByTestId('measure-event').first()).toContainText('回头看通过');
  await drawer.getByTestId('measure-tab-evidence').click();
  await expect(drawer.getByTestId('evidence-group-lookback')).toContainText('回头看现场照片.png');
  await drawer.getByTestId('measure-tab-lookbacks').click();
  await expect(drawer.getByTestId('measure-lookback-row')).toContainText('整改成效保持良好');
  await drawer.getByTestId('measure-tab-events').click();
  await expect(drawer.getByTestId('measure-event')).toHaveCount(4);
  await expect(drawer.getByTestId('measure-event').nth(1)).toContainText('对账销号');
  await expect(drawer.getByTestId('measure-event').nth(2)).toContainText('提交销号');
  await page.waitForTimeout(400);
  await shot(page, 'ledger-measure-history.png', false);
  await drawer.getByTestId('measure-tab-lights').click();
  await expect(drawer.getByTestId('light-span').first()).toHaveAttribute('data-light', 'green');
  await page.keyboard.press('Escape');
  await expect(measureRow.getByTestId('measure-row-status')).toHaveText('回头看通过');
  await choose(page, page.getByTestId('ledger-filter-status'), '回头看通过');
  await expect(page.getByTestId('measure-row')).toHaveCount(1);
  await choose(page, page.getByTestId('ledger-filter-status'), '待整改');
  await expect(page.getByTestId('ledger-empty')).toContainText('没有符合筛选条件');
});

test('同一人不能销号自己提交的措施；回头看发现反弹重新打开措施', async ({ page, app }) => {
  const { campaignId, registryId } = await seed(app);
  await addUser(app, { ...BOTH, displayName: '王芳', roles: ['reviewer', 'filer'], departmentId: registryId });
  const finding = await app.call<{ id: string }>('ledger.createFinding', {
    campaignId,
    source: 'petition',
    reference: '信访〔2026〕17号',
    title: '当事人反映执行款迟迟未发放',
    departmentId: registryId,
  });
  const measure = await app.call<{ id: string; version: number }>('ledger.createMeasure', {
    findingId: finding.id,
    text: '清理执行案款，建立案款到账提醒和限时发放制度',
    owner: '王芳',
    departmentId: registryId,
    deadline: '2099-05-31',
  });

  // 王芳 submits, then tries to sign off her own work: refused in the dialog, in Chinese.
  await actAs(app, BOTH);
  await app.call('ledger.submit', { id: measure.id, version: measure.version, note: '案款已全部发放，制度已印发' });
  await openCampaignTab(page, app, CAMPAIGN, 'ledger');
  await page.getByTestId('measure-row').filter({ hasText: '清理执行案款' }).click();
  const drawer = page.getByTestId('measure-drawer');
  await expect(drawer.getByTestId('measure-own-work-hint')).toContainText('须由其他审核人对账销号');
  await drawer.getByTestId('action-signoff').click();
  const action = page.getByTestId('measure-action-form');
  await action.getByTestId('measure-action-confirm').click();
  await expect(action.getByTestId('measure-action-error')).toBeVisible();
  await expect(action.getByTestId('measure-action-error')).toContainText('是您本人提交的');
  await expect(action.getByTestId('measure-action-error')).not.toContainText('E_OWN_WORK');
  await action.getByRole('button', { name: '取消' }).click();
  await expect(drawer.getByTestId('measure-status')).toHaveText('待销号');
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  // Another reviewer signs it off; the look-back finds a relapse and the measure reopens.
  await switchUser(app, page, REVIEWER);
  await page.getByTestId('measure-row').filter({ hasText: '清理执行案款' }).click();
  await measureAction(page, 'signoff');
  await expect(drawer.getByTestId('measure-status')).toHaveText('已销号');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('closure-line-petition')).toContainText('受理 1 件，办结 1 件，办结率 100.0%');

  await openLookbackQueue(page);
  const lookback = page.getByTestId('lookback-row').filter({ hasText: '清理执行案款' });
  await lookback.getByTestId('lookback-record').click();
  const record = page.getByTestId('lookback-record-form');
  await record.getByRole('radio', { name: '发现反弹' }).check();
  await expect(record.getByTestId('lookback-relapse-warning')).toContainText('这条整改措施将重新打开');
  await completeLookbackRecord(page, { note: '回访发现仍有2笔案款超期未发放，问题反弹。' });
  await expect(lookback).toHaveCount(0);

  await openCampaignTab(page, app, CAMPAIGN, 'ledger');
  const row = page.getByTestId('measure-row').filter({ hasText: '清理执行案款' });
  await expect(row.getByTestId('measure-row-status')).toHaveText('回头看发现反弹');
  await expect(page.getByTestId('closure-line-petition')).toContainText('受理 1 件，办结 0 件，办结率 0.0%');
  await row.click();
  await expect(drawer.getByTestId('measure-status')).toHaveText('回头看发现反弹');
  await expect(drawer.getByTestId('measure-event').first()).toContainText('回头看发现反弹');
  await expect(drawer.getByTestId('action-submit')).toBeVisible();
});

test('截图：整改台账（办结情况与筛选）、措施详情、回头看清单', async ({ page, app }) => {
  const { campaignId, registryId, enforcementId } = await seed(app);
  // A small ledger in several states, as a court would have part-way through.
  const petitions = [
    ['信访〔2026〕5号', '当事人反映立案登记超期', registryId, '2026-02-10'],
    ['信访〔2026〕9号', '当事人反映执行款发放不及时', enforcementId, '2026-02-21'],
    ['信访〔2026〕12号', '当事人反映承办法官联系不上', registryId, '2026-03-05'],
  ] as const;
  const measures: Array<{ id: string; version: number }> = [];
  for (const [reference, title, departmentId, receivedDate] of petitions) {
    const f = await app.call<{ id: string }>('ledger.createFinding', {
      campaignId,
      source: 'petition',
      reference,
      title,
      departmentId,
      receivedDate,
    });
    measures.push(
      await app.call('ledger.createMeasure', {
        findingId: f.id,
        text: `针对“${title}”逐件核查，限期答复并建立台账`,
        owner: '张丽',
        leadLeader: '陈院长',
        departmentId,
        deadline: '2099-04-30',
      }),
    );
  }
  const lead = await app.call<{ id: string }>('ledger.createFinding', {
    campaignId,
    source: 'problem_lead',
    reference: '线索〔2026〕2号',
    title: '个别干警违规接受当事人宴请',
    departmentId: enforcementId,
  });
  await app.call('ledger.createMeasure', {
    findingId: lead.id,
    text: '开展廉政谈话，组织警示教育，建立干警与当事人接触报备制度',
    owner: '吴刚',
    leadLeader: '陈院长',
    departmentId: enforcementId,
    deadline: '2026-01-31',
  });
  await app.call('ledger.createMeasure', {
    findingId: lead.id,
    text: '常态化开展“八小时外”监督',
    owner: '吴刚',
    departmentId: enforcementId,
    longTerm: true,
  });
  const feedback = await app.call<{ id: string }>('ledger.createFinding', {
    campaignId,
    source: 'inspection_feedback',
    reference: '巡反〔2026〕3号',
    title: '诉讼服务中心窗口接待不规范',
    departmentId: registryId,
  });
  const detailed = await app.call<{ id: string; version: number }>('ledger.createMeasure', {
    findingId: feedback.id,
    text: '制定窗口接待规范，开展文明接待专题培训，实行一次性告知',
    owner: '张丽',
    leadLeader: '陈院长',
    departmentId: registryId,
    deadline: '2099-06-30',
  });
  await app.call('ledger.createFinding', {
    campaignId,
    source: 'audit_supervision',
    reference: '督察〔2026〕1号',
    title: '庭审录音录像未全部上传',
    departmentId: registryId,
  });
  // Two petitions submitted by the administrator and signed off by the reviewer.
  for (const m of measures.slice(0, 2))
    await app.call('ledger.submit', { id: m.id, version: m.version, note: '已逐件答复当事人' });
  await app.call('ledger.addProgress', {
    measureId: detailed.id,
    eventDate: '2026-03-15',
    text: '已起草《诉讼服务中心窗口接待规范》，征求意见中。',
  });
  await app.call('ledger.addEvidence', {
    measureId: detailed.id,
    phase: 'before',
    name: '整改前窗口照片.png',
    mimeType: 'image/png',
    dataBase64: PHOTO.toString('base64'),
  });
  await actAs(app, REVIEWER);
  for (const m of measures.slice(0, 2)) {
    const fresh = await app.call<{ version: number }>('ledger.getMeasure', { id: m.id });
    await app.call('ledger.signOff', { id: m.id, version: fresh.version, opinion: '同意销号' });
  }

  await openCampaignTab(page, app, CAMPAIGN, 'ledger');
  await expect(page.getByTestId('closure-line-petition')).toContainText('受理 3 件，办结 2 件，办结率 66.7%');
  await expect(page.getByTestId('closure-line-problem_lead')).toContainText('受理 1 条，办结 0 条');
  await expect(page.getByTestId('measure-row')).toHaveCount(6);
  await expect(page.getByTestId('finding-row')).toHaveCount(1);
  await shot(page, 'ledger-tab.png');

  await choose(page, page.getByTestId('ledger-filter-source'), '信访件');
  await expect(page.getByTestId('measure-row')).toHaveCount(3);
  await choose(page, page.getByTestId('ledger-filter-department'), '执行局');
  await expect(page.getByTestId('measure-row')).toHaveCount(1);
  await shot(page, 'ledger-filtered.png');
  await page.getByTestId('ledger-clear-filters').click();
  await expect(page.getByTestId('measure-row')).toHaveCount(6);

  await page.getByTestId('measure-row').filter({ hasText: '制定窗口接待规范' }).click();
  const drawer = page.getByTestId('measure-drawer');
  await expect(drawer.getByTestId('measure-event')).toHaveCount(1);
  await page.waitForTimeout(400);
  await shot(page, 'ledger-measure-drawer.png', false);
  await drawer.getByTestId('measure-tab-evidence').click();
  await expect(drawer.getByTestId('evidence-group-before')).toContainText('整改前窗口照片.png');
  await shot(page, 'ledger-measure-evidence.png', false);
  await page.keyboard.press('Escape');

  await openLookbackQueue(page);
  await expect(page.getByTestId('lookback-row')).toHaveCount(2);
  // Not due for months: green, with the days left (the preview runs on the real clock, and
  // a re-check cannot be moved into the past, so red is covered by the main-process tests).
  await expect(page.getByTestId('lookback-row').first().getByTestId('lookback-light')).toHaveAttribute(
    'data-light',
    'green',
  );
  await expect(page.getByTestId('lookback-row').first()).toContainText('天后到期');
  await shot(page, 'lookback-queue.png');
  await page.getByTestId('lookback-row').first().getByTestId('lookback-record').click();
  await page.getByTestId('lookback-record-form').getByRole('radio', { name: '发现反弹' }).check();
  await page.waitForTimeout(300);
  await shot(page, 'lookback-record-dialog.png', false);
});
