// `pipewright site`: contracts + ledger (+ manifests) → a static site in one
// folder that works from file:// and from GitHub Pages alike.
//   index.html                       every pipeline (static HTML)
//   pipelines/<dag_id>/index.html    catalog, grid, freshness and reliability, trends
//   pipelines/<dag_id>/grid.js       the grid's data
//   pipelines/<dag_id>/runs/<chunk>.js  partition details, loaded when opened
//   assets/site.css, assets/site.js  the only style and code, hand-written, no CDN
// Pipelines are built on worker threads when the machine has cores to spare (threads.ts).
import { chmod, mkdir, mkdtemp, readdir, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Pipeline } from '../contract/model.js';
import { UsageError } from '../errors.js';
import type { HistoryLedger } from './history.js';
import type { IndexedPipeline } from './model.js';
import { SiteWriter } from './pipeline-pages.js';
import { renderIndex } from './render-index.js';
import { snapshotSources } from './sources.js';
import { buildPipelines, defaultThreads } from './threads.js';

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
  /** Threads building pipelines at once (default: the cores available; 1 builds on this thread alone). */
  threads?: number;
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
  const writer = new SiteWriter();
  let assetBytes = 0;
  for (const [name, url] of ASSETS)
    assetBytes += await writer.write(join(out, 'assets', name), await readFile(url, 'utf8'));
  const sources = await snapshotSources(options.sources);
  const built = await buildPipelines(sources, out, now, options.threads ?? defaultThreads());
  const pipelineBytes: Record<string, number> = {};
  const indexed = options.sources.map(({ pipeline }, i): IndexedPipeline => {
    pipelineBytes[pipeline.dagId] = built[i]!.pageBytes + assetBytes;
    return { pipeline, ...built[i]!.indexed };
  });
  const indexBytes = await writer.write(join(out, 'index.html'), renderIndex(indexed, now));
  await writer.write(join(out, MARKER), 'Built by `pipewright site`; the next build replaces this folder.\n');
  const files = built.reduce((sum, pages) => sum + pages.files, writer.files);
  const bytes = built.reduce((sum, pages) => sum + pages.bytes, writer.bytes);
  return { out, files, bytes, indexBytes, pipelineBytes };
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
