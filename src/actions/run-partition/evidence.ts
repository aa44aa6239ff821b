// What one partition's artifact holds, relative to the data root: the quality
// report (JSON and Markdown), the run record, and unless told otherwise the
// outputs the run published with their manifests (or, when it published
// nothing, what its tasks staged). A folder data root is uploaded from where it
// is; a bucket's evidence is first copied into a local folder of the same layout.
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline as pipe } from 'node:stream/promises';
import type { Pipeline } from '../../contract/model.js';
import { toJsonText } from '../../json.js';
import { renderReportMarkdown } from '../../quality/report.js';
import { markdownPathFor, type RunPartitionResult } from '../../run/partition.js';
import { FsObjectStore } from '../../store/fs-store.js';
import { MANIFEST_NAME } from '../../store/manifest.js';
import type { ObjectStore } from '../../store/object-store.js';

export interface Evidence {
  /** The local folder the files are relative to. */
  root: string;
  files: string[];
  /** Removes a local copy (a bucket's); a folder data root is left as it is. */
  dispose(): Promise<void>;
}

export async function gatherEvidence(opts: {
  pipeline: Pipeline;
  store: ObjectStore;
  result: RunPartitionResult;
  uploadOutputs: boolean;
  /** Where the ledger keeps the run's record, as a key of the data root (none: the record is not there). */
  recordKey?: string;
}): Promise<Evidence> {
  const { pipeline, store, result } = opts;
  const { record } = result;
  const keys: string[] = [];
  let reportKey = result.reportKeys?.json;
  if (reportKey === undefined) {
    // The contract declares no quality_report output: keep the report beside the ledger instead.
    reportKey = `_pipewright/reports/${pipeline.dagId}/${record.partition}/quality_report.json`;
    await store.write(reportKey, toJsonText(result.report));
    await store.write(markdownPathFor(reportKey), renderReportMarkdown(result.report));
  }
  keys.push(reportKey, markdownPathFor(reportKey), path.posix.join(path.posix.dirname(reportKey), MANIFEST_NAME));
  if (opts.recordKey !== undefined) keys.push(opts.recordKey);
  if (opts.uploadOutputs) {
    for (const output of record.outputs) {
      keys.push(output.path, path.posix.join(path.posix.dirname(output.path), MANIFEST_NAME));
    }
    // A run that did not publish: its staged outputs are what someone will want to look at.
    if (record.publication !== 'published') {
      for (const task of record.tasks) for (const output of task.outputs ?? []) keys.push(output.path);
    }
  }
  const present: string[] = [];
  for (const key of new Set(keys)) if (await store.head(key)) present.push(key);
  present.sort();
  if (store instanceof FsObjectStore) return { root: store.root, files: present, dispose: async () => {} };
  const root = await mkdtemp(path.join(tmpdir(), 'pipewright-evidence-'));
  for (const key of present) {
    const local = path.join(root, key);
    await mkdir(path.dirname(local), { recursive: true });
    await pipe(await store.read(key), createWriteStream(local));
  }
  return { root, files: present, dispose: () => rm(root, { recursive: true, force: true }) };
}
