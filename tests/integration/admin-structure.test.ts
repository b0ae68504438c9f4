import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { countAudit, listAudit } from '@/db/queries/audit';
import { findPointByCode } from '@/db/queries/points';
import { findProcedureRecord, searchProcedures } from '@/db/queries/procedures';
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
  setUnitActiveCore,
  updatePointCore,
  updateProcedureCore,
} from '@/lib/server/admin/structure';
import { createTestDb, type TestDb } from '@/tests/helpers/db';

// The admin action cores against a real migrated SQLite file: each change lands with its audit
// entry, and each refusal names the field and leaves the data as it was.

let t: TestDb;
let admin: Principal;

beforeAll(() => {
  t = createTestDb();
  const user = createUser(t.db, { username: 'root', role: 'admin', unitId: null, passwordHash: 'x' }, { userId: null, label: 'test' });
  admin = { kind: 'user', id: user.id, label: 'root', role: 'admin', unitId: null };
});
afterAll(() => t.close());

const unitId = (code: string) => String(findUnitByCode(t.db, code)!.id);
const fieldErrors = (s: ActionState) => (s.status === 'error' ? s.fieldErrors ?? {} : {});
const lastAudit = () => listAudit(t.db, { limit: 1 })[0]!;

describe('units', () => {
  test('create under a parent, audited with the new row', () => {
    const s = createUnitCore(t.db, admin, { code: 'sxd-test', name: 'Phòng Thử nghiệm', nameEn: '', parentId: unitId('SXD') });
    expect(s).toMatchObject({ status: 'ok' });
    const unit = findUnitByCode(t.db, 'SXD-TEST')!;
    expect(unit).toMatchObject({ name: 'Phòng Thử nghiệm', parentId: Number(unitId('SXD')), active: true });
    expect(lastAudit()).toMatchObject({ actor: 'root', actorUserId: admin.id, action: 'unit.create', entity: 'unit', entityId: String(unit.id) });
    expect(JSON.parse(lastAudit().after!)).toMatchObject({ code: 'SXD-TEST' });
  });

  test('a duplicate code or a bad field is refused by the field, nothing stored', () => {
    const before = t.count('units');
    const audits = t.count('audit_log');
    expect(fieldErrors(createUnitCore(t.db, admin, { code: 'SXD-TEST', name: 'Again', parentId: '' }))).toHaveProperty('code');
    expect(fieldErrors(createUnitCore(t.db, admin, { code: 'X', name: '', parentId: '' }))).toHaveProperty('name');
    expect(fieldErrors(createUnitCore(t.db, admin, { code: 'Y', name: 'n', parentId: '99999' }))).toHaveProperty('parentId');
    expect(t.count('units')).toBe(before);
    expect(t.count('audit_log')).toBe(audits);
  });

  test('moving a unit under its own descendant is refused; a real move is audited before → after', () => {
    createUnitCore(t.db, admin, { code: 'SXD-TEST-A', name: 'Tổ A', parentId: unitId('SXD-TEST') });
    const refused = moveUnitCore(t.db, admin, { id: unitId('SXD-TEST'), parentId: unitId('SXD-TEST-A') });
    expect(fieldErrors(refused).parentId?.[0]).toMatch(/chính nó hoặc đơn vị con/);
    expect(fieldErrors(moveUnitCore(t.db, admin, { id: unitId('SXD-TEST'), parentId: unitId('SXD-TEST') }))).toHaveProperty('parentId');
    expect(findUnitByCode(t.db, 'SXD-TEST')!.parentId).toBe(Number(unitId('SXD')));

    expect(moveUnitCore(t.db, admin, { id: unitId('SXD-TEST-A'), parentId: unitId('SXD-VP') })).toMatchObject({ status: 'ok' });
    expect(lastAudit()).toMatchObject({ action: 'unit.move' });
    expect(JSON.parse(lastAudit().before!)).toEqual({ parentId: Number(unitId('SXD-TEST')) });
    expect(JSON.parse(lastAudit().after!)).toEqual({ parentId: Number(unitId('SXD-VP')) });
  });

  test('rename and deactivate are audited with the old and new values', () => {
    renameUnitCore(t.db, admin, { id: unitId('SXD-TEST'), name: 'Phòng Kiểm thử', nameEn: 'QA' });
    expect(JSON.parse(lastAudit().before!)).toEqual({ name: 'Phòng Thử nghiệm', nameEn: null });
    expect(JSON.parse(lastAudit().after!)).toEqual({ name: 'Phòng Kiểm thử', nameEn: 'QA' });
    setUnitActiveCore(t.db, admin, { id: unitId('SXD-TEST'), active: 'false' });
    expect(findUnitByCode(t.db, 'SXD-TEST')!.active).toBe(false);
    expect(lastAudit()).toMatchObject({ action: 'unit.deactivate', before: '{"active":true}', after: '{"active":false}' });
  });
});

describe('desks', () => {
  const desk = () => ({ code: 'tthcc-q99', name: 'Quầy thử', unitId: unitId('SXD-QLXD'), location: '', phoneSurvey: 'quick', kioskSurvey: 'sipas' });

  test('a desk pointing at an unknown survey or unit is refused', () => {
    const before = t.count('service_points');
    expect(fieldErrors(createPointCore(t.db, admin, { ...desk(), kioskSurvey: 'nope' }))).toHaveProperty('kioskSurvey');
    expect(fieldErrors(createPointCore(t.db, admin, { ...desk(), unitId: '99999' }))).toHaveProperty('unitId');
    expect(fieldErrors(createPointCore(t.db, admin, { ...desk(), code: 'TTHCC-Q01' }))).toHaveProperty('code');
    t.db.$client.prepare("INSERT INTO surveys (slug) VALUES ('draft')").run();
    expect(fieldErrors(createPointCore(t.db, admin, { ...desk(), phoneSurvey: 'draft' })).phoneSurvey?.[0]).toMatch(/chưa có phiên bản xuất bản/);
    expect(t.count('service_points')).toBe(before);
  });

  test('create, then change surveys and deactivate: the audit entry holds only what changed', () => {
    expect(createPointCore(t.db, admin, desk())).toMatchObject({ status: 'ok' });
    const point = findPointByCode(t.db, { code: 'TTHCC-Q99' })!;
    expect(point).toMatchObject({ phoneSurvey: 'quick', kioskSurvey: 'sipas', active: true });
    const s = updatePointCore(t.db, admin, { ...desk(), id: String(point.id), phoneSurvey: 'sipas' });
    expect(s).toMatchObject({ status: 'ok' });
    expect(findPointByCode(t.db, { code: 'TTHCC-Q99' })).toMatchObject({ phoneSurvey: 'sipas', active: false });
    expect(JSON.parse(lastAudit().before!)).toEqual({ phoneSurvey: 'quick', active: true });
    expect(JSON.parse(lastAudit().after!)).toEqual({ phoneSurvey: 'sipas', active: false });
  });
});

describe('procedures', () => {
  test('a CSV with one bad row imports nothing and reports the row', () => {
    const before = t.count('procedures');
    const audits = t.count('audit_log');
    const s = importProceduresCore(t.db, admin, { csv: 'code,name,sector,level\n9.000001,Thủ tục mới,Nhà ở,tỉnh\n9.000002,,Nhà ở,tỉnh\n' });
    expect(s).toMatchObject({ status: 'error', rowErrors: [{ line: 3, messages: [expect.stringMatching(/^name:/)] }] });
    expect(t.count('procedures')).toBe(before);
    expect(t.count('audit_log')).toBe(audits);
  });

  test('a good CSV adds new codes, updates known ones, and audits each change', () => {
    const existing = findProcedureRecord(t.db, { code: '1.013225' })!;
    const csv = `code,name,sector,level\n9.000001,Thủ tục mới,Nhà ở,tỉnh\n1.013225,"${existing.name}","${existing.sector}",tỉnh\n`;
    const s = importProceduresCore(t.db, admin, { csv });
    expect(s).toMatchObject({ status: 'ok', message: expect.stringMatching(/1 mới, 1 cập nhật, 0 không đổi/) });
    expect(findProcedureRecord(t.db, { code: '1.013225' })!.level).toBe('tỉnh');
    const entries = listAudit(t.db, { action: 'procedure.import', limit: 10 });
    expect(entries.map((e) => e.action).sort()).toEqual(['procedure.import.create', 'procedure.import.update']);
    const update = entries.find((e) => e.action === 'procedure.import.update')!;
    expect(JSON.parse(update.before!)).toEqual({ level: existing.level });
    // Importing the same file again changes nothing and says so.
    expect(importProceduresCore(t.db, admin, { csv })).toMatchObject({ message: expect.stringMatching(/0 mới, 0 cập nhật, 2 không đổi/) });
  });

  test('create, edit, and search the catalogue by code or name with paging', () => {
    expect(fieldErrors(createProcedureCore(t.db, admin, { code: '9.000001', name: 'Dup' }))).toHaveProperty('code');
    expect(createProcedureCore(t.db, admin, { code: '9.000003', name: 'Cấp chứng chỉ 100%_đặc biệt' })).toMatchObject({ status: 'ok' });
    const id = String(findProcedureRecord(t.db, { code: '9.000003' })!.id);
    expect(updateProcedureCore(t.db, admin, { id, name: 'Cấp chứng chỉ 100%_đặc biệt', sector: 'Khác', level: '' })).toMatchObject({ status: 'ok' });
    expect(findProcedureRecord(t.db, { code: '9.000003' })).toMatchObject({ sector: 'Khác', active: false });

    expect(searchProcedures(t.db, { q: '9.00000', limit: 2, offset: 0 })).toMatchObject({ total: 2, rows: [{ code: '9.000001' }, { code: '9.000003' }] });
    // LIKE wildcards in the query are literal characters.
    expect(searchProcedures(t.db, { q: '100%_', limit: 10, offset: 0 }).total).toBe(1);
    expect(searchProcedures(t.db, { q: '%', limit: 10, offset: 0 }).total).toBe(1);
    const all = searchProcedures(t.db, { q: '', limit: 10, offset: 10 });
    expect(all.rows.length).toBe(Math.min(10, all.total - 10));
  });
});

test('the audit log filters by actor, action prefix and time, and counts the same rows', () => {
  const byRoot = countAudit(t.db, { actor: 'root' });
  expect(byRoot).toBeGreaterThan(5);
  expect(countAudit(t.db, { actor: 'root', action: 'unit' })).toBe(listAudit(t.db, { actor: 'root', action: 'unit' }).length);
  expect(listAudit(t.db, { action: 'unit.move' }).every((e) => e.action === 'unit.move')).toBe(true);
  expect(countAudit(t.db, { from: Date.now() + 60_000 })).toBe(0);
  expect(() => t.db.$client.prepare('DELETE FROM audit_log').run()).toThrow();
});
