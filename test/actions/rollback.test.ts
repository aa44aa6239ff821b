// The run-partition action's rollback input, as the runner runs the bundle: on a
// data root that outlives the job (a self-hosted runner's disk), the partition's
// previous version is live again, pinned, and recorded.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pipewright } from '../support/cli.js';
import { tempRoots } from '../support/temp.js';
import { runBundle, turanmartWorkspace } from './bundle.js';

const tempRoot = tempRoots('pw-action-rollback-');
const DAG = 'turanmart_daily_sales';
const KEY = '2026-05-01';
const RAW = `raw/orders/dt=${KEY}/orders.csv`;
const GOLD = `gold/daily_sales/dt=${KEY}/daily_sales.csv`;

describe('run-partition with rollback: true', () => {
  it('restores the version the latest publish replaced, pins it and says so', () => {
    const ws = turanmartWorkspace();
    const dataRoot = tempRoot();
    fs.cpSync(path.join(ws, 'pipelines', DAG, 'data', RAW), path.join(dataRoot, RAW));
    const run = () => pipewright(ws, ['run', DAG, '--partition', KEY, '--data-root', dataRoot]);
    expect(run().status).toBe(0);
    const v1 = fs.readFileSync(path.join(dataRoot, GOLD), 'utf8');
    // A re-delivered export without its last line publishes a second version.
    const lines = fs.readFileSync(path.join(dataRoot, RAW), 'utf8').trimEnd().split('\n');
    fs.writeFileSync(path.join(dataRoot, RAW), `${lines.slice(0, -1).join('\n')}\n`);
    expect(run().status).toBe(0);
    expect(fs.readFileSync(path.join(dataRoot, GOLD), 'utf8')).not.toBe(v1);

    const result = runBundle('run-partition', ws, {
      pipeline: DAG,
      partitions: KEY,
      'data-root': dataRoot,
      reason: 'version 2 lost an order',
      trigger: 'manual',
      rollback: 'true',
      'state-branch': '',
    });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.outputs.status).toBe('success');
    expect(fs.readFileSync(path.join(dataRoot, GOLD), 'utf8')).toBe(v1);
    expect(result.summary).toContain('**Rolled back:**');
    const status = pipewright(ws, ['status', DAG, '--data-root', dataRoot, '--format', 'json']);
    const [row] = JSON.parse(status.stdout).partitions;
    expect(row).toMatchObject({ trigger: 'rollback', pinned: true, reason: 'version 2 lost an order' });
  });

  it('fails the partition with one line when nothing was published there', () => {
    const ws = turanmartWorkspace();
    const result = runBundle('run-partition', ws, {
      pipeline: DAG,
      partitions: KEY,
      'data-root': tempRoot(),
      rollback: 'true',
      'state-branch': '',
    });
    expect(result.status).toBe(1);
    expect(result.annotations.map((a) => a.message)).toContain(
      `${KEY}: not rolled back: ${DAG} ${KEY} has no published version to roll back`,
    );
  });
});
