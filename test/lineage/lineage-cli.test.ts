// Pipelines that depend on pipelines, through the real CLI: `from:` errors are located,
// a downstream partition waits (plans nothing, exits 0) until its upstream partition is
// published, becomes stale when that partition is published again, and the TuranMart
// pair produces the expected gold both in a shared data root and in each pipeline's own.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pipewright, REPO_ROOT } from '../support/cli.js';
import { tempRoots } from '../support/temp.js';

const temp = tempRoots('pw-lineage-');
const UP = 'turanmart_daily_sales';
const DOWN = 'turanmart_region_inventory_risk';
const DAYS = ['2026-05-01', '2026-05-02', '2026-05-03'];
const gold = (ds: string) => `gold/region_inventory_risk/dt=${ds}/region_inventory_risk.csv`;
const expected = (ds: string) => readFileSync(join(REPO_ROOT, 'pipelines', DOWN, 'expected', gold(ds)), 'utf8');

function contract(dagId: string, extra: string): string {
  return [
    `dag_id: ${dagId}`,
    'description: A lineage test pipeline.',
    'owner: tests',
    'tags: [fixture]',
    'partition: daily',
    'start_date: 2026-05-01',
    extra,
    'outputs:',
    `  table: out/${dagId}/{{ ds }}/table.csv`,
    'tasks:',
    '  - id: build',
    '    command: [echo, "{{ ds }}"]',
    '',
  ].join('\n');
}

function pipelinesWith(contracts: Record<string, string>): string {
  const cwd = temp();
  for (const [dagId, text] of Object.entries(contracts)) {
    mkdirSync(join(cwd, 'pipelines', dagId), { recursive: true });
    writeFileSync(join(cwd, 'pipelines', dagId, 'pipeline.yml'), text);
  }
  return cwd;
}

describe('validate: from: across contracts', () => {
  it('locates an unknown pipeline with a suggestion, and an unknown output with the known ones', () => {
    const cwd = pipelinesWith({
      orders: contract('orders', ''),
      report: contract('report', 'inputs:\n  orders:\n    from: order.table\n  more:\n    from: orders.tabl'),
    });
    const result = pipewright(cwd, ['validate', '--no-imports']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      "pipelines/report/pipeline.yml:9:11: error: input 'orders' reads from unknown pipeline 'order' (did you mean 'orders'?) (known: orders)\n",
    );
    expect(result.stdout).toContain(
      "pipelines/report/pipeline.yml:11:11: error: pipeline 'orders' has no output 'tabl' (did you mean 'table'?) (outputs: table)\n",
    );
  });

  it('refuses pipelines that wait on each other, validating one of them alone', () => {
    const cwd = pipelinesWith({
      a: contract('a', 'inputs:\n  b_table:\n    from: b.table'),
      b: contract('b', 'inputs:\n  a_table:\n    from: a.table'),
    });
    const result = pipewright(cwd, ['validate', '--no-imports', 'pipelines/a']);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      'pipelines/a/pipeline.yml:9:11: error: pipelines wait on each other in a cycle: a -> b -> a; no partition of them could ever be planned — remove one from: input\n' +
        '1 pipeline, 1 error, 0 warnings\n',
    );
    // Commands that load the pipeline refuse it the same way, without a stack trace.
    const plan = pipewright(cwd, ['plan', 'b']);
    expect(plan.status).toBe(2);
    expect(plan.stderr).toContain(
      'pipelines/b/pipeline.yml:9:11: error: pipelines wait on each other in a cycle: b -> a -> b;',
    );
    expect(plan.stderr).not.toMatch(/\n\s+at /);
  });

  it('warns when two pipelines write one path, which a shared data root would overwrite', () => {
    const cwd = pipelinesWith({
      a: contract('a', '').replace('out/a/', 'out/shared/'),
      b: contract('b', '').replace('out/b/', 'out/shared/'),
    });
    const result = pipewright(cwd, ['validate', '--no-imports']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      "pipelines/b/pipeline.yml:9:10: warning: output 'table' has the same path as output 'table' of a: in a shared data root (--data-root, a bucket) one would overwrite the other; give it a folder of its own\n" +
        '2 pipelines, 0 errors, 1 warning\n',
    );
  });

  it('refuses a from: value that is not <dag_id>.<output>', () => {
    const cwd = pipelinesWith({ a: contract('a', 'inputs:\n  x:\n    from: just_a_name') });
    const result = pipewright(cwd, ['validate', '--no-imports']);
    expect(result.stdout).toContain(
      "pipelines/a/pipeline.yml:9:11: error: inputs.x.from: 'just_a_name' is not <dag_id>.<output>, e.g. turanmart_daily_sales.daily_sales\n",
    );
  });
});

describe('graph --all', () => {
  it('draws both TuranMart pipelines and the lineage between them, in Mermaid and dot', () => {
    const mermaid = pipewright(REPO_ROOT, ['graph', '--all']);
    expect(mermaid.status, mermaid.stderr).toBe(0);
    expect(mermaid.stdout).toContain(`  subgraph ${DOWN}["${DOWN}"]\n`);
    expect(mermaid.stdout).toContain(`  ${UP} ==>|daily_sales| ${DOWN}\n`);
    // Upstream first, whatever the folder order.
    expect(mermaid.stdout.indexOf(`subgraph ${UP}`)).toBeLessThan(mermaid.stdout.indexOf(`subgraph ${DOWN}`));
    const dot = pipewright(REPO_ROOT, ['graph', '--all', '--format', 'dot']);
    expect(dot.status, dot.stderr).toBe(0);
    expect(dot.stdout).toContain(`lhead="cluster_${DOWN}"`);
    expect(dot.stdout).toContain('label="daily_sales"];');
  });
});

/** A data root holding both pipelines' raw samples. */
function sharedRoot(): string {
  const root = temp();
  for (const dag of [UP, DOWN])
    cpSync(join(REPO_ROOT, 'pipelines', dag, 'data', 'raw'), join(root, 'raw'), { recursive: true });
  return root;
}

describe('the TuranMart pair', () => {
  it('waits for daily sales, then publishes the expected gold, and replans a day whose sales were republished', () => {
    const root = sharedRoot();
    const run = (args: string[]) => pipewright(REPO_ROOT, [...args, '--data-root', root]);

    const early = run(['backfill', DOWN, '--start', DAYS[0]!, '--end', DAYS[2]!, '--reason', 'too early']);
    expect(early.status, early.stderr).toBe(0);
    expect(early.stdout).toContain(`${DOWN}: backfill: nothing to run\n`);
    expect(early.stdout).toContain(`  2026-05-03 waits for ${UP} 2026-05-03\n`);

    // A manual run of a waiting partition is refused before anything is written.
    const manual = run(['run', DOWN, '--partition', DAYS[0]!]);
    expect(manual.status).toBe(1);
    expect(manual.stderr).toBe(
      `pipewright run: ${DOWN} 2026-05-01 waits for ${UP} 2026-05-01, not published under ${root}: run the upstream partition first (or the same data root it publishes into); nothing was run\n`,
    );
    expect(readdirSync(root)).toEqual(['raw']);

    const upstream = run(['backfill', UP, '--start', DAYS[0]!, '--end', DAYS[1]!, '--reason', 'first load']);
    expect(upstream.status, upstream.stderr).toBe(0);
    // One task in a scratch root reads the published upstream file and never writes beside it.
    const salesGold = join(root, 'gold/daily_sales/dt=2026-05-01/daily_sales.csv');
    const salesBytes = readFileSync(salesGold);
    const task = run(['test', DOWN, 'build_region_inventory_risk', '--partition', DAYS[0]!]);
    expect(task.status, task.stderr).toBe(0);
    expect(task.stdout).toContain('wrote region_inventory_risk: gold/region_inventory_risk/dt=2026-05-01/');
    expect(readFileSync(salesGold).equals(salesBytes)).toBe(true);

    const down = run(['backfill', DOWN, '--start', DAYS[0]!, '--end', DAYS[2]!, '--reason', 'first load']);
    expect(down.status, down.stderr).toBe(0);
    expect(down.stdout).toContain(`${DOWN}: backfill of 2 partitions: 2 ok, 0 failed`);
    expect(down.stdout).toContain(`waiting: 2026-05-03 waits for ${UP} 2026-05-03\n`);
    for (const ds of DAYS.slice(0, 2)) expect(readFileSync(join(root, gold(ds)), 'utf8')).toBe(expected(ds));

    const fix = run([
      'backfill',
      UP,
      '--start',
      DAYS[1]!,
      '--end',
      DAYS[2]!,
      '--reprocess',
      'completed',
      '--reason',
      'fix',
    ]);
    expect(fix.status, fix.stderr).toBe(0);
    const plan = run(['plan', DOWN, '--now', '2026-05-04T09:00', '--format', 'json']);
    expect(plan.status, plan.stderr).toBe(0);
    const json = JSON.parse(plan.stdout) as { partitions: Array<{ key: string; reason: string }>; waiting?: unknown };
    expect(json.partitions.map((p) => [p.key, p.reason])).toEqual([
      ['2026-05-02', 'upstream_changed'],
      ['2026-05-03', 'missing'],
    ]);
    expect(json.waiting).toBeUndefined();
    const status = run(['status', DOWN]);
    expect(status.status, status.stderr).toBe(0);
    expect(status.stdout).toContain(
      `stale: 1 partition (the next tick runs it again):\n  2026-05-02  ${UP} 2026-05-02 published again since it ran\n`,
    );
  });
});

describe('expect', () => {
  it("checks the risk pipeline's expected gold with daily sales taken from the upstream's expected/ folder", () => {
    const result = pipewright(REPO_ROOT, ['expect', DOWN]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('3 expected files, 3 match, 0 differ');
  });
});

// Handlers import csv-parse from the repository's node_modules: the copy lives inside it.
const scratch = join(REPO_ROOT, '.tmp');
const copies: string[] = [];
afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

describe('default data roots', () => {
  it("reads daily sales from the upstream pipeline's own data/ folder", () => {
    mkdirSync(scratch, { recursive: true });
    const cwd = mkdtempSync(join(scratch, 'pw-lineage-'));
    copies.push(cwd);
    for (const dag of [UP, DOWN]) {
      for (const part of ['pipeline.yml', 'tasks', 'data/raw'])
        cpSync(join(REPO_ROOT, 'pipelines', dag, part), join(cwd, 'pipelines', dag, part), { recursive: true });
    }
    const up = pipewright(cwd, ['run', UP, '--date', DAYS[2]!]);
    expect(up.status, up.stderr).toBe(0);
    const down = pipewright(cwd, ['run', DOWN, '--date', DAYS[2]!]);
    expect(down.status, down.stderr).toBe(0);
    expect(readFileSync(join(cwd, 'pipelines', DOWN, 'data', gold(DAYS[2]!)), 'utf8')).toBe(expected(DAYS[2]!));
  });
});
