import { expect, test } from 'vitest';

import type { SummaryMail } from './compose';
import { composeSummaryHtml, escapeHtml } from './compose-html';

const MAIL: SummaryMail = {
  kind: 'quarterly',
  period: '2026-Q4',
  scope: 'Phòng Quản lý nhà & thị trường BĐS',
  sections: [
    {
      survey: 'Đánh giá sự hài lòng',
      headline: { index: 82.5, ci95: [80.1, 84.7], responses: 1200 },
      verdicts: { above: ['Quầy số 1'], below: ['Quầy số 3 <nhà ở>'] },
      conclusions: ['Chỉ số hài lòng chung đạt 82,50 % trên 1.200 người trả lời.'],
      priorities: ['Công chức hướng dẫn tận tình (71,40 %)'],
      dashboardUrl: 'https://hailong.example/dashboard?survey=sipas&unit=SXD-NHA',
      reportUrl: 'https://hailong.example/dashboard/report?survey=sipas&quarter=2026-Q4',
    },
  ],
  overdueCases: [{ code: 'PA-ABCDEFG-H', unit: 'Phòng Quản lý nhà' }],
};

/** The text of the element carrying `data-figure="name"` (no nested tags in these). */
const figure = (html: string, name: string) => html.match(new RegExp(`data-figure="${name}"[^>]*>([^<]*)<`))?.[1];

test('the HTML part: headline with interval and n, verdicts, priorities, overdue cases, links', () => {
  const html = composeSummaryHtml(MAIL);
  expect(figure(html, 'index')).toBe('82,50 %');
  expect(figure(html, 'ci95')).toBe('80,10 % – 84,70 %');
  expect(figure(html, 'n')).toBe('1.200');
  expect(figure(html, 'above')).toBe('Quầy số 1');
  expect(figure(html, 'below')).toBe('Quầy số 3 &lt;nhà ở&gt;');
  expect(html).toContain('<li>Công chức hướng dẫn tận tình (71,40 %)</li>');
  expect(figure(html, 'overdue')).toBe('1');
  expect(html).toContain('PA-ABCDEFG-H');
  expect(html).toContain('href="https://hailong.example/dashboard?survey=sipas&amp;unit=SXD-NHA"');
  expect(html).toContain('href="https://hailong.example/dashboard/report?survey=sipas&amp;quarter=2026-Q4"');
  expect(html).toContain('Phòng Quản lý nhà &amp; thị trường BĐS');
  // Inline styles only: mail clients drop style blocks, classes and external sheets.
  expect(html).not.toMatch(/<style|class=|<link|<script/i);
});

test('a suppressed headline and no overdue case say so', () => {
  const html = composeSummaryHtml({
    ...MAIL,
    sections: [
      {
        ...MAIL.sections[0]!,
        headline: { index: null, ci95: null, responses: 12 },
        verdicts: { above: [], below: [] },
      },
    ],
    overdueCases: [],
  });
  expect(html).toContain('Chưa đủ dữ liệu để tính chỉ số (n = <span data-figure="n">12</span>)');
  expect(html).toContain('chưa khác biệt rõ');
  expect(html).toContain('Không có phản ánh, kiến nghị nào đang quá hạn.');
});

test('escapeHtml', () => {
  expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
});
