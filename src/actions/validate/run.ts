// The validate action: every contract checked (schema, DAG, policy, handler
// imports), each problem annotated at its file:line:col, and a summary with one
// row per pipeline, every problem, the contract diff of a pull request and each
// DAG as a Mermaid diagram.
import { glob, readFile } from 'node:fs/promises';
import path from 'node:path';
import { checkCallers } from '../../contract/callers.js';
import type { EarlyProbe } from '../../contract/imports/probe.js';
import { DEFAULT_IMPORT_TIMEOUT_MS, validatePaths } from '../../contract/load.js';
import type { Diagnostic, Pipeline } from '../../contract/model.js';
import { parseContract } from '../../contract/source.js';
import { UsageError } from '../../errors.js';
import { annotateDiagnostics, diagnosticsMarkdown } from '../../github/annotations.js';
import * as core from '../../github/core.js';
import { markdownTable, mermaidBlock, writeJobSummary } from '../../github/summary.js';
import { toMermaid } from '../../graph/render.js';
import { INPUT, OUTPUT, readBoolean, readDuration, readString, setOutput } from '../common/inputs.js';
import { runAction } from '../common/run.js';
import { shown, workspaceDir } from '../common/workspace.js';
import { type BaseDiffs, diffAgainstBase } from './base-diff.js';

interface ValidateInputs {
  workspace: string;
  /** Folders, files or globs, relative to the workspace. */
  patterns: string[];
  importTimeoutMs: number;
  failOnWarnings: boolean;
  /** The pull request's base branch (or the `base-ref` input); empty outside a pull request. */
  baseRef: string;
}

function readInputs(): ValidateInputs {
  const patterns = readString(INPUT.pipelines, { fallback: 'pipelines' })
    .split('\n')
    .map((p) => p.trim())
    .filter(Boolean);
  return {
    workspace: workspaceDir(),
    patterns,
    importTimeoutMs: readDuration(INPUT.importTimeout, DEFAULT_IMPORT_TIMEOUT_MS),
    failOnWarnings: readBoolean(INPUT.failOnWarnings, false),
    baseRef: readString(INPUT.baseRef) || (process.env.GITHUB_BASE_REF ?? ''),
  };
}

const GLOB = /[*?[{]/;

/** Globs expanded against the workspace; folders and files passed through for discovery. */
async function expand(patterns: string[], workspace: string): Promise<string[]> {
  const paths: string[] = [];
  for (const pattern of patterns) {
    if (!GLOB.test(pattern)) {
      paths.push(pattern);
      continue;
    }
    const before = paths.length;
    for await (const match of glob(pattern, { cwd: workspace })) paths.push(match);
    if (paths.length === before) throw new UsageError(`input 'pipelines': no file matches ${JSON.stringify(pattern)}`);
  }
  return paths;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function statusOf(file: string, diagnostics: readonly Diagnostic[]): string {
  const mine = diagnostics.filter((d) => d.file === file);
  const errors = mine.filter((d) => d.severity === 'error').length;
  const warnings = mine.length - errors;
  if (errors) return `❌ ${plural(errors, 'error')}${warnings ? `, ${plural(warnings, 'warning')}` : ''}`;
  if (warnings) return `⚠️ ${plural(warnings, 'warning')}`;
  return '✅ valid';
}

/** What a contract with errors still says (owner, schedule, tasks), read leniently for its summary row. */
async function whatParsed(
  file: string,
): Promise<Pick<Pipeline, 'owner' | 'schedule' | 'timezone'> & { tasks: number }> {
  const data = await readFile(file, 'utf8').then(
    (text) => parseContract(file, text).data,
    () => undefined,
  );
  // Not even a mapping (unreadable, or YAML that is not a contract): nothing to show.
  if (typeof data !== 'object' || data === null) return { owner: '', schedule: '', timezone: '', tasks: 0 };
  const record = data as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return {
    owner: text(record.owner) ?? '',
    schedule: text(record.schedule),
    timezone: text(record.timezone) ?? 'UTC',
    tasks: Array.isArray(record.tasks) ? record.tasks.length : 0,
  };
}

async function pipelinesTable(
  files: string[],
  pipelines: Pipeline[],
  diagnostics: Diagnostic[],
  workspace: string,
): Promise<string> {
  const byFile = new Map(pipelines.map((p) => [p.file, p]));
  const rows: Array<Array<string | number>> = [];
  for (const file of files) {
    const valid = byFile.get(file);
    const p = valid ? { ...valid, tasks: valid.tasks.length } : await whatParsed(file);
    rows.push([
      valid?.dagId ?? path.basename(path.dirname(file)),
      p.owner,
      p.schedule === '' ? '' : `${p.schedule ?? 'manual only'} (${p.timezone})`,
      p.tasks || '',
      statusOf(file, diagnostics),
      shown(file, workspace),
    ]);
  }
  return markdownTable(['Pipeline', 'Owner', 'Schedule', 'Tasks', 'Status', 'Contract'], rows, [
    'left',
    'left',
    'left',
    'right',
  ]);
}

function diffMarkdown(diffs: BaseDiffs): string {
  const lines = [`## Changes against \`${diffs.ref}\``, ''];
  if (diffs.unavailable) return `${lines.join('\n')}${diffs.unavailable}\n`;
  const changed = diffs.diffs.filter((d) => d.status !== 'unchanged');
  if (!changed.length) return `${lines.join('\n')}No contract changes.\n`;
  for (const diff of changed) {
    if (diff.status === 'added' || diff.status === 'removed') {
      lines.push(`- \`${diff.dagId}\`: pipeline ${diff.status}`);
      continue;
    }
    lines.push(`- \`${diff.dagId}\`: ${plural(diff.changes.length, 'change')}`);
  }
  lines.push('');
  for (const diff of changed.filter((d) => d.status === 'changed')) {
    lines.push(`### \`${diff.dagId}\``, '');
    lines.push(
      markdownTable(
        ['Setting', 'Base', 'Pull request'],
        diff.changes.map((c) => [c.field, c.before ?? '(none)', c.after ?? '(removed)']),
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** `early`: the import process the entry started (early-probe.ts), if it did. */
export async function runValidateAction(early?: EarlyProbe): Promise<void> {
  await runAction('validate', async () => {
    const inputs = readInputs();
    const paths = await expand(inputs.patterns, inputs.workspace);
    const result = await core.group('Validate contracts', async () => {
      // The repository's callers of pipewright.yml, against these contracts (located in the workflow files),
      // checked while the handlers are imported.
      let callers: ReturnType<typeof checkCallers> | undefined;
      const r = await validatePaths(paths, {
        importTimeoutMs: inputs.importTimeoutMs,
        cwd: inputs.workspace,
        ...(early ? { early } : {}),
        onContracts: (checked) => {
          callers = checkCallers(inputs.workspace, checked);
          callers.catch(() => {}); // awaited below
        },
      });
      core.info(`${plural(r.files.length, 'contract')}: ${r.files.map((f) => shown(f, inputs.workspace)).join(', ')}`);
      // validatePaths tells onContracts before it returns.
      r.diagnostics.push(...(await callers!).diagnostics);
      return r;
    });
    const { files, pipelines, diagnostics } = result;
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = diagnostics.length - errors;
    const outcome = annotateDiagnostics(diagnostics, { workspace: inputs.workspace });
    // The counts are final here: set them before the summary, which a later step never reads.
    setOutput(OUTPUT.pipelineCount, files.length);
    setOutput(OUTPUT.pipelines, files.length); // the name before v1's one vocabulary
    setOutput(OUTPUT.errors, errors);
    setOutput(OUTPUT.warnings, warnings);

    const diffs = inputs.baseRef
      ? await core.group(`Diff contracts against ${inputs.baseRef}`, () =>
          diffAgainstBase(inputs.baseRef, files, pipelines, inputs.patterns, inputs.workspace),
        )
      : undefined;

    const md = [
      '# pipewright validate',
      '',
      `${plural(files.length, 'pipeline')}, ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`,
      '',
      '## Pipelines',
      '',
      await pipelinesTable(files, pipelines, diagnostics, inputs.workspace),
      '## Problems',
      '',
      diagnosticsMarkdown(diagnostics, outcome, inputs.workspace),
      diffs ? diffMarkdown(diffs) : '',
      pipelines.length ? '## DAGs\n' : '',
      ...pipelines.map((p) => `### \`${p.dagId}\`\n\n${mermaidBlock(toMermaid(p))}`),
    ].join('\n');
    await writeJobSummary(md);

    if (errors > 0)
      core.setFailed(`pipewright validate: ${plural(errors, 'error')} in the contracts (see the annotations)`);
    else if (warnings > 0 && inputs.failOnWarnings)
      core.setFailed(`pipewright validate: ${plural(warnings, 'warning')} and fail-on-warnings is true`);
    else core.info(`${plural(files.length, 'pipeline')} valid, ${plural(warnings, 'warning')}`);
  });
}
