import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { countAudit, listAudit } from '@/db/queries/audit';
import { findPointByCode } from '@/db/queries/points';
import { listProcedureVersions } from '@/db/queries/procedure-versions';
import { findProcedureEntry, listPointProcedures, searchProcedures } from '@/db/queries/procedures';
import { procedures } from '@/db/schema';
import { findUnitByCode } from '@/db/queries/units';
import { createUser } from '@/db/queries/users';
import type { ActionState } from '@/lib/admin/form';
import type { Principal } from '@/lib/auth/permissions';
import {
  createPointCore,
  createProcedureCore,
  createUnitCore,
  importProceduresCore,
  moveUnitCore,
  renameUnitCore,
  setPointProceduresCore,
  setUnitActiveCore,
  updatePointCore,
  updateProcedureCore,
} from '@/server/admin/structure';
import { createTestDb, type TestDb } from '@/tests/helpers/db';

// The admin action cores against a real migrated database: each change lands with its audit
// entry, and each refusal names the field and leaves the data as it was.

let t: TestDb;
let admin: Principal;

beforeAll(async () => {
  t = await createTestDb();
  const user = await createUser(
    t.db,
    { username: 'root', role: 'admin', unitId: null, passwordHash: 'x' },
    { userId: null, label: 'test' },
  );
  admin = { kind: 'user', id: user.id, label: 'root', role: 'admin', unitId: null };
});
afterAll(() => t.close());

const unitId = async (code: string) => String((await findUnitByCode(t.db, code))!.id);
const fieldErrors = (s: ActionState) => (s.status === 'error' ? (s.fieldErrors ?? {}) : {});
const lastAudit = async () => (await listAudit(t.db, { limit: 1 }))[0]!;

describe('units', () => {
  test('create under a parent, audited with the new row', async () => {
    const s = await createUnitCore(t.db, admin, {
      code: 'sxd-test',
      name: 'Phòng Thử nghiệm',
      nameEn: '',
      parentId: await unitId('SXD'),
    });
    expect(s).toMatchObject({ status: 'ok' });
    const unit = (await findUnitByCode(t.db, 'SXD-TEST'))!;
    expect(unit).toMatchObject({ name: 'Phòng Thử nghiệm', parentId: Number(await unitId('SXD')), active: true });
    expect(await lastAudit()).toMatchObject({
      actor: 'root',
      actorUserId: admin.id,
      action: 'unit.create',
      entity: 'unit',
      entityId: String(unit.id),
    });
    expect(JSON.parse((await lastAudit()).after!)).toMatchObject({ code: 'SXD-TEST' });
  });

  test('a duplicate code or a bad field is refused by the field, nothing stored', async () => {
    const before = await t.count('units');
    const audits = await t.count('audit_log');
    expect(
      fieldErrors(await createUnitCore(t.db, admin, { code: 'SXD-TEST', name: 'Again', parentId: '' })),
    ).toHaveProperty('code');
    expect(fieldErrors(await createUnitCore(t.db, admin, { code: 'X', name: '', parentId: '' }))).toHaveProperty(
      'name',
    );
    expect(fieldErrors(await createUnitCore(t.db, admin, { code: 'Y', name: 'n', parentId: '99999' }))).toHaveProperty(
      'parentId',
    );
    expect(await t.count('units')).toBe(before);
    expect(await t.count('audit_log')).toBe(audits);
  });

  test('moving a unit under its own descendant is refused; a real move is audited before → after', async () => {
    await createUnitCore(t.db, admin, { code: 'SXD-TEST-A', name: 'Tổ A', parentId: await unitId('SXD-TEST') });
    const refused = await moveUnitCore(t.db, admin, {
      id: await unitId('SXD-TEST'),
      parentId: await unitId('SXD-TEST-A'),
    });
    expect(fieldErrors(refused).parentId?.[0]).toMatch(/chính nó hoặc đơn vị con/);
    expect(
      fieldErrors(
        await moveUnitCore(t.db, admin, { id: await unitId('SXD-TEST'), parentId: await unitId('SXD-TEST') }),
      ),
    ).toHaveProperty('parentId');
    expect((await findUnitByCode(t.db, 'SXD-TEST'))!.parentId).toBe(Number(await unitId('SXD')));

    expect(
      await moveUnitCore(t.db, admin, { id: await unitId('SXD-TEST-A'), parentId: await unitId('SXD-VP') }),
    ).toMatchObject({ status: 'ok' });
    expect(await lastAudit()).toMatchObject({ action: 'unit.move' });
    expect(JSON.parse((await lastAudit()).before!)).toEqual({ parentId: Number(await unitId('SXD-TEST')) });
    expect(JSON.parse((await lastAudit()).after!)).toEqual({ parentId: Number(await unitId('SXD-VP')) });
  });

  test('rename and deactivate are audited with the old and new values', async () => {
    await renameUnitCore(t.db, admin, { id: await unitId('SXD-TEST'), name: 'Phòng Kiểm thử', nameEn: 'QA' });
    expect(JSON.parse((await lastAudit()).before!)).toEqual({ name: 'Phòng Thử nghiệm', nameEn: null });
    expect(JSON.parse((await lastAudit()).after!)).toEqual({ name: 'Phòng Kiểm thử', nameEn: 'QA' });
    await setUnitActiveCore(t.db, admin, { id: await unitId('SXD-TEST'), active: 'false' });
    expect((await findUnitByCode(t.db, 'SXD-TEST'))!.active).toBe(false);
    expect(await lastAudit()).toMatchObject({
      action: 'unit.deactivate',
      before: '{"active":true}',
      after: '{"active":false}',
    });
  });
});

describe('desks', () => {
  const desk = async () => ({
    code: 'tthcc-q99',
    name: 'Quầy thử',
    unitId: await unitId('SXD-QLXD'),
    location: '',
    phoneSurvey: 'quick',
    kioskSurvey: 'sipas',
  });

  test('a desk pointing at an unknown survey or unit is refused', async () => {
    const before = await t.count('service_points');
    expect(fieldErrors(await createPointCore(t.db, admin, { ...(await desk()), kioskSurvey: 'nope' }))).toHaveProperty(
      'kioskSurvey',
    );
    expect(fieldErrors(await createPointCore(t.db, admin, { ...(await desk()), unitId: '99999' }))).toHaveProperty(
      'unitId',
    );
    expect(fieldErrors(await createPointCore(t.db, admin, { ...(await desk()), code: 'TTHCC-Q01' }))).toHaveProperty(
      'code',
    );
    await t.run(sql`INSERT INTO surveys (slug) VALUES ('draft')`);
    expect(
      fieldErrors(await createPointCore(t.db, admin, { ...(await desk()), phoneSurvey: 'draft' })).phoneSurvey?.[0],
    ).toMatch(/chưa có phiên bản xuất bản/);
    expect(await t.count('service_points')).toBe(before);
  });

  test('create, then change surveys and deactivate: the audit entry holds only what changed', async () => {
    expect(await createPointCore(t.db, admin, await desk())).toMatchObject({ status: 'ok' });
    const point = (await findPointByCode(t.db, { code: 'TTHCC-Q99' }))!;
    expect(point).toMatchObject({ phoneSurvey: 'quick', kioskSurvey: 'sipas', active: true });
    const s = await updatePointCore(t.db, admin, { ...(await desk()), id: String(point.id), phoneSurvey: 'sipas' });
    expect(s).toMatchObject({ status: 'ok' });
    expect(await findPointByCode(t.db, { code: 'TTHCC-Q99' })).toMatchObject({ phoneSurvey: 'sipas', active: false });
    expect(JSON.parse((await lastAudit()).before!)).toEqual({ phoneSurvey: 'quick', active: true });
    expect(JSON.parse((await lastAudit()).after!)).toEqual({ phoneSurvey: 'sipas', active: false });
  });
});

describe('procedures', () => {
  test('a CSV with one bad row imports nothing and reports the row', async () => {
    const before = await t.count('procedures');
    const audits = await t.count('audit_log');
    const s = await importProceduresCore(t.db, admin, {
      csv: 'code,name,sector,level\n9.000001,Thủ tục mới,Nhà ở,tỉnh\n9.000002,,Nhà ở,tỉnh\n',
    });
    expect(s).toMatchObject({
      status: 'error',
      rowErrors: [{ line: 3, messages: [expect.stringMatching(/^Tên thủ tục:/)] }],
    });
    expect(await t.count('procedures')).toBe(before);
    expect(await t.count('audit_log')).toBe(audits);
  });

  test('a good CSV replaces the catalogue: new codes added, known ones versioned, missing ones deactivated, each change audited', async () => {
    const existing = (await findProcedureEntry(t.db, { code: '1.013225' }))!;
    const active = (await t.db.select().from(procedures).where(eq(procedures.active, true))).length;
    const csv = `code,name,sector,level\n9.000001,Thủ tục mới,Nhà ở,tỉnh\n1.013225,"${existing.name}","${existing.sector}",tỉnh\n`;
    const s = await importProceduresCore(t.db, admin, { csv });
    expect(s).toMatchObject({
      status: 'ok',
      message: expect.stringMatching(new RegExp(`1 mới, 1 cập nhật, 0 không đổi, ${active - 1} ngừng áp dụng`)),
    });
    expect((await findProcedureEntry(t.db, { code: '1.013225' }))!.level).toBe('tỉnh');
    expect((await findProcedureEntry(t.db, { code: '1.013226' }))!.active).toBe(false);
    const versions = await listProcedureVersions(t.db, { procedureId: existing.id });
    expect(versions.map((v) => [v.version, v.record.level, v.illustrative])).toEqual([
      [2, 'tỉnh', false],
      [1, 'xã', true],
    ]);
    const entries = await listAudit(t.db, { action: 'procedure.import', limit: 100 });
    expect(new Set(entries.map((e) => e.action))).toEqual(
      new Set(['procedure.import.create', 'procedure.import.update', 'procedure.import.deactivate']),
    );
    const update = entries.find((e) => e.action === 'procedure.import.update')!;
    expect(JSON.parse(update.before!)).toMatchObject({ level: existing.level });
    // Importing the same file again changes nothing and says so.
    expect(await importProceduresCore(t.db, admin, { csv })).toMatchObject({
      message: expect.stringMatching(/0 mới, 0 cập nhật, 2 không đổi, 0 ngừng/),
    });
  });

  test('a desk’s procedures are set to exactly the codes given, audited; an unknown code changes nothing', async () => {
    await importProceduresCore(t.db, admin, { csv: 'code,name\n1.013225,A\n1.013226,B\n9.000001,C\n' });
    expect(
      await setPointProceduresCore(t.db, admin, { point: 'TTHCC-Q01', codes: '1.013225, 1.013226' }),
    ).toMatchObject({ status: 'ok' });
    const desk = (await findPointByCode(t.db, { code: 'TTHCC-Q01' }))!;
    expect((await listPointProcedures(t.db, { pointId: desk.id })).map((p) => p.code)).toEqual([
      '1.013225',
      '1.013226',
    ]);
    expect(JSON.parse((await lastAudit()).after!)).toEqual({ procedures: ['1.013225', '1.013226'] });
    expect(
      fieldErrors(await setPointProceduresCore(t.db, admin, { point: 'TTHCC-Q01', codes: '1.013225,9.999999' })),
    ).toHaveProperty('codes');
    expect((await listPointProcedures(t.db, { pointId: desk.id })).map((p) => p.code)).toEqual([
      '1.013225',
      '1.013226',
    ]);
  });

  test('create, edit, and search the catalogue by code or name with paging', async () => {
    expect(fieldErrors(await createProcedureCore(t.db, admin, { code: '9.000001', name: 'Dup' }))).toHaveProperty(
      'code',
    );
    expect(
      await createProcedureCore(t.db, admin, { code: '9.000003', name: 'Cấp chứng chỉ 100%_đặc biệt' }),
    ).toMatchObject({ status: 'ok' });
    const id = String((await findProcedureEntry(t.db, { code: '9.000003' }))!.id);
    expect(
      await updateProcedureCore(t.db, admin, { id, name: 'Cấp chứng chỉ 100%_đặc biệt', sector: 'Khác', level: '' }),
    ).toMatchObject({ status: 'ok' });
    expect(await findProcedureEntry(t.db, { code: '9.000003' })).toMatchObject({ sector: 'Khác', active: false });

    expect(await searchProcedures(t.db, { q: '9.00000', limit: 2, offset: 0 })).toMatchObject({
      total: 2,
      rows: [{ code: '9.000001' }, { code: '9.000003' }],
    });
    // LIKE wildcards in the query are literal characters.
    expect((await searchProcedures(t.db, { q: '100%_', limit: 10, offset: 0 })).total).toBe(1);
    expect((await searchProcedures(t.db, { q: '%', limit: 10, offset: 0 })).total).toBe(1);
    const all = await searchProcedures(t.db, { q: '', limit: 10, offset: 10 });
    expect(all.rows.length).toBe(Math.min(10, all.total - 10));
  });
});

test('the audit log filters by actor, action prefix and time, and counts the same rows', async () => {
  const byRoot = await countAudit(t.db, { actor: 'root' });
  expect(byRoot).toBeGreaterThan(5);
  expect(await countAudit(t.db, { actor: 'root', action: 'unit' })).toBe(
    (await listAudit(t.db, { actor: 'root', action: 'unit' })).length,
  );
  expect((await listAudit(t.db, { action: 'unit.move' })).every((e) => e.action === 'unit.move')).toBe(true);
  expect(await countAudit(t.db, { from: Date.now() + 60_000 })).toBe(0);
  await expect(t.run(sql`DELETE FROM audit_log`)).rejects.toThrow();
});
