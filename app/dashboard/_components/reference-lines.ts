import { formatPercent } from '@/lib/dashboard/format';
import type { Benchmark, Verdict } from '@/lib/indices';

import type { ReferenceLine } from './chart-plugins';

/** The benchmark a view states and the department's target, as the dashed lines of a bar chart. */
export function referenceLines(...benchmarks: (Benchmark | null)[]): ReferenceLine[] {
  return benchmarks.flatMap((b) =>
    b === null
      ? []
      : [
          {
            value: b.index,
            label: `${b.label}: ${formatPercent(b.index)}`,
            kind: b.kind === 'target' ? ('target' as const) : ('benchmark' as const),
          },
        ],
  );
}

/** Bars coloured by verdict, never by position: clearly above, clearly below, not clearly different. */
export const VERDICT_COLOURS: Record<Verdict, string> = { above: '#5f9e6e', below: '#d9776b', within: '#8fb1d3' };
