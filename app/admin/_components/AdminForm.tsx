'use client';

import { useActionState, useId } from 'react';

import { IDLE, type ActionState } from '@/lib/admin/form';

export type FieldSpec = {
  name: string;
  label: string;
  type?: 'text' | 'password' | 'select' | 'checkbox' | 'textarea' | 'file' | 'hidden' | 'date';
  options?: { value: string; label: string }[];
  defaultValue?: string;
  defaultChecked?: boolean;
  required?: boolean;
  hint?: string;
  accept?: string;
  autoComplete?: string;
  rows?: number;
};

type Keyed = { key: number; state: ActionState };

/**
 * Every admin form: posts to a server action, shows its message, puts each field's errors next
 * to the field (aria-describedby), lists per-row errors of an import, and refills what was typed
 * when the server refused it. The form remounts on each answer so refills take effect.
 */
export function AdminForm({
  action,
  fields,
  submitLabel,
  variant = 'primary',
  inline = false,
}: {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  fields: FieldSpec[];
  submitLabel: string;
  variant?: 'primary' | 'ghost' | 'danger';
  inline?: boolean;
}) {
  const id = useId();
  const [{ key, state }, formAction, pending] = useActionState(
    async (prev: Keyed, formData: FormData): Promise<Keyed> => ({
      key: prev.key + 1,
      state: await action(prev.state, formData),
    }),
    { key: 0, state: IDLE },
  );
  const values = state.status === 'error' ? (state.values ?? {}) : {};
  const errors = state.status === 'error' ? (state.fieldErrors ?? {}) : {};

  return (
    <form key={key} action={formAction} className={inline ? 'admin-form admin-form--inline' : 'admin-form'} noValidate>
      {state.status === 'ok' && (
        <div className="status status--ok" role="status">
          <p>{state.message}</p>
          {state.secret && (
            <p>
              <code className="secret" aria-label="Mã bí mật, chỉ hiện một lần / secret, shown once">
                {state.secret}
              </code>
            </p>
          )}
          {state.qr && (
            <img
              className="secret-qr"
              src={state.qr}
              width={240}
              height={240}
              alt="Mã QR của liên kết kết nối / QR code of the pairing link"
            />
          )}
        </div>
      )}
      {state.status === 'error' && (
        <div className="status status--error" role="alert">
          <p>{state.message}</p>
          {state.rowErrors && state.rowErrors.length > 0 && (
            <table className="admin-table row-errors">
              <caption>Lỗi theo dòng / Errors by row</caption>
              <thead>
                <tr>
                  <th scope="col">Dòng / Line</th>
                  <th scope="col">Lỗi / Problem</th>
                </tr>
              </thead>
              <tbody>
                {state.rowErrors.map((r) => (
                  <tr key={r.line}>
                    <td>{r.line}</td>
                    <td>{r.messages.join('; ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
      {fields.map((f) => {
        const fieldId = `${id}-${f.name}`;
        const fieldErrors = errors[f.name] ?? [];
        const describedBy =
          [f.hint ? `${fieldId}-hint` : '', fieldErrors.length ? `${fieldId}-err` : ''].filter(Boolean).join(' ') ||
          undefined;
        const common = {
          id: fieldId,
          name: f.name,
          'aria-invalid': fieldErrors.length > 0 || undefined,
          'aria-describedby': describedBy,
          required: f.required,
        };
        const value = values[f.name] ?? f.defaultValue;
        if (f.type === 'hidden') return <input key={f.name} type="hidden" name={f.name} value={f.defaultValue ?? ''} />;
        return (
          <div key={f.name} className={f.type === 'checkbox' ? 'field field--check' : 'field'}>
            {f.type === 'checkbox' ? (
              <>
                <input
                  {...common}
                  type="checkbox"
                  defaultChecked={values[f.name] !== undefined ? values[f.name] === 'on' : f.defaultChecked}
                />
                <label htmlFor={fieldId}>{f.label}</label>
              </>
            ) : (
              <>
                <label htmlFor={fieldId}>{f.label}</label>
                {f.type === 'select' ? (
                  <select {...common} defaultValue={value}>
                    {f.options?.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                ) : f.type === 'textarea' ? (
                  <textarea {...common} defaultValue={value} rows={f.rows ?? 6} spellCheck={false} />
                ) : (
                  <input
                    {...common}
                    type={f.type ?? 'text'}
                    defaultValue={f.type === 'file' || f.type === 'password' ? undefined : value}
                    accept={f.accept}
                    autoComplete={f.autoComplete ?? (f.type === 'password' ? 'new-password' : 'off')}
                  />
                )}
              </>
            )}
            {f.hint && (
              <span id={`${fieldId}-hint`} className="field__hint">
                {f.hint}
              </span>
            )}
            {fieldErrors.length > 0 && (
              <ul id={`${fieldId}-err`} className="field__errors">
                {fieldErrors.map((m, i) => (
                  <li key={i}>{m}</li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
      {(errors.id ?? errors.version) && !fields.some((f) => f.name === 'id' && f.type !== 'hidden') && (
        <ul className="field__errors">
          {[...(errors.id ?? []), ...(errors.version ?? [])].map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
      )}
      <div>
        <button
          className={`button${variant === 'ghost' ? ' button--ghost' : variant === 'danger' ? ' button--danger' : ''}`}
          type="submit"
          disabled={pending}
        >
          {pending ? 'Đang lưu… / Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
