// Code run inside the child process that imports handler modules, one after
// another. It travels as one string (the --eval body of an ES module: no preload
// to load first) so the bundled CLI and actions need no extra files. Messages to
// the parent go to fd 3 as JSON lines, each with the index `i` of the module
// being imported.

/** Records and blocks network access during the import; its `send` is the probe's too. */
const NETWORK_GUARD = `
const send = (message) => { try { writeSync(3, JSON.stringify({ ...message, i: globalThis.__pipewrightProbeIndex ?? 0 }) + '\\n'); } catch {} };
const callSite = () => {
  for (const line of String(new Error().stack).split('\\n').slice(1)) {
    const m = /((?:file:\\/\\/)?\\/[^()\\s]*?):(\\d+):(\\d+)\\)?$/.exec(line.trim());
    // This program's own frames (its module is [eval1]) are not the handler's.
    if (m && !m[1].includes('[eval')) return { file: m[1], line: Number(m[2]), col: Number(m[3]) };
  }
  return undefined;
};
let nested = 0;
const blocked = (what) => {
  if (nested === 0) send({ type: 'network', what, at: callSite() });
  const error = new Error('pipewright blocked ' + what + ' while importing a handler module');
  error.code = 'PIPEWRIGHT_NETWORK_BLOCKED';
  return error;
};
const describe = (args) => {
  const first = args[0];
  if (typeof first === 'string' || first instanceof URL) return String(first);
  if (first && typeof first === 'object') return (first.host || first.hostname || 'localhost') + (first.path || '');
  return 'a host';
};
const guardRequest = (module, scheme) => {
  for (const name of ['request', 'get']) {
    const original = module[name];
    module[name] = function (...args) {
      const error = blocked(scheme + ' request to ' + describe(args));
      nested++;
      try { const req = original.apply(this, args); req.on('error', () => {}); process.nextTick(() => req.destroy(error)); return req; }
      finally { nested--; }
    };
  }
};
// node:http takes 25 ms to load: it and node:https are guarded when the handler code loads them
// (the load hook below sees builtins too), not before. net and dns are cheap and always guarded.
const SCHEMES = { 'node:http': 'HTTP', 'node:https': 'HTTPS' };
const guarded = new Set();
const guardBuiltin = (url) => {
  const scheme = SCHEMES[url];
  if (scheme === undefined || guarded.has(url)) return;
  guarded.add(url);
  guardRequest(process.getBuiltinModule(url), scheme);
};
if (typeof registerHooks !== 'function') for (const url of Object.keys(SCHEMES)) guardBuiltin(url);
net.Socket.prototype.connect = function (...args) {
  // net.connect() passes its arguments already normalized, as [options, callback].
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const target = first && typeof first === 'object'
    ? (first.host || first.path || 'localhost') + (first.port ? ':' + first.port : '')
    : String(args[1] || 'localhost') + ':' + String(first);
  const error = blocked('a connection to ' + target);
  process.nextTick(() => this.destroy(error));
  return this;
};
dns.lookup = function (host, ...rest) {
  const error = blocked('a DNS lookup of ' + host);
  const callback = rest.find((r) => typeof r === 'function');
  if (callback) process.nextTick(() => callback(error));
};
dns.promises.lookup = async (host) => { throw blocked('a DNS lookup of ' + host); };
for (const name of ['resolve', 'resolve4', 'resolve6']) {
  dns.promises[name] = async (host) => { throw blocked('a DNS query for ' + host); };
}
globalThis.fetch = async (input) => { throw blocked('fetch of ' + (input && input.url ? input.url : String(input))); };
// Every repository file the import loads (dependencies are the lockfile's): validate's cache keys on their bytes.
if (typeof registerHooks === 'function') {
  registerHooks({
    load(url, context, nextLoad) {
      if (url.startsWith('file:') && !url.includes('/node_modules/')) send({ type: 'loaded', url });
      else guardBuiltin(url);
      return nextLoad(url, context);
    },
  });
}
`;

/**
 * Main: imports each module of PIPEWRIGHT_PROBE_URLS (a JSON list), or of the list on stdin for a
 * process started before its modules were known, in turn and reports its exports.
 * A module that throws is reported and the error rethrown, so Node prints its source location and
 * the process ends: the parent starts another for the modules after it.
 */
const PROBE = `
// Started before its list is known: Node's TypeScript parser (a WebAssembly build, 30 ms to
// start) is started now, while the parent reads the contracts, not on the first handler.
if (process.env.PIPEWRIGHT_PROBE_URLS === undefined) {
  try { nodeModule.stripTypeScriptTypes?.(''); } catch {}
}
const urls = JSON.parse(process.env.PIPEWRIGHT_PROBE_URLS ?? readFileSync(0, 'utf8'));
for (let i = 0; i < urls.length; i++) {
  globalThis.__pipewrightProbeIndex = i;
  send({ type: 'start' });
  let loaded;
  try {
    loaded = await import(urls[i]);
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    send({ type: 'error', name: e.name, code: e.code, message: e.message, stack: String(e.stack || '') });
    throw error;
  }
  const names = Object.keys(loaded);
  send({ type: 'exports', names, functions: names.filter((n) => typeof loaded[n] === 'function') });
}
process.exit(0);
`;

/**
 * The import process's program: `formatHook` (module-format.ts: task code loads as ES modules),
 * the network guard, then the probe, in that order, as one ES module.
 */
export function probeSource(formatHook: string): string {
  return `import net from 'node:net';
import dns from 'node:dns';
import { readFileSync, writeSync } from 'node:fs';
import * as nodeModule from 'node:module';
const { registerHooks } = nodeModule;
${formatHook}${NETWORK_GUARD}${PROBE}`;
}
