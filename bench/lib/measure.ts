// One benchmark side as its own process: Node 24 under the peak-RSS preload, timed
// from spawn to exit; a non-zero exit fails the benchmark with the process's output.
// The page cache is written back first (sync), so writes a step before left dirty (the
// setup, the other side's run) are not billed to this one.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const node = join(repo, 'node_modules', '.bin', 'node');
const preload = pathToFileURL(join(repo, 'bench', 'lib', 'peak-rss.mjs')).href;

export interface Measured {
  wallMs: number;
  maxRssKb: number;
  /** User + system CPU time of the process, all threads: steadier than wall on a shared machine. */
  cpuMs: number;
  /** When it was spawned (epoch ms). */
  spawnedAt: number;
}

/** Spawns `node args` in the repository under the RSS preload, with `env` added. */
export function measure(args: string[], label: string, env: NodeJS.ProcessEnv = {}): Promise<Measured> {
  const rssFile = join(tmpdir(), `pw-bench-rss-${process.pid}-${label}`);
  spawnSync('sync');
  const spawnedAt = Date.now();
  const started = performance.now();
  const child = spawn(node, ['--import', preload, ...args], {
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
      const usage = JSON.parse(readFileSync(rssFile, 'utf8')) as Pick<Measured, 'maxRssKb' | 'cpuMs'>;
      rmSync(rssFile, { force: true });
      resolve({ wallMs, spawnedAt, ...usage });
    });
  });
}
