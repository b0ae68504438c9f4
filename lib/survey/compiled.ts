import { caseRulesOf, type CaseRules } from '@/lib/cases/rules';
import { indexThresholds, type IndexThresholds } from '@/lib/indices/activity';

import { createAnswerValidator, type AnswerValidator } from './answers';
import { parseSurveyDefinition, type SurveyDefinition } from './definition';
import { extractScoring, localizeScoring } from './scoring';
import { createSurveyModel } from './survey-model';
import type { Scoring } from './types';

/**
 * Everything derived from one immutable survey version, built once from one survey-core model:
 * the definition, its scoring (and the Vietnamese titles the dashboards show), the index
 * thresholds the insert path and the rollup rebuild count with, the answer validator and the
 * case rules. Ingest, the rollup rebuild, dashboard views and the demo data all use this.
 */
export interface CompiledSurvey {
  definition: SurveyDefinition;
  scoring: Scoring;
  /** The scoring with Vietnamese titles: the shape lib/indices reads. */
  scoringVi: ReturnType<typeof localizeScoring>;
  thresholds: IndexThresholds;
  validator: AnswerValidator;
  caseRules: CaseRules;
}

/** @throws SurveyDefinitionError when the JSON is not a survey Hài Lòng can serve. */
export function compileSurvey(json: unknown, source: string): CompiledSurvey {
  const definition = parseSurveyDefinition(json, source);
  const model = createSurveyModel(definition);
  const scoring = extractScoring(definition, model);
  return {
    definition,
    scoring,
    scoringVi: localizeScoring(scoring, 'vi'),
    thresholds: indexThresholds(scoring),
    validator: createAnswerValidator(definition, { model }),
    caseRules: caseRulesOf(definition),
  };
}
