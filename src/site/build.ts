// `pipewright site`: contracts + ledger (+ manifests) → a static site in one
// folder that works from file:// and from GitHub Pages alike.
//   index.html                       every pipeline (static HTML)
//   pipelines/<dag_id>/index.html    catalog, grid, freshness and reliability, trends
//   pipelines/<dag_id>/grid.js       the grid's data
//   pipelines/<dag_id>/runs/<chunk>.js  partition details, loaded when opened
//   assets/site.css, assets/site.js  the only style and code, hand-written, no CDN
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Pipeline } from '../contract/model.js';
import { UsageError } from '../errors.js';
import { mapLimited } from '../map-limited.js';
import { lastPublished } from './catalog.js';
import { gridScript, runScripts } from './data-files.js';
import { type HistoryLedger, type PartitionHistory, readHistory } from './history.js';
import type { SitePipeline } from './model.js';
import { reliability } from './reliability.js';
import { renderIndex } from './render-index.js';
import { renderPipeline } from './render-pipeline.js';
import { trends } from './trends.js';

export interface SiteSource {
  pipeline: Pipeline;
  ledger: HistoryLedger;
  /** Where the pipeline's outputs and their manifests are. */
  dataRoot: string;
}

export interface SiteOptions {
  sources: readonly SiteSource[];
  out: string;
  /** The clock for freshness windows (default: now). */
  now?: Date;
}

export interface SiteResult {
  out: string;
  files: number;
  bytes: number;
  /** index.html alone. */
  indexBytes: number;
  /** What a browser loads to show one pipeline page before a partition is opened, per dag_id. */
  pipelineBytes: Record<string, number>;
}

/** Marks a folder as ours, so a rebuild may replace it and a user's folder is never emptied. */
const MARKER = '.pipewright-site';
// Literal URLs, so ncc finds the files and copies them beside the bundle.
const ASSETS = [
  ['site.css', new URL('./assets/site.css', import.meta.url)],
  ['site.js', new URL('./assets/site.js', import.meta.url)],
] as const;
const WRITE_CONCURRENCY = 32;

/** Builds into a staging folder beside `out` and swaps it in, so a failed build leaves the previous site whole. */
export async function buildSite(options: SiteOptions): Promise<SiteResult> {
  const out = resolve(options.out);
  await checkOut(out);
  await mkdir(dirname(out), { recursive: true });
  const staging = await mkdtemp(join(dirname(out), `.${basename(out)}-`));
  try {
    await chmod(staging, 0o755); // mkdtemp's 0700 would make the published site unreadable to others
    const result = await writeSite(options, staging);
    await rm(out, { recursive: true, force: true });
    await rename(staging, out);
    return { ...result, out };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function writeSite(options: SiteOptions, out: string): Promise<SiteResult> {
  const now = options.now ?? new Date();
  const assets = await Promise.all(ASSETS.map(async ([name, url]) => [name, await readFile(url, 'utf8')] as const));
  const written = { files: 0, bytes: 0 };
  const write = async (path: string, text: string) => {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
    written.files++;
    written.bytes += Buffer.byteLength(text);
    return Buffer.byteLength(text);
  };
  const assetBytes = (await Promise.all(assets.map(([name, text]) => write(join(out, 'assets', name), text)))).reduce(
    (a, b) => a + b,
    0,
  );
  const pipelineBytes: Record<string, number> = {};
  // One pipeline at a time, the next one's history read meanwhile: holding several
  // ten-year histories at once made garbage collection most of the build.
  const histories = prefetched(options.sources, (source) => readHistory(source.ledger, source.pipeline.dagId));
  const sites: SitePipeline[] = [];
  for (const [i, source] of options.sources.entries()) {
    const site = await collect(source, await histories(i), now);
    const dir = join(out, 'pipelines', source.pipeline.dagId);
    const pageBytes = await write(join(dir, 'index.html'), renderPipeline(site));
    const gridBytes = await write(join(dir, 'grid.js'), gridScript(source.pipeline.dagId, site.partitions));
    pipelineBytes[source.pipeline.dagId] = pageBytes + gridBytes + assetBytes;
    await mapLimited([...runScripts(site.partitions)], WRITE_CONCURRENCY, ([name, text]) =>
      write(join(dir, 'runs', name), text),
    );
    // Only the summary stays in memory: the history of twenty pipelines need not.
    sites.push({ ...site, partitions: site.partitions.slice(0, 1) });
  }
  const indexBytes = await write(join(out, 'index.html'), renderIndex(sites, now));
  await write(join(out, MARKER), 'Built by `pipewright site`; the next build replaces this folder.\n');
  return { out, files: written.files, bytes: written.bytes, indexBytes, pipelineBytes };
}

/** `read(items[i])`, with item i + 1 started as soon as item i is asked for. */
function prefetched<T, R>(items: readonly T[], read: (item: T) => Promise<R>): (i: number) => Promise<R> {
  const started = new Map<number, Promise<R>>();
  const start = (i: number) => {
    if (i >= items.length || started.has(i)) return;
    const promise = read(items[i]!);
    promise.catch(() => {}); // reported when awaited; not an unhandled rejection meanwhile
    started.set(i, promise);
  };
  return (i) => {
    start(i);
    start(i + 1);
    const promise = started.get(i)!;
    started.delete(i);
    return promise;
  };
}

async function collect(source: SiteSource, partitions: PartitionHistory[], now: Date): Promise<SitePipeline> {
  const { pipeline } = source;
  const readme = join(pipeline.dir, 'README.md');
  const site: SitePipeline = {
    pipeline,
    partitions,
    reliability: reliability(pipeline, partitions, now),
    trends: trends(partitions),
    outputs: await lastPublished(pipeline, source.dataRoot, partitions),
  };
  if (existsSync(readme)) site.runbook = await readFile(readme, 'utf8');
  return site;
}

/** An empty or missing folder, or an earlier site (which the build replaces); anything else is refused. */
async function checkOut(out: string): Promise<void> {
  const entries = await readdir(out).catch((error: NodeJS.ErrnoException): string[] => {
    if (error.code === 'ENOENT') return [];
    if (error.code === 'ENOTDIR') throw new UsageError(`the site folder ${out} is a file; name a folder`);
    throw error;
  });
  if (entries.length > 0 && !entries.includes(MARKER)) {
    throw new UsageError(
      `the site folder ${out} already holds files that pipewright did not write; name an empty or new folder (a rebuild replaces only a folder holding ${MARKER})`,
    );
  }
}
