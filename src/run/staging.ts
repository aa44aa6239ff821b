// Where a run's tasks write, and what they committed. Each attempt of each task
// gets its own staging prefix and its own writer (in a bucket, a first attempt
// writes into the run's unfinished version instead: see `open`); when the attempt
// ends (success, failure, timeout or cancel) the writer closes, so code an attempt
// left running can never write into the partition again. A task's outputs are
// exactly what its successful attempt committed; tasks after it read them from there.
//
// Handlers name datasets (`ctx.read('raw_orders')`, `ctx.write('daily_sales', …)`)
// and this maps the names to keys of the data root's store, a folder or a
// bucket alike. On a folder the path API of earlier versions (`ctx.outputs.X`
// with `ctx.writer`) is kept: a path is taken to mean the attempt's staged copy.

import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import type { CheckRule, Task } from '../contract/model.js';
import type { CheckContext } from '../quality/checks.js';
import { checksWhileWriting, type WriteWatch } from '../quality/checks-while-writing.js';
import { createAtomicWriter } from '../store/atomic.js';
import { copyIntoVersion, crashPoint, type StagedOutput, type VersionedCopy } from '../store/commit.js';
import { FsObjectStore } from '../store/fs-store.js';
import { attemptStagingKey, type PartitionRef, versionKey } from '../store/layout.js';
import type { CheckResult, TaskOutputRecord } from '../store/ledger.js';
import { checksumObject } from '../store/manifest.js';
import type { ChunkSink, ObjectBody, ObjectStore } from '../store/object-store.js';
import { rowCounterFor } from '../store/rows.js';
import type { AtomicFile, AtomicWriter, Datasets, ReadDatasetOptions, WriteResult } from './context.js';

/** What one attempt writes with, and how its outputs are collected when it ends. */
export interface AttemptStage {
  /** Path API (folders only): every output, committed ones where they were committed, the others in this attempt's folder. */
  outputs: Record<string, string>;
  writer: AtomicWriter;
  /** Stream API: datasets by name. */
  datasets: Datasets;
  /** This checks task's results on `dataset`, when they were found while the dataset was written. */
  checkedWhileWritten?(dataset: string): CheckResult[] | undefined;
  /** Closes the writer; on success registers the attempt's outputs and returns them. */
  finish(success: boolean): Promise<TaskOutputRecord[]>;
}

interface Committed {
  name: string;
  taskId: string;
  /** Staged key. */
  key: string;
  sha256?: string;
  /** What the writer counted as it wrote, when a writer wrote it. */
  written?: { bytes: number; rows: number };
  /** Results of checks tasks on it, by task id, found while it was written (undefined: read it to check). */
  checks?: Map<string, CheckResult[] | undefined>;
  /** Its copy into the run's version, made ahead in a bucket. */
  versioned?: Promise<VersionedCopy | undefined>;
}

interface WrittenObject {
  bytes: number;
  rows: number;
  sha256: string;
  checks?: Map<string, CheckResult[] | undefined>;
}

/** A checks task on one of the run's outputs, run over the bytes while a task writes them. */
interface CheckOnWrite {
  taskId: string;
  rules: CheckRule[];
}

export class RunStaging {
  private readonly committed = new Map<string, Committed>();
  private readonly store: ObjectStore;
  private readonly ref: PartitionRef;
  private readonly runId: string;
  private readonly live: Record<string, string>;
  private readonly inputs: Record<string, string>;
  private readonly passThrough: Record<string, string>;
  private readonly inputStores: Record<string, ObjectStore>;
  /** By dataset name: the checks tasks on it, and the partition they judge dates by. */
  private readonly checksOnWrite = new Map<string, CheckOnWrite[]>();
  private checkContext: CheckContext | undefined;

  /**
   * `live` maps each staged output name to its contract key, `inputs` each input
   * name to its key; `passThrough` are outputs the executor writes itself (the
   * quality report), by key; `inputStores` hold the inputs that live in another
   * data root (a `from:` input whose upstream publishes elsewhere).
   */
  constructor(
    store: ObjectStore,
    ref: PartitionRef,
    runId: string,
    live: Record<string, string>,
    inputs: Record<string, string>,
    passThrough: Record<string, string> = {},
    inputStores: Record<string, ObjectStore> = {},
  ) {
    this.store = store;
    this.inputStores = inputStores;
    this.ref = ref;
    this.runId = runId;
    this.live = live;
    this.inputs = inputs;
    this.passThrough = passThrough;
  }

  /**
   * Checks tasks on an output of the run are run over its bytes as a task writes them, so the
   * checks task finds its results instead of reading the whole dataset again.
   */
  checkWhileWriting(tasks: Task[], ctx: CheckContext): void {
    this.checkContext = ctx;
    for (const task of tasks) {
      if (task.spec.kind !== 'checks' || this.live[task.spec.dataset] === undefined) continue;
      const list = this.checksOnWrite.get(task.spec.dataset) ?? [];
      list.push({ taskId: task.id, rules: task.spec.rules });
      this.checksOnWrite.set(task.spec.dataset, list);
    }
  }

  /** Outputs of a task reused from an earlier run of the partition (resume). */
  reuse(taskId: string, outputs: TaskOutputRecord[]): void {
    for (const o of outputs) this.committed.set(o.name, { name: o.name, taskId, key: o.path, sha256: o.sha256 });
  }

  open(taskId: string, attempt: number): AttemptStage {
    // A bucket has no rename, and a copy costs its server what the write did: a task's first
    // attempt writes straight into the run's version, which is not one until `_version.json` is
    // written. A retry writes into its own staging prefix, out of reach of anything the first
    // attempt left running, and is copied into the version as before.
    const prefix =
      this.store.kind === 's3' && attempt === 1
        ? versionKey(this.ref, this.runId)
        : attemptStagingKey(this.ref, this.runId, taskId, attempt);
    const own: Record<string, string> = {};
    const visible: Record<string, string> = { ...this.passThrough };
    for (const [name, key] of Object.entries(this.live)) {
      own[name] = `${prefix}/${key}`;
      visible[name] = this.committed.get(name)?.key ?? own[name];
    }
    const label = `${taskId} attempt ${attempt}`;
    const writer = attemptWriter(this.store, prefix, own, label, (key) => this.watchFor(own, key));
    const fs = this.store instanceof FsObjectStore ? this.store : undefined;
    const datasets: Datasets = {
      read: (name, options) => this.readDataset(name, label, options),
      write: (name, data) => writer.writeKey(this.ownKey(own, name), data),
      open: (name) => writer.openKey(this.ownKey(own, name)),
      exists: async (name) => {
        const key = this.committed.get(name)?.key ?? this.inputs[name];
        return key !== undefined && (await this.storeFor(name).head(key)) !== undefined;
      },
      where: (name) => this.inputs[name] ?? this.live[name] ?? this.passThrough[name] ?? name,
    };
    return {
      outputs: fs ? Object.fromEntries(Object.entries(visible).map(([n, key]) => [n, fs.pathOf(key)])) : {},
      writer: fs ? pathWriter(fs, writer, own, this.live) : bucketPathWriter(this.store),
      datasets,
      checkedWhileWritten: (dataset) => this.committed.get(dataset)?.checks?.get(taskId),
      finish: async (success) => {
        writer.close();
        if (!success) return [];
        const records: TaskOutputRecord[] = [];
        for (const [name, key] of Object.entries(own)) {
          const viaWriter = writer.committed.get(key);
          // On a folder commands write their files themselves: whatever sits at an output's key counts.
          // In a bucket everything comes through the writer, and first attempts share the run's version.
          if (!viaWriter && (!fs || !(await this.store.head(key)))) continue;
          const sum = viaWriter ?? (await checksumObject(this.store, key));
          this.committed.set(name, {
            name,
            taskId,
            key,
            sha256: sum.sha256,
            ...(viaWriter ? { written: { bytes: viaWriter.bytes, rows: viaWriter.rows } } : {}),
            ...(viaWriter?.checks ? { checks: viaWriter.checks } : {}),
            // A bucket copies into the version server-side while the next tasks run, off the publish's path
            // (an output written in the version already is not copied), and makes its live copy ahead.
            ...(this.store.kind === 's3' && this.live[name] !== undefined
              ? { versioned: copyIntoVersion(this.store, this.ref, this.runId, key, this.live[name]) }
              : {}),
          });
          records.push({ name, path: key, bytes: sum.bytes, sha256: sum.sha256 });
        }
        crashPoint(`staged-${taskId}`);
        return records;
      },
    };
  }

  /** Everything the run's tasks committed, ready to become a version. */
  stagedOutputs(): StagedOutput[] {
    return [...this.committed.values()].map((c) => ({
      name: c.name,
      path: this.live[c.name] ?? c.key,
      staged: c.key,
      sha256: c.sha256,
      ...(c.written ? { written: c.written } : {}),
      ...(c.versioned ? { versioned: c.versioned } : {}),
    }));
  }

  /** The checks to run over what is written at `key`, when a checks task names its dataset. */
  private watchFor(own: Record<string, string>, key: string): WriteWatch | undefined {
    const name = Object.keys(own).find((n) => own[n] === key);
    const checks = name === undefined ? undefined : this.checksOnWrite.get(name);
    if (name === undefined || checks === undefined || this.checkContext === undefined) return undefined;
    return checksWhileWriting({ dataset: name, checks, ctx: this.checkContext });
  }

  private ownKey(own: Record<string, string>, name: string): string {
    const key = own[name];
    if (key !== undefined) return key;
    const names = Object.keys(own).join(', ') || 'none';
    throw new Error(`cannot write '${name}': it is not one of the pipeline's outputs (${names})`);
  }

  private async *readDataset(name: string, label: string, options?: ReadDatasetOptions): AsyncGenerator<Uint8Array> {
    const key = this.committed.get(name)?.key ?? this.inputs[name];
    if (key === undefined) {
      if (this.live[name] !== undefined)
        throw new Error(`${label} cannot read output '${name}': no task before it has written it in this run`);
      const known = [...Object.keys(this.inputs), ...Object.keys(this.live)].join(', ');
      throw new Error(`cannot read '${name}': it is not one of the pipeline's inputs or outputs (${known})`);
    }
    yield* readObject(this.storeFor(name), key, options);
  }

  /** Outputs of this run are in its own store; an input may be in its upstream's. */
  private storeFor(name: string): ObjectStore {
    return this.committed.has(name) ? this.store : (this.inputStores[name] ?? this.store);
  }
}

interface ClosableWriter {
  /** Commits by staged key. */
  committed: Map<string, WrittenObject>;
  openKey(key: string): Promise<AtomicFile>;
  writeKey(key: string, data: ObjectBody | Iterable<string | Uint8Array>): Promise<WriteResult>;
  close(): void;
}

/** A writer of this attempt's staged keys that refuses everything once closed. */
function attemptWriter(
  store: ObjectStore,
  prefix: string,
  own: Record<string, string>,
  label: string,
  watchFor: (key: string) => WriteWatch | undefined,
): ClosableWriter {
  const committed = new Map<string, WrittenObject>();
  const openFiles = new Set<AtomicFile>();
  const watches = new Set<WriteWatch>();
  const ownKeys = new Set(Object.values(own));
  let closed = false;

  const assertOpen = () => {
    if (closed)
      throw new Error(`${label} has ended: its writer is closed, so nothing it writes now can reach the data`);
  };
  const openKey = async (key: string): Promise<AtomicFile> => {
    assertOpen();
    if (!ownKeys.has(key) || !key.startsWith(`${prefix}/`)) throw new Error(`cannot write ${key}: not an output`);
    const file = await openObject(store, key);
    if (closed) {
      await file.abort();
      assertOpen();
    }
    openFiles.add(file);
    const watch = watchFor(key);
    if (watch) watches.add(watch);
    return {
      async write(chunk) {
        assertOpen();
        await file.write(chunk);
        // Before write() resolves: the caller may reuse its buffer after that.
        await watch?.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
      },
      async commit(): Promise<WriteResult> {
        assertOpen();
        openFiles.delete(file);
        if (watch) watches.delete(watch);
        // The checks finish while the file is synced and renamed.
        const ending = watch?.end();
        ending?.catch(() => {});
        const result = await file.commit();
        const checks = await ending;
        committed.set(key, {
          bytes: result.bytes,
          rows: result.rows,
          sha256: result.sha256,
          ...(checks ? { checks } : {}),
        });
        return result;
      },
      async abort() {
        openFiles.delete(file);
        if (watch) watches.delete(watch);
        watch?.abort();
        await file.abort();
      },
    };
  };
  return {
    committed,
    openKey,
    writeKey: async (key, data) => writeWhole(await openKey(key), data),
    close() {
      closed = true;
      for (const file of openFiles) void file.abort().catch(() => {});
      openFiles.clear();
      for (const watch of watches) watch.abort();
      watches.clear();
    },
  };
}

/**
 * Datasets read and written in place, unstaged: for a scratch data root that holds
 * nothing to protect (`pipewright test`, handler unit tests).
 */
export function directDatasets(
  store: ObjectStore,
  keys: { inputs: Record<string, string>; outputs: Record<string, string> },
): Datasets {
  const keyOf = (name: string, group: Record<string, string>, what: string): string => {
    const key = group[name];
    if (key === undefined) throw new Error(`cannot ${what} '${name}': the pipeline has no dataset of that name`);
    return key;
  };
  const open = (name: string) => openObject(store, keyOf(name, keys.outputs, 'write'));
  return {
    async *read(name, options) {
      yield* readObject(store, keyOf(name, { ...keys.outputs, ...keys.inputs }, 'read'), options);
    },
    open,
    where: (name) => keys.inputs[name] ?? keys.outputs[name] ?? name,
    async exists(name) {
      const key = { ...keys.outputs, ...keys.inputs }[name];
      return key !== undefined && (await store.head(key)) !== undefined;
    },
    write: async (name, data) => writeWhole(await open(name), data),
  };
}

/** An object's bytes; through reused buffers where the store offers them and the reader copies what it keeps. */
async function* readObject(
  store: ObjectStore,
  key: string,
  options: ReadDatasetOptions = {},
): AsyncGenerator<Uint8Array> {
  const { signal } = options;
  if (options.reuseBuffer && store.readChunks) yield* store.readChunks(key, { signal });
  else yield* (await store.read(key, { signal })) as AsyncIterable<Uint8Array>;
}

/** Writes `data` into an opened file and commits it; any failure aborts it (nothing half-written stays). */
async function writeWhole(file: AtomicFile, data: ObjectBody | Iterable<string | Uint8Array>): Promise<WriteResult> {
  try {
    if (typeof data === 'string' || data instanceof Uint8Array) await file.write(data);
    else for await (const chunk of data) await file.write(chunk);
    return await file.commit();
  } catch (error) {
    await file.abort();
    throw error;
  }
}

/** One object being written: on a folder the atomic writer; in a bucket a streamed (multipart) upload. */
async function openObject(store: ObjectStore, key: string): Promise<AtomicFile> {
  if (store instanceof FsObjectStore) return createAtomicWriter(store.root).open(store.pathOf(key));
  const hash = createHash('sha256');
  let sha256: string | undefined;
  const digest = () => (sha256 ??= hash.digest('hex'));
  // Every byte is hashed before it is handed on: once the body ends, the store may take this hash as its own.
  const sink = (await store.openWrite?.(key, { bodySha256: digest })) ?? streamedSink(store, key, digest);
  const rows = rowCounterFor(key);
  let bytes = 0;
  let state: 'open' | 'committed' | 'aborted' = 'open';
  return {
    async write(chunk) {
      if (state !== 'open') throw new Error(`write of ${store.describe(key)} is already ${state}`);
      const buffer =
        typeof chunk === 'string'
          ? Buffer.from(chunk, 'utf8')
          : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      if (buffer.byteLength === 0) return;
      hash.update(buffer);
      rows.add(buffer);
      bytes += buffer.byteLength;
      await sink.write(buffer);
    },
    async commit(): Promise<WriteResult> {
      if (state !== 'open') throw new Error(`write of ${store.describe(key)} is already ${state}`);
      state = 'committed';
      await sink.end();
      return { path: store.describe(key), bytes, rows: rows.total(), sha256: digest() };
    },
    async abort() {
      if (state !== 'open') return;
      state = 'aborted';
      await sink.abort().catch(() => {});
      await store.delete(key).catch(() => {});
    },
  };
}

/**
 * A store that cannot take a chunk before `write` resolves (outside a run) gets the object as a
 * stream: each chunk is copied, since the writer may reuse its buffer once `write` resolves.
 */
function streamedSink(store: ObjectStore, key: string, digest: () => string): ChunkSink {
  const body = new PassThrough({ highWaterMark: 1 << 20 });
  const upload = store.write(key, body, { bodySha256: digest });
  upload.catch(() => {}); // observed on end; an abort rejects it on purpose
  return {
    async write(chunk) {
      if (!body.write(Buffer.from(chunk))) await Promise.race([waitDrain(body), upload]);
    },
    end() {
      body.end();
      return upload;
    },
    async abort() {
      body.destroy(new Error('write aborted'));
      await upload.catch(() => {});
    },
  };
}

function waitDrain(stream: PassThrough): Promise<void> {
  return new Promise((resolve) => stream.once('drain', resolve));
}

/** The path API on a folder: a contract path (live or staged) names this attempt's staged copy. */
function pathWriter(
  fs: FsObjectStore,
  writer: ClosableWriter,
  own: Record<string, string>,
  live: Record<string, string>,
): AtomicWriter {
  const byPath = new Map<string, string>();
  for (const [name, key] of Object.entries(live)) {
    byPath.set(fs.pathOf(key), own[name] as string);
    byPath.set(fs.pathOf(own[name] as string), own[name] as string);
  }
  const keyFor = (path: string): string => {
    const key = byPath.get(fs.pathOf(path));
    if (key !== undefined) return key;
    const names = Object.keys(own).join(', ');
    throw new Error(
      `cannot write ${fs.keyOf(fs.pathOf(path))}: a task writes only the pipeline's outputs, through ctx.outputs.NAME (${names})`,
    );
  };
  return {
    open: async (path) => writer.openKey(keyFor(path)),
    writeFile: async (path, data) => writer.writeKey(keyFor(path), data),
  };
}

/** In a bucket there are no paths: the path API answers with the stream API's name. */
function bucketPathWriter(store: ObjectStore): AtomicWriter {
  const refuse = async (): Promise<never> => {
    throw new Error(pathApiOnBucket(store, 'ctx.writer'));
  };
  return { open: refuse, writeFile: refuse };
}

/** The one line a handler gets when it uses paths on a bucket data root. */
export function pathApiOnBucket(store: ObjectStore, what: string): string {
  return `${what} is a path, and the data root ${store.url} is a bucket: use ctx.read(NAME) and ctx.write(NAME, data) (or ctx.open(NAME)), which work on folders and buckets alike`;
}
