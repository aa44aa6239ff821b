// Rewrites schema/pipeline.schema.json from src/contract/schema.ts:
// `npm exec -- tsx src/contract/schema-write.ts`.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { pipelineSchema } from './schema.js';

const target = fileURLToPath(new URL('../../schema/pipeline.schema.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(pipelineSchema, null, 2)}\n`);
process.stdout.write(`wrote ${target}\n`);
