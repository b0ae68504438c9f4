import type { PosterPoint } from '@/db/queries/posters';
import { pointUrl, shortUrl } from '@/lib/qr/links';
import { qrSvg } from '@/lib/qr/render';

/** One A4 poster for a desk: the call to action, where, the QR code, and the address to type. */
export async function Poster({ point, baseUrl }: { point: PosterPoint; baseUrl: string }) {
  const url = pointUrl(baseUrl, point.code);
  const svg = await qrSvg(url);
  return (
    <article className="poster" aria-label={`Áp phích ${point.name}`}>
      <header className="poster__band">
        <p className="poster__unit">{point.unitName}</p>
        <p className="poster__desk">{point.name}</p>
      </header>
      <h1 className="poster__cta">Ông/Bà hài lòng với việc giải quyết hồ sơ?</h1>
      <p className="poster__sub">Quét mã QR bằng điện thoại để đánh giá</p>
      <div
        className="poster__qr"
        role="img"
        aria-label={`Mã QR dẫn tới ${url}`}
        dangerouslySetInnerHTML={{ __html: svg }}
      />
      <p className="poster__url">{shortUrl(url)}</p>
      <ol className="poster__steps">
        <li>Mở camera hoặc Zalo, hướng vào mã QR</li>
        <li>Chạm vào đường dẫn hiện ra</li>
        <li>Chọn mức độ hài lòng và gửi</li>
      </ol>
      <p className="poster__promise">Ẩn danh · Miễn phí · Chưa tới 1 phút</p>
      <p className="poster__en" lang="en">
        Scan the QR code to rate the service at {point.nameEn ?? point.name}. Anonymous, free, under a minute.
      </p>
    </article>
  );
}
