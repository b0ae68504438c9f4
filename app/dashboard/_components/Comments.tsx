import type { CommentRow } from '@/db/queries/comments';
import { formatInstant } from '@/lib/dashboard/format';
import { CHANNEL_LABELS } from '@/lib/dashboard/labels';
import type { Channel } from '@/lib/ingest/channels';

/** The minimum responses of a scope before its free text is shown (DESIGN §2.3). */
export const COMMENTS_FROM = 5;

/**
 * Latest comments, rendered as text (React escapes it: a comment can never become markup),
 * searchable and paginated through the URL like every other filter.
 */
export function Comments(props: {
  rows: CommentRow[];
  hasNext: boolean;
  page: number;
  pageSize: number;
  search: string;
  responses: number;
  hiddenFilters: Record<string, string>;
  pageHref: (page: number) => string;
}) {
  const { rows, hasNext, page, search, responses } = props;
  return (
    <section className="dash-card" aria-labelledby="comments-title" id="comments">
      <h2 id="comments-title">Ý kiến mới nhất</h2>
      <form method="get" action="/dashboard#comments" className="dash-comment-search">
        {Object.entries(props.hiddenFilters).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <label className="dash-field">
          <span>Tìm trong ý kiến</span>
          <input type="search" name="q" defaultValue={search} maxLength={100} />
        </label>
        <button className="button" type="submit">
          Tìm
        </button>
      </form>
      {responses < COMMENTS_FROM ? (
        <p className="dash-empty">Ý kiến chỉ hiển thị khi phạm vi có từ {COMMENTS_FROM} phiếu trở lên.</p>
      ) : rows.length === 0 ? (
        <p className="dash-empty">Không có ý kiến nào{search ? ` chứa “${search}”` : ''} trong kỳ này.</p>
      ) : (
        <ol className="dash-comments" start={(page - 1) * props.pageSize + 1}>
          {rows.map((c) => (
            <li key={c.id}>
              <p className="dash-comment__text">{c.comment}</p>
              <p className="muted dash-comment__meta">
                {formatInstant(c.completedAt)} · {c.point} · {CHANNEL_LABELS[c.channel as Channel]?.vi ?? c.channel}
              </p>
            </li>
          ))}
        </ol>
      )}
      <nav className="dash-pager" aria-label="Trang ý kiến">
        {page > 1 && (
          <a className="button button--ghost" href={props.pageHref(page - 1)}>
            ← Trang trước
          </a>
        )}
        <span>Trang {page}</span>
        {hasNext && (
          <a className="button button--ghost" href={props.pageHref(page + 1)}>
            Trang sau →
          </a>
        )}
      </nav>
    </section>
  );
}
