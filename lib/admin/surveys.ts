import { z } from 'zod';

import { formatPath } from '@/lib/survey/elements';
import { parseSurveyDefinition, SurveyDefinitionError, type SurveyDefinition } from '@/lib/survey/definition';
import { sanitizeSurveyHtml } from '@/lib/survey/html-sanitize';
import { fail, type Failure, type Ok } from '@/lib/result';

import { idField } from './form';
import { jsonErrorOffset, lineColumnOf } from './json-position';
import { surveySlugSchema } from './points';

export const MAX_SURVEY_BYTES = 512 * 1024;

export const surveyUploadSchema = z.object({
  slug: surveySlugSchema,
  definition: z
    .string({ error: 'Chọn tệp JSON hoặc dán nội dung / choose a JSON file or paste it' })
    .trim()
    .min(1, 'Chọn tệp JSON hoặc dán nội dung / choose a JSON file or paste it')
    .max(MAX_SURVEY_BYTES, `Tối đa ${MAX_SURVEY_BYTES / 1024} KiB / at most ${MAX_SURVEY_BYTES / 1024} KiB`),
  publish: z.preprocess((v) => v === 'on', z.boolean()),
});

export const surveyPublishSchema = z.object({ slug: surveySlugSchema, version: idField });

export type DefinitionCheck =
  | Ok<{ definition: SurveyDefinition; json: unknown }>
  | (Failure<'invalid_json' | 'invalid_survey'> & { problems: string[] });

const invalid = (code: 'invalid_json' | 'invalid_survey', problems: string[]): DefinitionCheck => ({
  ...fail(code, `Phiếu không hợp lệ (${problems.length} lỗi). / Invalid survey (${problems.length} problems).`),
  problems,
});

/**
 * Checks an uploaded SurveyJS JSON text: syntax first (with the line and column), then the
 * definition schema and scoring rules (each problem with its JSON path, e.g.
 * `pages[0].elements[2].rateMax: …`). The JSON returned, the one stored, has its HTML-bearing
 * properties reduced to lib/survey/html-sanitize.ts's allow-list.
 */
export function checkSurveyJson(text: string): DefinitionCheck {
  let json: unknown;
  try {
    json = sanitizeSurveyHtml(JSON.parse(text));
  } catch (err) {
    return invalid('invalid_json', [
      `JSON không hợp lệ / invalid JSON${lineColumn(text)}: ${(err as Error).message.replace(/\s+/g, ' ')}`,
    ]);
  }
  try {
    return { ok: true, definition: parseSurveyDefinition(json, 'upload'), json };
  } catch (err) {
    if (!(err instanceof SurveyDefinitionError)) throw err;
    return invalid(
      'invalid_survey',
      err.problems.map((p) => (p.path.length > 0 ? `${formatPath(p.path)}: ${p.message}` : p.message)),
    );
  }
}

/** Where the syntax error is, as people read files. */
function lineColumn(text: string): string {
  const offset = jsonErrorOffset(text);
  if (offset === null) return '';
  const { line, column } = lineColumnOf(text, offset);
  return ` (dòng / line ${line}, cột / column ${column})`;
}
