// Test harness: a real data folder in the OS temp directory, a real SQLite database, the real
// operation table. `call` goes through dispatch exactly as the transports do.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServices, type Services } from '../../src/main/app/services';
import { dispatch } from '../../src/main/api/dispatch';
import type { Host } from '../../src/main/api/context';
import type { Input, OperationName, Result, Results, Role, UserAccount } from '../../src/shared/api';

export interface Caller {
  call<K extends OperationName>(name: K, input?: Input<K>): Promise<Result<Results[K]>>;
  /** Like call, but fails the test with the Chinese message when the operation fails. */
  ok<K extends OperationName>(name: K, input?: Input<K>): Promise<Results[K]>;
}

export interface Harness extends Caller {
  dataDir: string;
  services: Services;
  opened: string[];
  /** Moves "now" for everything the services compute (lights, dates). */
  setNow(iso: string): void;
  /** Calls as another session (each has its own log-in), e.g. h.as('shenhe'). */
  as(caller: string): Caller;
  /**
   * Creates an account as the administrator, logs it in on a session of the same name and sets
   * its own password (so it is ready to work), and returns it.
   */
  addUser(fields: {
    username: string;
    displayName: string;
    roles: Role[];
    departmentId?: string | null;
    personId?: string | null;
  }): Promise<UserAccount>;
  close(): Promise<void>;
}

/** The administrator created with the court profile in every test court. */
export const ADMIN = { username: 'admin', password: 'Admin2026' };
/** The password every other test account ends up with. */
export const USER_PASSWORD = 'Passw0rd2026';

export function tempDir(prefix = 'court-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function openHarness(options: { dataDir?: string; now?: string } = {}): Promise<Harness> {
  const dataDir = options.dataDir ?? tempDir();
  let now = new Date(options.now ?? '2026-11-24T10:00:00+08:00');
  const opened: string[] = [];
  const host: Host = {
    async openPath(filePath) {
      opened.push(filePath);
      return true;
    },
  };
  const services = createServices({ dataDir, host, now: () => now });
  const callerFor = (caller: string): Caller => {
    const call = <K extends OperationName>(name: K, input?: Input<K>) => dispatch<K>(services.ctx, name, input, caller);
    return {
      call,
      async ok(name, input) {
        const result = await call(name, input);
        if (!result.ok)
          throw new Error(
            `${name}（${caller}）失败：${result.code} ${result.message} ${JSON.stringify(result.fieldErrors ?? {})}`,
          );
        return result.value;
      },
    };
  };
  const main = callerFor(ADMIN.username);
  return {
    dataDir,
    services,
    opened,
    setNow(iso) {
      now = new Date(iso);
    },
    ...main,
    as: callerFor,
    async addUser(fields) {
      const temporary = 'Temp2026start';
      await main.ok('users.create', { ...fields, password: temporary });
      const own = callerFor(fields.username);
      await own.ok('auth.login', { username: fields.username, password: temporary });
      await own.ok('auth.changePassword', { currentPassword: temporary, newPassword: USER_PASSWORD });
      return (await main.ok('users.list')).find((u) => u.username === fields.username)!;
    },
    close: () => services.close(),
  };
}

export const basicCourt = {
  name: '龙江县人民法院',
  code: 'J2301',
  level: 'basic' as const,
  parentCode: 'J23',
  parentName: '齐齐哈尔市中级人民法院',
  operatorName: '王书记员',
};

/** The basic court's parent, J23: the court a test sets up to hold J2301's rows relayed up. */
export const intermediateCourt = {
  name: '齐齐哈尔市中级人民法院',
  code: 'J23',
  level: 'intermediate' as const,
  parentCode: 'J00',
  parentName: '黑龙江省高级人民法院',
  operatorName: '李科长',
};

/** The setup call every test court makes: profile plus the first administrator (logged in). */
export const basicSetup = { profile: basicCourt, admin: ADMIN };

/** A harness with the court set up (the administrator logged in) and one campaign with two sections. */
export async function openCourt(options: { now?: string } = {}) {
  const h = await openHarness(options);
  await h.ok('court.setup', basicSetup);
  const campaign = await h.ok('campaigns.create', {
    title: '能力作风建设年',
    year: 2026,
    startDate: '2026-03-01',
    endDate: '2026-12-31',
  });
  let detail = await h.ok('sections.create', { campaignId: campaign.id, title: '争先创优年' });
  detail = await h.ok('sections.create', { campaignId: campaign.id, title: '案件质量提升年' });
  return { h, campaign, sections: detail.sections };
}
