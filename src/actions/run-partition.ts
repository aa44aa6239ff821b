import './common/node-guard.js';
import { runRunPartitionAction } from './run-partition/run.js';

await runRunPartitionAction();
