/** The units of one verdict ("làm tốt" or "chưa tốt") with their index; nothing when there are none. */
export function VerdictList(props: {
  units: readonly { code: string; name: string; index: number }[];
  title: string;
  note: string;
  format: (index: number) => string;
}) {
  if (props.units.length === 0) return null;
  return (
    <div>
      <h3>
        {props.title} <span className="muted">({props.note})</span>
      </h3>
      <ul className="results-rank">
        {props.units.map((u) => (
          <li key={u.code}>
            {u.name}: <strong>{props.format(u.index)}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}
