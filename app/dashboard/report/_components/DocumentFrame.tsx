// The frame of an official report (administrative document layout): the issuing body and the
// national heading side by side, number and date, recipients, and the signature block. The fields
// a clerk fills in are editable in the page (contentEditable, no script) and print as typed.
import type { ReactNode } from 'react';

import { formatDay } from '@/lib/dashboard/format';

function Editable({ label, children, block = false }: { label: string; children: ReactNode; block?: boolean }) {
  const Tag = block ? 'div' : 'span';
  return (
    <Tag
      className="doc-edit"
      contentEditable
      suppressContentEditableWarning
      role="textbox"
      aria-label={label}
      aria-multiline={block}
      tabIndex={0}
    >
      {children}
    </Tag>
  );
}

export function DocumentHead({
  department,
  quarter,
  asOf,
  provisional,
  scope,
}: {
  department: string;
  quarter: string;
  asOf: string;
  provisional: boolean;
  scope: string;
}) {
  return (
    <header className="doc-head">
      <div className="doc-head__row">
        <div className="doc-head__org">
          <p>
            <Editable label="Cơ quan chủ quản">UBND TỈNH …</Editable>
          </p>
          <p className="doc-head__strong doc-head__rule">{department.toLocaleUpperCase('vi-VN')}</p>
          <p>
            Số: <Editable label="Số văn bản">……</Editable>/BC-SXD
          </p>
        </div>
        <div className="doc-head__nation">
          <p className="doc-head__strong">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>
          <p className="doc-head__strong doc-head__rule">Độc lập - Tự do - Hạnh phúc</p>
          <p className="doc-head__date">
            <Editable label="Địa danh, ngày tháng năm">……, ngày …… tháng …… năm ……</Editable>
          </p>
        </div>
      </div>
      <h1>
        BÁO CÁO
        <br />
        Kết quả đo lường sự hài lòng của người dân, tổ chức
        <br />
        Quý {quarter.slice(6)}/{quarter.slice(0, 4)}
      </h1>
      <p className="doc-head__scope">{scope}</p>
      {provisional && (
        <p className="doc-provisional" data-testid="provisional">
          Số liệu tạm tính đến ngày {formatDay(asOf)} (quý chưa kết thúc).
        </p>
      )}
      <div className="doc-recipients">
        <span>Kính gửi:</span>
        <Editable label="Kính gửi" block>
          <p>- Ủy ban nhân dân tỉnh;</p>
          <p>- Sở Nội vụ.</p>
        </Editable>
      </div>
    </header>
  );
}

export function SignatureBlock() {
  return (
    <section className="doc-sign report__keep" aria-label="Nơi nhận và chữ ký">
      <div className="doc-sign__to">
        <p>
          <strong>
            <em>Nơi nhận:</em>
          </strong>
        </p>
        <Editable label="Nơi nhận" block>
          <p>- Như trên;</p>
          <p>- Lưu: VT.</p>
        </Editable>
      </div>
      <div className="doc-sign__who">
        <p className="doc-head__strong">
          <Editable label="Chức vụ người ký">GIÁM ĐỐC</Editable>
        </p>
        <p className="doc-sign__space" />
        <p className="doc-head__strong">
          <Editable label="Họ tên người ký">……………………</Editable>
        </p>
      </div>
    </section>
  );
}

/** Generated sentences the director may correct before printing. */
export function EditableList({ label, items }: { label: string; items: string[] }) {
  return (
    <div
      className="doc-edit doc-edit--list"
      contentEditable
      suppressContentEditableWarning
      role="textbox"
      aria-label={label}
      aria-multiline
      tabIndex={0}
    >
      <ol>
        {items.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ol>
    </div>
  );
}
