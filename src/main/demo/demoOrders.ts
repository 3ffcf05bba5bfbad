// The demo's 督办 and 通报, so 本院挂图, 我的待办 and the 督办通报 tab have something on first start.
// Like the campaigns, they come from the demo superior through real packages: once the court's
// items are written (inside the demo transaction), the superior learns the court's key as if from
// its first report up, puts the court on its roster, issues a red 催办 督办单 on two of the court's
// overdue items and a blue 提醒 on one due soon (reply deadline about ten days ahead), and an issued
// 情况通报 naming the court critically; then it publishes the campaign, which writes the broadcast
// package (carrying the 通报) and the package sealed to the court (carrying the orders). The court
// imports both in its transaction and signs for the red order (its own 签收 row); the blue one
// waits to be signed for.
import { v7 as uuidv7 } from 'uuid';
import type { ServiceContext } from '../api/context';
import { currentActor, timestamp } from '../court/courtProfile';
import { withChanges, type ChangeWriter } from '../data/ownedRows';
import { formatDocNumber } from '../orders/docNumbers';
import type { OwnKeys } from '../sync/courtKeys';
import { publishCampaign } from '../sync/syncService';
import { fromDay, toDay } from './demoData';
import { DEMO_SUPERIOR, type DemoSuperior } from './demoSuperior';

/** The court as its superior would know it from its report up: its card and public keys. */
export interface DemoCourtCard {
  code: string;
  name: string;
  level: 'high' | 'intermediate' | 'basic';
  keys: OwnKeys;
}

/** The court's items an order concerns: two overdue (red 催办), one due soon (blue 提醒). */
export interface DemoOrderItems {
  overdue: string[];
  dueSoon: string[];
}

const PREFIX = '黑高法';
const RED_REQUIREMENT = '你院以下事项已超过完成期限，请抓紧推进，并于回复期限前报送办理情况（已完成的请附佐证材料）。';
const BLUE_REQUIREMENT = '你院以下事项临近完成期限，请提前安排，确保按期完成。';

/**
 * The court's own items of the campaign the orders concern, read in the demo transaction after
 * its items are written: the two overdue ones first in the list and one due within ten days.
 */
export async function demoOrderItems(writer: ChangeWriter, campaignId: string, today: string): Promise<DemoOrderItems> {
  const open = await writer.trx
    .selectFrom('items')
    .select(['id', 'deadline'])
    .where('campaignId', '=', campaignId)
    .where('origin', '=', writer.actor.court)
    .where('deletedAt', 'is', null)
    .where('status', 'in', ['not_started', 'in_progress', 'returned'])
    .where('deadline', 'is not', null)
    .orderBy('deadline')
    .orderBy('sortOrder')
    .execute();
  const soon = fromDay(toDay(today) + 10);
  return {
    overdue: open
      .filter((item) => item.deadline! < today)
      .slice(0, 2)
      .map((item) => item.id),
    dueSoon: open
      .filter((item) => item.deadline! >= today && item.deadline! <= soon)
      .slice(0, 1)
      .map((item) => item.id),
  };
}

/**
 * At the demo superior: the court known and on its roster, the two orders and the notice issued,
 * and the campaign published into `outDir`. Returns the files the court imports (the broadcast
 * package, then the one sealed to it) and the red order's id.
 */
export async function issueDemoOrders(
  superior: DemoSuperior,
  input: { court: DemoCourtCard; campaignId: string; today: string; items: DemoOrderItems; outDir: string },
): Promise<{ files: string[]; redOrderId: string | null }> {
  const ctx: ServiceContext = superior.ctx;
  const { court, today, items } = input;
  const now = timestamp(ctx);
  const year = Number(today.slice(0, 4));
  const replyDue = fromDay(toDay(today) + 10);
  // As its first report up would have left it: the court's card and keys, confirmed by phone.
  await ctx.db
    .insertInto('syncCourts')
    .values({
      code: court.code,
      name: court.name,
      level: court.level,
      parentCode: DEMO_SUPERIOR.code,
      signKey: court.keys.signPublic,
      boxKey: court.keys.boxPublic,
      fingerprint: court.keys.fingerprint,
      relation: 'subordinate',
      trustedAt: now,
      trustedBy: DEMO_SUPERIOR.operatorName,
      vouchedBy: null,
      lastSeq: 0,
      lastBundleAt: null,
      lastImportedAt: null,
      lastChangeThrough: null,
      auditCount: null,
      auditHash: null,
      auditAlert: null,
      auditAlertAt: null,
    })
    .execute();
  let redOrderId: string | null = null;
  const actor = await currentActor(ctx);
  await withChanges(ctx.db, actor, now, async (writer) => {
    await writer.insert(
      'rosterCourts',
      {
        code: court.code,
        name: court.name,
        level: court.level === 'intermediate' ? 'intermediate' : 'basic',
        parentCode: DEMO_SUPERIOR.code,
        jurisdiction: '',
        mergedAt: null,
        mergedInto: null,
        addedBy: 'manual',
      },
      'create',
    );
    let docSeq = 0;
    const order = async (
      kind: 'remind' | 'urge',
      colour: 'blue' | 'red',
      itemIds: string[],
      requirement: string,
    ): Promise<string> => {
      docSeq += 1;
      const row = await writer.insert(
        'supervisionOrders',
        {
          campaignId: input.campaignId,
          courtCode: court.code,
          batchId: uuidv7(),
          kind,
          colour,
          requirement,
          replyDue,
          docNumber: formatDocNumber(PREFIX, year, docSeq, 'order'),
          docYear: year,
          docSeq,
          itemIds: JSON.stringify(itemIds),
          issuedBy: DEMO_SUPERIOR.operatorName,
          issuedAt: now,
          decidedBy: null,
          decidedAt: null,
          decidedReplyId: null,
        },
        'issue-order',
      );
      return row.id;
    };
    if (items.overdue.length) redOrderId = await order('urge', 'red', items.overdue, RED_REQUIREMENT);
    if (items.dueSoon.length) await order('remind', 'blue', items.dueSoon, BLUE_REQUIREMENT);
    const campaign = await writer.trx
      .selectFrom('campaigns')
      .select('title')
      .where('id', '=', input.campaignId)
      .executeTakeFirstOrThrow();
    const periodFrom = `${today.slice(0, 7)}-01`;
    await writer.insert(
      'notices',
      {
        campaignId: input.campaignId,
        kind: 'situation',
        title: `关于${campaign.title}推进情况的通报`,
        addressees: '全省各级人民法院：',
        body: [
          `为推动${campaign.title}各项任务落实，本院对全省法院本月的推进情况进行了调度。现将有关情况通报如下：`,
          '一、总体情况。多数法院按照工作方案抓推进、抓落实，规定动作完成率稳步提高，按时报送进度。',
          `二、存在的问题。${court.name}推进迟缓，部分规定动作已超过完成期限仍未完成，且未按要求报送办理情况，予以通报批评。`,
          '三、工作要求。各院要对照任务清单逐项梳理，逾期事项限期完成，并按时报送办理情况。本院将持续跟踪督办。',
        ].join('\n'),
        issuerName: DEMO_SUPERIOR.name,
        namedCourts: JSON.stringify([{ code: court.code, name: court.name, stance: 'criticism' }]),
        periodFrom,
        periodTo: today,
        status: 'issued',
        docNumber: formatDocNumber(PREFIX, year, 1, 'notice'),
        docYear: year,
        docSeq: 1,
        signedDate: today,
        draftedBy: DEMO_SUPERIOR.operatorName,
        issuedBy: DEMO_SUPERIOR.operatorName,
        issuedAt: now,
      },
      'issue',
    );
  });
  const published = await publishCampaign(ctx, { campaignId: input.campaignId, folder: input.outDir });
  const sealed = (published.packages ?? []).filter((pkg) => pkg.target.code === court.code).map((pkg) => pkg.filePath);
  return { files: [published.filePath, ...sealed], redOrderId };
}

/** At the court, in the demo transaction: its 签收 of the red order, by the person loading the demo. */
export async function signDemoOrder(writer: ChangeWriter, orderId: string): Promise<void> {
  await writer.insert(
    'orderResponses',
    { orderId, kind: 'sign', status: 'sent', author: writer.actor.displayName, respondedAt: writer.now },
    'sign-for',
  );
}
