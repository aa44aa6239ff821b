import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../contract/model.js';
import { annotateDiagnostics, annotateTaskError, diagnosticsMarkdown, workspacePath } from './annotations.js';

/** What @actions/core writes to stdout: the workflow commands the runner turns into annotations. */
function commandsWritten(run: () => void): string[] {
  const lines: string[] = [];
  const original = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    return true;
  }) as typeof process.stdout.write;
  try {
    run();
  } finally {
    process.stdout.write = original;
  }
  return lines;
}

const workspace = path.join(path.sep, 'home', 'runner', 'work', 'data');
const file = path.join(workspace, 'pipelines', 'turanmart_daily_sales', 'pipeline.yml');

function diag(severity: Diagnostic['severity'], line: number, message = `problem ${line}`): Diagnostic {
  return { file, line, col: 3, severity, message };
}

describe('annotateDiagnostics', () => {
  it('annotates the exact file, line and column relative to the checkout', () => {
    const lines = commandsWritten(() =>
      annotateDiagnostics([diag('error', 14, 'tasks[2].upstream: unknown task "lod_orders"')], { workspace }),
    );
    expect(lines).toEqual([
      '::error title=pipewright%3A contract error,file=pipelines/turanmart_daily_sales/pipeline.yml,line=14,col=3::tasks[2].upstream: unknown task "lod_orders"',
    ]);
  });

  it('emits the first 10 errors and 10 warnings and counts the rest for the summary', () => {
    const diagnostics = [
      ...Array.from({ length: 13 }, (_, i) => diag('error', i + 1)),
      ...Array.from({ length: 11 }, (_, i) => diag('warning', 100 + i)),
    ];
    let outcome = annotateDiagnostics([], { workspace });
    const lines = commandsWritten(() => {
      outcome = annotateDiagnostics(diagnostics, { workspace });
    });
    expect(lines.filter((l) => l.startsWith('::error ')).length).toBe(10);
    expect(lines.filter((l) => l.startsWith('::warning ')).length).toBe(10);
    expect(lines.some((l) => l.includes('line=11,'))).toBe(false);
    expect(outcome).toEqual({ errors: 10, warnings: 10, omittedErrors: 3, omittedWarnings: 1 });

    const md = diagnosticsMarkdown(diagnostics, outcome, workspace);
    expect(md).toContain('4 of 24 problems are not annotated');
    expect(md).toContain('| pipelines/turanmart_daily_sales/pipeline.yml:13:3 | error | problem 13 |');
    expect(md.trim().split('\n')).toHaveLength(2 + 2 + 24);
  });

  it('escapes newlines and percent signs so a message stays one annotation', () => {
    const lines = commandsWritten(() => annotateDiagnostics([diag('warning', 2, '50% of\nrows')], { workspace }));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/::50%25 of%0Arows$/);
  });
});

describe('workspacePath', () => {
  it('keeps files outside the checkout absolute and relative paths as given', () => {
    expect(workspacePath('/etc/pipeline.yml', workspace)).toBe('/etc/pipeline.yml');
    expect(workspacePath('pipelines/x/pipeline.yml', workspace)).toBe('pipelines/x/pipeline.yml');
  });
});

describe('annotateTaskError', () => {
  it("annotates a located handler error on the user's file and line, with its frames", () => {
    const error = [
      "pipelines/sessions/tasks/sessionize.ts:2:17: Cannot read properties of undefined (reading 'minutes')",
      '    at sessionize (pipelines/sessions/tasks/sessionize.ts:2:17)',
      '    at buildSessions (pipelines/sessions/tasks/build_sessions.ts:7:3)',
    ].join('\n');
    const lines = commandsWritten(() => annotateTaskError('build_sessions', '2026-05-01', error, { workspace }));
    expect(lines).toEqual([
      '::error title=pipewright%3A build_sessions failed,file=pipelines/sessions/tasks/sessionize.ts,line=2,col=17::' +
        "2026-05-01: task build_sessions failed: Cannot read properties of undefined (reading 'minutes')%0A" +
        '    at sessionize (pipelines/sessions/tasks/sessionize.ts:2:17)%0A' +
        '    at buildSessions (pipelines/sessions/tasks/build_sessions.ts:7:3)',
    ]);
  });

  it('annotates an error without a place on the run, with its cause', () => {
    expect(commandsWritten(() => annotateTaskError('t', '2026-05-01', 'timed out after 15m', { workspace }))).toEqual([
      '::error title=pipewright%3A t failed::2026-05-01: task t failed: timed out after 15m',
    ]);
  });
});
