// The dispatch form's backfill in act with the data root in a bucket: versitygw
// on the host stands in for S3, the caller passes the endpoint as an input and
// the keys as `secrets:` (never in an input). The raw exports live only in the
// bucket; the three partitions' gold objects land there, and each partition's
// artifact still carries its report.
import fs from 'node:fs';
import path from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ActRun, REPO_ROOT } from '../support/act.js';
import { s3ClientFor, startVersitygw, type Versitygw } from '../support/versitygw.js';
import { artifactNames, createShopRepo, DAG, extractArtifact, logOf, runCaller } from './harness.js';

const DAYS = ['2026-05-01', '2026-05-02', '2026-05-03'];
const BUCKET = 'turanmart-lake';
const PREFIX = 'daily-sales';
const CALLER = '.github/workflows/turanmart-bucket.yml';

/** The TuranMart caller's commented bucket variant, filled in for versitygw on the host. */
function bucketCaller(server: Versitygw): string {
  return `name: turanmart-daily-sales-bucket
on:
  workflow_dispatch:
    inputs:
      start: { type: string, required: true }
      end: { type: string, required: true }
      reason: { type: string, required: true }
permissions: {}
jobs:
  orchestrate:
    uses: pipewright/pipewright/.github/workflows/pipewright.yml@v1
    permissions:
      contents: write
      actions: read
      issues: write
      id-token: write
    with:
      pipeline: ${DAG}
      mode: backfill
      start: \${{ inputs.start }}
      end: \${{ inputs.end }}
      reason: \${{ inputs.reason }}
      data-root: s3://${BUCKET}/${PREFIX}
      s3-endpoint: ${server.endpoint}
      aws-region: ${server.env.AWS_REGION}
    secrets:
      AWS_ACCESS_KEY_ID: \${{ secrets.LAKE_ACCESS_KEY_ID }}
      AWS_SECRET_ACCESS_KEY: \${{ secrets.LAKE_SECRET_ACCESS_KEY }}
`;
}

describe('a workflow_dispatch backfill in act with the data root in a bucket', () => {
  let server: Versitygw;
  let run: ActRun;

  beforeAll(async () => {
    server = await startVersitygw({ buckets: [BUCKET] });
    const client = s3ClientFor(server);
    for (const day of DAYS) {
      const raw = `raw/orders/dt=${day}/orders.csv`;
      const body = fs.readFileSync(path.join(REPO_ROOT, 'pipelines', DAG, 'data', raw));
      await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: `${PREFIX}/${raw}`, Body: body }));
    }
    client.destroy();
    // No raw exports in the repository: they are in the bucket only.
    const shop = createShopRepo({ [CALLER]: bucketCaller(server) });
    const inRepo = fs.readdirSync(path.join(shop.dir, 'pipelines', DAG, 'data', 'raw', 'orders'));
    shop.commit(
      'raw exports live in the lake',
      Object.fromEntries(inRepo.map((d) => [`pipelines/${DAG}/data/raw/orders/${d}/orders.csv`, null])),
    );
    ({ run } = await runCaller(
      shop,
      { event: 'workflow_dispatch', inputs: { start: DAYS[0]!, end: DAYS[2]!, reason: 'reload from the lake' } },
      CALLER,
      {},
      {
        LAKE_ACCESS_KEY_ID: server.env.AWS_ACCESS_KEY_ID!,
        LAKE_SECRET_ACCESS_KEY: server.env.AWS_SECRET_ACCESS_KEY!,
      },
    ));
  }, 240_000);

  afterAll(async () => {
    await server?.stop();
  });

  it('runs the three partitions green and publishes their gold into the bucket', () => {
    expect(run.exitCode, logOf(run)).toBe(0);
    for (const day of DAYS) {
      const gold = path.join('gold', 'daily_sales', `dt=${day}`, 'daily_sales.csv');
      const expected = fs.readFileSync(path.join(REPO_ROOT, 'pipelines', DAG, 'expected', gold));
      expect(fs.readFileSync(path.join(server.root, BUCKET, PREFIX, gold)).equals(expected), `${day} gold`).toBe(true);
      expect(fs.existsSync(path.join(server.root, BUCKET, PREFIX, `_pipewright/manifests/${DAG}/${day}.json`))).toBe(
        true,
      );
    }
  });

  it('uploads each partition report as an artifact, copied out of the bucket', () => {
    expect(artifactNames(run)).toEqual(DAYS.map((d) => `pipewright-${DAG}-${d}`));
    for (const day of DAYS) {
      const dir = extractArtifact(run, `pipewright-${DAG}-${day}`);
      const report = JSON.parse(fs.readFileSync(path.join(dir, 'quality', `dt=${day}`, 'quality_report.json'), 'utf8'));
      expect({ partition: report.partition, status: report.status, reason: report.reason }).toEqual({
        partition: day,
        status: 'success',
        reason: 'reload from the lake',
      });
    }
  });

  it('never writes the keys into the log', () => {
    expect(run.output).not.toContain(server.env.AWS_SECRET_ACCESS_KEY);
  });
});
