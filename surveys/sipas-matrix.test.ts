import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, test } from 'vitest';

import { computeIndices, type AnswerCounts } from '@/lib/indices';
import { seededRandom } from '@/lib/demo/random';
import { createAnswerValidator } from '@/lib/survey/answers';
import { compileSurvey, type CompiledSurvey } from '@/lib/survey/compiled';
import type { ScoredAnswer } from '@/lib/survey/types';

// The same 22 SIPAS criteria asked as 22 radio groups (sipas.json) and as five Likert grids
// (sipas-matrix.json): the same answers must give the same indices.
const load = (file: string) =>
  compileSurvey(JSON.parse(readFileSync(join(import.meta.dirname, file), 'utf8')), `surveys/${file}`);
const flat = load('sipas.json');
const grid = load('sipas-matrix.json');

/** `q_access_seats: 4` → `access: { seats: 4 }` */
function asMatrix(answers: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(answers)) {
    const criterion = flat.scoring.questions.find((q) => q.name === key && q.dimension !== null);
    if (!criterion) {
      out[key] = value;
      continue;
    }
    const dimension = criterion.dimension!;
    const row = key.slice(`q_${dimension}_`.length);
    out[dimension] = { ...(out[dimension] as Record<string, unknown> | undefined), [row]: value };
  }
  return out;
}

function indicesOf(survey: CompiledSurvey, scored: ScoredAnswer[][]) {
  const counts = new Map<string, Map<number, number>>();
  for (const answer of scored.flat()) {
    const values = counts.get(answer.question) ?? new Map<number, number>();
    values.set(answer.value, (values.get(answer.value) ?? 0) + 1);
    counts.set(answer.question, values);
  }
  return computeIndices({
    scoring: survey.scoringVi,
    counts: counts as AnswerCounts,
    responses: scored.length,
    options: { minResponses: 5 },
  });
}

describe('sipas-matrix.json', () => {
  test('scores the same 22 criteria in the same 5 elements, one per matrix row', () => {
    const criteria = (s: CompiledSurvey) => s.scoring.questions.filter((q) => q.dimension !== null);
    expect(criteria(grid).map((q) => q.name)).toContain('access.seats');
    expect(
      criteria(grid).map(({ dimension, title, values, satisfiedFrom }) => ({
        dimension,
        title,
        values,
        satisfiedFrom,
      })),
    ).toEqual(
      criteria(flat).map(({ dimension, title, values, satisfiedFrom }) => ({
        dimension,
        title,
        values,
        satisfiedFrom,
      })),
    );
  });

  test('the same 300 random responses give identical indices through both forms', () => {
    const random = seededRandom(15);
    const criteria = flat.scoring.questions.filter((q) => q.dimension !== null);
    const flatScored: ScoredAnswer[][] = [];
    const gridScored: ScoredAnswer[][] = [];
    for (let i = 0; i < 300; i++) {
      const answers: Record<string, unknown> = { overall: 1 + Math.floor(random() * 5) };
      // Each criterion skipped one time in five (not applicable), else a level skewed to 4–5.
      for (const q of criteria) if (random() > 0.2) answers[q.name] = Math.min(5, 2 + Math.floor(random() * 4.2));
      const a = flat.validator.validate(answers);
      const b = grid.validator.validate(asMatrix(answers));
      if (!a.ok || !b.ok) throw new Error(JSON.stringify([a, b]));
      expect(b.data).toEqual(asMatrix(a.data));
      flatScored.push(a.scored);
      gridScored.push(b.scored);
    }
    const x = indicesOf(flat, flatScored);
    const y = indicesOf(grid, gridScored);
    expect(y.index).toBe(x.index);
    expect(y.index).not.toBeNull();
    expect(
      y.dimensions.map((d) => [d.name, d.index, d.criteria.map((c) => [c.title, c.n, c.satisfied, c.index])]),
    ).toEqual(x.dimensions.map((d) => [d.name, d.index, d.criteria.map((c) => [c.title, c.n, c.satisfied, c.index])]));
  });

  test("is served by the condition engine, which agrees with survey-core's model on it", () => {
    expect(grid.validator.engine).toBe('conditions');
    const model = createAnswerValidator(grid.definition, { engine: 'model' });
    const random = seededRandom(7);
    for (let i = 0; i < 12; i++) {
      const answers: Record<string, unknown> = random() > 0.2 ? { overall: 1 + Math.floor(random() * 5) } : {};
      if (random() > 0.3) answers.staff = { polite: 5, rules: 1 + Math.floor(random() * 5) };
      if (random() > 0.5) answers.comment = 'Tốt';
      expect(grid.validator.validate(answers)).toEqual(model.validate(answers));
    }
  });

  test('a row value that is not offered, or a row that does not exist, is refused', () => {
    expect(grid.validator.validate({ overall: 4, access: { seats: 6 } })).toMatchObject({
      ok: false,
      issues: [{ code: 'out_of_scale' }],
    });
    expect(grid.validator.validate({ overall: 4, access: { sofa: 5 } })).toMatchObject({
      ok: false,
      issues: [{ code: 'unknown_question' }],
    });
    expect(grid.validator.validate({ overall: 4, access: { seats: '5' } })).toMatchObject({
      ok: false,
      issues: [{ code: 'wrong_type' }],
    });
  });
});
