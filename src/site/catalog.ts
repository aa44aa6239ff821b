// The catalog's "last published version" of each output: the newest partition
// with a successful run, and the manifest (`_manifest.json`) beside its file,
// read from the data root's store (a folder or a bucket).
import { posix } from 'node:path';
import type { Pipeline } from '../contract/model.js';
import { type ManifestEntry, readFolderManifest } from '../store/manifest.js';
import type { ObjectStore } from '../store/object-store.js';
import { resolvePartitionKeys } from '../store/paths.js';
import type { PartitionHistory } from './history.js';

export interface PublishedOutput {
  name: string;
  /** The path template as written in the contract. */
  template: string;
  /** The newest partition published, with the file's manifest entry when the manifest lists it. */
  partition?: string;
  path?: string;
  entry?: ManifestEntry;
}

export async function lastPublished(
  pipeline: Pick<Pipeline, 'inputs' | 'outputs'>,
  store: ObjectStore,
  partitions: readonly PartitionHistory[],
): Promise<PublishedOutput[]> {
  const newest = partitions.find((p) => p.runs.some((r) => r.state === 'success'));
  const outputs = Object.entries(pipeline.outputs).map(([name, template]): PublishedOutput => ({ name, template }));
  if (!newest) return outputs;
  const run = newest.runs.findLast((r) => r.state === 'success')!;
  const partition = { key: newest.key, dataIntervalStart: run.dataIntervalStart, dataIntervalEnd: run.dataIntervalEnd };
  const keys = resolvePartitionKeys(pipeline, partition).outputs;
  for (const output of outputs) {
    const key = keys[output.name]!;
    output.partition = newest.key;
    output.path = key;
    const manifest = await readFolderManifest(store, posix.dirname(key));
    output.entry = manifest?.files.find((f) => f.path === key);
  }
  return outputs;
}
