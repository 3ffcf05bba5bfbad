// The end-to-end story in one test, all through the screens: a 填报人 files a
// self-inspection report, a 审核人 returns it (退回重填), it is refiled and accepted, a ledger entry
// is created from the accepted claim (生成整改台账), the filer works the measure (progress, an
// after-photo, 提交销号), another person signs it off (对账销号), and the look-back (回头看) is
// recorded as passed: the measure ends 回头看通过 and the closure figures count it closed.
// Only the court, accounts and catalogue are set up, and users switched, through the API.
import { expect, test } from './fixtures';
import {
  INSPECTION_CAMPAIGN,
  INSPECTION_FILER as FILER,
  INSPECTION_REVIEWER as REVIEWER,
  PHOTO,
  actAs,
  addClaims,
  createLedgerFromClaim,
  measureAction,
  newOwnReport,
  openCampaignTab,
  openLookbackQueue,
  openReport,
  recordLookback,
  rescheduleLookback,
  reviewReport,
  scheduledLookbackDue,
  seedSelfInspection,
  shot,
  submitReport,
  switchUser,
  today,
  uploadEvidence,
} from './steps';

const PROBLEM = '案件久拖不结、超审限';
const MEASURE = '建立审限节点提醒台账，每周核对一次';

test('查摆报告 → 退回重填 → 重交通过 → 生成整改台账 → 填报进展和佐证 → 对账销号 → 回头看通过', async ({
  page,
  app,
}) => {
  await seedSelfInspection(app);

  // ── 张敏 (填报人, 立案庭) files her report with one claim whose facts are too thin.
  await actAs(app, FILER);
  await openCampaignTab(page, app, INSPECTION_CAMPAIGN, 'inspection');
  await page.getByTestId('insp-tab-reports').click();
  await newOwnReport(page, '张敏（立案庭）');
  await expect(page.getByTestId('report-heading')).toHaveText('张敏的查摆报告表');
  const [claim] = await addClaims(page, [
    {
      problem: `3. ${PROBLEM}`,
      facts: '有超审限情况',
      cause: '审限管理意识不强，未按节点跟踪排期。',
      measures: MEASURE,
      deadline: '2026-12-31',
    },
  ]);
  await submitReport(page);
  await expect(page.getByTestId('report-view-status')).toHaveText('已提交');

  // ── 李红 (审核人) sees the evasion hint and returns it for concrete facts.
  await switchUser(app, page, REVIEWER);
  await page.getByTestId('insp-tab-review').click();
  await openReport(page, '张敏', page.getByTestId('review-overview'));
  await expect(page.getByTestId('review-screen').getByTestId('evasion-alert')).toContainText('过于简单');
  await reviewReport(page, 'return', '请写明具体的案号、超审限天数。');

  // ── 张敏 reads the reason, writes the facts out and submits again.
  await switchUser(app, page, FILER);
  await openReport(page, '张敏');
  await expect(page.getByTestId('returned-banner')).toContainText('退回重填：请写明具体的案号、超审限天数。');
  await claim
    .getByTestId('claim-facts')
    .fill('2026年3月承办的（2026）鄂0583民初123号合同纠纷案件，因排期拖延超审限20天结案。');
  await submitReport(page);
  await expect(page.getByTestId('report-view-status')).toHaveText('已提交');
  await expect(page.getByTestId('report-view-round')).toHaveText('第 2 次提交');

  // ── 李红 accepts it and turns the claim into a ledger entry in one click.
  await switchUser(app, page, REVIEWER);
  await openReport(page, '张敏');
  await expect(page.getByTestId('review-screen').getByTestId('evasion-alert')).toHaveCount(0);
  await reviewReport(page, 'accept', '查摆具体，同意通过。');
  await createLedgerFromClaim(page, PROBLEM);
  await page.getByTestId('ledger-link').click();
  await expect(page.getByTestId('ledger-tab')).toBeVisible();
  const findingCell = page.getByTestId('finding-cell').filter({ hasText: PROBLEM });
  await expect(findingCell).toContainText('自查');
  await expect(findingCell).toContainText('张敏查摆');
  const measureRow = page.getByTestId('measure-row').filter({ hasText: MEASURE });
  await expect(measureRow.getByTestId('measure-row-status')).toHaveText('待整改');
  await expect(measureRow).toContainText('张敏');
  await expect(measureRow).toContainText('2026-12-31');
  await expect(page.getByTestId('closure-line-self_inspection')).toContainText('查摆问题 1 个，办结 0 个，办结率 0.0%');

  // ── 张敏 works the measure: progress, an after-photo, then 提交销号. She may not sign it off.
  await switchUser(app, page, FILER);
  await measureRow.click();
  const drawer = page.getByTestId('measure-drawer');
  await expect(drawer.getByTestId('measure-status')).toHaveText('待整改');
  await expect(drawer.getByTestId('measure-finding')).toContainText('超审限20天');
  await measureAction(page, 'progress', '已建立审限节点提醒台账，4月起每周一核对在办案件审限。');
  await expect(drawer.getByTestId('measure-status')).toHaveText('整改中');
  await uploadEvidence(page, 'after', { name: '审限提醒台账.png', mimeType: 'image/png', buffer: PHOTO });
  await expect(measureRow.getByTestId('measure-row-evidence')).toHaveText('1');
  await measureAction(page, 'submit', '审限提醒台账运行半年，在办案件无新增超审限。');
  await expect(drawer.getByTestId('measure-status')).toHaveText('待销号');
  await expect(drawer.getByTestId('action-signoff')).toHaveCount(0);
  // The open measure is part of the page's address: closed, the reload below shows the ledger alone.
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  // ── 李红 (not the submitter) signs it off; a look-back is scheduled six months ahead.
  await switchUser(app, page, REVIEWER);
  await measureRow.click();
  await expect(drawer.getByTestId('measure-own-work-hint')).toHaveCount(0);
  await measureAction(page, 'signoff', '台账和运行记录齐全，同意销号。');
  await expect(drawer.getByTestId('measure-status')).toHaveText('已销号');
  const due = await scheduledLookbackDue(page);
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(page.getByTestId('closure-line-self_inspection')).toContainText(
    '查摆问题 1 个，办结 1 个，办结率 100.0%',
  );

  // ── In the 回头看 queue: the re-check is moved to today (the preview runs on the real clock)
  // and recorded as passed by 李红, who did not submit the measure.
  await openLookbackQueue(page);
  const lookback = page.getByTestId('lookback-row').filter({ hasText: MEASURE });
  await expect(lookback.getByTestId('lookback-due')).toHaveText(due);
  await rescheduleLookback(page, lookback, today());
  await expect(lookback).toContainText('今天到期');
  await recordLookback(page, lookback, {
    verdict: '通过',
    note: '抽查在办案件30件，审限节点均按时核对，未发现超审限反弹。',
  });
  await expect(lookback).toHaveCount(0);
  await page.getByTestId('lookback-include-done').click();
  await expect(lookback.getByTestId('lookback-status')).toHaveText('通过');

  // ── Back in the ledger: 回头看通过, and the closure figures count the finding closed.
  await lookback.getByTestId('lookback-measure').click();
  await expect(drawer.getByTestId('measure-status')).toHaveText('回头看通过');
  await drawer.getByTestId('measure-tab-events').click();
  const events = drawer.getByTestId('measure-event');
  await expect(events).toHaveCount(4);
  await expect(events.nth(0)).toContainText('回头看通过');
  await expect(events.nth(1)).toContainText('对账销号');
  await expect(events.nth(1)).toContainText('李红');
  await expect(events.nth(2)).toContainText('提交销号');
  await expect(events.nth(2)).toContainText('张敏');
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(measureRow.getByTestId('measure-row-status')).toHaveText('回头看通过');
  await expect(page.getByTestId('fig-ledger-total-value')).toHaveText('1');
  await expect(page.getByTestId('fig-ledger-closed-value')).toHaveText('1');
  await expect(page.getByTestId('fig-ledger-rate-value')).toHaveText('100.0');
  await expect(page.getByTestId('fig-ledger-open-value')).toHaveText('0');
  await expect(page.getByTestId('closure-line-overall')).toContainText('办结率 100.0%');
  await expect(page.getByTestId('closure-line-self_inspection')).toContainText(
    '查摆问题 1 个，办结 1 个，办结率 100.0%',
  );
  // The screenshot once the drawer has faded out and the notices have closed themselves.
  await expect(page.locator('.mantine-Drawer-overlay')).toHaveCount(0);
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0);
  await shot(page, 'rectification-flow.png');
});
