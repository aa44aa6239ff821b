// Where a run's tasks write, and what they committed. Each attempt of each task
// gets its own staging folder and its own writer; when the attempt ends (success,
// failure, timeout or cancel) the writer closes, so code an attempt left running
// can never write into the partition again. A task's outputs are exactly what
// its successful attempt committed; tasks after it read them from there.

import { stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { createAtomicWriter } from '../store/atomic.js';
import type { StagedOutput } from '../store/commit.js';
import { attemptStagingDir, type PartitionRef } from '../store/layout.js';
import type { TaskOutputRecord } from '../store/ledger.js';
import { checksumFile } from '../store/manifest.js';
import { relativeToRoot, resolveInside } from '../store/paths.js';
import type { AtomicFile, AtomicWriter, WriteResult } from './context.js';

/** What one attempt writes with, and how its outputs are collected when it ends. */
export interface AttemptStage {
  /** Every contract output: committed ones where they were committed, the others in this attempt's folder. */
  outputs: Record<string, string>;
  writer: AtomicWriter;
  /** Closes the writer; on success registers the attempt's outputs and returns them. */
  finish(success: boolean): Promise<TaskOutputRecord[]>;
}

interface Committed {
  name: string;
  taskId: string;
  /** Absolute staged path. */
  path: string;
  sha256?: string;
  /** What the writer counted as it wrote, when a writer wrote it. */
  written?: { bytes: number; rows: number };
}

export class RunStaging {
  private readonly committed = new Map<string, Committed>();
  private readonly root: string;
  private readonly ref: PartitionRef;
  private readonly runId: string;
  private readonly live: Record<string, string>;
  private readonly passThrough: Record<string, string>;

  /**
   * `live` maps each staged output name to its absolute contract path;
   * `passThrough` are outputs written in place by the executor (the quality report).
   */
  constructor(
    root: string,
    ref: PartitionRef,
    runId: string,
    live: Record<string, string>,
    passThrough: Record<string, string> = {},
  ) {
    this.root = resolve(root);
    this.ref = ref;
    this.runId = runId;
    this.live = live;
    this.passThrough = passThrough;
  }

  /** Outputs of a task reused from an earlier run of the partition (resume). */
  reuse(taskId: string, outputs: TaskOutputRecord[]): void {
    for (const o of outputs) {
      this.committed.set(o.name, { name: o.name, taskId, path: resolveInside(this.root, o.path), sha256: o.sha256 });
    }
  }

  open(taskId: string, attempt: number): AttemptStage {
    const dir = attemptStagingDir(this.root, this.ref, this.runId, taskId, attempt);
    const own: Record<string, string> = {};
    const outputs: Record<string, string> = { ...this.passThrough };
    for (const [name, livePath] of Object.entries(this.live)) {
      own[name] = join(dir, relative(this.root, livePath));
      outputs[name] = this.committed.get(name)?.path ?? own[name];
    }
    const writer = attemptWriter(this.root, dir, own, this.live, `${taskId} attempt ${attempt}`);
    return {
      outputs,
      writer,
      finish: async (success) => {
        writer.close();
        if (!success) return [];
        const records: TaskOutputRecord[] = [];
        for (const [name, path] of Object.entries(own)) {
          const viaWriter = writer.committed.get(path);
          // Commands write their files themselves: whatever sits at an output's path counts.
          if (!viaWriter && !(await isFile(path))) continue;
          const sum = viaWriter ?? (await checksumFile(path, this.root));
          this.committed.set(name, {
            name,
            taskId,
            path,
            sha256: sum.sha256,
            ...(viaWriter ? { written: { bytes: viaWriter.bytes, rows: viaWriter.rows } } : {}),
          });
          records.push({ name, path: relativeToRoot(this.root, path), bytes: sum.bytes, sha256: sum.sha256 });
        }
        return records;
      },
    };
  }

  /** Everything the run's tasks committed, ready to become a version. */
  stagedOutputs(): StagedOutput[] {
    return [...this.committed.values()].map((c) => ({
      name: c.name,
      path: relativeToRoot(this.root, this.live[c.name] ?? c.path),
      staged: c.path,
      sha256: c.sha256,
      ...(c.written ? { written: c.written } : {}),
    }));
  }
}

interface ClosableWriter extends AtomicWriter {
  /** Commits by absolute staged path. */
  committed: Map<string, { bytes: number; rows: number; sha256: string }>;
  close(): void;
}

/**
 * A writer that writes only this attempt's outputs (a contract path is taken to
 * mean the attempt's staged copy of it) and refuses everything once closed.
 */
function attemptWriter(
  root: string,
  dir: string,
  own: Record<string, string>,
  live: Record<string, string>,
  label: string,
): ClosableWriter {
  const inner = createAtomicWriter(root);
  const committed = new Map<string, { bytes: number; rows: number; sha256: string }>();
  const openFiles = new Set<AtomicFile>();
  const byLive = new Map(Object.entries(live).map(([name, path]) => [path, own[name] as string]));
  let closed = false;

  const assertOpen = () => {
    if (closed)
      throw new Error(`${label} has ended: its writer is closed, so nothing it writes now can reach the data`);
  };
  const target = (path: string): string => {
    const absolute = resolveInside(root, path);
    const mapped = byLive.get(absolute) ?? absolute;
    if (mapped === dir || !mapped.startsWith(dir + sep)) {
      const names = Object.keys(own).join(', ');
      throw new Error(
        `cannot write ${relativeToRoot(root, absolute)}: a task writes only the pipeline's outputs, through ctx.outputs.NAME (${names})`,
      );
    }
    return mapped;
  };

  const open = async (path: string): Promise<AtomicFile> => {
    assertOpen();
    const file = await inner.open(target(path));
    const staged = target(path);
    if (closed) {
      await file.abort();
      assertOpen();
    }
    openFiles.add(file);
    return {
      async write(chunk) {
        assertOpen();
        await file.write(chunk);
      },
      async commit(): Promise<WriteResult> {
        assertOpen();
        openFiles.delete(file);
        const result = await file.commit();
        committed.set(staged, { bytes: result.bytes, rows: result.rows, sha256: result.sha256 });
        return result;
      },
      async abort() {
        openFiles.delete(file);
        await file.abort();
      },
    };
  };

  return {
    committed,
    open,
    async writeFile(path, data) {
      const file = await open(path);
      try {
        if (typeof data === 'string' || data instanceof Uint8Array) await file.write(data);
        else for await (const chunk of data) await file.write(chunk);
        return await file.commit();
      } catch (error) {
        await file.abort();
        throw error;
      }
    },
    close() {
      closed = true;
      for (const file of openFiles) void file.abort().catch(() => {});
      openFiles.clear();
    },
  };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
