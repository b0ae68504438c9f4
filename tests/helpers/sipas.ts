// The SIPAS questionnaire's 22 criteria (surveys/sipas.json, "q_<element>_<criterion>") and a
// poster of generated respondents, shared by the tests that judge units and rank criteria on
// generated data.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';

import { POST } from '@/app/api/responses/route';
import { jsonRequest } from './http';

export const SIPAS_CRITERIA = [
  'q_access_seats',
  'q_access_equipment_sufficient',
  'q_access_equipment_modern',
  'q_access_equipment_easy',
  'q_procedure_posted_full',
  'q_procedure_posted_accurate',
  'q_procedure_documents',
  'q_procedure_fees',
  'q_procedure_time',
  'q_staff_polite',
  'q_staff_listened',
  'q_staff_explained',
  'q_staff_guided',
  'q_staff_understandable',
  'q_staff_rules',
  'q_result_as_regulated',
  'q_result_complete',
  'q_result_accurate',
  'q_feedback_channel',
  'q_feedback_easy',
  'q_feedback_handled',
  'q_feedback_reported',
] as const;

/** The six criteria of the staff element (thái độ, năng lực của công chức). */
export const SIPAS_STAFF_CRITERIA = SIPAS_CRITERIA.filter((q) => q.startsWith('q_staff_'));

/** Posts one SIPAS response through the real route and expects it stored (201). */
export async function postSipas(
  point: string,
  answers: Record<string, number>,
  { channel = 'qr', completedAt }: { channel?: string; completedAt: number },
): Promise<void> {
  const res = await POST(
    jsonRequest({
      id: randomUUID(),
      survey: 'sipas',
      point,
      channel,
      answers,
      completedAt: new Date(completedAt).toISOString(),
    }),
  );
  expect(res.status).toBe(201);
}
