// A court's key pairs and the fingerprint people read to each other over the phone before a
// higher court trusts a subordinate's bundles. Ed25519 signs manifests; X25519 receives
// encrypted envelopes. Node's crypto only.
import crypto from 'node:crypto';

export interface CourtKeys {
  /** Raw 32-byte Ed25519 public key, base64. */
  signPublic: string;
  /** PKCS#8 DER, base64. */
  signPrivate: string;
  /** Raw 32-byte X25519 public key, base64. */
  boxPublic: string;
  /** PKCS#8 DER, base64. */
  boxPrivate: string;
}

type KeyAlgorithm = 'ed25519' | 'x25519';

// SPKI DER for these curves is a fixed 12-byte prefix followed by the raw 32-byte key.
const SPKI_PREFIX: Record<KeyAlgorithm, Buffer> = {
  ed25519: Buffer.from('302a300506032b6570032100', 'hex'),
  x25519: Buffer.from('302a300506032b656e032100', 'hex'),
};
const RAW_KEY_BYTES = 32;
const SIGNATURE_BYTES = 64;
const FINGERPRINT_LABEL = Buffer.from('court-sync-key-v1\0', 'utf8');
const FINGERPRINT_GROUPS = 8;

function generatePair(algorithm: KeyAlgorithm): { publicRaw: string; privateDer: string } {
  // The overloads of generateKeyPairSync are per literal algorithm; both curves take the same options.
  const { publicKey, privateKey } = crypto.generateKeyPairSync(algorithm as 'ed25519', {
    publicKeyEncoding: { type: 'spki', format: 'der' },
    privateKeyEncoding: { type: 'pkcs8', format: 'der' },
  });
  return {
    publicRaw: publicKey.subarray(SPKI_PREFIX[algorithm].length).toString('base64'),
    privateDer: privateKey.toString('base64'),
  };
}

export function generateCourtKeys(): CourtKeys {
  const sign = generatePair('ed25519');
  const box = generatePair('x25519');
  return {
    signPublic: sign.publicRaw,
    signPrivate: sign.privateDer,
    boxPublic: box.publicRaw,
    boxPrivate: box.privateDer,
  };
}

/** Decodes a base64 raw public key; throws a plain Error when it is not 32 bytes. */
export function rawPublicKey(base64: string): Buffer {
  const raw = Buffer.from(base64, 'base64');
  if (raw.length !== RAW_KEY_BYTES || raw.toString('base64') !== base64) {
    throw new Error('public key must be 32 bytes of canonical base64');
  }
  return raw;
}

export function publicKeyObject(base64: string, algorithm: KeyAlgorithm): crypto.KeyObject {
  const key = crypto.createPublicKey({
    key: Buffer.concat([SPKI_PREFIX[algorithm], rawPublicKey(base64)]),
    format: 'der',
    type: 'spki',
  });
  if (key.asymmetricKeyType !== algorithm) throw new Error(`expected an ${algorithm} public key`);
  return key;
}

export function privateKeyObject(base64: string, algorithm: KeyAlgorithm): crypto.KeyObject {
  const key = crypto.createPrivateKey({ key: Buffer.from(base64, 'base64'), format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== algorithm) throw new Error(`expected an ${algorithm} private key`);
  return key;
}

/** Raw public key (base64) belonging to a PKCS#8 private key; lets callers check a stored pair. */
export function publicKeyOfPrivate(privateBase64: string, algorithm: KeyAlgorithm): string {
  const spki = crypto
    .createPublicKey(privateKeyObject(privateBase64, algorithm))
    .export({ type: 'spki', format: 'der' });
  return spki.subarray(SPKI_PREFIX[algorithm].length).toString('base64');
}

/** "03821 99120 …": 8 groups of 5 digits from SHA-256 over both public keys. */
export function fingerprintOf(signPublic: string, boxPublic: string): string {
  const hash = crypto
    .createHash('sha256')
    .update(FINGERPRINT_LABEL)
    .update(rawPublicKey(signPublic))
    .update(rawPublicKey(boxPublic))
    .digest();
  const groups: string[] = [];
  for (let i = 0; i < FINGERPRINT_GROUPS; i += 1) {
    groups.push(String(hash.readUInt32BE(i * 4) % 100000).padStart(5, '0'));
  }
  return groups.join(' ');
}

/** Digits only, so that typed variants (spaces, dashes, full-width digits) compare equal. */
export function normalizeFingerprint(text: string): string {
  return text
    .replace(/[\uFF10-\uFF19]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[^0-9]/g, '');
}

/** The spaced display form of any fingerprint text with 40 digits; other text is returned as digits. */
export function formatFingerprint(text: string): string {
  const digits = normalizeFingerprint(text);
  if (digits.length !== FINGERPRINT_GROUPS * 5) return digits;
  return digits.match(/\d{5}/g)!.join(' ');
}

export function signBytes(bytes: Buffer, signPrivate: string): Buffer {
  return crypto.sign(null, bytes, privateKeyObject(signPrivate, 'ed25519'));
}

export function verifyBytes(bytes: Buffer, signature: Buffer, signPublic: string): boolean {
  try {
    if (!Buffer.isBuffer(signature) || signature.length !== SIGNATURE_BYTES) return false;
    return crypto.verify(null, bytes, publicKeyObject(signPublic, 'ed25519'), signature);
  } catch {
    return false;
  }
}
