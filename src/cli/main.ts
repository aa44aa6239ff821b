// `pipewright <command> ...`: dispatches to one module per command and maps
// errors to exit codes (0 ok, 1 failed work or state to repair, 2 bad input).
// Importing it runs nothing.
import { errorMessage, isUserError, userErrorExitCode } from '../errors.js';
import { consoleLogger, escapeLogText } from '../log.js';
import { stateErrorFromFs } from '../store/fs-errors.js';
import { backfillCommand } from './commands/backfill.js';
import { expectCommand } from './commands/expect.js';
import { graphCommand } from './commands/graph.js';
import { initCommand } from './commands/init.js';
import { listCommand } from './commands/list.js';
import { planCommand } from './commands/plan.js';
import { repairCommand } from './commands/repair.js';
import { rollbackCommand } from './commands/rollback.js';
import { runCommand } from './commands/run.js';
import { siteCommand } from './commands/site.js';
import { statusCommand } from './commands/status.js';
import { testCommand } from './commands/test.js';
import { validateCommand } from './commands/validate.js';
import type { CliContext, Command } from './context.js';
import { VERSION } from './version.js';

const commands: Record<string, { run: Command; summary: string }> = {
  init: { run: initCommand, summary: 'scaffold a pipeline, its sample data and its workflows' },
  list: { run: listCommand, summary: 'the pipelines with owner, schedule and their latest run' },
  validate: { run: validateCommand, summary: 'check contracts, DAGs, handler imports and policy' },
  plan: { run: planCommand, summary: 'list the partitions a tick or a backfill must run' },
  graph: { run: graphCommand, summary: 'print the DAG as Mermaid or Graphviz dot' },
  run: { run: runCommand, summary: 'run one partition' },
  test: { run: testCommand, summary: 'run one task of one partition in a scratch data root, without the ledger' },
  backfill: { run: backfillCommand, summary: 'plan and run a range of partitions, with a recorded reason' },
  status: { run: statusCommand, summary: 'one row per partition from the run ledger' },
  rollback: { run: rollbackCommand, summary: 'make a retained version of a partition live again' },
  repair: { run: repairCommand, summary: 'finish publishes a killed run left half done' },
  site: { run: siteCommand, summary: 'build the catalog and status site (static HTML) from contracts and the ledger' },
  expect: { run: expectCommand, summary: 'run the sample partitions and compare outputs with expected/' },
};

export const USAGE = `usage: pipewright <command> [options]

commands:
${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(10)}${c.summary}`)
  .join('\n')}

Run 'pipewright <command> --help' for a command's options, 'pipewright --version' for the version.
`;

export function defaultContext(): CliContext {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    logger: consoleLogger(Boolean(process.env.PIPEWRIGHT_DEBUG)),
    cwd: process.cwd(),
    env: process.env,
    interactive: Boolean(process.stderr.isTTY),
  };
}

export async function main(argv: string[], ctx: CliContext = defaultContext()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? ctx.stderr : ctx.stdout).write(USAGE);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-V') {
    ctx.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    ctx.stderr.write(`pipewright: unknown command '${escapeLogText(name)}'\n\n${USAGE}`);
    return 2;
  }
  try {
    return await command.run(rest, ctx);
  } catch (thrown) {
    const error = stateErrorFromFs(thrown) ?? thrown;
    if (isUserError(error)) {
      ctx.stderr.write(`pipewright ${name}: ${escapeLogText(errorMessage(error))}\n`);
      return userErrorExitCode(error);
    }
    ctx.stderr.write(
      `pipewright ${name}: internal error (please report it)\n${error instanceof Error ? error.stack : String(error)}\n`,
    );
    return 70;
  }
}
