// Commands get paths, and a bucket has none: before a command runs, its inputs
// (and outputs earlier tasks wrote) are copied into a local folder, and after it
// succeeds every output it wrote is streamed back into the attempt's staging.
// Each copy is checksummed on the way and compared with the bytes at the far end.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { checksumObject } from '../../store/manifest.js';
import type { AttemptEnv, AttemptResult } from '../attempt.js';

export async function withLocalCopies(
  env: AttemptEnv,
  run: (local: AttemptEnv) => Promise<AttemptResult>,
): Promise<AttemptResult> {
  const dir = await mkdtemp(path.join(tmpdir(), `pipewright-${env.task.id}-`));
  try {
    const inputs: Record<string, string> = {};
    const outputs: Record<string, string> = {};
    const copiedIn = new Map<string, string>();
    const names = [...Object.keys(env.inputKeys), ...Object.keys(env.pipeline.outputs)];
    for (const name of names) {
      const key = env.inputKeys[name] ?? `outputs/${name}/${path.posix.basename(env.pipeline.outputs[name] ?? name)}`;
      const local = path.join(dir, 'data', key);
      (env.inputKeys[name] !== undefined ? inputs : outputs)[name] = local;
      await mkdir(path.dirname(local), { recursive: true });
      if (!(await env.datasets.exists(name))) continue;
      const hash = createHash('sha256');
      const source = Readable.from(env.datasets.read(name, { signal: env.signal }));
      source.on('data', (chunk: Uint8Array) => hash.update(chunk));
      await pipeline(source, createWriteStream(local), { signal: env.signal });
      copiedIn.set(name, hash.digest('hex'));
    }
    const result = await run({ ...env, inputs, outputs });
    if (result.status !== 'success') return result;
    for (const [name, local] of Object.entries(outputs)) {
      if (
        !(await stat(local).then(
          (s) => s.isFile(),
          () => false,
        ))
      )
        continue;
      const written = await env.datasets.write(name, createReadStream(local, { highWaterMark: 1 << 20 }));
      if (copiedIn.get(name) === written.sha256) continue; // read, not rewritten: the staged copy is the same
      const stored = await checksumObject(env.store, keyOfAddress(env, written.path));
      if (stored.sha256 !== written.sha256) {
        return {
          status: 'failed',
          failureClass: 'transient',
          error: `${name} arrived as ${stored.sha256.slice(0, 12)}, sent as ${written.sha256.slice(0, 12)}: copy it again`,
        };
      }
    }
    return result;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The key behind an s3:// address the store gave. */
function keyOfAddress(env: AttemptEnv, address: string): string {
  const base = env.store.describe('');
  return address.startsWith(base) ? address.slice(base.length).replace(/^\/+/, '') : address;
}
