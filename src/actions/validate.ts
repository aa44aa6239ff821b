import './common/node-guard.js';
import { runValidateAction } from './validate/run.js';

await runValidateAction();
