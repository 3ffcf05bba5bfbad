// The content-addressed store of evidence files (evidence/<xx>/<sha256>). Every file is durable
// (flushed, atomically renamed, its folder flushed) BEFORE the rows that cite it commit, and is
// noted in the operation's file journal first, so a crash at any moment leaves either a file the
// committed rows cite or one the next start removes — never a row without its file.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { FileJournal } from '../durability/fileJournal';
import { crashPoint } from '../durability/crashPoints';

export const EVIDENCE_DIR = 'evidence';

export function blobPath(dataDir: string, sha256: string): string {
  return path.join(dataDir, EVIDENCE_DIR, sha256.slice(0, 2), sha256);
}

export function sha256Of(bytes: Buffer): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

const HASH_BUFFER = 1024 * 1024;

/** SHA-256 of a file read in pieces (no whole-file buffer); null when it cannot be read. For the
 * few checks that must stay synchronous (settling exports while the data folder is opened). */
export function hashFileSync(file: string): string | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const hash = crypto.createHash('sha256');
    const buffer = Buffer.allocUnsafe(HASH_BUFFER);
    for (;;) {
      const read = fs.readSync(fd, buffer, 0, HASH_BUFFER, null);
      if (read === 0) break;
      hash.update(buffer.subarray(0, read));
    }
    return hash.digest('hex');
  } catch {
    return null;
  } finally {
    fs.closeSync(fd);
  }
}

/** SHA-256 and length of a file, read in pieces (a 200 MB scan never sits in memory whole). */
export async function hashFile(file: string): Promise<{ sha256: string; size: number }> {
  const hash = crypto.createHash('sha256');
  let size = 0;
  for await (const piece of fs.createReadStream(file, { highWaterMark: HASH_BUFFER })) {
    hash.update(piece as Buffer);
    size += (piece as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}

/** The stored file is there and holds exactly the content its name promises (read without
 * blocking: a file may be hundreds of megabytes). */
export async function blobIntact(dataDir: string, sha256: string, size?: number): Promise<boolean> {
  const file = blobPath(dataDir, sha256);
  try {
    const stat = await fs.promises.stat(file);
    if (!stat.isFile() || (size !== undefined && stat.size !== size)) return false;
    return (await hashFile(file)).sha256 === sha256;
  } catch {
    return false;
  }
}

/**
 * Stores the evidence files of one operation. Use `putBytes` / `place`, then, after the
 * transaction that records them: `committed()`; or, when it failed or rolled back (for an import:
 * before the rollback, while the write lock is still held): `discard()`.
 */
export class BlobWriter {
  private readonly journal: FileJournal;
  /** Files this writer put where there was none: removed again if nothing will cite them. (A
   * damaged file replaced by a good copy stays replaced.) */
  private readonly created = new Set<string>();
  /** Bytes of files stored from memory, to restore one a concurrent clean-up took away. */
  private readonly kept = new Map<string, Buffer>();
  private settled = false;

  constructor(private readonly dataDir: string) {
    this.journal = new FileJournal(dataDir);
  }

  /** Stores the bytes under their hash unless an intact copy is there; returns the hash. */
  async putBytes(bytes: Buffer): Promise<string> {
    const sha256 = sha256Of(bytes);
    this.kept.set(sha256, bytes);
    await this.place(sha256, bytes.length, (temp) => fs.writeFileSync(temp, bytes));
    return sha256;
  }

  /**
   * Puts a file under `sha256` unless an intact copy is there: `produce` writes it to the given
   * temporary path and must itself check that the content has this hash (as bundle extraction
   * does). Returns whether a file was placed (new, or replacing a missing or damaged one).
   */
  async place(
    sha256: string,
    size: number,
    produce: (tempPath: string) => void | Promise<void>,
  ): Promise<'placed' | 'present'> {
    if (await blobIntact(this.dataDir, sha256, size)) return 'present';
    const { existed } = await this.journal.place(blobPath(this.dataDir, sha256), produce, {
      entry: { kind: 'blob', sha256 },
      flushed: () => crashPoint('blob.flushed'),
    });
    if (!existed) this.created.add(sha256);
    crashPoint('blob.placed');
    return 'placed';
  }

  /** The rows citing these files are committed: make sure every file is still there, then forget. */
  async committed(): Promise<void> {
    if (this.settled) return;
    this.settled = true;
    // Another process settling a dead process's journal may have removed a file this operation
    // found already in place before its rows committed; write such a file again.
    for (const [sha256, bytes] of this.kept) {
      if (!fs.existsSync(blobPath(this.dataDir, sha256)))
        await this.place(sha256, bytes.length, (temp) => fs.writeFileSync(temp, bytes));
    }
    this.journal.close();
  }

  /** Nothing will cite the files this writer created: remove them, then forget. */
  discard(): void {
    if (this.settled) return;
    this.settled = true;
    for (const sha256 of this.created) fs.rmSync(blobPath(this.dataDir, sha256), { force: true });
    this.journal.close();
  }
}

/** Runs `work` with a BlobWriter; its files are kept if `work` succeeds and removed if it throws. */
export async function withBlobWriter<T>(dataDir: string, work: (blobs: BlobWriter) => Promise<T>): Promise<T> {
  const blobs = new BlobWriter(dataDir);
  let result: T;
  try {
    result = await work(blobs);
  } catch (error) {
    blobs.discard();
    throw error;
  }
  await blobs.committed();
  return result;
}
