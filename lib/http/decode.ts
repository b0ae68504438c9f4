// A path segment or cookie value comes percent-encoded by the client, who may send a broken
// escape (`%E0%A4%A`): decodeURIComponent throws on it, which would surface as a 500.

/** The decoded value, or null when the escapes are not valid UTF-8 percent-encoding. */
export function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
