// Expected-output checks: run the partitions that a pipeline's `expected/`
// folder covers on its committed sample inputs, in a scratch data root, and
// compare every expected file byte for byte. This is the PR gate that proves a
// change to task code still produces the published numbers.
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Pipeline } from '../contract/model.js';
import type { Logger } from '../log.js';
import { parseInstant } from '../schedule/instants.js';
import { partitionContaining, partitionForKey } from '../schedule/partitions.js';
import { FsLedger } from '../store/fs-ledger.js';
import { resolveDataRoot, resolvePartitionPaths } from '../store/paths.js';
import { runPartition } from './partition.js';

export interface ExpectedFile {
  /** Path under `expected/`, which mirrors the data root. */
  path: string;
  partition: string;
  status: 'match' | 'differs' | 'missing' | 'run_failed' | 'unmatched';
  detail?: string;
}

export interface ExpectResult {
  dagId: string;
  partitions: string[];
  files: ExpectedFile[];
  ok: boolean;
}

const MANIFEST = '_manifest.json';

/** Runs the partitions `expected/` covers and compares their outputs with it. */
export async function checkExpectedOutputs(pipeline: Pipeline, logger: Logger): Promise<ExpectResult> {
  const expectedDir = path.join(pipeline.dir, 'expected');
  const expectedFiles = (await listFiles(expectedDir)).filter((f) => path.basename(f) !== MANIFEST);
  const byPartition = new Map<string, string[]>();
  const files: ExpectedFile[] = [];
  for (const file of expectedFiles) {
    const key = partitionOfFile(pipeline, file);
    if (key === undefined) {
      files.push({ path: file, partition: '', status: 'unmatched', detail: 'matches no output path of the contract' });
      continue;
    }
    byPartition.set(key, [...(byPartition.get(key) ?? []), file]);
  }

  const sampleRoot = resolveDataRoot(pipeline, undefined, {});
  // A from: input's sample is the upstream's expected output (expected/ is laid out like a data
  // root), so a downstream's check does not depend on running its upstream first.
  const sampleInputs = {
    ...pipeline,
    from: Object.fromEntries(
      Object.entries(pipeline.from ?? {}).map(([name, ref]) => [
        name,
        { ...ref, ...(ref.upstream ? { dataRoot: path.join(ref.upstream.dir, 'expected') } : {}) },
      ]),
    ),
  };
  const scratch = await mkdtemp(path.join(tmpdir(), `pipewright-expect-${pipeline.dagId}-`));
  try {
    for (const [key, wanted] of [...byPartition].sort(([a], [b]) => a.localeCompare(b))) {
      const partition = partitionForKey(pipeline.partition, pipeline.timezone, key);
      // Only the partition's declared inputs are copied: an output left by an
      // earlier local run must never stand in for one this run failed to write.
      const sample = resolvePartitionPaths(sampleInputs, partition, sampleRoot).inputs;
      const target = resolvePartitionPaths(pipeline, partition, scratch).inputs;
      for (const [name, from] of Object.entries(sample)) {
        const to = target[name]!;
        await mkdir(path.dirname(to), { recursive: true });
        await copyFile(from, to).catch(() =>
          logger.warning(`${pipeline.dagId} ${key}: sample input ${name} is missing`),
        );
      }
      const { record } = await runPartition({
        pipeline,
        partition: key,
        dataRoot: scratch,
        trigger: 'manual',
        reason: 'expected-output check',
        ledger: new FsLedger(scratch),
        logger,
      });
      const failure = record.tasks.find((t) => t.state === 'failed');
      for (const file of wanted) {
        if (record.state !== 'success') {
          const why = failure ? `${failure.id} failed: ${failure.error}` : `run ${record.state}`;
          files.push({ path: file, partition: key, status: 'run_failed', detail: why });
          continue;
        }
        files.push({
          path: file,
          partition: key,
          ...(await compare(path.join(expectedDir, file), path.join(scratch, file))),
        });
      }
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return {
    dagId: pipeline.dagId,
    partitions: [...byPartition.keys()].sort(),
    files,
    ok: files.every((f) => f.status === 'match'),
  };
}

/** The partition an expected file belongs to, read off the output template it matches. */
export function partitionOfFile(pipeline: Pipeline, file: string): string | undefined {
  for (const template of Object.values(pipeline.outputs)) {
    const match = templateRegExp(template).exec(file.split(path.sep).join('/'));
    const groups = match?.groups;
    if (!groups) continue;
    if (groups.partition) return groups.partition;
    if (groups.ds) {
      if (pipeline.partition === 'daily') return groups.ds;
      if (pipeline.partition === 'hourly' && groups.hour) return `${groups.ds}T${groups.hour}`;
      const start = parseInstant(groups.ds, pipeline.timezone, 'ds').toJSDate();
      return partitionContaining(pipeline.partition, pipeline.timezone, start).key;
    }
  }
  return undefined;
}

function templateRegExp(template: string): RegExp {
  let source = '';
  let last = 0;
  const seen = new Set<string>();
  for (const m of template.matchAll(/\{\{\s*([a-z_]+)\s*\}\}/g)) {
    source += escapeRegExp(template.slice(last, m.index));
    const name = m[1]!;
    const pattern = name === 'ds' ? '\\d{4}-\\d{2}-\\d{2}' : name === 'hour' ? '\\d{2}' : '[^/]+';
    // A variable used twice must match the same text; name only its first use.
    source +=
      seen.has(name) || !['ds', 'hour', 'partition'].includes(name) ? `(?:${pattern})` : `(?<${name}>${pattern})`;
    seen.add(name);
    last = (m.index ?? 0) + m[0].length;
  }
  return new RegExp(`^${source}${escapeRegExp(template.slice(last))}$`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function compare(expected: string, actual: string): Promise<Pick<ExpectedFile, 'status' | 'detail'>> {
  const want = await readFile(expected);
  let got: Buffer;
  try {
    got = await readFile(actual);
  } catch {
    return { status: 'missing', detail: 'the run did not write this file' };
  }
  if (want.equals(got)) return { status: 'match' };
  const wantLines = want.toString('utf8').split('\n');
  const gotLines = got.toString('utf8').split('\n');
  const at = wantLines.findIndex((line, i) => line !== gotLines[i]);
  const line = at === -1 ? wantLines.length : at;
  return {
    status: 'differs',
    detail: `line ${line + 1}: expected ${JSON.stringify(wantLines[line] ?? '<end of file>')}, got ${JSON.stringify(gotLines[line] ?? '<end of file>')}`,
  };
}

async function listFiles(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries
      .filter((e) => e.isFile())
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
      .sort();
  } catch {
    return [];
  }
}
