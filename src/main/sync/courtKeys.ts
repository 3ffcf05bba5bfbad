// This installation's key pair: Ed25519 to sign the bundles it writes, X25519 to receive bundles
// encrypted to it. Created at set-up (or on first use by a court set up before sync existed) and
// kept in the court database's settings; only the public halves ever leave it.
import type { ServiceContext } from '../api/context';
import { fingerprintOf, generateCourtKeys, type CourtKeys } from './format/keys';

const KEYS_SETTING = 'sync_keys';

export interface OwnKeys extends CourtKeys {
  fingerprint: string;
}

export async function ensureCourtKeys(ctx: Pick<ServiceContext, 'db'>): Promise<OwnKeys> {
  const stored = () => ctx.db.selectFrom('settings').select('value').where('key', '=', KEYS_SETTING).executeTakeFirst();
  let row = await stored();
  if (!row) {
    // ON CONFLICT DO NOTHING: two first uses at once keep whichever pair landed first.
    await ctx.db
      .insertInto('settings')
      .values({ key: KEYS_SETTING, value: JSON.stringify(generateCourtKeys()) })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    row = await stored();
  }
  const keys = JSON.parse(row!.value) as CourtKeys;
  return { ...keys, fingerprint: fingerprintOf(keys.signPublic, keys.boxPublic) };
}

export async function courtFingerprint(ctx: Pick<ServiceContext, 'db'>): Promise<string> {
  return (await ensureCourtKeys(ctx)).fingerprint;
}
