// Encryption of a whole bundle file to the receiving court's X25519 key: an envelope with a small
// readable header (who sent it to whom) and AES-256-GCM chunks, streamed in constant memory. The
// chunk nonces carry a counter and a final flag, so reordered, dropped or appended chunks fail.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import { bundleError } from './errors';
import { formatFingerprint, normalizeFingerprint, privateKeyObject, publicKeyObject, rawPublicKey } from './keys';

export const ENVELOPE_MAGIC: Buffer = Buffer.from('DDTENC01', 'ascii');
export const ENVELOPE_FORMAT = 'court-sync-envelope';
export const ENVELOPE_VERSION = 1;
export const ENVELOPE_CHUNK_SIZE = 65536;

const HKDF_INFO = Buffer.from('court-sync-envelope-v1', 'utf8');
const TAG_BYTES = 16;
const LENGTH_BYTES = 4;
/** The header is a few hundred bytes; a huge length means the file is not what it claims. */
const MAX_HEADER_BYTES = 64 * 1024;
/** Readers accept other chunk sizes up to this, should a later writer choose differently. */
const MAX_CHUNK_SIZE = 16 * 1024 * 1024;
const ZIP_LOCAL_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export interface EnvelopeHeader {
  format: 'court-sync-envelope';
  version: number;
  /** 'recovery': a 恢复包 (src/main/recovery), sealed to a reinstalled court's new key. */
  kind: 'report_up' | 'package_down' | 'recovery';
  source: { code: string; name: string };
  target: { code: string; name: string };
  /** Raw X25519 public key of this file's one-time key pair, base64. */
  ephemeralKey: string;
  /** Fingerprint of the receiving court's keys (spaced form). */
  recipientFingerprint: string;
  chunkSize: number;
  createdAt: string;
}

const party = z.object({ code: z.string().max(16), name: z.string().max(200) });
const headerSchema = z.object({
  format: z.literal(ENVELOPE_FORMAT),
  version: z.literal(ENVELOPE_VERSION),
  kind: z.enum(['report_up', 'package_down', 'recovery']),
  source: party,
  target: party,
  ephemeralKey: z.string(),
  recipientFingerprint: z.string().max(100),
  chunkSize: z.number().int().min(1).max(MAX_CHUNK_SIZE),
  createdAt: z.string().max(64),
});

/** What the first bytes say the file is. */
/** Leaves no half-written file behind: closes and removes the output this call created (and
 * nothing when it never got that far). Returns null for the caller's handle. */
async function discardPartial(output: fs.promises.FileHandle | null, outPath: string): Promise<null> {
  if (output) {
    await output.close();
    await fs.promises.rm(outPath, { force: true });
  }
  return null;
}

export async function sniffBundle(path: string): Promise<'zip' | 'envelope' | 'unknown'> {
  const handle = await fs.promises.open(path, 'r');
  try {
    const head = Buffer.alloc(ENVELOPE_MAGIC.length);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    if (bytesRead >= 4 && head.subarray(0, 4).equals(ZIP_LOCAL_HEADER)) return 'zip';
    if (bytesRead === ENVELOPE_MAGIC.length && head.equals(ENVELOPE_MAGIC)) return 'envelope';
    return 'unknown';
  } finally {
    await handle.close();
  }
}

function chunkNonce(counter: number, final: boolean): Buffer {
  const nonce = Buffer.alloc(12);
  // 11-byte big-endian counter: the low 6 bytes hold any counter a real file can reach.
  nonce.writeUIntBE(counter, 5, 6);
  nonce[11] = final ? 1 : 0;
  return nonce;
}

function envelopeKey(sharedSecret: Buffer, ephemeralPublic: Buffer, recipientPublic: Buffer): Buffer {
  const salt = Buffer.concat([ephemeralPublic, recipientPublic]);
  return Buffer.from(crypto.hkdfSync('sha256', sharedSecret, salt, HKDF_INFO, 32));
}

export async function encryptFile(
  plainPath: string,
  outPath: string,
  header: Pick<EnvelopeHeader, 'kind' | 'source' | 'target' | 'createdAt'>,
  recipient: { boxPublic: string; fingerprint: string },
): Promise<void> {
  const recipientRaw = rawPublicKey(recipient.boxPublic);
  const ephemeral = crypto.generateKeyPairSync('x25519');
  const ephemeralRaw = ephemeral.publicKey.export({ type: 'spki', format: 'der' }).subarray(12);
  const key = envelopeKey(
    crypto.diffieHellman({
      privateKey: ephemeral.privateKey,
      publicKey: publicKeyObject(recipient.boxPublic, 'x25519'),
    }),
    ephemeralRaw,
    recipientRaw,
  );
  const fullHeader: EnvelopeHeader = {
    format: ENVELOPE_FORMAT,
    version: ENVELOPE_VERSION,
    kind: header.kind,
    source: { code: header.source.code, name: header.source.name },
    target: { code: header.target.code, name: header.target.name },
    ephemeralKey: ephemeralRaw.toString('base64'),
    recipientFingerprint: formatFingerprint(recipient.fingerprint),
    chunkSize: ENVELOPE_CHUNK_SIZE,
    createdAt: header.createdAt,
  };
  const headerBytes = Buffer.from(JSON.stringify(fullHeader), 'utf8');
  const headerLength = Buffer.alloc(LENGTH_BYTES);
  headerLength.writeUInt32BE(headerBytes.length);

  const input = await fs.promises.open(plainPath, 'r');
  let output: fs.promises.FileHandle | null = null;
  try {
    output = await fs.promises.open(outPath, 'w');
    await output.write(Buffer.concat([ENVELOPE_MAGIC, headerLength, headerBytes]));
    // Read one chunk ahead: a chunk is final when nothing follows it.
    let position = 0;
    const readChunk = async () => {
      const buffer = Buffer.alloc(ENVELOPE_CHUNK_SIZE);
      let filled = 0;
      while (filled < buffer.length) {
        const { bytesRead } = await input.read(buffer, filled, buffer.length - filled, position);
        if (bytesRead === 0) break;
        filled += bytesRead;
        position += bytesRead;
      }
      return buffer.subarray(0, filled);
    };
    let current = await readChunk();
    for (let counter = 0; ; counter += 1) {
      const next = current.length === ENVELOPE_CHUNK_SIZE ? await readChunk() : Buffer.alloc(0);
      const final = next.length === 0;
      const cipher = crypto.createCipheriv('aes-256-gcm', key, chunkNonce(counter, final));
      cipher.setAAD(headerBytes);
      const ciphertext = Buffer.concat([cipher.update(current), cipher.final()]);
      const length = Buffer.alloc(LENGTH_BYTES);
      length.writeUInt32BE(ciphertext.length);
      await output.write(Buffer.concat([length, ciphertext, cipher.getAuthTag()]));
      if (final) break;
      current = next;
    }
    await output.sync();
  } catch (error) {
    output = await discardPartial(output, outPath);
    throw error;
  } finally {
    await output?.close();
    await input.close();
  }
}

/** Reads exactly length bytes at position; fewer means the file ended early. */
async function readExactly(handle: fs.promises.FileHandle, length: number, position: number): Promise<Buffer | null> {
  const buffer = Buffer.alloc(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) return filled === 0 ? null : buffer.subarray(0, filled);
    filled += bytesRead;
  }
  return buffer;
}

interface ParsedHeader {
  header: EnvelopeHeader;
  headerBytes: Buffer;
  /** Where the first chunk starts. */
  bodyStart: number;
}

async function readHeader(handle: fs.promises.FileHandle): Promise<ParsedHeader> {
  const magic = await readExactly(handle, ENVELOPE_MAGIC.length, 0);
  if (!magic || magic.length < ENVELOPE_MAGIC.length) {
    throw magic && ENVELOPE_MAGIC.subarray(0, magic.length).equals(magic)
      ? bundleError('E_TRUNCATED')
      : bundleError('E_NOT_BUNDLE');
  }
  if (!magic.equals(ENVELOPE_MAGIC)) throw bundleError('E_NOT_BUNDLE');
  const lengthBytes = await readExactly(handle, LENGTH_BYTES, ENVELOPE_MAGIC.length);
  if (!lengthBytes || lengthBytes.length < LENGTH_BYTES) throw bundleError('E_TRUNCATED');
  const headerLength = lengthBytes.readUInt32BE(0);
  if (headerLength === 0 || headerLength > MAX_HEADER_BYTES) throw bundleError('E_CORRUPT');
  const headerStart = ENVELOPE_MAGIC.length + LENGTH_BYTES;
  const headerBytes = await readExactly(handle, headerLength, headerStart);
  if (!headerBytes || headerBytes.length < headerLength) throw bundleError('E_TRUNCATED');

  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(headerBytes));
  } catch {
    throw bundleError('E_CORRUPT');
  }
  if (typeof value !== 'object' || value === null || (value as { format?: unknown }).format !== ENVELOPE_FORMAT) {
    throw bundleError('E_CORRUPT');
  }
  // Version first, so that a newer header with fields we do not know is reported as newer, not broken.
  const version = (value as { version?: unknown }).version;
  if (typeof version === 'number' && version > ENVELOPE_VERSION) throw bundleError('E_FUTURE_FORMAT');
  // Parsed once per bundle: zod's compiled fast path would cost more to build than it saves.
  const parsed = headerSchema.safeParse(value, { jitless: true });
  if (!parsed.success) throw bundleError('E_CORRUPT');
  try {
    rawPublicKey(parsed.data.ephemeralKey);
  } catch {
    throw bundleError('E_CORRUPT');
  }
  return { header: parsed.data as EnvelopeHeader, headerBytes, bodyStart: headerStart + headerLength };
}

export async function readEnvelopeHeader(path: string): Promise<EnvelopeHeader> {
  const handle = await fs.promises.open(path, 'r');
  try {
    return (await readHeader(handle)).header;
  } finally {
    await handle.close();
  }
}

/** Opens one chunk with the given final flag; null when authentication fails. */
function openChunk(
  key: Buffer,
  counter: number,
  final: boolean,
  aad: Buffer,
  ciphertext: Buffer,
  tag: Buffer,
): Buffer | null {
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, chunkNonce(counter, final));
  decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    return null;
  }
}

export async function decryptFile(
  path: string,
  outPath: string,
  keys: { boxPublic: string; boxPrivate: string; fingerprint: string },
  maxBytes: number,
  /** Also hashes the plain bytes as they are written (the import then need not read them again). */
  plainHash?: crypto.Hash,
): Promise<EnvelopeHeader> {
  const input = await fs.promises.open(path, 'r');
  let output: fs.promises.FileHandle | null = null;
  try {
    const { header, headerBytes, bodyStart } = await readHeader(input);
    if (normalizeFingerprint(header.recipientFingerprint) !== normalizeFingerprint(keys.fingerprint)) {
      throw bundleError('E_WRONG_KEY');
    }
    const ephemeralRaw = rawPublicKey(header.ephemeralKey);
    let sharedSecret: Buffer;
    try {
      sharedSecret = crypto.diffieHellman({
        privateKey: privateKeyObject(keys.boxPrivate, 'x25519'),
        publicKey: publicKeyObject(header.ephemeralKey, 'x25519'),
      });
    } catch {
      // A degenerate one-time key yields no shared secret: the header was forged.
      throw bundleError('E_TAMPERED');
    }
    const key = envelopeKey(sharedSecret, ephemeralRaw, rawPublicKey(keys.boxPublic));

    output = await fs.promises.open(outPath, 'w');
    let position = bodyStart;
    let written = 0;
    for (let counter = 0; ; counter += 1) {
      const lengthBytes = await readExactly(input, LENGTH_BYTES, position);
      if (!lengthBytes || lengthBytes.length < LENGTH_BYTES) throw bundleError('E_TRUNCATED');
      const length = lengthBytes.readUInt32BE(0);
      if (length > header.chunkSize) throw bundleError('E_CORRUPT');
      position += LENGTH_BYTES;
      const body = await readExactly(input, length + TAG_BYTES, position);
      if (!body || body.length < length + TAG_BYTES) throw bundleError('E_TRUNCATED');
      position += length + TAG_BYTES;
      const ciphertext = body.subarray(0, length);
      const tag = body.subarray(length);
      // Every chunk but the last opens with flag 0; the last one (and only it) with flag 1.
      let final = false;
      let plain = openChunk(key, counter, false, headerBytes, ciphertext, tag);
      if (!plain) {
        plain = openChunk(key, counter, true, headerBytes, ciphertext, tag);
        final = true;
      }
      if (!plain) throw bundleError('E_TAMPERED');
      written += plain.length;
      if (written > maxBytes) throw bundleError('E_TOO_LARGE');
      plainHash?.update(plain);
      await output.write(plain);
      if (final) break;
    }
    const after = await readExactly(input, 1, position);
    if (after) throw bundleError('E_CORRUPT', '加密数据包在结尾之后还有多余的内容，文件可能已损坏或被改动。');
    return header;
  } catch (error) {
    output = await discardPartial(output, outPath);
    throw error;
  } finally {
    await output?.close();
    await input.close();
  }
}
