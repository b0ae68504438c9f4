import type { ReactNode } from 'react';

import { AlertBanner } from '@/app/_components/AlertBanner';
import { StaffHeader } from '@/app/_components/StaffHeader';
import type { Principal } from '@/lib/auth/permissions';
import { viewErrorHintVi } from '@/lib/dashboard/params';

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

/** A dashboard page whose view cannot be read (a malformed query): why, in Vietnamese and English. */
export function DashboardViewRefused({
  principal,
  title,
  error,
  children,
}: {
  principal: Principal;
  title: string;
  error: { code: string; message: string };
  children?: ReactNode;
}) {
  return (
    <DashboardShell principal={principal}>
      <div className="dash-card status status--error" role="alert">
        <h1>{title}</h1>
        <p>{viewErrorHintVi(error.code)}</p>
        <p lang="en">{error.message}</p>
        {children}
      </div>
    </DashboardShell>
  );
}
