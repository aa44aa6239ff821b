// Entry of the `pipewright` command (bundled to dist/cli/index.js).
import { isMainThread } from 'node:worker_threads';
import { main } from './main.js';

// The status site's worker threads load this same bundle (src/site/threads.ts): the command runs on the main thread only.
if (isMainThread) process.exitCode = await main(process.argv.slice(2));
