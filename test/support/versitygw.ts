// A real S3 server for the bucket store's tests: versitygw (Versity S3 Gateway)
// with its posix backend over a temp folder, on 127.0.0.1 and a free port. It
// honours conditional writes (If-None-Match: *, If-Match answer 412), so leases
// and the commit protocol are proven against the same answers AWS S3 gives.
// Each top-level folder of the backend is a bucket. Stop it in afterAll.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { ensureTool } from '../../scripts/install-tools.js';
import { freePort } from './ports.js';

export const VERSITYGW_ACCESS_KEY = 'pipewright-test';
export const VERSITYGW_SECRET_KEY = 'pipewright-test-secret';
export const VERSITYGW_REGION = 'us-east-1';

export interface Versitygw {
  /** `http://127.0.0.1:<port>` */
  endpoint: string;
  pid: number;
  /** The backend folder: `<root>/<bucket>/<key>`. */
  root: string;
  /** What a process needs to reach it through the standard AWS chain. */
  env: Record<string, string>;
  /** Creates an empty bucket (a folder of the posix backend). */
  createBucket(name: string): void;
  /** Stops the server (by pid) and removes its folder; safe to call twice. */
  stop(): Promise<void>;
}

const HEALTH = '/health';

export async function startVersitygw(options: { buckets?: string[] } = {}): Promise<Versitygw> {
  const root = mkdtempSync(join(tmpdir(), 'pw-vgw-'));
  const data = join(root, 'data');
  mkdirSync(data);
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  let stderr = '';
  const child = spawn(
    ensureTool('versitygw'),
    [
      '--port',
      `127.0.0.1:${port}`,
      '--access',
      VERSITYGW_ACCESS_KEY,
      '--secret',
      VERSITYGW_SECRET_KEY,
      '--region',
      VERSITYGW_REGION,
      '--health',
      HEALTH,
      '--quiet',
      'posix',
      data,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const stop = once(async () => {
    await kill(child);
    rmSync(root, { recursive: true, force: true });
  });
  try {
    await waitUntilAnswering(`${endpoint}${HEALTH}`, child, () => stderr);
  } catch (error) {
    await stop();
    throw error;
  }
  const createBucket = (name: string) => mkdirSync(join(data, name));
  for (const bucket of options.buckets ?? []) createBucket(bucket);
  return {
    endpoint,
    pid: child.pid ?? 0,
    root: data,
    env: {
      AWS_ENDPOINT_URL_S3: endpoint,
      AWS_ACCESS_KEY_ID: VERSITYGW_ACCESS_KEY,
      AWS_SECRET_ACCESS_KEY: VERSITYGW_SECRET_KEY,
      AWS_REGION: VERSITYGW_REGION,
      AWS_S3_FORCE_PATH_STYLE: 'true',
    },
    createBucket,
    stop,
  };
}

async function waitUntilAnswering(url: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`versitygw exited with ${child.exitCode}: ${stderr()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`versitygw did not answer ${url} within 20 s: ${stderr()}`);
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(child.pid, 'SIGTERM');
  const timer = setTimeout(() => child.pid !== undefined && process.kill(child.pid, 'SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => {
    done ??= fn();
    return done;
  };
}

/** An S3 client with the server's own keys, for what a test delivers or reads itself (destroy it after). */
export function s3ClientFor(server: Versitygw): S3Client {
  return new S3Client({
    endpoint: server.endpoint,
    region: server.env.AWS_REGION,
    forcePathStyle: true,
    credentials: { accessKeyId: server.env.AWS_ACCESS_KEY_ID!, secretAccessKey: server.env.AWS_SECRET_ACCESS_KEY! },
  });
}
