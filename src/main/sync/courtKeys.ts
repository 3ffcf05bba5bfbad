// This installation's key pair: Ed25519 to sign the bundles it writes, X25519 to receive bundles
// encrypted to it. Created at set-up (or on first use by a court set up before sync existed) and
// kept in the court database's settings; only the public halves ever leave it.
import type { ServiceContext } from '../api/context';
import { fingerprintOf, generateCourtKeys, type CourtKeys } from './format/keys';

const KEYS_SETTING = 'sync_keys';

export interface OwnKeys extends CourtKeys {
  fingerprint: string;
}

export function ensureCourtKeysSync(sqlite: ServiceContext['sqlite']): OwnKeys {
  const row = sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(KEYS_SETTING) as
    { value: string } | undefined;
  let keys: CourtKeys;
  if (row) {
    keys = JSON.parse(row.value) as CourtKeys;
  } else {
    keys = generateCourtKeys();
    // INSERT OR IGNORE: two first uses at once keep whichever pair landed first.
    sqlite.prepare('INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)').run(KEYS_SETTING, JSON.stringify(keys));
    keys = JSON.parse(
      (sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(KEYS_SETTING) as { value: string }).value,
    ) as CourtKeys;
  }
  return { ...keys, fingerprint: fingerprintOf(keys.signPublic, keys.boxPublic) };
}

export async function ensureCourtKeys(ctx: Pick<ServiceContext, 'sqlite'>): Promise<OwnKeys> {
  return ensureCourtKeysSync(ctx.sqlite);
}

export async function courtFingerprint(ctx: Pick<ServiceContext, 'sqlite'>): Promise<string> {
  return (await ensureCourtKeys(ctx)).fingerprint;
}
