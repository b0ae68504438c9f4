// `npm run bench`: measured, not asserted. Each benchmark reports ratios against a baseline
// measured in the same run, because absolute times vary between noisy machines.
import { benchIndices } from './indices';
import { benchIngest } from './ingest';

// BENCH_ONLY=ingest|indices runs one of them.
if (process.env.BENCH_ONLY !== 'indices') await benchIngest();
if (process.env.BENCH_ONLY !== 'ingest') await benchIndices();
