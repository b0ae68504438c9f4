import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { POST as postContact } from '@/app/api/cases/contact/route';
import { POST } from '@/app/api/responses/route';
import { dialectOf, withTransaction } from '@/db';
import { findCase } from '@/db/queries/cases';
import { ingestBatcher } from '@/server/ingest-batcher';
import { createTestDb, type TestDb } from '@/tests/helpers/db';
import { jsonRequest, quickResponse, dossierResponse } from '@/tests/helpers/http';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

async function post(body: Record<string, unknown>) {
  const res = await POST(jsonRequest(body));
  return { status: res.status, json: (await res.json()) as { id?: string; case?: string; error?: { code: string } } };
}

describe('group commit', () => {
  test('responses posted together are written in one batch; a refused one does not fail the others', async () => {
    // Stored before the batch: the same id with another body, and a rated dossier.
    const stored = dossierResponse({ dossier: 'H19.20-GC-0001' });
    expect((await post(stored)).status).toBe(201);
    const stats = ingestBatcher(t.db).stats;
    const batchesBefore = stats.batches;

    const twin = quickResponse({ answers: { satisfaction: 2 } });
    const bodies = [
      quickResponse(),
      { ...stored, answers: { satisfaction: 1 } }, // id stored with another body
      dossierResponse({ dossier: 'H19.20-GC-0001' }), // dossier rated before
      dossierResponse({ dossier: 'H19.20-GC-0002' }),
      dossierResponse({ dossier: 'H19.20-GC-0002' }), // the same new dossier, later in the batch
      twin,
      { ...twin, answers: { satisfaction: 3 } }, // the same new id, another body
      quickResponse({ answers: { satisfaction: 1 } }), // opens a case in the batch
      quickResponse(),
    ];
    const before = await t.count('responses');
    const results = await Promise.all(bodies.map(post));
    const status = results.map((r) => r.status);
    const code = (i: number) => results[i]!.json.error?.code;
    expect([status[0], status[1], status[2], status[7], status[8]]).toEqual([201, 409, 409, 201, 201]);
    expect([code(1), code(2)]).toEqual(['id_conflict', 'dossier_already_rated']);
    // Of two requests racing in one batch, whichever the batch took first wins.
    expect([status[3], status[4]].sort()).toEqual([201, 409]);
    expect([code(3), code(4)]).toContain('dossier_already_rated');
    expect([status[5], status[6]].sort()).toEqual([201, 409]);
    expect([code(5), code(6)]).toContain('id_conflict');
    expect(await findCase(t.db, results[7]!.json.case!)).not.toBeNull();
    expect(await t.count('responses')).toBe(before + 5);
    // Fewer transactions than responses: they were written together.
    expect(stats.batches - batchesBefore).toBeLessThan(bodies.length);

    // The rollups count each stored response once, summed in memory per batch.
    const [day] = await t.all<{ n: number }>(sql`SELECT sum(count) AS n FROM rollup_answers_day WHERE question = ''`);
    expect(Number(day!.n)).toBe(await t.count('responses'));
  });

  test('a batch that fails as a whole answers every request in it with an error and stores none of them', async () => {
    // An injected failure of the batch's rollup write, as a full disk would fail its commit.
    const pg = dialectOf(t.db) === 'postgres';
    if (pg) {
      await t.run(
        sql.raw(
          `CREATE FUNCTION fail_batch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected: disk full'; END $$`,
        ),
      );
      await t.run(
        sql.raw(
          'CREATE TRIGGER fail_batch BEFORE INSERT ON rollup_hours_month FOR EACH ROW EXECUTE FUNCTION fail_batch()',
        ),
      );
    } else {
      await t.run(
        sql.raw(
          `CREATE TRIGGER fail_batch BEFORE INSERT ON rollup_hours_month BEGIN SELECT RAISE(ABORT, 'injected: disk full'); END`,
        ),
      );
    }
    const before = {
      responses: await t.count('responses'),
      answers: await t.count('answers'),
      cases: await t.count('cases'),
    };
    try {
      const bodies = [
        quickResponse(),
        dossierResponse({ dossier: 'H19.20-GC-0003' }),
        quickResponse({ answers: { satisfaction: 1 } }),
      ];
      const results = await Promise.all(bodies.map(post));
      expect(results.map((r) => r.status)).toEqual([500, 500, 500]);
      expect(results.every((r) => r.json.error!.code === 'internal_error')).toBe(true);
      expect({
        responses: await t.count('responses'),
        answers: await t.count('answers'),
        cases: await t.count('cases'),
      }).toEqual(before);
    } finally {
      await t.run(sql.raw('DROP TRIGGER fail_batch' + (pg ? ' ON rollup_hours_month' : '')));
      if (pg) await t.run(sql.raw('DROP FUNCTION fail_batch()'));
    }
    // The next batch is written as usual.
    expect((await post(quickResponse())).status).toBe(201);
  });
});

describe('no statement joins another request’s transaction', () => {
  test('a contact saved while another transaction is open survives that transaction’s rollback', async () => {
    const body = quickResponse({ answers: { satisfaction: 1, comment: 'Chờ quá lâu' } });
    const code = (await post(body)).json.case!;

    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let opened!: () => void;
    const isOpen = new Promise<void>((resolve) => (opened = resolve));
    // Another request's transaction: it writes, waits, and then fails.
    const failing = withTransaction(t.db, async (tx) => {
      await tx
        .insert((await import('@/db/schema')).auditLog)
        .values({ at: Date.now(), actor: 'test', action: 'test.rollback' });
      opened();
      await gate;
      throw new Error('rolled back on purpose');
    });
    await isOpen;
    const saving = postContact(jsonRequest({ responseId: body.id, phone: '0912345678', consent: true }));
    // Let the contact request run as far as it can while the transaction is open.
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    await expect(failing).rejects.toThrow('rolled back on purpose');
    expect((await saving).status).toBe(201);

    expect((await findCase(t.db, code))!.contact).toMatchObject({ phone: '0912345678' });
    expect(await t.count('case_contacts')).toBe(1);
    const [audit] = await t.all<{ n: number }>(sql`SELECT count(*) AS n FROM audit_log WHERE action = 'test.rollback'`);
    expect(Number(audit!.n)).toBe(0);
  });
});
