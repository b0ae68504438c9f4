import { describe, expect, test } from 'vitest';

import { parseProcedureCsv, procedureCreateSchema } from './procedures';

describe('parseProcedureCsv', () => {
  test('reads English headers, a BOM, quoted commas and blank lines', () => {
    const csv = '\uFEFFcode,name,sector,level\n1.013225,"Cấp giấy phép xây dựng, mới",Hoạt động xây dựng,xã\n\n2.000001,Thủ tục B,,\n';
    expect(parseProcedureCsv(csv)).toEqual({
      ok: true,
      rows: [
        { code: '1.013225', name: 'Cấp giấy phép xây dựng, mới', sector: 'Hoạt động xây dựng', level: 'xã' },
        { code: '2.000001', name: 'Thủ tục B', sector: undefined, level: undefined },
      ],
    });
  });

  test('reads the Vietnamese headers of the province spreadsheet, semicolon separated', () => {
    const r = parseProcedureCsv('Mã thủ tục;Tên thủ tục;Lĩnh vực;Cấp thực hiện\n1.1;Tên;Nhà ở;tỉnh');
    expect(r).toEqual({ ok: true, rows: [{ code: '1.1', name: 'Tên', sector: 'Nhà ở', level: 'tỉnh' }] });
  });

  test('reports every bad row with its file line (blank lines counted) and imports none', () => {
    // line 1 header · 2 good · 3 blank · 4 no name · 5 bad code · 6 duplicate of line 2 · 7 too many cells
    const csv = ['code,name', '1.1,Good', '', '1.2,', 'x y,Bad code', '1.1,Again', '1.3,Name,extra'].join('\n');
    const r = parseProcedureCsv(csv);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toMatch(/4 dòng lỗi/);
    expect(r.rowErrors.map((e) => e.line)).toEqual([4, 5, 6, 7]);
    expect(r.rowErrors[0]!.messages[0]).toMatch(/^name: Cần nhập/);
    expect(r.rowErrors[1]!.messages[0]).toMatch(/^code: Mã thủ tục/);
    expect(r.rowErrors[2]!.messages[0]).toMatch(/trùng dòng 2/);
    expect(r.rowErrors[3]!.messages[0]).toMatch(/3 cột, tiêu đề có 2/);
  });

  test.each([
    ['', /trống/],
    ['code,title\n1.1,x', /Thiếu cột name/],
    ['code,name\n', /không có dòng dữ liệu/],
    ['code,name\n1.1,"unclosed', /Không đọc được CSV/],
  ])('refuses %j as a whole', (csv, message) => {
    const r = parseProcedureCsv(csv);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toMatch(message);
      expect(r.rowErrors).toEqual([]);
    }
  });
});

describe('procedureCreateSchema', () => {
  test.each([
    [{ code: ' 1.013225 ', name: ' Tên ' }, true],
    [{ code: '', name: 'Tên' }, false],
    [{ code: '1.1', name: 'x'.repeat(501) }, false],
    [{ code: '-1', name: 'Tên' }, false],
  ])('%j valid: %s', (input, ok) => {
    expect(procedureCreateSchema.safeParse(input).success).toBe(ok);
  });
});
