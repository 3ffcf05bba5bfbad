// The demo's superior court. The campaigns the demo says a higher court issued really are issued:
// a demo high court is set up in a temporary data folder, writes their definitions (the campaign,
// its sections and its 规定动作), and publishes each as a real signed package, which the clerk's
// court then imports like any other (sync/importBundle). The court's items of those campaigns are
// therefore copies of the issuer's (source_item_id set) whose definition the court cannot change,
// and the demo superior is a known, trusted superior court (sync_courts, fingerprint). What the
// court adds itself (自选动作, progress, evidence, reports, ledger, indicators) stays its own.
// The superior stays open through the demo job: once the court's items are written it also sends
// its 督办单 and a 通报 down (demoOrders.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_SUPERIOR_CODE } from '../../shared/demo/demoModel';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { dispatch } from '../api/dispatch';
import { createServices } from '../app/services';
import { openCliSession } from '../access/cliSession';
import { currentActor, timestamp } from '../court/courtProfile';
import { ORDER_GAP, withChanges, type ChangeWriter } from '../data/ownedRows';
import { courtFingerprint, publishCampaign } from '../sync/syncService';
import type { DemoCampaign, DemoSection } from './demoTypes';

/** The demo's superior court: the issuer the campaign files name. */
export const DEMO_SUPERIOR = {
  code: DEMO_SUPERIOR_CODE,
  name: '黑龙江省高级人民法院',
  level: 'high' as const,
  parentCode: '',
  parentName: '',
  operatorName: '示例上级法院',
};
const CALLER = 'demo-superior';

/** What the court needs to find its rows in an issued campaign: ids as published. */
export interface IssuedCampaign {
  campaignId: string;
  /** Section ids by their place in the demo file ('0', '0/2', …). */
  sections: Map<string, string>;
  /** The issuer's item ids of the 规定动作 by their place ('0/2#3'). */
  items: Map<string, string>;
}

export interface DemoPackages {
  fingerprint: string;
  files: string[];
  issued: Map<DemoCampaign, IssuedCampaign>;
}

/** Where a section sits in its campaign's file: the same key at the issuer and at the court. */
export const sectionKey = (parent: string | null, position: number) =>
  parent === null ? String(position) : `${parent}/${position}`;
export const itemKey = (section: string, order: number) => `${section}#${order}`;

export interface CampaignDates {
  year: number;
  startDate: string;
  endDate: string;
  /** Deadline of each item by its key (from the item's plan). */
  deadlines: Map<string, string>;
}

/** Writes one campaign's definition at the issuer: the campaign, every section, the 规定动作. */
async function writeDefinition(
  writer: ChangeWriter,
  campaign: DemoCampaign,
  dates: CampaignDates,
): Promise<IssuedCampaign> {
  const row = await writer.insert('campaigns', {
    title: campaign.title,
    issuingCourtCode: DEMO_SUPERIOR.code,
    issuingCourtName: DEMO_SUPERIOR.name,
    year: dates.year,
    startDate: dates.startDate,
    endDate: dates.endDate,
    description: campaign.description,
    status: 'active',
    yellowDays: 7,
  });
  const issued: IssuedCampaign = { campaignId: row.id, sections: new Map(), items: new Map() };
  const writeSections = async (sections: readonly DemoSection[], parentKey: string | null, parentId: string | null) => {
    for (const [position, section] of sections.entries()) {
      const key = sectionKey(parentKey, position);
      const sectionRow = await writer.insert('sections', {
        campaignId: row.id,
        parentId,
        title: section.title,
        sortOrder: position + 1,
      });
      issued.sections.set(key, sectionRow.id);
      for (const [order, item] of (section.items ?? []).entries()) {
        if (item.kind !== 'mandatory') continue;
        const itemRow = await writer.insert('items', {
          campaignId: row.id,
          sectionId: sectionRow.id,
          sortOrder: (order + 1) * ORDER_GAP,
          title: item.title,
          content: item.content,
          kind: 'mandatory',
          leadLeader: '',
          departmentId: null,
          owner: '',
          deadline: dates.deadlines.get(itemKey(key, order)) ?? null,
          frequency: item.frequency ?? 'once',
          status: 'not_started',
          percent: 0,
          completedAt: null,
          completedLate: 0,
        });
        issued.items.set(itemKey(key, order), itemRow.id);
      }
      await writeSections(section.children ?? [], key, sectionRow.id);
    }
  };
  await writeSections(campaign.sections, null, null);
  return issued;
}

/** The demo superior, open in its temporary folder for as long as the demo job needs it. */
export interface DemoSuperior {
  /** Its service context, logged in as its one account. */
  ctx: ServiceContext;
  /** Closes its database and removes its folder. */
  close(): Promise<void>;
}

/** Sets the demo superior up in a temporary folder (its clock is the court's). */
export async function openDemoSuperior(ctx: ServiceContext): Promise<DemoSuperior> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-demo-superior-'));
  const services = createServices({ dataDir: dir, now: () => ctx.now(), nativeBinding: ctx.nativeBinding });
  const close = async () => {
    await services.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const setup = await dispatch(
      services.ctx,
      'court.setup',
      // A throwaway folder nobody opens: the account only signs the superior's own changes.
      { profile: DEMO_SUPERIOR, admin: { username: 'demo-superior', password: 'Demo-superior-2026' } },
      CALLER,
    );
    if (!setup.ok) throw new ApiError(setup.code, setup.message);
    const user = await openCliSession(services.ctx);
    return { ctx: { ...services.ctx, caller: CALLER, user }, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Writes the campaigns' definitions at the demo superior and publishes each as a package into
 * `outDir`, for the caller to import.
 */
export async function buildDemoPackages(
  superior: DemoSuperior,
  campaigns: readonly { campaign: DemoCampaign; dates: CampaignDates }[],
  outDir: string,
): Promise<DemoPackages> {
  const actor = await currentActor(superior.ctx);
  const issued = new Map<DemoCampaign, IssuedCampaign>();
  await withChanges(superior.ctx.db, actor, timestamp(superior.ctx), async (writer) => {
    for (const { campaign, dates } of campaigns) issued.set(campaign, await writeDefinition(writer, campaign, dates));
  });
  const files: string[] = [];
  for (const { campaignId } of issued.values())
    files.push((await publishCampaign(superior.ctx, { campaignId, folder: outDir })).filePath);
  return { fingerprint: await courtFingerprint(superior.ctx), files, issued };
}
