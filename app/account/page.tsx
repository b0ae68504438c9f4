import type { Metadata } from 'next';

import { StaffHeader } from '@/app/_components/StaffHeader';
import { requireLogin } from '@/server/guard';

import { PasswordForm } from './PasswordForm';

export const metadata: Metadata = { title: 'Tài khoản' };

export default async function AccountPage() {
  const principal = await requireLogin('/account');
  return (
    <>
      <StaffHeader principal={principal} />
      <main className="citizen-main" id="main">
        <div className="card login-card">
          <h1>Tài khoản của bạn</h1>
          <p>
            {principal.label} · <span lang="en">role</span>: {principal.role}
          </p>
          <h2>Đổi mật khẩu</h2>
          <PasswordForm />
        </div>
      </main>
    </>
  );
}
