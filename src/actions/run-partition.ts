import { runRunPartitionAction } from './run-partition/run.js';

await runRunPartitionAction();
