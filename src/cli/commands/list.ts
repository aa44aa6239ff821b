// `pipewright list`: every pipeline under the pipelines folder with its owner, schedule,
// grain and the state of its latest run (from the ledger of its data root).
import path from 'node:path';
import { displayPath } from '../../contract/format.js';
import { validatePaths } from '../../contract/load.js';
import { dataRootLedger, openDataRoot } from '../../store/data-root.js';
import type { RunRecord } from '../../store/ledger.js';
import { resolveDataRoot } from '../../store/paths.js';
import { textTable } from '../../text-table.js';
import { oneOf, parseFlags, WORKSPACE_FLAGS } from '../args.js';
import type { CliContext } from '../context.js';

const USAGE = `usage: pipewright list [--format table|json] [--data-root DIR] [--pipelines-dir DIR]

  One row per pipeline: dag_id, owner, schedule and zone, grain, and its latest run
  (partition, state, start) from the ledger; a contract with errors is listed as invalid.
`;

interface PipelineRow {
  dag_id: string;
  owner: string | null;
  schedule: string | null;
  timezone: string | null;
  partition: string | null;
  last_run: { partition: string; state: RunRecord['state']; run_id: string; started_at: string } | null;
  errors: number;
}

function latestOf(runs: Map<string, RunRecord>): RunRecord | undefined {
  let latest: RunRecord | undefined;
  for (const run of runs.values()) if (!latest || run.startedAt > latest.startedAt) latest = run;
  return latest;
}

export async function listCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseFlags(args, { format: { type: 'string' }, ...WORKSPACE_FLAGS }, USAGE);
  if (values.help) {
    ctx.stdout.write(USAGE);
    return 0;
  }
  if (positionals.length) ctx.logger.warning(`ignored: ${positionals.join(' ')} (list takes no arguments)`);
  const format = oneOf(values.format, ['table', 'json'] as const, 'format', 'table');
  const pipelinesDir = values.pipelines ?? 'pipelines';
  const { files, pipelines, diagnostics } = await validatePaths([pipelinesDir], { checkImports: false, cwd: ctx.cwd });
  const rows: PipelineRow[] = [];
  for (const file of files) {
    const pipeline = pipelines.find((p) => path.join(p.dir, 'pipeline.yml') === file);
    if (!pipeline) {
      const errors = diagnostics.filter((d) => d.file === file && d.severity === 'error').length;
      rows.push({
        dag_id: path.basename(path.dirname(file)),
        owner: null,
        schedule: null,
        timezone: null,
        partition: null,
        last_run: null,
        errors,
      });
      continue;
    }
    const dataRoot = resolveDataRoot(pipeline, values['data-root'], ctx.env, ctx.cwd);
    const last = latestOf(await (await dataRootLedger(await openDataRoot(dataRoot))).latestRuns(pipeline.dagId));
    rows.push({
      dag_id: pipeline.dagId,
      owner: pipeline.owner,
      schedule: pipeline.schedule ?? null,
      timezone: pipeline.timezone,
      partition: pipeline.partition,
      last_run: last
        ? { partition: last.partition, state: last.state, run_id: last.runId, started_at: last.startedAt }
        : null,
      errors: 0,
    });
  }
  if (format === 'json') {
    ctx.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const header = ['DAG_ID', 'OWNER', 'SCHEDULE', 'GRAIN', 'LAST RUN'];
  const cells = rows.map((r) =>
    r.errors
      ? [
          r.dag_id,
          '-',
          '-',
          '-',
          `invalid contract (${r.errors} error${r.errors === 1 ? '' : 's'}: pipewright validate)`,
        ]
      : [
          r.dag_id,
          r.owner ?? '-',
          r.schedule ? `${r.schedule} ${r.timezone}` : 'manual',
          r.partition ?? '-',
          r.last_run ? `${r.last_run.partition} ${r.last_run.state} (${r.last_run.started_at})` : 'never run',
        ],
  );
  ctx.stdout.write(textTable(header, cells));
  if (rows.length === 0)
    ctx.stdout.write(`no pipelines under ${displayPath(path.resolve(ctx.cwd, pipelinesDir), ctx.cwd)}\n`);
  return 0;
}
