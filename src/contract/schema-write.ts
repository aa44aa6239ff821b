// Rewrites schema/pipeline.schema.json from src/contract/schema.ts and editor-schema.ts:
// `npm exec -- tsx src/contract/schema-write.ts && npm run format`.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { editorSchema } from './editor-schema.js';

const target = fileURLToPath(new URL('../../schema/pipeline.schema.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(editorSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${target}\n`);
