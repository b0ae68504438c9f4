import Link from 'next/link';

import { CitizenHeader } from '@/app/_components/CitizenHeader';

export default function NotFound() {
  return (
    <>
      <CitizenHeader locale="vi" switchHref="/" />
      <main className="citizen-main" id="main">
        <div className="card">
          <h1>Không tìm thấy trang</h1>
          <p lang="en">Page not found.</p>
          <Link className="button" href="/">
            Trang chủ
          </Link>
        </div>
      </main>
    </>
  );
}
