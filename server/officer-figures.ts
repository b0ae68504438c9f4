// Per-officer figures, by the one method of every index (lib/indices): respondent-level scores,
// MIN_RESPONSES suppression by people, respondent intervals, Holm-corrected verdicts, here
// against each officer's own unit. Read from the raw responses (the rollups carry no officer),
// through the partial index responses_officer_completed_idx.
import type { Db } from '@/db';
import { listOfficers, readOfficerAnswers, readOfficerRespondents, type OfficerRow } from '@/db/queries/officers';
import type { RollupFilter } from '@/db/queries/rollup-reads';
import {
  answerCountsFromRows,
  computeIndices,
  indexCriteria,
  rankByIndex,
  respondentScoreRows,
  round2,
  type AnswerCountRow,
  type Benchmark,
  type IndicesResult,
  type Ranking,
  type Scoring,
  type Verdict,
  verdictsAgainstOwn,
} from '@/lib/indices';

import { indicesBy } from './indices';
import { scopeAllows, type OfficerScope } from './officer-scope';
import type { ResolvedView } from './view';

/** The indices of each officer, from their respondents' answers in the view. */
export async function officerIndices(
  db: Db,
  scoring: Scoring,
  filter: RollupFilter,
  officerIds: readonly number[],
  minResponses: number,
): Promise<Map<number, IndicesResult>> {
  const [respondents, answerRows] = await Promise.all([
    readOfficerRespondents(db, filter, officerIds),
    readOfficerAnswers(db, filter, officerIds),
  ]);
  const criteria = indexCriteria(scoring);
  const rows = new Map<number, AnswerCountRow[]>();
  const people = new Map<number, number>();
  for (const r of respondents) people.set(r.officerId, (people.get(r.officerId) ?? 0) + r.responses);

  // Rows arrive grouped by officer, then response: fold each person's answers, then add the
  // score rows the rollups would hold for them (lib/indices/respondent.ts).
  let current: { officerId: number; responseId: string; scored: { question: string; value: number }[] } | null = null;
  const flush = () => {
    if (!current) return;
    const list = rows.get(current.officerId) ?? [];
    for (const a of current.scored) list.push({ ...a, count: 1 });
    for (const s of respondentScoreRows(criteria, current.scored)) list.push({ ...s, count: 1 });
    rows.set(current.officerId, list);
  };
  for (const a of answerRows) {
    if (!current || current.responseId !== a.responseId) {
      flush();
      current = { officerId: a.officerId, responseId: a.responseId, scored: [] };
    }
    current.scored.push({ question: a.question, value: a.value });
  }
  flush();

  const out = new Map<number, IndicesResult>();
  for (const id of officerIds) {
    out.set(
      id,
      computeIndices({
        scoring,
        counts: answerCountsFromRows(rows.get(id) ?? []),
        responses: people.get(id) ?? 0,
        options: { minResponses },
      }),
    );
  }
  return out;
}

/** The officers of a view the caller may see: the view's units, narrowed by the caller's scope. */
export async function visibleOfficers(db: Db, view: ResolvedView, scope: OfficerScope): Promise<OfficerRow[]> {
  const officers = await listOfficers(db, { unitIds: view.filter.unitIds });
  return officers.filter((o) => scopeAllows(scope, o));
}

/** Each unit's own index over the view (its desks' responses, from the rollups). */
async function unitIndices(db: Db, view: ResolvedView, minResponses: number): Promise<Map<number, number | null>> {
  const byUnit = await indicesBy(db, view.survey.scoring, view.filter, 'unit', minResponses);
  return new Map([...byUnit].map(([key, result]) => [Number(key), result.index]));
}

export type OfficerRanking = Ranking & { benchmark: Benchmark | null; target: null };

/**
 * `GET /api/rankings?by=officer`: the visible officers ranked by their index, each tested against
 * their own unit's index (Holm across the ranked officers); thin ones listed apart, never named
 * with a figure (the same SuppressedList as the other rankings).
 */
export async function officerRanking(
  db: Db,
  view: ResolvedView,
  officers: readonly OfficerRow[],
  minResponses: number,
): Promise<OfficerRanking> {
  const [indices, units] = await Promise.all([
    officerIndices(
      db,
      view.survey.scoring,
      view.filter,
      officers.map((o) => o.id),
      minResponses,
    ),
    unitIndices(db, view, minResponses),
  ]);
  const rows = officers
    .map((o) => ({
      key: String(o.id),
      label: o.title ? `${o.name} (${o.title})` : o.name,
      result: indices.get(o.id)!,
      benchmark: units.get(o.unitId) ?? null,
    }))
    .filter((row) => row.result.responses > 0);
  const unitIds = new Set(officers.map((o) => o.unitId));
  const onlyUnit = unitIds.size === 1 ? officers[0]! : null;
  const own = onlyUnit ? (units.get(onlyUnit.unitId) ?? null) : null;
  return {
    ...rankByIndex({ rows, benchmark: null }),
    benchmark: onlyUnit && own !== null ? { kind: 'unit', label: `Chỉ số của ${onlyUnit.unitName}`, index: own } : null,
    target: null,
  };
}

export type OfficerIndices = IndicesResult & {
  officer: { id: number; name: string; title: string | null; unit: string; active: boolean };
  /** The officer's own unit over the same view: what the verdict tests against. */
  benchmark: Benchmark | null;
  verdict: Verdict | null;
  /**
   * The officer's procedure mix (respondents per procedure) beside the index of the same
   * procedure over the whole view (every desk), and that index weighted by the officer's mix:
   * what a desk with this officer's caseload scores, so a hard mix is not read as a poor officer.
   */
  procedures: { procedure: string; label: string; responses: number; viewIndex: number | null }[];
  mixAdjustedViewIndex: number | null;
};

/** `GET /api/indices?officer=ID`: one officer's indices, verdict, procedure mix and its comparison. */
export async function officerIndicesView(
  db: Db,
  view: ResolvedView,
  officer: OfficerRow,
  minResponses: number,
): Promise<OfficerIndices> {
  const [indices, units, respondents, byProcedure] = await Promise.all([
    officerIndices(db, view.survey.scoring, view.filter, [officer.id], minResponses),
    unitIndices(db, view, minResponses),
    readOfficerRespondents(db, view.filter, [officer.id]),
    indicesBy(db, view.survey.scoring, view.filter, 'procedure', minResponses),
  ]);
  const result = indices.get(officer.id)!;
  const own = units.get(officer.unitId) ?? null;
  const verdict =
    result.index !== null && result.effectiveN !== null
      ? verdictsAgainstOwn([{ index: result.index, effectiveN: result.effectiveN, benchmark: own }])[0]!.verdict
      : null;
  const names = new Map(view.catalog.procedures.map((p) => [p.id, p]));
  const procedures = respondents
    .map((r) => {
      const p = r.procedureId === null ? null : names.get(r.procedureId);
      return {
        procedure: p?.code ?? '',
        label: p?.name ?? (r.procedureId === null ? 'Không ghi thủ tục' : `#${r.procedureId}`),
        responses: r.responses,
        viewIndex: byProcedure.get(String(r.procedureId ?? 0))?.index ?? null,
      };
    })
    .sort((a, b) => b.responses - a.responses || a.label.localeCompare(b.label, 'vi'));
  const weighed = procedures.filter((p) => p.viewIndex !== null);
  const weight = weighed.reduce((s, p) => s + p.responses, 0);
  return {
    ...result,
    officer: {
      id: officer.id,
      name: officer.name,
      title: officer.title,
      unit: officer.unitCode,
      active: officer.active,
    },
    benchmark: own === null ? null : { kind: 'unit', label: `Chỉ số của ${officer.unitName}`, index: own },
    verdict,
    procedures,
    mixAdjustedViewIndex:
      weight === 0 ? null : round2(weighed.reduce((s, p) => s + p.viewIndex! * p.responses, 0) / weight),
  };
}
