// Rewrites schema/pipeline.schema.json (the editor schema: src/contract/editor-schema.ts over
// schema.ts) and the precompiled validator src/contract/schema-validator.js (from schema.ts):
// `npm exec -- tsx src/contract/schema-write.ts && npm run format`.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { editorSchema } from './editor-schema.js';
import { schemaValidatorCode } from './schema-validator-code.js';

const schemaFile = fileURLToPath(new URL('../../schema/pipeline.schema.json', import.meta.url));
writeFileSync(schemaFile, `${JSON.stringify(editorSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${schemaFile}\n`);
const validatorFile = fileURLToPath(new URL('./schema-validator.js', import.meta.url));
writeFileSync(validatorFile, schemaValidatorCode());
process.stdout.write(`wrote ${validatorFile}\n`);
