// Where pipewright keeps its own state inside a data root, as keys relative to it
// (a path under a folder, an object key under a bucket's prefix). Live bytes sit
// at the contract's paths; everything else lives under `_pipewright/`:
//
//   runs/<dag_id>/<partition>/<run_id>.json            the run ledger
//   locks/<dag_id>/<partition>.lock                     one run at a time (filesystem)
//   leases/<dag_id>/<partition>.json                    one run at a time (bucket)
//   staging/<dag_id>/<partition>/<run_id>/<task_id>.<attempt>/<output path>
//                                                       what each attempt wrote (in a bucket: retries)
//   versions/<dag_id>/<partition>/<run_id>/<output path> published versions (immutable); in a bucket
//                                                       also what first attempts wrote, before the marker
//   versions/<dag_id>/<partition>/<run_id>/_version.json  written last: the version is whole
//   journal/<dag_id>/<partition>.json                   publish intent, present only mid-publish
//   manifests/<dag_id>/<partition>.json                 the partition manifest: which version is live

import { assertSafeSegment } from './paths.js';

export const STATE_DIR = '_pipewright';

export interface PartitionRef {
  dagId: string;
  partition: string;
}

function partitionKey(area: string, ref: PartitionRef): string {
  assertSafeSegment(ref.dagId, 'dag id');
  assertSafeSegment(ref.partition, 'partition key');
  return `${STATE_DIR}/${area}/${ref.dagId}/${ref.partition}`;
}

/** The staging prefix of one run of a partition. */
export function runStagingKey(ref: PartitionRef, runId: string): string {
  assertSafeSegment(runId, 'run id');
  return `${partitionKey('staging', ref)}/${runId}`;
}

/** Every run's staging prefix of a partition. */
export function partitionStagingKey(ref: PartitionRef): string {
  return partitionKey('staging', ref);
}

/** The staging prefix of one attempt of one task. */
export function attemptStagingKey(ref: PartitionRef, runId: string, taskId: string, attempt: number): string {
  assertSafeSegment(taskId, 'task id');
  return `${runStagingKey(ref, runId)}/${taskId}.${attempt}`;
}

export function versionsKey(ref: PartitionRef): string {
  return partitionKey('versions', ref);
}

export function versionKey(ref: PartitionRef, runId: string): string {
  assertSafeSegment(runId, 'run id');
  return `${versionsKey(ref)}/${runId}`;
}

export const VERSION_MARKER = '_version.json';

export function journalKey(ref: PartitionRef): string {
  return `${partitionKey('journal', ref)}.json`;
}

export function partitionManifestKey(ref: PartitionRef): string {
  return `${partitionKey('manifests', ref)}.json`;
}

export function journalsKey(dagId: string): string {
  assertSafeSegment(dagId, 'dag id');
  return `${STATE_DIR}/journal/${dagId}`;
}

export function leaseKey(ref: PartitionRef): string {
  return `${partitionKey('leases', ref)}.json`;
}
