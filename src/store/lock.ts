// One run at a time per partition: `<root>/_pipewright/locks/<dag_id>/<partition>.lock`.
// The lock is published complete with link(2), which fails if the name exists,
// so a reader never sees a half-written lock. A lock whose holder died on this
// host is taken over in three steps that let only one taker win:
//   1. link the lock to `<lock>.takeover-<hash of its content>`; link is exclusive,
//      so only one taker claims that generation of the lock;
//   2. read the claim back: if it is not the dead holder's content, a newer lock was
//      linked, so drop the claim (harmless: the lock file itself is untouched);
//   3. rename our complete lock over the dead one, then drop the claim.
// Fresh acquirers only ever link, so while the dead lock is in place nobody but
// the claimant can replace it.

import { createHash, randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { PartitionBusyError } from '../errors.js';
import { fromJsonValue, toJsonText } from '../json.js';
import { isCode, withPath } from './errno.js';
import { assertSafeSegment } from './paths.js';
import { isProcessAlive } from './pid.js';

export interface LockHolder {
  runId: string;
  pid: number;
  host: string;
  startedAt: string;
}

export interface PartitionLock {
  readonly path: string;
  readonly holder: LockHolder;
  /** Removes the lock if it is still ours; safe to call twice. */
  release(): Promise<void>;
}

/** A claim older than this belongs to a taker that died inside its few-millisecond takeover. */
const CLAIM_STALE_MS = 30_000;
const MAX_ROUNDS = 8;

export function lockPath(dataRoot: string, dagId: string, partition: string): string {
  assertSafeSegment(dagId, 'dag id');
  assertSafeSegment(partition, 'partition key');
  return join(resolve(dataRoot), '_pipewright', 'locks', dagId, `${partition}.lock`);
}

/** Takes the partition's lock for `runId`, or throws PartitionBusyError naming the live holder. */
export async function acquirePartitionLock(
  dataRoot: string,
  dagId: string,
  partition: string,
  runId: string,
): Promise<PartitionLock> {
  assertSafeSegment(runId, 'run id');
  const path = lockPath(dataRoot, dagId, partition);
  await mkdir(dirname(path), { recursive: true });
  const holder: LockHolder = { runId, pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
  const content = toJsonText(holder);
  const temp = join(dirname(path), `.${partition}.lock.tmp-${process.pid}-${randomBytes(6).toString('hex')}`);
  try {
    // Inside the try: a disk that fills while the lock is written leaves no temp file behind.
    await writeDurably(temp, content);
    for (let round = 0; round < MAX_ROUNDS; round++) {
      if (await tryLink(temp, path)) return lockHandle(path, holder, content);
      const existing = await readIfExists(path);
      if (existing === undefined) continue; // released meanwhile: try again
      const current = parseHolder(existing);
      if (!current)
        throw new PartitionBusyError(
          dagId,
          partition,
          `unknown (unreadable lock ${path}; delete it if no run is active)`,
        );
      if (!isAbandoned(current)) throw new PartitionBusyError(dagId, partition, describe(current));
      const claim = `${path}.takeover-${createHash('sha256').update(existing).digest('hex').slice(0, 16)}`;
      if (!(await tryLink(path, claim))) {
        await dropStaleClaim(claim);
        continue;
      }
      if ((await readIfExists(claim)) !== existing) {
        await unlinkIfExists(claim);
        continue;
      }
      await rename(temp, path);
      await unlinkIfExists(claim);
      return lockHandle(path, holder, content);
    }
    throw new PartitionBusyError(dagId, partition, 'another run (the lock kept changing hands)');
  } finally {
    await unlinkIfExists(temp);
  }
}

/** Who holds the partition now, if anyone. */
export async function readLockHolder(
  dataRoot: string,
  dagId: string,
  partition: string,
): Promise<LockHolder | undefined> {
  const content = await readIfExists(lockPath(dataRoot, dagId, partition));
  return content === undefined ? undefined : parseHolder(content);
}

function lockHandle(path: string, holder: LockHolder, content: string): PartitionLock {
  return {
    path,
    holder,
    async release() {
      // Only remove the file if it is still ours.
      if ((await readIfExists(path)) === content) await unlinkIfExists(path);
    },
  };
}

function isAbandoned(holder: LockHolder): boolean {
  // A pid means nothing on another machine: such a lock is only ever released by its holder.
  return holder.host === hostname() && !isProcessAlive(holder.pid);
}

function describe(holder: LockHolder): string {
  return `${holder.runId} (pid ${holder.pid} on ${holder.host}, since ${holder.startedAt})`;
}

function parseHolder(content: string): LockHolder | undefined {
  try {
    const value = fromJsonValue<Partial<LockHolder>>(JSON.parse(content));
    if (typeof value.runId === 'string' && typeof value.pid === 'number' && typeof value.host === 'string') {
      return { runId: value.runId, pid: value.pid, host: value.host, startedAt: String(value.startedAt ?? '') };
    }
  } catch {
    // fall through
  }
  return undefined;
}

async function dropStaleClaim(claim: string): Promise<void> {
  try {
    if (Date.now() - (await stat(claim)).ctimeMs > CLAIM_STALE_MS) await unlinkIfExists(claim);
  } catch (error) {
    if (!isCode(error, 'ENOENT')) throw error;
  }
  // Give the live claimant its few milliseconds.
  await new Promise((done) => setTimeout(done, 20));
}

async function writeDurably(path: string, content: string): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } catch (error) {
    throw withPath(error, path);
  } finally {
    await handle.close();
  }
}

async function tryLink(existing: string, name: string): Promise<boolean> {
  try {
    await link(existing, name);
    return true;
  } catch (error) {
    if (isCode(error, 'EEXIST')) return false;
    // The lock vanished between our look and our claim: the caller looks again.
    if (isCode(error, 'ENOENT')) return false;
    throw error;
  }
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (isCode(error, 'ENOENT')) return undefined;
    throw error;
  }
}

async function unlinkIfExists(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (error) {
    if (!isCode(error, 'ENOENT')) throw error;
  }
}
