import Link from 'next/link';

import { StaffHeader } from '@/app/_components/StaffHeader';
import { currentPrincipal } from '@/server/session';
import { homePath } from '@/lib/auth/permissions';

export const metadata = { title: 'Không có quyền truy cập — Hài Lòng' };

/** Where requirePage sends a signed-in user whose role may not open the page they asked for. */
export default async function Forbidden() {
  const principal = await currentPrincipal();
  return (
    <>
      {principal && <StaffHeader principal={principal} />}
      <main className="citizen-main" id="main">
        <div className="card">
          <h1>Bạn không có quyền xem trang này</h1>
          <p lang="en">You do not have permission to view this page.</p>
          <Link className="button" href={principal ? homePath(principal.role) : '/login'}>
            {principal ? 'Về trang của bạn' : 'Đăng nhập'}
          </Link>
        </div>
      </main>
    </>
  );
}
