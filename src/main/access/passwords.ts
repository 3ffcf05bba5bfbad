// Password hashing with scrypt (memory-hard, in Node's crypto on every platform we ship to).
// Stored as "scrypt$N$r$p$salt$hash" so the cost can be raised later without breaking old hashes.
import crypto from 'node:crypto';

const COST = 1 << 15; // N: 32 MiB of memory per hash with r = 8.
const BLOCK = 8;
const PARALLEL = 1;
const KEY_BYTES = 32;
const MAX_MEMORY = 96 * 1024 * 1024;

function scrypt(password: string, salt: Buffer, cost: number, block: number, parallel: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    crypto.scrypt(
      password.normalize('NFC'),
      salt,
      KEY_BYTES,
      { N: cost, r: block, p: parallel, maxmem: MAX_MEMORY },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const key = await scrypt(password, salt, COST, BLOCK, PARALLEL);
  return ['scrypt', COST, BLOCK, PARALLEL, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [cost, block, parallel] = parts.slice(1, 4).map(Number);
  const expected = Buffer.from(parts[5], 'base64');
  const key = await scrypt(password, Buffer.from(parts[4], 'base64'), cost, block, parallel);
  return key.length === expected.length && crypto.timingSafeEqual(key, expected);
}

/** A hash of nothing, checked against when the user does not exist, so timing tells nothing. */
let decoy: Promise<string> | null = null;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(crypto.randomBytes(12).toString('hex'));
  return decoy;
}
