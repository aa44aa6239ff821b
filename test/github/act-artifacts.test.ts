// End to end through nektos/act on this host: one job uploads a partition's
// report through ActionsArtifactSink into act's real artifact server, writes a
// summary and annotations; a second job (needs:) lists and downloads it back.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/contract/model.js';
import { markdownTable, mermaidBlock, SUMMARY_LIMIT_BYTES } from '../../src/github/summary.js';
import { type ActRun, createRepo, REPO_ROOT, runAct, storedArtifactFiles, TSX_IMPORT } from '../support/act.js';
import { scratchDir } from '../support/temp.js';

const NAME = 'pipewright-demo-2026-05-01';
const RERUN = 'pipewright-demo-2026-05-02';

const WORKFLOW = `name: demo
on: push
permissions:
  contents: read
jobs:
  produce:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - id: upload
        # The relay for act's wire quirks (docs/github.md); act ignores a job-level or GITHUB_ENV override.
        env: { ACTIONS_RESULTS_URL: "\${{ env.PIPEWRIGHT_ARTIFACT_PROXY }}" }
        run: node --import "$PW_TSX" "$PW_STEP" upload ${NAME} report quality_report.json quality_report.md daily_sales.csv nested/blob.bin
      - name: a second upload under the same name is refused
        env: { ACTIONS_RESULTS_URL: "\${{ env.PIPEWRIGHT_ARTIFACT_PROXY }}" }
        run: |
          if node --import "$PW_TSX" "$PW_STEP" upload ${NAME} report daily_sales.csv; then exit 1
          else echo "duplicate refused: exit $?"; fi
      - name: a name with a colon is refused before any upload
        env: { ACTIONS_RESULTS_URL: "\${{ env.PIPEWRIGHT_ARTIFACT_PROXY }}" }
        run: |
          node --import "$PW_TSX" "$PW_STEP" upload "${NAME}T06:00" report daily_sales.csv || echo "bad name refused: exit $?"
      - name: attempt 1 of another partition
        env: { ACTIONS_RESULTS_URL: "\${{ env.PIPEWRIGHT_ARTIFACT_PROXY }}" }
        run: node --import "$PW_TSX" "$PW_STEP" upload ${RERUN} report daily_sales.csv
      - name: a re-run (attempt 2) replaces the earlier attempt's artifact
        env: { ACTIONS_RESULTS_URL: "\${{ env.PIPEWRIGHT_ARTIFACT_PROXY }}", GITHUB_RUN_ATTEMPT: "2" }
        run: node --import "$PW_TSX" "$PW_STEP" upload ${RERUN} report quality_report.json
      - id: summary
        run: node --import "$PW_TSX" "$PW_STEP" summary summary.md ${NAME}
      - id: annotate
        run: |
          sed "s|@WORKSPACE@|$GITHUB_WORKSPACE|g" diagnostics.json > "$RUNNER_TEMP/diagnostics.json"
          node --import "$PW_TSX" "$PW_STEP" annotate "$RUNNER_TEMP/diagnostics.json"
  consume:
    needs: produce
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - id: list
        env: { ACTIONS_RESULTS_URL: "\${{ env.PIPEWRIGHT_ARTIFACT_PROXY }}" }
        run: node --import "$PW_TSX" "$PW_STEP" list pipewright-demo-
      - env: { ACTIONS_RESULTS_URL: "\${{ env.PIPEWRIGHT_ARTIFACT_PROXY }}" }
        run: |
          node --import "$PW_TSX" "$PW_STEP" download ${NAME} "$PW_DOWNLOAD_DIR/${NAME}"
          node --import "$PW_TSX" "$PW_STEP" download ${RERUN} "$PW_DOWNLOAD_DIR/${RERUN}"
      - env: { ACTIONS_RESULTS_URL: "\${{ env.PIPEWRIGHT_ARTIFACT_PROXY }}" }
        run: |
          node --import "$PW_TSX" "$PW_STEP" download pipewright-demo-2026-05-09 "$RUNNER_TEMP/none" || echo "missing refused: exit $?"
`;

function report(): Record<string, string | Buffer> {
  const rows = Array.from({ length: 400 }, (_, i) => `2026-05-01,region-${i % 7},${(i * 37.5).toFixed(2)},Алматы`);
  return {
    'report/quality_report.json': `${JSON.stringify({ dag_id: 'demo', partition: '2026-05-01', status: 'success' }, null, 2)}\n`,
    'report/quality_report.md': '# demo 2026-05-01\n\n| check | status |\n| --- | --- |\n| row_count | passed |\n',
    'report/daily_sales.csv': `ds,region,revenue,city\r\n${rows.join('\r\n')}\r\n`,
    'report/nested/blob.bin': crypto.randomBytes(70_000),
  };
}

function summaryMarkdown(): string {
  const head = `# demo run\n\n${mermaidBlock('graph LR\n  ingest --> validate --> publish')}\n`;
  const table = markdownTable(
    ['task', 'state', 'note'],
    Array.from({ length: 32_000 }, (_, i) => [`task_${i}`, 'success', 'a|b\nc']),
  );
  return head + table;
}

function diagnostics(): Diagnostic[] {
  return Array.from({ length: 12 }, (_, i) => ({
    file: '@WORKSPACE@/pipelines/demo/pipeline.yml',
    line: i + 3,
    col: 5,
    severity: 'error' as const,
    message: `tasks[${i}].upstream: unknown task "t${i}"`,
  }));
}

describe('GitHub edge inside act', () => {
  let run: ActRun;
  let repo: string;
  let downloadDir: string;

  beforeAll(async () => {
    repo = createRepo({
      '.github/workflows/demo.yml': WORKFLOW,
      'summary.md': summaryMarkdown(),
      'diagnostics.json': JSON.stringify(diagnostics()),
      ...report(),
    });
    downloadDir = scratchDir('pw-act-download-');
    run = await runAct({
      repo,
      workflow: '.github/workflows/demo.yml',
      artifacts: true,
      env: {
        PW_TSX: TSX_IMPORT,
        PW_STEP: path.join(REPO_ROOT, 'test', 'support', 'github-step.ts'),
        PW_DOWNLOAD_DIR: downloadDir,
      },
    });
  }, 120_000);

  it('runs both jobs green', () => {
    expect({ exit: run.exitCode, stderr: run.exitCode === 0 ? '' : run.stderr + run.output }).toEqual({
      exit: 0,
      stderr: '',
    });
    expect(run.jobResult('produce')).toBe('success');
    expect(run.jobResult('consume')).toBe('success');
  });

  it('stores the upload in act and gets back every file byte for byte in the next job', () => {
    expect(storedArtifactFiles(run.artifactDir, NAME)).toEqual([expect.stringMatching(new RegExp(`${NAME}\\.zip$`))]);
    expect(run.outputs('consume', 'list')).toEqual({ names: `${NAME} ${RERUN}` });
    for (const file of ['quality_report.json', 'quality_report.md', 'daily_sales.csv', 'nested/blob.bin']) {
      const original = fs.readFileSync(path.join(repo, 'report', file));
      const downloaded = fs.readFileSync(path.join(downloadDir, NAME, file));
      expect(downloaded.equals(original), file).toBe(true);
    }
    // Only act's known wire quirks were rewritten (see test/support/act-artifact-proxy.ts).
    expect(run.output).toContain(`no artifact named pipewright-demo-2026-05-09 in this run (found: ${NAME}, ${RERUN})`);
    expect(run.output).toContain('missing refused: exit 2');
    expect(run.proxyRewrites.every((r) => /^(dropped mime_type|re-padded sig)/.test(r))).toBe(true);
  });

  it('refuses a second upload of the same name and a name with a banned character, teaching why', () => {
    expect(run.output).toContain(`artifact ${NAME} already exists in this run`);
    expect(run.output).toContain('duplicate refused: exit 2');
    expect(run.output).toMatch(/contains colon : at position \d+\. GitHub refuses/);
    expect(run.output).toContain(`"${NAME}T06-00"`);
    expect(run.output).toContain('bad name refused: exit 2');
  });

  it('lets a re-run attempt replace the report its failed attempt uploaded', () => {
    expect(fs.readdirSync(path.join(downloadDir, RERUN))).toEqual(['quality_report.json']);
    // act would overwrite anyway; GitHub needs the delete, so assert it was asked for, once.
    expect(run.artifactCalls.filter((c) => c.endsWith('/DeleteArtifact'))).toHaveLength(1);
    expect(storedArtifactFiles(run.artifactDir, RERUN)).toEqual([expect.stringMatching(/\.zip$/)]);
  });

  it('writes a summary act sees, cut under the 1 MiB limit with a pointer to the artifact', () => {
    const summary = run.summary('produce', 'summary');
    expect(summary.startsWith('# demo run\n\n```mermaid\ngraph LR')).toBe(true);
    expect(summary).toContain('| task_0 | success | a\\|b<br>c |');
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
    expect(summary).toContain(`The full report is in the artifact \`${NAME}\``);
    expect(run.outputs('produce', 'summary')).toEqual({ 'summary-truncated': 'true' });
  });

  it('annotates the first 10 contract errors at their lines and lists all 12 in the summary', () => {
    const annotations = run.annotations('produce').filter((a) => a.properties.title?.startsWith('pipewright'));
    expect(annotations).toHaveLength(10);
    expect(annotations[0]).toEqual({
      level: 'error',
      message: 'tasks[0].upstream: unknown task "t0"',
      properties: { file: 'pipelines/demo/pipeline.yml', line: '3', col: '5', title: 'pipewright: contract error' },
    });
    const listed = run.summary('produce', 'annotate');
    expect(listed).toContain('2 of 12 problems are not annotated');
    expect(listed).toContain('| pipelines/demo/pipeline.yml:14:5 | error | tasks[11].upstream: unknown task "t11" |');
    expect(run.outputs('produce', 'annotate')).toEqual({ omitted: '2' });
  });
});
