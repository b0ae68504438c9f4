// Officer ratings with OFFICER_RATINGS=1: the kiosk shift credits the officer who served and a
// response body cannot name one itself (the receipt link and the hotline operator:
// officer-trusted-paths.test.ts); figures follow the honest-number rules; each caller sees only whom
// they may; every view is audited. (officers-off.test.ts: the same with the setting off.)
import { randomUUID } from 'node:crypto';

import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';

import { GET as exportOfficers } from '@/app/api/exports/officers/route';
import { GET as getIndices } from '@/app/api/indices/route';
import { GET as getPublicResults } from '@/app/api/public-results/route';
import { GET as getRankings } from '@/app/api/rankings/route';
import { POST as shift } from '@/app/api/kiosk/shift/route';
import { POST } from '@/app/api/responses/route';
import { createUser, findUnitIdByCode } from '@/db/queries/users';
import { localDay } from '@/lib/time/local';
import { createOfficerCore, setOfficerActive, setOfficerActiveCore, updateOfficerCore } from '@/server/admin/officers';
import { DEVICE_COOKIE } from '@/server/device';
import { eraseExpiredOfficerLinks } from '@/server/officer-retention';
import { createTestDb, type TestDb } from '@/tests/helpers/db';
import { jsonRequest, quickResponse } from '@/tests/helpers/http';
import {
  kioskHeaders,
  officerOf,
  rateAtKiosk,
  seedOfficers,
  setShift,
  type OfficersFixture,
} from '@/tests/helpers/officers';

// Before any module reads the settings (they are read once); undone after the file.
vi.hoisted(() => {
  vi.stubEnv('OFFICER_RATINGS', '1');
  // Identical quick answers from one tablet would otherwise be repeat presses, left out of figures.
  vi.stubEnv('KIOSK_REPEAT_SECONDS', '0');
});

const CLI = { userId: null, label: 'test' };
let t: TestDb;
let officer: OfficersFixture['officer'];
let tablet: OfficersFixture['tablet'];
let admin: { authorization: string };
let leader: { authorization: string };
let manager: { authorization: string };
let operator: { authorization: string };
let officerA: { cookie: string };
let officerUnlinked: { cookie: string };
const today = localDay(Date.now());
const view = `survey=quick&from=${today}&to=${today}`;

const get = (handler: (r: Request) => Promise<Response>, path: string, headers: Record<string, string> = {}) =>
  handler(new Request(`http://localhost${path}`, { headers }));

const auditViews = async () =>
  t.all<{ actor: string; entityId: string | null; after: string }>(
    sql`SELECT actor, entity_id AS "entityId", after FROM audit_log WHERE action = 'officer.view' ORDER BY id`,
  );

beforeAll(async () => {
  t = await createTestDb();
  ({ officer, tablet, admin, leader, manager, operator, officerA, officerUnlinked } = await seedOfficers(t));
}, 120_000);
afterAll(async () => {
  await t.close();
  vi.unstubAllEnvs();
});

describe('who served: the kiosk shift credits the officer; a response body cannot name one itself', () => {
  test('the staff panel lists the desk unit’s officers after the PIN, and a wrong PIN changes nothing', async () => {
    const listed = await setShift(tablet.q01, {});
    expect(listed.status).toBe(200);
    const body = await listed.json();
    expect(body.current).toMatchObject({ id: officer.b, name: 'Trần Thị Bình', title: 'Chuyên viên' });
    expect(body.officers.map((o: { id: number }) => o.id).sort()).toEqual([officer.a, officer.b].sort());

    const wrong = await shift(
      new Request('http://localhost/api/kiosk/shift', {
        method: 'POST',
        headers: kioskHeaders(tablet.q01),
        body: JSON.stringify({ pin: '0000', officer: officer.a }),
      }),
    );
    expect(wrong.status).toBe(403);
    // An officer of another unit cannot be put on this desk.
    expect((await setShift(tablet.q01, { officer: officer.c })).status).toBe(422);
    // (Five PIN tries a minute per tablet: the shift is read from the table, not asked again.)
    const [device] = await t.all<{ officer: number }>(
      sql`SELECT shift_officer_id AS officer FROM devices WHERE point_id = (SELECT id FROM service_points WHERE code = 'TTHCC-Q01')`,
    );
    expect(device!.officer).toBe(officer.b);
  });

  test('a kiosk response gets the officer on shift; one completed before the shift began does not', async () => {
    const id = randomUUID();
    expect((await rateAtKiosk(tablet.q01, 3, { id })).status).toBe(201);
    expect(await officerOf(t, id)).toBe(officer.b);

    const queued = randomUUID();
    const before = new Date(Date.now() - 3 * 60 * 60_000).toISOString();
    expect((await rateAtKiosk(tablet.q01, 3, { id: queued, completedAt: before })).status).toBe(201);
    expect(await officerOf(t, queued)).toBeNull();
    await t.run(sql`DELETE FROM answers WHERE response_id IN (${id}, ${queued})`);
  });

  test.each([
    ['officer', 'qr'],
    ['officerId', 'qr'],
    ['officer', 'kiosk'],
  ])('a body naming an officer (%s, channel %s) is refused and nothing is stored', async (field, channel) => {
    const before = await t.count('responses');
    const id = randomUUID();
    const res = await POST(
      jsonRequest(quickResponse({ id, channel, [field]: officer.a }), {
        headers: channel === 'kiosk' ? { cookie: `${DEVICE_COOKIE}=${tablet.q01}` } : {},
      }),
    );
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('invalid_body');
    expect(await t.count('responses')).toBe(before);
  });

  test('a phone answer never carries an officer, even at a desk whose tablet has a shift', async () => {
    const id = randomUUID();
    expect((await POST(jsonRequest(quickResponse({ id, point: 'TTHCC-Q01' })))).status).toBe(201);
    expect(await officerOf(t, id)).toBeNull();
  });
});

describe('fair figures', () => {
  test('a leader ranks every officer against their own unit; fewer than MIN_RESPONSES people are not ranked', async () => {
    const res = await get(getRankings, `/api/rankings?${view}&by=officer`, leader);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.by).toBe('officer');
    expect(body.ranked.map((r: { key: string }) => Number(r.key)).sort()).toEqual([officer.a, officer.c].sort());
    const a = body.ranked.find((r: { key: string }) => Number(r.key) === officer.a);
    // 30 of 36 people satisfied: 83.33 %.
    expect(a).toMatchObject({ responses: 36, index: 83.33 });
    expect(typeof a.benchmark).toBe('number');
    expect(['above', 'below', 'within']).toContain(a.verdict);
    // Officer B has 3 respondents (plus one above): listed apart with their n, never an index.
    expect(body.suppressed).toEqual([expect.objectContaining({ key: String(officer.b), responses: 4 })]);
    expect(body.suppressed[0]).not.toHaveProperty('index');
  });

  test('one officer’s figures carry their procedure mix and the unit benchmark; a thin one is suppressed', async () => {
    const res = await get(getIndices, `/api/indices?${view}&officer=${officer.a}`, leader);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      officer: { id: officer.a, name: 'Nguyễn Văn An', unit: 'SXD-QLXD' },
      responses: 36,
      index: 83.33,
      benchmark: { kind: 'unit' },
    });
    expect(body.procedures).toEqual([expect.objectContaining({ procedure: '', responses: 36 })]);
    const thin = await (await get(getIndices, `/api/indices?${view}&officer=${officer.b}`, leader)).json();
    expect(thin).toMatchObject({ responses: 4, index: null, verdict: null });
  });
});

describe('private to those who may see', () => {
  test('a unit manager sees only the unit’s officers', async () => {
    const body = await (await get(getRankings, `/api/rankings?${view}&by=officer`, manager)).json();
    const keys = [...body.ranked, ...body.suppressed].map((r: { key: string }) => Number(r.key)).sort();
    expect(keys).toEqual([officer.a, officer.b].sort());
    const other = await get(getIndices, `/api/indices?${view}&officer=${officer.c}`, manager);
    expect(other.status).toBe(404);
    expect((await other.json()).error.code).toBe('unknown_officer');
  });

  test('an officer sees only themself, and no other figures', async () => {
    const body = await (await get(getRankings, `/api/rankings?${view}&by=officer`, officerA)).json();
    expect([...body.ranked, ...body.suppressed].map((r: { key: string }) => Number(r.key))).toEqual([officer.a]);
    expect((await get(getIndices, `/api/indices?${view}&officer=${officer.a}`, officerA)).status).toBe(200);
    expect((await get(getIndices, `/api/indices?${view}&officer=${officer.b}`, officerA)).status).toBe(404);
    expect((await get(getIndices, `/api/indices?${view}`, officerA)).status).toBe(403);
    expect((await get(getRankings, `/api/rankings?${view}&by=point`, officerA)).status).toBe(403);
    // A login with the officer role but no officer record sees nobody.
    expect((await get(getRankings, `/api/rankings?${view}&by=officer`, officerUnlinked)).status).toBe(403);
  });

  test('anonymous callers, operators and the public results see nobody', async () => {
    expect((await get(getRankings, `/api/rankings?${view}&by=officer`)).status).toBe(401);
    expect((await get(getIndices, `/api/indices?${view}&officer=${officer.a}`)).status).toBe(401);
    expect((await get(getRankings, `/api/rankings?${view}&by=officer`, operator)).status).toBe(403);
    const published = await (await get(getPublicResults, `/api/public-results?survey=quick`)).text();
    for (const name of ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'officer'])
      expect(published).not.toContain(name);
  });

  test('every view of officer figures is in the audit log, with who and whom', async () => {
    const before = (await auditViews()).length;
    await get(getIndices, `/api/indices?${view}&officer=${officer.a}`, officerA);
    await get(getRankings, `/api/rankings?${view}&by=officer`, manager);
    await get(getIndices, `/api/indices?${view}&officer=${officer.c}`, manager); // refused: not a view
    const views = (await auditViews()).slice(before);
    expect(views).toHaveLength(2);
    expect(views[0]).toMatchObject({ actor: 'canbo.a', entityId: String(officer.a) });
    expect(JSON.parse(views[1]!.after).officers.sort()).toEqual([officer.a, officer.b].sort());
  });
});

describe('exports of officer figures need officers.export', () => {
  const path = `/api/exports/officers?${view}`;
  const exportsAudited = async () =>
    t.all<{ actor: string; after: string }>(
      sql`SELECT actor, after FROM audit_log WHERE action = 'officer.export' ORDER BY id`,
    );

  test('anonymous 401; an operator 403; leader, manager and officer may view but not export: 403', async () => {
    expect((await get(exportOfficers, path)).status).toBe(401);
    for (const caller of [operator, leader, manager, officerA]) {
      const res = await get(exportOfficers, path, caller);
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe('forbidden');
    }
    // The same leader does see the figures: the export permission is the separate one.
    expect((await get(getRankings, `/api/rankings?${view}&by=officer`, leader)).status).toBe(200);
    expect(await exportsAudited()).toHaveLength(0);
    expect((await get(exportOfficers, `${path}&format=pdf`, admin)).status).toBe(400);
  });

  test('an admin downloads the ranking as CSV: a thin officer is listed without figures, and it is audited', async () => {
    const res = await get(exportOfficers, path, admin);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain(`danh-gia-can-bo-quick-${today}_${today}.csv`);
    const lines = (await res.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]!.startsWith('Hạng,Mã,Tên,Chỉ số (%)')).toBe(true);
    const row = (id: number) => lines.find((l) => l.split(',')[1] === String(id))!.split(',');
    expect(row(officer.a).slice(2, 4)).toEqual(['Nguyễn Văn An (Chuyên viên)', '83.33']);
    // Officer B: 4 people (3 answers: an earlier test removed one), with no index, interval or verdict.
    expect(row(officer.b)).toEqual([
      'chưa đủ dữ liệu',
      String(officer.b),
      'Trần Thị Bình (Chuyên viên)',
      '',
      '',
      '',
      '3',
      '4',
      '',
      '',
    ]);
    expect(lines).toHaveLength(4);
    const audited = (await exportsAudited()).at(-1)!;
    expect(JSON.parse(audited.after)).toMatchObject({ route: 'GET /api/exports/officers', survey: 'quick' });
    expect(JSON.parse(audited.after).officers.sort()).toEqual([officer.a, officer.b, officer.c].sort());
  });

  test('XLSX holds the same table, narrowed by the unit filter like the view', async () => {
    const res = await get(exportOfficers, `${path}&format=xlsx&unit=SXD-QLXD`, admin);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Hạng');
    const keys = [2, 3].map((r) => Number(sheet.getRow(r).getCell(2).value)).sort();
    expect(keys).toEqual([officer.a, officer.b].sort());
    expect(sheet.rowCount).toBe(3);
  });
});

describe('history and retention', () => {
  test('disabling an officer keeps their figures; the tablet no longer credits them', async () => {
    expect((await setOfficerActive(t.db, { id: officer.c, active: false }, CLI)).ok).toBe(true);
    const body = await (await get(getRankings, `/api/rankings?${view}&by=officer`, leader)).json();
    expect(body.ranked.map((r: { key: string }) => Number(r.key))).toContain(officer.c);
    const id = randomUUID();
    expect((await rateAtKiosk(tablet.q03, 3, { id })).status).toBe(201);
    expect(await officerOf(t, id)).toBeNull();
  });

  test('links older than OFFICER_LINK_RETENTION_DAYS are erased, the responses stay', async () => {
    const responses = await t.count('responses');
    const linked = async () =>
      Number((await t.all<{ n: number }>(sql`SELECT count(*) AS n FROM responses WHERE officer_id IS NOT NULL`))[0]!.n);
    expect(await eraseExpiredOfficerLinks(t.db, { now: Date.now(), retentionDays: 365 })).toBe(0);
    const n = await linked();
    expect(n).toBeGreaterThan(70);
    expect(await eraseExpiredOfficerLinks(t.db, { now: Date.now() + 366 * 86_400_000, retentionDays: 365 })).toBe(n);
    expect(await linked()).toBe(0);
    expect(await t.count('responses')).toBe(responses);
  });
});

describe('administration', () => {
  test('the admin page’s actions create, edit and disable an officer, each audited; a bad photo is refused by its field', async () => {
    const admin = { kind: 'user' as const, id: 1, label: 'admin', role: 'admin' as const, unitId: null };
    const unitId = String((await findUnitIdByCode(t.db, { code: 'SXD-QLXD' }))!);
    const png = `data:image/png;base64,${'A'.repeat(64)}`;
    const made = await createOfficerCore(t.db, admin, {
      unitId,
      name: 'Đỗ Thị Dung',
      title: '',
      photo: png,
      userId: '',
    });
    expect(made).toMatchObject({ status: 'ok' });
    const [row] = await t.all<{ id: number; photo: string; title: string | null }>(
      sql`SELECT id, photo, title FROM officers WHERE name = 'Đỗ Thị Dung'`,
    );
    expect(row).toMatchObject({ photo: png, title: null });

    const bad = await createOfficerCore(t.db, admin, { unitId, name: 'X', photo: 'data:text/html;base64,PHA+' });
    expect(bad).toMatchObject({ status: 'error', fieldErrors: { photo: [expect.any(String)] } });
    // A login that is not an officer's cannot be linked.
    const leaderLogin = await createUser(
      t.db,
      { username: 'not-an-officer', role: 'leader', unitId: null, passwordHash: 'unused' },
      CLI,
    );
    const notOfficer = await createOfficerCore(t.db, admin, { unitId, name: 'Y', userId: String(leaderLogin.id) });
    expect(notOfficer).toMatchObject({ status: 'error', fieldErrors: { userId: [expect.any(String)] } });

    const id = String(row!.id);
    expect(await updateOfficerCore(t.db, admin, { id, unitId, name: 'Đỗ Thị Dung', title: 'Phó phòng' })).toMatchObject(
      { status: 'ok' },
    );
    expect(await setOfficerActiveCore(t.db, admin, { id, active: 'false' })).toMatchObject({ status: 'ok' });
    const [after] = await t.all<{ photo: string; title: string; active: number | boolean }>(
      sql`SELECT photo, title, active FROM officers WHERE id = ${row!.id}`,
    );
    // An edit without a new photo keeps the old one.
    expect(after).toMatchObject({ photo: png, title: 'Phó phòng' });
    expect(Boolean(after!.active)).toBe(false);
    const actions = await t.all<{ action: string }>(
      sql`SELECT action FROM audit_log WHERE entity = 'officer' AND entity_id = ${id} ORDER BY id`,
    );
    expect(actions.map((a) => a.action)).toEqual(['officer.create', 'officer.update', 'officer.disable']);
  });
});
