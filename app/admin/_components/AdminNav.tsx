'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const LINKS = [
  ['/admin', 'Tổng quan'],
  ['/admin/units', 'Đơn vị'],
  ['/admin/points', 'Quầy'],
  ['/admin/procedures', 'Thủ tục'],
  ['/admin/surveys', 'Phiếu khảo sát'],
  ['/admin/devices', 'Máy tính bảng'],
  ['/admin/users', 'Tài khoản'],
  ['/admin/tokens', 'Khóa API'],
  ['/admin/summary', 'Thư tóm tắt'],
  ['/admin/audit', 'Nhật ký'],
] as const;

/**
 * The section links; the current section is marked for screen readers too (aria-current).
 * `officers`: OFFICER_RATINGS is on, so the officers section exists.
 */
export function AdminNav({ officers = false }: { officers?: boolean }) {
  const path = usePathname();
  const links = officers ? [...LINKS.slice(0, 6), ['/admin/officers', 'Cán bộ'] as const, ...LINKS.slice(6)] : LINKS;
  return (
    <nav className="admin-nav" aria-label="Quản trị">
      <ul>
        {links.map(([href, label]) => {
          const current = href === '/admin' ? path === href : path === href || path.startsWith(`${href}/`);
          return (
            <li key={href}>
              <Link href={href} aria-current={current ? 'page' : undefined}>
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
