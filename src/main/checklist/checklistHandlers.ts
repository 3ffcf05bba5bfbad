// The checklist's part of the operation table (推进清单): sections, items, progress notes,
// sign-off, progress figures, and the template import (templateImportHandlers.ts). Sections are
// kept by the campaign service, which owns the section tree.
import type { checklistOperations } from '../../shared/checklist/checklistContract';
import type { AreaHandlers } from '../api/handlerTypes';
import * as campaigns from '../campaigns/campaigns';
import * as items from './items';
import { itemIds, itemOverview, itemWindow } from './itemWindow';
import { templateImportHandlers } from './templateImportHandlers';

/** Exactly the operations of src/shared/checklist/checklistContract.ts. */
export type ChecklistOperation = keyof typeof checklistOperations;

export const checklistHandlers: AreaHandlers<ChecklistOperation> = {
  'sections.create': (ctx, input) => campaigns.createSection(ctx, input),
  'sections.update': (ctx, input) => campaigns.updateSection(ctx, input),
  'sections.move': (ctx, input) => campaigns.moveSection(ctx, input),
  'sections.delete': (ctx, input) => campaigns.deleteSection(ctx, input),

  'items.list': (ctx, input) => items.listItems(ctx, input.campaignId, input.courtCode),
  'items.search': (ctx, input) => items.searchItems(ctx, input),
  'items.window': (ctx, input) => itemWindow(ctx, input),
  'items.ids': (ctx, input) => itemIds(ctx, input),
  'items.overview': (ctx, input) => itemOverview(ctx, input),
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
  'items.extendDeadline': (ctx, input) => items.extendDeadline(ctx, input),
  'progress.add': (ctx, input) => items.addProgress(ctx, input),
  'stats.campaignProgress': (ctx, input) => items.campaignProgress(ctx, input.campaignId, input.courtCode),
  ...templateImportHandlers,
};
