import path from 'node:path';
import { loadPipelines } from '../../contract/load.js';
import { UsageError } from '../../errors.js';
import { buildSite } from '../../site/build.js';
import { siteSources } from '../../site/sources.js';
import { isBucketRoot } from '../../store/data-root.js';
import { GitLedger } from '../../store/git-ledger.js';
import { parseFlags, WORKSPACE_FLAGS } from '../args.js';
import type { CliContext } from '../context.js';

const USAGE = `usage: pipewright site --out DIR [--pipelines-dir DIR] [--data-root DIR] [--state-branch BRANCH]

  Builds the catalog and status site: index.html lists every pipeline (owner,
  schedule, freshness target, latest state); pipelines/<dag_id>/index.html shows
  its catalog, grid of partitions and runs, freshness and reliability, and
  trends. It works from file:// and from GitHub Pages alike.

  --out DIR             where to write the site (a new or empty folder, or an earlier site)
  --pipelines-dir DIR     the contracts (default: ./pipelines)
  --data-root DIR       one data root for every pipeline, a folder or a bucket (default: each pipeline's own)
  --state-branch NAME   read the run ledger from this branch of the remote 'origin'
`;

export async function siteCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseFlags(
    args,
    {
      out: { type: 'string' },
      ...WORKSPACE_FLAGS,
      'state-branch': { type: 'string' },
    },
    USAGE,
  );
  if (values.help) {
    ctx.stdout.write(USAGE);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'\n${USAGE}`);
  if (!values.out) throw new UsageError(`missing --out DIR\n${USAGE}`);
  const pipelines = await loadPipelines(path.resolve(ctx.cwd, values.pipelines ?? 'pipelines'));
  const named = values['data-root'];
  const flagRoot = named === undefined || isBucketRoot(named) ? named : path.resolve(ctx.cwd, named);
  const stateBranch = values['state-branch'];
  const sources = await siteSources(pipelines, {
    dataRoot: flagRoot,
    env: ctx.env,
    ledger: stateBranch ? new GitLedger({ repoDir: ctx.cwd, branch: stateBranch }) : undefined,
  });
  const started = performance.now();
  const result = await buildSite({ sources, out: path.resolve(ctx.cwd, values.out) });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  ctx.stdout.write(
    `site: ${pipelines.length} pipeline(s), ${result.files} files, ${(result.bytes / 1e6).toFixed(1)} MB in ${seconds}s\n` +
      `open ${path.join(result.out, 'index.html')}\n`,
  );
  return 0;
}
