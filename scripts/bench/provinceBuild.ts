// Builds the bench province, one court at a time (the orchestrator runs several of these child
// processes side by side): each court is set up through the real API (which creates its keys),
// the high court defines and publishes five campaigns, every other court imports its parent's
// packages through the real engine (intermediate courts then relay them down), and finally each
// court's own work is filled fast with plain SQL (provinceFill.ts). None of this is measured.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createServices, type Services } from '../../src/main/app/services';
import { dispatch } from '../../src/main/api/dispatch';
import type { ServiceContext } from '../../src/main/api/context';
import { loadSessionUser } from '../../src/main/access/accounts';
import { courtFingerprint, importBundle, publishCampaign } from '../../src/main/sync/syncService';
import { fillCourt } from './provinceFill';
import {
  BENCH_NOW,
  CAMPAIGN_TITLES,
  CAMPAIGN_YEAR,
  CHILD_SECTIONS,
  MANDATORY_PER_CAMPAIGN,
  PROVINCE_ADMIN,
  TOP_SECTIONS,
  provincePaths,
  type CourtSpec,
  type CourtState,
} from './provinceShape';

type Ok<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

function expectOk<T>(result: Ok<T>, what: string): T {
  if (!result.ok) throw new Error(`${what} 失败：${result.code} ${result.message}`);
  return result.value;
}

export function openCourtServices(dataDir: string): Services {
  const fixed = new Date(BENCH_NOW);
  return createServices({ dataDir, now: () => fixed });
}

/** The service context acting as the court's administrator, as the sync worker gets it. */
export async function engineContext(services: Services): Promise<ServiceContext> {
  const ctx = services.ctx;
  const row = ctx.sqlite.prepare('SELECT id FROM users WHERE username = ?').get(PROVINCE_ADMIN.username) as
    { id: string } | undefined;
  const user = row ? await loadSessionUser(ctx, row.id) : null;
  if (!user) throw new Error(`${ctx.dataDir} 中没有管理员账号 ${PROVINCE_ADMIN.username}`);
  return { ...ctx, user, caller: 'bench-engine' };
}

async function setUp(services: Services, court: CourtSpec): Promise<void> {
  const profile = {
    name: court.name,
    code: court.code,
    level: court.level,
    parentCode: court.parentCode,
    parentName: court.parentName,
    operatorName: court.operatorName,
  };
  expectOk(
    await dispatch(services.ctx, 'court.setup', { profile, admin: PROVINCE_ADMIN }),
    `${court.code} court.setup`,
  );
}

function writeState(work: string, state: CourtState): void {
  const file = provincePaths(work).state(state.code);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(state));
}

export function readState(work: string, code: string): CourtState {
  return JSON.parse(fs.readFileSync(provincePaths(work).state(code), 'utf8')) as CourtState;
}

/**
 * Sets a court up, lets `prepare` define or import campaigns through the engine (it returns the
 * packages it left for the court's subordinates), then fills the court's own work and records its
 * state for the courts built after it.
 */
async function build(
  work: string,
  court: CourtSpec,
  prepare: (services: Services, ctx: ServiceContext, packagesFolder: string) => Promise<string[]>,
): Promise<CourtState> {
  const started = performance.now();
  const paths = provincePaths(work);
  const dataDir = paths.court(court.code);
  const services = openCourtServices(dataDir);
  let packages: string[];
  let fingerprint: string;
  try {
    await setUp(services, court);
    const ctx = await engineContext(services);
    packages = await prepare(services, ctx, paths.packages(court.code));
    fingerprint = await courtFingerprint(ctx);
  } finally {
    await services.close();
  }
  const filled = fillCourt(dataDir, court.code);
  const state: CourtState = {
    code: court.code,
    fingerprint,
    packages,
    rows: filled.ownRows,
    buildMs: Math.round(performance.now() - started),
  };
  writeState(work, state);
  return state;
}

/** The high court: five campaigns with sections and mandatory items, published as packages. */
export async function buildHigh(work: string, high: CourtSpec): Promise<CourtState> {
  return build(work, high, async (services, ctx, folder) => {
    const packages: string[] = [];
    const call = <T>(op: string, input: unknown) => dispatch(services.ctx, op, input) as Promise<Ok<T>>;
    fs.mkdirSync(folder, { recursive: true });
    for (const [c, title] of CAMPAIGN_TITLES.entries()) {
      const campaign = expectOk(
        await call<{ id: string }>('campaigns.create', {
          title,
          year: CAMPAIGN_YEAR,
          startDate: `${CAMPAIGN_YEAR}-01-01`,
          endDate: `${CAMPAIGN_YEAR}-12-31`,
          description: '全省法院统一部署的专项活动（性能基准）。',
        }),
        'campaigns.create',
      );
      const leaves: string[] = [];
      for (let t = 0; t < TOP_SECTIONS; t += 1) {
        const top = expectOk(
          await call<{ sections: { id: string; title: string }[] }>('sections.create', {
            campaignId: campaign.id,
            title: `第${t + 1}部分：重点工作${c + 1}-${t + 1}`,
          }),
          'sections.create',
        );
        const topId = top.sections.find((s) => s.title === `第${t + 1}部分：重点工作${c + 1}-${t + 1}`)!.id;
        for (let s = 0; s < CHILD_SECTIONS; s += 1) {
          const childTitle = `任务组${c + 1}-${t + 1}-${s + 1}`;
          const detail = expectOk(
            await call<{ sections: { id: string; title: string }[] }>('sections.create', {
              campaignId: campaign.id,
              parentId: topId,
              title: childTitle,
            }),
            'sections.create',
          );
          leaves.push(detail.sections.find((section) => section.title === childTitle)!.id);
        }
      }
      for (let i = 0; i < MANDATORY_PER_CAMPAIGN; i += 1) {
        expectOk(
          await call('items.create', {
            campaignId: campaign.id,
            sectionId: leaves[i % leaves.length],
            title: `规定动作${c + 1}-${i + 1}：按全省统一部署开展专项工作`,
            content: '全省各级法院统一落实，按月报送进展情况，年底前对账销号。',
            kind: 'mandatory',
            deadline: `${CAMPAIGN_YEAR}-${String(1 + (i % 12)).padStart(2, '0')}-28`,
            frequency: i % 4 === 0 ? 'monthly' : 'once',
            // The bench's clock stands at the year's end: most deadlines are past, which needs a reason.
            deadlineReason: '按全省统一部署的时间节点补录',
          }),
          'items.create',
        );
      }
      packages.push((await publishCampaign(ctx, { campaignId: campaign.id, folder })).filePath);
    }
    return packages;
  });
}

/** An intermediate or basic court: set up, import the parent's packages, relay them (intermediate), fill. */
export async function buildCourt(work: string, court: CourtSpec): Promise<CourtState> {
  const parent = readState(work, court.parentCode);
  return build(work, court, async (_services, ctx, folder) => {
    const packages: string[] = [];
    for (const file of parent.packages) {
      const report = await importBundle(ctx, { file, dryRun: false, trust: [parent.fingerprint] });
      if (report.outcome !== 'imported' || report.materialized.added !== MANDATORY_PER_CAMPAIGN) {
        throw new Error(
          `${court.code} 导入下发包 ${file} 结果不对：${report.message}（本院副本 ${report.materialized.added} 项）`,
        );
      }
    }
    if (court.level === 'intermediate') {
      fs.mkdirSync(folder, { recursive: true });
      const campaigns = ctx.sqlite
        .prepare('SELECT id FROM campaigns WHERE deleted_at IS NULL ORDER BY created_at, id')
        .all() as { id: string }[];
      for (const campaign of campaigns)
        packages.push((await publishCampaign(ctx, { campaignId: campaign.id, folder })).filePath);
    }
    return packages;
  });
}
