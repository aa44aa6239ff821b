// `ctx.readInParts`: one pass over a CSV dataset shared by this thread and a worker
// thread, for work whose result does not depend on the order of the records (sums,
// counts, sets). This thread reads the bytes and cuts them at record boundaries; each
// piece goes to the worker while it has room for more, else to the work running here,
// so the two stay busy whatever their speeds. Each side's work sees a CSV of its own:
// the header record, then whole records. The caller merges the results.
//
// Anything unusual (the work fails on either side, the worker cannot start) runs the
// work once more over the whole dataset in this thread, so errors read exactly as a
// plain sequential read would give them (line numbers included).

import { pathToFileURL } from 'node:url';
import { type CsvReading, csvReading, READ_CHUNK } from '../csv/reader.js';
import { startWorker, workerFile } from '../worker-file.js';
import { loadAsModules } from './module-format.js';

/** A function over a CSV's chunks: `(chunks, ctx.csv) => result`, exported by a module. */
export interface PartWork {
  /** The module's URL (e.g. `new URL('./daily_sales.ts', import.meta.url)`) or absolute path. */
  module: string | URL;
  /** The name it exports the function under. */
  export: string;
}

/** The shape of the exported function; its result must survive `structuredClone` (no class instances). */
export type PartFunction<T> = (chunks: AsyncIterable<Uint8Array>, csv: CsvReading) => Promise<T> | T;

export interface ReadInPartsOptions {
  signal?: AbortSignal;
  /** Below this many bytes the work runs here alone: a worker costs more than it saves. */
  minBytes?: number;
  /** The worker's code; undefined runs everything here. */
  workerUrl?: URL | undefined;
}

/** What the worker thread is given. */
export interface PartsWorkerData {
  module: string;
  export: string;
  /** Folders whose task code loads as ES modules whatever package.json says (see module-format.ts). */
  roots: string[];
}

const QUOTE = 0x22;
const LF = 0x0a;
const MIN_BYTES = 2 << 20;
/** Pieces posted and not yet read by the worker: past this, pieces stay here. */
const MAX_IN_FLIGHT_BYTES = 4 << 20;
/** A piece is a chunk's records plus the record carried over from the one before. */
const PIECE_BYTES = READ_CHUNK + (64 << 10);

/**
 * Runs `work` over the CSV whose chunks `read()` yields (each valid until the next is asked for),
 * here and in a worker thread; returns each side's result (one when the work ran here alone).
 * `roots` are the folders of task code (module-format.ts).
 */
export async function readInParts<T>(
  read: (options?: { reuseBuffer?: boolean }) => AsyncIterable<Uint8Array>,
  work: PartWork,
  roots: string[],
  options: ReadInPartsOptions = {},
): Promise<T[]> {
  const url =
    work.module instanceof URL
      ? work.module.href
      : work.module.startsWith('file:')
        ? work.module
        : pathToFileURL(work.module).href;
  for (const root of roots) loadAsModules(root);
  const mod = (await import(/* webpackIgnore: true */ url)) as Record<string, unknown>;
  const fn = mod[work.export];
  if (typeof fn !== 'function') throw new Error(`${url} has no exported function '${work.export}'`);
  const local = fn as PartFunction<T>;
  const workerUrl = 'workerUrl' in options ? options.workerUrl : workerFile('run/parts-worker.ts', 'parts-worker');
  if (workerUrl === undefined) return [await local(read(), csvReading)];

  const splitter = new Splitter(read(), options.minBytes ?? MIN_BYTES, () =>
    startPartsWorker(workerUrl, { module: url, export: work.export, roots }),
  );
  let mine: T;
  try {
    mine = await local(splitter.chunks(), csvReading);
  } catch (error) {
    splitter.stop();
    if (options.signal?.aborted) throw error;
    return [await local(read(), csvReading)];
  }
  const theirs = await splitter.finish<T>();
  if (theirs === undefined) {
    if (!splitter.usedWorker) return [mine];
    // The worker failed or could not start: the whole dataset once more, here.
    return [await local(read(), csvReading)];
  }
  options.signal?.throwIfAborted();
  return [mine, theirs.value];
}

interface PartsWorker {
  /** True once it has loaded the work and can take pieces (it has not failed). */
  ready(): boolean;
  /** A buffer of at least `size` bytes: one the worker gave back, or a new one. */
  buffer(size: number): Uint8Array<ArrayBuffer>;
  post(piece: Uint8Array<ArrayBuffer>): void;
  /** Bytes posted and not yet taken. */
  inFlight(): number;
  /** Resolves with the worker's result, or undefined if it failed. */
  end(): Promise<{ value: unknown } | undefined>;
  stop(): void;
}

type FromWorker = 'ready' | Uint8Array<ArrayBuffer> | { value: unknown } | { failed: true };

function startPartsWorker(file: URL, data: PartsWorkerData): PartsWorker {
  const worker = startWorker(file, { workerData: data });
  let ready = false;
  let inFlight = 0;
  /** Buffers the worker has read and handed back: no allocation per piece once the pipe is full. */
  const spare: ArrayBuffer[] = [];
  let result: { value: unknown } | undefined | null = null;
  let onResult: ((r: { value: unknown } | undefined) => void) | undefined;
  const settle = (r: { value: unknown } | undefined) => {
    if (result !== null) return;
    result = r;
    ready = false;
    onResult?.(r);
  };
  worker.on('message', (message: FromWorker) => {
    if (message === 'ready') ready = true;
    else if (message instanceof Uint8Array) {
      inFlight -= message.length;
      spare.push(message.buffer);
    } else settle('value' in message ? { value: message.value } : undefined);
  });
  worker.on('error', () => settle(undefined));
  worker.on('exit', () => settle(undefined));
  return {
    ready: () => ready,
    buffer(size) {
      const reused = spare.pop();
      return reused !== undefined && reused.byteLength >= size ? new Uint8Array(reused) : new Uint8Array(size);
    },
    post(piece) {
      if (result !== null) return;
      inFlight += piece.length;
      worker.postMessage(piece, [piece.buffer]);
    },
    inFlight: () => inFlight,
    async end() {
      if (result === null) worker.postMessage('end');
      const r = result ?? (await new Promise<{ value: unknown } | undefined>((resolve) => (onResult = resolve)));
      void worker.terminate();
      return r;
    },
    stop() {
      settle(undefined);
      void worker.terminate();
    },
  };
}

/**
 * Cuts the bytes into pieces of whole records (a line feed outside quotes ends one: every quote
 * in a CSV opens or closes a quoted value, so their count before it is even), hands pieces to
 * the worker while it has room and yields the others to the work running here.
 */
class Splitter {
  readonly #source: AsyncIterable<Uint8Array>;
  readonly #minBytes: number;
  readonly #start: () => PartsWorker;
  #worker: PartsWorker | undefined;
  #stopped = false;
  /** The header record, bytes [0, end of its line), sent first to the worker. */
  #header: Uint8Array | null | undefined;
  /** The unfinished record at the end of the last chunk. */
  #carry = new Uint8Array(1 << 16);
  #carryLength = 0;
  /** Quotes seen so far, mod 2: odd while inside a quoted value. */
  #oddQuotes = false;
  #seen = 0;
  #posted = 0;

  constructor(source: AsyncIterable<Uint8Array>, minBytes: number, start: () => PartsWorker) {
    this.#source = source;
    this.#minBytes = minBytes;
    this.#start = start;
  }

  /** The chunks the work running here reads. */
  async *chunks(): AsyncGenerator<Uint8Array> {
    for await (const chunk of this.#source) {
      if (chunk.length === 0) continue;
      this.#seen += chunk.length;
      const first = this.#header === undefined;
      if (first) this.#header = this.#findHeader(chunk);
      const cut = this.#lastRecordEnd(chunk);
      if (cut < 0) {
        // No record ends in it: all of it waits, with what came before, for the piece that ends the record.
        this.#keep(chunk, 0);
        continue;
      }
      if (first || this.#stopped || this.#header === null || this.#seen < this.#minBytes) {
        // Everything here: the carried bytes are already this side's, and so are these.
        yield* this.#here(chunk, cut);
        continue;
      }
      this.#worker ??= this.#startWorker();
      // Until the worker has loaded the work, this side reads on: nothing ever waits for it to start.
      if (this.#worker.ready() && this.#worker.inFlight() < MAX_IN_FLIGHT_BYTES) {
        const size = this.#carryLength + cut;
        const buffer = this.#worker.buffer(Math.max(size, PIECE_BYTES));
        buffer.set(this.#carry.subarray(0, this.#carryLength));
        buffer.set(chunk.subarray(0, cut), this.#carryLength);
        this.#carryLength = 0;
        this.#keep(chunk, cut);
        this.#worker.post(buffer.subarray(0, size));
        this.#posted++;
        continue;
      }
      yield* this.#here(chunk, cut);
    }
    if (this.#carryLength > 0) {
      const rest = this.#carry.slice(0, this.#carryLength);
      this.#carryLength = 0;
      yield rest;
    }
  }

  /** True when the worker was given records: its result is needed. */
  get usedWorker(): boolean {
    return this.#posted > 0;
  }

  /** The worker's result once it has read every piece; undefined if it was given none or failed. */
  async finish<T>(): Promise<{ value: T } | undefined> {
    const worker = this.#worker;
    if (worker === undefined) return undefined;
    if (this.#posted === 0) {
      worker.stop();
      return undefined;
    }
    return (await worker.end()) as { value: T } | undefined;
  }

  stop(): void {
    this.#stopped = true;
    this.#worker?.stop();
  }

  #startWorker(): PartsWorker {
    const worker = this.#start();
    worker.post(this.#header!.slice());
    return worker;
  }

  /** Yields the carried bytes and the chunk up to `cut`, keeps the rest. */
  *#here(chunk: Uint8Array, cut: number): Generator<Uint8Array> {
    if (this.#carryLength > 0) {
      // A copy: the carry buffer is reused below, and the reader may still hold on to the view.
      const carried = this.#carry.slice(0, this.#carryLength);
      this.#carryLength = 0;
      yield carried;
    }
    const head = chunk.subarray(0, cut);
    // The rest is kept before the head is handed on: the chunk is only valid until the next is asked for.
    this.#keep(chunk, cut);
    yield head;
  }

  /** Keeps chunk[cut, end) as the start of the next record. */
  #keep(chunk: Uint8Array, cut: number): void {
    const rest = chunk.length - cut;
    if (this.#carryLength + rest > this.#carry.length) {
      const grown = new Uint8Array(Math.max(this.#carry.length * 2, this.#carryLength + rest));
      grown.set(this.#carry.subarray(0, this.#carryLength));
      this.#carry = grown;
    }
    this.#carry.set(chunk.subarray(cut), this.#carryLength);
    this.#carryLength += rest;
  }

  /** Just past the chunk's last line feed outside quotes, or -1; updates the quote parity. */
  #lastRecordEnd(chunk: Uint8Array): number {
    const quotes = countQuotes(chunk, 0, chunk.length);
    const oddAtStart = this.#oddQuotes;
    this.#oddQuotes = oddAtStart !== (quotes % 2 === 1);
    let lf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length).lastIndexOf(LF);
    /** Quotes in [0, lf): the record ends at `lf` when the quotes before it are even in all. */
    let before = quotes;
    let end = chunk.length;
    while (lf >= 0) {
      if (before > 0) before -= countQuotes(chunk, lf, end);
      if (oddAtStart === (before % 2 === 1)) return lf + 1;
      end = lf;
      lf = lf === 0 ? -1 : chunk.lastIndexOf(LF, lf - 1);
    }
    return -1;
  }

  /** The header record of the first chunk (null when it does not end in that chunk). */
  #findHeader(chunk: Uint8Array): Uint8Array | null {
    let odd = false;
    for (let at = 0; ; ) {
      const lf = chunk.indexOf(LF, at);
      if (lf < 0) return null;
      if (countQuotes(chunk, at, lf) % 2 === 1) odd = !odd;
      if (!odd) return chunk.slice(0, lf + 1);
      at = lf + 1;
    }
  }
}

function countQuotes(buf: Uint8Array, start: number, end: number): number {
  // Buffer's indexOf is memchr; a Uint8Array's compares byte by byte.
  const bytes = Buffer.from(buf.buffer, buf.byteOffset, end);
  let n = 0;
  for (let q = bytes.indexOf(QUOTE, start); q >= 0; q = bytes.indexOf(QUOTE, q + 1)) n++;
  return n;
}
