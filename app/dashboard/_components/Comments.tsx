import type { CommentRow } from '@/db/queries/comments';
import { formatInstant } from '@/lib/dashboard/format';
import { CHANNEL_LABELS } from '@/lib/dashboard/labels';
import type { Channel } from '@/lib/ingest/channels';
import './charts.css';
import './comments.css';

/** The minimum responses of a scope before its free text is shown (docs/domain.md, statistics). */
export const COMMENTS_FROM = 5;

/** Praise and suggestions told apart by the response's own rating, not by guessing from the text. */
export const COMMENT_TONES = { praise: 'Khen (đã hài lòng)', suggestion: 'Góp ý (chưa hài lòng)' } as const;
export type CommentTone = keyof typeof COMMENT_TONES;

export function isCommentTone(value: string | undefined): value is CommentTone {
  return value === 'praise' || value === 'suggestion';
}

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
  tone: CommentTone | null;
  toneHref: (tone: CommentTone | null) => string;
  /** The rating's label for each value, and the lowest value counted as satisfied. */
  rating: { title: string; labels: Map<number, string>; satisfiedFrom: number } | null;
  /** Comments per reason of the dissatisfied, where the survey asks for reasons. */
  perReason: { label: string; count: number }[] | null;
}) {
  const { rows, hasNext, page, search, responses, rating, tone } = props;
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
        {tone && <input type="hidden" name="tone" value={tone} />}
        <button className="button" type="submit">
          Tìm
        </button>
      </form>
      {rating && (
        <nav className="dash-comment-tones" aria-label="Loại ý kiến">
          {([null, 'praise', 'suggestion'] as const).map((t) => (
            <a
              key={t ?? 'all'}
              href={props.toneHref(t)}
              aria-current={tone === t ? 'page' : undefined}
              className={tone === t ? 'is-current' : undefined}
            >
              {t === null ? 'Tất cả' : COMMENT_TONES[t]}
            </a>
          ))}
        </nav>
      )}
      {props.perReason && props.perReason.some((r) => r.count > 0) && (
        <p className="muted" data-testid="comments-per-reason">
          Ý kiến theo lý do chưa hài lòng: {props.perReason.map((r) => `${r.label} ${r.count}`).join(' · ')}
        </p>
      )}
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
                {rating && c.rating !== null && (
                  <span className={`dash-comment__rating ${c.rating >= rating.satisfiedFrom ? 'is-good' : 'is-bad'}`}>
                    {rating.labels.get(c.rating) ?? c.rating}
                  </span>
                )}{' '}
                {c.point} · {formatInstant(c.completedAt)} · {CHANNEL_LABELS[c.channel as Channel]?.vi ?? c.channel}
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
