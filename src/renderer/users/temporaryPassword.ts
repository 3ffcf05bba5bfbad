// A temporary password an administrator can read out over the phone: 10 letters and digits,
// always both, without look-alikes (0/O, 1/l/I).
const LETTERS = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';

export function temporaryPassword(length = 10): string {
  const all = LETTERS + DIGITS;
  const random = crypto.getRandomValues(new Uint32Array(length));
  const chars = Array.from(random, (n) => all[n % all.length]);
  // Guarantee one of each kind in a random place, so the contract's rule always holds.
  chars[random[0] % length] = LETTERS[random[1] % LETTERS.length];
  let digitAt = random[2] % length;
  if (digitAt === random[0] % length) digitAt = (digitAt + 1) % length;
  chars[digitAt] = DIGITS[random[3] % DIGITS.length];
  return chars.join('');
}
