// `pipewright site` as a process, with the build's clock fixed (the CLI takes it
// from the wall clock), so two builds of one ledger can be compared byte for byte.
// Usage: node --import tsx test/support/build-site.ts --pipelines DIR --data-root DIR --out DIR --now ISO
//          [--state-repo DIR] [--threads N]
import { parseArgs } from 'node:util';
import { loadPipelines } from '../../src/contract/load.js';
import { buildSite } from '../../src/site/build.js';
import { siteSources } from '../../src/site/sources.js';
import { GitLedger } from '../../src/store/git-ledger.js';

const { values } = parseArgs({
  options: {
    pipelines: { type: 'string' },
    'data-root': { type: 'string' },
    out: { type: 'string' },
    now: { type: 'string' },
    'state-repo': { type: 'string' },
    threads: { type: 'string' },
  },
});
const { pipelines, 'data-root': dataRoot, out, now, 'state-repo': stateRepo, threads } = values;
if (!pipelines || !dataRoot || !out || !now)
  throw new Error('usage: build-site.ts --pipelines --data-root --out --now');
const ledger = stateRepo ? new GitLedger({ repoDir: stateRepo, branch: 'pipewright-state' }) : undefined;
const sources = await siteSources(await loadPipelines(pipelines), { dataRoot, ledger });
const result = await buildSite({ sources, out, now: new Date(now), threads: threads ? Number(threads) : undefined });
process.stdout.write(`${JSON.stringify(result)}\n`);
