import Link from 'next/link';

import { logoutAction } from '@/app/login/actions';
import { can, type Principal } from '@/lib/auth/permissions';
import { getConfig } from '@/lib/config';

/** The bar on every staff page: what this role may open, who is signed in, and sign-out. */
export function StaffHeader({ principal }: { principal: Principal }) {
  const links = [
    can(principal, 'dashboard.view') && { href: '/dashboard', label: 'Bảng điều khiển' },
    can(principal, 'cases.view') && { href: '/cases', label: 'Phản ánh' },
    can(principal, 'admin.manage') && { href: '/admin', label: 'Quản trị' },
    can(principal, 'hotline.enter') && { href: '/operator', label: 'Tổng đài 1022' },
    // Officer figures exist only with OFFICER_RATINGS; an officer's one page is their own.
    getConfig().OFFICER_RATINGS &&
      can(principal, 'officers.view') && {
        href: '/dashboard/officers',
        label: principal.role === 'officer' ? 'Đánh giá của tôi' : 'Cán bộ',
      },
  ].filter((l): l is { href: string; label: string } => Boolean(l));
  return (
    <header className="staff-header">
      <nav className="staff-header__bar" aria-label="Điều hướng nhân viên">
        <span className="staff-header__brand">Hài Lòng</span>
        <ul className="staff-header__links">
          {links.map((l) => (
            <li key={l.href}>
              <Link href={l.href}>{l.label}</Link>
            </li>
          ))}
        </ul>
        <span className="staff-header__user">
          <Link href="/account">{principal.label}</Link>
        </span>
        <form action={logoutAction}>
          <button type="submit" className="button button--small">
            Đăng xuất
          </button>
        </form>
      </nav>
    </header>
  );
}
