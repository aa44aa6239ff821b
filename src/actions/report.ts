import { runReportAction } from './report/run.js';

await runReportAction();
