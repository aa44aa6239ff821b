// Where pipewright keeps its own state inside a data root. Live bytes sit at the
// contract's paths; everything else lives under `_pipewright/`:
//
//   runs/<dag_id>/<partition>/<run_id>.json            the run ledger
//   locks/<dag_id>/<partition>.lock                     one run at a time
//   staging/<dag_id>/<partition>/<run_id>/<task_id>.<attempt>/<output path>
//                                                       what each attempt wrote
//   versions/<dag_id>/<partition>/<run_id>/<output path> published versions (immutable)
//   versions/<dag_id>/<partition>/<run_id>/_version.json  written last: the version is whole
//   journal/<dag_id>/<partition>.json                   publish intent, present only mid-publish
//   manifests/<dag_id>/<partition>.json                 the partition manifest: which version is live

import { join, resolve } from 'node:path';
import { assertSafeSegment } from './paths.js';

export const STATE_DIR = '_pipewright';

export interface PartitionRef {
  dagId: string;
  partition: string;
}

function partitionDir(root: string, area: string, ref: PartitionRef): string {
  assertSafeSegment(ref.dagId, 'dag id');
  assertSafeSegment(ref.partition, 'partition key');
  return join(resolve(root), STATE_DIR, area, ref.dagId, ref.partition);
}

/** The staging folder of one run of a partition. */
export function runStagingDir(root: string, ref: PartitionRef, runId: string): string {
  assertSafeSegment(runId, 'run id');
  return join(partitionDir(root, 'staging', ref), runId);
}

/** Every run's staging folder of a partition. */
export function partitionStagingDir(root: string, ref: PartitionRef): string {
  return partitionDir(root, 'staging', ref);
}

/** The staging folder of one attempt of one task. */
export function attemptStagingDir(
  root: string,
  ref: PartitionRef,
  runId: string,
  taskId: string,
  attempt: number,
): string {
  assertSafeSegment(taskId, 'task id');
  return join(runStagingDir(root, ref, runId), `${taskId}.${attempt}`);
}

export function versionsDir(root: string, ref: PartitionRef): string {
  return partitionDir(root, 'versions', ref);
}

export function versionDir(root: string, ref: PartitionRef, runId: string): string {
  assertSafeSegment(runId, 'run id');
  return join(versionsDir(root, ref), runId);
}

export const VERSION_MARKER = '_version.json';

export function journalPath(root: string, ref: PartitionRef): string {
  return `${partitionDir(root, 'journal', ref)}.json`;
}

export function partitionManifestPath(root: string, ref: PartitionRef): string {
  return `${partitionDir(root, 'manifests', ref)}.json`;
}

export function journalsDir(root: string, dagId: string): string {
  assertSafeSegment(dagId, 'dag id');
  return join(resolve(root), STATE_DIR, 'journal', dagId);
}
