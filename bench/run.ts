// `npm run bench`: measured, not asserted. Each benchmark reports ratios against a baseline
// measured in the same run, because absolute times vary between noisy machines.
import { benchFirstAnswer } from './first-answer';
import { benchIndices } from './indices';
import { benchIngest } from './ingest';
import { benchKioskBundle } from './kiosk-bundle';
import { benchPriorities } from './priorities';
import { benchValidator } from './validator';

// BENCH_ONLY=validator|ingest|indices|priorities|kiosk|phone runs one of them.
const only = process.env.BENCH_ONLY;
if (!only || only === 'validator') await benchValidator();
if (!only || only === 'ingest') await benchIngest();
if (!only || only === 'indices') await benchIndices();
if (!only || only === 'priorities') await benchPriorities();
if (!only || only === 'kiosk') await benchKioskBundle();
if (!only || only === 'phone') await benchFirstAnswer();
