import { describe, expect, test } from 'vitest';

import { exportFileName, neutralizeCell } from './cells';

describe('neutralizeCell', () => {
  test.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+84 912 345 678', `'+84 912 345 678`],
    ['-1+2', `'-1+2`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\t=1+1', `'\t=1+1`],
    ['Cán bộ tận tình', 'Cán bộ tận tình'],
    ['a=b', 'a=b'],
    [5, 5],
    [-3, -3],
    [true, 'Có'],
    [['time', 'fees'], 'time; fees'],
    [['=evil'], `'=evil`],
    [null, null],
    [undefined, null],
  ])('%j → %j', (input, expected) => {
    expect(neutralizeCell(input)).toEqual(expected);
  });

  test('file names are plain ASCII', () => {
    expect(exportFileName('phieu', 'sipas', '2026-01-01', '2026-03-31', 'csv')).toBe(
      'phieu-sipas-2026-01-01_2026-03-31.csv',
    );
    expect(exportFileName('phieu', 'x"; evil', '2026-01-01', '2026-03-31', 'xlsx')).toBe(
      'phieu-x-evil-2026-01-01_2026-03-31.xlsx',
    );
  });
});
