import { runSiteAction } from './site/run.js';

await runSiteAction();
