import { describe, expect, test } from 'vitest';

import { deskFirst, filterCatalogue, sectorsOf } from './search';

const item = (code: string, name: string, sector: string | null, points: string[] = []) => ({
  record: { code, name, sector },
  points,
});
const catalogue = [
  item('1.013225', 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ', 'Hoạt động xây dựng'),
  item('1.013237', 'Cấp mới chứng chỉ hành nghề hoạt động xây dựng', 'Hoạt động xây dựng', ['Q2']),
  item('1.012906', 'Cấp mới chứng chỉ hành nghề môi giới bất động sản', 'Kinh doanh bất động sản', ['Q3']),
  item('1.002693', 'Cấp giấy phép chặt hạ, dịch chuyển cây xanh', 'Hạ tầng kỹ thuật', ['Q2']),
];
const codes = (items: { record: { code: string } }[]) => items.map((i) => i.record.code);

describe('filterCatalogue', () => {
  test.each([
    [{ q: 'giay phep xay dung' }, ['1.013225']],
    [{ q: 'Giấy phép' }, ['1.013225', '1.002693']],
    [{ q: 'CHỨNG CHỈ' }, ['1.013237', '1.012906']],
    [{ q: 'bat dong san' }, ['1.012906']], // the sector matches too
    [{ q: '1.0132' }, ['1.013225', '1.013237']],
    [{ q: 'chung chi', sector: 'Hoạt động xây dựng' }, ['1.013237']],
    [{ point: 'Q2' }, ['1.013237', '1.002693']],
    [{ q: '' }, ['1.013225', '1.013237', '1.012906', '1.002693']],
    [{ q: 'không có' }, []],
  ])('%j → %j', (query, expected) => {
    expect(codes(filterCatalogue(catalogue, query))).toEqual(expected);
  });
});

test('deskFirst puts the desk’s procedures first, each group in catalogue order', () => {
  expect(codes(deskFirst(catalogue, 'Q2'))).toEqual(['1.013237', '1.002693', '1.013225', '1.012906']);
});

test('sectorsOf lists each sector once, in Vietnamese order', () => {
  expect(sectorsOf(catalogue)).toEqual(['Hạ tầng kỹ thuật', 'Hoạt động xây dựng', 'Kinh doanh bất động sản']);
});
