'use client';

import { useActionState } from 'react';

import { changePasswordAction, type PasswordFormState } from './actions';

function Field({
  name,
  label,
  autoComplete,
  error,
}: {
  name: string;
  label: string;
  autoComplete: string;
  error?: string;
}) {
  const errorId = `${name}-error`;
  return (
    <label className="field">
      <span>{label}</span>
      <input
        name={name}
        type="password"
        autoComplete={autoComplete}
        required
        maxLength={200}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      />
      {error && (
        <span className="field__error" id={errorId}>
          {error}
        </span>
      )}
    </label>
  );
}

export function PasswordForm() {
  const [state, action, pending] = useActionState<PasswordFormState, FormData>(changePasswordAction, {});
  return (
    <form action={action} className="form">
      {state.ok && (
        <div className="status status--info" role="status">
          Đã đổi mật khẩu; các phiên đăng nhập khác đã bị đăng xuất. / Password changed; your other sessions were signed
          out.
        </div>
      )}
      {state.errors?.form && (
        <div className="status status--error" role="alert">
          {state.errors.form}
        </div>
      )}
      <Field
        name="current"
        label="Mật khẩu hiện tại / Current password"
        autoComplete="current-password"
        error={state.errors?.current}
      />
      <Field
        name="next"
        label="Mật khẩu mới (ít nhất 10 ký tự) / New password (10+ characters)"
        autoComplete="new-password"
        error={state.errors?.next}
      />
      <Field
        name="confirm"
        label="Nhập lại mật khẩu mới / Repeat the new password"
        autoComplete="new-password"
        error={state.errors?.confirm}
      />
      <button className="button" type="submit" disabled={pending}>
        Đổi mật khẩu
      </button>
    </form>
  );
}
