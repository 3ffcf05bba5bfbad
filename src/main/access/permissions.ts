// Who may call each operation. Every operation must be listed (the type demands it), so a new
// one cannot slip in unguarded. Department limits for 填报人 and the two-person rule for sign-off
// are checked in the services, which know the record (see access.ts).
import type { OperationName, Role } from '../../shared/api';

export type Permission =
  /** No log-in needed: start-up, setup and the log-in itself. */
  | 'public'
  /** Any logged-in account. */
  | 'user'
  /** Logged in with at least one of these roles. */
  | readonly Role[];

const ADMIN = ['admin'] as const;
const MANAGERS = ['admin', 'reviewer'] as const;
const REVIEWER = ['reviewer'] as const;
/** Filers too, limited to their own department by the service. */
const WORKERS = ['admin', 'reviewer', 'filer'] as const;

export const permissions = {
  'app.info': 'public',
  'court.get': 'public',
  'court.setup': 'public',
  'court.update': ADMIN,
  'auth.status': 'public',
  'auth.bootstrap': 'public',
  'auth.login': 'public',
  'auth.logout': 'user',
  'auth.changePassword': 'user',
  'users.list': ADMIN,
  'users.create': ADMIN,
  'users.update': ADMIN,
  'users.resetPassword': ADMIN,

  'demo.start': ADMIN,
  'jobs.get': 'user',
  'jobs.cancel': 'user',

  'departments.list': 'user',
  'departments.create': ADMIN,
  'departments.update': ADMIN,
  'departments.delete': ADMIN,
  'people.list': 'user',
  'people.create': ADMIN,
  'people.update': ADMIN,
  'people.delete': ADMIN,

  'campaigns.list': 'user',
  'campaigns.get': 'user',
  'campaigns.create': MANAGERS,
  'campaigns.update': MANAGERS,
  'campaigns.setStatus': MANAGERS,
  'campaigns.delete': MANAGERS,
  'campaigns.setLightRules': MANAGERS,
  'sections.create': MANAGERS,
  'sections.update': MANAGERS,
  'sections.move': MANAGERS,
  'sections.delete': MANAGERS,

  'items.list': 'user',
  'items.search': 'user',
  'items.get': 'user',
  'items.create': WORKERS,
  'items.update': WORKERS,
  'items.delete': WORKERS,
  'items.move': MANAGERS,
  'items.bulkUpdate': MANAGERS,
  'items.markComplete': WORKERS,
  'items.signOff': REVIEWER,
  'items.sendBack': REVIEWER,
  'items.reopen': REVIEWER,
  'progress.add': WORKERS,
  'evidence.add': WORKERS,
  'evidence.remove': WORKERS,
  'evidence.open': 'user',
  'stats.campaignProgress': 'user',
  'lights.history': 'user',

  'audit.list': MANAGERS,
  'audit.verify': MANAGERS,

  'problems.catalogue': 'user',
  'problems.createAspect': MANAGERS,
  'problems.updateAspect': MANAGERS,
  'problems.deleteAspect': MANAGERS,
  'problems.create': MANAGERS,
  'problems.update': MANAGERS,
  'problems.delete': MANAGERS,

  'inspection.list': 'user',
  'inspection.get': 'user',
  'inspection.create': WORKERS,
  'inspection.saveDraft': WORKERS,
  'inspection.submit': WORKERS,
  'inspection.delete': WORKERS,
  'inspection.return': REVIEWER,
  'inspection.accept': REVIEWER,
  'inspection.checks': MANAGERS,

  'ledger.createFromClaim': WORKERS,
  'ledger.list': 'user',
  'ledger.closure': 'user',
  'ledger.getFinding': 'user',
  'ledger.createFinding': WORKERS,
  'ledger.updateFinding': WORKERS,
  'ledger.deleteFinding': WORKERS,
  'ledger.getMeasure': 'user',
  'ledger.createMeasure': WORKERS,
  'ledger.updateMeasure': WORKERS,
  'ledger.deleteMeasure': WORKERS,
  'ledger.addProgress': WORKERS,
  'ledger.submit': WORKERS,
  'ledger.signOff': REVIEWER,
  'ledger.sendBack': REVIEWER,
  'ledger.addEvidence': WORKERS,
  'ledger.removeEvidence': WORKERS,
  'ledger.openEvidence': 'user',
  'lookbacks.list': 'user',
  'lookbacks.record': REVIEWER,
  'lookbacks.reschedule': MANAGERS,

  'work.mine': 'user',

  'sync.overview': 'user',
  'sync.export': MANAGERS,
  'sync.publish': MANAGERS,
  'sync.upload': MANAGERS,
  'sync.discardUpload': MANAGERS,
  'sync.preview': MANAGERS,
  // Trusting a new court's key is part of importing; the import checks the confirmed fingerprint.
  'sync.import': MANAGERS,
  'sync.trusted': 'user',
  'sync.untrust': ADMIN,
  'sync.history': 'user',
  'sync.subordinates': 'user',
  'supervision.list': 'user',
  'supervision.add': MANAGERS,
  'supervision.delete': MANAGERS,
  'indicators.list': 'user',
  'indicators.create': MANAGERS,
  'indicators.update': MANAGERS,
  'indicators.delete': MANAGERS,
  // Entering a period's figure is everyday work; the service keeps filers to what they may do.
  'indicators.recordValue': WORKERS,
  'indicators.deleteValue': MANAGERS,
  'indicators.importValues': WORKERS,
  'items.importTemplate': MANAGERS,
  'boards.court': 'user',
  'boards.campaign': 'user',
  'boards.province': 'user',
  'reports.preview': 'user',
  'reports.export': 'user',
  'files.chooseFolder': 'user',
  // Whoever may add evidence (evidence.add, ledger.addEvidence, indicators.recordValue) may send its file.
  'files.upload': WORKERS,
  'files.discardUpload': WORKERS,
} as const satisfies Record<OperationName, Permission>;

/** What a person whose password must change may still do. */
export const ALLOWED_BEFORE_PASSWORD_CHANGE: ReadonlySet<OperationName> = new Set([
  'app.info',
  'court.get',
  'auth.status',
  'auth.login',
  'auth.logout',
  'auth.changePassword',
]);
