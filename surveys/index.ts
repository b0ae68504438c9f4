import { parseSurveyDefinition, type SurveyDefinition } from '@/lib/survey/definition';

// Static imports, so that Next bundles the questionnaires with the server code.
import quick from './quick.json';
import sipas from './sipas.json';

export interface BundledSurvey {
  slug: string;
  definition: SurveyDefinition;
}

const FILES: ReadonlyArray<readonly [slug: string, json: unknown]> = [
  ['sipas', sipas],
  ['quick', quick],
];

/**
 * The questionnaires shipped with the app, validated. A broken file throws a
 * SurveyDefinitionError naming it (`surveys/quick.json: pages[0]…`), so start-up fails loudly.
 */
export function loadBundledSurveys(): BundledSurvey[] {
  return FILES.map(([slug, json]) => ({ slug, definition: parseSurveyDefinition(json, `surveys/${slug}.json`) }));
}
