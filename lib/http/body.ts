// Reads a JSON request body within a byte limit, telling the caller exactly what was wrong.

import { jsonDepth } from './depth';
import type { Failure, Ok } from '../result';

export type JsonBody = Ok<{ value: unknown; text: string }> | JsonRefusal;
export type JsonRefusal = Failure & { status: 400 | 413 | 415 };

/** No legitimate response nests deeper than this; anything deeper is refused before it is walked. */
export const MAX_JSON_DEPTH = 16;

/** What a body reader needs of the request's headers: web `Headers`, or a Node request's through a `get`. */
export type HeaderSource = { get(name: string): string | null };

export async function readJsonBody(request: Request, maxBytes: number): Promise<JsonBody> {
  const refused = jsonBodyRefusal(request.headers, maxBytes);
  if (refused) return refused;
  const read = await readBodyBytes(request, maxBytes);
  if ('none' in read) return malformed('The request has no body.');
  if ('tooLarge' in read) return tooLarge(maxBytes);
  return parseJsonBytes(read.bytes);
}

export type BodyBytes = { bytes: Uint8Array } | { tooLarge: true } | { none: true };

/** The body's bytes, or `tooLarge` as soon as there are more than `maxBytes` of them. */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<BodyBytes> {
  if (!request.body) return { none: true };
  // Stream with a running total so a body without Content-Length cannot exhaust memory.
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { tooLarge: true };
    }
    chunks.push(value);
  }
  return { bytes: Buffer.concat(chunks) };
}

/** A refusal from the headers alone (not JSON, declared too large), or null. */
export function jsonBodyRefusal(headers: HeaderSource, maxBytes: number): JsonRefusal | null {
  const type = headers.get('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type.trim())) {
    return {
      ok: false,
      status: 415,
      code: 'unsupported_media_type',
      message: `Send the body as application/json (got ${type ? JSON.stringify(type) : 'no Content-Type'}).`,
    };
  }
  const declared = Number(headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) return tooLarge(maxBytes);
  return null;
}

// Stateless between calls: decode() without { stream: true } starts afresh each time.
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A body read whole (within its limit) as JSON: UTF-8, parsed, nested no deeper than MAX_JSON_DEPTH. */
export function parseJsonBytes(bytes: Uint8Array): JsonBody {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return malformed('The body is not valid UTF-8.');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return malformed(`The body is not valid JSON: ${(err as Error).message}`);
  }
  if (jsonDepth(value, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    return malformed(`The body nests deeper than ${MAX_JSON_DEPTH} levels.`);
  }
  return { ok: true, value, text };
}

export const tooLarge = (maxBytes: number): JsonRefusal => ({
  ok: false,
  status: 413,
  code: 'payload_too_large',
  message: `The body is larger than ${Math.round(maxBytes / 1024)} KiB.`,
});

const malformed = (message: string): JsonRefusal => ({
  ok: false,
  status: 400,
  code: 'malformed_json',
  message,
});
