// Reads a JSON request body within a byte limit, telling the caller exactly what was wrong.

import { jsonDepth } from './depth';
import type { Failure, Ok } from '../result';

export type JsonBody = Ok<{ value: unknown; text: string }> | (Failure & { status: 400 | 413 | 415 });

/** No legitimate response nests deeper than this; anything deeper is refused before it is walked. */
export const MAX_JSON_DEPTH = 16;

export async function readJsonBody(request: Request, maxBytes: number): Promise<JsonBody> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type.trim())) {
    return {
      ok: false,
      status: 415,
      code: 'unsupported_media_type',
      message: `Send the body as application/json (got ${type ? JSON.stringify(type) : 'no Content-Type'}).`,
    };
  }
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) return tooLarge(maxBytes);
  if (!request.body) return malformed('The request has no body.');

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
      return tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
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

const tooLarge = (maxBytes: number): JsonBody => ({
  ok: false,
  status: 413,
  code: 'payload_too_large',
  message: `The body is larger than ${Math.round(maxBytes / 1024)} KiB.`,
});

const malformed = (message: string): JsonBody => ({
  ok: false,
  status: 400,
  code: 'malformed_json',
  message,
});
