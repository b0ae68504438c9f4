// The answer validator's own cost per response (part of every POST /api/responses): a full SIPAS
// response through sipas.json (22 radio groups) and sipas-matrix.json (five matrix questions),
// on the engine each is served by, and on survey-core's Model for comparison.
import { readFileSync } from 'node:fs';

import { createAnswerValidator } from '@/lib/survey/answers';
import { compileSurvey } from '@/lib/survey/compiled';

function fullResponse(file: string): { answers: Record<string, unknown>; compiled: ReturnType<typeof compileSurvey> } {
  const compiled = compileSurvey(JSON.parse(readFileSync(`surveys/${file}`, 'utf8')), file);
  const answers: Record<string, unknown> = { overall: 4, comment: 'Cán bộ hướng dẫn tận tình.', age_band: '35_49' };
  for (const q of compiled.scoring.questions) {
    const path = compiled.scoring.locations.get(q.name)!;
    if (q.dimension === null) continue;
    if (path.length === 1) answers[path[0]!] = 4;
    else answers[path[0]!] = { ...(answers[path[0]!] as object | undefined), [path[1]!]: 5 };
  }
  return { answers, compiled };
}

function microseconds(validate: (answers: unknown) => { ok: boolean }, answers: unknown, runs: number): number {
  for (let i = 0; i < Math.min(50, runs); i++) validate(answers);
  const start = performance.now();
  for (let i = 0; i < runs; i++) if (!validate(answers).ok) throw new Error('bench response refused');
  return ((performance.now() - start) / runs) * 1000;
}

export async function benchValidator(): Promise<void> {
  console.log('\n== Answer validator: µs per SIPAS response (median of 5 rounds) ==');
  for (const file of ['sipas.json', 'sipas-matrix.json']) {
    const { answers, compiled } = fullResponse(file);
    const model = createAnswerValidator(compiled.definition, { engine: 'model' });
    const median = (f: () => number) => [0, 1, 2, 3, 4].map(f).sort((a, b) => a - b)[2]!;
    const served = median(() => microseconds(compiled.validator.validate, answers, 2000));
    const exact = median(() => microseconds(model.validate, answers, 20));
    console.log(
      `${file.padEnd(18)} ${compiled.validator.engine} engine ${served.toFixed(1)} µs · survey-core Model ${exact.toFixed(0)} µs`,
    );
  }
}
