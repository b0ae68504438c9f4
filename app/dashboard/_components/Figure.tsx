import type { ReactNode } from 'react';
import './charts.css';

/**
 * A chart with its caption, an empty state and the same numbers as a table. The table is in the
 * page, under a disclosure, so screen readers, keyboard users and printouts get the data.
 */
export function Figure(props: {
  id: string;
  title: string;
  subtitle?: string;
  empty: boolean;
  chart: ReactNode;
  table: ReactNode;
}) {
  return (
    <figure className="dash-card dash-figure" aria-labelledby={`${props.id}-title`}>
      <figcaption>
        <h2 id={`${props.id}-title`}>{props.title}</h2>
        {props.subtitle && <p className="muted">{props.subtitle}</p>}
      </figcaption>
      {props.empty ? (
        <p className="dash-empty">
          Chưa có dữ liệu cho bộ lọc này. <span lang="en">No data for these filters.</span>
        </p>
      ) : (
        <>
          {props.chart}
          <details className="dash-table-toggle">
            <summary>Bảng số liệu / Data table</summary>
            <div className="table-wrap" tabIndex={0} role="region" aria-label="Bảng số liệu (cuộn ngang) / Data table">
              {props.table}
            </div>
          </details>
        </>
      )}
    </figure>
  );
}
