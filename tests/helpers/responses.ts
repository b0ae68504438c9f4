// A stored response's row for tests that write straight through db/queries/insert-response (to
// fill thousands quickly, or to set what the API would not take): what matters is given, the
// rest is what an anonymous answer without a dossier, device or operator stores.
import { randomUUID } from 'node:crypto';

import type { ResponseInsert } from '@/db/queries/insert-response';

type Given = Pick<ResponseInsert, 'surveyVersionId' | 'pointId' | 'unitId' | 'channel' | 'completedAt'> & {
  answers: Record<string, unknown>;
};

export function responseRow({ answers, ...given }: Given & Partial<Omit<ResponseInsert, 'answers'>>): ResponseInsert {
  return {
    id: randomUUID(),
    procedureId: null,
    dossier: null,
    locale: null,
    startedAt: null,
    receivedAt: given.completedAt,
    deviceId: null,
    operatorId: null,
    officerId: null,
    clientKey: null,
    bodyHash: 'x',
    flags: 0,
    ...given,
    answers: JSON.stringify(answers),
  };
}
