import type { ParseArgsConfig } from 'node:util';

import { accountCommands } from './accounts';
import { backupCommands } from './backup';
import { caseCommands } from './cases';
import { deviceCommands } from './devices';
import { officerCommands } from './officers';
import { procedureCommands } from './procedures';
import { rollupCommands } from './rollups';
import { summaryCommands } from './summary';
import { surveyCommands } from './surveys';

export type Command = {
  /** The words that select it, e.g. ['survey', 'import']. */
  name: string[];
  usage: string;
  options?: ParseArgsConfig['options'];
  run(args: { values: Record<string, string | boolean | undefined>; positionals: string[] }): Promise<void> | void;
};

export const commands: Command[] = [
  ...accountCommands,
  ...surveyCommands,
  ...backupCommands,
  ...deviceCommands,
  ...officerCommands,
  ...caseCommands,
  ...rollupCommands,
  ...procedureCommands,
  ...summaryCommands,
];
