import type { Metadata } from 'next';
import type { ReactNode } from 'react';

import { StaffHeader } from '@/app/_components/StaffHeader';
import { getConfig } from '@/lib/config';
import { currentPrincipal } from '@/server/session';

import { AdminNav } from './_components/AdminNav';
import './admin.css';

export const metadata: Metadata = {
  title: { default: 'Quản trị', template: '%s · Quản trị · Hài Lòng' },
  robots: { index: false },
};

// Each page calls requirePage itself (a layout is not re-run on every navigation, so it is no guard).
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const principal = await currentPrincipal();
  return (
    <div className="admin-shell">
      <a className="skip-link" href="#main">
        Bỏ qua menu
      </a>
      {principal && <StaffHeader principal={principal} />}
      <AdminNav officers={getConfig().OFFICER_RATINGS} />
      <main className="admin-main" id="main">
        {children}
      </main>
    </div>
  );
}
