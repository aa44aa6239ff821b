// Rewrites schema/pipeline.schema.json and the precompiled validator
// src/contract/schema-validator.js from src/contract/schema.ts:
// `npm exec -- tsx src/contract/schema-write.ts`.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { pipelineSchema } from './schema.js';
import { schemaValidatorCode } from './schema-validator-code.js';

const schemaFile = fileURLToPath(new URL('../../schema/pipeline.schema.json', import.meta.url));
writeFileSync(schemaFile, `${JSON.stringify(pipelineSchema, null, 2)}\n`);
process.stdout.write(`wrote ${schemaFile}\n`);
const validatorFile = fileURLToPath(new URL('./schema-validator.js', import.meta.url));
writeFileSync(validatorFile, schemaValidatorCode());
process.stdout.write(`wrote ${validatorFile}\n`);
