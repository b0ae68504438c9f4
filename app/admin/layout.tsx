import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';

import { logoutAction } from '@/app/login/actions';
import { currentPrincipal } from '@/lib/server/session';

import { AdminNav } from './_components/AdminNav';
import './admin.css';

export const metadata: Metadata = { title: { default: 'Quản trị', template: '%s · Quản trị · Hài Lòng' }, robots: { index: false } };

// Each page calls requirePage itself (a layout is not re-run on every navigation, so it is no guard).
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const principal = await currentPrincipal();
  return (
    <div className="admin-shell">
      <a className="skip-link" href="#main">
        Bỏ qua menu
      </a>
      <header className="admin-header">
        <div className="admin-header__bar">
          <Link className="admin-header__brand" href="/admin">
            Hài Lòng · Quản trị
          </Link>
          {principal && (
            <div className="admin-header__user">
              <span>{principal.label}</span>
              <form action={logoutAction}>
                <button className="button button--ghost" type="submit">
                  Đăng xuất
                </button>
              </form>
            </div>
          )}
        </div>
      </header>
      <AdminNav />
      <main className="admin-main" id="main">
        {children}
      </main>
    </div>
  );
}
