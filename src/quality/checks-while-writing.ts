// Checks run over a dataset's bytes while a task writes it, so the checks task needs
// no second read. A small dataset is checked in this thread when it is committed; past
// a few megabytes the bytes go to a worker thread as they are written, so the check
// runs beside the task on the other core. Whatever goes wrong in the worker (it cannot
// load, it fails) only costs the shortcut: the checks task then reads the dataset.
import type { Worker } from 'node:worker_threads';
import type { CheckRule } from '../contract/model.js';
import type { CheckResult } from '../store/ledger.js';
import { startWorker, workerFile } from '../worker-file.js';
import { ByteChecks, type CheckContext } from './checks.js';

/** What the worker needs: the dataset's name, each checks task on it, the partition. */
export interface ChecksSetup {
  dataset: string;
  checks: Array<{ taskId: string; rules: CheckRule[] }>;
  ctx: CheckContext;
}

/** Sees the bytes of one object as they are written; `end` once it is committed, `abort` if it is not. */
export interface WriteWatch {
  /** Takes its own copy: the caller may reuse `chunk` once this resolves. */
  push(chunk: Uint8Array): Promise<void> | undefined;
  /** Results by checks task id; undefined for a task whose checks must read the dataset instead. */
  end(): Promise<Map<string, CheckResult[] | undefined>>;
  abort(): void;
}

/** Below this the bytes are kept and checked here on commit: a worker costs more than it saves. */
const WORKER_FROM_BYTES = 8 << 20;
/** Posted but not yet checked: past this, push waits for the worker. */
const MAX_IN_FLIGHT_BYTES = 16 << 20;
/** The writes are copied into batches of this size, posted to the worker when full. */
const BATCH_BYTES = 1 << 20;

/** `file` is the worker's code; without one the checks stay in this thread. */
export function checksWhileWriting(
  setup: ChecksSetup,
  file: URL | undefined = workerFile('quality/checks-worker.ts', 'checks-worker'),
): WriteWatch {
  let kept: Uint8Array<ArrayBuffer>[] = [];
  let keptBytes = 0;
  let worker: Worker | undefined;
  let failed = false;
  let inFlight = 0;
  /**
   * Batches the worker handed back, reused for the next ones: no allocation once the pipe is
   * full (their number stays bounded by what may be in flight).
   */
  const spare: ArrayBuffer[] = [];
  /** Pushes waiting for the worker to catch up. */
  let waiting: Array<() => void> = [];
  const wake = () => {
    const now = waiting;
    waiting = [];
    for (const resolve of now) resolve();
  };
  let answer: ((results: Array<[string, CheckResult[] | undefined]> | undefined) => void) | undefined;

  /** Bytes gathered into batches of one size, whatever the size of the writes. */
  let batch: Uint8Array<ArrayBuffer> | undefined;
  let batchLength = 0;
  const seal = () => {
    if (batch === undefined || batchLength === 0) return;
    const full = batch.subarray(0, batchLength);
    batch = undefined;
    batchLength = 0;
    if (worker) post(full);
    else {
      kept.push(full);
      keptBytes += full.length;
      if (keptBytes >= WORKER_FROM_BYTES && file !== undefined) start(file);
    }
  };
  const gather = (chunk: Uint8Array) => {
    for (let at = 0; at < chunk.length; ) {
      batch ??= new Uint8Array(spare.pop() ?? new ArrayBuffer(BATCH_BYTES));
      const n = Math.min(chunk.length - at, batch.length - batchLength);
      batch.set(chunk.subarray(at, at + n), batchLength);
      batchLength += n;
      at += n;
      if (batchLength === batch.length) seal();
    }
  };
  const fail = () => {
    failed = true;
    kept = [];
    batch = undefined;
    wake();
    answer?.(undefined);
    void worker?.terminate();
  };
  const post = (copy: Uint8Array<ArrayBuffer>) => {
    inFlight += copy.length;
    worker?.postMessage(copy, [copy.buffer]);
  };
  const start = (from: URL) => {
    worker = startWorker(from, { workerData: setup });
    worker.on(
      'message',
      (message: 'ready' | Uint8Array<ArrayBuffer> | { results: Array<[string, CheckResult[] | undefined]> }) => {
        if (message === 'ready') return;
        if (message instanceof Uint8Array) {
          inFlight -= message.length;
          spare.push(message.buffer);
          if (inFlight <= MAX_IN_FLIGHT_BYTES) wake();
          return;
        }
        answer?.(message.results);
      },
    );
    worker.on('error', fail);
    worker.on('exit', () => {
      if (answer) fail();
    });
    for (const copy of kept) post(copy);
    kept = [];
  };

  return {
    push(chunk) {
      if (failed) return undefined;
      gather(chunk);
      if (inFlight <= MAX_IN_FLIGHT_BYTES) return undefined;
      return new Promise<void>((resolve) => waiting.push(resolve));
    },
    async end() {
      const none = new Map(setup.checks.map((c) => [c.taskId, undefined]));
      if (failed) return none;
      seal();
      if (worker === undefined) {
        // Small: checked here, now.
        const running = setup.checks.map((c) => ({
          taskId: c.taskId,
          checks: new ByteChecks(setup.dataset, c.rules, setup.ctx),
        }));
        for (const chunk of kept) for (const r of running) r.checks.push(chunk);
        kept = [];
        return new Map(running.map((r) => [r.taskId, r.checks.end()]));
      }
      const running = worker;
      const results = await new Promise<Array<[string, CheckResult[] | undefined]> | undefined>((resolve) => {
        answer = resolve;
        running.postMessage('end');
      });
      answer = undefined;
      void running.terminate();
      return results === undefined ? none : new Map(results);
    },
    abort() {
      answer = undefined;
      fail();
    },
  };
}
