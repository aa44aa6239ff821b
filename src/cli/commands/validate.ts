// `pipewright validate [PATH ...]`: every problem in the contracts and their
// handler modules, one located line each, then a summary. Exit 0 clean
// (warnings allowed), 1 with any error, 2 for bad flags or paths.
import { checkCallers } from '../../contract/callers.js';
import { MAX_DURATION_MS, parseDuration } from '../../contract/duration.js';
import { displayPath, formatDiagnostic } from '../../contract/format.js';
import { findRepoRoot } from '../../contract/imports/repo-root.js';
import { DEFAULT_IMPORT_TIMEOUT_MS, validatePaths } from '../../contract/load.js';
import { UsageError } from '../../errors.js';
import { toJsonText } from '../../json.js';
import { escapeLogText } from '../../log.js';
import { oneOf, parseFlags } from '../args.js';
import type { CliContext } from '../context.js';

const USAGE = `usage: pipewright validate [PATH ...] [options]

Checks pipeline contracts (PATH: a pipeline.yml or a folder searched for them; default pipelines/),
and the repository's callers of pipewright.yml in .github/workflows (pipeline, schedule, permissions).

options:
  --import-timeout DURATION  budget for importing one handler module (default 5s)
  --no-imports               skip importing handler modules
  --no-callers               skip checking the workflows that call pipewright.yml
  --format text|json         output format (default text)
`;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export async function validateCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseFlags(
    args,
    {
      'import-timeout': { type: 'string' },
      'no-imports': { type: 'boolean' },
      'no-callers': { type: 'boolean' },
      format: { type: 'string' },
    },
    USAGE,
  );
  if (values.help) {
    ctx.stdout.write(USAGE);
    return 0;
  }
  const format = oneOf(values.format, ['text', 'json'] as const, 'format', 'text');
  const rawTimeout = values['import-timeout'];
  const importTimeoutMs = typeof rawTimeout === 'string' ? parseDuration(rawTimeout) : DEFAULT_IMPORT_TIMEOUT_MS;
  if (importTimeoutMs === undefined || importTimeoutMs <= 0 || importTimeoutMs > MAX_DURATION_MS)
    throw new UsageError(
      `--import-timeout must be a duration like 5s or 500ms, at most 24.8 days (got '${String(rawTimeout)}')`,
    );

  const paths = positionals.length ? positionals : ['pipelines'];
  const { files, pipelines, diagnostics } = await validatePaths(paths, {
    importTimeoutMs,
    checkImports: !values['no-imports'],
    cwd: ctx.cwd,
  });
  if (!values['no-callers'])
    diagnostics.push(...(await checkCallers(findRepoRoot(ctx.cwd), { files, pipelines })).diagnostics);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;

  if (format === 'json') {
    const report = {
      contracts: files.map((f) => displayPath(f, ctx.cwd)),
      valid: pipelines.map((p) => p.dagId),
      errors,
      warnings,
      diagnostics: diagnostics.map((d) => ({ ...d, file: displayPath(d.file, ctx.cwd) })),
    };
    ctx.stdout.write(toJsonText(report));
  } else {
    // Messages quote contract values, which may hold a newline: no line may start a workflow command.
    for (const d of diagnostics) ctx.stdout.write(`${escapeLogText(formatDiagnostic(d, ctx.cwd))}\n`);
    ctx.stdout.write(
      `${plural(files.length, 'pipeline')}, ${plural(errors, 'error')}, ${plural(warnings, 'warning')}\n`,
    );
  }
  return errors > 0 ? 1 : 0;
}
