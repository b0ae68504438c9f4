import { getDb } from '@/db';
import type { PosterPoint } from '@/db/queries/posters';
import { pointUrl, procedureListUrl, shortUrl } from '@/lib/qr/links';
import { qrSvg } from '@/lib/qr/render';
import { publishedCatalogue } from '@/server/procedures/catalogue';

/**
 * One A4 poster for a desk: the call to action, where, the QR code, and the address to type;
 * beside it, when the desk handles procedures, a smaller code to the desk's procedure list
 * (/thu-tuc?point=…), so a citizen can check what to bring before queueing.
 */
export async function Poster({ point, baseUrl }: { point: PosterPoint; baseUrl: string }) {
  const url = pointUrl(baseUrl, point.code);
  const catalogue = await publishedCatalogue(getDb());
  const lookupUrl = catalogue.some((p) => p.points.includes(point.code)) ? procedureListUrl(baseUrl, point.code) : null;
  const [svg, lookupSvg] = await Promise.all([qrSvg(url), lookupUrl ? qrSvg(lookupUrl) : null]);
  return (
    <article className={`poster${lookupUrl ? ' poster--two' : ''}`} aria-label={`Áp phích ${point.name}`}>
      <header className="poster__band">
        <p className="poster__unit">{point.unitName}</p>
        <p className="poster__desk">{point.name}</p>
      </header>
      <h1 className="poster__cta">Ông/Bà hài lòng với việc giải quyết hồ sơ?</h1>
      <p className="poster__sub">Quét mã QR bằng điện thoại để đánh giá</p>
      <div className="poster__codes">
        <div className="poster__rate">
          <div
            className="poster__qr"
            role="img"
            aria-label={`Mã QR dẫn tới ${url}`}
            dangerouslySetInnerHTML={{ __html: svg }}
          />
          <p className="poster__url">{shortUrl(url)}</p>
        </div>
        {lookupUrl && lookupSvg && (
          <div className="poster__lookup">
            <p className="poster__lookup-title">Tra cứu thủ tục tại quầy</p>
            <div
              className="poster__lookup-qr"
              role="img"
              aria-label={`Mã QR tra cứu thủ tục, dẫn tới ${lookupUrl}`}
              dangerouslySetInnerHTML={{ __html: lookupSvg }}
            />
            <p className="poster__lookup-text">Hồ sơ cần chuẩn bị, thời hạn, phí, lệ phí</p>
            <p className="poster__lookup-url">{shortUrl(lookupUrl)}</p>
          </div>
        )}
      </div>
      <ol className="poster__steps">
        <li>Mở camera hoặc Zalo, hướng vào mã QR</li>
        <li>Chạm vào đường dẫn hiện ra</li>
        <li>Chọn mức độ hài lòng và gửi</li>
      </ol>
      <p className="poster__promise">Ẩn danh · Miễn phí · Chưa tới 1 phút</p>
      <p className="poster__en" lang="en">
        Scan the QR code to rate the service at {point.nameEn ?? point.name}. Anonymous, free, under a minute.
        {lookupUrl && ' The smaller code lists the procedures handled at this desk: documents, time and fees.'}
      </p>
    </article>
  );
}
