// `pipewright site` as a process, with the build's clock fixed (the CLI takes it
// from the wall clock), so two builds of one ledger can be compared byte for byte.
// Usage: node --import tsx test/support/build-site.ts PIPELINES DATA_ROOT OUT NOW [STATE_REPO]
import { loadPipelines } from '../../src/contract/load.js';
import { buildSite } from '../../src/site/build.js';
import { siteSources } from '../../src/site/sources.js';
import { GitLedger } from '../../src/store/git-ledger.js';

const [pipelinesDir, dataRoot, out, now, stateRepo] = process.argv.slice(2);
if (!pipelinesDir || !dataRoot || !out || !now)
  throw new Error('usage: build-site.ts PIPELINES DATA_ROOT OUT NOW [STATE_REPO]');
const ledger = stateRepo ? new GitLedger({ repoDir: stateRepo, branch: 'pipewright-state' }) : undefined;
const sources = siteSources(await loadPipelines(pipelinesDir), { dataRoot, ledger });
const result = await buildSite({ sources, out, now: new Date(now) });
process.stdout.write(`${JSON.stringify(result)}\n`);
