// The roster area of the operation table (应报法院, 报送情况): exactly the operations of
// src/shared/province/rosterContract.ts.
import type { rosterOperations } from '../../shared/province/rosterContract';
import type { AreaHandlers } from '../api/handlerTypes';
import { completeness, rulesView, setRules } from './reporting';
import { importRoster, rosterTemplate } from './rosterImport';
import {
  addRosterCourt,
  deleteRosterCourt,
  mergeRosterCourt,
  rosterView,
  unmergeRosterCourt,
  updateRosterCourt,
} from './rosterService';

export type RosterOperation = keyof typeof rosterOperations;

export const rosterHandlers: AreaHandlers<RosterOperation> = {
  'roster.list': (ctx) => rosterView(ctx),
  'roster.add': (ctx, input) => addRosterCourt(ctx, input),
  'roster.update': (ctx, input) => updateRosterCourt(ctx, input),
  'roster.merge': (ctx, input) => mergeRosterCourt(ctx, input),
  'roster.unmerge': (ctx, input) => unmergeRosterCourt(ctx, input),
  'roster.delete': (ctx, input) => deleteRosterCourt(ctx, input),
  'roster.import': (ctx, input) => importRoster(ctx, input),
  'roster.template': (ctx) => rosterTemplate(ctx),
  'reporting.rules': (ctx, input) => rulesView(ctx, input.campaignId),
  'reporting.setRules': (ctx, input) => setRules(ctx, input),
  'reporting.completeness': (ctx, input) => completeness(ctx, input),
};
