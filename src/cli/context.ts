// What every CLI command receives: where to write, where pipelines live.
import type { Logger } from '../log.js';

export interface Output {
  write(text: string): void;
}

export interface CliContext {
  stdout: Output;
  stderr: Output;
  logger: Logger;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** True when stderr is a terminal: live views and progress bars redraw in place. */
  interactive: boolean;
}

export type Command = (args: string[], ctx: CliContext) => Promise<number>;
