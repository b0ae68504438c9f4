import type { ParseArgsConfig } from 'node:util';

import { surveyCommands } from './surveys';
import { backupCommands } from './backup';

export type Command = {
  /** The words that select it, e.g. ['survey', 'import']. */
  name: string[];
  usage: string;
  options?: ParseArgsConfig['options'];
  run(args: { values: Record<string, string | boolean | undefined>; positionals: string[] }): Promise<void> | void;
};

export const commands: Command[] = [...surveyCommands, ...backupCommands];
