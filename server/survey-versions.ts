import type { Queryable } from '@/db/index';
import { findSurveyVersionById } from '@/db/queries/surveys';
import { compileSurvey, type CompiledSurvey } from '@/lib/survey/compiled';

// Survey versions are immutable, so each is compiled once (a survey-core model, the validator,
// scoring, thresholds, case rules) and reused by every response, view and rebuild in this process.
const compiled = new Map<number, CompiledSurvey>();

/** The compiled survey version, from the cache or built from its stored definition JSON. */
export function compiledFromJson(versionId: number, definition: string, source: string): CompiledSurvey {
  let c = compiled.get(versionId);
  if (!c) {
    c = compileSurvey(JSON.parse(definition), source);
    compiled.set(versionId, c);
  }
  return c;
}

export async function compiledVersion(db: Queryable, versionId: number): Promise<CompiledSurvey> {
  const cached = compiled.get(versionId);
  if (cached) return cached;
  const record = await findSurveyVersionById(db, { versionId });
  if (!record) throw new Error(`survey version ${versionId} vanished`);
  return compiledFromJson(versionId, record.definition, `survey ${record.slug} v${record.version}`);
}
