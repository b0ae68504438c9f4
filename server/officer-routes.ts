// The officer answers of the view routes: /api/rankings?by=officer and /api/indices?officer=ID.
// Both check the caller's officer scope, answer 404 for an officer they may not see (as for one
// that does not exist: a manager must not learn who works elsewhere), and audit the view.
import type { Db } from '@/db';
import { findOfficer } from '@/db/queries/officers';
import type { Principal } from '@/lib/auth/permissions';
import { getConfig } from '@/lib/config';
import { badRequest, notFound } from '@/lib/http/errors';

import { officerIndicesView, officerRanking, visibleOfficers, type OfficerIndices } from './officer-figures';
import { auditOfficerView, officerScope, officersEnabled, scopeAllows } from './officer-scope';
import type { ResolvedView } from './view';

/** Whether a query asks for officer figures (never when OFFICER_RATINGS is off). */
export const asksOfficerRanking = (params: Record<string, string>) => officersEnabled() && params.by === 'officer';
export const asksOfficerIndices = (params: Record<string, string>) => officersEnabled() && params.officer !== undefined;

export async function officerRankingAnswer(
  db: Db,
  view: ResolvedView,
  principal: Principal,
  route = 'GET /api/rankings?by=officer',
  action: 'officer.view' | 'officer.export' = 'officer.view',
) {
  const scope = await officerScope(db, principal);
  const officers = await visibleOfficers(db, view, scope);
  const ranking = await officerRanking(db, view, officers, getConfig().MIN_RESPONSES);
  await auditOfficerView(
    db,
    principal,
    {
      route,
      officerIds: [...ranking.ranked.map((r) => Number(r.key)), ...ranking.suppressed.map((r) => Number(r.key))],
      survey: view.survey.slug,
      from: view.period.from,
      to: view.period.to,
    },
    action,
  );
  return { survey: view.survey.slug, by: 'officer', from: view.period.from, to: view.period.to, ...ranking };
}

export async function officerIndicesAnswer(
  db: Db,
  view: ResolvedView,
  params: Record<string, string>,
  principal: Principal,
): Promise<Response | object> {
  const found = await officerFigures(db, view, params, principal, 'GET /api/indices?officer');
  if (!found.ok)
    return found.status === 404 ? notFound(found.code, found.message) : badRequest(found.code, found.message);
  return { survey: view.survey.slug, from: view.period.from, to: view.period.to, ...found.figures };
}

/** One officer's figures for a caller who may see them (audited), or why not. */
export async function officerFigures(
  db: Db,
  view: ResolvedView,
  params: Record<string, string>,
  principal: Principal,
  route: string,
): Promise<{ ok: true; figures: OfficerIndices } | { ok: false; status: 400 | 404; code: string; message: string }> {
  if (!/^[1-9]\d{0,9}$/.test(params.officer ?? ''))
    return { ok: false, status: 400, code: 'invalid_query', message: 'officer: must be an officer id' };
  const officer = await findOfficer(db, Number(params.officer));
  const scope = await officerScope(db, principal);
  if (!officer || !scopeAllows(scope, officer))
    return { ok: false, status: 404, code: 'unknown_officer', message: `No officer ${params.officer}.` };
  // Only the officer's own unit: a view of another unit would mix in desks they never served.
  if (view.filter.unitIds !== null && !view.filter.unitIds.includes(officer.unitId)) {
    return {
      ok: false,
      status: 400,
      code: 'officer_outside_unit',
      message: `Officer ${officer.id} is not in unit "${params.unit}".`,
    };
  }
  const figures = await officerIndicesView(db, view, officer, getConfig().MIN_RESPONSES);
  await auditOfficerView(db, principal, {
    route,
    officerIds: [officer.id],
    survey: view.survey.slug,
    from: view.period.from,
    to: view.period.to,
  });
  return { ok: true, figures };
}
