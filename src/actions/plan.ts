import { runPlanAction } from './plan/run.js';

await runPlanAction();
