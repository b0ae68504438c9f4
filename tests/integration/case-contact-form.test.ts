import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { POST as postContact } from '@/app/api/cases/contact/route';
import { POST } from '@/app/api/responses/route';
import { POST as postContactForm } from '@/app/s/[point]/lien-he/route';
import { createTestDb, type TestDb } from '@/tests/helpers/db';
import { jsonRequest, quickResponse } from '@/tests/helpers/http';

// The call-back offer without JavaScript: a plain form post that goes through the same service
// as the JSON path (server/case-contact.ts), takes consent only from the ticked box, stores
// nothing on a refusal and answers with a redirect to the thank-you page that says what happened.

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

async function complaint(): Promise<string> {
  const body = quickResponse({ point: 'TTHCC-Q01', answers: { satisfaction: 1 } });
  expect((await POST(jsonRequest(body))).status).toBe(201);
  return body.id as string;
}

function post(fields: Record<string, string>, point = 'TTHCC-Q01'): Promise<Response> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  const request = new Request(`http://localhost/s/${point}/lien-he`, { method: 'POST', body: form });
  return postContactForm(request, { params: Promise.resolve({ point }) });
}

const contacts = () => t.count('case_contacts');

describe('POST /s/{point}/lien-he', () => {
  test('without the consent box ticked nothing is stored and the page says why', async () => {
    const responseId = await complaint();
    const before = await contacts();
    const res = await post({ responseId, locale: 'vi', phone: '0912 345 678' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/s/TTHCC-Q01/cam-on?r=${responseId}&lienhe=dong-y#lien-he`);
    expect(await contacts()).toBe(before);
  });

  test('with neither phone nor email, or an invalid phone, nothing is stored', async () => {
    const responseId = await complaint();
    const before = await contacts();
    const none = await post({ responseId, locale: 'en', consent: 'on' });
    expect(none.headers.get('location')).toBe(`/s/TTHCC-Q01/cam-on?r=${responseId}&lang=en&lienhe=thieu#lien-he`);
    const bad = await post({ responseId, locale: 'vi', consent: 'on', phone: '12' });
    expect(bad.headers.get('location')).toContain('lienhe=sai');
    expect(await contacts()).toBe(before);
  });

  test('with consent the contact is stored once, as the JSON path stores it; a second post changes nothing', async () => {
    const responseId = await complaint();
    const before = await contacts();
    const res = await post({ responseId, locale: 'vi', consent: 'on', name: 'Lê Văn C', phone: '0912 345 678' });
    expect(res.headers.get('location')).toBe(`/s/TTHCC-Q01/cam-on?r=${responseId}&lienhe=da-luu#lien-he`);
    expect(await contacts()).toBe(before + 1);
    const again = await post({ responseId, locale: 'vi', consent: 'on', phone: '0987 654 321' });
    expect(again.headers.get('location')).toContain('lienhe=da-luu');
    const json = await postContact(jsonRequest({ responseId, phone: '0987 654 321', consent: true }));
    expect(json.status).toBe(409);
    expect(await contacts()).toBe(before + 1);
  });

  test('a response id that is not a UUID, or one without a case, is refused with the error envelope', async () => {
    const bad = await post({ responseId: 'nope', consent: 'on', phone: '0912345678' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'invalid_contact' } });
    const body = quickResponse({ point: 'TTHCC-Q01', answers: { satisfaction: 3 } });
    await POST(jsonRequest(body));
    const none = await post({ responseId: body.id as string, consent: 'on', phone: '0912345678' });
    expect(none.status).toBe(404);
    expect(await none.json()).toMatchObject({ error: { code: 'unknown_case' } });
  });
});
