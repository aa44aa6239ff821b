// One pipeline's pages and data files, from its contract and its history: what a
// build does for each pipeline, on the main thread or on a worker (threads.ts).
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { openDataRootForReading } from '../store/data-root.js';
import type { RunRecord } from '../store/ledger.js';
import { lastPublished } from './catalog.js';
import { chunkOf, chunkScript, gridScript } from './data-files.js';
import { eachPartition, type HistoryLedger, outline, type PartitionHistory } from './history.js';
import type { IndexedPipeline, SitePipeline } from './model.js';
import { reliability } from './reliability.js';
import { renderPipeline } from './render-pipeline.js';
import { trends } from './trends.js';

/** What one pipeline's part of the build wrote, and what index.html shows of it. */
export interface PipelinePages {
  indexed: Omit<IndexedPipeline, 'pipeline'>;
  files: number;
  bytes: number;
  /** index.html and grid.js: what a browser loads for the page besides the shared assets. */
  pageBytes: number;
}

/** Counts what it writes, creating folders as needed (each once: a pipeline writes a hundred files into one). */
export class SiteWriter {
  files = 0;
  bytes = 0;
  private readonly folders = new Map<string, Promise<unknown>>();

  async write(path: string, text: string): Promise<number> {
    const folder = dirname(path);
    let made = this.folders.get(folder);
    if (!made) {
      made = mkdir(folder, { recursive: true });
      this.folders.set(folder, made);
    }
    await made;
    await writeFile(path, text);
    const bytes = Buffer.byteLength(text);
    this.files++;
    this.bytes += bytes;
    return bytes;
  }
}

/**
 * Writes `pipelines/<dag_id>/` of the site under `out`. The history streams
 * through, newest partition first: each month's details file is written as soon
 * as its partitions have passed, and only an outline of each run is kept for
 * the grid, reliability and trends.
 */
export async function writePipelinePages(
  source: { pipeline: SitePipeline['pipeline']; ledger: HistoryLedger; dataRoot: string },
  out: string,
  now: Date,
): Promise<PipelinePages> {
  const writer = new SiteWriter();
  const dir = join(out, 'pipelines', source.pipeline.dagId);
  const writes: Promise<number>[] = [];
  const partitions: PartitionHistory[] = [];
  let chunk: PartitionHistory<RunRecord>[] = [];
  const flush = () => {
    if (chunk.length === 0) return;
    const name = chunkOf(chunk[0]!.key);
    writes.push(writer.write(join(dir, 'runs', `${name}.js`), chunkScript(name, chunk)));
    chunk = [];
  };
  try {
    await eachPartition(source.ledger, source.pipeline.dagId, (partition) => {
      // Newest first, so a chunk's partitions come together.
      if (chunk.length > 0 && chunkOf(chunk[0]!.key) !== chunkOf(partition.key)) flush();
      chunk.push(partition);
      const runs = partition.runs.map(outline);
      partitions.push({ key: partition.key, runs, latest: runs.at(-1)! });
    });
    flush();
  } finally {
    // Every write settled before a failed read goes up: none may land in a staging folder being removed.
    await Promise.allSettled(writes);
  }
  await Promise.all(writes);
  const site = await collect(source, partitions, now);
  const pageBytes =
    (await writer.write(join(dir, 'index.html'), renderPipeline(site))) +
    (await writer.write(join(dir, 'grid.js'), gridScript(source.pipeline.dagId, site.partitions)));
  // Only the summary is kept: the history of twenty pipelines need not be.
  const indexed = { partitions: site.partitions.slice(0, 1), reliability: site.reliability };
  return { indexed, files: writer.files, bytes: writer.bytes, pageBytes };
}

async function collect(
  source: { pipeline: SitePipeline['pipeline']; dataRoot: string },
  partitions: PartitionHistory[],
  now: Date,
): Promise<SitePipeline> {
  const { pipeline } = source;
  const readme = join(pipeline.dir, 'README.md');
  const site: SitePipeline = {
    pipeline,
    partitions,
    reliability: reliability(pipeline, partitions, now),
    trends: trends(partitions),
    outputs: await lastPublished(pipeline, await openDataRootForReading(source.dataRoot), partitions),
  };
  if (existsSync(readme)) site.runbook = await readFile(readme, 'utf8');
  return site;
}
