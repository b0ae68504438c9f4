import { expect, test } from 'vitest';

import { composeSummary, periodLabel } from './compose';

test.each([
  ['monthly', '2026-11', 'tháng 11/2026'],
  ['monthly', '2026-01', 'tháng 1/2026'],
  ['quarterly', '2026-Q4', 'quý 4/2026'],
] as const)('periodLabel(%s, %s) = %s', (kind, period, expected) => {
  expect(periodLabel(kind, period)).toBe(expected);
});

test('the summary: headline and verdicts, priorities, overdue cases and links', () => {
  const { subject, text } = composeSummary({
    kind: 'monthly',
    period: '2026-11',
    scope: 'Sở Xây dựng',
    sections: [
      {
        survey: 'Đánh giá sự hài lòng',
        headline: { index: 82.5, ci95: [80.1, 84.7], responses: 1200 },
        verdicts: { above: [], below: ['Quầy số 3'] },
        conclusions: ['Chỉ số hài lòng chung đạt 82,50 % trên 1.200 người trả lời.'],
        priorities: ['Công chức hướng dẫn tận tình (71,40 %)'],
        dashboardUrl: 'https://hailong.example/dashboard?survey=sipas',
        reportUrl: 'https://hailong.example/dashboard/report?survey=sipas&quarter=2026-Q4',
      },
    ],
    overdueCases: [{ code: 'PA-ABCDEFG-H', unit: 'Phòng Quản lý nhà' }],
  });
  expect(subject).toBe('[Hài Lòng] Tóm tắt kết quả hài lòng tháng 11/2026 — Sở Xây dựng');
  expect(text.split('\n')).toEqual([
    'Kết quả đo lường sự hài lòng tháng 11/2026, Sở Xây dựng.',
    '',
    '■ Đánh giá sự hài lòng',
    '- Chỉ số hài lòng chung đạt 82,50 % trên 1.200 người trả lời.',
    'Cần cải thiện trước:',
    '  1. Công chức hướng dẫn tận tình (71,40 %)',
    'Bảng điều khiển: https://hailong.example/dashboard?survey=sipas',
    'Báo cáo quý: https://hailong.example/dashboard/report?survey=sipas&quarter=2026-Q4',
    '',
    'Phản ánh, kiến nghị đang quá hạn (1):',
    '- PA-ABCDEFG-H (Phòng Quản lý nhà)',
    '',
    'Thư này được gửi tự động; quản trị viên thay đổi danh sách người nhận.',
  ]);
});
