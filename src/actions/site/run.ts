// The site action: builds the catalog and status site from the contracts and
// the run ledger (the state branch when named, else each data root's), for
// actions/upload-pages-artifact to publish. `path` is the site folder.
import path from 'node:path';
import { loadPipelines } from '../../contract/load.js';
import * as core from '../../github/core.js';
import { writeJobSummary } from '../../github/summary.js';
import { buildSite } from '../../site/build.js';
import { siteSources } from '../../site/sources.js';
import { isBucketRoot } from '../../store/data-root.js';
import { INPUT, OUTPUT, readString, setOutput } from '../common/inputs.js';
import { stateBranchLedger } from '../common/ledger.js';
import { runAction } from '../common/run.js';
import { shown, workspaceDir } from '../common/workspace.js';

interface SiteInputs {
  workspace: string;
  pipelinesDir: string;
  dataRoot: string;
  stateBranch: string;
  out: string;
}

function readInputs(): SiteInputs {
  return {
    workspace: workspaceDir(),
    pipelinesDir: readString(INPUT.pipelinesDir, { fallback: 'pipelines' }),
    dataRoot: readString(INPUT.dataRoot),
    stateBranch: readString(INPUT.stateBranch),
    out: readString(INPUT.out, { fallback: '_site' }),
  };
}

export async function runSiteAction(): Promise<void> {
  await runAction('site', async () => {
    const inputs = readInputs();
    const pipelines = await loadPipelines(path.resolve(inputs.workspace, inputs.pipelinesDir));
    const dataRoot =
      inputs.dataRoot === '' || isBucketRoot(inputs.dataRoot)
        ? inputs.dataRoot || undefined
        : path.resolve(inputs.workspace, inputs.dataRoot);
    // A bucket data root keeps its own ledger, as the run jobs do.
    const bucket = dataRoot !== undefined && isBucketRoot(dataRoot);
    if (bucket) core.info(`run ledger: ${dataRoot}/_pipewright/runs (the bucket; state-branch is not used)`);
    const sources = await siteSources(pipelines, {
      dataRoot,
      ledger: bucket ? undefined : await stateBranchLedger(inputs.workspace, inputs.stateBranch),
    });
    const result = await buildSite({ sources, out: path.resolve(inputs.workspace, inputs.out) });
    const where = shown(result.out, inputs.workspace);
    core.info(
      `site: ${pipelines.length} pipeline(s), ${result.files} files, ${(result.bytes / 1e6).toFixed(1)} MB in ${where}`,
    );
    setOutput(OUTPUT.path, where);
    await writeJobSummary(
      `## pipewright site\n\n${pipelines.length} pipeline(s): ${pipelines.map((p) => `\`${p.dagId}\``).join(', ')}; ` +
        `${result.files} files (${(result.bytes / 1e6).toFixed(1)} MB) in \`${where}\`.\n`,
    );
  });
}
