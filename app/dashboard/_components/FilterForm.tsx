import type { PointRef, SurveyRow, UnitRef } from '@/db/queries/catalog';
import type { ProcedureRef } from '@/db/queries/procedures';
import { CHANNEL_LABELS } from '@/lib/dashboard/labels';
import { CHANNELS } from '@/lib/ingest/channels';
import './first-screen.css';

/** The period presets of the filter forms, `custom` last (from–to days). */
export const PERIODS = [
  ['thisMonth', 'Tháng này'],
  ['lastMonth', 'Tháng trước'],
  ['thisQuarter', 'Quý này'],
  ['lastQuarter', 'Quý trước'],
  ['thisYear', 'Năm nay'],
  ['custom', 'Tùy chọn (từ ngày – đến ngày)'],
] as const;

/** Units in tree order, indented by depth, so the picker reads like the organisation chart. */
function unitOptions(units: UnitRef[]): { unit: UnitRef; depth: number }[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<number | null, UnitRef[]>();
  for (const u of units) {
    const parent = u.parentId !== null && ids.has(u.parentId) ? u.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const out: { unit: UnitRef; depth: number }[] = [];
  const walk = (parent: number | null, depth: number) => {
    for (const u of children.get(parent) ?? []) {
      out.push({ unit: u, depth });
      walk(u.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/**
 * A plain GET form: every filter lands in the URL, so a view can be bookmarked and shared, and
 * the dashboard works before (and without) JavaScript.
 */
export function FilterForm(props: {
  values: Record<string, string>;
  surveys: SurveyRow[];
  units: UnitRef[];
  points: PointRef[];
  procedures: ProcedureRef[];
  period: { from: string; to: string };
}) {
  const v = props.values;
  const period = v.from || v.to ? 'custom' : (v.period ?? 'thisQuarter');
  return (
    <form className="dash-filters" method="get" action="/dashboard" aria-label="Bộ lọc / Filters">
      <label className="dash-field">
        <span>Phiếu khảo sát</span>
        <select name="survey" defaultValue={v.survey ?? 'sipas'}>
          {props.surveys.map((s) => (
            <option key={s.slug} value={s.slug}>
              {s.title}
            </option>
          ))}
        </select>
      </label>
      <label className="dash-field">
        <span>Kỳ</span>
        <select name="period" defaultValue={period}>
          {PERIODS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="dash-field">
        <span>Từ ngày</span>
        <input type="date" name="from" defaultValue={period === 'custom' ? props.period.from : ''} />
      </label>
      <label className="dash-field">
        <span>Đến ngày</span>
        <input type="date" name="to" defaultValue={period === 'custom' ? props.period.to : ''} />
      </label>
      <label className="dash-field">
        <span>Đơn vị</span>
        <select name="unit" defaultValue={v.unit ?? ''}>
          <option value="">Tất cả đơn vị</option>
          {unitOptions(props.units).map(({ unit, depth }) => (
            <option key={unit.code} value={unit.code}>
              {'\u00a0\u00a0'.repeat(depth)}
              {unit.name}
            </option>
          ))}
        </select>
      </label>
      <label className="dash-field">
        <span>Quầy</span>
        <select name="point" defaultValue={v.point ?? ''}>
          <option value="">Tất cả quầy</option>
          {props.points.map((p) => (
            <option key={p.code} value={p.code}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label className="dash-field">
        <span>Thủ tục</span>
        <select name="procedure" defaultValue={v.procedure ?? ''}>
          <option value="">Tất cả thủ tục</option>
          {props.procedures.map((p) => (
            <option key={p.code} value={p.code}>
              {p.code} – {p.name.length > 70 ? `${p.name.slice(0, 70)}…` : p.name}
            </option>
          ))}
        </select>
      </label>
      <label className="dash-field">
        <span>Kênh</span>
        <select name="channel" defaultValue={v.channel ?? ''}>
          <option value="">Tất cả kênh</option>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {CHANNEL_LABELS[c].vi}
            </option>
          ))}
        </select>
      </label>
      <label className="dash-field">
        <span>Xu hướng theo</span>
        <select name="trend" defaultValue={v.trend ?? ''}>
          <option value="">Tự động</option>
          <option value="day">Ngày</option>
          <option value="week">Tuần</option>
          <option value="month">Tháng</option>
        </select>
      </label>
      <div className="dash-filter-actions">
        <button className="button" type="submit">
          Xem / Apply
        </button>
        <a className="button button--ghost" href="/dashboard">
          Đặt lại
        </a>
      </div>
      <p className="muted dash-filter-note">
        &quot;Từ ngày – đến ngày&quot; được dùng khi chọn kỳ tùy chọn; nếu nhập ngày, kỳ tùy chọn được áp dụng.
      </p>
    </form>
  );
}
