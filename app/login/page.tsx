import type { Metadata } from 'next';

import { login } from './actions';

export const metadata: Metadata = { title: 'Đăng nhập' };

// The same words for a wrong name and a wrong password, and the same throttle for both: the page
// never reveals which users exist. Throttling is per name and device, so no account is locked.
const ERRORS: Record<string, [string, string]> = {
  invalid: ['Tên đăng nhập hoặc mật khẩu không đúng.', 'Wrong username or password.'],
  rate: [
    'Quá nhiều lần đăng nhập không thành công từ máy này. Vui lòng thử lại sau 15 phút.',
    'Too many failed sign-ins from this device. Please try again in 15 minutes.',
  ],
};

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string; next?: string }>;
}) {
  const { error, next } = await searchParams;
  const message = error ? (ERRORS[error] ?? ERRORS.invalid) : null;
  return (
    <>
      <header className="citizen-header">
        <div className="citizen-header__bar">
          <span className="citizen-header__brand">Hài Lòng</span>
        </div>
      </header>
      <main className="citizen-main" id="main">
        <div className="card login-card">
          <h1>Đăng nhập</h1>
          <p className="muted" lang="en">
            Staff sign-in
          </p>
          {message && (
            <div className="status status--error" role="alert">
              <p>{message[0]}</p>
              <p lang="en">{message[1]}</p>
            </div>
          )}
          <form action={login} className="form">
            {next && <input type="hidden" name="next" value={next} />}
            <label className="field">
              <span>Tên đăng nhập / Username</span>
              <input
                name="username"
                autoComplete="username"
                required
                minLength={3}
                maxLength={40}
                autoCapitalize="none"
              />
            </label>
            <label className="field">
              <span>Mật khẩu / Password</span>
              <input name="password" type="password" autoComplete="current-password" required maxLength={200} />
            </label>
            <button className="button" type="submit">
              Đăng nhập
            </button>
          </form>
        </div>
      </main>
    </>
  );
}
