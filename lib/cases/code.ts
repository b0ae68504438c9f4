// The short code a citizen gets on the thank-you screen and types into /tra-cuu.
// Crockford base32 (no I, L, O, U: nothing to misread aloud or on a small screen) with a check
// character, so a mistyped code is caught before a lookup instead of finding someone else's case.

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BODY_LENGTH = 7; // 32^7 ≈ 3.4e10: unguessable enough for a page that shows no personal data
const PREFIX = 'PA';

function checkChar(body: string): string {
  // Odd weights are invertible mod 32, so every single substitution changes the check character;
  // an adjacent transposition does too unless the two characters are exactly 16 apart.
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += (2 * i + 1) * ALPHABET.indexOf(body[i]!);
  return ALPHABET[sum % 32]!;
}

/** A new case code from random bytes (at least 7): "PA-7K3M9QX-4". */
export function caseCode(random: Uint8Array): string {
  if (random.length < BODY_LENGTH) throw new RangeError(`caseCode needs ${BODY_LENGTH} random bytes`);
  let body = '';
  for (let i = 0; i < BODY_LENGTH; i++) body += ALPHABET[random[i]! % 32];
  return `${PREFIX}-${body}-${checkChar(body)}`;
}

/**
 * Normalises what a person typed ("pa 7k3m 9qx4", "PA-7K3M9QX-4", with O for 0 or I/L for 1) to
 * the canonical code, or null when it cannot be a valid code.
 */
export function normalizeCaseCode(input: string): string | null {
  const cleaned = input
    .toUpperCase()
    .replace(/[\s\-_.]/g, '')
    .replace(/^PA/, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (cleaned.length !== BODY_LENGTH + 1) return null;
  if (![...cleaned].every((c) => ALPHABET.includes(c))) return null;
  const body = cleaned.slice(0, BODY_LENGTH);
  if (checkChar(body) !== cleaned[BODY_LENGTH]) return null;
  return `${PREFIX}-${body}-${cleaned[BODY_LENGTH]}`;
}
