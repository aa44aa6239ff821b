// `pipewright init <dag_id>`: scaffolds a pipeline in a repository (contract, task code,
// sample input and expected output, the scheduled caller and the pull-request caller).
// Asks for grain, zone and schedule at a terminal; otherwise flags or defaults. Writes
// nothing when the contract would be invalid or a file it would write exists.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { checkContractText } from '../../contract/check-file.js';
import type { Grain } from '../../contract/model.js';
import { UsageError } from '../../errors.js';
import { DEFAULT_SCHEDULES, scaffoldPipeline } from '../../scaffold/pipeline.js';
import { callerWorkflow, prCallerWorkflow } from '../../scaffold/workflows.js';
import { requireZone } from '../../schedule/instants.js';
import { dagIdArgument, oneOf, parseFlags } from '../args.js';
import type { CliContext } from '../context.js';

const GRAINS = ['daily', 'hourly', 'weekly', 'monthly'] as const;

const USAGE = `usage: pipewright init <dag_id> [--grain GRAIN] [--timezone ZONE] [--schedule CRON] [--owner NAME] [--pipelines-dir DIR]

Scaffolds pipelines/<dag_id>/ (pipeline.yml, tasks/, a sample partition under data/ and its
expected output under expected/), .github/workflows/<dag-id>.yml (schedule and backfill form)
and, when the repository has none, .github/workflows/pipelines-pr.yml (pull-request checks).
At a terminal it asks for what the flags leave out; otherwise it uses the defaults.

  --grain GRAIN      hourly, daily (default), weekly or monthly: one partition per interval
  --timezone ZONE    IANA zone of the schedule and the partitions (default UTC)
  --schedule CRON    5-field cron or @hourly/@daily/@weekly/@monthly, written as GitHub cron
                     (default for daily: 0 6 * * *)
  --owner NAME       team or person answerable for the pipeline (default: data-team)
  --pipelines-dir DIR  folder holding <dag_id>/pipeline.yml (default: pipelines)
`;

type Ask = (question: string, fallback: string) => Promise<string>;

/**
 * Questions on stderr, answers from a terminal's stdin. Lines are read through one buffered
 * iterator, so answers typed ahead are kept; at end of input (Ctrl+D) the defaults apply.
 */
function terminalAsk(ctx: CliContext): { ask: Ask; close(): void } | undefined {
  if (!ctx.interactive || !process.stdin.isTTY) return undefined;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  const lines = rl[Symbol.asyncIterator]();
  return {
    async ask(question, fallback) {
      ctx.stderr.write(`${question} [${fallback}]: `);
      const next = await lines.next();
      const answer = next.done ? '' : String(next.value).trim();
      return answer === '' ? fallback : answer;
    },
    close: () => rl.close(),
  };
}

export async function initCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseFlags(
    args,
    {
      grain: { type: 'string' },
      timezone: { type: 'string' },
      schedule: { type: 'string' },
      owner: { type: 'string' },
      pipelines: { type: 'string' },
    },
    USAGE,
  );
  if (values.help) {
    ctx.stdout.write(USAGE);
    return 0;
  }
  const dagId = dagIdArgument(positionals, USAGE);
  if (!/^[a-z][a-z0-9_]*$/.test(dagId))
    throw new UsageError(`dag_id '${dagId}' must be lower snake_case starting with a letter (a-z, 0-9, _)`);
  const terminal = terminalAsk(ctx);
  const choose = async (flag: string | undefined, question: string, fallback: string) =>
    flag ?? (terminal ? await terminal.ask(question, fallback) : fallback);
  let grain: Grain;
  let timezone: string;
  let schedule: string;
  let owner: string;
  try {
    grain = oneOf(
      await choose(values.grain, 'Partition grain (hourly, daily, weekly, monthly)', 'daily'),
      GRAINS,
      'grain',
      'daily',
    );
    timezone = await choose(values.timezone, 'Time zone (IANA name)', 'UTC');
    requireZone(timezone);
    schedule = await choose(values.schedule, 'Schedule (5-field cron)', DEFAULT_SCHEDULES[grain]);
    owner = await choose(values.owner, 'Owner (team or person)', 'data-team');
  } finally {
    terminal?.close();
  }
  const pipelinesDir = (values.pipelines ?? 'pipelines').replace(/\/+$/, '').split(path.sep).join('/');

  const { files, sample } = scaffoldPipeline({
    dagId,
    grain,
    timezone,
    schedule,
    owner,
    pipelinesDir,
    now: new Date(),
  });
  const contract = files[0]!;
  const problems = checkContractText(contract.path, contract.content).diagnostics.filter((d) => d.severity === 'error');
  if (problems.length)
    throw new UsageError(
      `the contract these values make is invalid:\n${problems.map((d) => `  ${d.message}`).join('\n')}`,
    );

  const workflows = path.join(ctx.cwd, '.github', 'workflows');
  files.push({
    path: `.github/workflows/${dagId.replaceAll('_', '-')}.yml`,
    content: callerWorkflow({ dagId, grain, timezone, schedule, pipelinesDir }),
  });
  // Task code is ES modules; this tells tsc and editors so in a "type": "commonjs" repository
  // (a run loads it as ES modules either way: src/run/module-format.ts).
  const scope = `${pipelinesDir}/package.json`;
  if (!existsSync(path.join(ctx.cwd, scope)))
    files.push({ path: scope, content: `${JSON.stringify({ private: true, type: 'module' }, null, 2)}\n` });
  const prCaller = '.github/workflows/pipelines-pr.yml';
  if (!existsSync(path.join(workflows, 'pipelines-pr.yml')))
    files.push({ path: prCaller, content: prCallerWorkflow({ pipelinesDir }) });

  const existing = files.filter((f) => existsSync(path.join(ctx.cwd, f.path)));
  if (existsSync(path.join(ctx.cwd, pipelinesDir, dagId)) || existing.length)
    throw new UsageError(
      `${pipelinesDir}/${dagId} or its workflow already exists (${existing.map((f) => f.path).join(', ') || `${pipelinesDir}/${dagId}/`}): nothing written`,
    );
  for (const file of files) {
    const target = path.join(ctx.cwd, file.path);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.content, { flag: 'wx' });
    ctx.stdout.write(`created ${file.path}\n`);
  }
  ctx.stdout.write(
    `\nNext: install pipewright as a dev dependency if you have not (npm install --save-dev pipewright), then
  npx pipewright validate
  npx pipewright run ${dagId} --partition ${sample.key}
  npx pipewright expect ${dagId}
`,
  );
  return 0;
}
