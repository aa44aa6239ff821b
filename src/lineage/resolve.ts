// `from:` inputs across contracts: each must name a known pipeline and one of its
// outputs, and pipelines may not wait on each other in a cycle. An upstream is
// found among the contracts at hand, else in the sibling folder
// `<pipelines dir>/<dag_id>/pipeline.yml` (a pipeline folder's parent holds the others).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { checkContractText } from '../contract/check-file.js';
import { CONTRACT_FILE } from '../contract/discover.js';
import type { Diagnostic, Pipeline, UpstreamInput } from '../contract/model.js';
import { type ContractSource, parseContract } from '../contract/source.js';
import { didYouMean } from '../contract/suggest.js';

/** What is known of one dag id: its valid contract, or that its contract has errors. */
type Found = { pipeline: Pipeline } | { invalid: string } | undefined;

/** Looks pipelines up by dag id: first among `known`, then beside each pipeline's folder. */
export class PipelineFinder {
  private readonly found = new Map<string, Found>();

  constructor(known: readonly Pipeline[]) {
    for (const p of known) this.found.set(p.dagId, { pipeline: p });
  }

  /** The pipeline `dagId`, looked for beside `near` (the downstream pipeline). */
  find(dagId: string, near: Pipeline): Found {
    if (this.found.has(dagId)) return this.found.get(dagId);
    const file = join(dirname(near.dir), dagId, CONTRACT_FILE);
    let result: Found;
    if (/^[a-z][a-z0-9_]*$/.test(dagId) && existsSync(file)) {
      const checked = checkContractText(file, readFileSync(file));
      result = checked.pipeline ? { pipeline: checked.pipeline } : { invalid: file };
    }
    this.found.set(dagId, result);
    return result;
  }

  /** The dag ids of the folders beside `near`, for "did you mean". */
  siblings(near: Pipeline): string[] {
    const parent = dirname(near.dir);
    const names = readdirSync(parent, { withFileTypes: true })
      .filter((e) => e.isDirectory() && existsSync(join(parent, e.name, CONTRACT_FILE)))
      .map((e) => e.name);
    return [...new Set([...names, ...[...this.found.keys()].filter((id) => this.known(id))])].sort();
  }

  private known(dagId: string): boolean {
    const f = this.found.get(dagId);
    return f !== undefined && 'pipeline' in f;
  }
}

/**
 * Diagnostics at the `from:` of an input of `p`. Found across contracts, after each was read
 * without positions: the contract is parsed again with them on the first one (a rare path).
 */
function fromDiagnostics(p: Pipeline): (name: string, message: string) => Diagnostic {
  let source: ContractSource | undefined;
  return (name, message) => {
    try {
      source ??= parseContract(p.file, readFileSync(p.file, 'utf8'));
      return source.diagnostic(['inputs', name, 'from'], message);
    } catch {
      // Gone since it was read: the file's first line still names it.
      return { file: p.file, line: 1, col: 1, severity: 'error', message };
    }
  };
}

/**
 * The downstream-to-upstream path from `start` back to itself, e.g. [a, b, a] when a reads
 * b and b reads a; undefined when `start` is in no cycle.
 */
function cycleThrough(start: Pipeline, finder: PipelineFinder): string[] | undefined {
  const seen = new Set<string>();
  const walk = (p: Pipeline, path: string[]): string[] | undefined => {
    for (const ref of Object.values(p.from ?? {})) {
      if (ref.dagId === start.dagId) return [...path, ref.dagId];
      if (seen.has(ref.dagId)) continue;
      seen.add(ref.dagId);
      const found = finder.find(ref.dagId, p);
      if (found && 'pipeline' in found) {
        const cycle = walk(found.pipeline, [...path, ref.dagId]);
        if (cycle) return cycle;
      }
    }
    return undefined;
  };
  return walk(start, [start.dagId]);
}

/** Problems of `pipeline`'s `from:` inputs, each located at its `from:` value. */
export function lineageDiagnostics(pipeline: Pipeline, finder: PipelineFinder): Diagnostic[] {
  const out: Diagnostic[] = [];
  const located = fromDiagnostics(pipeline);
  for (const [name, ref] of Object.entries(pipeline.from ?? {})) {
    if (ref.dagId === pipeline.dagId) {
      out.push(
        located(
          name,
          `input '${name}' reads this pipeline's own output '${ref.output}': a partition cannot wait for itself; read an earlier stage inside the pipeline instead`,
        ),
      );
      continue;
    }
    const found = finder.find(ref.dagId, pipeline);
    if (!found) {
      const known = finder.siblings(pipeline).filter((id) => id !== pipeline.dagId);
      const list = known.length ? `known: ${known.join(', ')}` : `no other pipelines beside ${pipeline.dagId}`;
      out.push(
        located(
          name,
          `input '${name}' reads from unknown pipeline '${ref.dagId}'${didYouMean(ref.dagId, known)} (${list})`,
        ),
      );
      continue;
    }
    if ('invalid' in found) {
      out.push(
        located(
          name,
          `input '${name}' reads from pipeline '${ref.dagId}', whose contract has errors: run pipewright validate ${found.invalid}`,
        ),
      );
      continue;
    }
    const outputs = Object.keys(found.pipeline.outputs);
    if (!outputs.includes(ref.output)) {
      out.push(
        located(
          name,
          `pipeline '${ref.dagId}' has no output '${ref.output}'${didYouMean(ref.output, outputs)} (outputs: ${outputs.join(', ') || 'none'})`,
        ),
      );
    }
  }
  const cycle = out.length === 0 ? cycleThrough(pipeline, finder) : undefined;
  if (cycle) {
    const first = Object.entries(pipeline.from ?? {}).find(([, ref]) => ref.dagId === cycle[1]);
    if (first) {
      // Printed the way data flows: each pipeline feeds the next.
      const flow = [...cycle].reverse().join(' -> ');
      out.push(
        located(
          first[0],
          `pipelines wait on each other in a cycle: ${flow}; no partition of them could ever be planned — remove one from: input`,
        ),
      );
    }
  }
  return out;
}

/**
 * `pipeline` with each `from:` input filled from its upstream contract; an input fed by one
 * upstream partition per partition (same grain and time zone) also gets the upstream's path
 * template in `inputs`. Call after `lineageDiagnostics` found no error.
 */
export function resolveLineage(pipeline: Pipeline, finder: PipelineFinder): Pipeline {
  const entries = Object.entries(pipeline.from ?? {});
  if (entries.length === 0) return pipeline;
  const inputs = { ...pipeline.inputs };
  const from: Record<string, UpstreamInput> = {};
  for (const [name, ref] of entries) {
    const found = finder.find(ref.dagId, pipeline);
    if (!found || !('pipeline' in found)) throw new Error(`unresolved from: ${ref.dagId}.${ref.output}`);
    const up = found.pipeline;
    const path = up.outputs[ref.output]!;
    from[name] = { ...ref, upstream: { partition: up.partition, timezone: up.timezone, path, dir: up.dir } };
    if (up.partition === pipeline.partition && up.timezone === pipeline.timezone) inputs[name] = path;
  }
  return { ...pipeline, inputs, from };
}

/** Validates and resolves the lineage of several pipelines at once: the resolved ones and every problem. */
export function checkLineage(
  pipelines: readonly Pipeline[],
  finder = new PipelineFinder(pipelines),
): { pipelines: Pipeline[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const resolved: Pipeline[] = [];
  for (const p of pipelines) {
    const problems = lineageDiagnostics(p, finder);
    diagnostics.push(...problems);
    if (problems.length === 0) resolved.push(resolveLineage(p, finder));
  }
  diagnostics.push(...sharedRootCollisions(pipelines));
  return { pipelines: resolved, diagnostics };
}

/**
 * Outputs of different pipelines with one path template: harmless while each pipeline has its own
 * `data/` folder, but in a shared data root (a bucket on GitHub) one overwrites the other. A warning
 * at the later pipeline's output (by dag_id), naming the other.
 */
export function sharedRootCollisions(pipelines: readonly Pipeline[]): Diagnostic[] {
  const seen = new Map<string, { dagId: string; output: string }>();
  const out: Diagnostic[] = [];
  for (const p of [...pipelines].sort((a, b) => a.dagId.localeCompare(b.dagId))) {
    const clashes: Array<[string, { dagId: string; output: string }]> = [];
    for (const [name, template] of Object.entries(p.outputs)) {
      const key = posix.normalize(template.replace(/\{\{\s*([^}]*?)\s*\}\}/g, '{{$1}}'));
      const first = seen.get(key);
      if (first && first.dagId !== p.dagId) clashes.push([name, first]);
      else if (!first) seen.set(key, { dagId: p.dagId, output: name });
    }
    if (clashes.length === 0) continue;
    const source = parseContract(p.file, readFileSync(p.file, 'utf8'));
    for (const [name, first] of clashes)
      out.push(
        source.diagnostic(
          ['outputs', name],
          `output '${name}' has the same path as output '${first.output}' of ${first.dagId}: in a shared data root (--data-root, a bucket) one would overwrite the other; give it a folder of its own`,
          { severity: 'warning' },
        ),
      );
  }
  return out;
}
