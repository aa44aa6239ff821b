import './common/node-guard.js';
import { runReportAction } from './report/run.js';

await runReportAction();
