import './common/node-guard.js';
import { runPlanAction } from './plan/run.js';

await runPlanAction();
