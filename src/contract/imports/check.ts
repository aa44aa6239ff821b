// Handler import checks for `validate`: each module must resolve inside the
// repository, import cleanly in a child process within the time budget, and
// export the named function. Modules are imported once each, all in one child
// process (another only after a module that throws or hangs).
import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ValidateCache } from '../cache.js';
import type { Diagnostic } from '../model.js';
import { describeFailure, locateFailure } from './locate-failure.js';
import { type EarlyProbe, type ProbeResult, probeModules } from './probe.js';
import { findRepoRoot } from './repo-root.js';

/** One `handler:` of a contract, with the location of its value. */
export interface HandlerRef {
  contract: string;
  line: number;
  col: number;
  taskId: string;
  pipelineDir: string;
  module: string;
  exportName: string;
}

export interface ImportCheckOptions {
  timeoutMs: number;
  repoRoot?: string;
  /** Clean imports of unchanged files are taken from here instead of a child process. */
  cache?: ValidateCache;
  /** A probe process already started, used if its folders are those of a group of modules. */
  early?: EarlyProbe;
}

const inside = (root: string, path: string) => {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

export async function checkHandlerImports(refs: HandlerRef[], opts: ImportCheckOptions): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  const at = (ref: HandlerRef, message: string): Diagnostic => ({
    file: ref.contract,
    line: ref.line,
    col: ref.col,
    severity: 'error',
    message,
  });
  const byModule = new Map<string, { root: string; tasksRoot: string; refs: HandlerRef[] }>();
  for (const ref of refs) {
    const root = opts.repoRoot ? resolve(opts.repoRoot) : findRepoRoot(ref.pipelineDir);
    const path = resolve(ref.pipelineDir, ref.module);
    if (isAbsolute(ref.module) || !inside(root, path)) {
      out.push(
        at(
          ref,
          `handler module '${ref.module}' resolves outside the repository (${root}): keep task code in the repository`,
        ),
      );
      continue;
    }
    if (!existsSync(path)) {
      out.push(at(ref, `handler module '${ref.module}' not found (looked for ${relative(root, path)})`));
      continue;
    }
    const real = realpathSync(path);
    if (!inside(realpathSync(root), real)) {
      out.push(at(ref, `handler module '${ref.module}' is a link to ${real}, outside the repository`));
      continue;
    }
    // The pipelines folder, as a run sees it (src/run/module-format.ts).
    const entry = byModule.get(real) ?? { root, tasksRoot: dirname(resolve(ref.pipelineDir)), refs: [] };
    entry.refs.push(ref);
    byModule.set(real, entry);
  }

  const modules = [...byModule.entries()];
  const results: ProbeResult[] = [];
  // One child process imports every module that is not cached, per repository root (its cwd)
  // and pipelines folder (whose task code it loads as ES modules).
  const pending = new Map<string, { root: string; tasksRoot: string; indexes: number[] }>();
  modules.forEach(([path, { root, tasksRoot }], i) => {
    const cached = opts.cache?.handlerImport(path, root);
    if (cached) {
      results[i] = cached;
      return;
    }
    const key = `${root}\0${tasksRoot}`;
    const group = pending.get(key) ?? { root, tasksRoot, indexes: [] };
    group.indexes.push(i);
    pending.set(key, group);
  });
  for (const { root, tasksRoot, indexes } of pending.values()) {
    const probed = await probeModules(
      indexes.map((i) => modules[i]![0]),
      { timeoutMs: opts.timeoutMs, cwd: root, tasksRoot },
      opts.early,
    );
    probed.forEach(({ result, loaded }, k) => {
      const i = indexes[k]!;
      results[i] = result;
      opts.cache?.storeHandlerImport(modules[i]![0], root, result, loaded);
    });
  }

  modules.forEach(([path, { refs: moduleRefs }], i) => {
    const result = results[i] as ProbeResult;
    const first = moduleRefs[0]!;
    const seen = new Set<string>();
    for (const attempt of result.network) {
      const where = attempt.at
        ? {
            ...attempt.at,
            file: attempt.at.file.startsWith('file:') ? fileURLToPath(attempt.at.file) : attempt.at.file,
          }
        : { file: first.contract, line: first.line, col: first.col };
      const key = `${where.file}:${where.line}:${where.col}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        file: where.file,
        line: where.line,
        col: where.col,
        severity: 'warning',
        message: `network access while importing the handler module (${attempt.what}, blocked): do I/O inside the handler function`,
      });
    }
    if (result.outcome === 'timeout') {
      for (const ref of moduleRefs)
        out.push(
          at(
            ref,
            `importing '${ref.module}' took longer than ${formatMs(opts.timeoutMs)} (--import-timeout): move slow work into the handler function`,
          ),
        );
      return;
    }
    if (result.outcome === 'failed') {
      const where = locateFailure(result.error, result.stderr) ?? { file: path, line: 1, col: 1 };
      out.push({ ...where, severity: 'error', message: describeFailure(result.error) });
      return;
    }
    for (const ref of moduleRefs) {
      if (result.functions.includes(ref.exportName)) continue;
      if (result.exports.includes(ref.exportName)) {
        out.push(at(ref, `'${ref.exportName}' exported by '${ref.module}' is not a function`));
        continue;
      }
      const has = result.exports.length ? `it exports: ${result.exports.join(', ')}` : 'it has no exports';
      out.push(at(ref, `'${ref.module}' has no export '${ref.exportName}' (${has})`));
    }
  });
  return out;
}
