import { describe, expect, test } from 'vitest';
import { bucketOf, bucketSpans, fillSeries, isBucketUnit } from './buckets';

describe('bucketOf', () => {
  test.each([
    { day: '2026-03-09', unit: 'day', bucket: '2026-03-09' },
    { day: '2026-03-09', unit: 'week', bucket: '2026-W11' },
    { day: '2027-01-01', unit: 'week', bucket: '2026-W53' },
    { day: '2026-03-09', unit: 'month', bucket: '2026-03' },
    { day: '2026-03-09', unit: 'quarter', bucket: '2026-Q1' },
  ] as const)('$day by $unit → $bucket', ({ day, unit, bucket }) => {
    expect(bucketOf(day, unit)).toBe(bucket);
  });

  test('rejects a malformed day for every unit', () => {
    expect(() => bucketOf('2026-02-30', 'day')).toThrow(RangeError);
  });
});

test.each([
  { value: 'day', allowed: true },
  { value: 'quarter', allowed: true },
  { value: 'year', allowed: false },
  { value: "day'); DROP TABLE responses;--", allowed: false },
])('isBucketUnit($value) = $allowed', ({ value, allowed }) => {
  expect(isBucketUnit(value)).toBe(allowed);
});

test('bucketSpans clips the first and last week to the range', () => {
  // 25 Dec 2025 (Thu) … 8 Jan 2026 (Thu): W52 is cut to 25–28 Dec, W02 to 5–8 Jan.
  expect(bucketSpans('2025-12-25', '2026-01-08', 'week')).toEqual([
    { bucket: '2025-W52', firstDay: '2025-12-25', lastDay: '2025-12-28' },
    { bucket: '2026-W01', firstDay: '2025-12-29', lastDay: '2026-01-04' },
    { bucket: '2026-W02', firstDay: '2026-01-05', lastDay: '2026-01-08' },
  ]);
});

describe('fillSeries', () => {
  const rows = [
    { day: '2026-01-20', responses: 3, satisfied: 2 },
    { day: '2026-01-21', responses: 2, satisfied: 2 },
    { day: '2026-03-01', responses: 4, satisfied: 1 },
    // Outside the range: ignored.
    { day: '2026-05-01', responses: 99, satisfied: 99 },
  ];

  test('sums days into months and fills empty months with zeros', () => {
    // January: 3 + 2 = 5 responses, 2 + 2 = 4 satisfied; February and April: none; March: 4 and 1.
    const series = fillSeries({
      from: '2026-01-15',
      to: '2026-04-10',
      unit: 'month',
      fields: ['responses', 'satisfied'],
      rows,
    });
    expect(series).toEqual([
      { bucket: '2026-01', firstDay: '2026-01-15', lastDay: '2026-01-31', totals: { responses: 5, satisfied: 4 } },
      { bucket: '2026-02', firstDay: '2026-02-01', lastDay: '2026-02-28', totals: { responses: 0, satisfied: 0 } },
      { bucket: '2026-03', firstDay: '2026-03-01', lastDay: '2026-03-31', totals: { responses: 4, satisfied: 1 } },
      { bucket: '2026-04', firstDay: '2026-04-01', lastDay: '2026-04-10', totals: { responses: 0, satisfied: 0 } },
    ]);
  });

  test('by day gives one point per day, zeros included', () => {
    // 19–22 Jan: 0, 3, 2, 0.
    const series = fillSeries({ from: '2026-01-19', to: '2026-01-22', unit: 'day', fields: ['responses'], rows });
    expect(series.map((point) => [point.bucket, point.totals.responses])).toEqual([
      ['2026-01-19', 0],
      ['2026-01-20', 3],
      ['2026-01-21', 2],
      ['2026-01-22', 0],
    ]);
  });

  test('a whole quarter collapses to one bucket', () => {
    // Q1 2026: 5 + 4 = 9 responses.
    const series = fillSeries({ from: '2026-01-01', to: '2026-03-31', unit: 'quarter', fields: ['responses'], rows });
    expect(series).toEqual([
      { bucket: '2026-Q1', firstDay: '2026-01-01', lastDay: '2026-03-31', totals: { responses: 9 } },
    ]);
  });
});
