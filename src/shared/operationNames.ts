// The names of the API operations and the bridge's place on `window`, with no dependencies, so
// the preload scripts stay small. src/shared/api.ts gives each name its input schema and result.

export const OPERATION_NAMES = [
  'app.info',
  'court.get',
  'court.setup',
  'court.update',
  'demo.start',
  'jobs.get',
  'jobs.cancel',
  'departments.list',
  'departments.create',
  'departments.update',
  'departments.delete',
  'people.list',
  'people.create',
  'people.update',
  'people.delete',
  'campaigns.list',
  'campaigns.get',
  'campaigns.create',
  'campaigns.update',
  'campaigns.setStatus',
  'campaigns.delete',
  'sections.create',
  'sections.update',
  'sections.move',
  'sections.delete',
  'items.list',
  'items.search',
  'items.get',
  'items.create',
  'items.update',
  'items.delete',
  'items.move',
  'items.bulkUpdate',
  'items.markComplete',
  'items.signOff',
  'items.sendBack',
  'items.reopen',
  'progress.add',
  'evidence.add',
  'evidence.remove',
  'evidence.open',
  'stats.campaignProgress',
  'audit.list',
  'audit.verify',
] as const;

export type OperationName = (typeof OPERATION_NAMES)[number];

/** The bridge that each transport installs on `window` under this name. */
export const BRIDGE_GLOBAL = 'courtApi';

/** The one Electron IPC channel between the preload bridge and the main process. */
export const API_CHANNEL = 'court-api:call';
