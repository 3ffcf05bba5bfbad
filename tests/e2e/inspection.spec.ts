// 问题查摆 end to end: a 填报人 files a report with two claims, a 审核人 (another account) sees the
// evasion hint and returns it with a reason, the filer sees the reason, revises and resubmits, the
// reviewer compares both rounds side by side, accepts, and turns a claim into a ledger entry.
import { expect, test } from './fixtures';
import {
  INSPECTION_CAMPAIGN,
  INSPECTION_FILER as FILER,
  INSPECTION_REVIEWER as REVIEWER,
  type Catalogue,
  actAs,
  addClaims,
  confirmReview,
  createLedgerFromClaim,
  newOwnReport,
  openCampaignTab,
  openReport,
  reviewReport,
  seedSelfInspection,
  shot,
  submitReport,
  switchUser,
} from './steps';

test('填报 → 退回重填 → 修改重交 → 对比两次提交 → 通过 → 生成整改台账', async ({ page, app }) => {
  const { campaignId } = await seedSelfInspection(app);

  // ── The filer (张敏, 立案庭) files a report for herself with two claims.
  await actAs(app, FILER);
  await openCampaignTab(page, app, INSPECTION_CAMPAIGN, 'inspection');
  await expect(page.getByTestId('insp-tab-review')).toHaveCount(0);
  await page.getByTestId('insp-tab-catalogue').click();
  await expect(page.getByTestId('catalogue-count')).toHaveText('共 2 个方面 4 个问题');
  await expect(page.getByTestId('aspect-title')).toHaveText(['一、政治站位方面', '二、司法作风方面']);
  await expect(page.getByTestId('add-aspect')).toHaveCount(0);
  await page.getByTestId('insp-tab-reports').click();
  await expect(page.getByTestId('report-table')).toContainText('还没有查摆报告。');

  await newOwnReport(page, '张敏（立案庭）');
  await expect(page.getByTestId('report-heading')).toHaveText('张敏的查摆报告表');
  await expect(page.getByTestId('report-view-status')).toHaveText('草稿');

  const [, second] = await addClaims(page, [
    {
      problem: '3. 案件久拖不结、超审限',
      facts: '2026年3月承办的（2026）鄂0583民初123号合同纠纷案件，因排期拖延超审限20天结案。',
      cause: '审限管理意识不强，未按节点跟踪排期。',
      measures: '建立审限节点提醒台账，每周核对一次。',
      deadline: '2026-12-31',
    },
    { problem: '2. 理论学习流于形式', facts: '存在不足', cause: '重业务轻学习。', measures: '制定个人学习计划。' },
  ]);

  // Submitting with a claim lacking its deadline: the message lands on that field, nothing typed is lost.
  await submitReport(page);
  await expect(page.getByTestId('report-form-error')).toContainText('还没有填写完整');
  await expect(second.getByText('第 2 个问题：请填写整改时限')).toBeVisible();
  await expect(second.getByTestId('claim-facts')).toHaveValue('存在不足');
  await second.getByRole('textbox', { name: '完成时限' }).fill('2026-10-31');
  await second.getByTestId('claim-cause').click();
  await expect(second.getByText('第 2 个问题：请填写整改时限')).toHaveCount(0);
  await expect(page.getByTestId('report-form-error')).toHaveCount(0);
  await expect(page.getByTestId('save-state')).toHaveText('有未保存的修改');
  await shot(page, 'inspection-report-form.png', false);

  await submitReport(page);
  await expect(page.getByTestId('report-view-status')).toHaveText('已提交');
  await expect(page.getByTestId('waiting-review')).toBeVisible();
  await expect(page.getByTestId('claim-card')).toHaveCount(2);

  // ── The reviewer (李红, not the filer) sees the hint on the thin claim and returns the report.
  await switchUser(app, page, REVIEWER);
  await page.getByTestId('insp-tab-review').click();
  await expect(page.getByTestId('fig-submitted-value')).toHaveText('1');
  await shot(page, 'inspection-review-overview.png');
  await expect(page.getByTestId('unclaimed-problem')).toHaveCount(2);
  await expect(page.getByTestId('not-filed').filter({ hasText: '陈静' })).toContainText('未填报');
  await openReport(page, '张敏', page.getByTestId('review-overview'));
  const review = page.getByTestId('review-screen');
  await expect(review).toBeVisible();
  const thin = review.getByTestId('claim-card').nth(1);
  await expect(thin.getByTestId('evasion-alert')).toContainText('过于简单');
  await expect(review.getByTestId('claim-card').nth(0).getByTestId('evasion-alert')).toHaveCount(0);
  await shot(page, 'inspection-review.png');

  await review.getByTestId('review-return').click();
  const returnForm = page.getByTestId('review-form');
  await returnForm.getByTestId('review-confirm').click();
  await expect(returnForm.getByText('请填写退回理由')).toBeVisible();
  await confirmReview(page, 'return', '问题2只写了“存在不足”，请写明具体的人、案、事。');

  // ── The filer sees the reason, revises the thin claim and submits again.
  await switchUser(app, page, FILER);
  await expect(page.getByTestId('report-row').filter({ hasText: '张敏' }).getByTestId('report-status')).toHaveText(
    '已退回',
  );
  // One report per person: "新建" for herself again points to the existing one.
  await page.getByTestId('new-report').click();
  await page.getByTestId('open-existing-report').click();
  await expect(page.getByTestId('returned-banner')).toContainText(
    '退回重填：问题2只写了“存在不足”，请写明具体的人、案、事。',
  );
  await expect(page.getByTestId('returned-banner')).toContainText('李红');
  await shot(page, 'inspection-returned.png');
  const revise = page.getByTestId('report-form').getByTestId('claim-editor').nth(1);
  await expect(revise.getByTestId('claim-facts')).toHaveValue('存在不足');
  await revise
    .getByTestId('claim-facts')
    .fill('2026年上半年12次集中学习中有5次以业务繁忙为由请假，学习笔记仅记录标题，未写心得体会。');
  // Leaving with unsaved text asks first; leaving anyway keeps the text for next time.
  await page.getByTestId('report-back').click();
  await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
  await expect(revise.getByTestId('claim-facts')).toHaveValue(/5次以业务繁忙为由请假/);
  await page.getByTestId('tab-checklist').click();
  await page.getByTestId('tab-inspection').click();
  await openReport(page, '张敏');
  await expect(page.getByTestId('draft-restored')).toBeVisible();
  await expect(revise.getByTestId('claim-facts')).toHaveValue(/5次以业务繁忙为由请假/);
  await submitReport(page);
  await expect(page.getByTestId('report-view-status')).toHaveText('已提交');
  await expect(page.getByTestId('report-view-round')).toHaveText('第 2 次提交');

  // ── The reviewer compares both rounds side by side, then accepts.
  await switchUser(app, page, REVIEWER);
  await openReport(page, '张敏');
  await expect(page.getByTestId('review-screen')).toBeVisible();
  await expect(page.getByTestId('review-screen').getByTestId('evasion-alert')).toHaveCount(0);
  await page.getByTestId('compare-rounds').click();
  const compare = page.getByTestId('rounds-compare');
  await expect(compare.getByTestId('compare-left-head')).toContainText('第 1 次提交');
  await expect(compare.getByTestId('compare-left-head')).toContainText('退回重填：问题2只写了');
  await expect(compare.getByTestId('compare-right-head')).toContainText('第 2 次提交');
  await expect(compare.getByTestId('compare-right-head')).toContainText('待审核');
  await expect(compare.getByTestId('compare-row')).toHaveCount(2);
  const changedRow = compare.getByTestId('compare-row').filter({ hasText: '理论学习流于形式' });
  await expect(changedRow.getByTestId('compare-left-cell')).toContainText('存在不足');
  await expect(changedRow.getByTestId('compare-right-cell')).toContainText('5次以业务繁忙为由请假');
  await expect(changedRow.getByTestId('compare-changed')).toHaveCount(1);
  await expect(
    compare.getByTestId('compare-row').filter({ hasText: '案件久拖不结' }).getByTestId('compare-changed'),
  ).toHaveCount(0);
  await shot(page, 'inspection-rounds-compare.png');
  await page.keyboard.press('Escape');
  await expect(compare).toBeHidden();

  await reviewReport(page, 'accept', '查摆具体，同意通过。');
  await expect(page.getByTestId('accepted-banner')).toContainText('审核意见：查摆具体，同意通过。');

  // ── One click turns an accepted claim into a ledger entry; the claim then says so.
  const claim = await createLedgerFromClaim(page, '案件久拖不结');
  await expect(page.getByTestId('ledger-link')).toHaveAttribute('href', `#/campaign/${campaignId}/ledger`);
  await expect(claim.getByTestId('create-ledger')).toHaveCount(0);
  await shot(page, 'inspection-accepted.png');
  await page.reload();
  await openReport(page, '张敏');
  await expect(
    page.getByTestId('claim-card').filter({ hasText: '案件久拖不结' }).getByTestId('ledger-created'),
  ).toHaveText('已生成台账');
  await expect(
    page.getByTestId('claim-card').filter({ hasText: '理论学习流于形式' }).getByTestId('create-ledger'),
  ).toBeVisible();
});

test('审核人不能审核通过自己提交的报告；删除已认领的问题被拒绝', async ({ page, app }) => {
  const { campaignId, departmentId } = await seedSelfInspection(app);
  // The administrator (also a reviewer) files the 立案庭 report himself...
  const report = await app.call<{ id: string; version: number; claims: unknown[] }>('inspection.create', {
    campaignId,
    scope: 'department',
    departmentId,
  });
  const catalogue = await app.call<Catalogue>('problems.catalogue', { campaignId });
  const problem = catalogue.aspects[0].problems[0];
  const saved = await app.call<{ version: number }>('inspection.saveDraft', {
    id: report.id,
    version: report.version,
    claims: [
      {
        problemId: problem.id,
        facts: '2026年第一季度党组中心组学习传达上级精神后未制定落实措施。',
        cause: '重传达轻落实。',
        measures: '逐项制定落实清单。',
        deadline: '2026-09-30',
      },
    ],
  });
  await app.call('inspection.submit', { id: report.id, version: saved.version });

  // ...so he may not accept it: the refusal is shown in the dialog, the opinion stays.
  await openCampaignTab(page, app, INSPECTION_CAMPAIGN, 'inspection');
  await openReport(page, '立案庭');
  await page.getByTestId('review-accept').click();
  await page.getByTestId('review-form').getByTestId('review-text').fill('同意。');
  await page.getByTestId('review-form').getByTestId('review-confirm').click();
  await expect(page.getByTestId('review-error')).toBeVisible();
  await expect(page.getByTestId('review-form').getByTestId('review-text')).toHaveValue('同意。');
  await page.getByTestId('review-form').getByRole('button', { name: '取消' }).click();
  // The typed opinion is not thrown away without asking.
  await page.getByRole('dialog', { name: '放弃未保存的内容？' }).getByRole('button', { name: '放弃' }).click();
  await expect(page.getByTestId('review-form')).toBeHidden();
  await expect(page.getByTestId('report-view-status')).toHaveText('已提交');

  // A claimed problem cannot be deleted from the catalogue; the Chinese refusal says why.
  await page.getByTestId('insp-tab-catalogue').click();
  const row = page.getByTestId('problem').filter({ hasText: problem.title });
  await row.getByTestId('delete-problem').click();
  await page.getByRole('dialog').getByRole('button', { name: '删除问题' }).click();
  await expect(page.getByText(`问题“${problem.title}”已被`)).toContainText('不能删除');
  await expect(page.getByTestId('problem')).toHaveCount(4);

  // An unclaimed one can go, after confirming; the numbering closes up.
  await page.getByTestId('problem').filter({ hasText: '对当事人态度生硬' }).getByTestId('delete-problem').click();
  await page.getByRole('dialog').getByRole('button', { name: '删除问题' }).click();
  await expect(page.getByTestId('problem')).toHaveCount(3);
  await expect(page.getByTestId('catalogue-count')).toHaveText('共 2 个方面 3 个问题');

  // A new aspect with a problem, through the form.
  await page.getByTestId('add-aspect').click();
  await page.getByTestId('catalogue-form').getByRole('textbox', { name: '方面名称' }).fill('廉洁自律方面');
  await page.getByTestId('catalogue-form').getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('aspect-title')).toHaveText([
    '一、政治站位方面',
    '二、司法作风方面',
    '三、廉洁自律方面',
  ]);
  await page.getByTestId('aspect').nth(2).getByTestId('add-problem').click();
  await page.getByTestId('catalogue-form').getByRole('textbox', { name: '问题', exact: true }).fill('违规接受请托');
  await page.getByTestId('catalogue-form').getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('aspect').nth(2).getByTestId('problem')).toContainText('4.违规接受请托');
  await shot(page, 'inspection-catalogue.png');
});
