import { formatInt, formatPercent } from '@/lib/dashboard/format';
import type { ReasonGroup, Reasons } from '@/server/reasons';

import { Figure } from './Figure';
import { ReasonChart } from './ReasonChart';
import './improvement.css';

function cell(choice: ReasonGroup['choices'][number]) {
  if (choice.share === null) return formatInt(choice.count);
  return (
    <>
      {formatInt(choice.count)} · {formatPercent(choice.share)}
      {choice.ci95 && (
        <span className="dash-ci-text">{`${formatPercent(choice.ci95[0])} – ${formatPercent(choice.ci95[1])}`}</span>
      )}
    </>
  );
}

function GroupTable({ caption, groups, reasons }: { caption: string; groups: ReasonGroup[]; reasons: Reasons }) {
  return (
    <table className="dash-table dash-reasons">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{caption}</th>
          <th scope="col">Số người trả lời</th>
          {reasons.choices.map((c) => (
            <th scope="col" key={c.value}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <tr key={g.key}>
            <th scope="row">{g.label}</th>
            <td className="num">
              {formatInt(g.respondents)}
              {g.suppressed ? ' (chưa đủ dữ liệu)' : ''}
            </td>
            {g.choices.map((c) => (
              <td className="num" key={c.choice}>
                {cell(c)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What went wrong, in the words of the dissatisfied: each reason by count and share, for the scope, each unit and each desk. */
export function ReasonSection({ reasons, minResponses }: { reasons: Reasons; minResponses: number }) {
  const { total } = reasons;
  const bars = total.choices
    .map((c) => ({
      label: reasons.choices.find((x) => x.value === c.choice)?.label ?? c.choice,
      count: c.count,
      share: c.share ?? 0,
      ci95: c.ci95,
    }))
    .sort((a, b) => b.count - a.count);
  return (
    <Figure
      id="reasons"
      title={`Lý do chưa hài lòng: “${reasons.title}”`}
      subtitle={
        total.suppressed
          ? `${formatInt(total.respondents)} người trả lời: chưa đủ ${formatInt(minResponses)} để tính tỷ lệ; bảng số liệu có số lượt chọn.`
          : `${formatInt(total.respondents)} người trả lời; tỷ lệ = số người chọn / số người trả lời (chọn được nhiều ý), khoảng tin cậy 95 % Wilson.`
      }
      empty={total.respondents === 0}
      chart={
        total.suppressed ? <p className="dash-empty">Chưa đủ dữ liệu để vẽ tỷ lệ.</p> : <ReasonChart bars={bars} />
      }
      table={
        <>
          <GroupTable caption="Đơn vị" groups={reasons.units} reasons={reasons} />
          <GroupTable caption="Quầy" groups={reasons.points} reasons={reasons} />
        </>
      }
    />
  );
}
