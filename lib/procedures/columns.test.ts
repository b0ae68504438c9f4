import { describe, expect, test } from 'vitest';

import { parseLocalDate, parseProcedureCsv, procedureCells, procedureHeaders, PROCEDURE_COLUMNS } from './columns';
import { bareRecord } from './record';

const TODAY = '2026-12-03';

describe('parseProcedureCsv', () => {
  test('reads English headers, a BOM, quoted commas and blank lines', () => {
    const csv =
      '\uFEFFcode,name,sector,level\n1.013225,"Cấp giấy phép xây dựng, mới",Hoạt động xây dựng,xã\n\n2.000001,Thủ tục B,,\n';
    const r = parseProcedureCsv(csv, TODAY);
    expect(r).toEqual({
      ok: true,
      rows: [
        {
          record: {
            ...bareRecord({
              code: '1.013225',
              name: 'Cấp giấy phép xây dựng, mới',
              sector: 'Hoạt động xây dựng',
              level: 'xã',
            }),
          },
          effectiveFrom: TODAY,
          illustrative: false,
        },
        {
          record: bareRecord({ code: '2.000001', name: 'Thủ tục B', sector: null, level: null }),
          effectiveFrom: TODAY,
          illustrative: false,
        },
      ],
    });
  });

  test('reads the national database columns, semicolon separated, multi-line cells kept as lines', () => {
    const csv = [
      'Mã thủ tục;Tên thủ tục;Lĩnh vực;Cấp thực hiện;Thời hạn giải quyết;Phí, lệ phí;Thành phần hồ sơ;Trình tự thực hiện;Địa chỉ dịch vụ công trực tuyến;Ngày có hiệu lực;Dữ liệu minh họa',
      '1.1;Tên;Nhà ở;tỉnh;15 ngày;"Lệ phí: 75.000 đồng";"- Đơn đề nghị (Bản chính: 1, Bản sao: 0)\nBản vẽ";"1. Nộp hồ sơ\n2. Nhận kết quả";https://dichvucong.gov.vn/x;01/07/2026;x',
    ].join('\n');
    const r = parseProcedureCsv(csv, TODAY);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.rows[0]).toMatchObject({
      effectiveFrom: '2026-07-01',
      illustrative: true,
      record: {
        code: '1.1',
        processingTime: '15 ngày',
        fees: 'Lệ phí: 75.000 đồng',
        documents: [
          { name: 'Đơn đề nghị', originals: 1, copies: 0 },
          { name: 'Bản vẽ', originals: null, copies: null },
        ],
        steps: ['Nộp hồ sơ', 'Nhận kết quả'],
        onlineUrl: 'https://dichvucong.gov.vn/x',
      },
    });
  });

  test('reports every bad row with the file line it starts on and imports none', () => {
    // line 1 header · 2–3 good (a quoted cell over two lines) · 4 blank · 5 no name · 6 bad code
    // · 7 duplicate of line 2 · 8 too many cells · 9 bad link · 10 bad date
    const csv = [
      'code,name,steps,Địa chỉ dịch vụ công trực tuyến,Ngày có hiệu lực',
      '1.1,Good,"a',
      'b",,',
      '',
      '1.2,,,,',
      'x y,Bad code,,,',
      '1.1,Again,,,',
      '1.3,Name,,,,extra',
      '1.4,Link,,javascript:alert(1),',
      '1.5,Date,,,31/02/2026',
    ].join('\n');
    const r = parseProcedureCsv(csv, TODAY);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toMatch(/6 dòng lỗi/);
    expect(r.rowErrors.map((e) => e.line)).toEqual([5, 6, 7, 8, 9, 10]);
    expect(r.rowErrors[0]!.messages[0]).toMatch(/^Tên thủ tục: cần nhập/);
    expect(r.rowErrors[1]!.messages[0]).toMatch(/^Mã thủ tục: Mã thủ tục/);
    expect(r.rowErrors[2]!.messages[0]).toMatch(/trùng dòng 2/);
    expect(r.rowErrors[3]!.messages[0]).toMatch(/6 cột, tiêu đề có 5/);
    expect(r.rowErrors[4]!.messages[0]).toMatch(/^Địa chỉ dịch vụ công trực tuyến: phải là/);
    expect(r.rowErrors[5]!.messages[0]).toMatch(/không phải ngày/);
  });

  test.each([
    ['', /trống/],
    ['code,title\n1.1,x', /Thiếu cột Tên thủ tục/],
    ['code,name\n', /không có dòng dữ liệu/],
    ['code,name\n1.1,"unclosed', /Không đọc được CSV/],
  ])('refuses %j as a whole', (csv, message) => {
    const r = parseProcedureCsv(csv, TODAY);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toMatch(message);
      expect(r.rowErrors).toEqual([]);
    }
  });
});

describe('English columns', () => {
  test('the optional "(tiếng Anh)" columns fill the record\'s English; empty cells and files without them leave none', () => {
    const csv = [
      'Mã thủ tục,Tên thủ tục,Thành phần hồ sơ,Trình tự thực hiện,Tên thủ tục (tiếng Anh),Phí, lệ phí (tiếng Anh),Thành phần hồ sơ (tiếng Anh),Steps (English)',
      '1.1,Cấp phép,"Đơn (Bản chính: 1, Bản sao: 0)\nBản vẽ","Nộp\nNhận",Permit,,"Application\nDrawings","File\nCollect"',
      '1.2,Không dịch,,,,,,',
    ]
      .join('\n')
      .replace('Phí, lệ phí (tiếng Anh)', '"Phí, lệ phí (tiếng Anh)"');
    const r = parseProcedureCsv(csv, TODAY);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.rows[0]!.record.en).toEqual({
      name: 'Permit',
      documents: ['Application', 'Drawings'],
      steps: ['File', 'Collect'],
    });
    expect(r.rows[1]!.record.en).toBeNull();
    expect(parseProcedureCsv('code,name\n1.1,Tên', TODAY)).toMatchObject({
      ok: true,
      rows: [{ record: { en: null } }],
    });
  });

  test('English documents must name each Vietnamese document, in order', () => {
    const csv = ['code,name,documents,documents (english)', '1.1,Tên,"A\nB",Only one'].join('\n');
    const r = parseProcedureCsv(csv, TODAY);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.rowErrors).toEqual([
      { line: 2, messages: [expect.stringMatching(/^Thành phần hồ sơ \(tiếng Anh\): cần đúng số giấy tờ/)] },
    ]);
  });
});

describe('export cells', () => {
  test('a row exported and read back is the same row', () => {
    const row = {
      record: {
        ...bareRecord({ code: '1.013225', name: 'Cấp giấy phép', sector: 'Hoạt động xây dựng', level: 'xã' }),
        fees: 'Lệ phí: 75.000 đồng',
        documents: [{ name: 'Đơn, tờ khai', originals: 1, copies: 0 }],
        steps: ['Nộp', 'Nhận'],
        onlineUrl: 'https://dichvucong.gov.vn/p',
        en: { name: 'Permit', fees: 'Fee: 75,000 VND', documents: ['Application, form'], steps: ['File', 'Collect'] },
      },
      effectiveFrom: '2026-01-01',
      illustrative: true,
    };
    const quote = (c: string) => `"${c.replace(/"/g, '""')}"`;
    const csv = [procedureHeaders(), procedureCells(row)].map((cells) => cells.map(quote).join(',')).join('\n');
    expect(parseProcedureCsv(csv, TODAY)).toEqual({ ok: true, rows: [row] });
    expect(procedureHeaders()).toHaveLength(PROCEDURE_COLUMNS.length);
  });
});

describe('parseLocalDate', () => {
  test.each([
    ['2026-07-01', '2026-07-01'],
    ['1/7/2026', '2026-07-01'],
    ['01-07-2026', '2026-07-01'],
    ['31/02/2026', null],
    ['hôm nay', null],
    ['2026-07-01T00:00:00', null],
  ])('%j → %j', (cell, day) => {
    expect(parseLocalDate(cell)).toBe(day);
  });
});
