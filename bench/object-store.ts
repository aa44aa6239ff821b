// Benchmark: a whole `pipewright run` of a TuranMart partition with the data
// root in a bucket (versitygw, an S3 gateway over a folder, on loopback) against
// the same run with the data root on the filesystem, the named reference. Each
// run is its own process, timed from spawn to exit, peak RSS read by the same
// preload. The raw export is uploaded before the clock starts. Gold must be
// byte-identical; RSS at two sizes shows whether memory stays flat in the size.
//   npm exec -- tsx bench/object-store.ts [--rows 1000000,10000000]
// Stays out of CI (10 M lines: about 600 MB up and down through loopback).

import { spawn } from 'node:child_process';
import { createReadStream, existsSync, linkSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { startVersitygw } from '../test/support/versitygw.js';
import { generateOrders } from './lib/generate-orders.js';

const repo = dirname(dirname(fileURLToPath(import.meta.url)));
const node = join(repo, 'node_modules', '.bin', 'node');
const tsx = pathToFileURL(join(repo, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const preload = pathToFileURL(join(repo, 'bench', 'lib', 'peak-rss.mjs')).href;
const DS = '2026-05-01';
const RAW = `raw/orders/dt=${DS}/orders.csv`;
const GOLD = `gold/daily_sales/dt=${DS}/daily_sales.csv`;

const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000,10000000' } } });
const sizes = values.rows.split(',').map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--rows takes positive integers');

interface Measured {
  wallMs: number;
  maxRssKb: number;
  cpuMs: number;
}

function measure(args: string[], env: NodeJS.ProcessEnv, label: string): Promise<Measured> {
  const rssFile = join(tmpdir(), `pw-bench-rss-${process.pid}-${label}`);
  const started = performance.now();
  const child = spawn(node, ['--import', preload, '--import', tsx, join(repo, 'src', 'cli', 'index.ts'), ...args], {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env, PIPEWRIGHT_BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (output += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (output += text));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      if (code !== 0) return reject(new Error(`${label} exited with ${code}:\n${output}`));
      const usage = JSON.parse(readFileSync(rssFile, 'utf8')) as Omit<Measured, 'wallMs'>;
      rmSync(rssFile, { force: true });
      resolve({ wallMs, ...usage });
    });
  });
}

const dataDir = join(repo, 'bench', '.data');
mkdirSync(dataDir, { recursive: true });
const server = await startVersitygw({ buckets: ['bench'] });
const client = new S3Client({
  endpoint: server.endpoint,
  region: server.env.AWS_REGION,
  forcePathStyle: true,
  credentials: { accessKeyId: server.env.AWS_ACCESS_KEY_ID!, secretAccessKey: server.env.AWS_SECRET_ACCESS_KEY! },
});
const sec = (ms: number) => (ms / 1000).toFixed(2);
const mib = (kb: number) => (kb / 1024).toFixed(0);
try {
  for (const size of sizes) {
    const raw = join(dataDir, `raw-rising-${size}.csv`);
    if (!existsSync(raw)) {
      process.stderr.write(`generating ${size} order lines into ${raw} (cached for later runs)...\n`);
      await generateOrders(raw, size, { ds: DS, ids: 'rising' });
    }
    const megabytes = statSync(raw).size / 1e6;

    const root = join(dataDir, `root-object-store-${size}`);
    rmSync(root, { recursive: true, force: true });
    mkdirSync(dirname(join(root, RAW)), { recursive: true });
    linkSync(raw, join(root, RAW));
    const args = ['run', 'turanmart_daily_sales', '--date', DS, '--reason', 'benchmark', '--data-root'];
    const fs = await measure([...args, root], {}, 'folder');

    const prefix = `run-${size}`;
    await new Upload({
      client,
      params: { Bucket: 'bench', Key: `${prefix}/${RAW}`, Body: createReadStream(raw) },
    }).done();
    const bucket = await measure([...args, `s3://bench/${prefix}`], server.env, 'bucket');
    const same = readFileSync(join(root, GOLD)).equals(readFileSync(join(server.root, 'bench', prefix, GOLD)));
    rmSync(root, { recursive: true, force: true });
    rmSync(join(server.root, 'bench', prefix), { recursive: true, force: true });
    if (!same) process.exitCode = 1;
    process.stdout.write(
      `${size.toLocaleString('en').padStart(10)} lines (${megabytes.toFixed(0)} MB)  ` +
        `bucket wall ${sec(bucket.wallMs).padStart(6)} s cpu ${sec(bucket.cpuMs).padStart(6)} s ${mib(bucket.maxRssKb).padStart(5)} MiB   ` +
        `folder wall ${sec(fs.wallMs).padStart(6)} s cpu ${sec(fs.cpuMs).padStart(6)} s ${mib(fs.maxRssKb).padStart(5)} MiB   ` +
        `ratio wall ${(bucket.wallMs / fs.wallMs).toFixed(2)}x RSS ${(bucket.maxRssKb / fs.maxRssKb).toFixed(2)}x   ` +
        `gold ${same ? 'identical' : 'DIFFERENT'}\n`,
    );
  }
} finally {
  client.destroy();
  await server.stop();
}
