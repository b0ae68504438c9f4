import { VERDICT_WORDS, type Benchmark, type IndicesResult, type Verdict } from '@/lib/indices';

type Cell = string | number | null;

export const INDEX_TABLE_HEADER = [
  'Cấp',
  'Yếu tố',
  'Mã tiêu chí',
  'Tiêu chí',
  'n (chỉ số chung: người trả lời; tiêu chí: câu trả lời)',
  'Số hài lòng',
  'Chỉ số (%)',
  'KTC 95 % – cận dưới',
  'KTC 95 % – cận trên',
  'Chưa đủ dữ liệu',
  'Phân bố (giá trị: số câu trả lời)',
];

/** One row for the overall index, one per element, one per criterion. */
export function indexTableRows(result: IndicesResult): Cell[][] {
  const flag = (suppressed: boolean) => (suppressed ? 'Có' : 'Không');
  const rows: Cell[][] = [
    [
      'Chỉ số chung',
      null,
      null,
      null,
      result.responses,
      null,
      result.index,
      result.ci95?.[0] ?? null,
      result.ci95?.[1] ?? null,
      flag(result.suppressed),
      null,
    ],
  ];
  for (const d of result.dimensions) {
    rows.push([
      'Yếu tố',
      d.title,
      null,
      null,
      null,
      null,
      d.index,
      d.ci95?.[0] ?? null,
      d.ci95?.[1] ?? null,
      flag(d.suppressed),
      null,
    ]);
    for (const c of d.criteria) {
      rows.push([
        'Tiêu chí',
        d.title,
        c.question,
        c.title,
        c.n,
        c.satisfied,
        c.index,
        c.ci95?.[0] ?? null,
        c.ci95?.[1] ?? null,
        flag(c.suppressed),
        Object.entries(c.distribution)
          .map(([v, n]) => `${v}: ${n}`)
          .join('; '),
      ]);
    }
  }
  return rows;
}

export const RANKING_TABLE_HEADER = [
  'Hạng',
  'Mã',
  'Tên',
  'Chỉ số (%)',
  'KTC 95 % – cận dưới',
  'KTC 95 % – cận trên',
  'Số câu trả lời',
  'Số người trả lời',
  'Kết luận',
  'Mốc so sánh',
];

export function rankingTableRows(ranking: {
  ranked: {
    rank: number;
    key: string;
    label: string;
    index: number;
    ci95: [number, number];
    n: number;
    responses: number;
    verdict: Verdict;
  }[];
  suppressed: { key: string; label: string; n: number; responses: number }[];
  benchmark: Benchmark | null;
}): Cell[][] {
  const mark = ranking.benchmark ? `${ranking.benchmark.label}: ${ranking.benchmark.index}` : null;
  return [
    ...ranking.ranked.map((r) => [
      r.rank,
      r.key,
      r.label,
      r.index,
      r.ci95[0],
      r.ci95[1],
      r.n,
      r.responses,
      VERDICT_WORDS.vi[r.verdict],
      mark,
    ]),
    ...ranking.suppressed.map((r) => [
      'chưa đủ dữ liệu',
      r.key,
      r.label,
      null,
      null,
      null,
      r.n,
      r.responses,
      null,
      null,
    ]),
  ];
}
