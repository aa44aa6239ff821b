// Runs a bundled action the way the runner does: `node dist/<name>/index.js`
// with INPUT_* variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, and
// GITHUB_WORKSPACE pointing at a temporary checkout. Build first: `npm run bundle`.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { onTestFinished } from 'vitest';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const NODE = path.join(REPO_ROOT, 'node_modules', '.bin', 'node');
const PIPELINE = path.join(REPO_ROOT, 'pipelines', 'turanmart_daily_sales');

export interface BundleRun {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** `::error`/`::warning` workflow commands: properties and message. */
  annotations: Array<{ level: string; properties: Record<string, string>; message: string }>;
}

/**
 * A checkout holding the TuranMart pipeline (with its sample raw data) and the repo's node_modules,
 * removed when the test that made it has finished (call it inside a test).
 */
export function turanmartWorkspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-action-ws-'));
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.cpSync(PIPELINE, path.join(dir, 'pipelines', 'turanmart_daily_sales'), {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}data${path.sep}`) || src.includes(`${path.sep}raw`),
  });
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  fs.symlinkSync(path.join(REPO_ROOT, 'src'), path.join(dir, 'src'));
  return dir;
}

export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], {
    cwd: dir,
    encoding: 'utf8',
  });
}

/** GITHUB_OUTPUT as @actions/core writes it: `name<<delimiter`, value lines, delimiter. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i] ?? '');
    if (!m) continue;
    const end = lines.indexOf(m[2]!, i + 1);
    outputs[m[1]!] = lines.slice(i + 1, end).join('\n');
    i = end;
  }
  return outputs;
}

function parseAnnotations(stdout: string): BundleRun['annotations'] {
  return stdout
    .split('\n')
    .map((l) => /^::(error|warning)(?: ([^:]*))?::(.*)$/.exec(l))
    .filter((m) => m !== null)
    .map((m) => ({
      level: m[1]!,
      properties: Object.fromEntries(
        (m[2] ?? '')
          .split(',')
          .filter(Boolean)
          .map((kv) => [kv.slice(0, kv.indexOf('=')), decodeURIComponent(kv.slice(kv.indexOf('=') + 1))]),
      ),
      message: m[3]!.replaceAll('%0A', '\n').replaceAll('%0D', '\r').replaceAll('%25', '%'),
    }));
}

interface Prepared {
  /** RUNNER_TEMP of the run, removed once its outputs are read. */
  scratch: string;
  command: string[];
  options: { cwd: string; env: NodeJS.ProcessEnv };
  outputFile: string;
  summaryFile: string;
}

function prepare(
  name: string,
  workspace: string,
  inputs: Record<string, string>,
  env: Record<string, string>,
): Prepared {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-action-run-'));
  const outputFile = path.join(scratch, 'output');
  const summaryFile = path.join(scratch, 'summary');
  fs.writeFileSync(outputFile, '');
  fs.writeFileSync(summaryFile, '');
  const inputEnv = Object.fromEntries(
    Object.entries(inputs).map(([k, v]) => [`INPUT_${k.replace(/ /g, '_').toUpperCase()}`, v]),
  );
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('INPUT_') && !k.startsWith('GITHUB_')),
  );
  return {
    scratch,
    command: [NODE, path.join(REPO_ROOT, 'dist', name, 'index.js')],
    options: {
      cwd: workspace,
      env: {
        ...base,
        GITHUB_WORKSPACE: workspace,
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: summaryFile,
        RUNNER_TEMP: scratch,
        ...inputEnv,
        ...env,
      },
    },
    outputFile,
    summaryFile,
  };
}

function finished(prepared: Prepared, status: number | null, stdout: string, stderr: string): BundleRun {
  try {
    return {
      status,
      stdout,
      stderr,
      outputs: parseOutputs(fs.readFileSync(prepared.outputFile, 'utf8')),
      summary: fs.readFileSync(prepared.summaryFile, 'utf8'),
      annotations: parseAnnotations(stdout),
    };
  } finally {
    fs.rmSync(prepared.scratch, { recursive: true, force: true });
  }
}

export function runBundle(
  name: string,
  workspace: string,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
): BundleRun {
  const prepared = prepare(name, workspace, inputs, env);
  const [node, ...args] = prepared.command;
  const result = spawnSync(node!, args, { ...prepared.options, encoding: 'utf8', timeout: 60_000 });
  return finished(prepared, result.status, result.stdout, result.stderr);
}

/** As runBundle, without blocking this process: for a bundle that talks to a server the test itself runs. */
export function runBundleAsync(
  name: string,
  workspace: string,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
): Promise<BundleRun> {
  const prepared = prepare(name, workspace, inputs, env);
  const [node, ...args] = prepared.command;
  return new Promise((resolve, reject) => {
    const child = spawn(node!, args, { ...prepared.options, timeout: 60_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (status) => resolve(finished(prepared, status, stdout, stderr)));
  });
}
