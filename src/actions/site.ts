import { isMainThread } from 'node:worker_threads';
import { runSiteAction } from './site/run.js';

// The site's worker threads load this same bundle (src/site/threads.ts): the action runs on the main thread only.
if (isMainThread) await runSiteAction();
