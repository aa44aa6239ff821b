import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 9613:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ OUTPUT),
/* harmony export */   b: () => (/* binding */ INPUT)
/* harmony export */ });
// Every action input and output name in one place (kebab-case, as in action.yml).
// A module of its own, without readers, so an action's entry can read an input
// before the rest of the action loads.
const INPUT = {
    alerts: 'alerts',
    announce: 'announce',
    announcement: 'announcement',
    dispatchDownstream: 'dispatch-downstream',
    baseRef: 'base-ref',
    dataRoot: 'data-root',
    dryRun: 'dry-run',
    end: 'end',
    failOnWarnings: 'fail-on-warnings',
    githubToken: 'github-token',
    importTimeout: 'import-timeout',
    maxActiveRuns: 'max-active-runs',
    maxParallel: 'max-parallel',
    mode: 'mode',
    now: 'now',
    out: 'out',
    partitions: 'partitions',
    pipeline: 'pipeline',
    pipelines: 'pipelines',
    pipelinesDir: 'pipelines-dir',
    reason: 'reason',
    reprocess: 'reprocess',
    retentionDays: 'retention-days',
    reverse: 'reverse',
    rollback: 'rollback',
    rollbackTo: 'rollback-to',
    runReason: 'run-reason',
    start: 'start',
    stateBranch: 'state-branch',
    trigger: 'trigger',
    uploadOutputs: 'upload-outputs',
};
const OUTPUT = {
    alertsClosed: 'alerts-closed',
    alertsOpened: 'alerts-opened',
    announcement: 'announcement',
    count: 'count',
    errors: 'errors',
    failedPartitions: 'failed-partitions',
    failedTasks: 'failed-tasks',
    hasWork: 'has-work',
    matrix: 'matrix',
    maxActiveRuns: 'max-active-runs',
    maxParallel: 'max-parallel',
    partitions: 'partitions',
    path: 'path',
    pipelineCount: 'pipeline-count',
    pipelines: 'pipelines',
    reportArtifact: 'report-artifact',
    status: 'status',
    warnings: 'warnings',
};


/***/ }),

/***/ 5156:
/***/ (() => {


;// CONCATENATED MODULE: ./src/node-version.ts
// The oldest Node that runs pipewright: 22.18 strips TypeScript types without a flag and has
// module.registerHooks (src/run/module-format.ts). package.json `engines` says the same
// (src/node-version.test.ts keeps them together).
const MINIMUM_NODE = '22.18.0';
function parts(version) {
    return version
        .replace(/^v/, '')
        .split('.')
        .map((p) => Number.parseInt(p, 10) || 0);
}
/** The one line an entry prints before refusing to start, or undefined when `version` is recent enough. */
function nodeTooOld(version, minimum = MINIMUM_NODE) {
    const have = parts(version);
    const need = parts(minimum);
    for (let i = 0; i < need.length; i++) {
        const a = have[i] ?? 0;
        const b = need[i] ?? 0;
        if (a > b)
            return undefined;
        if (a < b)
            return `pipewright needs Node ${minimum} or newer (for its TypeScript type stripping); this is Node ${version.replace(/^v/, '')}: install Node 24 (or set node-version: 24 in actions/setup-node)`;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/actions/common/node-guard.ts
// Imported first by every action entry: an older Node stops here with one line, exit 2,
// before any module that needs a newer one is evaluated.

const tooOld = nodeTooOld(process.versions.node);
if (tooOld) {
    process.stderr.write(`::error::${tooOld}\n`);
    process.exit(2);
}


/***/ }),

/***/ 2336:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $Y: () => (/* binding */ git),
/* harmony export */   SP: () => (/* binding */ shown),
/* harmony export */   zf: () => (/* binding */ workspaceDir)
/* harmony export */ });
/* unused harmony export hasRemote */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
// Where an action stands: the checkout (GITHUB_WORKSPACE), paths relative to
// it for messages, and whether its git repository has a remote for the ledger.


function workspaceDir() {
    return node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(process.env.GITHUB_WORKSPACE || process.cwd());
}
/** `file` relative to the workspace when inside it, for messages. */
function shown(file, workspace = workspaceDir()) {
    if (/^s3:\/\//i.test(file))
        return file;
    const rel = node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(workspace, file);
    return rel === '' ? '.' : rel.startsWith('..') || node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(rel) ? file : rel;
}
function git(args, cwd) {
    return new Promise((resolve, reject) => {
        (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile)('git', args, { cwd, maxBuffer: 64 << 20, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } }, (e, out) => e ? reject(e) : resolve(out));
    });
}
/** True when `dir` is in a git work tree whose remote `remote` is configured. */
async function hasRemote(dir, remote = 'origin') {
    try {
        await git(['remote', 'get-url', remote], dir);
        return true;
    }
    catch {
        return false;
    }
}


/***/ }),

/***/ 509:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _common_node_guard_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5156);
/* harmony import */ var _validate_early_probe_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(866);


// The import process first, then the rest of the action (a chunk of its own), so the two load at once.
const early = (0,_validate_early_probe_js__WEBPACK_IMPORTED_MODULE_1__/* .startImportProbe */ .y)();
try {
    const { runValidateAction } = await Promise.all(/* import() */[__nccwpck_require__.e(313), __nccwpck_require__.e(119)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2119));
    await runValidateAction(early);
}
finally {
    early?.stop();
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 866:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ startImportProbe)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _contract_cache_file_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6975);
/* harmony import */ var _contract_imports_probe_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(1242);
/* harmony import */ var _contract_imports_repo_root_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(3612);
/* harmony import */ var _github_input_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(1823);
/* harmony import */ var _common_names_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(9613);
/* harmony import */ var _common_workspace_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(2336);
// validate's handler-import process, started by the action's entry before the rest
// of the action loads: Node's start and its TypeScript parser then overlap
// compiling the action and reading the contracts, instead of following them.
// Started for the usual layout only (one folder of pipelines, each pipeline a
// folder of it), and only without a cache from an earlier run, whose imports
// are likely all kept; validatePaths stops it when the contracts say otherwise.








function startImportProbe() {
    const workspace = (0,_common_workspace_js__WEBPACK_IMPORTED_MODULE_6__/* .workspaceDir */ .zf)();
    const cacheDir = (0,_contract_cache_file_js__WEBPACK_IMPORTED_MODULE_2__/* .defaultCacheDir */ .$g)(workspace);
    if (cacheDir && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(cacheDir, _contract_cache_file_js__WEBPACK_IMPORTED_MODULE_2__/* .CACHE_FILE */ .Sk)))
        return undefined;
    const input = (0,_github_input_js__WEBPACK_IMPORTED_MODULE_7__/* .getInput */ .V)(_common_names_js__WEBPACK_IMPORTED_MODULE_5__/* .INPUT */ .b.pipelines) || 'pipelines';
    // Several lines or a glob: where the first handler lives is known once the contracts are found.
    if (input.includes('\n') || /[*?[{]/.test(input))
        return undefined;
    let folder = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(workspace, input);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(folder))
        return undefined;
    // One pipeline's folder or contract named: its task code's root is the folder above.
    if (folder.endsWith('.yml') || folder.endsWith('.yaml'))
        folder = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(folder);
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(folder, 'pipeline.yml')))
        folder = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(folder);
    // As validatePaths places it (probeFolders): the repository above a pipeline's folder. Without
    // one (no .git, no package.json), each pipeline's folder is its own: nothing to start for all.
    const cwd = (0,_contract_imports_repo_root_js__WEBPACK_IMPORTED_MODULE_4__/* .findRepository */ .W)(folder);
    return cwd === undefined ? undefined : (0,_contract_imports_probe_js__WEBPACK_IMPORTED_MODULE_3__/* .startEarlyProbe */ .e)({ cwd, tasksRoot: folder });
}


/***/ }),

/***/ 6975:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $g: () => (/* binding */ defaultCacheDir),
/* harmony export */   Sk: () => (/* binding */ CACHE_FILE),
/* harmony export */   uB: () => (/* binding */ FORMAT)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
// Where validate's cache lives, apart from the cache itself: validate's action
// entry looks for it before the rest of the action loads (actions/validate/early-probe.ts).


// 2: handlers kept with their task's index, not their position.
const FORMAT = 2;
/** The cache's file in its folder: a new format starts an empty one. */
const CACHE_FILE = `validate-v${FORMAT}.json`;
/** The folder a repository keeps its tool caches in: node_modules/.cache/pipewright beside the nearest package.json. */
function defaultCacheDir(cwd) {
    let dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd);
    for (;;) {
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'package.json')))
            return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'node_modules', '.cache', 'pipewright');
        const parent = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(dir);
        if (parent === dir)
            return undefined;
        dir = parent;
    }
}


/***/ }),

/***/ 1242:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  O: () => (/* binding */ probeModules),
  e: () => (/* binding */ startEarlyProbe)
});

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __nccwpck_require__(1421);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __nccwpck_require__(3136);
;// CONCATENATED MODULE: external "node:module"
const external_node_module_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");
;// CONCATENATED MODULE: ./src/run/module-format.ts
// Task code under the pipelines folder is ES modules whatever the adopter's package.json
// `type` says: `npm init -y` writes "type": "commonjs", under which Node parses `x.ts` and
// `x.js` as CommonJS and an `import` line fails. A load hook gives those files the module
// format (Node still strips the types, keeping every line and column); `.cts`/`.cjs` files
// and anything under node_modules keep Node's own rules.


/**
 * The format a file under one of `roots` (file: URLs ending in '/') must load as, or undefined
 * to leave it to Node. Refers to nothing outside itself: the import probe sends its source
 * text to a child process.
 */
function moduleFormatFor(url, roots) {
    const path = url.split(/[?#]/)[0] ?? url;
    if (!roots.some((root) => path.startsWith(root)) || path.includes('/node_modules/'))
        return undefined;
    if (path.endsWith('.ts') || path.endsWith('.mts'))
        return 'module-typescript';
    if (path.endsWith('.js') || path.endsWith('.mjs'))
        return 'module';
    return undefined;
}
/** A folder as the file: URL prefix `moduleFormatFor` compares with. */
function folderUrl(folder) {
    const href = (0,external_node_url_.pathToFileURL)(folder).href;
    return href.endsWith('/') ? href : `${href}/`;
}
/**
 * Statements that install the same hook for `roots` in a child process, for an ES module that
 * has `registerHooks` (node:module) in scope: the import probe's program (child-sources.ts).
 */
function moduleFormatHookSource(roots) {
    return `const moduleFormatFor = ${moduleFormatFor.toString()};
const moduleFormatRoots = ${JSON.stringify(roots)};
registerHooks({
  load(url, context, nextLoad) {
    const format = moduleFormatFor(url, moduleFormatRoots);
    return nextLoad(url, format ? { ...context, format } : context);
  },
});
`;
}
const roots = new Set();
let installed = false;
/** Makes task code under `folder` load as ES modules in this process (once per folder). */
function loadAsModules(folder) {
    roots.add(folderUrl(folder));
    if (installed)
        return;
    installed = true;
    registerHooks({
        load(url, context, nextLoad) {
            const format = moduleFormatFor(url, [...roots]);
            return nextLoad(url, format ? { ...context, format } : context);
        },
    });
}
/** Imports a task module from `folder` as an ES module. */
async function importTaskModule(folder, file) {
    loadAsModules(folder);
    // webpackIgnore keeps the ncc bundle from trying to resolve the user's module at build time.
    return (await import(/* webpackIgnore: true */ pathToFileURL(file).href));
}

;// CONCATENATED MODULE: ./src/contract/imports/child-sources.ts
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
function probeSource(formatHook) {
    return `import net from 'node:net';
import dns from 'node:dns';
import { readFileSync, writeSync } from 'node:fs';
import * as nodeModule from 'node:module';
const { registerHooks } = nodeModule;
${formatHook}${NETWORK_GUARD}${PROBE}`;
}

;// CONCATENATED MODULE: ./src/contract/imports/probe.ts
// Imports handler modules in a child process (plain Node: types are stripped,
// nothing is compiled), each within a time budget, with the network blocked,
// and reports what happened to each.




function startEarlyProbe(opts) {
    let child = spawnProbe(opts, undefined);
    const started = child;
    started.stdin?.on('error', () => { }); // it may end before it is given its list
    // One that could not start is not taken: the modules get a process of their own, which reports why.
    started.on('error', () => {
        if (child === started)
            child = undefined;
    });
    return {
        take() {
            const taken = child;
            child = undefined;
            return taken && taken.exitCode === null && taken.signalCode === null ? taken : undefined;
        },
        stop() {
            child?.kill('SIGKILL');
            child = undefined;
        },
        fits: (folders) => folders.cwd === opts.cwd && folders.tasksRoot === opts.tasksRoot,
    };
}
/** `early` is used for the first process when it was started for the same folders. */
async function probeModules(modulePaths, opts, early) {
    const out = [];
    const fitting = early?.fits(opts) ? early : undefined;
    while (out.length < modulePaths.length) {
        const child = out.length === 0 ? fitting?.take() : undefined;
        out.push(...(await probeFrom(modulePaths.slice(out.length), opts, child)));
    }
    return out;
}
/** The probe process: given its module URLs in the environment, or (`urls` undefined) later on its stdin. */
function spawnProbe(opts, urls) {
    const program = probeSource(moduleFormatHookSource([folderUrl(opts.tasksRoot)]));
    const env = { ...process.env };
    if (urls)
        env.PIPEWRIGHT_PROBE_URLS = JSON.stringify(urls);
    delete env.NODE_OPTIONS; // no loaders (tsx, coverage) from the parent: import as plain Node would
    return (0,external_node_child_process_.spawn)(process.execPath, ['--disable-warning=ExperimentalWarning', '--input-type=module', '--eval', program], {
        cwd: opts.cwd,
        env,
        stdio: [urls ? 'ignore' : 'pipe', 'ignore', 'pipe', 'pipe'],
    });
}
/** One child process over `paths` (`early`, given them now, or a new one): results for the modules it got through (at least the first). */
async function probeFrom(paths, opts, early) {
    const urls = paths.map((p) => (0,external_node_url_.pathToFileURL)(p).href);
    const child = early ?? spawnProbe(opts, urls);
    if (early)
        early.stdin?.end(JSON.stringify(urls));
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk) => {
        if (stderr.length < 64_000)
            stderr += chunk;
    });
    const results = [];
    const loaded = [];
    let network = [];
    let current = -1;
    let timedOut = false;
    let timer;
    // Each module gets the whole budget from the moment its import starts.
    const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
        }, opts.timeoutMs);
    };
    // Every module imported: the answer is complete, and the process's exit need not be waited for.
    let allLoaded = () => { };
    const finish = (result) => {
        results.push({ result, loaded: [...loaded] });
        network = [];
        if (results.length === paths.length)
            allLoaded();
    };
    const onMessage = (m) => {
        if (m.type === 'start') {
            current = m.i;
            arm();
        }
        else if (m.type === 'network') {
            if (m.i === current)
                network.push({ what: m.what, ...(m.at ? { at: m.at } : {}) });
        }
        else if (m.type === 'loaded') {
            loaded.push((0,external_node_url_.fileURLToPath)(m.url));
        }
        else if (m.type === 'exports') {
            finish({ outcome: 'loaded', exports: m.names, functions: m.functions, network });
        }
        else {
            const error = {
                name: m.name,
                ...(m.code ? { code: m.code } : {}),
                message: m.message,
                stack: m.stack,
            };
            results.push({ result: { outcome: 'failed', error, stderr: '', network }, loaded: [...loaded] });
        }
    };
    let channel = '';
    child.stdio[3].setEncoding('utf8').on('data', (chunk) => {
        channel += chunk;
        let end = channel.indexOf('\n');
        while (end >= 0) {
            onMessage(JSON.parse(channel.slice(0, end)));
            channel = channel.slice(end + 1);
            end = channel.indexOf('\n');
        }
    });
    arm();
    await new Promise((resolve) => {
        allLoaded = resolve;
        child.on('close', () => resolve());
    });
    clearTimeout(timer);
    const last = results.at(-1)?.result;
    if (last?.outcome === 'failed') {
        // Node printed the failure's source location as the process ended: it belongs to this module.
        last.stderr = stderr;
        return results;
    }
    if (results.length === paths.length)
        return results;
    // The process ended inside an import without a word: the budget ran out, or the module exited.
    if (timedOut) {
        results.push({ result: { outcome: 'timeout', network }, loaded: [...loaded] });
        return results;
    }
    const error = {
        name: 'Error',
        message: stderr.trim().split('\n').pop() || 'the import process exited unexpectedly',
        stack: '',
    };
    results.push({ result: { outcome: 'failed', error, stderr, network }, loaded: [...loaded] });
    return results;
}


/***/ }),

/***/ 3612:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ findRepoRoot),
/* harmony export */   W: () => (/* binding */ findRepository)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
// The repository a pipeline belongs to: handler modules must stay inside it.


function findUp(start, marker) {
    let dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(start);
    for (;;) {
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, marker)))
            return dir;
        const parent = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(dir);
        if (parent === dir)
            return undefined;
        dir = parent;
    }
}
/** The git top level above `start`, else the nearest folder with a package.json; undefined without either. */
function findRepository(start) {
    return findUp(start, '.git') ?? findUp(start, 'package.json');
}
/** The git top level above `start`, else the nearest folder with a package.json, else `start`. */
function findRepoRoot(start) {
    return findRepository(start) ?? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(start);
}


/***/ }),

/***/ 1823:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ getInput)
/* harmony export */ });
// An action input, read as @actions/core's getInput reads it. A module without
// imports: validate's entry reads its `pipelines` input before the rest loads.
/** The input's value, trimmed, '' when not given. */
function getInput(name, options = {}) {
    const value = process.env[`INPUT_${name.replaceAll(' ', '_').toUpperCase()}`] ?? '';
    if (options.required && !value)
        throw new Error(`Input required and not supplied: ${name}`);
    return value.trim();
}


/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 1943:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs/promises");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(509);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
