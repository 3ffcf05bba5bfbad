// What a bundle file holds, checked the way an import would check it but without writing
// anything: every entry read and hashed, every row checked against its table's schema and the
// manifest's range, every number shown counted, nested bundles verified on their own with the
// relaying court's right to carry them. With a court's data folder the signers' keys are also
// compared with the keys that court trusts; without one, only the bundle's self-consistency
// (its signature against the key it carries) can be — and is said to be — checked.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { BundleSummary } from '../../shared/model';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { getProfile } from '../court/courtProfile';
import { loadMigrations } from '../data/database';
import type { OpenedBundleZip } from './format/container';
import { decryptFile, readEnvelopeHeader } from './format/envelope';
import { assertLooksLikeBundle } from './notABundle';
import { fingerprintOf } from './format/keys';
import { DEFAULT_LIMITS } from './format/limits';
import { entryKind, type Manifest } from './format/manifest';
import { ensureCourtKeys } from './courtKeys';
import { SYNC_TABLES } from './syncTables';
import { bundleSummary, nestedSummary, tempPath } from './syncFiles';
import {
  checkEnvelopeMatches,
  checkNestedName,
  latestPlausibleDay,
  openVerifiedBundle,
  readCheckedRows,
} from './bundleChecks';
import { describeCourt, relayRefusal } from './bundleTrust';

/** How a signer's key stands with the court whose data folder was given. */
export type KeyStanding =
  /** A person at that court confirmed this key. */
  | 'trusted'
  /** That court holds this key only because a relaying court vouched for it. */
  | 'vouched'
  /** Not known there: a person must compare its fingerprint before an import. */
  | 'unknown'
  /** That court trusts another key for this court: an import would be refused. */
  | 'mismatch';

export interface SignerCheck {
  code: string;
  name: string;
  fingerprint: string;
  /** null without a data folder (self-consistency only). */
  standing: KeyStanding | null;
  /** For a nested bundle: the court that carries it and vouches for it. */
  vouchedBy: string | null;
}

export interface InspectResult {
  summary: BundleSummary | null;
  encrypted: boolean;
  /** The signature matches: the key the court trusts when one was given and is known (else the
   * key the manifest carries); false for a mismatch; null when the bundle could not be opened. */
  signatureValid: boolean | null;
  /** 'trusted-keys': compared with the keys a court's data folder trusts; 'self': only with the
   * keys the bundle itself carries, which anyone can forge — said plainly wherever shown. */
  checkedAgainst: 'trusted-keys' | 'self' | null;
  signers: SignerCheck[];
  envelope: { source: { code: string; name: string }; target: { code: string; name: string }; kind: string } | null;
  entries: number;
}

class Inspector {
  private readonly temps: string[] = [];
  readonly signers: SignerCheck[] = [];
  private mismatch = false;

  constructor(
    private readonly ctx: ServiceContext | undefined,
    private readonly reader: { schemaVersion: number; now: Date },
  ) {
    this.latestDay = latestPlausibleDay(reader.now);
  }

  private readonly latestDay: string;

  temp(label: string): string {
    const file = this.ctx
      ? tempPath(this.ctx.dataDir, label)
      : path.join(os.tmpdir(), `court-inspect-${label}-${process.pid}-${uuidv7()}`);
    this.temps.push(file);
    return file;
  }

  cleanup(): void {
    for (const file of this.temps) fs.rmSync(file, { force: true });
  }

  get keysMismatch(): boolean {
    return this.mismatch;
  }

  private async standing(manifest: Manifest): Promise<KeyStanding | null> {
    if (!this.ctx) return null;
    const known = await this.ctx.db
      .selectFrom('syncCourts')
      .select(['signKey', 'boxKey', 'vouchedBy'])
      .where('code', '=', manifest.source.code)
      .where('signKey', '!=', '')
      .executeTakeFirst();
    if (!known) return 'unknown';
    if (known.signKey !== manifest.source.signKey || known.boxKey !== manifest.source.boxKey) return 'mismatch';
    return known.vouchedBy ? 'vouched' : 'trusted';
  }

  /** Opens, verifies and reads one plain bundle; returns its summary with counted numbers. */
  async bundle(
    file: string,
    encrypted: boolean,
    carrier: Manifest | null,
  ): Promise<{ manifest: Manifest; summary: BundleSummary; entries: number }> {
    const { zip, manifest } = await openVerifiedBundle(file, this.reader);
    try {
      let vouchedBy: string | null = null;
      if (carrier) {
        const refusal = relayRefusal(carrier.kind, carrier.source, await this.carrierLevel(carrier), manifest.source);
        if (refusal) throw new ApiError('E_ORIGIN', `${refusal}。`);
        const vouch = carrier.vouches.find((card) => card.code === manifest.source.code);
        vouchedBy =
          vouch && vouch.signKey === manifest.source.signKey && vouch.boxKey === manifest.source.boxKey
            ? carrier.source.code
            : null;
      }
      const standing = await this.standing(manifest);
      if (standing === 'mismatch') this.mismatch = true;
      if (carrier && !vouchedBy && standing !== 'trusted' && standing !== 'vouched') {
        throw new ApiError(
          'E_UNTRUSTED',
          `${describeCourt(carrier.source)}转来的${describeCourt(manifest.source)}同步包没有得到它的担保，无法确认来源。`,
        );
      }
      this.signers.push({
        code: manifest.source.code,
        name: manifest.source.name,
        fingerprint: fingerprintOf(manifest.source.signKey, manifest.source.boxKey),
        standing,
        vouchedBy,
      });
      const nested = await this.nestedOf(zip, manifest);
      const rows = await this.rows(zip, manifest);
      await this.files(zip, manifest);
      const summary = bundleSummary(manifest, encrypted, nested, rows);
      return { manifest, summary, entries: manifest.entries.length };
    } finally {
      await zip.close();
    }
  }

  private async carrierLevel(carrier: Manifest): Promise<string> {
    const known = await this.ctx?.db
      .selectFrom('syncCourts')
      .select('level')
      .where('code', '=', carrier.source.code)
      .where('signKey', '!=', '')
      .executeTakeFirst();
    return known?.level || carrier.source.level;
  }

  private async rows(zip: OpenedBundleZip, manifest: Manifest): Promise<number> {
    let total = 0;
    for (const table of SYNC_TABLES) {
      const entry = manifest.entries.find((item) => item.name === `rows/${table.name}.ndjson`);
      if (!entry) continue;
      total += await readCheckedRows(zip, manifest, table.name, entry, this.latestDay);
    }
    return total;
  }

  private async files(zip: OpenedBundleZip, manifest: Manifest): Promise<void> {
    for (const entry of manifest.entries) {
      if (entryKind(entry.name).kind === 'file')
        await zip.verifyEntry(entry.name, entry.sha256, DEFAULT_LIMITS.maxFileBytes);
    }
  }

  private async nestedOf(zip: OpenedBundleZip, manifest: Manifest): Promise<BundleSummary['nested']> {
    const nested: BundleSummary['nested'] = [];
    for (const entry of manifest.entries) {
      const kind = entryKind(entry.name);
      if (kind.kind !== 'nested') continue;
      const inner = this.temp('nested');
      await zip.extractTo(entry.name, entry.sha256, DEFAULT_LIMITS.maxTotalBytes, inner);
      const { manifest: innerManifest, summary } = await this.bundle(inner, false, manifest);
      checkNestedName(kind, innerManifest);
      nested.push(nestedSummary(innerManifest, summary));
    }
    return nested;
  }
}

/** What a bundle file says about itself, checked as an import would check it; nothing is written.
 * With a court's data folder an encrypted bundle addressed to that court is opened too, and the
 * signers' keys are compared with the keys that court trusts. Throws ApiError for a bundle an
 * import would refuse as damaged, forged or malformed. */
export async function inspectBundle(file: string, ctx?: ServiceContext): Promise<InspectResult> {
  if (!fs.existsSync(file)) throw new ApiError('E_NOT_FOUND', `找不到文件：${file}`);
  const kind = await assertLooksLikeBundle(file);
  const inspector = new Inspector(ctx, {
    schemaVersion: ctx?.schemaVersion ?? loadMigrations().length,
    now: ctx?.now() ?? new Date(),
  });
  try {
    let plain = file;
    let envelope: InspectResult['envelope'] = null;
    if (kind === 'envelope') {
      const header = await readEnvelopeHeader(file);
      envelope = { source: header.source, target: header.target, kind: header.kind };
      const profile = ctx ? await getProfile(ctx) : null;
      if (!ctx || !profile || profile.code !== header.target.code) {
        return {
          summary: null,
          encrypted: true,
          signatureValid: null,
          checkedAgainst: null,
          signers: [],
          envelope,
          entries: 0,
        };
      }
      const keys = await ensureCourtKeys(ctx);
      plain = inspector.temp('inspect');
      await decryptFile(
        file,
        plain,
        { boxPublic: keys.boxPublic, boxPrivate: keys.boxPrivate, fingerprint: keys.fingerprint },
        DEFAULT_LIMITS.maxTotalBytes,
      );
    }
    const { manifest, summary, entries } = await inspector.bundle(plain, kind === 'envelope', null);
    if (envelope) checkEnvelopeMatches(envelope, manifest);
    return {
      summary,
      encrypted: kind === 'envelope',
      signatureValid: !inspector.keysMismatch,
      checkedAgainst: ctx ? 'trusted-keys' : 'self',
      signers: inspector.signers,
      envelope,
      entries,
    };
  } finally {
    inspector.cleanup();
  }
}
