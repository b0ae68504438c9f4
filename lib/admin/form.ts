import { z } from 'zod';

import { fail, type Failure, type Ok } from '../result';

// What every admin server action answers, so one client form component can show any of them:
// a message, errors next to their fields, per-row errors of an import, and the values to refill.

export type RowError = { line: number; messages: string[] };

export type ActionState =
  | { status: 'idle' }
  | {
      status: 'ok';
      message: string;
      secret?: string;
      /** a data: URL QR code of the secret (pairing links) */ qr?: string;
      redirectTo?: string;
    }
  | {
      status: 'error';
      message: string;
      fieldErrors?: Record<string, string[]>;
      rowErrors?: RowError[];
      values?: Record<string, string>;
    };

export const IDLE: ActionState = { status: 'idle' };

/** A parsed form: its data, or the refusal with the state the form shows (messages per field, values to refill). */
export type ParseResult<T> = Ok<{ data: T }> | (Failure<'invalid_form'> & { state: ActionState });

const SECRET_FIELDS = new Set(['password', 'confirm']);

/** The submitted text values to put back in the form after an error, never the passwords. */
export function refillValues(input: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(input)) {
    if (typeof value === 'string' && !SECRET_FIELDS.has(key) && !key.startsWith('$')) out[key] = value;
  }
  return out;
}

export function formError(
  message: string,
  input: Record<string, unknown> = {},
  fieldErrors?: Record<string, string[]>,
): ActionState {
  return { status: 'error', message, fieldErrors, values: refillValues(input) };
}

export function fieldError(field: string, message: string, input: Record<string, unknown> = {}): ActionState {
  return formError('Vui lòng sửa lỗi bên dưới. / Please fix the errors below.', input, { [field]: [message] });
}

/** zod parse of a submitted form: the data, or the error state with one list of messages per field. */
export function parseForm<S extends z.ZodType>(schema: S, input: Record<string, unknown>): ParseResult<z.output<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  const fieldErrors: Record<string, string[]> = {};
  const formMessages: string[] = [];
  for (const issue of parsed.error.issues) {
    const key = issue.path.length > 0 ? String(issue.path[0]) : '';
    if (!key) formMessages.push(issue.message);
    else (fieldErrors[key] ??= []).push(issue.message);
  }
  const message = formMessages[0] ?? 'Vui lòng sửa lỗi bên dưới. / Please fix the errors below.';
  return { ...fail('invalid_form', message), state: formError(message, input, fieldErrors) };
}

/** An empty form field means "none": HTML sends "" for an untouched optional input or select. */
export const optionalText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.string().trim().max(max, `Tối đa ${max} ký tự / at most ${max} characters`).optional(),
  );

export const requiredText = (max: number, what: string) =>
  z
    .string({ error: `Cần nhập ${what} / required` })
    .trim()
    .min(1, `Cần nhập ${what} / required`)
    .max(max, `Tối đa ${max} ký tự / at most ${max} characters`);

/** An id from a hidden field or a select. */
export const idField = z.coerce
  .number({ error: 'Mã không hợp lệ / invalid id' })
  .int()
  .positive('Mã không hợp lệ / invalid id');

/** A select whose empty option means null (e.g. "no parent"). */
export const optionalId = z.preprocess(
  (v) => (v === '' || v === undefined || v === null ? null : v),
  idField.nullable(),
);

/** An HTML checkbox: present ("on") when ticked, absent otherwise. */
export const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());
