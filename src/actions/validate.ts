import { runValidateAction } from './validate/run.js';

await runValidateAction();
