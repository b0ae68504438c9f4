import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { POST } from '@/app/api/responses/route';
import { createTestDb, type TestDb } from '@/tests/helpers/db';
import { jsonRequest, quickResponse } from '@/tests/helpers/http';

// Property: whatever a hostile or broken client sends, the answer is a 4xx with the error
// envelope (never a 5xx, never a throw) and the tables do not move.

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

const tables = () => Promise.all(['responses', 'answers'].map((name) => t.count(name)));

async function expectRefused(request: Request) {
  const res = await POST(request);
  expect(res.status, `status for a hostile body`).toBeGreaterThanOrEqual(400);
  expect(res.status).toBeLessThan(500);
  const body = await res.json();
  expect(typeof body.error?.code).toBe('string');
  expect(typeof body.error?.message).toBe('string');
}

const hostileString = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.constantFrom(
    "'; DROP TABLE responses; --",
    '<script>alert(1)</script>',
    '__proto__',
    '{{constructor.constructor("return process")()}}',
    '\u0000\uffff\ud800',
    '../../../../etc/passwd',
    'x'.repeat(5_000),
  ),
);
const hostileValue = fc.oneof(
  fc.anything({ maxDepth: 4, maxKeys: 5 }),
  hostileString,
  fc.constantFrom(null, true, -1, 1e308, Number.MAX_SAFE_INTEGER, 3.5, [], {}, [3], { $gt: 0 }),
);
const ENVELOPE_FIELDS = [
  'id',
  'survey',
  'surveyVersion',
  'point',
  'channel',
  'procedure',
  'dossier',
  'locale',
  'startedAt',
  'completedAt',
  'answers',
] as const;

describe('hostile bodies to POST /api/responses', () => {
  test('arbitrary JSON values are refused', async () => {
    const before = await tables();
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 6 }), async (value) => {
        await expectRefused(jsonRequest(value));
      }),
      { numRuns: 1_000 },
    );
    expect(await tables()).toEqual(before);
  });

  test('a valid body with one field replaced by a wrong value is refused', async () => {
    const before = await tables();
    const wrongFor: Record<(typeof ENVELOPE_FIELDS)[number], fc.Arbitrary<unknown>> = {
      id: hostileValue.filter((v) => typeof v !== 'string' || !/^[0-9a-f-]{36}$/i.test(v)),
      survey: hostileValue.filter((v) => v !== 'quick'),
      surveyVersion: hostileValue.filter((v) => v !== 1 && v !== undefined),
      point: hostileValue.filter(
        (v) =>
          !['TTHCC-Q01', 'TTHCC-Q02', 'TTHCC-Q03', 'TTHCC-Q04', 'TTHCC-Q05', 'SXD-TS01', 'TTKD-01'].includes(
            v as string,
          ),
      ),
      channel: hostileValue.filter((v) => !['qr', 'web'].includes(v as string)),
      procedure: hostileValue.filter((v) => v !== undefined),
      dossier: hostileValue.filter(
        (v) => v !== undefined && (typeof v !== 'string' || !/^[\p{L}\p{N}._\-/]{1,64}$/u.test(v.trim())),
      ),
      locale: hostileValue.filter((v) => v !== 'vi' && v !== 'en' && v !== undefined),
      startedAt: hostileValue.filter((v) => v !== undefined),
      completedAt: hostileValue.filter((v) => v !== undefined),
      answers: hostileValue.filter(
        (v) =>
          JSON.stringify(v) !== '{"satisfaction":1}' &&
          JSON.stringify(v) !== '{"satisfaction":2}' &&
          JSON.stringify(v) !== '{"satisfaction":3}',
      ),
    };
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ENVELOPE_FIELDS).chain((field) => fc.tuple(fc.constant(field), wrongFor[field])),
        async ([field, value]) => {
          const body: Record<string, unknown> = quickResponse();
          body[field] = value;
          await expectRefused(jsonRequest(body));
        },
      ),
      { numRuns: 2_000 },
    );
    expect(await tables()).toEqual(before);
  });

  test('hostile answers: unknown keys, prototype keys, wrong types, huge strings', async () => {
    const before = await tables();
    const badAnswers = fc.oneof(
      // undefined values vanish in JSON, which would leave a valid body: they are not hostile keys.
      fc
        .dictionary(
          hostileString.filter((k) => !['satisfaction', 'reasons', 'comment', 'complaint'].includes(k)),
          hostileValue.filter((v) => v !== undefined),
          { minKeys: 1, maxKeys: 5 },
        )
        .map((d) => ({ satisfaction: 3, ...d })),
      hostileValue.filter((v) => ![1, 2, 3].includes(v as number)).map((v) => ({ satisfaction: v })),
      fc.constant(JSON.parse('{"__proto__": {"isAdmin": true}, "satisfaction": 3}')),
      fc.constant({ satisfaction: 3, constructor: { prototype: 1 } }),
      fc.constant({ satisfaction: 3, comment: 'ê'.repeat(2_001) }),
      fc.constant({ satisfaction: 1, reasons: ['time', 'time'] }),
    );
    await fc.assert(
      fc.asyncProperty(badAnswers, async (answers) => {
        await expectRefused(jsonRequest(quickResponse({ answers })));
      }),
      { numRuns: 1_000 },
    );
    expect(await tables()).toEqual(before);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  test('raw bytes: invalid UTF-8, deep nesting, truncated JSON, wrong content types', async () => {
    const before = await tables();
    const deep = '['.repeat(20_000) + ']'.repeat(20_000);
    const raws: [string, BodyInit, string][] = [
      ['invalid UTF-8', new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), 'application/json'],
      ['deep nesting', deep, 'application/json'],
      [
        'deep answers',
        JSON.stringify(quickResponse()).replace(
          '{"satisfaction":3}',
          '{"satisfaction":' + '['.repeat(5_000) + ']'.repeat(5_000) + '}',
        ),
        'application/json',
      ],
      ['truncated', '{"id":"', 'application/json'],
      ['empty', '', 'application/json'],
      ['xml', '<response/>', 'application/xml'],
      ['text', JSON.stringify(quickResponse()), 'text/plain'],
      ['multipart', 'a=b', 'multipart/form-data; boundary=x'],
    ];
    for (const [, body, type] of raws) {
      await expectRefused(
        new Request('http://localhost/api/responses', { method: 'POST', headers: { 'content-type': type }, body }),
      );
    }
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 300 }), async (bytes) => {
        await expectRefused(
          new Request('http://localhost/api/responses', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: bytes,
          }),
        );
      }),
      { numRuns: 500 },
    );
    expect(await tables()).toEqual(before);
  });
});
