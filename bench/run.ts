// `npm run bench`: measured, not asserted. Each benchmark reports ratios against a baseline
// measured in the same run, because absolute times vary between noisy machines.
import { benchIngest } from './ingest';
import { benchKioskBundle } from './kiosk-bundle';

await benchIngest();
await benchKioskBundle();
