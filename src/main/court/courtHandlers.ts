// The court's part of the operation table: what the app reports about itself, the court profile
// (set up on first start), departments and people. The services live beside this file.
import type { courtOperations } from '../../shared/court/courtContract';
import type { AreaHandlers } from '../api/handlerTypes';
import * as accounts from '../access/accounts';
import { ensureCourtKeys } from '../sync/courtKeys';
import { startDemoJob } from '../demo/demoJob';
import * as court from './courtProfile';
import * as org from './departmentsAndPeople';

/** Exactly the operations of src/shared/court/courtContract.ts. */
export type CourtOperation = keyof typeof courtOperations;

export const courtHandlers: AreaHandlers<CourtOperation> = {
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

  'departments.list': (ctx) => org.listDepartments(ctx),
  'departments.create': (ctx, input) => org.createDepartment(ctx, input),
  'departments.update': (ctx, input) => org.updateDepartment(ctx, input),
  'departments.delete': (ctx, input) => org.deleteDepartment(ctx, input),
  'people.list': (ctx) => org.listPeople(ctx),
  'people.create': (ctx, input) => org.createPerson(ctx, input),
  'people.update': (ctx, input) => org.updatePerson(ctx, input),
  'people.delete': (ctx, input) => org.deletePerson(ctx, input),
};
