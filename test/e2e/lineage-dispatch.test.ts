// Pipelines that depend on pipelines, on GitHub: both TuranMart pipelines share a
// data root in a bucket (versitygw). A backfill of daily sales ends with its report
// job dispatching the region inventory risk workflow for the days it published
// (recorded by the GitHub API stand-in: act does not act on API dispatches); the
// test then runs that dispatch in act, and the downstream gold matches expected/.
import fs from 'node:fs';
import path from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ActRun, REPO_ROOT } from '../support/act.js';
import type { RecordedRequest } from '../support/github-api-server.js';
import { s3ClientFor, startVersitygw, type Versitygw } from '../support/versitygw.js';
import { createShopRepo, DAG, logOf, runCaller } from './harness.js';

const DOWNSTREAM = 'turanmart_region_inventory_risk';
const DAYS = ['2026-05-01', '2026-05-02', '2026-05-03'];
const BUCKET = 'turanmart-lake';
const PREFIX = 'shared';
const UPSTREAM_CALLER = '.github/workflows/daily-sales-lake.yml';
const DOWNSTREAM_CALLER = '.github/workflows/region-risk-lake.yml';

/** A caller of the orchestrator for `pipeline`, its data root the shared bucket, keys from secrets. */
function lakeCaller(pipeline: string, server: Versitygw): string {
  return `name: ${pipeline}-lake
on:
  workflow_dispatch:
    inputs:
      start: { type: string, required: true }
      end: { type: string, required: true }
      reprocess: { type: string, default: failed }
      reason: { type: string, required: true }
permissions: {}
jobs:
  orchestrate:
    uses: pipewright/pipewright/.github/workflows/pipewright.yml@v1
    permissions:
      contents: write
      actions: write
      issues: write
      id-token: write
    with:
      pipeline: ${pipeline}
      mode: backfill
      start: \${{ inputs.start }}
      end: \${{ inputs.end }}
      reprocess: \${{ inputs.reprocess }}
      reason: \${{ inputs.reason }}
      data-root: s3://${BUCKET}/${PREFIX}
      s3-endpoint: ${server.endpoint}
      aws-region: ${server.env.AWS_REGION}
    secrets:
      AWS_ACCESS_KEY_ID: \${{ secrets.LAKE_ACCESS_KEY_ID }}
      AWS_SECRET_ACCESS_KEY: \${{ secrets.LAKE_SECRET_ACCESS_KEY }}
`;
}

/** Every file of a folder under `prefix`, for the shop's commit. */
function filesOf(dir: string, prefix: string): Record<string, Buffer> {
  const files: Record<string, Buffer> = {};
  for (const rel of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (fs.statSync(path.join(dir, rel)).isFile())
      files[path.posix.join(prefix, rel)] = fs.readFileSync(path.join(dir, rel));
  }
  return files;
}

describe('an upstream backfill in act dispatches its downstream pipeline over a shared bucket', () => {
  let server: Versitygw;
  let upstream: ActRun;
  let dispatch: RecordedRequest | undefined;
  let downstream: ActRun;

  beforeAll(async () => {
    server = await startVersitygw({ buckets: [BUCKET] });
    const client = s3ClientFor(server);
    for (const day of DAYS) {
      for (const [dag, raw] of [
        [DAG, `raw/orders/dt=${day}/orders.csv`],
        [DOWNSTREAM, `raw/product_snapshot/dt=${day}/products.csv`],
      ] as const) {
        const body = fs.readFileSync(path.join(REPO_ROOT, 'pipelines', dag, 'data', raw));
        await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: `${PREFIX}/${raw}`, Body: body }));
      }
    }
    client.destroy();
    const source = path.join(REPO_ROOT, 'pipelines', DOWNSTREAM);
    const shop = createShopRepo({
      ...Object.fromEntries(
        ['pipeline.yml', 'runbook.md'].map((f) => [
          `pipelines/${DOWNSTREAM}/${f}`,
          fs.readFileSync(path.join(source, f)),
        ]),
      ),
      ...filesOf(path.join(source, 'tasks'), `pipelines/${DOWNSTREAM}/tasks`),
      [UPSTREAM_CALLER]: lakeCaller(DAG, server),
      [DOWNSTREAM_CALLER]: lakeCaller(DOWNSTREAM, server),
    });
    const secrets = {
      LAKE_ACCESS_KEY_ID: server.env.AWS_ACCESS_KEY_ID!,
      LAKE_SECRET_ACCESS_KEY: server.env.AWS_SECRET_ACCESS_KEY!,
    };
    const first = await runCaller(
      shop,
      { event: 'workflow_dispatch', inputs: { start: DAYS[0]!, end: DAYS[2]!, reason: 'reload from the lake' } },
      UPSTREAM_CALLER,
      {},
      secrets,
    );
    upstream = first.run;
    dispatch = first.api.requests.find((r) => r.method === 'POST' && r.path.endsWith('/dispatches'));
    const inputs = ((dispatch?.body ?? {}) as { inputs?: Record<string, string> }).inputs ?? {};
    ({ run: downstream } = await runCaller(
      shop,
      { event: 'workflow_dispatch', inputs },
      DOWNSTREAM_CALLER,
      {},
      secrets,
    ));
  }, 400_000);

  afterAll(async () => {
    await server?.stop();
  });

  it("publishes the upstream's three days and dispatches the downstream workflow for them", () => {
    expect(upstream.exitCode, logOf(upstream)).toBe(0);
    expect(dispatch?.path).toBe(
      `/repos/turanmart/shop/actions/workflows/${path.basename(DOWNSTREAM_CALLER)}/dispatches`,
    );
    expect(dispatch?.body).toMatchObject({
      ref: 'main',
      inputs: { start: DAYS[0], end: DAYS[2], reprocess: 'failed' },
    });
    const body = dispatch?.body as { inputs?: { reason?: string } } | undefined;
    expect(body?.inputs?.reason).toContain(`upstream ${DAG} published`);
  });

  it('runs the dispatch: the downstream gold in the bucket matches expected/', () => {
    expect(downstream.exitCode, logOf(downstream)).toBe(0);
    for (const day of DAYS) {
      const gold = `gold/region_inventory_risk/dt=${day}/region_inventory_risk.csv`;
      const expected = fs.readFileSync(path.join(REPO_ROOT, 'pipelines', DOWNSTREAM, 'expected', gold));
      expect(fs.readFileSync(path.join(server.root, BUCKET, PREFIX, gold)).equals(expected), gold).toBe(true);
    }
  });
});
