// Contracts checked on two threads when there are many and cores to spare: this one and a
// worker (contract-worker.ts) take the next contracts from one queue, so the split
// follows whichever is faster (the worker starts cold, the machine may be busy).
// The worker replies with plain data: diagnostics, the normalized pipeline and
// the handler values, located here from the bytes when something asks. A worker
// that cannot start, or stops, leaves its contracts to this thread: the results
// are the same either way.
import { availableParallelism } from 'node:os';
import { startWorker, workerFile } from '../worker-file.js';
import {
  checkContractText,
  type FileResult,
  locatedHandlers,
  locateLater,
  type UnlocatedResult,
} from './check-file.js';

/**
 * Below this many contracts to check, no worker starts: it is ready after 70-100 ms, by when
 * this thread has checked a hundred or more (a contract costs 0.5-0.7 ms), so it would take
 * little of the work and its start would compete with this thread for a core.
 */
export const MIN_CONTRACTS_FOR_WORKER = 200;
/**
 * Fewer cores than this, no worker (unless the caller names one): two isolates' own background
 * threads (compilation, GC) fill a second core, and on 2 cores two threads took as long as one
 * for 1,000 contracts, with a quarter more CPU (bench/validate.ts prints both).
 */
export const MIN_CORES_FOR_WORKER = 4;
/** Contracts per message to the worker: few messages, and little left in flight at the end. */
const BATCH = 8;

interface Job {
  file: string;
  bytes: Uint8Array;
}

/** What the worker is posted. */
export interface Batch {
  batch: number;
  jobs: Job[];
}

export type WireResult = UnlocatedResult;
export type Reply = { batch: number; results: WireResult[] } | { batch: number; failed: true };

/** How `validate` shares the checks between threads; the defaults suit every caller but tests. */
export interface ThreadOptions {
  /**
   * The worker's code (default: contract-worker beside this module or its bundle, with 4 cores or
   * more); undefined: no worker. One given here starts on any machine.
   */
  workerUrl?: URL | undefined;
  /** Check nothing on this thread until the worker is up or has failed (tests: the split happens however slow its start). */
  waitForWorker?: boolean;
  /** Told how many contracts each thread checked. */
  onSplit?: (split: { here: number; worker: number }) => void;
}

/**
 * Collects the contracts to check (`add`, while they are read) and checks them (`results`),
 * in the order added; a worker starts as soon as there are enough to share.
 */
export class ContractChecks {
  readonly #jobs: Job[] = [];
  readonly #options: ThreadOptions;
  #worker: ContractWorker | undefined;

  constructor(options: ThreadOptions) {
    this.#options = options;
  }

  add(file: string, bytes: Uint8Array): void {
    this.#jobs.push({ file, bytes });
    if (this.#jobs.length === MIN_CONTRACTS_FOR_WORKER && this.#worker === undefined) this.#start();
  }

  /** Every contract's result, in the order added. */
  async results(): Promise<FileResult[]> {
    const jobs = this.#jobs;
    const results = new Array<FileResult>(jobs.length);
    const worker = this.#worker;
    const here = (index: number) => {
      const { file, bytes } = jobs[index]!;
      results[index] = checkContractText(file, bytes);
    };
    if (worker === undefined) {
      for (let i = 0; i < jobs.length; i++) here(i);
      this.#options.onSplit?.({ here: jobs.length, worker: 0 });
      return results;
    }
    let onWorker = 0;
    /** Indexes not yet checked, taken from the front by both threads. */
    const queue = jobs.map((_, i) => i);
    const pending = new Map<number, number[]>();
    let batches = 0;
    const give = () => {
      while (worker.ready() && pending.size < 2 && queue.length > 0) {
        const indexes = queue.splice(0, BATCH);
        const batch = batches++;
        pending.set(batch, indexes);
        worker.post({ batch, jobs: indexes.map((i) => jobs[i]!) });
      }
    };
    worker.onReply((reply) => {
      const indexes = pending.get(reply.batch);
      if (indexes === undefined) return;
      pending.delete(reply.batch);
      if ('failed' in reply) queue.unshift(...indexes);
      else {
        reply.results.forEach((r, k) => {
          results[indexes[k]!] = this.#received(r, jobs[indexes[k]!]!);
        });
        onWorker += indexes.length;
      }
      give();
    });
    worker.onStop(() => {
      // Its unanswered batches go back to the queue, checked here.
      for (const indexes of pending.values()) queue.unshift(...indexes);
      pending.clear();
    });
    try {
      if (this.#options.waitForWorker) await worker.started();
      for (;;) {
        give();
        const index = queue.shift();
        if (index !== undefined) {
          here(index);
          // Let the worker's replies in between contracts.
          await new Promise<void>((resolve) => setImmediate(resolve));
        } else if (pending.size > 0) await worker.next();
        else break;
      }
    } finally {
      worker.stop();
    }
    this.#options.onSplit?.({ here: jobs.length - onWorker, worker: onWorker });
    return results;
  }

  #start(): void {
    // A worker given by the caller starts whatever the cores (tests, the benchmark).
    const chosen = 'workerUrl' in this.#options;
    if (!chosen && availableParallelism() < MIN_CORES_FOR_WORKER) return;
    const url = chosen ? this.#options.workerUrl : workerFile('contract/contract-worker.ts', 'contract-worker');
    if (url !== undefined) this.#worker = contractWorker(url);
  }

  /** A worker's result as checkContractText returns it: its handlers are located from `job`'s bytes when asked. */
  #received(result: WireResult, job: Job): FileResult {
    return { ...result, handlers: locatedHandlers(result.handlers, locateLater(job.file, job.bytes)) };
  }
}

interface ContractWorker {
  /** True once it has loaded and until it stops. */
  ready(): boolean;
  post(batch: Batch): void;
  onReply(listener: (reply: Reply) => void): void;
  onStop(listener: () => void): void;
  /** Resolves at its next reply or when it stops. */
  next(): Promise<void>;
  /** Resolves once it is ready or has stopped. */
  started(): Promise<void>;
  stop(): void;
}

function contractWorker(url: URL): ContractWorker {
  const worker = startWorker(url);
  let ready = false;
  let stopped = false;
  let replyListener: ((reply: Reply) => void) | undefined;
  let stopListener: (() => void) | undefined;
  let wake: (() => void) | undefined;
  const woken = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const stop = () => {
    if (stopped) return;
    stopped = true;
    ready = false;
    stopListener?.();
    woken();
  };
  worker.on('message', (message: 'ready' | Reply) => {
    if (message === 'ready') ready = !stopped;
    else replyListener?.(message);
    woken();
  });
  worker.on('error', stop);
  worker.on('exit', stop);
  return {
    ready: () => ready,
    post: (batch) => worker.postMessage(batch),
    onReply: (listener) => (replyListener = listener),
    onStop: (listener) => (stopListener = listener),
    next: () => (stopped ? Promise.resolve() : new Promise<void>((resolve) => (wake = resolve))),
    async started() {
      while (!ready && !stopped) await new Promise<void>((resolve) => (wake = resolve));
    },
    stop() {
      stop();
      void worker.terminate();
    },
  };
}
