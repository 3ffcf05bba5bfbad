// Size limits a bundle reader enforces before and while it unpacks anything, so that a damaged or
// hostile file (zip bomb, millions of entries, one endless line) is refused instead of filling the
// disk or the memory of a court's office PC.

export interface BundleLimits {
  /** Entries besides manifest.json and manifest.sig. */
  maxEntries: number;
  maxManifestBytes: number;
  /** One rows/<table>.ndjson entry, uncompressed. */
  maxRowsEntryBytes: number;
  /** One evidence file (files/<sha256>). Nested bundles are bounded by maxTotalBytes instead. */
  maxFileBytes: number;
  /** Sum of all uncompressed entry sizes. */
  maxTotalBytes: number;
  /** One NDJSON line (one row). */
  maxLineBytes: number;
  /** Uncompressed / compressed; checked only for entries above RATIO_CHECK_MIN_BYTES. */
  maxCompressionRatio: number;
}

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

/** Small entries may compress extremely well (a file of blanks); only big ones are suspicious. */
export const RATIO_CHECK_MIN_BYTES = MiB;

/** manifest.sig holds one short JSON object; anything bigger is not ours. */
export const MAX_SIGNATURE_FILE_BYTES = 4096;

export const DEFAULT_LIMITS: BundleLimits = Object.freeze({
  maxEntries: 200_000,
  maxManifestBytes: 8 * MiB,
  maxRowsEntryBytes: 4 * GiB,
  maxFileBytes: 512 * MiB,
  maxTotalBytes: 16 * GiB,
  maxLineBytes: 4 * MiB,
  maxCompressionRatio: 1000,
});
