// Which responses open a case (docs/domain.md, the per-dossier rating): the rules are annotations in the survey
// itself, so an imported questionnaire can say which of its questions call for follow-up.
import type { SurveyDefinition } from '@/lib/survey/definition';
import { elementsOf } from '@/lib/survey/elements';

export type CaseRules = {
  /** question name → a value at or below it opens a case */
  thresholds: ReadonlyArray<{ question: string; atOrBelow: number }>;
  /** yes/no questions whose true answer marks a complaint */
  complaintFlags: readonly string[];
};

export type CaseReason = 'dissatisfied' | 'complaint';

export function caseRulesOf(def: SurveyDefinition): CaseRules {
  const thresholds: Array<{ question: string; atOrBelow: number }> = [];
  const complaintFlags: string[] = [];
  for (const { element } of elementsOf(def)) {
    const e = element as { name?: string; caseAtOrBelow?: unknown; marksComplaint?: unknown };
    if (!e.name) continue;
    if (typeof e.caseAtOrBelow === 'number') thresholds.push({ question: e.name, atOrBelow: e.caseAtOrBelow });
    if (e.marksComplaint === true) complaintFlags.push(e.name);
  }
  return { thresholds, complaintFlags };
}

/** Why this response opens a case, or [] when it does not. Answers are already validated. */
export function caseReasons(rules: CaseRules, answers: Readonly<Record<string, unknown>>): CaseReason[] {
  const reasons: CaseReason[] = [];
  if (
    rules.thresholds.some(
      ({ question, atOrBelow }) => typeof answers[question] === 'number' && (answers[question] as number) <= atOrBelow,
    )
  ) {
    reasons.push('dissatisfied');
  }
  if (rules.complaintFlags.some((q) => answers[q] === true)) reasons.push('complaint');
  return reasons;
}

export const hasCaseRules = (rules: CaseRules) => rules.thresholds.length > 0 || rules.complaintFlags.length > 0;
