import { readyDb } from '@/db';
import { rebuildRollups } from '@/server/rollups';

import type { Command } from './commands';

export const rollupCommands: Command[] = [
  {
    name: ['rollups', 'rebuild'],
    usage: 'rollups rebuild                                      recompute the dashboard rollups from raw responses',
    async run() {
      const started = Date.now();
      const { responses } = await rebuildRollups(await readyDb());
      console.log(`Rollups rebuilt from ${responses} responses in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    },
  },
];
