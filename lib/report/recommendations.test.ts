import { expect, test } from 'vitest';

import { reportConclusions, reportRecommendations, standouts, type ReportFacts } from './recommendations';

const base: ReportFacts = {
  index: 82.5,
  respondents: 1200,
  minResponses: 30,
  change: { delta: 3.2, significant: true },
  benchmark: { label: 'SIPAS toàn quốc 2024', index: 80.1 },
  fixFirst: [{ title: 'Công chức hướng dẫn tận tình', index: 71.4 }],
  reasons: [],
  below: ['Quầy số 3'],
  above: [],
  cases: { received: 12, due: 10, onTime: 8, overdue: 1 },
  provisional: false,
};

test.each([
  {
    name: 'a finished quarter',
    facts: base,
    has: [
      'Chỉ số hài lòng chung đạt 82,50 % trên 1.200 người trả lời, không thấp hơn SIPAS toàn quốc 2024 (80,10 %).',
      'So với quý trước, chỉ số tăng 3,20 điểm; thay đổi này có ý nghĩa thống kê.',
      'Chưa tốt, thấp hơn mức chung một cách rõ rệt: Quầy số 3.',
      'Tiếp nhận 12 phản ánh, kiến nghị, đúng hạn 8/10 phản ánh đã đến hạn (80,00 %); đang quá hạn: 1.',
    ],
  },
  {
    name: 'a running quarter is provisional',
    facts: { ...base, provisional: true },
    has: [expect.stringContaining('(số liệu tạm tính, quý chưa kết thúc)')],
  },
  {
    name: 'a change that is not significant is not called one',
    facts: { ...base, change: { delta: -0.8, significant: false } },
    has: ['So với quý trước, chỉ số thay đổi −0,80 điểm, chưa đủ để kết luận là có thay đổi thực sự.'],
  },
  {
    name: 'too few respondents',
    facts: { ...base, index: null, respondents: 12, change: null, below: [] },
    has: ['Quý này có 12 người trả lời, chưa đủ 30 để tính chỉ số hài lòng.'],
  },
  {
    name: 'no unit stands out',
    facts: { ...base, below: [] },
    has: ['Giữa các đơn vị, quầy chưa có khác biệt rõ so với mức chung.'],
  },
])('conclusions: $name', ({ facts, has }) => {
  expect(reportConclusions(facts)).toEqual(expect.arrayContaining(has));
});

test.each([
  {
    name: 'fix first, weak units, overdue cases',
    facts: base,
    expected: [
      'Ưu tiên cải thiện tiêu chí “Công chức hướng dẫn tận tình” (mới đạt 71,40 %): tiêu chí này ảnh hưởng nhiều đến mức hài lòng chung.',
      'Kiểm tra, hỗ trợ Quầy số 3 để nâng mức hài lòng lên bằng mức chung.',
      'Giải quyết dứt điểm 1 phản ánh, kiến nghị đang quá hạn và trả lời công khai cho người dân.',
    ],
  },
  {
    name: 'reasons of the quick survey',
    facts: {
      ...base,
      fixFirst: [],
      below: [],
      cases: { ...base.cases, overdue: 0 },
      reasons: [
        { label: 'Thời gian giải quyết', share: 26.2 },
        { label: 'Phải đi lại nhiều lần', share: 23.3 },
        { label: 'Khác', share: 13 },
      ],
    },
    expected: [
      'Tập trung khắc phục các lý do chưa hài lòng được nêu nhiều nhất: “Thời gian giải quyết” (26,20 % người chưa hài lòng chọn) và “Phải đi lại nhiều lần” (23,30 % người chưa hài lòng chọn).',
    ],
  },
  {
    name: 'nothing to fix',
    facts: { ...base, fixFirst: [], below: [], cases: { ...base.cases, overdue: 0 } },
    expected: ['Duy trì chất lượng phục vụ hiện nay và tiếp tục theo dõi ý kiến của người dân, tổ chức.'],
  },
])('recommendations: $name', ({ facts, expected }) => {
  expect(reportRecommendations(facts)).toEqual(expected);
});

test('standouts: named only from verdicts, never from a place in the list', () => {
  const rows = [
    { label: 'A', verdict: 'above' as const },
    { label: 'B', verdict: 'below' as const },
    // Last in the list, but not told apart from the benchmark.
    { label: 'C', verdict: 'within' as const },
  ];
  expect(standouts(rows)).toEqual({ above: ['A'], below: ['B'] });
  expect(standouts([])).toEqual({ above: [], below: [] });
});
