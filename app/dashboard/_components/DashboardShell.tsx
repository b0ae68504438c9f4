import type { ReactNode } from 'react';

import { AlertBanner } from '@/app/_components/AlertBanner';
import { StaffHeader } from '@/app/_components/StaffHeader';
import type { Principal } from '@/lib/auth/permissions';

/** The frame of every dashboard page: skip link, staff header, the alert banner above the content. */
export function DashboardShell({ children, principal }: { children: ReactNode; principal: Principal }) {
  return (
    <>
      <a className="skip-link" href="#main">
        Bỏ qua đến nội dung chính
      </a>
      <StaffHeader principal={principal} />
      <main id="main" className="dash-main">
        <AlertBanner principal={principal} />
        {children}
      </main>
    </>
  );
}
