import type { Db } from '@/db';
import { readChoiceCounts } from '@/db/queries/choice-counts';
import { listActivePoints, listActiveUnits } from '@/db/queries/catalog';
import { choiceShares, type ChoiceGroup } from '@/lib/indices/choices';
import { elementsOf } from '@/lib/survey/elements';
import { localize } from '@/lib/survey/scoring';

import type { ResolvedView } from './view';

export type ReasonGroup = ChoiceGroup & { label: string };

export type Reasons = {
  /** Comments left with each reason, in `choices` order: what the comments are about. */
  comments: { value: string; label: string; count: number }[];
  question: string;
  title: string;
  choices: { value: string; label: string }[];
  total: ReasonGroup;
  units: ReasonGroup[];
  points: ReasonGroup[];
};

/**
 * The survey's multiple-choice question (quick: "Điều gì chưa tốt?", asked of the dissatisfied)
 * counted by choice for the scope, each unit and each desk. Null when the survey has none.
 */
export async function reasonsFor(
  db: Db,
  view: Pick<ResolvedView, 'survey' | 'filter'>,
  minResponses: number,
): Promise<Reasons | null> {
  const question = elementsOf(view.survey.definition)
    .map(({ element }) => element)
    .find((e) => e.type === 'checkbox' && Array.isArray((e as { choices?: unknown }).choices));
  if (!question || question.type !== 'checkbox') return null;
  const choices = (question.choices ?? []).map((c) =>
    typeof c === 'object'
      ? { value: String(c.value), label: c.text ? localize(c.text, 'vi') : String(c.value) }
      : { value: String(c), label: String(c) },
  );
  const values = choices.map((c) => c.value);
  const [rows, units, points] = await Promise.all([
    readChoiceCounts(db, view.filter, question.name),
    listActiveUnits(db),
    listActivePoints(db),
  ]);
  const unitName = new Map(units.map((u) => [String(u.id), u.name]));
  const pointName = new Map(points.map((p) => [String(p.id), p.name]));
  const label =
    (names: Map<string, string>) =>
    (g: ChoiceGroup): ReasonGroup => ({ ...g, label: names.get(g.key) ?? g.key });
  // The zero row makes the scope's group exist even when nobody answered.
  const total = choiceShares(
    [{ key: 'all', choice: null, count: 0 }, ...rows.map((r) => ({ key: 'all', choice: r.choice, count: r.count }))],
    values,
    minResponses,
  )[0]!;
  return {
    question: question.name,
    title: question.title ? localize(question.title, 'vi') : question.name,
    choices,
    comments: choices.map((c) => ({
      ...c,
      count: rows.filter((r) => r.choice === c.value).reduce((sum, r) => sum + r.commented, 0),
    })),
    total: { ...total, label: 'Tất cả' },
    units: choiceShares(
      rows.map((r) => ({ key: String(r.unitId), choice: r.choice, count: r.count })),
      values,
      minResponses,
    ).map(label(unitName)),
    points: choiceShares(
      rows.map((r) => ({ key: String(r.pointId), choice: r.choice, count: r.count })),
      values,
      minResponses,
    ).map(label(pointName)),
  };
}
