// Resolves a dashboard view's filters against the catalogue and the caller's unit scope. Shared by
// /api/indices, the exports, /dashboard and the report so that they agree on what a view means.
import { notFound, redirect } from 'next/navigation';

import type { Db } from '@/db';
import {
  findSurveyVersions,
  listActivePoints,
  listActiveProcedures,
  listActiveUnits,
  listSurveys,
  type PointRef,
  type SurveyRow,
  type UnitRef,
} from '@/db/queries/catalog';
import type { ProcedureRef } from '@/db/queries/procedures';
import type { RollupFilter } from '@/db/queries/rollup-reads';
import { unitSubtreeIds } from '@/db/queries/units';
import type { Principal } from '@/lib/auth/permissions';
import { parseViewParams, type ViewParams } from '@/lib/dashboard/params';
import type { Scoring } from '@/lib/indices';
import type { SurveyDefinition } from '@/lib/survey/definition-schema';
import type { DayPeriod } from '@/lib/time/local';

import { unitScope } from './guard';
import { compiledFromJson } from './survey-versions';

export type ResolvedView = {
  params: ViewParams;
  period: DayPeriod;
  survey: { slug: string; title: string; definition: SurveyDefinition; scoring: Scoring };
  filter: RollupFilter;
  unit: UnitRef | null;
  point: PointRef | null;
  procedure: ProcedureRef | null;
  /** The units, desks and procedures the caller may pick from (a manager: their subtree). */
  catalog: { units: UnitRef[]; points: PointRef[]; procedures: ProcedureRef[] };
};

export type ViewError = { status: 400 | 403 | 404; code: string; message: string };

export async function resolveView(
  db: Db,
  principal: Principal,
  raw: Record<string, string>,
  nowMs: number,
  defaults: { survey?: string } = {},
): Promise<ResolvedView | ViewError> {
  const parsed = parseViewParams(raw, nowMs, defaults);
  if (!parsed.ok) return { status: 400, code: parsed.code, message: parsed.message };
  const { params, period } = parsed;

  const versions = await findSurveyVersions(db, { slug: params.survey });
  if (!versions || !versions.published) {
    return { status: 404, code: 'unknown_survey', message: `No published survey "${params.survey}".` };
  }
  const { definition, scoringVi: scoring } = compiledFromJson(
    versions.published.versionId,
    versions.published.definition,
    `survey ${params.survey}`,
  );

  const scope = await unitScope(principal);
  const allUnits = await listActiveUnits(db);
  const units = scope === null ? allUnits : allUnits.filter((u) => scope.has(u.id));
  const points = (await listActivePoints(db)).filter((p) => scope === null || scope.has(p.unitId));

  let unit: UnitRef | null = null;
  let unitIds: number[] | null = scope === null ? null : [...scope];
  if (params.unit !== undefined) {
    unit = allUnits.find((u) => u.code === params.unit) ?? null;
    if (!unit) return { status: 404, code: 'unknown_unit', message: `No unit "${params.unit}".` };
    if (scope !== null && !scope.has(unit.id)) {
      return { status: 403, code: 'forbidden_unit', message: `Unit "${params.unit}" is outside your units.` };
    }
    unitIds = [...(await unitSubtreeIds(db, unit.id))];
  }

  let point: PointRef | null = null;
  if (params.point !== undefined) {
    point = (await listActivePoints(db)).find((p) => p.code === params.point) ?? null;
    if (!point) return { status: 404, code: 'unknown_point', message: `No service point "${params.point}".` };
    if (scope !== null && !scope.has(point.unitId)) {
      return {
        status: 403,
        code: 'forbidden_point',
        message: `Service point "${params.point}" is outside your units.`,
      };
    }
    if (unitIds !== null && !unitIds.includes(point.unitId)) {
      return {
        status: 400,
        code: 'point_outside_unit',
        message: `Service point "${params.point}" is not in unit "${params.unit}".`,
      };
    }
    unitIds = [point.unitId];
  }

  const procedures = await listActiveProcedures(db);
  let procedure: ProcedureRef | null = null;
  if (params.procedure !== undefined) {
    procedure = procedures.find((p) => p.code === params.procedure) ?? null;
    if (!procedure)
      return {
        status: 404,
        code: 'unknown_procedure',
        message: `No procedure "${params.procedure}" in the catalogue.`,
      };
  }

  return {
    params,
    period,
    survey: {
      slug: versions.slug,
      title: definition.title ? localizeTitle(definition.title) : versions.slug,
      definition,
      scoring,
    },
    filter: {
      versionIds: versions.versionIds,
      from: period.from,
      to: period.to,
      unitIds: unitIds === null ? null : unitIds.sort((a, b) => a - b),
      pointId: point?.id ?? null,
      procedureId: procedure?.id ?? null,
      channel: params.channel ?? null,
    },
    unit,
    point,
    procedure,
    catalog: { units, points, procedures },
  };
}

function localizeTitle(title: NonNullable<SurveyDefinition['title']>): string {
  return typeof title === 'string' ? title : (title.default ?? Object.values(title)[0] ?? '');
}

export function isViewError(value: ResolvedView | ViewError): value is ViewError {
  return 'status' in value && 'code' in value && !('filter' in value);
}

/**
 * For a page: an out-of-scope unit or desk goes to the forbidden page and an unknown one to the
 * not-found page, as any other page the caller may not see; only a malformed view (400) is left
 * for the page to explain.
 */
export function interruptViewError(error: ViewError): ViewError & { status: 400 } {
  if (error.status === 403) redirect('/forbidden');
  if (error.status === 404) notFound();
  return error as ViewError & { status: 400 };
}

/**
 * A dashboard page's view: its query over the `preferred` survey unless the query names one (the
 * first survey when `preferred` is not in the catalogue; none at all is a 404), with its errors
 * interrupted as `interruptViewError` does; with the surveys it chose from, for the page's picker.
 */
export async function resolvePageView(
  db: Db,
  principal: Principal,
  raw: Record<string, string>,
  preferred: string,
): Promise<{ surveys: SurveyRow[]; view: ResolvedView | (ViewError & { status: 400 }) }> {
  const surveys = await listSurveys(db);
  if (surveys.length === 0) notFound();
  const view = await resolveView(db, principal, raw, Date.now(), {
    survey: surveys.some((s) => s.slug === preferred) ? preferred : surveys[0]!.slug,
  });
  return { surveys, view: isViewError(view) ? interruptViewError(view) : view };
}
