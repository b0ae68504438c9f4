/**
 * A random (version 4) UUID. crypto.randomUUID exists only in secure contexts, and a kiosk or
 * phone may reach the server over plain http on the office network, so fall back to
 * getRandomValues, which exists everywhere.
 */
export function uuidv4(randomBytes: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const b = randomBytes(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
