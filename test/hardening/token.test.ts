// The run job checks out with persist-credentials: false and hands its token to the
// ledger actions as `github-token`, which give it to the ledger's git commands only.
// Proved with the real bundles and a real git: an HTTP origin records what the plan
// action's ledger fetch sends, and neither a handler (same process as run-partition)
// nor a command (its child) finds the token in its environment.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE, REPO_ROOT, runBundle } from '../actions/bundle.js';
import { tempRoots } from '../support/temp.js';
import { contract, DAG, writePipeline } from './support.js';

const temp = tempRoots('pw-hardening-token-');
const TOKEN = 'ghs_ledgerOnlyToken123';
const BASIC = Buffer.from(`x-access-token:${TOKEN}`).toString('base64');

/** Writes the environment a task sees into the data root. */
const ENV_HANDLER = `import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
export async function run(ctx) {
  writeFileSync(join(ctx.dataRoot, 'handler-env.json'), JSON.stringify(process.env));
}
`;
const ENV_COMMAND = `  - id: c
    command: [node, -e, "require('fs').writeFileSync(process.env.PIPEWRIGHT_DATA_ROOT + '/command-env.json', JSON.stringify(process.env))"]`;

function workspace(): string {
  const ws = temp();
  const dir = writePipeline(ws, DAG, contract(DAG, { task: ENV_COMMAND }));
  fs.writeFileSync(path.join(dir, 'tasks', 't.mjs'), ENV_HANDLER);
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: ws });
  return ws;
}

/** The plan bundle as a child process, without blocking this process (the HTTP origin must answer). */
function planAsync(ws: string, env: Record<string, string>): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(NODE, [path.join(REPO_ROOT, 'dist', 'plan', 'index.js')], {
      cwd: ws,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', GITHUB_WORKSPACE: ws, ...env },
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.on('close', () => resolve(out));
  });
}

describe('the ledger token', () => {
  it("reaches the ledger's git fetch as an Authorization header, and is masked in the log", async () => {
    const ws = workspace();
    const seen: string[] = [];
    const server = createServer((req, res) => {
      seen.push(String(req.headers.authorization ?? ''));
      res.writeHead(403).end('no');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      execFileSync('git', ['remote', 'add', 'origin', `${origin}/shop.git`], { cwd: ws });
      const log = await planAsync(ws, {
        INPUT_PIPELINE: DAG,
        'INPUT_STATE-BRANCH': 'pipewright-state',
        'INPUT_GITHUB-TOKEN': TOKEN,
        GITHUB_SERVER_URL: origin,
        GIT_TERMINAL_PROMPT: '0',
      });
      expect(seen, log).toContain(`basic ${BASIC}`);
      expect(log).toContain(`::add-mask::${TOKEN}`);
      expect(log.replaceAll(`::add-mask::${TOKEN}`, '').replaceAll(`::add-mask::${BASIC}`, '')).not.toContain(TOKEN);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('is in the environment of neither a handler nor a command', () => {
    const ws = workspace();
    const dataRoot = path.join(ws, 'data');
    const run = runBundle('run-partition', ws, {
      pipeline: DAG,
      partitions: '2026-05-01',
      'data-root': dataRoot,
      'github-token': TOKEN,
      'state-branch': '',
    });
    for (const file of ['handler-env.json', 'command-env.json']) {
      const env = fs.readFileSync(path.join(dataRoot, file), 'utf8');
      expect(env, run.stdout).not.toContain(TOKEN);
      expect(env).not.toContain(BASIC);
    }
  });
});
