import { safeDecode } from './decode';

// One reader of the Cookie header for the session and the kiosk device cookies. A malformed
// percent-escape reads as no cookie (an anonymous caller), never as an error.

/** The value of one cookie in a Cookie header, without parsing the others. */
export function cookieValue(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      return safeDecode(part.slice(eq + 1).trim());
    }
  }
  return null;
}
