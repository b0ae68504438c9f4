import { improvementOf, type ImprovementProps } from './improvement-data';
import { PrioritySection } from './Priorities';
import { ReasonSection } from './Reasons';
import './improvement.css';

/**
 * What to fix first: the priorities of a survey with an outcome question, and the reasons the
 * dissatisfied chose where the survey asks for them. Async, so the page streams it.
 */
export async function Improvement(props: ImprovementProps) {
  const { priorities, reasons } = await improvementOf(props);
  const { minResponses } = props;
  if (!priorities && !reasons) return null;
  return (
    <div className="dash-grid dash-grid--even">
      {priorities && <PrioritySection priorities={priorities} minResponses={minResponses} />}
      {reasons && <ReasonSection reasons={reasons} minResponses={minResponses} />}
    </div>
  );
}

export function ImprovementSkeleton() {
  return (
    <div className="dash-card" aria-busy="true">
      <h2>Ưu tiên cải thiện</h2>
      <p className="muted">Đang tính…</p>
    </div>
  );
}
