// What a run asks of a bucket before any task starts: that it exists, that the
// credentials reach it in the right region (checkBucket), and that the endpoint
// honours conditional writes (probeConditionalWrites), which leases and the
// manifest-last publish rely on. A sensor never pokes a bucket that is not there.

import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { HeadBucketCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { errorMessage, UsageError } from '../../errors.js';
import { PreconditionFailedError } from '../object-store.js';
import type { S3ObjectStore } from './bucket-store.js';
import { classifyS3Error, s3Error } from './errors.js';

/** HeadBucket; missing, denied or wrong region is one UsageError line naming the bucket and the fix. */
export async function checkBucket(store: S3ObjectStore): Promise<void> {
  const context = store.context();
  try {
    await store.client.send(new HeadBucketCommand({ Bucket: store.bucket }));
  } catch (error) {
    const detailed = await explain(store, error);
    // HeadBucket's 404 is a missing bucket (versitygw also answers 404 to an unknown access key: explain tells).
    if (classifyS3Error(detailed).kind === 'not_found') throw s3Error({ Code: 'NoSuchBucket' }, context);
    throw s3Error(detailed, context);
  }
}

/**
 * A HEAD answer has no body, so its status says little (a wrong region and a bad
 * signature look alike): ask ListObjectsV2 once, whose answer names the code.
 */
async function explain(store: S3ObjectStore, error: unknown): Promise<unknown> {
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  if (status !== 400 && status !== 403 && status !== 404) return error;
  try {
    await store.client.send(new ListObjectsV2Command({ Bucket: store.bucket, MaxKeys: 1 }));
    return error;
  } catch (detailed) {
    return detailed;
  }
}

export const CONDITIONAL_WRITES_ENV = 'PIPEWRIGHT_S3_CONDITIONAL_WRITES';

/** How one probe step ended: the write went through, lost its condition, or failed otherwise. */
export type ProbeOutcome = 'written' | 'precondition_failed' | { error: string };

export interface ProbeOutcomes {
  /** If-None-Match: * on a fresh key: must be written. */
  create: ProbeOutcome;
  /** If-None-Match: * again: must lose. */
  createAgain: ProbeOutcome;
  /** If-Match with an ETag the object never had: must lose. */
  wrongEtag: ProbeOutcome;
  /** If-Match with the object's ETag: must be written. */
  rightEtag: ProbeOutcome;
}

/** Why an endpoint cannot be trusted with conditional writes, or undefined when it honours them. */
export function judgeProbe(outcomes: ProbeOutcomes): string | undefined {
  const expected: Record<keyof ProbeOutcomes, 'written' | 'precondition_failed'> = {
    create: 'written',
    createAgain: 'precondition_failed',
    wrongEtag: 'precondition_failed',
    rightEtag: 'written',
  };
  const what: Record<keyof ProbeOutcomes, string> = {
    create: 'If-None-Match: * on a new key',
    createAgain: 'If-None-Match: * on an existing key',
    wrongEtag: 'If-Match with a wrong ETag',
    rightEtag: 'If-Match with the current ETag',
  };
  for (const step of Object.keys(expected) as (keyof ProbeOutcomes)[]) {
    const outcome = outcomes[step];
    if (outcome === expected[step]) continue;
    if (typeof outcome === 'object') return `${what[step]} failed (${outcome.error})`;
    return outcome === 'written' ? `${what[step]} was written instead of refused` : `${what[step]} was refused`;
  }
  return undefined;
}

const probes = new Map<string, Promise<void>>();

/**
 * Once per endpoint and bucket in this process: writes a probe object under
 * `_pipewright/probe/` with If-None-Match twice and If-Match with a wrong and the
 * right ETag, then removes it. An endpoint that ignores the conditions is refused
 * with one line unless PIPEWRIGHT_S3_CONDITIONAL_WRITES=unchecked accepts the risk.
 */
export function probeConditionalWrites(store: S3ObjectStore, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const setting = env[CONDITIONAL_WRITES_ENV]?.trim() ?? '';
  if (setting === 'unchecked') return Promise.resolve();
  if (setting !== '' && setting !== 'checked')
    throw new UsageError(`${CONDITIONAL_WRITES_ENV}=${setting} must be checked (the default) or unchecked`);
  const id = `${store.endpoint ?? 'aws'} ${store.bucket}`;
  let probe = probes.get(id);
  if (!probe) {
    probe = runProbe(store);
    probes.set(id, probe);
    probe.catch(() => probes.delete(id));
  }
  return probe;
}

/** Probes whose requests failed for another reason (a server hiccup) are run again before judging. */
const PROBE_ROUNDS = 3;

async function runProbe(store: S3ObjectStore): Promise<void> {
  for (let round = 1; ; round++) {
    try {
      return await probeOnce(store, round === PROBE_ROUNDS);
    } catch (error) {
      if (!(error instanceof ProbeInconclusive)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * round));
    }
  }
}

/** A probe request failed with neither success nor 412: judged only on the last round. */
class ProbeInconclusive extends Error {}

async function probeOnce(store: S3ObjectStore, last: boolean): Promise<void> {
  const key = `_pipewright/probe/${hostname()}-${process.pid}-${randomBytes(6).toString('hex')}.txt`;
  const attempt = async (run: () => Promise<unknown>): Promise<ProbeOutcome> => {
    try {
      await run();
      return 'written';
    } catch (error) {
      if (error instanceof PreconditionFailedError) return 'precondition_failed';
      if (error instanceof UsageError) throw error; // denied, missing bucket: say that, not "no conditional writes"
      return { error: errorMessage(error) };
    }
  };
  let etag = '';
  try {
    const create = await attempt(async () => {
      etag = (await store.write(key, 'probe 1', { ifNoneMatch: '*' })).etag;
    });
    const outcomes: ProbeOutcomes = {
      create,
      createAgain: await attempt(() => store.write(key, 'probe 2', { ifNoneMatch: '*' })),
      wrongEtag: await attempt(() => store.write(key, 'probe 3', { ifMatch: '"00000000000000000000000000000000"' })),
      rightEtag: create === 'written' ? await attempt(() => store.write(key, 'probe 4', { ifMatch: etag })) : create,
    };
    const inconclusive = Object.values(outcomes).some((o) => typeof o === 'object');
    if (inconclusive && !last) throw new ProbeInconclusive();
    const refusal = judgeProbe(outcomes);
    if (refusal)
      throw new UsageError(
        `${store.url}: ${store.endpoint ?? 'the endpoint'} does not honour conditional writes (${refusal}), so two runs could hold one partition or overwrite a manifest: use a store that honours If-None-Match/If-Match, or set ${CONDITIONAL_WRITES_ENV}=unchecked to accept the risk`,
      );
  } finally {
    await store.delete(key).catch(() => undefined);
  }
}
