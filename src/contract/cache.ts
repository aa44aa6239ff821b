// `validate` results kept between runs in node_modules/.cache/pipewright/, so a
// repository of a thousand unchanged contracts is checked from their bytes
// alone. An entry holds only while everything it depends on is the same:
//   a contract's checks   its path and bytes, pipewright's code, the Node version;
//   a handler's import    the bytes of every repository file the import loaded,
//                         the lockfile, pipewright's code, the Node version.
// Only clean imports are kept: a failure or a timeout is checked again, it is
// what the user is fixing. Anything unreadable is a miss, never an error.
// A contract's checks must stay a function of its path and bytes: a rule that
// looks at the filesystem or PATH needs what it looks at in the key here.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CACHE_FILE, FORMAT } from './cache-file.js';
import { type FileResult, handlerValue, locatedHandlers, locateLater, type UnlocatedResult } from './check-file.js';
import type { ProbeResult } from './imports/probe.js';

const LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'yarn.lock', 'bun.lock'];

interface ContractEntry {
  sha: string;
  /** Handlers without positions: locating one parses the document, done only when a report needs it. */
  result: UnlocatedResult;
}

interface ImportEntry {
  lockfile: string;
  /** Each repository file the import loaded, with its sha256. */
  files: Record<string, string>;
  result: ProbeResult;
}

interface CacheFile {
  format: number;
  /** pipewright's code and the Node version: another value empties the cache. */
  code: string;
  contracts: Record<string, ContractEntry>;
  imports: Record<string, ImportEntry>;
}

export interface ValidateCache {
  contract(file: string, bytes: Uint8Array): FileResult | undefined;
  storeContract(file: string, bytes: Uint8Array, result: FileResult): void;
  /** The cached result of importing `module` (absolute), when none of the files it loaded changed. */
  handlerImport(module: string, root: string): ProbeResult | undefined;
  storeHandlerImport(module: string, root: string, result: ProbeResult, loaded: string[]): void;
  /** Whether the last run kept any import (none: every handler will be imported). */
  hasImports(): boolean;
  /** Writes what this run used (entries of files no longer checked are dropped). */
  save(): Promise<void>;
}

const sha = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

let codeFingerprint: string | undefined;

/**
 * What pipewright's own code is: the bundle that is running, or (run from source) every file of
 * src/contract, so a changed rule never meets results of the old one.
 */
function code(): string {
  if (codeFingerprint === undefined) {
    const self = fileURLToPath(import.meta.url);
    // PATH too: a command rule warns about programs missing from it (command-rules.ts).
    const hash = createHash('sha256').update(`${FORMAT} ${process.version}\n${process.env.PATH ?? ''}\n`);
    if (self.endsWith('.ts')) {
      const dir = dirname(self);
      const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.[jt]s$/.test(f));
      for (const f of files.sort()) hash.update(f).update(readFileSync(join(dir, f)));
    } else {
      hash.update(readFileSync(self));
      // A bundle split into chunks (validate's action): the entry holds the import process's code.
      const entry = process.argv[1];
      if (entry && entry !== self && entry.endsWith('.js')) hash.update(readFileSync(entry));
    }
    codeFingerprint = hash.digest('hex');
  }
  return codeFingerprint;
}

function lockfileSha(root: string): string {
  for (const name of LOCKFILES) {
    const path = join(root, name);
    if (existsSync(path)) return sha(readFileSync(path));
  }
  return 'none';
}

function fileSha(path: string): string | undefined {
  try {
    return sha(readFileSync(path));
  } catch {
    return undefined;
  }
}

export async function openValidateCache(dir: string): Promise<ValidateCache> {
  const path = join(dir, CACHE_FILE);
  const fingerprint = code();
  let previous: CacheFile | undefined;
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as CacheFile;
    if (parsed.format === FORMAT && parsed.code === fingerprint) previous = parsed;
  } catch {
    previous = undefined;
  }
  const next: CacheFile = { format: FORMAT, code: fingerprint, contracts: {}, imports: {} };
  /** Whether an entry was stored: without one, `next` holds only entries of `previous`. */
  let stored = false;
  const lockfiles = new Map<string, string>();
  const lockfile = (root: string) => {
    let value = lockfiles.get(root);
    if (value === undefined) {
      value = lockfileSha(root);
      lockfiles.set(root, value);
    }
    return value;
  };

  return {
    contract(file, bytes) {
      const entry = previous?.contracts[file];
      if (entry === undefined || entry.sha !== sha(bytes)) return undefined;
      next.contracts[file] = entry;
      return { ...entry.result, handlers: locatedHandlers(entry.result.handlers, locateLater(file, bytes)) };
    },
    storeContract(file, bytes, result) {
      stored = true;
      next.contracts[file] = { sha: sha(bytes), result: { ...result, handlers: result.handlers.map(handlerValue) } };
    },
    handlerImport(module, root) {
      const entry = previous?.imports[module];
      if (entry === undefined || entry.lockfile !== lockfile(root)) return undefined;
      for (const [file, hash] of Object.entries(entry.files)) if (fileSha(file) !== hash) return undefined;
      next.imports[module] = entry;
      return entry.result;
    },
    hasImports: () => previous !== undefined && Object.keys(previous.imports).length > 0,
    storeHandlerImport(module, root, result, loaded) {
      if (result.outcome !== 'loaded' || result.network.length > 0 || !loaded.includes(module)) return;
      const files: Record<string, string> = {};
      for (const file of loaded) {
        const hash = fileSha(file);
        if (hash === undefined) return;
        files[file] = hash;
      }
      stored = true;
      next.imports[module] = { lockfile: lockfile(root), files, result };
    },
    async save() {
      // Every entry of the file used again and none added: the file already says it (writing 20 MB costs a fifth of a second).
      const same = (a: object, b: object) => Object.keys(a).length === Object.keys(b).length;
      if (previous && !stored && same(next.contracts, previous.contracts) && same(next.imports, previous.imports))
        return;
      try {
        await mkdir(dir, { recursive: true });
        const temp = `${path}.${process.pid}.tmp`;
        await writeFile(temp, JSON.stringify(next));
        await rename(temp, path);
      } catch {
        // A cache that cannot be written costs the next run time, nothing else.
      }
    },
  };
}
