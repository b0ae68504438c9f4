// The one shape of an answer that can be refused, used at every service boundary (server/) and by
// the named queries that check before they write (db/queries): `{ ok: true, ...value }` or
// `{ ok: false, code, message }`. `code` is stable and machine-readable (API error codes, tests,
// branching); `message` names the problem for a person; `field` says which form field it belongs
// to when there is one. Throwing stays for what no caller can handle (a broken invariant, a lost
// database); a refusal a caller is expected to show is returned.

export type Failure<C extends string = string> = {
  ok: false;
  code: C;
  message: string;
  /** The form field the refusal belongs to, when it came from one. */
  field?: string;
};

export type Ok<T extends object = object> = { ok: true } & T;

export type Result<T extends object = object, C extends string = string> = Ok<T> | Failure<C>;

export function fail<C extends string>(code: C, message: string, field?: string): Failure<C> {
  return field === undefined ? { ok: false, code, message } : { ok: false, code, message, field };
}

// What the checks before a change refuse, Vietnamese first: one text per code, wherever it is shown.
export const REFUSALS = {
  not_found: 'Không tìm thấy (có thể đã bị xóa) / not found',
  duplicate: 'Mã này đã tồn tại / this code already exists',
  parent_missing: 'Đơn vị cha không tồn tại / parent unit not found',
  unit_missing: 'Đơn vị không tồn tại / unit not found',
  survey_missing: 'Phiếu khảo sát không tồn tại / no such survey',
  survey_unpublished: 'Phiếu chưa có phiên bản xuất bản / the survey has no published version',
  cycle:
    'Không thể chuyển đơn vị vào chính nó hoặc đơn vị con của nó / a unit cannot move under itself or its descendants',
  last_admin: 'Phải còn ít nhất một quản trị viên đang hoạt động / at least one active admin must remain',
} as const;

export type RefusalCode = keyof typeof REFUSALS;

/** A refusal from the table above, tied to the field it belongs to. */
export function refuse<C extends RefusalCode>(code: C, field?: string): Failure<C> {
  return fail(code, REFUSALS[code], field);
}
