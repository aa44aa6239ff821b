// The contract module's public entry: validate contracts (with their handler
// imports) and load one pipeline by id for the other commands.
import { existsSync, readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { ContractError, errorMessage, UsageError } from '../errors.js';
import { checkLineage } from '../lineage/resolve.js';
import { openValidateCache } from './cache.js';
import { defaultCacheDir } from './cache-file.js';
import { checkContractText, type FileResult } from './check-file.js';
import { ContractChecks, type ThreadOptions } from './check-threads.js';
import { CONTRACT_FILE, discoverContracts } from './discover.js';
import { compareDiagnostics, formatDiagnostic } from './format.js';
import { checkHandlerImports, type HandlerRef } from './imports/check.js';
import { type EarlyProbe, startEarlyProbe } from './imports/probe.js';
import { findRepoRoot } from './imports/repo-root.js';
import type { Diagnostic, Pipeline } from './model.js';
import { runbookDiagnostics } from './runbook.js';
import { didYouMean } from './suggest.js';

export { formatDiagnostic };

export interface ValidateOptions {
  /** Budget of one handler module's import (default 5 s). */
  importTimeoutMs?: number;
  /** Import every handler module in a child process (default true). */
  checkImports?: boolean;
  /** Handler modules must stay inside this folder (default: the git top level or nearest package.json). */
  repoRoot?: string;
  /** Relative paths are read from here (default: the process's cwd). */
  cwd?: string;
  /**
   * Where results are kept between runs (default: node_modules/.cache/pipewright beside the
   * nearest package.json of cwd); false keeps nothing.
   */
  cacheDir?: string | false;
  /** Many contracts are checked on two threads (check-threads.ts); tests choose how. */
  threads?: ThreadOptions;
  /**
   * An import process the caller started before it loaded this module (validate's action entry):
   * used when its folders are those of the first contract naming a handler, else stopped.
   */
  early?: EarlyProbe;
  /**
   * Told the contract files and valid pipelines as soon as they are known, while the handler
   * imports may still run: work that needs only those (validate's caller checks) overlaps them.
   */
  onContracts?: (checked: Pick<ValidationResult, 'files' | 'pipelines'>) => void;
}

export interface ValidationResult {
  /** The contract files checked, absolute. */
  files: string[];
  /** The contracts without errors, normalized. */
  pipelines: Pipeline[];
  /** Every problem found, sorted by file and position. */
  diagnostics: Diagnostic[];
}

export const DEFAULT_IMPORT_TIMEOUT_MS = 5_000;

export async function validatePaths(paths: string[], opts: ValidateOptions = {}): Promise<ValidationResult> {
  const files = await discoverContracts(paths, opts.cwd);
  const cacheDir = opts.cacheDir === undefined ? defaultCacheDir(opts.cwd ?? process.cwd()) : opts.cacheDir;
  const cache = cacheDir ? await openValidateCache(cacheDir) : undefined;
  // The contracts not in the cache are checked once all are read: on two threads when there are many
  // and cores to spare (check-threads.ts).
  const checks = new ContractChecks({ ...opts.threads });
  // Handlers to import and none kept by the last run: the import process starts with the first
  // contract naming one, so Node's start overlaps the checks, and waits for its list of modules
  // (it is stopped unused when they are in other folders, or all cached or missing).
  const importsAhead = opts.checkImports !== false && !cache?.hasImports();
  let early: EarlyProbe | undefined = opts.early;
  if (!importsAhead) {
    early?.stop();
    early = undefined;
  }
  let probeChosen = false;
  try {
    const results = new Array<FileResult>(files.length);
    const misses: Array<{ index: number; bytes: Uint8Array }> = [];
    files.forEach((file, index) => {
      const bytes = readContract(file);
      if (importsAhead && !probeChosen && bytes.includes('handler:')) {
        probeChosen = true;
        const folders = probeFolders(file, opts);
        if (!early?.fits(folders)) {
          early?.stop();
          early = startEarlyProbe(folders);
        }
      }
      const cached = cache?.contract(file, bytes);
      if (cached) results[index] = cached;
      else {
        misses.push({ index, bytes });
        // The bytes, not a string: invalid UTF-8 and NUL bytes are reported at their place.
        checks.add(file, bytes);
      }
    });
    const checked = await checks.results();
    misses.forEach(({ index, bytes }, k) => {
      results[index] = checked[k]!;
      cache?.storeContract(files[index]!, bytes, checked[k]!);
    });
    const valid: Pipeline[] = [];
    const diagnostics: Diagnostic[] = [];
    const handlers: HandlerRef[] = [];
    for (const result of results) {
      diagnostics.push(...result.diagnostics);
      handlers.push(...result.handlers);
      if (result.pipeline) valid.push(result.pipeline);
    }
    // The handler imports start first: their process works while lineage and runbooks are checked here.
    const imports =
      opts.checkImports !== false && handlers.length
        ? checkHandlerImports(handlers, {
            timeoutMs: opts.importTimeoutMs ?? DEFAULT_IMPORT_TIMEOUT_MS,
            ...(opts.repoRoot ? { repoRoot: opts.repoRoot } : {}),
            ...(cache ? { cache } : {}),
            ...(early ? { early } : {}),
          })
        : Promise.resolve([]);
    imports.catch(() => {}); // awaited below; this only keeps a failure before then from going unhandled
    // `from:` inputs are checked across contracts, once each contract is valid on its own.
    const lineage = checkLineage(valid);
    diagnostics.push(...lineage.diagnostics);
    // Runbook files change apart from their contract: checked on disk every time, never cached.
    const runbooks = await Promise.all(lineage.pipelines.map(runbookDiagnostics));
    diagnostics.push(...runbooks.flat());
    const pipelines = lineage.pipelines.filter((_, i) => runbooks[i]!.length === 0);
    opts.onContracts?.({ files, pipelines });
    diagnostics.push(...(await imports));
    await cache?.save();
    return { files, pipelines, diagnostics: unique(diagnostics).sort(compareDiagnostics) };
  } finally {
    early?.stop();
  }
}

/** The folders the import process of `file`'s handlers runs in (as checkHandlerImports groups them). */
function probeFolders(file: string, opts: ValidateOptions): { cwd: string; tasksRoot: string } {
  const pipelineDir = dirname(resolve(file));
  const cwd = opts.repoRoot ? resolve(opts.repoRoot) : findRepoRoot(pipelineDir);
  return { cwd, tasksRoot: dirname(pipelineDir) };
}

/** The schema and a policy rule can both catch one mistake (an empty description): say it once. */
function unique(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.file}:${d.line}:${d.col}:${d.severity}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Every pipeline under `pipelinesDir`, validated (without importing handlers), sorted by dag_id.
 * Throws ContractError listing every error when any contract is invalid.
 */
export async function loadPipelines(pipelinesDir: string): Promise<Pipeline[]> {
  const result = await validatePaths([pipelinesDir], { checkImports: false });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw contractError(errors);
  return result.pipelines.sort((a, b) => a.dagId.localeCompare(b.dagId));
}

/**
 * The contract's bytes; a folder or unreadable file named pipeline.yml is the user's to fix, said in one line.
 * Read synchronously: a contract is a few kilobytes, and an async read costs five times the CPU.
 */
function readContract(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code ?? errorMessage(error)})`;
    throw new ContractError(`${file}: ${why}: ${CONTRACT_FILE} must be a YAML file`, file);
  }
}

async function knownIds(pipelinesDir: string): Promise<string[]> {
  const entries = await readdir(pipelinesDir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isDirectory() && existsSync(join(pipelinesDir, e.name, CONTRACT_FILE)))
    .map((e) => e.name);
}

/**
 * The pipeline `pipelines/<dagId>/pipeline.yml`, validated (without importing handlers).
 * Throws UsageError for an unknown id, ContractError listing every problem for an invalid contract.
 */
export async function loadPipelineById(pipelinesDir: string, dagId: string): Promise<Pipeline> {
  const file = resolve(pipelinesDir, dagId, CONTRACT_FILE);
  if (!/^[a-z][a-z0-9_]*$/.test(dagId) || !existsSync(file)) {
    const ids = await knownIds(pipelinesDir);
    const known = ids.length ? `known: ${ids.join(', ')}` : `no pipelines under ${pipelinesDir}`;
    throw new UsageError(`unknown pipeline '${dagId}'${didYouMean(dagId, ids)} (${known})`);
  }
  const result = checkContractText(file, readContract(file));
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (!result.pipeline) throw contractError(unique(errors).sort(compareDiagnostics));
  const lineage = checkLineage([result.pipeline]);
  const lineageErrors = lineage.diagnostics.filter((d) => d.severity === 'error');
  if (lineageErrors.length > 0) throw contractError(lineageErrors);
  return lineage.pipelines[0]!;
}

/** One ContractError listing every error, located at the first. */
function contractError(errors: Diagnostic[]): ContractError {
  const first = errors[0];
  return new ContractError(
    errors.map((d) => formatDiagnostic(d, process.cwd())).join('\n'),
    first?.file,
    first?.line,
    first?.col,
  );
}
