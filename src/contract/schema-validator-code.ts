// The contract's JSON Schema compiled ahead of time: Ajv's standalone code for
// src/contract/schema-validator.js, so no process compiles the schema when it
// starts (about 60 ms of every action's cold start). Written by
// `npm exec -- tsx src/contract/schema-write.ts`; a test keeps it in step with
// schema.ts. Only the writer and that test import this file, so Ajv's compiler
// stays out of the bundles.
import { Ajv } from 'ajv';
import standalone from 'ajv/dist/standalone/index.js';
import { pipelineSchema } from './schema.js';

/** The ES module source of the compiled validator, byte for byte what is committed. */
export function schemaValidatorCode(): string {
  // The same options the validator was always compiled with: every error, with the schema that failed.
  const ajv = new Ajv({
    allErrors: true,
    verbose: true,
    strict: true,
    strictTypes: false,
    code: { source: true, esm: true },
  });
  ajv.addKeyword({ keyword: 'x-expected', schemaType: 'string' });
  let code = standalone.default(ajv, ajv.compile(pipelineSchema));
  // Ajv's runtime helpers arrive as require() calls, which an ES module does not have: import them.
  // Bundlers and Node hand a CommonJS default over differently, so take the function either way.
  const helpers: string[] = [];
  code = code.replace(
    /require\("(ajv\/dist\/runtime\/([a-z0-9]+))"\)\.default/g,
    (_: string, module: string, name: string) => {
      const binding = `runtime_${name}`;
      helpers.push(`import ${binding} from "${module}.js";`);
      return `(typeof ${binding} === "function" ? ${binding} : ${binding}.default)`;
    },
  );
  return (
    '// Generated from src/contract/schema.ts by src/contract/schema-write.ts: do not edit.\n' +
    `${helpers.join('\n')}\n${code}\n`
  );
}
