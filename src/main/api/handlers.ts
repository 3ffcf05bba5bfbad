// The operation table: one handler per operation name in the shared contract. The Electron IPC
// handler, the local preview server and the command line all call these through dispatch().
import type { ServiceContext } from './context';
import { ApiError } from './errors';
import type { Handlers } from './handlerTypes';
import * as accounts from '../access/accounts';
import { inspectionHandlers } from '../inspection/inspectionHandlers';
import { ledgerHandlers } from '../ledger/ledgerHandlers';
import { syncHandlers } from '../sync/syncHandlers';
import { ensureCourtKeys } from '../sync/courtKeys';
import { supervisionHandlers } from '../supervision/supervisionHandlers';
import { indicatorHandlers } from '../indicators/indicatorHandlers';
import { boardHandlers } from '../boards/boardHandlers';
import { provinceHandlers } from '../province/provinceHandlers';
import { reportHandlers } from '../reports/reportHandlers';
import { templateImportHandlers } from '../checklist/templateImportHandlers';
import { myWork } from '../work/myWork';
import * as campaigns from '../campaigns/campaigns';
import * as items from '../checklist/items';
import * as court from '../court/courtProfile';
import * as org from '../court/departmentsAndPeople';
import * as evidence from '../evidence/evidenceStore';
import { EVIDENCE_UPLOADS } from '../evidence/evidenceFiles';
import { discardUpload, receiveChunk } from '../uploads/uploads';
import { listAudit } from '../audit/auditLog';
import { verifyCourtIntegrity } from '../audit/integrityCheck';
import { startDemoJob } from '../demo/demoJob';

function jobOrFail(status: ReturnType<ServiceContext['jobs']['get']>) {
  if (!status) throw new ApiError('E_NOT_FOUND', '找不到这项后台任务，它可能早已结束。');
  return status;
}

export const handlers: Handlers = {
  'app.info': async (ctx) => ({
    appVersion: ctx.appVersion,
    schemaVersion: ctx.schemaVersion,
    dataDir: ctx.dataDir,
    today: court.today(ctx),
  }),
  'court.get': (ctx) => court.getProfile(ctx),
  'court.setup': async (ctx, input) => {
    const profile = await court.setupProfile(ctx, input);
    // The court's key pair is made at set-up, so its fingerprint can be read out from day one.
    await ensureCourtKeys(ctx);
    // The administrator was just logged in on this caller: the demo is written in their name.
    const user = await accounts.loadSessionUser(ctx, ctx.sessions.userIdOf(ctx.caller) ?? '');
    return { profile, demoJobId: input.loadDemo ? startDemoJob({ ...ctx, user }) : null };
  },
  'court.update': (ctx, input) => court.updateProfile(ctx, input),

  'demo.start': async (ctx) => {
    await court.requireProfile(ctx);
    return { jobId: startDemoJob(ctx) };
  },
  'jobs.get': async (ctx, input) => jobOrFail(ctx.jobs.get(input.jobId)),
  'jobs.cancel': async (ctx, input) => jobOrFail(ctx.jobs.cancel(input.jobId)),

  'departments.list': (ctx) => org.listDepartments(ctx),
  'departments.create': (ctx, input) => org.createDepartment(ctx, input),
  'departments.update': (ctx, input) => org.updateDepartment(ctx, input),
  'departments.delete': (ctx, input) => org.deleteDepartment(ctx, input),
  'people.list': (ctx) => org.listPeople(ctx),
  'people.create': (ctx, input) => org.createPerson(ctx, input),
  'people.update': (ctx, input) => org.updatePerson(ctx, input),
  'people.delete': (ctx, input) => org.deletePerson(ctx, input),

  'campaigns.list': (ctx, input) => campaigns.listCampaigns(ctx, input),
  'campaigns.get': (ctx, input) => campaigns.getCampaign(ctx, input.id),
  'campaigns.create': (ctx, input) => campaigns.createCampaign(ctx, input),
  'campaigns.update': (ctx, input) => campaigns.updateCampaign(ctx, input),
  'campaigns.setStatus': (ctx, input) => campaigns.setCampaignStatus(ctx, input),
  'campaigns.delete': (ctx, input) => campaigns.deleteCampaign(ctx, input),
  'sections.create': (ctx, input) => campaigns.createSection(ctx, input),
  'sections.update': (ctx, input) => campaigns.updateSection(ctx, input),
  'sections.move': (ctx, input) => campaigns.moveSection(ctx, input),
  'sections.delete': (ctx, input) => campaigns.deleteSection(ctx, input),

  'items.list': (ctx, input) => items.listItems(ctx, input.campaignId, input.courtCode),
  'items.search': (ctx, input) => items.searchItems(ctx, input),
  'items.get': (ctx, input) => items.getItem(ctx, input.id),
  'items.create': (ctx, input) => items.createItem(ctx, input),
  'items.update': (ctx, input) => items.updateItem(ctx, input),
  'items.delete': (ctx, input) => items.deleteItems(ctx, input),
  'items.move': (ctx, input) => items.moveItem(ctx, input),
  'items.bulkUpdate': (ctx, input) => items.bulkUpdateItems(ctx, input),
  'items.markComplete': (ctx, input) => items.markComplete(ctx, input),
  'items.signOff': (ctx, input) => items.signOff(ctx, input),
  'items.sendBack': (ctx, input) => items.sendBack(ctx, input),
  'items.reopen': (ctx, input) => items.reopen(ctx, input),
  'progress.add': (ctx, input) => items.addProgress(ctx, input),

  'evidence.add': (ctx, input) => evidence.addEvidence(ctx, input),
  'evidence.remove': (ctx, input) => evidence.removeEvidence(ctx, input),
  'evidence.open': (ctx, input) => evidence.openEvidence(ctx, input.id),

  'stats.campaignProgress': (ctx, input) => items.campaignProgress(ctx, input.campaignId, input.courtCode),
  'audit.list': (ctx, input) => listAudit(ctx.db, input),
  'audit.verify': (ctx) => verifyCourtIntegrity(ctx),

  'auth.status': (ctx) => accounts.authStatus(ctx),
  'auth.bootstrap': (ctx, input) => accounts.bootstrap(ctx, input),
  'auth.login': (ctx, input) => accounts.login(ctx, input),
  'auth.logout': (ctx) => accounts.logout(ctx),
  'auth.changePassword': (ctx, input) => accounts.changePassword(ctx, input),
  'users.list': (ctx) => accounts.listUsers(ctx),
  'users.create': (ctx, input) => accounts.createUser(ctx, input),
  'users.update': (ctx, input) => accounts.updateUser(ctx, input),
  'users.resetPassword': (ctx, input) => accounts.resetPassword(ctx, input),

  'campaigns.setLightRules': (ctx, input) => campaigns.setLightRules(ctx, input),
  'work.mine': (ctx) => myWork(ctx),
  'files.chooseFolder': async (ctx) => ({ path: ctx.host.chooseFolder ? await ctx.host.chooseFolder() : null }),
  'files.upload': async (ctx, input) => receiveChunk(ctx, EVIDENCE_UPLOADS, input),
  'files.discardUpload': async (ctx, input) => ({ discarded: discardUpload(ctx, EVIDENCE_UPLOADS, input.uploadId) }),

  ...inspectionHandlers,
  ...ledgerHandlers,
  ...syncHandlers,
  ...supervisionHandlers,
  ...indicatorHandlers,
  ...boardHandlers,
  ...provinceHandlers,
  ...reportHandlers,
  ...templateImportHandlers,
};
