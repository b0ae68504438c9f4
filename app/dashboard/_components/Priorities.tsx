import { formatInt, formatPercent } from '@/lib/dashboard/format';
import { median, type PriorityCriterion, type Quadrant } from '@/lib/indices/priorities';
import type { Priorities } from '@/server/priorities';

import { Figure } from './Figure';
import { PriorityChart } from './PriorityChart';
import './improvement.css';

export const QUADRANT_LABELS: Record<Quadrant, string> = {
  fix_first: 'Cần cải thiện trước',
  keep_up: 'Duy trì',
  low_priority: 'Ưu tiên thấp',
  possible_overkill: 'Có thể đang làm quá mức cần',
};

/** The criteria to improve first, most important first: the director's third question in words. */
export function fixFirst(priorities: Priorities): PriorityCriterion[] {
  return priorities.criteria.filter((c) => c.quadrant === 'fix_first').sort((a, b) => b.importance! - a.importance!);
}

/** Improvement priorities: importance × performance, the fix_first criteria named, and the full table. */
export function PrioritySection({ priorities, minResponses }: { priorities: Priorities; minResponses: number }) {
  const rated = priorities.criteria.filter(
    (c): c is PriorityCriterion & { importance: number; index: number } => c.importance !== null && c.index !== null,
  );
  const first = fixFirst(priorities);
  const suppressed = priorities.r2 === null;
  return (
    <Figure
      id="priorities"
      title="Ưu tiên cải thiện"
      subtitle={
        suppressed
          ? `Chưa đủ dữ liệu: cần ít nhất ${formatInt(minResponses)} người trả lời câu đánh giá chung (hiện có ${formatInt(priorities.responses)}).`
          : `Tầm quan trọng = phần đóng góp của tiêu chí vào mức hài lòng chung (trọng số tương đối Johnson, R² = ${formatPercent(priorities.r2)}, ${formatInt(priorities.responses)} người trả lời); khoảng tin cậy 95 % bằng bootstrap.`
      }
      empty={suppressed || rated.length === 0}
      chart={
        <>
          <div className="dash-fix-first" data-testid="fix-first">
            {first.length === 0 ? (
              <p>Không có tiêu chí nào vừa quan trọng hơn mức giữa vừa có chỉ số thấp hơn mức giữa.</p>
            ) : (
              <>
                <p>
                  <strong>Cần cải thiện trước</strong> (quan trọng nhưng chỉ số thấp):
                </p>
                <ol>
                  {first.map((c) => (
                    <li key={c.question}>
                      {c.title} — hài lòng {formatPercent(c.index)}, tầm quan trọng {formatPercent(c.importance)}
                    </li>
                  ))}
                </ol>
              </>
            )}
          </div>
          <PriorityChart
            points={rated.map((c) => ({
              label: c.title,
              importance: c.importance,
              index: c.index,
              fixFirst: c.quadrant === 'fix_first',
            }))}
            importanceMedian={median(rated.map((c) => c.importance)) ?? 0}
            indexMedian={median(rated.map((c) => c.index)) ?? 0}
          />
        </>
      }
      table={
        <table className="dash-table">
          <thead>
            <tr>
              <th scope="col">Tiêu chí</th>
              <th scope="col">Chỉ số</th>
              <th scope="col">Tầm quan trọng</th>
              <th scope="col">Khoảng tin cậy 95 %</th>
              <th scope="col">Nhóm</th>
            </tr>
          </thead>
          <tbody>
            {[...priorities.criteria]
              .sort((a, b) => (b.importance ?? -1) - (a.importance ?? -1))
              .map((c) => (
                <tr key={c.question}>
                  <th scope="row">{c.title}</th>
                  <td className="num">{c.index === null ? 'chưa đủ dữ liệu' : formatPercent(c.index)}</td>
                  <td className="num">{c.importance === null ? '–' : formatPercent(c.importance)}</td>
                  <td className="num">
                    {c.importanceCi95
                      ? `${formatPercent(c.importanceCi95[0])} – ${formatPercent(c.importanceCi95[1])}`
                      : '–'}
                  </td>
                  <td>{c.quadrant ? QUADRANT_LABELS[c.quadrant] : '–'}</td>
                </tr>
              ))}
          </tbody>
        </table>
      }
    />
  );
}
