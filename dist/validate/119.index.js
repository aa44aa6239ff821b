export const id = 119;
export const ids = [119];
export const modules = {

/***/ 2119:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runValidateAction: () => (/* binding */ runValidateAction)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/schedule/github-cron.ts
// GitHub's `on.schedule` takes 5-field crons only; a contract may also say @hourly, @daily,
// @weekly or @monthly. These are the crons a caller must carry for a contract's schedule.
const MACROS = {
    '@hourly': '0 * * * *',
    '@daily': '0 0 * * *',
    '@weekly': '0 0 * * 0',
    '@monthly': '0 0 1 * *',
};
/** The 5-field cron GitHub accepts for a contract `schedule` (descriptors translated, spaces collapsed). */
function githubCron(schedule) {
    const trimmed = schedule.trim().replace(/\s+/g, ' ');
    return MACROS[trimmed] ?? trimmed;
}

// EXTERNAL MODULE: ./node_modules/cron-parser/dist/index.js
var dist = __webpack_require__(8628);
// EXTERNAL MODULE: ./src/luxon-cjs.cjs
var luxon_cjs = __webpack_require__(6781);
;// CONCATENATED MODULE: ./src/luxon.ts

const { DateTime, IANAZone, Zone } = luxon_cjs;
// One locale wherever pipewright runs. Luxon otherwise asks Intl for the system's on its first
// date, which loads ICU's date-formatting data (10 ms of a cold start) even for a contract in
// UTC; pipewright formats with fixed tokens (ISO dates and weeks, offsets), never localized ones.
luxon_cjs.Settings.defaultLocale = 'en-US';

;// CONCATENATED MODULE: ./src/contract/templates.ts
// `{{ name }}` templates in contract paths and command arguments. The store
// renders them per partition; here we only check that every name exists.
/** Variables every template may use; task fields may also use inputs.NAME and outputs.NAME. */
const templates_TEMPLATE_VARIABLES = [
    'ds',
    'ds_nodash',
    'hour',
    'ts_nodash',
    'partition',
    'data_interval_start',
    'data_interval_end',
];
const VARIABLES = new Set(templates_TEMPLATE_VARIABLES);
const TEMPLATE = /\{\{\s*([^}]*?)\s*\}\}/g;
function templateRefs(text) {
    // Most strings have none: skip the regex.
    if (!text.includes('{{'))
        return [];
    return [...text.matchAll(TEMPLATE)].map((m) => ({ raw: m[0], name: m[1] ?? '' }));
}
/** The `{{ ...` fragments that never close with `}}` (a typo like `{{ ds }` would otherwise be taken as text). */
function unclosedTemplates(text) {
    let opens = 0;
    for (let at = text.indexOf('{{'); at >= 0; at = text.indexOf('{{', at + 2))
        opens++;
    if (opens === 0)
        return [];
    const matches = [...text.matchAll(TEMPLATE)];
    // Each match starts at its own `{{`: as many matches as `{{` means every one closes.
    if (matches.length === opens)
        return [];
    const closed = new Set(matches.map((m) => m.index));
    const open = [];
    for (let at = text.indexOf('{{'); at >= 0; at = text.indexOf('{{', at + 2))
        if (!closed.has(at)) {
            const next = text.indexOf('{{', at + 2);
            open.push(text.slice(at, Math.min(next < 0 ? text.length : next, at + 24)));
        }
    return open;
}
/** Why `name` cannot be resolved, or undefined when it can. */
function unknownTemplateName(name, scope) {
    if (VARIABLES.has(name))
        return undefined;
    const dataset = /^(inputs|outputs)\.(.+)$/.exec(name);
    if (dataset) {
        const [, group, key] = dataset;
        if (!scope.datasets)
            return `'{{ ${name} }}' cannot be used here: inputs and outputs may only use ${templates_TEMPLATE_VARIABLES.join(', ')}`;
        if (!scope[group].includes(key)) {
            const known = scope[group].length ? scope[group].join(', ') : 'none';
            return `unknown ${group.slice(0, -1)} '${key}' in '{{ ${name} }}' (${group}: ${known})`;
        }
        return undefined;
    }
    const extra = scope.datasets ? ', inputs.NAME, outputs.NAME' : '';
    return `unknown template variable '{{ ${name} }}' (known: ${templates_TEMPLATE_VARIABLES.join(', ')}${extra})`;
}

;// CONCATENATED MODULE: ./src/contract/memo.ts
// Verdicts the contract rules ask for again and again: a repository of a
// thousand contracts names a handful of zones, schedules and programs, and luxon
// builds an Intl.DateTimeFormat on every zone check (about 0.2 ms each) while a
// program is looked for in every PATH folder (a quarter of validate's time).
// Command arguments repeat too (`--ds={{ ds }}` in every task): reading their
// templates was a quarter of the rest.





const zones = new Map();
const dates = new Map();
const shifts = new Map();
const crons = new Map();
let canonicalZones;
/**
 * IANAZone.isValidZone, remembered per name. A name in the engine's own list of zones is valid
 * without asking: isValidZone builds an Intl.DateTimeFormat, and the first of a process loads
 * ICU's date-formatting data (10 ms). Others (aliases such as US/Eastern, mistakes) are asked.
 */
function isValidZone(zone) {
    let valid = zones.get(zone);
    if (valid === undefined) {
        canonicalZones ??= new Set(['UTC', ...Intl.supportedValuesOf('timeZone')]);
        valid = canonicalZones.has(zone) || IANAZone.isValidZone(zone);
        zones.set(zone, valid);
    }
    return valid;
}
/** DateTime.fromISO(value, { zone }), remembered per zone and value (contracts share a few start dates). */
function dateIn(value, zone) {
    const key = `${zone} ${value}`;
    let date = dates.get(key);
    if (date === undefined) {
        date = DateTime.fromISO(value, { zone });
        if (dates.size >= 10_000)
            dates.clear();
        dates.set(key, date);
    }
    return date;
}
/**
 * The first year from `first` to 30 years on in which `zone` moves its clocks by
 * other than whole hours (winter against summer offset), remembered per zone and year.
 */
function partHourShift(zone, first) {
    const key = `${zone} ${first}`;
    if (!shifts.has(key)) {
        let found;
        for (let year = first; year <= first + 30 && !found; year++) {
            const winter = DateTime.fromObject({ year, month: 1, day: 1 }, { zone }).offset;
            const summer = DateTime.fromObject({ year, month: 7, day: 1 }, { zone }).offset;
            const shift = Math.abs(winter - summer);
            if (shift % 60 !== 0)
                found = { year, shift };
        }
        shifts.set(key, found);
    }
    return shifts.get(key);
}
/** Throws what cron-parser throws for `schedule` (5 fields, not strict), remembered per expression. */
function checkCron(schedule) {
    if (!crons.has(schedule)) {
        try {
            dist.CronExpressionParser.parse(schedule, { strict: false });
            crons.set(schedule, undefined);
        }
        catch (error) {
            crons.set(schedule, error instanceof Error ? error : new Error(String(error)));
        }
    }
    const error = crons.get(schedule);
    if (error)
        throw error;
}
/** Programs found (or not) on `programsPath`, the PATH they were looked for on. */
const programs = new Map();
let programsPath;
/** Whether `file` can be executed. */
function isExecutable(file) {
    try {
        (0,external_node_fs_.accessSync)(file, external_node_fs_.constants.X_OK);
        return true;
    }
    catch {
        return false;
    }
}
/** Whether `program` (a bare name) is an executable in a folder of `path` (a PATH), remembered per PATH and name. */
function isOnPath(program, path) {
    if (path !== programsPath) {
        programs.clear();
        programsPath = path;
    }
    let found = programs.get(program);
    if (found === undefined) {
        found = path
            .split(external_node_path_.delimiter)
            .filter(Boolean)
            .some((dir) => isExecutable((0,external_node_path_.join)(dir, program)));
        programs.set(program, found);
    }
    return found;
}
const NO_TEMPLATES = { refs: [], unclosed: [] };
const scans = new Map();
/** templateRefs and unclosedTemplates of `text`, remembered per string. */
function templateScan(text) {
    if (!text.includes('{{'))
        return NO_TEMPLATES;
    let scan = scans.get(text);
    if (scan === undefined) {
        scan = { refs: templateRefs(text), unclosed: unclosedTemplates(text) };
        if (scans.size >= 10_000)
            scans.clear();
        scans.set(text, scan);
    }
    return scan;
}

;// CONCATENATED MODULE: ./src/contract/suggest.ts
// "Did you mean ...?" for misspelt keys and ids.
function distance(a, b) {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let diagonal = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const above = row[j];
            row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
            diagonal = above;
        }
    }
    return row[b.length];
}
/** The candidate closest to `word`, if it is close enough to be a likely typo. */
function closest(word, candidates) {
    let best;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const candidate of candidates) {
        const d = distance(word.toLowerCase(), candidate.toLowerCase());
        if (d < bestDistance) {
            best = candidate;
            bestDistance = d;
        }
    }
    return best !== undefined && bestDistance <= Math.max(1, Math.floor(word.length / 3)) ? best : undefined;
}
/** ` (did you mean 'x'?)` or nothing. */
function suggest_didYouMean(word, candidates) {
    const match = closest(word, candidates);
    return match === undefined ? '' : ` (did you mean '${match}'?)`;
}

;// CONCATENATED MODULE: ./src/contract/rules.ts
// Checks the schema cannot express: identity, schedule, time zone and dates.
// Each rule reads the raw data defensively (the schema may have failed too)
// and pushes located diagnostics.




const CRON_MACROS = ['@hourly', '@daily', '@weekly', '@monthly'];
const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/;
const isRecord = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const dagIdMatchesFolder = (data, source, out) => {
    const folder = (0,external_node_path_.basename)((0,external_node_path_.dirname)(source.file));
    if (typeof data.dag_id === 'string' && data.dag_id !== folder)
        out.push(source.diagnostic(['dag_id'], `dag_id '${data.dag_id}' must equal its folder name '${folder}'`));
};
const validSchedule = (data, source, out) => {
    const schedule = data.schedule;
    if (typeof schedule !== 'string')
        return;
    if (schedule.startsWith('@')) {
        if (!CRON_MACROS.includes(schedule))
            out.push(source.diagnostic(['schedule'], `unknown schedule '${schedule}': use ${CRON_MACROS.join(', ')} or a 5-field cron`));
        return;
    }
    const fields = schedule.trim().split(/\s+/).length;
    if (fields !== 5) {
        out.push(source.diagnostic(['schedule'], `invalid cron '${schedule}': expected 5 fields (minute hour day-of-month month day-of-week), got ${fields}`));
        return;
    }
    try {
        checkCron(schedule);
    }
    catch (error) {
        out.push(source.diagnostic(['schedule'], `invalid cron '${schedule}': ${error.message}`));
    }
};
let rules_zones;
const knownTimezone = (data, source, out) => {
    const zone = data.timezone;
    if (typeof zone !== 'string' || isValidZone(zone))
        return;
    rules_zones ??= Intl.supportedValuesOf('timeZone');
    out.push(source.diagnostic(['timezone'], `unknown time zone '${zone}'${suggest_didYouMean(zone, rules_zones)}`));
};
/**
 * Hourly partitions need whole-hour clock changes: where DST moves the clock by 30
 * minutes (Australia/Lord_Howe) local hours overlap or vanish, and keys planned on
 * one side of a change would not parse back on the other.
 */
const hourlyNeedsWholeHourShifts = (data, source, out) => {
    const zone = data.timezone;
    if (data.partition !== 'hourly' || typeof zone !== 'string' || !isValidZone(zone))
        return;
    const from = typeof data.start_date === 'string' ? Number.parseInt(data.start_date.slice(0, 4), 10) : Number.NaN;
    const first = Number.isFinite(from) ? from : DateTime.utc().year;
    const odd = partHourShift(zone, first);
    if (odd)
        out.push(source.diagnostic(['timezone'], `time zone '${zone}' moves its clocks by ${odd.shift} minutes in ${odd.year}: hourly partitions need whole-hour changes; use partition: daily or a zone such as UTC`));
};
function readDate(data, key, source, out) {
    const value = data[key];
    if (typeof value !== 'string')
        return undefined;
    const zone = typeof data.timezone === 'string' && isValidZone(data.timezone) ? data.timezone : 'UTC';
    const parsed = dateIn(value, zone);
    if (!DATE.test(value) || !parsed.isValid) {
        const why = parsed.invalidExplanation ? `: ${parsed.invalidExplanation}` : '';
        out.push(source.diagnostic([key], `${key} '${value}' is not a valid date (YYYY-MM-DD or YYYY-MM-DDTHH:MM)${why}`));
        return undefined;
    }
    return parsed;
}
const validDates = (data, source, out) => {
    const start = readDate(data, 'start_date', source, out);
    const end = readDate(data, 'end_date', source, out);
    if (start && end && end < start)
        out.push(source.diagnostic(['end_date'], `end_date ${String(data.end_date)} is before start_date ${String(data.start_date)}`));
};
const pipelineRules = [
    dagIdMatchesFolder,
    validSchedule,
    knownTimezone,
    hourlyNeedsWholeHourShifts,
    validDates,
];

;// CONCATENATED MODULE: ./src/contract/command-rules.ts
// A command's program should exist where `validate` runs: `pyton3` would only be
// found at the run's first attempt. A warning, not an error, located at the
// program: a workflow may install tools after validating.





const pathDirs = () => (process.env.PATH ?? '').split(external_node_path_.delimiter).filter(Boolean);
/** Every program name on PATH, for the suggestion (read only when a program is missing). */
function programsOnPath() {
    return pathDirs().flatMap((dir) => {
        try {
            return (0,external_node_fs_.readdirSync)(dir);
        }
        catch {
            return [];
        }
    });
}
const programExists = (data, source, out) => {
    if (!Array.isArray(data.tasks))
        return;
    const pipelineDir = (0,external_node_path_.dirname)((0,external_node_path_.resolve)(source.file));
    // Read once: each read of process.env copies the variable out of the environment.
    const path = process.env.PATH ?? '';
    data.tasks.forEach((task, index) => {
        if (!isRecord(task) || !Array.isArray(task.command))
            return;
        const program = task.command[0];
        if (typeof program !== 'string' || program === '' || program.includes('{{'))
            return;
        const at = ['tasks', index, 'command', 0];
        const severity = 'warning';
        if (program.includes('/')) {
            const cwd = (0,external_node_path_.resolve)(pipelineDir, typeof task.cwd === 'string' ? task.cwd : '.');
            if (!isExecutable((0,external_node_path_.resolve)(cwd, program)))
                out.push(source.diagnostic(at, `program '${program}' is not an executable file (looked in ${cwd})`, { severity }));
            return;
        }
        if (isOnPath(program, path))
            return;
        out.push(source.diagnostic(at, `program '${program}' is not on PATH here${suggest_didYouMean(program, programsOnPath())}: fix the name, or install it before the run`, { severity }));
    });
};
const commandRules = [programExists];

;// CONCATENATED MODULE: ./src/contract/duration.ts
// Durations in contracts: a number and a unit, e.g. 500ms, 30s, 5m, 1h, 1d.
const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/;
/**
 * The longest duration a timer can hold: Node's setTimeout fires after 1 ms for
 * anything at or above 2^31 ms, so a longer timeout or delay would be misread.
 */
const MAX_DURATION_MS = 2 ** 31 - 1;
/** Milliseconds of a duration, or undefined when the text is not one. */
function parseDuration(text) {
    const match = DURATION.exec(text.trim());
    if (!match)
        return undefined;
    return Math.round(Number(match[1]) * UNIT_MS[match[2]]);
}

;// CONCATENATED MODULE: ./src/contract/limit-rules.ts
// Values the schema can parse but the executor would misread: durations beyond
// what a timer holds, zero timeouts and poke intervals. (Retries are capped in
// the schema.)


// Formatted only when a contract breaks it: the first toLocaleString of a process
// loads ICU's number data, 5 ms of every validate's cold start.
const limit = () => `${MAX_DURATION_MS.toLocaleString('en-US')} ms, about 24.8 days`;
const POLICY_KEYS = ['retry_delay', 'max_retry_delay', 'timeout'];
/** Keys where zero means "never wait" and would end every attempt at once, or spin. */
const POSITIVE = new Set(['timeout', 'poke_interval']);
function checkDurations(map, at, keys, push) {
    for (const key of keys) {
        const text = map[key];
        if (typeof text !== 'string')
            continue;
        const ms = parseDuration(text);
        if (ms === undefined)
            continue; // the schema words a malformed duration
        if (ms > MAX_DURATION_MS)
            push([...at, key], `${key} '${text}' is longer than the longest timer pipewright can hold (${limit()})`);
        else if (ms === 0 && POSITIVE.has(key))
            push([...at, key], `${key} '${text}' must be longer than zero`);
    }
}
const durationLimits = (data, source, out) => {
    const push = (path, message) => out.push(source.diagnostic(path, message));
    if (isRecord(data.defaults))
        checkDurations(data.defaults, ['defaults'], POLICY_KEYS, push);
    if (!Array.isArray(data.tasks))
        return;
    data.tasks.forEach((task, index) => {
        if (!isRecord(task))
            return;
        checkDurations(task, ['tasks', index], POLICY_KEYS, push);
        if (isRecord(task.sensor))
            checkDurations(task.sensor, ['tasks', index, 'sensor'], ['poke_interval', 'timeout'], push);
    });
};
const limitRules = [durationLimits];

;// CONCATENATED MODULE: ./src/contract/model.ts
// The normalized pipeline contract: what `loadPipeline` returns once a
// pipeline.yml has passed validation. Durations are milliseconds, paths in
// `inputs`/`outputs` are still templates relative to the data root.
const DEFAULT_POLICY = {
    retries: 0,
    retryDelayMs: 30_000,
    retryBackoff: 'fixed',
    maxRetryDelayMs: 600_000,
    timeoutMs: 3_600_000,
    retryOnCodeError: false,
};

;// CONCATENATED MODULE: ./src/contract/normalize.ts
// Turns a contract that passed validation into the `Pipeline` the rest of
// pipewright uses: defaults filled in, durations in ms, task policy resolved.



const PIPELINE_DEFAULTS = {
    timezone: 'UTC',
    catchup: false,
    maxActiveRuns: 1,
    maxActiveTasks: 4,
    retainVersions: 3,
    sensor: { pokeIntervalMs: 30_000, timeoutMs: 1_200_000, onTimeout: 'fail' },
};
const ms = (value, fallback) => typeof value === 'string' ? (parseDuration(value) ?? fallback) : fallback;
const strings = (value) => (Array.isArray(value) ? value.map(String) : []);
const record = (value) => (typeof value === 'object' && value !== null ? value : {});
function policy(raw, base) {
    return {
        retries: typeof raw.retries === 'number' ? raw.retries : base.retries,
        retryDelayMs: ms(raw.retry_delay, base.retryDelayMs),
        retryBackoff: raw.retry_backoff === 'exponential' || raw.retry_backoff === 'fixed' ? raw.retry_backoff : base.retryBackoff,
        maxRetryDelayMs: ms(raw.max_retry_delay, base.maxRetryDelayMs),
        timeoutMs: ms(raw.timeout, base.timeoutMs),
        retryOnCodeError: typeof raw.retry_on_code_error === 'boolean' ? raw.retry_on_code_error : base.retryOnCodeError,
    };
}
function checkRule(raw) {
    const severity = raw.severity === 'warning' ? 'warning' : 'error';
    if ('required_columns' in raw)
        return { type: 'required_columns', columns: strings(raw.required_columns), severity };
    if ('row_count' in raw) {
        const { min, max } = record(raw.row_count);
        return {
            type: 'row_count',
            ...(typeof min === 'number' ? { min } : {}),
            ...(typeof max === 'number' ? { max } : {}),
            severity,
        };
    }
    if ('not_null' in raw)
        return { type: 'not_null', columns: strings(raw.not_null), severity };
    if ('unique' in raw)
        return { type: 'unique', columns: strings(raw.unique), severity };
    if ('accepted_values' in raw) {
        const { column, values } = record(raw.accepted_values);
        return { type: 'accepted_values', column: String(column), values: strings(values), severity };
    }
    if ('date_in_partition' in raw)
        return { type: 'date_in_partition', column: String(raw.date_in_partition), severity };
    return { type: 'numeric', columns: strings(raw.numeric), severity };
}
function spec(raw) {
    if (typeof raw.handler === 'string') {
        const at = raw.handler.lastIndexOf('#');
        return { kind: 'handler', module: raw.handler.slice(0, at), exportName: raw.handler.slice(at + 1) };
    }
    if (Array.isArray(raw.command)) {
        const codes = record(raw.exit_codes);
        const numbers = (v) => (Array.isArray(v) ? v.map(Number) : []);
        return {
            kind: 'command',
            argv: strings(raw.command),
            ...(typeof raw.cwd === 'string' ? { cwd: raw.cwd } : {}),
            exitCodes: { transient: numbers(codes.transient), data: numbers(codes.data) },
        };
    }
    if (raw.sensor !== undefined) {
        const sensor = record(raw.sensor);
        const d = PIPELINE_DEFAULTS.sensor;
        return {
            kind: 'sensor',
            path: String(sensor.path),
            pokeIntervalMs: ms(sensor.poke_interval, d.pokeIntervalMs),
            timeoutMs: ms(sensor.timeout, d.timeoutMs),
            ...(typeof sensor.give_up_after === 'string' ? { giveUpAfterMs: ms(sensor.give_up_after, 0) } : {}),
            onTimeout: sensor.on_timeout === 'defer' ? 'defer' : d.onTimeout,
        };
    }
    const checks = record(raw.checks);
    return {
        kind: 'checks',
        dataset: String(checks.dataset),
        rules: (Array.isArray(checks.rules) ? checks.rules : []).map((r) => checkRule(record(r))),
    };
}
function alerts(raw) {
    if (raw === undefined)
        return { on: [], labels: [], assignees: [] };
    const a = record(raw);
    return {
        on: Array.isArray(a.on) ? a.on : ['failure'],
        labels: strings(a.labels),
        assignees: strings(a.assignees),
    };
}
/** `inputs` split into path templates and `from:` references to other pipelines' outputs. */
function inputs(raw) {
    const paths = {};
    const from = {};
    for (const [name, value] of Object.entries(record(raw))) {
        if (typeof value === 'string') {
            paths[name] = value;
            continue;
        }
        const [dagId = '', output = ''] = String(record(value).from).split('.');
        from[name] = { dagId, output };
    }
    return { inputs: paths, from };
}
/** `data` must have passed schemaDiagnostics and the rules with no error. */
function normalizePipeline(data, file) {
    const absolute = (0,external_node_path_.resolve)(file);
    const defaults = policy(record(data.defaults), DEFAULT_POLICY);
    const tasks = data.tasks.map((t) => ({
        id: String(t.id),
        upstream: strings(t.upstream),
        triggerRule: t.trigger_rule ?? 'all_success',
        ...(typeof t.runbook === 'string' ? { runbook: t.runbook } : {}),
        policy: policy(t, defaults),
        spec: spec(t),
        resume: t.resume === 'never' ? 'never' : 'auto',
    }));
    return {
        dagId: String(data.dag_id),
        description: String(data.description),
        owner: String(data.owner),
        ...(typeof data.runbook === 'string' ? { runbook: data.runbook } : {}),
        consumers: strings(data.consumers),
        tags: strings(data.tags),
        ...(typeof data.schedule === 'string' ? { schedule: data.schedule } : {}),
        timezone: typeof data.timezone === 'string' ? data.timezone : PIPELINE_DEFAULTS.timezone,
        partition: data.partition,
        startDate: String(data.start_date),
        ...(typeof data.end_date === 'string' ? { endDate: data.end_date } : {}),
        catchup: typeof data.catchup === 'boolean' ? data.catchup : PIPELINE_DEFAULTS.catchup,
        maxActiveRuns: typeof data.max_active_runs === 'number' ? data.max_active_runs : PIPELINE_DEFAULTS.maxActiveRuns,
        maxActiveTasks: typeof data.max_active_tasks === 'number' ? data.max_active_tasks : PIPELINE_DEFAULTS.maxActiveTasks,
        ...(typeof data.catchup_window === 'string' ? { catchupWindowMs: ms(data.catchup_window, 0) } : {}),
        retainVersions: typeof data.retain_versions === 'number' ? data.retain_versions : PIPELINE_DEFAULTS.retainVersions,
        ...(typeof data.data_root === 'string' ? { dataRoot: data.data_root } : {}),
        reprocessOnTick: data.reprocess_on_tick === 'changed' ? 'changed' : 'failed',
        ...(data.freshness !== undefined ? { freshness: { deadline: String(record(data.freshness).deadline) } } : {}),
        defaults,
        ...inputs(data.inputs),
        outputs: Object.fromEntries(Object.entries(record(data.outputs)).map(([k, v]) => [k, String(v)])),
        tasks,
        alerts: alerts(data.alerts),
        dir: (0,external_node_path_.dirname)(absolute),
        file: absolute,
    };
}

;// CONCATENATED MODULE: ./src/errors.ts
// Every error pipewright raises on purpose lives here. The edges (CLI, actions)
// map them to exit codes, annotations and failure classes; anything else is a bug.
/** Bad flags or action inputs: exit 2, one line, nothing done. */
class errors_UsageError extends Error {
    name = 'UsageError';
}
/** A problem in a user's pipeline.yml, located at file:line:col. */
class errors_ContractError extends Error {
    name = 'ContractError';
    file;
    line;
    col;
    constructor(message, file, line, col) {
        super(message);
        this.file = file;
        this.line = line;
        this.col = col;
    }
}
/**
 * The workspace's stored state cannot be used as it is (a corrupt run record, a file
 * where pipewright keeps a folder, a read-only data root): one line naming the file
 * and the fix, exit 1. Nothing is written until it is fixed.
 */
class errors_StateError extends Error {
    name = 'StateError';
    file;
    constructor(message, file) {
        super(message);
        this.file = file;
    }
}
/** Thrown by task code for a failure worth retrying (HTTP 503, a timeout upstream, a lock). */
class TransientError extends Error {
    name = 'TransientError';
}
/** Thrown by task code when the data breaks its contract: never retried, nothing published. */
class DataContractError extends Error {
    name = 'DataContractError';
}
/** The reason an attempt's signal carries when its timeout passed. */
class AttemptTimeoutError extends Error {
    name = 'TimeoutError';
}
/** Another run holds the partition; the caller should report it busy, not failed. */
class PartitionBusyError extends Error {
    name = 'PartitionBusyError';
    dagId;
    partition;
    holder;
    constructor(dagId, partition, holder) {
        super(`partition ${dagId}/${partition} is busy: run ${holder} holds it`);
        this.dagId = dagId;
        this.partition = partition;
        this.holder = holder;
    }
}
/** A live lease is held by someone else: the caller should report it busy (exit 1), not failed. */
class LeaseHeldError extends Error {
    name = 'LeaseHeldError';
    /** The lease object, as the store names it. */
    where;
    current;
    constructor(where, current) {
        super(`${where} is held by run ${describeLeaseHolder(current)}`);
        this.where = where;
        this.current = current;
    }
}
/** `run-1 (pid 42 on runner-3) until 2026-05-02T06:01:00.000Z`: who holds a lease, in one phrase. */
function describeLeaseHolder(current) {
    return `${current.holder} (pid ${current.pid} on ${current.host}) until ${current.expiresAt}`;
}
/** A lease we held was taken over, or could not be renewed before it expired: the run must stop writing. */
class LeaseLostError extends Error {
    name = 'LeaseLostError';
}
/** Classifies anything a task threw. Errors from other copies of this module are matched by name. */
function classifyError(error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'TransientError')
        return 'transient';
    if (name === 'DataContractError')
        return 'data';
    if (name === 'TimeoutError' || name === 'AbortError')
        return 'timeout';
    return 'code';
}
/** One message from any thrown value, without a stack for the errors we raise on purpose. */
function errors_errorMessage(error) {
    if (error instanceof Error)
        return error.message;
    return String(error);
}
/** True for what one line explains (mistakes, busy partitions, an unreachable service); false for bugs (shown with a stack). */
function isUserError(error) {
    return (error instanceof errors_UsageError ||
        error instanceof errors_ContractError ||
        error instanceof PartitionBusyError ||
        error instanceof LeaseHeldError ||
        error instanceof errors_StateError ||
        // Outside a task (a bucket unreachable at start): the network, not a bug; its message says what to check.
        error instanceof TransientError);
}
/** The CLI's exit code for a user error: 1 for state to repair (the input was fine), 2 for bad input. */
function userErrorExitCode(error) {
    return error instanceof errors_StateError || error instanceof LeaseHeldError || error instanceof TransientError ? 1 : 2;
}
const THROWN_CLASSES = {
    UsageError: errors_UsageError,
    ContractError: errors_ContractError,
    StateError: errors_StateError,
    TransientError,
    DataContractError,
    TimeoutError: AttemptTimeoutError,
    PartitionBusyError,
    LeaseHeldError,
    LeaseLostError,
};
function thrownData(thrown) {
    if (!(thrown instanceof Error))
        return { error: false, value: String(thrown) };
    // Own data fields (a path, an errno code, a holder): what the edges read besides the message.
    const fields = {};
    for (const [key, value] of Object.entries(thrown)) {
        if (typeof value !== 'function' && typeof value !== 'symbol')
            fields[key] = value;
    }
    return { error: true, name: thrown.name, message: thrown.message, stack: thrown.stack, fields };
}
/** The error `thrownData` described, of its class again (so the edges tell a user's mistake from a bug). */
function thrownFrom(data) {
    if (!data.error)
        return data.value;
    const error = Object.create((THROWN_CLASSES[data.name] ?? Error).prototype);
    return Object.assign(error, data.fields, { name: data.name, message: data.message, stack: data.stack });
}

;// CONCATENATED MODULE: ./src/store/paths.ts
// Every contract path resolves under one data root, and nothing may leave it:
// partition keys and rendered templates are checked before any file is touched.




const DATA_ROOT_ENV = 'PIPEWRIGHT_DATA_ROOT';
/** The folder under the data root that pipewright owns: run ledger, locks, reports. */
const STATE_DIR = '_pipewright';
/**
 * `--data-root` wins over PIPEWRIGHT_DATA_ROOT, which wins over the contract's
 * `data_root` (relative to the pipeline folder), then `<pipeline folder>/data`.
 * An `s3://bucket/prefix` address is kept as it is.
 */
function resolveDataRoot(pipeline, flag, env = process.env, cwd = process.cwd()) {
    const chosen = nonEmpty(flag) ?? nonEmpty(env[DATA_ROOT_ENV]);
    const named = chosen ?? nonEmpty(pipeline.dataRoot);
    if (named !== undefined && /[\0\r\n]/.test(named))
        throw new UsageError(`refusing data root ${JSON.stringify(named)}: it contains a line break or NUL`);
    if (named === undefined)
        return join(pipeline.dir, 'data');
    if (/^s3:\/\//i.test(named))
        return named;
    return chosen !== undefined ? resolve(cwd, chosen) : resolve(pipeline.dir, named);
}
/** The template variables of one partition; `ds` is the interval start's date in the pipeline's zone. */
function templateVars(partition) {
    // The start carries the zone's offset, so its first ten characters are the local date.
    const ds = partition.dataIntervalStart.slice(0, 10);
    return {
        ds,
        ds_nodash: ds.replaceAll('-', ''),
        hour: partition.dataIntervalStart.slice(11, 13),
        ts_nodash: partition.dataIntervalStart.slice(0, 19).replaceAll('-', '').replaceAll(':', ''),
        partition: partition.key,
        data_interval_start: partition.dataIntervalStart,
        data_interval_end: partition.dataIntervalEnd,
    };
}
const PLACEHOLDER = /\{\{\s*([^}]*?)\s*\}\}/g;
/** Replaces `{{ name }}` / `{{ inputs.NAME }}` / `{{ outputs.NAME }}`; an unknown name is a UsageError. */
function renderTemplate(template, vars) {
    return template.replace(PLACEHOLDER, (_match, name) => {
        const value = lookup(vars, name);
        if (value === undefined) {
            throw new UsageError(`unknown template variable '{{ ${name} }}' in '${template}' (known: ${knownNames(vars)})`);
        }
        return value;
    });
}
function lookup(vars, name) {
    const dot = name.indexOf('.');
    const head = dot < 0 ? name : name.slice(0, dot);
    const tail = dot < 0 ? undefined : name.slice(dot + 1);
    if (tail !== undefined) {
        if (head !== 'inputs' && head !== 'outputs')
            return undefined;
        const table = vars[head];
        return table && Object.hasOwn(table, tail) ? table[tail] : undefined;
    }
    if (head === 'inputs' || head === 'outputs')
        return undefined;
    const value = vars[head];
    return typeof value === 'string' ? value : undefined;
}
function knownNames(vars) {
    const names = [...TEMPLATE_VARIABLES];
    for (const table of ['inputs', 'outputs']) {
        for (const key of Object.keys(vars[table] ?? {}))
            names.push(`${table}.${key}`);
    }
    return names.join(', ');
}
/**
 * Refuses a value used as one path segment (partition key, dag id, run id) when it
 * could climb out of its folder or hide: `..`, separators, NUL, a leading dot.
 */
function assertSafeSegment(value, what) {
    const problem = segmentProblem(value);
    if (problem !== undefined) {
        throw new UsageError(`refusing ${what} '${printable(value)}': ${problem}, so it could escape the data root`);
    }
}
function segmentProblem(value) {
    if (value === '')
        return 'it is empty';
    if (value.includes('\0'))
        return 'it contains a NUL byte';
    if (value.includes('/'))
        return "it contains '/'";
    if (value.includes('\\'))
        return "it contains '\\'";
    if (value.includes('..'))
        return "it contains '..'";
    if (value.startsWith('.'))
        return "it starts with '.'";
    return undefined;
}
/** Absolute path of `path` (relative to the root, or absolute) that must lie strictly inside `dataRoot`. */
function resolveInside(dataRoot, path) {
    if (path.includes('\0'))
        throw new UsageError(`refusing path '${printable(path)}': it contains a NUL byte`);
    const root = resolve(dataRoot);
    const target = resolve(root, path);
    const rel = relative(root, target);
    if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
        throw new UsageError(`refusing path '${path}': it resolves to ${target}, outside the data root ${root}`);
    }
    return target;
}
/** Path relative to the data root with forward slashes, as recorded in manifests and run records. */
function relativeToRoot(dataRoot, absolute) {
    return relative(resolve(dataRoot), absolute).split(sep).join('/');
}
/**
 * The contract's inputs and outputs of one partition as keys relative to the data
 * root (a folder or a bucket prefix), refused when they would leave it.
 */
function resolvePartitionKeys(pipeline, partition) {
    // A `from:` input's key is relative to its upstream's data root (the caller knows which store that is).
    const paths = resolvePartitionPaths({ inputs: pipeline.inputs, outputs: pipeline.outputs }, partition, KEY_ROOT);
    const rel = (record) => Object.fromEntries(Object.entries(record).map(([name, path]) => [name, relativeToRoot(KEY_ROOT, path)]));
    return { inputs: rel(paths.inputs), outputs: rel(paths.outputs) };
}
// Keys are resolved against a stand-in root: the same rules as paths in a folder, whatever the store.
const KEY_ROOT = (0,external_node_path_.resolve)('/pipewright-data-root');
/** `path` as a key relative to the data root (normalized), refused when it would leave the root. */
function keyInsideRoot(path) {
    return relativeToRoot(KEY_ROOT, resolveInside(KEY_ROOT, path));
}
/**
 * The contract's inputs and outputs of one partition as absolute paths inside the data root
 * (a `from:` input inside its upstream's data root).
 */
function resolvePartitionPaths(pipeline, partition, dataRoot) {
    assertSafeSegment(partition.key, 'partition key');
    const base = templateVars(partition);
    const inputs = {};
    for (const [name, template] of Object.entries(pipeline.inputs)) {
        inputs[name] = resolveInside(pipeline.from?.[name]?.dataRoot ?? dataRoot, renderTemplate(template, base));
    }
    const outputs = {};
    for (const [name, template] of Object.entries(pipeline.outputs)) {
        outputs[name] = resolveInside(dataRoot, renderTemplate(template, base));
    }
    return { inputs, outputs };
}
function nonEmpty(value) {
    return value === undefined || value.trim() === '' ? undefined : value;
}
function printable(value) {
    return value.replaceAll('\0', '\\0');
}
const inside = (root, path) => {
    const rel = relative(root, path);
    return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
};
function statOf(path) {
    try {
        return lstatSync(path);
    }
    catch {
        return undefined;
    }
}
/** The folders of a path template before its first `{{`, e.g. `gold/sales/dt={{ ds }}/x.csv` → gold, gold/sales. */
function fixedFolders(template) {
    const fixed = template
        .split('{{')[0]
        .split('/')
        .slice(0, -1)
        .filter((s) => s !== '' && s !== '.');
    return fixed.map((_, i) => fixed.slice(0, i + 1).join('/'));
}
/**
 * Checks, before anything is written, that the data root can hold this pipeline's
 * files: it is a folder (or does not exist yet), pipewright's own folders are
 * folders, and no symbolic link on the way to a dataset (the fixed folders of
 * each path, and the entries right under the deepest one, such as `dt=...`)
 * leads outside the data root's real path. Paths are checked by text elsewhere;
 * this closes the gap a link would open.
 */
function assertDataRootUsable(dataRoot, pipeline) {
    if (/^s3:\/\//i.test(dataRoot))
        return; // a bucket is checked when it is opened (src/store/data-root.ts)
    const root = resolve(dataRoot);
    const info = statOf(root);
    if (info === undefined) {
        assertCreatable(root); // created on first write
        return;
    }
    if (!(info.isSymbolicLink() ? statSync(root) : info).isDirectory())
        throw new UsageError(`data root ${root} is not a folder: point --data-root (or ${DATA_ROOT_ENV}) at a folder`);
    const realRoot = realpathSync(root);
    const templates = [...Object.values(pipeline.inputs), ...Object.values(pipeline.outputs)];
    const checked = new Set();
    const check = (path) => {
        if (checked.has(path))
            return;
        checked.add(path);
        const at = statOf(path);
        if (!at?.isSymbolicLink())
            return;
        let target;
        try {
            target = realpathSync(path);
        }
        catch {
            target = `${readlinkSync(path)} (missing)`;
        }
        if (!isAbsolute(target) || !inside(realRoot, target))
            throw new StateError(`${path} is a link to ${target}, outside the data root ${realRoot}: replace it with a folder, or point --data-root at the real data`, path);
    };
    for (const folder of [STATE_DIR, ...['runs', 'locks', 'reports'].map((f) => `${STATE_DIR}/${f}`)]) {
        const path = join(root, folder);
        const at = statOf(path);
        if (at?.isSymbolicLink())
            check(path);
        if (at && !(at.isSymbolicLink() ? statSync(path) : at).isDirectory())
            throw new StateError(`${path} is not a folder: pipewright keeps its state there; move it aside`, path);
    }
    for (const template of templates) {
        const folders = fixedFolders(template);
        for (const folder of folders)
            check(join(root, folder));
        const deepest = join(root, folders.at(-1) ?? '.');
        if (!statOf(deepest)?.isDirectory())
            continue;
        for (const name of readdirSync(deepest))
            check(join(deepest, name));
    }
}
/** A data root not created yet: its nearest existing ancestor must be a folder (a link to one is fine). */
function assertCreatable(root) {
    let ancestor = dirname(root);
    while (statOf(ancestor) === undefined && dirname(ancestor) !== ancestor)
        ancestor = dirname(ancestor);
    const fix = `point --data-root (or ${DATA_ROOT_ENV}) at a folder`;
    if (statOf(ancestor)?.isSymbolicLink() && !existsSync(ancestor))
        throw new UsageError(`data root ${root} cannot be created: ${ancestor} is a link to ${readlinkSync(ancestor)}, which does not exist: create it, or ${fix}`);
    if (!statSync(ancestor).isDirectory())
        throw new UsageError(`data root ${root} cannot be created: ${ancestor} is not a folder: ${fix}`);
}

;// CONCATENATED MODULE: ./src/contract/path-rules.ts
// Where a contract's paths may point. Dataset and sensor paths stay inside the
// data root and out of pipewright's own `_pipewright/` folder (the ledger, locks
// and reports: an output there breaks every later run); one output per path, and
// never over an input. Handler modules and command working folders stay inside
// the pipeline folder. All of this is checked on the text, before anything runs.



/** Why `normalized` (a posix path relative to its base) escapes the base, or undefined. */
function escapeProblem(text, normalized, base) {
    if (text.startsWith('/') || /^[A-Za-z]:[\\/]/.test(text) || text.startsWith('\\'))
        return `is absolute: write it relative to the ${base}`;
    if (text.includes('\\'))
        return "contains '\\': use '/' between folders";
    if (normalized === '..' || normalized.startsWith('../'))
        return `climbs out of the ${base} with '..': keep it inside`;
    return undefined;
}
function normalize(text) {
    return external_node_path_.posix.normalize(text).replace(/\/+$/, '');
}
/** A data-root path's problem: outside the root, the root itself, or inside `_pipewright/`. */
function dataPathProblem(text) {
    const normalized = normalize(text);
    const outside = escapeProblem(text, normalized, 'data root');
    if (outside)
        return outside;
    if (normalized === '.' || normalized === '')
        return 'is the data root itself: name a file inside it';
    const head = normalized.split('/')[0];
    if (head.toLowerCase() === STATE_DIR)
        return `is inside ${STATE_DIR}/, where pipewright keeps its ledger, locks and reports: choose another folder`;
    return undefined;
}
/** `{{ inputs.x }}` / `{{ outputs.x }}` replaced by the dataset's own template, to check what a task path reaches. */
function expandDatasets(text, data) {
    return text.replace(/\{\{\s*(inputs|outputs)\.([^}\s]+)\s*\}\}/g, (whole, group, name) => {
        const map = data[group];
        const value = isRecord(map) ? map[name] : undefined;
        return typeof value === 'string' ? value : whole;
    });
}
const datasetPaths = (data, source, out) => {
    const seen = new Map();
    for (const group of ['inputs', 'outputs']) {
        const map = data[group];
        if (!isRecord(map))
            continue;
        for (const [name, value] of Object.entries(map)) {
            if (typeof value !== 'string' || value === '')
                continue;
            const problem = dataPathProblem(value);
            if (problem) {
                out.push(source.diagnostic([group, name], `${group.slice(0, -1)} '${name}' path '${value}' ${problem}`));
                continue;
            }
            const key = normalize(value);
            const first = seen.get(key);
            if (first && group === 'outputs') {
                const what = first.group === 'inputs' ? `input '${first.name}'` : `output '${first.name}'`;
                const line = source.locate([first.group, first.name]).line;
                out.push(source.diagnostic([group, name], `output '${name}' has the same path as ${what} (line ${line}): a run would overwrite it; give each output its own path`));
            }
            else if (!first)
                seen.set(key, { group, name });
        }
    }
};
function tasksOf(data) {
    if (!Array.isArray(data.tasks))
        return [];
    return data.tasks.flatMap((task, index) => (isRecord(task) ? [{ task, index }] : []));
}
const taskPaths = (data, source, out) => {
    const push = (path, message) => out.push(source.diagnostic(path, message));
    for (const { task, index } of tasksOf(data)) {
        if (isRecord(task.sensor) && typeof task.sensor.path === 'string' && task.sensor.path !== '') {
            const problem = dataPathProblem(expandDatasets(task.sensor.path, data));
            if (problem)
                push(['tasks', index, 'sensor', 'path'], `sensor path '${task.sensor.path}' ${problem}`);
        }
        if (typeof task.handler === 'string' && task.handler.includes('#')) {
            const module = task.handler.slice(0, task.handler.lastIndexOf('#'));
            const problem = escapeProblem(module, normalize(module), 'pipeline folder');
            if (problem)
                push(['tasks', index, 'handler'], `handler module '${module}' ${problem}`);
        }
        if (typeof task.cwd === 'string') {
            const problem = escapeProblem(task.cwd, normalize(task.cwd), 'pipeline folder');
            if (problem)
                push(['tasks', index, 'cwd'], `cwd '${task.cwd}' ${problem}`);
        }
    }
};
const pathRules = [datasetPaths, taskPaths];
/** True when a handler module path passed `pathRules` (relative, inside the pipeline folder). */
function handlerModuleInside(module) {
    return escapeProblem(module, normalize(module), 'pipeline folder') === undefined;
}

// EXTERNAL MODULE: ./node_modules/ajv/dist/runtime/ucs2length.js
var ucs2length = __webpack_require__(6214);
// EXTERNAL MODULE: ./node_modules/ajv/dist/runtime/equal.js
var equal = __webpack_require__(4951);
;// CONCATENATED MODULE: ./src/contract/schema-validator.js
// Generated from src/contract/schema.ts by src/contract/schema-write.ts: do not edit.


"use strict";const validate = validate10;/* harmony default export */ const schema_validator = ((/* unused pure expression or super */ null && (validate10)));const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://github.com/pipewright/pipewright/schema/pipeline.schema.json","title":"pipewright pipeline contract","description":"pipelines/<dag_id>/pipeline.yml: a batch pipeline run by GitHub Actions.","type":"object","additionalProperties":false,"required":["dag_id","description","owner","tags","partition","start_date","tasks"],"properties":{"dag_id":{"type":"string","pattern":"^[a-z][a-z0-9_]*$","x-expected":"lower snake_case starting with a letter (a-z, 0-9, _)","description":"The pipeline id; must equal the name of its folder."},"description":{"type":"string","minLength":1,"pattern":"\\S","description":"What the pipeline produces, for people."},"owner":{"type":"string","minLength":1,"pattern":"\\S","description":"Team or person answerable for the pipeline."},"runbook":{"type":"string","pattern":"^(https?://\\S+|[^#\\s][^#]*\\.md(#[A-Za-z0-9_-]+)?)$","x-expected":"a Markdown file relative to the pipeline folder with an optional #section (runbook.md#late-export), or an http(s) URL","description":"What to do when this fails: a Markdown file relative to the pipeline folder, optionally with a #section, or an http(s) URL."},"consumers":{"type":"array","items":{"type":"string","pattern":"^@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(/[A-Za-z0-9_.-]+)?$","x-expected":"a GitHub @user or @org/team"},"uniqueItems":true,"description":"Who reads the outputs (@user or @org/team): mentioned when a backfill is announced."},"tags":{"type":"array","minItems":1,"items":{"type":"string","minLength":1},"uniqueItems":true,"description":"At least one tag."},"schedule":{"type":"string","description":"5-field cron (minute hour day month weekday) or @hourly, @daily, @weekly, @monthly. Absent: manual runs only."},"timezone":{"type":"string","description":"IANA time zone the schedule and partitions are read in (default UTC)."},"partition":{"enum":["hourly","daily","weekly","monthly"],"description":"The grain of a partition: one data interval per run."},"start_date":{"type":"string","description":"First logical date (YYYY-MM-DD or ISO date-time), read in timezone."},"end_date":{"type":"string","description":"Last logical date (inclusive); absent = open-ended."},"catchup":{"type":"boolean","description":"Plan every due partition whose latest run did not succeed, gaps before a later success too, not only the latest (default false)."},"max_active_runs":{"type":"integer","minimum":1,"description":"Partitions run at once (default 1)."},"max_active_tasks":{"type":"integer","minimum":1,"description":"Tasks run at once within a partition (default 4)."},"catchup_window":{"type":"string","pattern":"^[0-9]+(\\.[0-9]+)?(ms|s|m|h|d)$","x-expected":"a duration like 500ms, 30s, 5m, 1h or 1d","description":"With catchup: a tick plans only partitions whose interval ended within this window (e.g. 14d); older gaps are listed with the backfill command that fills them."},"retain_versions":{"type":"integer","minimum":0,"maximum":100,"description":"Published versions of each partition kept for rollback besides the live one (default 3)."},"data_root":{"type":"string","minLength":1,"pattern":"^(s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/.*)?|[^:]*)$","description":"Where the data lives when no --data-root flag or PIPEWRIGHT_DATA_ROOT says: a folder relative to the pipeline (default data), or an S3-compatible bucket s3://bucket/prefix."},"reprocess_on_tick":{"enum":["failed","changed"],"description":"What a scheduled tick reruns besides missing partitions: failed (default), or changed — also completed partitions whose inputs or code changed since their live version."},"freshness":{"type":"object","additionalProperties":false,"required":["deadline"],"description":"When a partition must be published.","properties":{"deadline":{"type":"string","pattern":"^([01][0-9]|2[0-3]):[0-5][0-9]$","x-expected":"a local time HH:MM, e.g. \"07:30\"","description":"Local time HH:MM by which the partition must be published on the day its tick runs."}}},"defaults":{"type":"object","additionalProperties":false,"description":"Retry and timeout policy of every task; a task may override each key.","properties":{"retries":{"type":"integer","minimum":0,"maximum":100,"description":"How many times a failed attempt is retried (0 = never, at most 100). Code errors are not retried unless retry_on_code_error."},"retry_delay":{"type":"string","pattern":"^[0-9]+(\\.[0-9]+)?(ms|s|m|h|d)$","x-expected":"a duration like 500ms, 30s, 5m, 1h or 1d","description":"Wait before the first retry, e.g. 30s (at most 24.8 days)."},"retry_backoff":{"enum":["fixed","exponential"],"description":"fixed: every retry waits retry_delay; exponential: the wait doubles per attempt, with jitter."},"max_retry_delay":{"type":"string","pattern":"^[0-9]+(\\.[0-9]+)?(ms|s|m|h|d)$","x-expected":"a duration like 500ms, 30s, 5m, 1h or 1d","description":"Cap on the wait between retries with exponential backoff."},"timeout":{"type":"string","pattern":"^[0-9]+(\\.[0-9]+)?(ms|s|m|h|d)$","x-expected":"a duration like 500ms, 30s, 5m, 1h or 1d","description":"Deadline of one attempt, more than zero and at most 24.8 days; past it the attempt is aborted and counts as failed."},"retry_on_code_error":{"type":"boolean","description":"Also retry failures classified as code errors (default false: a bug fails after its first attempt)."}}},"inputs":{"type":"object","propertyNames":{"type":"string","pattern":"^[a-z][a-z0-9_]*$","x-expected":"lower snake_case starting with a letter (a-z, 0-9, _)"},"description":"Datasets read: name -> path template, or { from: <dag_id>.<output> } for another pipeline's output.","additionalProperties":{"type":["string","object"],"minLength":1,"additionalProperties":false,"required":["from"],"description":"Path template relative to the data root, e.g. raw/orders/dt={{ ds }}/orders.csv; or { from: <dag_id>.<output> }: another pipeline's output, whose path and partitions come from that pipeline's contract.","properties":{"from":{"type":"string","pattern":"^[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*$","x-expected":"<dag_id>.<output>, e.g. turanmart_daily_sales.daily_sales","description":"The upstream pipeline and its output, <dag_id>.<output>: a partition is planned only once the upstream partitions it covers are published."}}}},"outputs":{"type":"object","propertyNames":{"type":"string","pattern":"^[a-z][a-z0-9_]*$","x-expected":"lower snake_case starting with a letter (a-z, 0-9, _)"},"additionalProperties":{"type":"string","minLength":1,"description":"Path template relative to the data root, e.g. raw/orders/dt={{ ds }}/orders.csv."},"description":"Datasets written: name -> path template."},"tasks":{"type":"array","minItems":1,"items":{"type":"object","description":"A task: an id, its upstream tasks, and exactly one kind: handler, command, sensor or checks.","additionalProperties":false,"required":["id"],"properties":{"id":{"type":"string","pattern":"^[a-z][a-z0-9_]*$","x-expected":"lower snake_case starting with a letter (a-z, 0-9, _)","description":"Task id, unique in the pipeline (lower snake_case)."},"upstream":{"type":"array","items":{"type":"string"},"uniqueItems":true,"description":"Ids of the tasks that must finish before this one."},"runbook":{"type":"string","pattern":"^(https?://\\S+|[^#\\s][^#]*\\.md(#[A-Za-z0-9_-]+)?)$","x-expected":"a Markdown file relative to the pipeline folder with an optional #section (runbook.md#late-export), or an http(s) URL","description":"What to do when this fails: a Markdown file relative to the pipeline folder, optionally with a #section, or an http(s) URL. Quoted first when this task fails."},"trigger_rule":{"enum":["all_success","all_done","none_failed","one_failed"],"description":"When the task runs given its upstream states: all_success (default), all_done, none_failed, one_failed."},"retries":{"type":"integer","minimum":0,"maximum":100,"description":"How many times a failed attempt is retried (0 = never, at most 100). Code errors are not retried unless retry_on_code_error."},"retry_delay":{"type":"string","pattern":"^[0-9]+(\\.[0-9]+)?(ms|s|m|h|d)$","x-expected":"a duration like 500ms, 30s, 5m, 1h or 1d","description":"Wait before the first retry, e.g. 30s (at most 24.8 days)."},"retry_backoff":{"enum":["fixed","exponential"],"description":"fixed: every retry waits retry_delay; exponential: the wait doubles per attempt, with jitter."},"max_retry_delay":{"type":"string","pattern":"^[0-9]+(\\.[0-9]+)?(ms|s|m|h|d)$","x-expected":"a duration like 500ms, 30s, 5m, 1h or 1d","description":"Cap on the wait between retries with exponential backoff."},"timeout":{"type":"string","pattern":"^[0-9]+(\\.[0-9]+)?(ms|s|m|h|d)$","x-expected":"a duration like 500ms, 30s, 5m, 1h or 1d","description":"Deadline of one attempt, more than zero and at most 24.8 days; past it the attempt is aborted and counts as failed."},"retry_on_code_error":{"type":"boolean","description":"Also retry failures classified as code errors (default false: a bug fails after its first attempt)."},"handler":{"type":"string","pattern":"^[^#]+\\.(ts|js|mjs)#[A-Za-z_$][A-Za-z0-9_$]*$","x-expected":"path/to/module.ts#exportName (a .ts, .js or .mjs module relative to the pipeline folder)","description":"A function exported by a module in the repository: path/to/module.ts#exportName, relative to the pipeline folder."},"command":{"type":"array","minItems":1,"items":{"type":"string"},"description":"A program and its arguments, run without a shell; {{ }} templates are resolved per partition."},"cwd":{"type":"string","description":"Working directory of a command, relative to the pipeline folder."},"resume":{"enum":["auto","never"],"description":"auto (default): a resumed run reuses this task's staged outputs when its inputs and code are unchanged; never: it always reruns."},"exit_codes":{"type":"object","additionalProperties":false,"description":"Exit codes of a command mapped to failure classes; any other non-zero code is a code error.","properties":{"transient":{"type":"array","items":{"type":"integer","minimum":1,"maximum":255},"description":"Retried."},"data":{"type":"array","items":{"type":"integer","minimum":1,"maximum":255},"description":"Fail fast, nothing published."}}},"sensor":{"type":"object","additionalProperties":false,"required":["path"],"description":"Waits for a file under the data root.","properties":{"path":{"type":"string","minLength":1,"description":"Template of the path to wait for, e.g. {{ inputs.raw_orders }}."},"poke_interval":{"type":"string","pattern":"^[0-9]+(\\.[0-9]+)?(ms|s|m|h|d)$","x-expected":"a duration like 500ms, 30s, 5m, 1h or 1d","description":"How often to look (default 30s)."},"timeout":{"type":"string","pattern":"^[0-9]+(\\.[0-9]+)?(ms|s|m|h|d)$","x-expected":"a duration like 500ms, 30s, 5m, 1h or 1d","description":"How long to wait in one tick (default 20m)."},"give_up_after":{"type":"string","pattern":"^[0-9]+(\\.[0-9]+)?(ms|s|m|h|d)$","x-expected":"a duration like 500ms, 30s, 5m, 1h or 1d","description":"Deadline measured from the end of the partition's data interval (e.g. 3h): past it the sensor fails or defers at once instead of waiting its timeout again."},"on_timeout":{"enum":["fail","defer"],"description":"At the deadline: fail the task, or defer the partition to the next tick (default fail)."}}},"checks":{"type":"object","additionalProperties":false,"required":["dataset","rules"],"description":"Declarative data quality checks on one dataset.","properties":{"dataset":{"type":"string","description":"Name of an entry of inputs or outputs."},"rules":{"type":"array","minItems":1,"items":{"type":"object","description":"One rule: exactly one of the rule keys, optionally with severity.","additionalProperties":false,"minProperties":1,"properties":{"required_columns":{"type":"array","minItems":1,"items":{"type":"string","minLength":1},"description":"These columns must be present in the header."},"row_count":{"type":"object","additionalProperties":false,"description":"Bounds on the number of data rows.","properties":{"min":{"type":"integer","minimum":0,"description":"Fewest rows accepted."},"max":{"type":"integer","minimum":0,"description":"Most rows accepted."}}},"not_null":{"type":"array","minItems":1,"items":{"type":"string","minLength":1},"description":"These columns must never be empty."},"unique":{"type":"array","minItems":1,"items":{"type":"string","minLength":1},"description":"The combination of these columns must be unique across rows."},"accepted_values":{"type":"object","additionalProperties":false,"required":["column","values"],"description":"Every value of the column must be one of values.","properties":{"column":{"type":"string","minLength":1,"description":"Column to check."},"values":{"type":"array","minItems":1,"items":{"type":["string","number","boolean"]},"description":"Allowed values."}}},"date_in_partition":{"type":"string","minLength":1,"description":"Column whose dates must fall inside the partition's data interval."},"numeric":{"type":"array","minItems":1,"items":{"type":"string","minLength":1},"description":"These columns must parse as numbers."},"severity":{"enum":["error","warning"],"description":"error (default) fails the task; warning records the result and lets the run go on."}}},"description":"The rules, each one key."}}}}},"description":"The tasks of the DAG."},"alerts":{"type":"object","additionalProperties":false,"description":"GitHub issues opened on failures.","properties":{"on":{"type":"array","items":{"enum":["failure","freshness_miss"]},"uniqueItems":true,"description":"Events that open or update an issue."},"labels":{"type":"array","items":{"type":"string","minLength":1},"description":"Labels of the issue."},"assignees":{"type":"array","items":{"type":"string","minLength":1},"description":"GitHub logins assigned."}}}}};const func2 = Object.prototype.hasOwnProperty;const func3 = (typeof ucs2length === "function" ? ucs2length : ucs2length["default"]);const func0 = (typeof equal === "function" ? equal : equal["default"]);const pattern0 = new RegExp("^[a-z][a-z0-9_]*$", "u");const pattern1 = new RegExp("\\S", "u");const pattern3 = new RegExp("^(https?://\\S+|[^#\\s][^#]*\\.md(#[A-Za-z0-9_-]+)?)$", "u");const pattern4 = new RegExp("^@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(/[A-Za-z0-9_.-]+)?$", "u");const pattern5 = new RegExp("^[0-9]+(\\.[0-9]+)?(ms|s|m|h|d)$", "u");const pattern6 = new RegExp("^(s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/.*)?|[^:]*)$", "u");const pattern7 = new RegExp("^([01][0-9]|2[0-3]):[0-5][0-9]$", "u");const pattern12 = new RegExp("^[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*$", "u");const pattern19 = new RegExp("^[^#]+\\.(ts|js|mjs)#[A-Za-z_$][A-Za-z0-9_$]*$", "u");function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){/*# sourceURL="https://github.com/pipewright/pipewright/schema/pipeline.schema.json" */;let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.dag_id === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "dag_id"},message:"must have required property '"+"dag_id"+"'",schema:schema11.required,parentSchema:schema11,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data.description === undefined){const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "description"},message:"must have required property '"+"description"+"'",schema:schema11.required,parentSchema:schema11,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}if(data.owner === undefined){const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "owner"},message:"must have required property '"+"owner"+"'",schema:schema11.required,parentSchema:schema11,data};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}if(data.tags === undefined){const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "tags"},message:"must have required property '"+"tags"+"'",schema:schema11.required,parentSchema:schema11,data};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}if(data.partition === undefined){const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "partition"},message:"must have required property '"+"partition"+"'",schema:schema11.required,parentSchema:schema11,data};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}if(data.start_date === undefined){const err5 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "start_date"},message:"must have required property '"+"start_date"+"'",schema:schema11.required,parentSchema:schema11,data};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}if(data.tasks === undefined){const err6 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "tasks"},message:"must have required property '"+"tasks"+"'",schema:schema11.required,parentSchema:schema11,data};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}for(const key0 in data){if(!(func2.call(schema11.properties, key0))){const err7 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema11,data};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}if(data.dag_id !== undefined){let data0 = data.dag_id;if(typeof data0 === "string"){if(!pattern0.test(data0)){const err8 = {instancePath:instancePath+"/dag_id",schemaPath:"#/properties/dag_id/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_]*$"},message:"must match pattern \""+"^[a-z][a-z0-9_]*$"+"\"",schema:"^[a-z][a-z0-9_]*$",parentSchema:schema11.properties.dag_id,data:data0};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}else {const err9 = {instancePath:instancePath+"/dag_id",schemaPath:"#/properties/dag_id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.dag_id.type,parentSchema:schema11.properties.dag_id,data:data0};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}if(data.description !== undefined){let data1 = data.description;if(typeof data1 === "string"){if(func3(data1) < 1){const err10 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.description,data:data1};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}if(!pattern1.test(data1)){const err11 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema11.properties.description,data:data1};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}else {const err12 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.description.type,parentSchema:schema11.properties.description,data:data1};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}if(data.owner !== undefined){let data2 = data.owner;if(typeof data2 === "string"){if(func3(data2) < 1){const err13 = {instancePath:instancePath+"/owner",schemaPath:"#/properties/owner/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.owner,data:data2};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}if(!pattern1.test(data2)){const err14 = {instancePath:instancePath+"/owner",schemaPath:"#/properties/owner/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema11.properties.owner,data:data2};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}else {const err15 = {instancePath:instancePath+"/owner",schemaPath:"#/properties/owner/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.owner.type,parentSchema:schema11.properties.owner,data:data2};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}if(data.runbook !== undefined){let data3 = data.runbook;if(typeof data3 === "string"){if(!pattern3.test(data3)){const err16 = {instancePath:instancePath+"/runbook",schemaPath:"#/properties/runbook/pattern",keyword:"pattern",params:{pattern: "^(https?://\\S+|[^#\\s][^#]*\\.md(#[A-Za-z0-9_-]+)?)$"},message:"must match pattern \""+"^(https?://\\S+|[^#\\s][^#]*\\.md(#[A-Za-z0-9_-]+)?)$"+"\"",schema:"^(https?://\\S+|[^#\\s][^#]*\\.md(#[A-Za-z0-9_-]+)?)$",parentSchema:schema11.properties.runbook,data:data3};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}else {const err17 = {instancePath:instancePath+"/runbook",schemaPath:"#/properties/runbook/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.runbook.type,parentSchema:schema11.properties.runbook,data:data3};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}if(data.consumers !== undefined){let data4 = data.consumers;if(Array.isArray(data4)){const len0 = data4.length;for(let i0=0; i0<len0; i0++){let data5 = data4[i0];if(typeof data5 === "string"){if(!pattern4.test(data5)){const err18 = {instancePath:instancePath+"/consumers/" + i0,schemaPath:"#/properties/consumers/items/pattern",keyword:"pattern",params:{pattern: "^@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(/[A-Za-z0-9_.-]+)?$"},message:"must match pattern \""+"^@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(/[A-Za-z0-9_.-]+)?$"+"\"",schema:"^@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(/[A-Za-z0-9_.-]+)?$",parentSchema:schema11.properties.consumers.items,data:data5};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}else {const err19 = {instancePath:instancePath+"/consumers/" + i0,schemaPath:"#/properties/consumers/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.consumers.items.type,parentSchema:schema11.properties.consumers.items,data:data5};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}}let i1 = data4.length;let j0;if(i1 > 1){const indices0 = {};for(;i1--;){let item0 = data4[i1];if(typeof item0 !== "string"){continue;}if(typeof indices0[item0] == "number"){j0 = indices0[item0];const err20 = {instancePath:instancePath+"/consumers",schemaPath:"#/properties/consumers/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema11.properties.consumers,data:data4};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;break;}indices0[item0] = i1;}}}else {const err21 = {instancePath:instancePath+"/consumers",schemaPath:"#/properties/consumers/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.consumers.type,parentSchema:schema11.properties.consumers,data:data4};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}}if(data.tags !== undefined){let data6 = data.tags;if(Array.isArray(data6)){if(data6.length < 1){const err22 = {instancePath:instancePath+"/tags",schemaPath:"#/properties/tags/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.tags,data:data6};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}const len1 = data6.length;for(let i2=0; i2<len1; i2++){let data7 = data6[i2];if(typeof data7 === "string"){if(func3(data7) < 1){const err23 = {instancePath:instancePath+"/tags/" + i2,schemaPath:"#/properties/tags/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.tags.items,data:data7};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}}else {const err24 = {instancePath:instancePath+"/tags/" + i2,schemaPath:"#/properties/tags/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.tags.items.type,parentSchema:schema11.properties.tags.items,data:data7};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}}let i3 = data6.length;let j1;if(i3 > 1){const indices1 = {};for(;i3--;){let item1 = data6[i3];if(typeof item1 !== "string"){continue;}if(typeof indices1[item1] == "number"){j1 = indices1[item1];const err25 = {instancePath:instancePath+"/tags",schemaPath:"#/properties/tags/uniqueItems",keyword:"uniqueItems",params:{i: i3, j: j1},message:"must NOT have duplicate items (items ## "+j1+" and "+i3+" are identical)",schema:true,parentSchema:schema11.properties.tags,data:data6};if(vErrors === null){vErrors = [err25];}else {vErrors.push(err25);}errors++;break;}indices1[item1] = i3;}}}else {const err26 = {instancePath:instancePath+"/tags",schemaPath:"#/properties/tags/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.tags.type,parentSchema:schema11.properties.tags,data:data6};if(vErrors === null){vErrors = [err26];}else {vErrors.push(err26);}errors++;}}if(data.schedule !== undefined){let data8 = data.schedule;if(typeof data8 !== "string"){const err27 = {instancePath:instancePath+"/schedule",schemaPath:"#/properties/schedule/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.schedule.type,parentSchema:schema11.properties.schedule,data:data8};if(vErrors === null){vErrors = [err27];}else {vErrors.push(err27);}errors++;}}if(data.timezone !== undefined){let data9 = data.timezone;if(typeof data9 !== "string"){const err28 = {instancePath:instancePath+"/timezone",schemaPath:"#/properties/timezone/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.timezone.type,parentSchema:schema11.properties.timezone,data:data9};if(vErrors === null){vErrors = [err28];}else {vErrors.push(err28);}errors++;}}if(data.partition !== undefined){let data10 = data.partition;if(!((((data10 === "hourly") || (data10 === "daily")) || (data10 === "weekly")) || (data10 === "monthly"))){const err29 = {instancePath:instancePath+"/partition",schemaPath:"#/properties/partition/enum",keyword:"enum",params:{allowedValues: schema11.properties.partition.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.partition.enum,parentSchema:schema11.properties.partition,data:data10};if(vErrors === null){vErrors = [err29];}else {vErrors.push(err29);}errors++;}}if(data.start_date !== undefined){let data11 = data.start_date;if(typeof data11 !== "string"){const err30 = {instancePath:instancePath+"/start_date",schemaPath:"#/properties/start_date/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.start_date.type,parentSchema:schema11.properties.start_date,data:data11};if(vErrors === null){vErrors = [err30];}else {vErrors.push(err30);}errors++;}}if(data.end_date !== undefined){let data12 = data.end_date;if(typeof data12 !== "string"){const err31 = {instancePath:instancePath+"/end_date",schemaPath:"#/properties/end_date/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.end_date.type,parentSchema:schema11.properties.end_date,data:data12};if(vErrors === null){vErrors = [err31];}else {vErrors.push(err31);}errors++;}}if(data.catchup !== undefined){let data13 = data.catchup;if(typeof data13 !== "boolean"){const err32 = {instancePath:instancePath+"/catchup",schemaPath:"#/properties/catchup/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.catchup.type,parentSchema:schema11.properties.catchup,data:data13};if(vErrors === null){vErrors = [err32];}else {vErrors.push(err32);}errors++;}}if(data.max_active_runs !== undefined){let data14 = data.max_active_runs;if(!(((typeof data14 == "number") && (!(data14 % 1) && !isNaN(data14))) && (isFinite(data14)))){const err33 = {instancePath:instancePath+"/max_active_runs",schemaPath:"#/properties/max_active_runs/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.max_active_runs.type,parentSchema:schema11.properties.max_active_runs,data:data14};if(vErrors === null){vErrors = [err33];}else {vErrors.push(err33);}errors++;}if((typeof data14 == "number") && (isFinite(data14))){if(data14 < 1 || isNaN(data14)){const err34 = {instancePath:instancePath+"/max_active_runs",schemaPath:"#/properties/max_active_runs/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.max_active_runs,data:data14};if(vErrors === null){vErrors = [err34];}else {vErrors.push(err34);}errors++;}}}if(data.max_active_tasks !== undefined){let data15 = data.max_active_tasks;if(!(((typeof data15 == "number") && (!(data15 % 1) && !isNaN(data15))) && (isFinite(data15)))){const err35 = {instancePath:instancePath+"/max_active_tasks",schemaPath:"#/properties/max_active_tasks/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.max_active_tasks.type,parentSchema:schema11.properties.max_active_tasks,data:data15};if(vErrors === null){vErrors = [err35];}else {vErrors.push(err35);}errors++;}if((typeof data15 == "number") && (isFinite(data15))){if(data15 < 1 || isNaN(data15)){const err36 = {instancePath:instancePath+"/max_active_tasks",schemaPath:"#/properties/max_active_tasks/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.max_active_tasks,data:data15};if(vErrors === null){vErrors = [err36];}else {vErrors.push(err36);}errors++;}}}if(data.catchup_window !== undefined){let data16 = data.catchup_window;if(typeof data16 === "string"){if(!pattern5.test(data16)){const err37 = {instancePath:instancePath+"/catchup_window",schemaPath:"#/properties/catchup_window/pattern",keyword:"pattern",params:{pattern: "^[0-9]+(\\.[0-9]+)?(ms|s|m|h|d)$"},message:"must match pattern \""+"^[0-9]+(\\.[0-9]+)?(ms|s|m|h|d)$"+"\"",schema:"^[0-9]+(\\.[0-9]+)?(ms|s|m|h|d)$",parentSchema:schema11.properties.catchup_window,data:data16};if(vErrors === null){vErrors = [err37];}else {vErrors.push(err37);}errors++;}}else {const err38 = {instancePath:instancePath+"/catchup_window",schemaPath:"#/properties/catchup_window/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.catchup_window.type,parentSchema:schema11.properties.catchup_window,data:data16};if(vErrors === null){vErrors = [err38];}else {vErrors.push(err38);}errors++;}}if(data.retain_versions !== undefined){let data17 = data.retain_versions;if(!(((typeof data17 == "number") && (!(data17 % 1) && !isNaN(data17))) && (isFinite(data17)))){const err39 = {instancePath:instancePath+"/retain_versions",schemaPath:"#/properties/retain_versions/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.retain_versions.type,parentSchema:schema11.properties.retain_versions,data:data17};if(vErrors === null){vErrors = [err39];}else {vErrors.push(err39);}errors++;}if((typeof data17 == "number") && (isFinite(data17))){if(data17 > 100 || isNaN(data17)){const err40 = {instancePath:instancePath+"/retain_versions",schemaPath:"#/properties/retain_versions/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100",schema:100,parentSchema:schema11.properties.retain_versions,data:data17};if(vErrors === null){vErrors = [err40];}else {vErrors.push(err40);}errors++;}if(data17 < 0 || isNaN(data17)){const err41 = {instancePath:instancePath+"/retain_versions",schemaPath:"#/properties/retain_versions/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.retain_versions,data:data17};if(vErrors === null){vErrors = [err41];}else {vErrors.push(err41);}errors++;}}}if(data.data_root !== undefined){let data18 = data.data_root;if(typeof data18 === "string"){if(func3(data18) < 1){const err42 = {instancePath:instancePath+"/data_root",schemaPath:"#/properties/data_root/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.data_root,data:data18};if(vErrors === null){vErrors = [err42];}else {vErrors.push(err42);}errors++;}if(!pattern6.test(data18)){const err43 = {instancePath:instancePath+"/data_root",schemaPath:"#/properties/data_root/pattern",keyword:"pattern",params:{pattern: "^(s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/.*)?|[^:]*)$"},message:"must match pattern \""+"^(s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/.*)?|[^:]*)$"+"\"",schema:"^(s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/.*)?|[^:]*)$",parentSchema:schema11.properties.data_root,data:data18};if(vErrors === null){vErrors = [err43];}else {vErrors.push(err43);}errors++;}}else {const err44 = {instancePath:instancePath+"/data_root",schemaPath:"#/properties/data_root/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.data_root.type,parentSchema:schema11.properties.data_root,data:data18};if(vErrors === null){vErrors = [err44];}else {vErrors.push(err44);}errors++;}}if(data.reprocess_on_tick !== undefined){let data19 = data.reprocess_on_tick;if(!((data19 === "failed") || (data19 === "changed"))){const err45 = {instancePath:instancePath+"/reprocess_on_tick",schemaPath:"#/properties/reprocess_on_tick/enum",keyword:"enum",params:{allowedValues: schema11.properties.reprocess_on_tick.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.reprocess_on_tick.enum,parentSchema:schema11.properties.reprocess_on_tick,data:data19};if(vErrors === null){vErrors = [err45];}else {vErrors.push(err45);}errors++;}}if(data.freshness !== undefined){let data20 = data.freshness;if(data20 && typeof data20 == "object" && !Array.isArray(data20)){if(data20.deadline === undefined){const err46 = {instancePath:instancePath+"/freshness",schemaPath:"#/properties/freshness/required",keyword:"required",params:{missingProperty: "deadline"},message:"must have required property '"+"deadline"+"'",schema:schema11.properties.freshness.required,parentSchema:schema11.properties.freshness,data:data20};if(vErrors === null){vErrors = [err46];}else {vErrors.push(err46);}errors++;}for(const key1 in data20){if(!(key1 === "deadline")){const err47 = {instancePath:instancePath+"/freshness",schemaPath:"#/properties/freshness/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.freshness,data:data20};if(vErrors === null){vErrors = [err47];}else {vErrors.push(err47);}errors++;}}if(data20.deadline !== undefined){let data21 = data20.deadline;if(typeof data21 === "string"){if(!pattern7.test(data21)){const err48 = {instancePath:instancePath+"/freshness/deadline",schemaPath:"#/properties/freshness/properties/deadline/pattern",keyword:"pattern",params:{pattern: "^([01][0-9]|2[0-3]):[0-5][0-9]$"},message:"must match pattern \""+"^([01][0-9]|2[0-3]):[0-5][0-9]$"+"\"",schema:"^([01][0-9]|2[0-3]):[0-5][0-9]$",parentSchema:schema11.properties.freshness.properties.deadline,data:data21};if(vErrors === null){vErrors = [err48];}else {vErrors.push(err48);}errors++;}}else {const err49 = {instancePath:instancePath+"/freshness/deadline",schemaPath:"#/properties/freshness/properties/deadline/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.freshness.properties.deadline.type,parentSchema:schema11.properties.freshness.properties.deadline,data:data21};if(vErrors === null){vErrors = [err49];}else {vErrors.push(err49);}errors++;}}}else {const err50 = {instancePath:instancePath+"/freshness",schemaPath:"#/properties/freshness/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.freshness.type,parentSchema:schema11.properties.freshness,data:data20};if(vErrors === null){vErrors = [err50];}else {vErrors.push(err50);}errors++;}}if(data.defaults !== undefined){let data22 = data.defaults;if(data22 && typeof data22 == "object" && !Array.isArray(data22)){for(const key2 in data22){if(!((((((key2 === "retries") || (key2 === "retry_delay")) || (key2 === "retry_backoff")) || (key2 === "max_retry_delay")) || (key2 === "timeout")) || (key2 === "retry_on_code_error"))){const err51 = {instancePath:instancePath+"/defaults",schemaPath:"#/properties/defaults/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.defaults,data:data22};if(vErrors === null){vErrors = [err51];}else {vErrors.push(err51);}errors++;}}if(data22.retries !== undefined){let data23 = data22.retries;if(!(((typeof data23 == "number") && (!(data23 % 1) && !isNaN(data23))) && (isFinite(data23)))){const err52 = {instancePath:instancePath+"/defaults/retries",schemaPath:"#/properties/defaults/properties/retries/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.defaults.properties.retries.type,parentSchema:schema11.properties.defaults.properties.retries,data:data23};if(vErrors === null){vErrors = [err52];}else {vErrors.push(err52);}errors++;}if((typeof data23 == "number") && (isFinite(data23))){if(data23 > 100 || isNaN(data23)){const err53 = {instancePath:instancePath+"/defaults/retries",schemaPath:"#/properties/defaults/properties/retries/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100",schema:100,parentSchema:schema11.properties.defaults.properties.retries,data:data23};if(vErrors === null){vErrors = [err53];}else {vErrors.push(err53);}errors++;}if(data23 < 0 || isNaN(data23)){const err54 = {instancePath:instancePath+"/defaults/retries",schemaPath:"#/properties/defaults/properties/retries/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.defaults.properties.retries,data:data23};if(vErrors === null){vErrors = [err54];}else {vErrors.push(err54);}errors++;}}}if(data22.retry_delay !== undefined){let data24 = data22.retry_delay;if(typeof data24 === "string"){if(!pattern5.test(data24)){const err55 = {instancePath:instancePath+"/defaults/retry_delay",schemaPath:"#/properties/defaults/properties/retry_delay/pattern",keyword:"pattern",params:{pattern: "^[0-9]+(\\.[0-9]+)?(ms|s|m|h|d)$"},message:"must match pattern \""+"^[0-9]+(\\.[0-9]+)?(ms|s|m|h|d)$"+"\"",schema:"^[0-9]+(\\.[0-9]+)?(ms|s|m|h|d)$",parentSchema:schema11.properties.defaults.properties.retry_delay,data:data24};if(vErrors === null){vErrors = [err55];}else {vErrors.push(err55);}errors++;}}else {const err56 = {instancePath:instancePath+"/defaults/retry_delay",schemaPath:"#/properties/defaults/properties/retry_delay/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.defaults.properties.retry_delay.type,parentSchema:schema11.properties.defaults.properties.retry_delay,data:data24};if(vErrors === null){vErrors = [err56];}else {vErrors.push(err56);}errors++;}}if(data22.retry_backoff !== undefined){let data25 = data22.retry_backoff;if(!((data25 === "fixed") || (data25 === "exponential"))){const err57 = {instancePath:instancePath+"/defaults/retry_backoff",schemaPath:"#/properties/defaults/properties/retry_backoff/enum",keyword:"enum",params:{allowedValues: schema11.properties.defaults.properties.retry_backoff.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.defaults.properties.retry_backoff.enum,parentSchema:schema11.properties.defaults.properties.retry_backoff,data:data25};if(vErrors === null){vErrors = [err57];}else {vErrors.push(err57);}errors++;}}if(data22.max_retry_delay !== undefined){let data26 = data22.max_retry_delay;if(typeof data26 === "string"){if(!pattern5.test(data26)){const err58 = {instancePath:instancePath+"/defaults/max_retry_delay",schemaPath:"#/properties/defaults/properties/max_retry_delay/pattern",keyword:"pattern",params:{pattern: "^[0-9]+(\\.[0-9]+)?(ms|s|m|h|d)$"},message:"must match pattern \""+"^[0-9]+(\\.[0-9]+)?(ms|s|m|h|d)$"+"\"",schema:"^[0-9]+(\\.[0-9]+)?(ms|s|m|h|d)$",parentSchema:schema11.properties.defaults.properties.max_retry_delay,data:data26};if(vErrors === null){vErrors = [err58];}else {vErrors.push(err58);}errors++;}}else {const err59 = {instancePath:instancePath+"/defaults/max_retry_delay",schemaPath:"#/properties/defaults/properties/max_retry_delay/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.defaults.properties.max_retry_delay.type,parentSchema:schema11.properties.defaults.properties.max_retry_delay,data:data26};if(vErrors === null){vErrors = [err59];}else {vErrors.push(err59);}errors++;}}if(data22.timeout !== undefined){let data27 = data22.timeout;if(typeof data27 === "string"){if(!pattern5.test(data27)){const err60 = {instancePath:instancePath+"/defaults/timeout",schemaPath:"#/properties/defaults/properties/timeout/pattern",keyword:"pattern",params:{pattern: "^[0-9]+(\\.[0-9]+)?(ms|s|m|h|d)$"},message:"must match pattern \""+"^[0-9]+(\\.[0-9]+)?(ms|s|m|h|d)$"+"\"",schema:"^[0-9]+(\\.[0-9]+)?(ms|s|m|h|d)$",parentSchema:schema11.properties.defaults.properties.timeout,data:data27};if(vErrors === null){vErrors = [err60];}else {vErrors.push(err60);}errors++;}}else {const err61 = {instancePath:instancePath+"/defaults/timeout",schemaPath:"#/properties/defaults/properties/timeout/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.defaults.properties.timeout.type,parentSchema:schema11.properties.defaults.properties.timeout,data:data27};if(vErrors === null){vErrors = [err61];}else {vErrors.push(err61);}errors++;}}if(data22.retry_on_code_error !== undefined){let data28 = data22.retry_on_code_error;if(typeof data28 !== "boolean"){const err62 = {instancePath:instancePath+"/defaults/retry_on_code_error",schemaPath:"#/properties/defaults/properties/retry_on_code_error/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.defaults.properties.retry_on_code_error.type,parentSchema:schema11.properties.defaults.properties.retry_on_code_error,data:data28};if(vErrors === null){vErrors = [err62];}else {vErrors.push(err62);}errors++;}}}else {const err63 = {instancePath:instancePath+"/defaults",schemaPath:"#/properties/defaults/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.defaults.type,parentSchema:schema11.properties.defaults,data:data22};if(vErrors === null){vErrors = [err63];}else {vErrors.push(err63);}errors++;}}if(data.inputs !== undefined){let data29 = data.inputs;if(data29 && typeof data29 == "object" && !Array.isArray(data29)){for(const key3 in data29){const _errs69 = errors;if(typeof key3 === "string"){if(!pattern0.test(key3)){const err64 = {instancePath:instancePath+"/inputs",schemaPath:"#/properties/inputs/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_]*$"},message:"must match pattern \""+"^[a-z][a-z0-9_]*$"+"\"",schema:"^[a-z][a-z0-9_]*$",parentSchema:schema11.properties.inputs.propertyNames,data:key3,propertyName:key3};if(vErrors === null){vErrors = [err64];}else {vErrors.push(err64);}errors++;}}else {const err65 = {instancePath:instancePath+"/inputs",schemaPath:"#/properties/inputs/propertyNames/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.inputs.propertyNames.type,parentSchema:schema11.properties.inputs.propertyNames,data:key3,propertyName:key3};if(vErrors === null){vErrors = [err65];}else {vErrors.push(err65);}errors++;}var valid9 = _errs69 === errors;if(!valid9){const err66 = {instancePath:instancePath+"/inputs",schemaPath:"#/properties/inputs/propertyNames",keyword:"propertyNames",params:{propertyName: key3},message:"property name must be valid",schema:schema11.properties.inputs.propertyNames,parentSchema:schema11.properties.inputs,data:data29};if(vErrors === null){vErrors = [err66];}else {vErrors.push(err66);}errors++;}}for(const key4 in data29){let data30 = data29[key4];if((typeof data30 !== "string") && (!(data30 && typeof data30 == "object" && !Array.isArray(data30)))){const err67 = {instancePath:instancePath+"/inputs/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/inputs/additionalProperties/type",keyword:"type",params:{type: schema11.properties.inputs.additionalProperties.type},message:"must be string,object",schema:schema11.properties.inputs.additionalProperties.type,parentSchema:schema11.properties.inputs.additionalProperties,data:data30};if(vErrors === null){vErrors = [err67];}else {vErrors.push(err67);}errors++;}if(typeof data30 === "string"){if(func3(data30) < 1){const err68 = {instancePath:instancePath+"/inputs/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/inputs/additionalProperties/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.inputs.additionalProperties,data:data30};if(vErrors === null){vErrors = [err68];}else {vErrors.push(err68);}errors++;}}if(data30 && typeof data30 == "object" && !Array.isArray(data30)){if(data30.from === undefined){const err69 = {instancePath:instancePath+"/inputs/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/inputs/additionalProperties/required",keyword:"required",params:{missingProperty: "from"},message:"must have required property '"+"from"+"'",schema:schema11.properties.inputs.additionalProperties.required,parentSchema:schema11.properties.inputs.additionalProperties,data:data30};if(vErrors === null){vErrors = [err69];}else {vErrors.push(err69);}errors++;}for(const key5 in data30){if(!(key5 === "from")){const err70 = {instancePath:instancePath+"/inputs/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/inputs/additionalProperties/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.inputs.additionalProperties,data:data30};if(vErrors === null){vErrors = [err70];}else {vErrors.push(err70);}errors++;}}if(data30.from !== undefined){let data31 = data30.from;if(typeof data31 === "string"){if(!pattern12.test(data31)){const err71 = {instancePath:instancePath+"/inputs/" + key4.replace(/~/g, "~0").replace(/\//g, "~1")+"/from",schemaPath:"#/properties/inputs/additionalProperties/properties/from/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*$"},message:"must match pattern \""+"^[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*$"+"\"",schema:"^[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*$",parentSchema:schema11.properties.inputs.additionalProperties.properties.from,data:data31};if(vErrors === null){vErrors = [err71];}else {vErrors.push(err71);}errors++;}}else {const err72 = {instancePath:instancePath+"/inputs/" + key4.replace(/~/g, "~0").replace(/\//g, "~1")+"/from",schemaPath:"#/properties/inputs/additionalProperties/properties/from/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.inputs.additionalProperties.properties.from.type,parentSchema:schema11.properties.inputs.additionalProperties.properties.from,data:data31};if(vErrors === null){vErrors = [err72];}else {vErrors.push(err72);}errors++;}}}}}else {const err73 = {instancePath:instancePath+"/inputs",schemaPath:"#/properties/inputs/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.inputs.type,parentSchema:schema11.properties.inputs,data:data29};if(vErrors === null){vErrors = [err73];}else {vErrors.push(err73);}errors++;}}if(data.outputs !== undefined){let data32 = data.outputs;if(data32 && typeof data32 == "object" && !Array.isArray(data32)){for(const key6 in data32){const _errs81 = errors;if(typeof key6 === "string"){if(!pattern0.test(key6)){const err74 = {instancePath:instancePath+"/outputs",schemaPath:"#/properties/outputs/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_]*$"},message:"must match pattern \""+"^[a-z][a-z0-9_]*$"+"\"",schema:"^[a-z][a-z0-9_]*$",parentSchema:schema11.properties.outputs.propertyNames,data:key6,propertyName:key6};if(vErrors === null){vErrors = [err74];}else {vErrors.push(err74);}errors++;}}else {const err75 = {instancePath:instancePath+"/outputs",schemaPath:"#/properties/outputs/propertyNames/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.outputs.propertyNames.type,parentSchema:schema11.properties.outputs.propertyNames,data:key6,propertyName:key6};if(vErrors === null){vErrors = [err75];}else {vErrors.push(err75);}errors++;}var valid12 = _errs81 === errors;if(!valid12){const err76 = {instancePath:instancePath+"/outputs",schemaPath:"#/properties/outputs/propertyNames",keyword:"propertyNames",params:{propertyName: key6},message:"property name must be valid",schema:schema11.properties.outputs.propertyNames,parentSchema:schema11.properties.outputs,data:data32};if(vErrors === null){vErrors = [err76];}else {vErrors.push(err76);}errors++;}}for(const key7 in data32){let data33 = data32[key7];if(typeof data33 === "string"){if(func3(data33) < 1){const err77 = {instancePath:instancePath+"/outputs/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/outputs/additionalProperties/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.outputs.additionalProperties,data:data33};if(vErrors === null){vErrors = [err77];}else {vErrors.push(err77);}errors++;}}else {const err78 = {instancePath:instancePath+"/outputs/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/outputs/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.outputs.additionalProperties.type,parentSchema:schema11.properties.outputs.additionalProperties,data:data33};if(vErrors === null){vErrors = [err78];}else {vErrors.push(err78);}errors++;}}}else {const err79 = {instancePath:instancePath+"/outputs",schemaPath:"#/properties/outputs/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.outputs.type,parentSchema:schema11.properties.outputs,data:data32};if(vErrors === null){vErrors = [err79];}else {vErrors.push(err79);}errors++;}}if(data.tasks !== undefined){let data34 = data.tasks;if(Array.isArray(data34)){if(data34.length < 1){const err80 = {instancePath:instancePath+"/tasks",schemaPath:"#/properties/tasks/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.tasks,data:data34};if(vErrors === null){vErrors = [err80];}else {vErrors.push(err80);}errors++;}const len2 = data34.length;for(let i4=0; i4<len2; i4++){let data35 = data34[i4];if(data35 && typeof data35 == "object" && !Array.isArray(data35)){if(data35.id === undefined){const err81 = {instancePath:instancePath+"/tasks/" + i4,schemaPath:"#/properties/tasks/items/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema11.properties.tasks.items.required,parentSchema:schema11.properties.tasks.items,data:data35};if(vErrors === null){vErrors = [err81];}else {vErrors.push(err81);}errors++;}for(const key8 in data35){if(!(func2.call(schema11.properties.tasks.items.properties, key8))){const err82 = {instancePath:instancePath+"/tasks/" + i4,schemaPath:"#/properties/tasks/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.tasks.items,data:data35};if(vErrors === null){vErrors = [err82];}else {vErrors.push(err82);}errors++;}}if(data35.id !== undefined){let data36 = data35.id;if(typeof data36 === "string"){if(!pattern0.test(data36)){const err83 = {instancePath:instancePath+"/tasks/" + i4+"/id",schemaPath:"#/properties/tasks/items/properties/id/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_]*$"},message:"must match pattern \""+"^[a-z][a-z0-9_]*$"+"\"",schema:"^[a-z][a-z0-9_]*$",parentSchema:schema11.properties.tasks.items.properties.id,data:data36};if(vErrors === null){vErrors = [err83];}else {vErrors.push(err83);}errors++;}}else {const err84 = {instancePath:instancePath+"/tasks/" + i4+"/id",schemaPath:"#/properties/tasks/items/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.tasks.items.properties.id.type,parentSchema:schema11.properties.tasks.items.properties.id,data:data36};if(vErrors === null){vErrors = [err84];}else {vErrors.push(err84);}errors++;}}if(data35.upstream !== undefined){let data37 = data35.upstream;if(Array.isArray(data37)){const len3 = data37.length;for(let i5=0; i5<len3; i5++){let data38 = data37[i5];if(typeof data38 !== "string"){const err85 = {instancePath:instancePath+"/tasks/" + i4+"/upstream/" + i5,schemaPath:"#/properties/tasks/items/properties/upstream/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.tasks.items.properties.upstream.items.type,parentSchema:schema11.properties.tasks.items.properties.upstream.items,data:data38};if(vErrors === null){vErrors = [err85];}else {vErrors.push(err85);}errors++;}}let i6 = data37.length;let j2;if(i6 > 1){const indices2 = {};for(;i6--;){let item2 = data37[i6];if(typeof item2 !== "string"){continue;}if(typeof indices2[item2] == "number"){j2 = indices2[item2];const err86 = {instancePath:instancePath+"/tasks/" + i4+"/upstream",schemaPath:"#/properties/tasks/items/properties/upstream/uniqueItems",keyword:"uniqueItems",params:{i: i6, j: j2},message:"must NOT have duplicate items (items ## "+j2+" and "+i6+" are identical)",schema:true,parentSchema:schema11.properties.tasks.items.properties.upstream,data:data37};if(vErrors === null){vErrors = [err86];}else {vErrors.push(err86);}errors++;break;}indices2[item2] = i6;}}}else {const err87 = {instancePath:instancePath+"/tasks/" + i4+"/upstream",schemaPath:"#/properties/tasks/items/properties/upstream/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.tasks.items.properties.upstream.type,parentSchema:schema11.properties.tasks.items.properties.upstream,data:data37};if(vErrors === null){vErrors = [err87];}else {vErrors.push(err87);}errors++;}}if(data35.runbook !== undefined){let data39 = data35.runbook;if(typeof data39 === "string"){if(!pattern3.test(data39)){const err88 = {instancePath:instancePath+"/tasks/" + i4+"/runbook",schemaPath:"#/properties/tasks/items/properties/runbook/pattern",keyword:"pattern",params:{pattern: "^(https?://\\S+|[^#\\s][^#]*\\.md(#[A-Za-z0-9_-]+)?)$"},message:"must match pattern \""+"^(https?://\\S+|[^#\\s][^#]*\\.md(#[A-Za-z0-9_-]+)?)$"+"\"",schema:"^(https?://\\S+|[^#\\s][^#]*\\.md(#[A-Za-z0-9_-]+)?)$",parentSchema:schema11.properties.tasks.items.properties.runbook,data:data39};if(vErrors === null){vErrors = [err88];}else {vErrors.push(err88);}errors++;}}else {const err89 = {instancePath:instancePath+"/tasks/" + i4+"/runbook",schemaPath:"#/properties/tasks/items/properties/runbook/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.tasks.items.properties.runbook.type,parentSchema:schema11.properties.tasks.items.properties.runbook,data:data39};if(vErrors === null){vErrors = [err89];}else {vErrors.push(err89);}errors++;}}if(data35.trigger_rule !== undefined){let data40 = data35.trigger_rule;if(!((((data40 === "all_success") || (data40 === "all_done")) || (data40 === "none_failed")) || (data40 === "one_failed"))){const err90 = {instancePath:instancePath+"/tasks/" + i4+"/trigger_rule",schemaPath:"#/properties/tasks/items/properties/trigger_rule/enum",keyword:"enum",params:{allowedValues: schema11.properties.tasks.items.properties.trigger_rule.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.tasks.items.properties.trigger_rule.enum,parentSchema:schema11.properties.tasks.items.properties.trigger_rule,data:data40};if(vErrors === null){vErrors = [err90];}else {vErrors.push(err90);}errors++;}}if(data35.retries !== undefined){let data41 = data35.retries;if(!(((typeof data41 == "number") && (!(data41 % 1) && !isNaN(data41))) && (isFinite(data41)))){const err91 = {instancePath:instancePath+"/tasks/" + i4+"/retries",schemaPath:"#/properties/tasks/items/properties/retries/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.tasks.items.properties.retries.type,parentSchema:schema11.properties.tasks.items.properties.retries,data:data41};if(vErrors === null){vErrors = [err91];}else {vErrors.push(err91);}errors++;}if((typeof data41 == "number") && (isFinite(data41))){if(data41 > 100 || isNaN(data41)){const err92 = {instancePath:instancePath+"/tasks/" + i4+"/retries",schemaPath:"#/properties/tasks/items/properties/retries/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100",schema:100,parentSchema:schema11.properties.tasks.items.properties.retries,data:data41};if(vErrors === null){vErrors = [err92];}else {vErrors.push(err92);}errors++;}if(data41 < 0 || isNaN(data41)){const err93 = {instancePath:instancePath+"/tasks/" + i4+"/retries",schemaPath:"#/properties/tasks/items/properties/retries/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.tasks.items.properties.retries,data:data41};if(vErrors === null){vErrors = [err93];}else {vErrors.push(err93);}errors++;}}}if(data35.retry_delay !== undefined){let data42 = data35.retry_delay;if(typeof data42 === "string"){if(!pattern5.test(data42)){const err94 = {instancePath:instancePath+"/tasks/" + i4+"/retry_delay",schemaPath:"#/properties/tasks/items/properties/retry_delay/pattern",keyword:"pattern",params:{pattern: "^[0-9]+(\\.[0-9]+)?(ms|s|m|h|d)$"},message:"must match pattern \""+"^[0-9]+(\\.[0-9]+)?(ms|s|m|h|d)$"+"\"",schema:"^[0-9]+(\\.[0-9]+)?(ms|s|m|h|d)$",parentSchema:schema11.properties.tasks.items.properties.retry_delay,data:data42};if(vErrors === null){vErrors = [err94];}else {vErrors.push(err94);}errors++;}}else {const err95 = {instancePath:instancePath+"/tasks/" + i4+"/retry_delay",schemaPath:"#/properties/tasks/items/properties/retry_delay/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.tasks.items.properties.retry_delay.type,parentSchema:schema11.properties.tasks.items.properties.retry_delay,data:data42};if(vErrors === null){vErrors = [err95];}else {vErrors.push(err95);}errors++;}}if(data35.retry_backoff !== undefined){let data43 = data35.retry_backoff;if(!((data43 === "fixed") || (data43 === "exponential"))){const err96 = {instancePath:instancePath+"/tasks/" + i4+"/retry_backoff",schemaPath:"#/properties/tasks/items/properties/retry_backoff/enum",keyword:"enum",params:{allowedValues: schema11.properties.tasks.items.properties.retry_backoff.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.tasks.items.properties.retry_backoff.enum,parentSchema:schema11.properties.tasks.items.properties.retry_backoff,data:data43};if(vErrors === null){vErrors = [err96];}else {vErrors.push(err96);}errors++;}}if(data35.max_retry_delay !== undefined){let data44 = data35.max_retry_delay;if(typeof data44 === "string"){if(!pattern5.test(data44)){const err97 = {instancePath:instancePath+"/tasks/" + i4+"/max_retry_delay",schemaPath:"#/properties/tasks/items/properties/max_retry_delay/pattern",keyword:"pattern",params:{pattern: "^[0-9]+(\\.[0-9]+)?(ms|s|m|h|d)$"},message:"must match pattern \""+"^[0-9]+(\\.[0-9]+)?(ms|s|m|h|d)$"+"\"",schema:"^[0-9]+(\\.[0-9]+)?(ms|s|m|h|d)$",parentSchema:schema11.properties.tasks.items.properties.max_retry_delay,data:data44};if(vErrors === null){vErrors = [err97];}else {vErrors.push(err97);}errors++;}}else {const err98 = {instancePath:instancePath+"/tasks/" + i4+"/max_retry_delay",schemaPath:"#/properties/tasks/items/properties/max_retry_delay/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.tasks.items.properties.max_retry_delay.type,parentSchema:schema11.properties.tasks.items.properties.max_retry_delay,data:data44};if(vErrors === null){vErrors = [err98];}else {vErrors.push(err98);}errors++;}}if(data35.timeout !== undefined){let data45 = data35.timeout;if(typeof data45 === "string"){if(!pattern5.test(data45)){const err99 = {instancePath:instancePath+"/tasks/" + i4+"/timeout",schemaPath:"#/properties/tasks/items/properties/timeout/pattern",keyword:"pattern",params:{pattern: "^[0-9]+(\\.[0-9]+)?(ms|s|m|h|d)$"},message:"must match pattern \""+"^[0-9]+(\\.[0-9]+)?(ms|s|m|h|d)$"+"\"",schema:"^[0-9]+(\\.[0-9]+)?(ms|s|m|h|d)$",parentSchema:schema11.properties.tasks.items.properties.timeout,data:data45};if(vErrors === null){vErrors = [err99];}else {vErrors.push(err99);}errors++;}}else {const err100 = {instancePath:instancePath+"/tasks/" + i4+"/timeout",schemaPath:"#/properties/tasks/items/properties/timeout/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.tasks.items.properties.timeout.type,parentSchema:schema11.properties.tasks.items.properties.timeout,data:data45};if(vErrors === null){vErrors = [err100];}else {vErrors.push(err100);}errors++;}}if(data35.retry_on_code_error !== undefined){let data46 = data35.retry_on_code_error;if(typeof data46 !== "boolean"){const err101 = {instancePath:instancePath+"/tasks/" + i4+"/retry_on_code_error",schemaPath:"#/properties/tasks/items/properties/retry_on_code_error/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.tasks.items.properties.retry_on_code_error.type,parentSchema:schema11.properties.tasks.items.properties.retry_on_code_error,data:data46};if(vErrors === null){vErrors = [err101];}else {vErrors.push(err101);}errors++;}}if(data35.handler !== undefined){let data47 = data35.handler;if(typeof data47 === "string"){if(!pattern19.test(data47)){const err102 = {instancePath:instancePath+"/tasks/" + i4+"/handler",schemaPath:"#/properties/tasks/items/properties/handler/pattern",keyword:"pattern",params:{pattern: "^[^#]+\\.(ts|js|mjs)#[A-Za-z_$][A-Za-z0-9_$]*$"},message:"must match pattern \""+"^[^#]+\\.(ts|js|mjs)#[A-Za-z_$][A-Za-z0-9_$]*$"+"\"",schema:"^[^#]+\\.(ts|js|mjs)#[A-Za-z_$][A-Za-z0-9_$]*$",parentSchema:schema11.properties.tasks.items.properties.handler,data:data47};if(vErrors === null){vErrors = [err102];}else {vErrors.push(err102);}errors++;}}else {const err103 = {instancePath:instancePath+"/tasks/" + i4+"/handler",schemaPath:"#/properties/tasks/items/properties/handler/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.tasks.items.properties.handler.type,parentSchema:schema11.properties.tasks.items.properties.handler,data:data47};if(vErrors === null){vErrors = [err103];}else {vErrors.push(err103);}errors++;}}if(data35.command !== undefined){let data48 = data35.command;if(Array.isArray(data48)){if(data48.length < 1){const err104 = {instancePath:instancePath+"/tasks/" + i4+"/command",schemaPath:"#/properties/tasks/items/properties/command/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.tasks.items.properties.command,data:data48};if(vErrors === null){vErrors = [err104];}else {vErrors.push(err104);}errors++;}const len4 = data48.length;for(let i7=0; i7<len4; i7++){let data49 = data48[i7];if(typeof data49 !== "string"){const err105 = {instancePath:instancePath+"/tasks/" + i4+"/command/" + i7,schemaPath:"#/properties/tasks/items/properties/command/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.tasks.items.properties.command.items.type,parentSchema:schema11.properties.tasks.items.properties.command.items,data:data49};if(vErrors === null){vErrors = [err105];}else {vErrors.push(err105);}errors++;}}}else {const err106 = {instancePath:instancePath+"/tasks/" + i4+"/command",schemaPath:"#/properties/tasks/items/properties/command/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.tasks.items.properties.command.type,parentSchema:schema11.properties.tasks.items.properties.command,data:data48};if(vErrors === null){vErrors = [err106];}else {vErrors.push(err106);}errors++;}}if(data35.cwd !== undefined){let data50 = data35.cwd;if(typeof data50 !== "string"){const err107 = {instancePath:instancePath+"/tasks/" + i4+"/cwd",schemaPath:"#/properties/tasks/items/properties/cwd/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.tasks.items.properties.cwd.type,parentSchema:schema11.properties.tasks.items.properties.cwd,data:data50};if(vErrors === null){vErrors = [err107];}else {vErrors.push(err107);}errors++;}}if(data35.resume !== undefined){let data51 = data35.resume;if(!((data51 === "auto") || (data51 === "never"))){const err108 = {instancePath:instancePath+"/tasks/" + i4+"/resume",schemaPath:"#/properties/tasks/items/properties/resume/enum",keyword:"enum",params:{allowedValues: schema11.properties.tasks.items.properties.resume.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.tasks.items.properties.resume.enum,parentSchema:schema11.properties.tasks.items.properties.resume,data:data51};if(vErrors === null){vErrors = [err108];}else {vErrors.push(err108);}errors++;}}if(data35.exit_codes !== undefined){let data52 = data35.exit_codes;if(data52 && typeof data52 == "object" && !Array.isArray(data52)){for(const key9 in data52){if(!((key9 === "transient") || (key9 === "data"))){const err109 = {instancePath:instancePath+"/tasks/" + i4+"/exit_codes",schemaPath:"#/properties/tasks/items/properties/exit_codes/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.tasks.items.properties.exit_codes,data:data52};if(vErrors === null){vErrors = [err109];}else {vErrors.push(err109);}errors++;}}if(data52.transient !== undefined){let data53 = data52.transient;if(Array.isArray(data53)){const len5 = data53.length;for(let i8=0; i8<len5; i8++){let data54 = data53[i8];if(!(((typeof data54 == "number") && (!(data54 % 1) && !isNaN(data54))) && (isFinite(data54)))){const err110 = {instancePath:instancePath+"/tasks/" + i4+"/exit_codes/transient/" + i8,schemaPath:"#/properties/tasks/items/properties/exit_codes/properties/transient/items/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.tasks.items.properties.exit_codes.properties.transient.items.type,parentSchema:schema11.properties.tasks.items.properties.exit_codes.properties.transient.items,data:data54};if(vErrors === null){vErrors = [err110];}else {vErrors.push(err110);}errors++;}if((typeof data54 == "number") && (isFinite(data54))){if(data54 > 255 || isNaN(data54)){const err111 = {instancePath:instancePath+"/tasks/" + i4+"/exit_codes/transient/" + i8,schemaPath:"#/properties/tasks/items/properties/exit_codes/properties/transient/items/maximum",keyword:"maximum",params:{comparison: "<=", limit: 255},message:"must be <= 255",schema:255,parentSchema:schema11.properties.tasks.items.properties.exit_codes.properties.transient.items,data:data54};if(vErrors === null){vErrors = [err111];}else {vErrors.push(err111);}errors++;}if(data54 < 1 || isNaN(data54)){const err112 = {instancePath:instancePath+"/tasks/" + i4+"/exit_codes/transient/" + i8,schemaPath:"#/properties/tasks/items/properties/exit_codes/properties/transient/items/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.tasks.items.properties.exit_codes.properties.transient.items,data:data54};if(vErrors === null){vErrors = [err112];}else {vErrors.push(err112);}errors++;}}}}else {const err113 = {instancePath:instancePath+"/tasks/" + i4+"/exit_codes/transient",schemaPath:"#/properties/tasks/items/properties/exit_codes/properties/transient/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.tasks.items.properties.exit_codes.properties.transient.type,parentSchema:schema11.properties.tasks.items.properties.exit_codes.properties.transient,data:data53};if(vErrors === null){vErrors = [err113];}else {vErrors.push(err113);}errors++;}}if(data52.data !== undefined){let data55 = data52.data;if(Array.isArray(data55)){const len6 = data55.length;for(let i9=0; i9<len6; i9++){let data56 = data55[i9];if(!(((typeof data56 == "number") && (!(data56 % 1) && !isNaN(data56))) && (isFinite(data56)))){const err114 = {instancePath:instancePath+"/tasks/" + i4+"/exit_codes/data/" + i9,schemaPath:"#/properties/tasks/items/properties/exit_codes/properties/data/items/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.tasks.items.properties.exit_codes.properties.data.items.type,parentSchema:schema11.properties.tasks.items.properties.exit_codes.properties.data.items,data:data56};if(vErrors === null){vErrors = [err114];}else {vErrors.push(err114);}errors++;}if((typeof data56 == "number") && (isFinite(data56))){if(data56 > 255 || isNaN(data56)){const err115 = {instancePath:instancePath+"/tasks/" + i4+"/exit_codes/data/" + i9,schemaPath:"#/properties/tasks/items/properties/exit_codes/properties/data/items/maximum",keyword:"maximum",params:{comparison: "<=", limit: 255},message:"must be <= 255",schema:255,parentSchema:schema11.properties.tasks.items.properties.exit_codes.properties.data.items,data:data56};if(vErrors === null){vErrors = [err115];}else {vErrors.push(err115);}errors++;}if(data56 < 1 || isNaN(data56)){const err116 = {instancePath:instancePath+"/tasks/" + i4+"/exit_codes/data/" + i9,schemaPath:"#/properties/tasks/items/properties/exit_codes/properties/data/items/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.tasks.items.properties.exit_codes.properties.data.items,data:data56};if(vErrors === null){vErrors = [err116];}else {vErrors.push(err116);}errors++;}}}}else {const err117 = {instancePath:instancePath+"/tasks/" + i4+"/exit_codes/data",schemaPath:"#/properties/tasks/items/properties/exit_codes/properties/data/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.tasks.items.properties.exit_codes.properties.data.type,parentSchema:schema11.properties.tasks.items.properties.exit_codes.properties.data,data:data55};if(vErrors === null){vErrors = [err117];}else {vErrors.push(err117);}errors++;}}}else {const err118 = {instancePath:instancePath+"/tasks/" + i4+"/exit_codes",schemaPath:"#/properties/tasks/items/properties/exit_codes/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.tasks.items.properties.exit_codes.type,parentSchema:schema11.properties.tasks.items.properties.exit_codes,data:data52};if(vErrors === null){vErrors = [err118];}else {vErrors.push(err118);}errors++;}}if(data35.sensor !== undefined){let data57 = data35.sensor;if(data57 && typeof data57 == "object" && !Array.isArray(data57)){if(data57.path === undefined){const err119 = {instancePath:instancePath+"/tasks/" + i4+"/sensor",schemaPath:"#/properties/tasks/items/properties/sensor/required",keyword:"required",params:{missingProperty: "path"},message:"must have required property '"+"path"+"'",schema:schema11.properties.tasks.items.properties.sensor.required,parentSchema:schema11.properties.tasks.items.properties.sensor,data:data57};if(vErrors === null){vErrors = [err119];}else {vErrors.push(err119);}errors++;}for(const key10 in data57){if(!(((((key10 === "path") || (key10 === "poke_interval")) || (key10 === "timeout")) || (key10 === "give_up_after")) || (key10 === "on_timeout"))){const err120 = {instancePath:instancePath+"/tasks/" + i4+"/sensor",schemaPath:"#/properties/tasks/items/properties/sensor/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key10},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.tasks.items.properties.sensor,data:data57};if(vErrors === null){vErrors = [err120];}else {vErrors.push(err120);}errors++;}}if(data57.path !== undefined){let data58 = data57.path;if(typeof data58 === "string"){if(func3(data58) < 1){const err121 = {instancePath:instancePath+"/tasks/" + i4+"/sensor/path",schemaPath:"#/properties/tasks/items/properties/sensor/properties/path/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.tasks.items.properties.sensor.properties.path,data:data58};if(vErrors === null){vErrors = [err121];}else {vErrors.push(err121);}errors++;}}else {const err122 = {instancePath:instancePath+"/tasks/" + i4+"/sensor/path",schemaPath:"#/properties/tasks/items/properties/sensor/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.tasks.items.properties.sensor.properties.path.type,parentSchema:schema11.properties.tasks.items.properties.sensor.properties.path,data:data58};if(vErrors === null){vErrors = [err122];}else {vErrors.push(err122);}errors++;}}if(data57.poke_interval !== undefined){let data59 = data57.poke_interval;if(typeof data59 === "string"){if(!pattern5.test(data59)){const err123 = {instancePath:instancePath+"/tasks/" + i4+"/sensor/poke_interval",schemaPath:"#/properties/tasks/items/properties/sensor/properties/poke_interval/pattern",keyword:"pattern",params:{pattern: "^[0-9]+(\\.[0-9]+)?(ms|s|m|h|d)$"},message:"must match pattern \""+"^[0-9]+(\\.[0-9]+)?(ms|s|m|h|d)$"+"\"",schema:"^[0-9]+(\\.[0-9]+)?(ms|s|m|h|d)$",parentSchema:schema11.properties.tasks.items.properties.sensor.properties.poke_interval,data:data59};if(vErrors === null){vErrors = [err123];}else {vErrors.push(err123);}errors++;}}else {const err124 = {instancePath:instancePath+"/tasks/" + i4+"/sensor/poke_interval",schemaPath:"#/properties/tasks/items/properties/sensor/properties/poke_interval/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.tasks.items.properties.sensor.properties.poke_interval.type,parentSchema:schema11.properties.tasks.items.properties.sensor.properties.poke_interval,data:data59};if(vErrors === null){vErrors = [err124];}else {vErrors.push(err124);}errors++;}}if(data57.timeout !== undefined){let data60 = data57.timeout;if(typeof data60 === "string"){if(!pattern5.test(data60)){const err125 = {instancePath:instancePath+"/tasks/" + i4+"/sensor/timeout",schemaPath:"#/properties/tasks/items/properties/sensor/properties/timeout/pattern",keyword:"pattern",params:{pattern: "^[0-9]+(\\.[0-9]+)?(ms|s|m|h|d)$"},message:"must match pattern \""+"^[0-9]+(\\.[0-9]+)?(ms|s|m|h|d)$"+"\"",schema:"^[0-9]+(\\.[0-9]+)?(ms|s|m|h|d)$",parentSchema:schema11.properties.tasks.items.properties.sensor.properties.timeout,data:data60};if(vErrors === null){vErrors = [err125];}else {vErrors.push(err125);}errors++;}}else {const err126 = {instancePath:instancePath+"/tasks/" + i4+"/sensor/timeout",schemaPath:"#/properties/tasks/items/properties/sensor/properties/timeout/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.tasks.items.properties.sensor.properties.timeout.type,parentSchema:schema11.properties.tasks.items.properties.sensor.properties.timeout,data:data60};if(vErrors === null){vErrors = [err126];}else {vErrors.push(err126);}errors++;}}if(data57.give_up_after !== undefined){let data61 = data57.give_up_after;if(typeof data61 === "string"){if(!pattern5.test(data61)){const err127 = {instancePath:instancePath+"/tasks/" + i4+"/sensor/give_up_after",schemaPath:"#/properties/tasks/items/properties/sensor/properties/give_up_after/pattern",keyword:"pattern",params:{pattern: "^[0-9]+(\\.[0-9]+)?(ms|s|m|h|d)$"},message:"must match pattern \""+"^[0-9]+(\\.[0-9]+)?(ms|s|m|h|d)$"+"\"",schema:"^[0-9]+(\\.[0-9]+)?(ms|s|m|h|d)$",parentSchema:schema11.properties.tasks.items.properties.sensor.properties.give_up_after,data:data61};if(vErrors === null){vErrors = [err127];}else {vErrors.push(err127);}errors++;}}else {const err128 = {instancePath:instancePath+"/tasks/" + i4+"/sensor/give_up_after",schemaPath:"#/properties/tasks/items/properties/sensor/properties/give_up_after/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.tasks.items.properties.sensor.properties.give_up_after.type,parentSchema:schema11.properties.tasks.items.properties.sensor.properties.give_up_after,data:data61};if(vErrors === null){vErrors = [err128];}else {vErrors.push(err128);}errors++;}}if(data57.on_timeout !== undefined){let data62 = data57.on_timeout;if(!((data62 === "fail") || (data62 === "defer"))){const err129 = {instancePath:instancePath+"/tasks/" + i4+"/sensor/on_timeout",schemaPath:"#/properties/tasks/items/properties/sensor/properties/on_timeout/enum",keyword:"enum",params:{allowedValues: schema11.properties.tasks.items.properties.sensor.properties.on_timeout.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.tasks.items.properties.sensor.properties.on_timeout.enum,parentSchema:schema11.properties.tasks.items.properties.sensor.properties.on_timeout,data:data62};if(vErrors === null){vErrors = [err129];}else {vErrors.push(err129);}errors++;}}}else {const err130 = {instancePath:instancePath+"/tasks/" + i4+"/sensor",schemaPath:"#/properties/tasks/items/properties/sensor/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.tasks.items.properties.sensor.type,parentSchema:schema11.properties.tasks.items.properties.sensor,data:data57};if(vErrors === null){vErrors = [err130];}else {vErrors.push(err130);}errors++;}}if(data35.checks !== undefined){let data63 = data35.checks;if(data63 && typeof data63 == "object" && !Array.isArray(data63)){if(data63.dataset === undefined){const err131 = {instancePath:instancePath+"/tasks/" + i4+"/checks",schemaPath:"#/properties/tasks/items/properties/checks/required",keyword:"required",params:{missingProperty: "dataset"},message:"must have required property '"+"dataset"+"'",schema:schema11.properties.tasks.items.properties.checks.required,parentSchema:schema11.properties.tasks.items.properties.checks,data:data63};if(vErrors === null){vErrors = [err131];}else {vErrors.push(err131);}errors++;}if(data63.rules === undefined){const err132 = {instancePath:instancePath+"/tasks/" + i4+"/checks",schemaPath:"#/properties/tasks/items/properties/checks/required",keyword:"required",params:{missingProperty: "rules"},message:"must have required property '"+"rules"+"'",schema:schema11.properties.tasks.items.properties.checks.required,parentSchema:schema11.properties.tasks.items.properties.checks,data:data63};if(vErrors === null){vErrors = [err132];}else {vErrors.push(err132);}errors++;}for(const key11 in data63){if(!((key11 === "dataset") || (key11 === "rules"))){const err133 = {instancePath:instancePath+"/tasks/" + i4+"/checks",schemaPath:"#/properties/tasks/items/properties/checks/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key11},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.tasks.items.properties.checks,data:data63};if(vErrors === null){vErrors = [err133];}else {vErrors.push(err133);}errors++;}}if(data63.dataset !== undefined){let data64 = data63.dataset;if(typeof data64 !== "string"){const err134 = {instancePath:instancePath+"/tasks/" + i4+"/checks/dataset",schemaPath:"#/properties/tasks/items/properties/checks/properties/dataset/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.tasks.items.properties.checks.properties.dataset.type,parentSchema:schema11.properties.tasks.items.properties.checks.properties.dataset,data:data64};if(vErrors === null){vErrors = [err134];}else {vErrors.push(err134);}errors++;}}if(data63.rules !== undefined){let data65 = data63.rules;if(Array.isArray(data65)){if(data65.length < 1){const err135 = {instancePath:instancePath+"/tasks/" + i4+"/checks/rules",schemaPath:"#/properties/tasks/items/properties/checks/properties/rules/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.tasks.items.properties.checks.properties.rules,data:data65};if(vErrors === null){vErrors = [err135];}else {vErrors.push(err135);}errors++;}const len7 = data65.length;for(let i10=0; i10<len7; i10++){let data66 = data65[i10];if(data66 && typeof data66 == "object" && !Array.isArray(data66)){if(Object.keys(data66).length < 1){const err136 = {instancePath:instancePath+"/tasks/" + i4+"/checks/rules/" + i10,schemaPath:"#/properties/tasks/items/properties/checks/properties/rules/items/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema11.properties.tasks.items.properties.checks.properties.rules.items,data:data66};if(vErrors === null){vErrors = [err136];}else {vErrors.push(err136);}errors++;}for(const key12 in data66){if(!((((((((key12 === "required_columns") || (key12 === "row_count")) || (key12 === "not_null")) || (key12 === "unique")) || (key12 === "accepted_values")) || (key12 === "date_in_partition")) || (key12 === "numeric")) || (key12 === "severity"))){const err137 = {instancePath:instancePath+"/tasks/" + i4+"/checks/rules/" + i10,schemaPath:"#/properties/tasks/items/properties/checks/properties/rules/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key12},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.tasks.items.properties.checks.properties.rules.items,data:data66};if(vErrors === null){vErrors = [err137];}else {vErrors.push(err137);}errors++;}}if(data66.required_columns !== undefined){let data67 = data66.required_columns;if(Array.isArray(data67)){if(data67.length < 1){const err138 = {instancePath:instancePath+"/tasks/" + i4+"/checks/rules/" + i10+"/required_columns",schemaPath:"#/properties/tasks/items/properties/checks/properties/rules/items/properties/required_columns/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.required_columns,data:data67};if(vErrors === null){vErrors = [err138];}else {vErrors.push(err138);}errors++;}const len8 = data67.length;for(let i11=0; i11<len8; i11++){let data68 = data67[i11];if(typeof data68 === "string"){if(func3(data68) < 1){const err139 = {instancePath:instancePath+"/tasks/" + i4+"/checks/rules/" + i10+"/required_columns/" + i11,schemaPath:"#/properties/tasks/items/properties/checks/properties/rules/items/properties/required_columns/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.required_columns.items,data:data68};if(vErrors === null){vErrors = [err139];}else {vErrors.push(err139);}errors++;}}else {const err140 = {instancePath:instancePath+"/tasks/" + i4+"/checks/rules/" + i10+"/required_columns/" + i11,schemaPath:"#/properties/tasks/items/properties/checks/properties/rules/items/properties/required_columns/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.required_columns.items.type,parentSchema:schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.required_columns.items,data:data68};if(vErrors === null){vErrors = [err140];}else {vErrors.push(err140);}errors++;}}}else {const err141 = {instancePath:instancePath+"/tasks/" + i4+"/checks/rules/" + i10+"/required_columns",schemaPath:"#/properties/tasks/items/properties/checks/properties/rules/items/properties/required_columns/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.required_columns.type,parentSchema:schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.required_columns,data:data67};if(vErrors === null){vErrors = [err141];}else {vErrors.push(err141);}errors++;}}if(data66.row_count !== undefined){let data69 = data66.row_count;if(data69 && typeof data69 == "object" && !Array.isArray(data69)){for(const key13 in data69){if(!((key13 === "min") || (key13 === "max"))){const err142 = {instancePath:instancePath+"/tasks/" + i4+"/checks/rules/" + i10+"/row_count",schemaPath:"#/properties/tasks/items/properties/checks/properties/rules/items/properties/row_count/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key13},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.row_count,data:data69};if(vErrors === null){vErrors = [err142];}else {vErrors.push(err142);}errors++;}}if(data69.min !== undefined){let data70 = data69.min;if(!(((typeof data70 == "number") && (!(data70 % 1) && !isNaN(data70))) && (isFinite(data70)))){const err143 = {instancePath:instancePath+"/tasks/" + i4+"/checks/rules/" + i10+"/row_count/min",schemaPath:"#/properties/tasks/items/properties/checks/properties/rules/items/properties/row_count/properties/min/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.row_count.properties.min.type,parentSchema:schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.row_count.properties.min,data:data70};if(vErrors === null){vErrors = [err143];}else {vErrors.push(err143);}errors++;}if((typeof data70 == "number") && (isFinite(data70))){if(data70 < 0 || isNaN(data70)){const err144 = {instancePath:instancePath+"/tasks/" + i4+"/checks/rules/" + i10+"/row_count/min",schemaPath:"#/properties/tasks/items/properties/checks/properties/rules/items/properties/row_count/properties/min/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.row_count.properties.min,data:data70};if(vErrors === null){vErrors = [err144];}else {vErrors.push(err144);}errors++;}}}if(data69.max !== undefined){let data71 = data69.max;if(!(((typeof data71 == "number") && (!(data71 % 1) && !isNaN(data71))) && (isFinite(data71)))){const err145 = {instancePath:instancePath+"/tasks/" + i4+"/checks/rules/" + i10+"/row_count/max",schemaPath:"#/properties/tasks/items/properties/checks/properties/rules/items/properties/row_count/properties/max/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.row_count.properties.max.type,parentSchema:schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.row_count.properties.max,data:data71};if(vErrors === null){vErrors = [err145];}else {vErrors.push(err145);}errors++;}if((typeof data71 == "number") && (isFinite(data71))){if(data71 < 0 || isNaN(data71)){const err146 = {instancePath:instancePath+"/tasks/" + i4+"/checks/rules/" + i10+"/row_count/max",schemaPath:"#/properties/tasks/items/properties/checks/properties/rules/items/properties/row_count/properties/max/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.row_count.properties.max,data:data71};if(vErrors === null){vErrors = [err146];}else {vErrors.push(err146);}errors++;}}}}else {const err147 = {instancePath:instancePath+"/tasks/" + i4+"/checks/rules/" + i10+"/row_count",schemaPath:"#/properties/tasks/items/properties/checks/properties/rules/items/properties/row_count/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.row_count.type,parentSchema:schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.row_count,data:data69};if(vErrors === null){vErrors = [err147];}else {vErrors.push(err147);}errors++;}}if(data66.not_null !== undefined){let data72 = data66.not_null;if(Array.isArray(data72)){if(data72.length < 1){const err148 = {instancePath:instancePath+"/tasks/" + i4+"/checks/rules/" + i10+"/not_null",schemaPath:"#/properties/tasks/items/properties/checks/properties/rules/items/properties/not_null/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.not_null,data:data72};if(vErrors === null){vErrors = [err148];}else {vErrors.push(err148);}errors++;}const len9 = data72.length;for(let i12=0; i12<len9; i12++){let data73 = data72[i12];if(typeof data73 === "string"){if(func3(data73) < 1){const err149 = {instancePath:instancePath+"/tasks/" + i4+"/checks/rules/" + i10+"/not_null/" + i12,schemaPath:"#/properties/tasks/items/properties/checks/properties/rules/items/properties/not_null/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.not_null.items,data:data73};if(vErrors === null){vErrors = [err149];}else {vErrors.push(err149);}errors++;}}else {const err150 = {instancePath:instancePath+"/tasks/" + i4+"/checks/rules/" + i10+"/not_null/" + i12,schemaPath:"#/properties/tasks/items/properties/checks/properties/rules/items/properties/not_null/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.not_null.items.type,parentSchema:schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.not_null.items,data:data73};if(vErrors === null){vErrors = [err150];}else {vErrors.push(err150);}errors++;}}}else {const err151 = {instancePath:instancePath+"/tasks/" + i4+"/checks/rules/" + i10+"/not_null",schemaPath:"#/properties/tasks/items/properties/checks/properties/rules/items/properties/not_null/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.not_null.type,parentSchema:schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.not_null,data:data72};if(vErrors === null){vErrors = [err151];}else {vErrors.push(err151);}errors++;}}if(data66.unique !== undefined){let data74 = data66.unique;if(Array.isArray(data74)){if(data74.length < 1){const err152 = {instancePath:instancePath+"/tasks/" + i4+"/checks/rules/" + i10+"/unique",schemaPath:"#/properties/tasks/items/properties/checks/properties/rules/items/properties/unique/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.unique,data:data74};if(vErrors === null){vErrors = [err152];}else {vErrors.push(err152);}errors++;}const len10 = data74.length;for(let i13=0; i13<len10; i13++){let data75 = data74[i13];if(typeof data75 === "string"){if(func3(data75) < 1){const err153 = {instancePath:instancePath+"/tasks/" + i4+"/checks/rules/" + i10+"/unique/" + i13,schemaPath:"#/properties/tasks/items/properties/checks/properties/rules/items/properties/unique/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.unique.items,data:data75};if(vErrors === null){vErrors = [err153];}else {vErrors.push(err153);}errors++;}}else {const err154 = {instancePath:instancePath+"/tasks/" + i4+"/checks/rules/" + i10+"/unique/" + i13,schemaPath:"#/properties/tasks/items/properties/checks/properties/rules/items/properties/unique/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.unique.items.type,parentSchema:schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.unique.items,data:data75};if(vErrors === null){vErrors = [err154];}else {vErrors.push(err154);}errors++;}}}else {const err155 = {instancePath:instancePath+"/tasks/" + i4+"/checks/rules/" + i10+"/unique",schemaPath:"#/properties/tasks/items/properties/checks/properties/rules/items/properties/unique/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.unique.type,parentSchema:schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.unique,data:data74};if(vErrors === null){vErrors = [err155];}else {vErrors.push(err155);}errors++;}}if(data66.accepted_values !== undefined){let data76 = data66.accepted_values;if(data76 && typeof data76 == "object" && !Array.isArray(data76)){if(data76.column === undefined){const err156 = {instancePath:instancePath+"/tasks/" + i4+"/checks/rules/" + i10+"/accepted_values",schemaPath:"#/properties/tasks/items/properties/checks/properties/rules/items/properties/accepted_values/required",keyword:"required",params:{missingProperty: "column"},message:"must have required property '"+"column"+"'",schema:schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.accepted_values.required,parentSchema:schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.accepted_values,data:data76};if(vErrors === null){vErrors = [err156];}else {vErrors.push(err156);}errors++;}if(data76.values === undefined){const err157 = {instancePath:instancePath+"/tasks/" + i4+"/checks/rules/" + i10+"/accepted_values",schemaPath:"#/properties/tasks/items/properties/checks/properties/rules/items/properties/accepted_values/required",keyword:"required",params:{missingProperty: "values"},message:"must have required property '"+"values"+"'",schema:schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.accepted_values.required,parentSchema:schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.accepted_values,data:data76};if(vErrors === null){vErrors = [err157];}else {vErrors.push(err157);}errors++;}for(const key14 in data76){if(!((key14 === "column") || (key14 === "values"))){const err158 = {instancePath:instancePath+"/tasks/" + i4+"/checks/rules/" + i10+"/accepted_values",schemaPath:"#/properties/tasks/items/properties/checks/properties/rules/items/properties/accepted_values/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key14},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.accepted_values,data:data76};if(vErrors === null){vErrors = [err158];}else {vErrors.push(err158);}errors++;}}if(data76.column !== undefined){let data77 = data76.column;if(typeof data77 === "string"){if(func3(data77) < 1){const err159 = {instancePath:instancePath+"/tasks/" + i4+"/checks/rules/" + i10+"/accepted_values/column",schemaPath:"#/properties/tasks/items/properties/checks/properties/rules/items/properties/accepted_values/properties/column/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.accepted_values.properties.column,data:data77};if(vErrors === null){vErrors = [err159];}else {vErrors.push(err159);}errors++;}}else {const err160 = {instancePath:instancePath+"/tasks/" + i4+"/checks/rules/" + i10+"/accepted_values/column",schemaPath:"#/properties/tasks/items/properties/checks/properties/rules/items/properties/accepted_values/properties/column/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.accepted_values.properties.column.type,parentSchema:schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.accepted_values.properties.column,data:data77};if(vErrors === null){vErrors = [err160];}else {vErrors.push(err160);}errors++;}}if(data76.values !== undefined){let data78 = data76.values;if(Array.isArray(data78)){if(data78.length < 1){const err161 = {instancePath:instancePath+"/tasks/" + i4+"/checks/rules/" + i10+"/accepted_values/values",schemaPath:"#/properties/tasks/items/properties/checks/properties/rules/items/properties/accepted_values/properties/values/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.accepted_values.properties.values,data:data78};if(vErrors === null){vErrors = [err161];}else {vErrors.push(err161);}errors++;}const len11 = data78.length;for(let i14=0; i14<len11; i14++){let data79 = data78[i14];if(((typeof data79 !== "string") && (!((typeof data79 == "number") && (isFinite(data79))))) && (typeof data79 !== "boolean")){const err162 = {instancePath:instancePath+"/tasks/" + i4+"/checks/rules/" + i10+"/accepted_values/values/" + i14,schemaPath:"#/properties/tasks/items/properties/checks/properties/rules/items/properties/accepted_values/properties/values/items/type",keyword:"type",params:{type: schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.accepted_values.properties.values.items.type},message:"must be string,number,boolean",schema:schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.accepted_values.properties.values.items.type,parentSchema:schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.accepted_values.properties.values.items,data:data79};if(vErrors === null){vErrors = [err162];}else {vErrors.push(err162);}errors++;}}}else {const err163 = {instancePath:instancePath+"/tasks/" + i4+"/checks/rules/" + i10+"/accepted_values/values",schemaPath:"#/properties/tasks/items/properties/checks/properties/rules/items/properties/accepted_values/properties/values/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.accepted_values.properties.values.type,parentSchema:schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.accepted_values.properties.values,data:data78};if(vErrors === null){vErrors = [err163];}else {vErrors.push(err163);}errors++;}}}else {const err164 = {instancePath:instancePath+"/tasks/" + i4+"/checks/rules/" + i10+"/accepted_values",schemaPath:"#/properties/tasks/items/properties/checks/properties/rules/items/properties/accepted_values/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.accepted_values.type,parentSchema:schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.accepted_values,data:data76};if(vErrors === null){vErrors = [err164];}else {vErrors.push(err164);}errors++;}}if(data66.date_in_partition !== undefined){let data80 = data66.date_in_partition;if(typeof data80 === "string"){if(func3(data80) < 1){const err165 = {instancePath:instancePath+"/tasks/" + i4+"/checks/rules/" + i10+"/date_in_partition",schemaPath:"#/properties/tasks/items/properties/checks/properties/rules/items/properties/date_in_partition/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.date_in_partition,data:data80};if(vErrors === null){vErrors = [err165];}else {vErrors.push(err165);}errors++;}}else {const err166 = {instancePath:instancePath+"/tasks/" + i4+"/checks/rules/" + i10+"/date_in_partition",schemaPath:"#/properties/tasks/items/properties/checks/properties/rules/items/properties/date_in_partition/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.date_in_partition.type,parentSchema:schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.date_in_partition,data:data80};if(vErrors === null){vErrors = [err166];}else {vErrors.push(err166);}errors++;}}if(data66.numeric !== undefined){let data81 = data66.numeric;if(Array.isArray(data81)){if(data81.length < 1){const err167 = {instancePath:instancePath+"/tasks/" + i4+"/checks/rules/" + i10+"/numeric",schemaPath:"#/properties/tasks/items/properties/checks/properties/rules/items/properties/numeric/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.numeric,data:data81};if(vErrors === null){vErrors = [err167];}else {vErrors.push(err167);}errors++;}const len12 = data81.length;for(let i15=0; i15<len12; i15++){let data82 = data81[i15];if(typeof data82 === "string"){if(func3(data82) < 1){const err168 = {instancePath:instancePath+"/tasks/" + i4+"/checks/rules/" + i10+"/numeric/" + i15,schemaPath:"#/properties/tasks/items/properties/checks/properties/rules/items/properties/numeric/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.numeric.items,data:data82};if(vErrors === null){vErrors = [err168];}else {vErrors.push(err168);}errors++;}}else {const err169 = {instancePath:instancePath+"/tasks/" + i4+"/checks/rules/" + i10+"/numeric/" + i15,schemaPath:"#/properties/tasks/items/properties/checks/properties/rules/items/properties/numeric/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.numeric.items.type,parentSchema:schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.numeric.items,data:data82};if(vErrors === null){vErrors = [err169];}else {vErrors.push(err169);}errors++;}}}else {const err170 = {instancePath:instancePath+"/tasks/" + i4+"/checks/rules/" + i10+"/numeric",schemaPath:"#/properties/tasks/items/properties/checks/properties/rules/items/properties/numeric/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.numeric.type,parentSchema:schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.numeric,data:data81};if(vErrors === null){vErrors = [err170];}else {vErrors.push(err170);}errors++;}}if(data66.severity !== undefined){let data83 = data66.severity;if(!((data83 === "error") || (data83 === "warning"))){const err171 = {instancePath:instancePath+"/tasks/" + i4+"/checks/rules/" + i10+"/severity",schemaPath:"#/properties/tasks/items/properties/checks/properties/rules/items/properties/severity/enum",keyword:"enum",params:{allowedValues: schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.severity.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.severity.enum,parentSchema:schema11.properties.tasks.items.properties.checks.properties.rules.items.properties.severity,data:data83};if(vErrors === null){vErrors = [err171];}else {vErrors.push(err171);}errors++;}}}else {const err172 = {instancePath:instancePath+"/tasks/" + i4+"/checks/rules/" + i10,schemaPath:"#/properties/tasks/items/properties/checks/properties/rules/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.tasks.items.properties.checks.properties.rules.items.type,parentSchema:schema11.properties.tasks.items.properties.checks.properties.rules.items,data:data66};if(vErrors === null){vErrors = [err172];}else {vErrors.push(err172);}errors++;}}}else {const err173 = {instancePath:instancePath+"/tasks/" + i4+"/checks/rules",schemaPath:"#/properties/tasks/items/properties/checks/properties/rules/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.tasks.items.properties.checks.properties.rules.type,parentSchema:schema11.properties.tasks.items.properties.checks.properties.rules,data:data65};if(vErrors === null){vErrors = [err173];}else {vErrors.push(err173);}errors++;}}}else {const err174 = {instancePath:instancePath+"/tasks/" + i4+"/checks",schemaPath:"#/properties/tasks/items/properties/checks/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.tasks.items.properties.checks.type,parentSchema:schema11.properties.tasks.items.properties.checks,data:data63};if(vErrors === null){vErrors = [err174];}else {vErrors.push(err174);}errors++;}}}else {const err175 = {instancePath:instancePath+"/tasks/" + i4,schemaPath:"#/properties/tasks/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.tasks.items.type,parentSchema:schema11.properties.tasks.items,data:data35};if(vErrors === null){vErrors = [err175];}else {vErrors.push(err175);}errors++;}}}else {const err176 = {instancePath:instancePath+"/tasks",schemaPath:"#/properties/tasks/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.tasks.type,parentSchema:schema11.properties.tasks,data:data34};if(vErrors === null){vErrors = [err176];}else {vErrors.push(err176);}errors++;}}if(data.alerts !== undefined){let data84 = data.alerts;if(data84 && typeof data84 == "object" && !Array.isArray(data84)){for(const key15 in data84){if(!(((key15 === "on") || (key15 === "labels")) || (key15 === "assignees"))){const err177 = {instancePath:instancePath+"/alerts",schemaPath:"#/properties/alerts/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key15},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.alerts,data:data84};if(vErrors === null){vErrors = [err177];}else {vErrors.push(err177);}errors++;}}if(data84.on !== undefined){let data85 = data84.on;if(Array.isArray(data85)){const len13 = data85.length;for(let i16=0; i16<len13; i16++){let data86 = data85[i16];if(!((data86 === "failure") || (data86 === "freshness_miss"))){const err178 = {instancePath:instancePath+"/alerts/on/" + i16,schemaPath:"#/properties/alerts/properties/on/items/enum",keyword:"enum",params:{allowedValues: schema11.properties.alerts.properties.on.items.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.alerts.properties.on.items.enum,parentSchema:schema11.properties.alerts.properties.on.items,data:data86};if(vErrors === null){vErrors = [err178];}else {vErrors.push(err178);}errors++;}}let i17 = data85.length;let j3;if(i17 > 1){outer0:for(;i17--;){for(j3 = i17; j3--;){if(func0(data85[i17], data85[j3])){const err179 = {instancePath:instancePath+"/alerts/on",schemaPath:"#/properties/alerts/properties/on/uniqueItems",keyword:"uniqueItems",params:{i: i17, j: j3},message:"must NOT have duplicate items (items ## "+j3+" and "+i17+" are identical)",schema:true,parentSchema:schema11.properties.alerts.properties.on,data:data85};if(vErrors === null){vErrors = [err179];}else {vErrors.push(err179);}errors++;break outer0;}}}}}else {const err180 = {instancePath:instancePath+"/alerts/on",schemaPath:"#/properties/alerts/properties/on/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.alerts.properties.on.type,parentSchema:schema11.properties.alerts.properties.on,data:data85};if(vErrors === null){vErrors = [err180];}else {vErrors.push(err180);}errors++;}}if(data84.labels !== undefined){let data87 = data84.labels;if(Array.isArray(data87)){const len14 = data87.length;for(let i18=0; i18<len14; i18++){let data88 = data87[i18];if(typeof data88 === "string"){if(func3(data88) < 1){const err181 = {instancePath:instancePath+"/alerts/labels/" + i18,schemaPath:"#/properties/alerts/properties/labels/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.alerts.properties.labels.items,data:data88};if(vErrors === null){vErrors = [err181];}else {vErrors.push(err181);}errors++;}}else {const err182 = {instancePath:instancePath+"/alerts/labels/" + i18,schemaPath:"#/properties/alerts/properties/labels/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.alerts.properties.labels.items.type,parentSchema:schema11.properties.alerts.properties.labels.items,data:data88};if(vErrors === null){vErrors = [err182];}else {vErrors.push(err182);}errors++;}}}else {const err183 = {instancePath:instancePath+"/alerts/labels",schemaPath:"#/properties/alerts/properties/labels/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.alerts.properties.labels.type,parentSchema:schema11.properties.alerts.properties.labels,data:data87};if(vErrors === null){vErrors = [err183];}else {vErrors.push(err183);}errors++;}}if(data84.assignees !== undefined){let data89 = data84.assignees;if(Array.isArray(data89)){const len15 = data89.length;for(let i19=0; i19<len15; i19++){let data90 = data89[i19];if(typeof data90 === "string"){if(func3(data90) < 1){const err184 = {instancePath:instancePath+"/alerts/assignees/" + i19,schemaPath:"#/properties/alerts/properties/assignees/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.alerts.properties.assignees.items,data:data90};if(vErrors === null){vErrors = [err184];}else {vErrors.push(err184);}errors++;}}else {const err185 = {instancePath:instancePath+"/alerts/assignees/" + i19,schemaPath:"#/properties/alerts/properties/assignees/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.alerts.properties.assignees.items.type,parentSchema:schema11.properties.alerts.properties.assignees.items,data:data90};if(vErrors === null){vErrors = [err185];}else {vErrors.push(err185);}errors++;}}}else {const err186 = {instancePath:instancePath+"/alerts/assignees",schemaPath:"#/properties/alerts/properties/assignees/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.alerts.properties.assignees.type,parentSchema:schema11.properties.alerts.properties.assignees,data:data89};if(vErrors === null){vErrors = [err186];}else {vErrors.push(err186);}errors++;}}}else {const err187 = {instancePath:instancePath+"/alerts",schemaPath:"#/properties/alerts/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.alerts.type,parentSchema:schema11.properties.alerts,data:data84};if(vErrors === null){vErrors = [err187];}else {vErrors.push(err187);}errors++;}}}else {const err188 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.type,parentSchema:schema11,data};if(vErrors === null){vErrors = [err188];}else {vErrors.push(err188);}errors++;}validate10.errors = vErrors;return errors === 0;}

;// CONCATENATED MODULE: ./src/contract/schema-check.ts
// Compiled ahead of time (schema-validator-code.ts): starting a process compiles nothing.


/** `/tasks/0/retries` -> ['tasks', 0, 'retries']. */
function toPath(instancePath) {
    if (instancePath === '')
        return [];
    return instancePath
        .slice(1)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
        .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}
/** `tasks[2].retries` for messages; the location says exactly where. */
function labelOf(path) {
    let label = '';
    for (const s of path)
        label += typeof s === 'number' ? `[${s}]` : label ? `.${s}` : s;
    return label || 'the contract';
}
function show(value) {
    return typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
}
const TYPE_WORDS = {
    string: 'a string',
    integer: 'an integer',
    number: 'a number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a mapping',
};
function word(error, path) {
    const label = labelOf(path);
    const params = error.params;
    const schema = error.parentSchema;
    switch (error.keyword) {
        case 'additionalProperties': {
            const key = String(params.additionalProperty);
            const known = Object.keys(schema?.properties ?? {});
            const where = path.length ? ` in ${label}` : '';
            return { path: [...path, key], key: true, message: `unknown key '${key}'${where}${suggest_didYouMean(key, known)}` };
        }
        case 'required':
            return {
                path,
                message: `missing required key '${String(params.missingProperty)}'${path.length ? ` in ${label}` : ''}`,
            };
        case 'type': {
            const types = String(params.type).split(',');
            return {
                path,
                message: `${label} must be ${types.map((t) => TYPE_WORDS[t] ?? t).join(' or ')} (got ${show(error.data)})`,
            };
        }
        case 'enum': {
            const allowed = params.allowedValues.map(String).join(', ');
            return { path, message: `${label} must be one of ${allowed} (got ${show(error.data)})` };
        }
        case 'minimum':
            return {
                path,
                message: params.limit === 0
                    ? `${label} must be a non-negative integer (got ${show(error.data)})`
                    : `${label} must be at least ${String(params.limit)} (got ${show(error.data)})`,
            };
        case 'maximum':
            return { path, message: `${label} must be at most ${String(params.limit)} (got ${show(error.data)})` };
        case 'minItems':
            return {
                path,
                message: `${label} must have at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}`,
            };
        case 'minLength':
            return { path, message: `${label} must not be empty` };
        case 'minProperties':
            return { path, message: `${label} must not be empty` };
        case 'uniqueItems':
            return { path, message: `${label} lists ${show(error.data[Number(params.j)])} twice` };
        case 'pattern': {
            if (error.schema === '\\S')
                return { path, message: `${label} must not be empty` };
            const expected = schema?.['x-expected'];
            const name = typeof error.propertyName === 'string';
            if (name) {
                const key = error.propertyName;
                return {
                    path: [...path, key],
                    key: true,
                    message: `'${key}' is not a valid name: expected ${String(expected)}`,
                };
            }
            return {
                path,
                message: `${label}: ${show(error.data)} is not ${typeof expected === 'string' ? expected : `valid (must match ${String(error.schema)})`}`,
            };
        }
        case 'propertyNames':
            return undefined; // reported by the inner error, at the key
        default:
            return { path, message: `${label} ${error.message ?? 'is invalid'}` };
    }
}
function schemaDiagnostics(source) {
    if (validate(source.data))
        return [];
    const out = [];
    for (const error of validate.errors ?? []) {
        const worded = word(error, toPath(error.instancePath));
        if (worded)
            out.push(source.diagnostic(worded.path, worded.message, { target: worded.key ? 'key' : 'value' }));
    }
    return out;
}

;// CONCATENATED MODULE: ./src/contract/secrets.ts
// Literal credentials in a contract: found on the raw text (so they are caught
// in comments too), reported by location and kind, never echoed.
const PATTERNS = [
    { kind: 'an AWS access key id', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, needle: 'IA' },
    { kind: 'a GitHub token', pattern: /\b(?:ghp|gho|ghs|ghu|ghr)_[A-Za-z0-9]{30,}\b/g, needle: 'gh' },
    { kind: 'a GitHub token', pattern: /\bgithub_pat_[A-Za-z0-9_]{30,}\b/g, needle: 'github_pat_' },
    { kind: 'a private key', pattern: /-----BEGIN (?:[A-Z]+ )*PRIVATE KEY( BLOCK)?-----/g, needle: '-----BEGIN ' },
    // scheme://user:password@host — an empty password or a {{ template }} is not a secret.
    {
        kind: 'a password in a URL',
        pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:(?!\{\{)[^\s/@]+@[^\s/]+/gi,
        needle: '://',
    },
];
/** No pattern spans a line: each is run over the whole text once, and a match is placed by its offset. */
function findSecrets(text) {
    const findings = [];
    PATTERNS.forEach(({ kind, pattern, needle }, order) => {
        if (!text.includes(needle))
            return;
        for (const match of text.matchAll(pattern)) {
            const offset = match.index ?? 0;
            const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
            let line = 1;
            for (let at = text.indexOf('\n'); at >= 0 && at < lineStart; at = text.indexOf('\n', at + 1))
                line++;
            findings.push({ kind, line, col: offset - lineStart + 1, order });
        }
    });
    // Line by line, each line's findings in pattern order, as they read.
    findings.sort((a, b) => a.line - b.line || a.order - b.order || a.col - b.col);
    return findings.map(({ kind, line, col }) => ({ kind, line, col }));
}
/** Replaces anything that looks like a credential, for messages that quote a value. */
function redactSecrets(message) {
    let out = message;
    for (const { pattern, needle } of PATTERNS)
        if (out.includes(needle))
            out = out.replace(pattern, '<redacted>');
    return out;
}

// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var yaml_dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(3243);
;// CONCATENATED MODULE: ./src/contract/plain-yaml.ts
// A YAML file's data without positions, about ten times faster than the `yaml`
// document that locates problems (`source.ts` builds that one only when something
// asks where a value is). js-yaml reads it with YAML 1.2's core schema resolved
// exactly as `yaml` resolves it (js-yaml's own core schema also takes `0b11` and
// leaves `-.5` a string). Text that uses what the two could read differently
// (anchors and so aliases, directives, complex keys) or that js-yaml refuses (a
// tag this schema does not know) is left to the document, which reports every
// problem at its place.

/**
 * One implicit scalar type: plain scalars matching `test` become `construct(text)`. js-yaml
 * tries every type on every plain scalar: `starts` (the characters a match can begin with)
 * turns most away before the pattern runs.
 */
function scalar(tag, starts, test, construct) {
    const resolve = (text) => {
        const value = text ?? '';
        return (value === '' || starts.includes(value[0])) && test.test(value);
    };
    return new js_yaml/* Type */.ZU(tag, { kind: 'scalar', resolve, construct });
}
// The tests of yaml's core schema (yaml/dist/schema/core and common/null), one type per
// tag (js-yaml keeps the last type of a tag): int is octal, decimal or hex, float is
// infinity or NaN, exponent or decimal.
const CORE_1_2 = js_yaml/* FAILSAFE_SCHEMA */.uH.extend({
    implicit: [
        scalar('tag:yaml.org,2002:null', '~nN', /^(?:~|[Nn]ull|NULL)?$/, () => null),
        scalar('tag:yaml.org,2002:bool', 'tTfF', /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (t) => t[0] === 't' || t[0] === 'T'),
        scalar('tag:yaml.org,2002:int', '+-0123456789', /^(?:0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+)$/, (t) => t.startsWith('0o') ? parseInt(t.slice(2), 8) : t.startsWith('0x') ? parseInt(t.slice(2), 16) : parseInt(t, 10)),
        scalar('tag:yaml.org,2002:float', '+-.0123456789', /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/, (t) => {
            if (/n$/i.test(t) && t.slice(-3).toLowerCase() === 'nan')
                return Number.NaN;
            if (/f$/i.test(t))
                return t[0] === '-' ? -Infinity : Infinity;
            return parseFloat(t);
        }),
    ],
});
/**
 * A directive (`%YAML`), an explicit key (`? `), a null key (`~:`, which yaml names ""
 * and js-yaml "null"), a flow collection used as a key (`]:`, `}:`) or closed at the
 * start of a line (which yaml warns about when it is not indented past its parent).
 * Inside quoted strings these only cost the fast path, never correctness. Anchors are
 * found by the parser itself (`plainData`): a pattern cannot tell `&x` from the `&&`
 * of a shell command, nor a tag from `${{ !cancelled() }}` in a workflow.
 */
// Each pattern is tested on the text after a line feed, so a line start is always `\n`
// (faster than `^` with the m flag or `(?:^|\n)` on long texts), and begins with a
// literal the regex engine can scan for.
const LEFT_TO_THE_DOCUMENT = [
    // [characters one of which the text must hold for the pattern to match (a cheap test first), the pattern]
    [['%'], /\n%/],
    [['?'], /\n[ \t]*\?(?:\s|$)/],
    [undefined, /\n[ \t-]*(?:~|[Nn]ull|NULL)?[ \t]*:(?:\s|$)/],
    [['{', ','], /[{,]\s*(?:~|[Nn]ull|NULL)?\s*:(?:\s|$)/],
    [[']', '}'], /[\]}][ \t]*:(?:\s|$)/],
    [[']', '}'], /\n[ \t]*[\]}]/],
];
function leftToTheDocument(text) {
    const lined = `\n${text}`;
    return LEFT_TO_THE_DOCUMENT.some(([chars, pattern]) => (chars === undefined || chars.some((c) => text.includes(c))) && pattern.test(lined));
}
/** The data of `text`, or undefined when the `yaml` document must read it. */
function plainData(text) {
    if (leftToTheDocument(text))
        return undefined;
    // An anchored node goes to the document, which bounds how far its aliases expand
    // (an alias needs an anchor: js-yaml refuses one it cannot resolve).
    // The listener is called twice per node: only text with an `&` can hold an anchor.
    let anchored = false;
    const listener = text.includes('&')
        ? (event, state) => {
            if (event === 'close' && state.anchor !== null)
                anchored = true;
        }
        : undefined;
    try {
        // An empty document is null to `yaml`, undefined to js-yaml.
        const data = (0,js_yaml/* load */.Hh)(text, { schema: CORE_1_2, ...(listener && { listener }) }) ?? null;
        return anchored ? undefined : { data };
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/contract/source.ts
// A parsed pipeline.yml that remembers where every key and value came from, so
// a problem found in the data can be reported at file:line:col.



/** One decoder for every contract: building one costs more than decoding a contract (it holds no state between calls). */
const UTF8 = new TextDecoder('utf-8');
/**
 * The contract's text, or a located error for bytes that are not UTF-8 or for a NUL:
 * either would otherwise be replaced or passed on silently.
 */
function decodeContract(file, bytes) {
    const text = UTF8.decode(bytes);
    const located = (offset, message) => {
        const before = text.slice(0, offset);
        const line = before.split('\n').length;
        const col = offset - before.lastIndexOf('\n');
        return { error: { file, line, col, severity: 'error', message } };
    };
    if (!(0,external_node_buffer_.isUtf8)(bytes)) {
        // Re-encode the decoded text character by character: the first one that does not
        // match the file's bytes is where the invalid sequence begins.
        const encoder = new TextEncoder();
        let byte = 0;
        let offset = 0;
        for (const char of text) {
            const expected = encoder.encode(char);
            if (!expected.every((b, i) => bytes[byte + i] === b))
                break;
            byte += expected.length;
            offset += char.length;
        }
        const hex = Buffer.from(bytes.subarray(byte, byte + 1)).toString('hex');
        return located(offset, `invalid UTF-8 (byte 0x${hex}): save the contract as UTF-8`);
    }
    const nul = text.indexOf('\0');
    if (nul >= 0)
        return located(nul, 'NUL byte in the contract: remove it (a contract is text)');
    return { text };
}
/**
 * The contract's data, read fast without positions when it can be (plain-yaml.ts);
 * the `yaml` document, which knows where everything is, is built on the first
 * question about a place, so a valid contract usually never pays for it.
 */
function source_parseContract(file, text) {
    const plain = plainData(text);
    if (!plain)
        return located(file, text);
    let document;
    const positions = () => {
        document ??= located(file, text);
        return document;
    };
    return {
        file,
        text,
        data: plain.data,
        syntax: [],
        locate: (path, target) => positions().locate(path, target),
        locateWithin: (path, needle) => positions().locateWithin(path, needle),
        diagnostic: (path, message, opts) => positions().diagnostic(path, message, opts),
    };
}
/** The contract as a `yaml` document: its data, its syntax problems and every position. */
function located(file, text) {
    const lineCounter = new yaml_dist/* LineCounter */.HN();
    const doc = (0,yaml_dist/* parseDocument */.Tp)(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    const pos = (offset) => lineCounter.linePos(offset);
    const syntax = [...doc.errors, ...doc.warnings].map((e) => {
        const at = e.linePos?.[0] ?? pos(e.pos[0]);
        return {
            file,
            line: at.line,
            col: at.col,
            severity: e.name === 'YAMLWarning' ? 'warning' : 'error',
            message: `YAML: ${e.message.split('\n')[0]}`,
        };
    });
    // Aliases past this count are a resource-exhaustion attack ("billion laughs"): refuse, located at the first alias.
    let data;
    if (doc.errors.length === 0) {
        try {
            data = doc.toJS({ maxAliasCount: 100 });
        }
        catch (error) {
            let alias;
            (0,yaml_dist/* visit */.YR)(doc, {
                Alias(_key, node) {
                    alias = node;
                    return yaml_dist/* visit */.YR.BREAK;
                },
            });
            const at = pos(alias?.range?.[0] ?? 0);
            const why = error.message.split('\n')[0];
            syntax.push({ file, line: at.line, col: at.col, severity: 'error', message: `YAML: ${why}` });
        }
    }
    /** Walks the YAML nodes along the path; returns the deepest node reached, and the key node when the last step was a map key. */
    const walk = (path) => {
        let node = doc.contents;
        let key;
        let reached = 0;
        for (const segment of path) {
            if ((0,yaml_dist/* isMap */.jh)(node)) {
                const pair = node.items.find((p) => (0,yaml_dist/* isPair */.tO)(p) && (0,yaml_dist/* isScalar */.jn)(p.key) && String(p.key.value) === String(segment));
                if (!pair)
                    break;
                key = pair.key;
                node = pair.value ?? pair.key;
            }
            else if ((0,yaml_dist/* isSeq */.oP)(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
                key = undefined;
                node = node.items[segment];
            }
            else
                break;
            reached++;
        }
        return { node: node, key: key, complete: reached === path.length };
    };
    const startOf = (node) => pos(node?.range?.[0] ?? 0);
    const locate = (path, target = 'value') => {
        const { node, key, complete } = walk(path);
        if (complete && target === 'key' && key)
            return startOf(key);
        if (!complete && key)
            return startOf(key);
        return startOf(node);
    };
    const locateWithin = (path, needle) => {
        const { node, complete } = walk(path);
        const range = node?.range;
        if (complete && range) {
            const index = text.slice(range[0], range[1]).indexOf(needle);
            if (index >= 0)
                return pos(range[0] + index);
        }
        return locate(path);
    };
    return {
        file,
        text,
        data,
        syntax,
        locate,
        locateWithin,
        diagnostic(path, message, opts = {}) {
            const at = locate(path, opts.target ?? 'value');
            return { file, line: at.line, col: at.col, severity: opts.severity ?? 'error', message };
        },
    };
}

;// CONCATENATED MODULE: ./src/graph/dag.ts
// The DAG of a pipeline's tasks: order and cycles. Works on anything with an
// id and upstream ids, so validation can use it before a contract is normalized.
/**
 * Tasks in an order where every task comes after its upstream tasks; ties keep
 * the contract's order so runs and diagrams are stable. Unknown upstream ids
 * are ignored. Throws on a cycle (validation reports cycles before this is called).
 */
function dag_topologicalOrder(tasks) {
    const byId = new Map(tasks.map((t) => [t.id, t]));
    const pending = new Map(tasks.map((t) => [t.id, t.upstream.filter((u) => byId.has(u) && u !== t.id).length]));
    const downstream = new Map();
    for (const t of tasks)
        for (const u of new Set(t.upstream))
            if (byId.has(u))
                downstream.set(u, [...(downstream.get(u) ?? []), t.id]);
    const order = [];
    const ready = tasks.filter((t) => pending.get(t.id) === 0).map((t) => t.id);
    const position = new Map(tasks.map((t, i) => [t.id, i]));
    while (ready.length) {
        ready.sort((a, b) => position.get(a) - position.get(b));
        const id = ready.shift();
        order.push(byId.get(id));
        for (const d of downstream.get(id) ?? []) {
            const left = pending.get(d) - 1;
            pending.set(d, left);
            if (left === 0)
                ready.push(d);
        }
    }
    if (order.length < byId.size) {
        const cycle = findCycle(tasks);
        throw new Error(`the task graph has a cycle: ${cycle ? cycle.join(' -> ') : 'unknown'}`);
    }
    return order;
}
/**
 * One cycle as a path that returns to its start, in the direction data flows
 * (each id is upstream of the next), e.g. ['a', 'b', 'c', 'a']; undefined when
 * the graph is acyclic. A self-dependency is the cycle [x, x].
 */
function findCycle(tasks) {
    const upstreamOf = new Map(tasks.map((t) => [t.id, t.upstream]));
    const state = new Map();
    const stack = [];
    const visit = (id) => {
        state.set(id, 'visiting');
        stack.push(id);
        for (const u of upstreamOf.get(id) ?? []) {
            if (!upstreamOf.has(u))
                continue;
            if (state.get(u) === 'visiting') {
                // stack holds downstream -> upstream; print the flow direction upstream -> downstream.
                const loop = stack.slice(stack.indexOf(u)).reverse();
                return [...loop, loop[0]];
            }
            if (!state.has(u)) {
                const found = visit(u);
                if (found)
                    return found;
            }
        }
        stack.pop();
        state.set(id, 'done');
        return undefined;
    };
    for (const t of tasks) {
        if (state.has(t.id))
            continue;
        const found = visit(t.id);
        if (found)
            return found;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/contract/task-rules.ts
// Checks across tasks: exactly one kind each, check rules, datasets,
// templates, and the graph (duplicate ids, unknown or self upstream, cycles).





const TASK_KINDS = ['handler', 'command', 'sensor', 'checks'];
const COMMAND_ONLY = ['cwd', 'exit_codes'];
const RULE_KEYS = [
    'required_columns',
    'row_count',
    'not_null',
    'unique',
    'accepted_values',
    'date_in_partition',
    'numeric',
];
const taskLists = new WeakMap();
/** The task mappings with their index (skipping items that are not mappings), listed once per contract for the four rules. */
function task_rules_tasksOf(data) {
    if (!Array.isArray(data.tasks))
        return [];
    let tasks = taskLists.get(data.tasks);
    if (tasks === undefined) {
        tasks = data.tasks.flatMap((task, index) => (isRecord(task) ? [{ task, index }] : []));
        taskLists.set(data.tasks, tasks);
    }
    return tasks;
}
const names = (v) => (isRecord(v) ? Object.keys(v) : []);
const oneKindPerTask = (data, source, out) => {
    for (const { task, index } of task_rules_tasksOf(data)) {
        const kinds = TASK_KINDS.filter((k) => k in task);
        const who = typeof task.id === 'string' ? `task '${task.id}'` : `task ${index + 1}`;
        if (kinds.length === 0) {
            const at = 'id' in task ? ['tasks', index, 'id'] : ['tasks', index];
            out.push(source.diagnostic(at, `${who} has no kind: give it exactly one of ${TASK_KINDS.join(', ')}`));
        }
        else if (kinds.length > 1) {
            out.push(source.diagnostic(['tasks', index, kinds[1]], `${who} has ${kinds.join(' and ')}: a task has exactly one kind`, {
                target: 'key',
            }));
        }
        if (!('command' in task))
            for (const key of COMMAND_ONLY.filter((k) => k in task))
                out.push(source.diagnostic(['tasks', index, key], `${key} only applies to command tasks`, { target: 'key' }));
    }
};
const checkRules = (data, source, out) => {
    const datasets = [...names(data.inputs), ...names(data.outputs)];
    for (const { task, index } of task_rules_tasksOf(data)) {
        const checks = task.checks;
        if (!isRecord(checks))
            continue;
        if (typeof checks.dataset === 'string' && !datasets.includes(checks.dataset)) {
            const known = datasets.length ? datasets.join(', ') : 'none are declared';
            out.push(source.diagnostic(['tasks', index, 'checks', 'dataset'], `checks dataset '${checks.dataset}' is not an input or output${suggest_didYouMean(checks.dataset, datasets)} (known: ${known})`));
        }
        if (!Array.isArray(checks.rules))
            continue;
        checks.rules.forEach((rule, r) => {
            if (!isRecord(rule))
                return;
            const path = ['tasks', index, 'checks', 'rules', r];
            const present = RULE_KEYS.filter((k) => k in rule);
            if (present.length > 1)
                out.push(source.diagnostic([...path, present[1]], `one rule per item: found ${present.join(' and ')}`, {
                    target: 'key',
                }));
            else if (present.length === 0 && 'severity' in rule)
                out.push(source.diagnostic(path, `rule has only a severity: add one of ${RULE_KEYS.join(', ')}`));
            const bounds = rule.row_count;
            if (isRecord(bounds) &&
                typeof bounds.min === 'number' &&
                typeof bounds.max === 'number' &&
                bounds.min > bounds.max)
                out.push(source.diagnostic([...path, 'row_count', 'max'], `row_count max ${bounds.max} is below min ${bounds.min}`));
        });
    }
};
/** Every `{{ }}` in a string value must name a known variable, input or output. */
const knownTemplates = (data, source, out) => {
    const inputs = names(data.inputs);
    const outputs = names(data.outputs);
    const verdicts = new Map();
    const check = (path, value, datasets) => {
        if (typeof value !== 'string')
            return;
        const { refs, unclosed } = templateScan(value);
        for (const fragment of unclosed) {
            const at = source.locateWithin(path, fragment);
            const message = `unclosed template '${fragment}': write {{ name }} with both closing braces`;
            out.push({ file: source.file, line: at.line, col: at.col, severity: 'error', message });
        }
        for (const ref of refs) {
            // A contract names the same few templates in every task: each verdict is worked out once.
            const key = `${datasets} ${ref.name}`;
            let problem = verdicts.get(key);
            if (!verdicts.has(key)) {
                problem = unknownTemplateName(ref.name, { inputs, outputs, datasets });
                verdicts.set(key, problem);
            }
            if (!problem)
                continue;
            const at = source.locateWithin(path, ref.raw);
            out.push({ file: source.file, line: at.line, col: at.col, severity: 'error', message: problem });
        }
    };
    for (const group of ['inputs', 'outputs']) {
        const map = data[group];
        if (isRecord(map))
            for (const [name, value] of Object.entries(map))
                check([group, name], value, false);
    }
    for (const { task, index } of task_rules_tasksOf(data)) {
        if (Array.isArray(task.command))
            for (const [i, arg] of task.command.entries())
                check(['tasks', index, 'command', i], arg, true);
        check(['tasks', index, 'cwd'], task.cwd, true);
        if (isRecord(task.sensor))
            check(['tasks', index, 'sensor', 'path'], task.sensor.path, true);
    }
};
const soundGraph = (data, source, out) => {
    const tasks = task_rules_tasksOf(data);
    const seen = new Map();
    for (const { task, index } of tasks) {
        if (typeof task.id !== 'string')
            continue;
        const first = seen.get(task.id);
        if (first !== undefined) {
            const line = source.locate(['tasks', first, 'id']).line;
            out.push(source.diagnostic(['tasks', index, 'id'], `duplicate task id '${task.id}' (first defined on line ${line})`));
        }
        else
            seen.set(task.id, index);
    }
    const ids = [...seen.keys()];
    const nodes = [];
    for (const { task, index } of tasks) {
        if (typeof task.id !== 'string' || seen.get(task.id) !== index)
            continue;
        const upstream = Array.isArray(task.upstream)
            ? task.upstream.filter((u) => typeof u === 'string')
            : [];
        (Array.isArray(task.upstream) ? task.upstream : []).forEach((u, i) => {
            if (typeof u !== 'string')
                return;
            const at = ['tasks', index, 'upstream', i];
            if (u === task.id)
                out.push(source.diagnostic(at, `task '${task.id}' depends on itself`));
            else if (!seen.has(u))
                out.push(source.diagnostic(at, `task '${task.id}' has unknown upstream '${u}'${suggest_didYouMean(u, ids)}`));
        });
        nodes.push({ id: task.id, upstream: upstream.filter((u) => u !== task.id) });
    }
    const cycle = findCycle(nodes);
    if (cycle) {
        // Locate at the upstream entry that closes the loop: the first task's reference to the last.
        const [closer, back] = [cycle[1], cycle[0]];
        const index = seen.get(closer);
        const task = tasks.find((t) => t.index === index).task;
        const i = task.upstream.indexOf(back);
        out.push(source.diagnostic(['tasks', index, 'upstream', i], `cycle in the task graph: ${cycle.join(' -> ')}`));
    }
};
const taskRules = [oneKindPerTask, checkRules, knownTemplates, soundGraph];

;// CONCATENATED MODULE: ./src/contract/check-file.ts
// Validates one pipeline.yml's text (everything but handler imports) and
// normalizes it when it has no error.










const HANDLER = /^([^#]+\.(?:ts|js|mjs))#([A-Za-z_$][A-Za-z0-9_$]*)$/;
function handlerValues(data, file) {
    if (!Array.isArray(data.tasks))
        return [];
    const pipelineDir = (0,external_node_path_.dirname)((0,external_node_path_.resolve)(file));
    return data.tasks.flatMap((task, index) => {
        if (!isRecord(task) || typeof task.handler !== 'string')
            return [];
        const match = HANDLER.exec(task.handler);
        // A module outside the pipeline folder is reported by pathRules and never imported.
        if (!match || !handlerModuleInside(match[1]))
            return [];
        const taskId = typeof task.id === 'string' ? task.id : String(index + 1);
        return [{ contract: file, task: index, taskId, pipelineDir, module: match[1], exportName: match[2] }];
    });
}
/** Where a `handler:` value is in its contract. */
const handlerPath = (task) => ['tasks', task, 'handler'];
/**
 * The handler refs of `values`, each located when first asked (a failed import, the cache):
 * locating parses the whole document.
 */
function locatedHandlers(values, locate) {
    return values.map((value) => {
        let at;
        const position = () => {
            at ??= locate(handlerPath(value.task));
            return at;
        };
        return {
            ...value,
            get line() {
                return position().line;
            },
            get col() {
                return position().col;
            },
        };
    });
}
/** A handler's value without its position (never read from the getters, which would locate it). */
const handlerValue = (h) => ({
    contract: h.contract,
    task: h.task,
    taskId: h.taskId,
    pipelineDir: h.pipelineDir,
    module: h.module,
    exportName: h.exportName,
});
/** Locates paths of the contract `bytes` hold, parsing it with positions on the first call only. */
function locateLater(file, bytes) {
    let locate;
    return (path) => {
        if (locate === undefined) {
            const decoded = decodeContract(file, bytes);
            // Checked before from the same bytes: only text reaches here.
            locate = source_parseContract(file, 'text' in decoded ? decoded.text : '').locate;
        }
        return locate(path);
    };
}
/** `content` as read from disk (bytes, checked for UTF-8 and NUL) or as text. */
function check_file_checkContractText(file, content) {
    const { handlers, locate, ...result } = checkContract(file, content);
    return { ...result, handlers: locatedHandlers(handlers, locate) };
}
/** checkContractText with the handlers not yet located (a worker thread sends them as data). */
function checkContract(file, content) {
    const decoded = typeof content === 'string' ? { text: content } : decodeContract(file, content);
    if ('error' in decoded)
        return { file, diagnostics: [decoded.error], handlers: [], locate: unlocated };
    const text = decoded.text;
    const source = source_parseContract(file, text);
    const diagnostics = [...source.syntax];
    for (const secret of findSecrets(text))
        diagnostics.push({
            file,
            line: secret.line,
            col: secret.col,
            severity: 'error',
            message: `literal credential (${secret.kind}) in the contract: store it as a GitHub secret and pass it through env`,
        });
    const data = source.data;
    if (source.syntax.some((d) => d.severity === 'error'))
        return { file, diagnostics, handlers: [], locate: unlocated };
    if (!isRecord(data)) {
        diagnostics.push({
            file,
            line: 1,
            col: 1,
            severity: 'error',
            message: 'a pipeline contract must be a YAML mapping',
        });
        return { file, diagnostics, handlers: [], locate: unlocated };
    }
    diagnostics.push(...schemaDiagnostics(source));
    for (const rule of [...pipelineRules, ...taskRules, ...pathRules, ...limitRules, ...commandRules])
        rule(data, source, diagnostics);
    // Messages quote values; a credential must never be echoed back.
    for (const d of diagnostics)
        d.message = redactSecrets(d.message);
    const ok = !diagnostics.some((d) => d.severity === 'error');
    return {
        file,
        diagnostics,
        handlers: handlerValues(data, file),
        locate: (path) => source.locate(path),
        ...(ok ? { pipeline: normalizePipeline(data, file) } : {}),
    };
}
/** For a contract without handlers: nothing is ever located. */
const unlocated = () => ({ line: 1, col: 1 });

;// CONCATENATED MODULE: ./src/contract/discover.ts
// Which pipeline.yml files a `validate PATH ...` means: folders are searched
// recursively, files are taken as given. Read synchronously: a thousand folders
// take 8 ms so, 60 ms and more awaiting each listing.



const discover_CONTRACT_FILE = 'pipeline.yml';
const SKIP = new Set(['node_modules', 'data', 'dist']);
function walk(dir, found) {
    for (const entry of (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) {
            if (!entry.name.startsWith('.') && !SKIP.has(entry.name))
                walk((0,external_node_path_.join)(dir, entry.name), found);
        }
        else if (entry.name === discover_CONTRACT_FILE)
            found.push((0,external_node_path_.join)(dir, entry.name));
    }
}
function statOrNothing(path) {
    try {
        return (0,external_node_fs_.statSync)(path);
    }
    catch {
        return undefined;
    }
}
/** Absolute contract paths under `paths`, sorted and without duplicates; a path that does not exist is a usage error. */
async function discoverContracts(paths, cwd = process.cwd()) {
    const found = [];
    for (const path of paths) {
        const absolute = (0,external_node_path_.resolve)(cwd, path);
        const info = statOrNothing(absolute);
        if (!info)
            throw new errors_UsageError(`no such file or folder: ${path}`);
        if (info.isDirectory()) {
            const before = found.length;
            walk(absolute, found);
            if (found.length === before)
                throw new errors_UsageError(`no ${discover_CONTRACT_FILE} found under ${path}`);
        }
        else
            found.push(absolute);
    }
    return [...new Set(found)].sort();
}

;// CONCATENATED MODULE: ./src/contract/callers.ts
// Callers of the reusable workflows, checked against the contracts: a workflow in
// .github/workflows that `uses:` pipewright.yml must name a pipeline that exists, carry the
// contract's schedule as GitHub cron in the contract's zone, and grant the permissions the
// reusable workflow's jobs need. Each problem is located in the workflow file.







/**
 * The permissions each reusable workflow's jobs need, granted by the calling job. GitHub refuses the
 * whole run at startup when the caller grants less, even for a job that would be skipped.
 */
const CALLER_PERMISSIONS = {
    'pipewright.yml': { contents: 'write', actions: 'write', issues: 'write', 'id-token': 'write' },
    'pipewright-pr.yml': { contents: 'read' },
    'pipewright-site.yml': { contents: 'read', pages: 'write', 'id-token': 'write' },
};
/** What each reusable workflow uses its permissions for, for the message. */
const PERMISSIONS_FOR = {
    'pipewright.yml': 'run records, artifacts, alert issues and a bucket data root (OIDC)',
    'pipewright-pr.yml': 'reading the checkout',
    'pipewright-site.yml': 'reading the state branch and deploying GitHub Pages',
};
const RANK = { none: 0, read: 1, write: 2 };
const callers_isRecord = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const isExpression = (v) => typeof v === 'string' && v.includes('${{');
/** Which reusable workflow a job's `uses:` calls, if one of ours (by repository and ref, or locally). */
function reusableCalled(uses) {
    if (typeof uses !== 'string')
        return undefined;
    const m = /(?:^|\/)\.github\/workflows\/(pipewright(?:-pr|-site)?\.yml)(?:@.+)?$/.exec(uses.trim());
    return m ? m[1] : undefined;
}
/** The level a `permissions:` value grants for one scope (undefined: the key is absent). */
function granted(permissions, scope) {
    if (permissions === undefined)
        return undefined;
    if (permissions === 'write-all')
        return 'write';
    if (permissions === 'read-all')
        return 'read';
    if (!callers_isRecord(permissions))
        return 'none';
    const level = permissions[scope];
    return level === 'write' || level === 'read' ? level : 'none';
}
function checkPermissions(source, jobId, job, workflow, reusable) {
    const atJob = 'permissions' in job;
    const permissions = atJob ? job.permissions : workflow.permissions;
    const path = atJob
        ? ['jobs', jobId, 'permissions']
        : workflow.permissions
            ? ['permissions']
            : ['jobs', jobId, 'uses'];
    const missing = Object.entries(CALLER_PERMISSIONS[reusable])
        .filter(([scope, need]) => RANK[granted(permissions, scope) ?? 'none'] < RANK[need])
        .map(([scope, need]) => `${scope}: ${need}`);
    if (missing.length === 0)
        return [];
    const all = Object.entries(CALLER_PERMISSIONS[reusable]).map(([scope, need]) => `${scope}: ${need}`);
    return [
        source.diagnostic(path, `job '${jobId}' calls ${reusable} without ${missing.join(', ')}: grant the job ${all.join(', ')} ` +
            `(${PERMISSIONS_FOR[reusable]})`, { target: 'key' }),
    ];
}
/** The crons and zones of `on.schedule`, with their paths. */
function scheduleEntries(on) {
    if (!callers_isRecord(on) || !Array.isArray(on.schedule))
        return [];
    return on.schedule.map((entry, index) => callers_isRecord(entry)
        ? { cron: entry.cron, timezone: entry.timezone, index }
        : { cron: undefined, timezone: undefined, index });
}
/** The contract's pipeline, from the contracts already checked when it is one of them; undefined if it has errors. */
async function contractAt(file, checked) {
    if (checked?.files.some((f) => (0,external_node_path_.resolve)(f) === file))
        return checked.pipelines.find((p) => (0,external_node_path_.resolve)(p.file) === file);
    return check_file_checkContractText(file, await (0,promises_.readFile)(file, 'utf8')).pipeline;
}
function checkSchedule(source, workflow, jobId, contract) {
    if (!contract)
        return []; // the contract's own errors are reported with the contracts
    const entries = scheduleEntries(workflow.on);
    const out = [];
    if (!contract.schedule) {
        for (const e of entries)
            out.push(source.diagnostic(['on', 'schedule', e.index, 'cron'], `pipeline '${contract.dagId}' has no schedule (manual runs only) but this caller runs on cron '${String(e.cron)}': add the schedule to the contract or remove it here`));
        return out;
    }
    const want = githubCron(contract.schedule);
    const described = want === contract.schedule ? `'${want}'` : `'${want}' (${contract.schedule})`;
    if (entries.length === 0) {
        out.push(source.diagnostic(['on'], `job '${jobId}' runs pipeline '${contract.dagId}', whose contract is scheduled ${described} in ${contract.timezone}, but this workflow has no on.schedule: add - cron: "${want}" with timezone: ${contract.timezone}`, { target: 'key', severity: 'warning' }));
        return out;
    }
    for (const e of entries) {
        if (typeof e.cron !== 'string' || githubCron(e.cron) !== want)
            out.push(source.diagnostic(['on', 'schedule', e.index, 'cron'], `cron '${String(e.cron)}' disagrees with the contract of '${contract.dagId}' (schedule ${described}): use cron: "${want}"`));
        const zone = typeof e.timezone === 'string' ? e.timezone : 'UTC';
        if (zone !== contract.timezone)
            out.push(source.diagnostic(e.timezone === undefined ? ['on', 'schedule', e.index, 'cron'] : ['on', 'schedule', e.index, 'timezone'], `${e.timezone === undefined ? 'no timezone (GitHub reads the cron in UTC)' : `timezone ${zone}`} disagrees with the contract of '${contract.dagId}' (timezone ${contract.timezone}): add timezone: ${contract.timezone}`));
    }
    return out;
}
/**
 * Every problem in the callers under `<repoRoot>/.github/workflows`, and the files that call us.
 * `checked`: the contracts validate has just checked (with its cache), so each is not checked again here.
 */
async function checkCallers(repoRoot, checked) {
    const dir = (0,external_node_path_.join)(repoRoot, '.github', 'workflows');
    const names = (0,external_node_fs_.existsSync)(dir) ? (await (0,promises_.readdir)(dir)).filter((n) => /\.ya?ml$/.test(n)).sort() : [];
    const callers = [];
    const diagnostics = [];
    for (const name of names) {
        const file = (0,external_node_path_.join)(dir, name);
        const source = source_parseContract(file, await (0,promises_.readFile)(file, 'utf8'));
        const workflow = source.data;
        if (!callers_isRecord(workflow) || !callers_isRecord(workflow.jobs))
            continue;
        let calls = false;
        for (const [jobId, job] of Object.entries(workflow.jobs)) {
            if (!callers_isRecord(job))
                continue;
            const reusable = reusableCalled(job.uses);
            if (!reusable)
                continue;
            calls = true;
            diagnostics.push(...checkPermissions(source, jobId, job, workflow, reusable));
            if (reusable !== 'pipewright.yml')
                continue;
            const inputs = callers_isRecord(job.with) ? job.with : {};
            const dagId = inputs.pipeline;
            const pipelinesDir = typeof inputs['pipelines-dir'] === 'string' ? inputs['pipelines-dir'] : 'pipelines';
            if (typeof dagId !== 'string' || isExpression(dagId) || isExpression(pipelinesDir))
                continue;
            const contractFile = (0,external_node_path_.join)(repoRoot, pipelinesDir, dagId, discover_CONTRACT_FILE);
            if (!(0,external_node_fs_.existsSync)(contractFile)) {
                const known = (0,external_node_fs_.existsSync)((0,external_node_path_.join)(repoRoot, pipelinesDir))
                    ? (await (0,promises_.readdir)((0,external_node_path_.join)(repoRoot, pipelinesDir), { withFileTypes: true }))
                        .filter((e) => e.isDirectory() && (0,external_node_fs_.existsSync)((0,external_node_path_.join)(repoRoot, pipelinesDir, e.name, discover_CONTRACT_FILE)))
                        .map((e) => e.name)
                    : [];
                diagnostics.push(source.diagnostic(['jobs', jobId, 'with', 'pipeline'], `pipeline '${dagId}' does not exist (no ${pipelinesDir}/${dagId}/${discover_CONTRACT_FILE}; pipelines: ${known.join(', ') || 'none'})`));
                continue;
            }
            diagnostics.push(...checkSchedule(source, workflow, jobId, await contractAt((0,external_node_path_.resolve)(contractFile), checked)));
        }
        if (calls)
            callers.push(file);
    }
    return { callers, diagnostics };
}
/** Whether a workflow's `on:` lets the API start it (`workflow_dispatch`), in any of its three shapes. */
function dispatchable(on) {
    if (on === 'workflow_dispatch')
        return true;
    if (Array.isArray(on))
        return on.includes('workflow_dispatch');
    return callers_isRecord(on) && 'workflow_dispatch' in on;
}
/**
 * The workflow file (name under .github/workflows) that runs each pipeline through pipewright.yml
 * and can be dispatched, by dag_id: where an upstream's report job sends its downstream runs.
 */
async function dispatchableCallers(repoRoot) {
    const dir = join(repoRoot, '.github', 'workflows');
    const names = existsSync(dir) ? (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort() : [];
    const found = new Map();
    for (const name of names) {
        const workflow = parseContract(join(dir, name), await readFile(join(dir, name), 'utf8')).data;
        if (!callers_isRecord(workflow) || !callers_isRecord(workflow.jobs) || !dispatchable(workflow.on))
            continue;
        for (const job of Object.values(workflow.jobs)) {
            if (!callers_isRecord(job) || reusableCalled(job.uses) !== 'pipewright.yml' || !callers_isRecord(job.with))
                continue;
            const dagId = job.with.pipeline;
            if (typeof dagId === 'string' && !isExpression(dagId) && !found.has(dagId))
                found.set(dagId, name);
        }
    }
    return found;
}

;// CONCATENATED MODULE: ./src/lineage/resolve.ts
// `from:` inputs across contracts: each must name a known pipeline and one of its
// outputs, and pipelines may not wait on each other in a cycle. An upstream is
// found among the contracts at hand, else in the sibling folder
// `<pipelines dir>/<dag_id>/pipeline.yml` (a pipeline folder's parent holds the others).






/** Looks pipelines up by dag id: first among `known`, then beside each pipeline's folder. */
class PipelineFinder {
    found = new Map();
    constructor(known) {
        for (const p of known)
            this.found.set(p.dagId, { pipeline: p });
    }
    /** The pipeline `dagId`, looked for beside `near` (the downstream pipeline). */
    find(dagId, near) {
        if (this.found.has(dagId))
            return this.found.get(dagId);
        const file = (0,external_node_path_.join)((0,external_node_path_.dirname)(near.dir), dagId, discover_CONTRACT_FILE);
        let result;
        if (/^[a-z][a-z0-9_]*$/.test(dagId) && (0,external_node_fs_.existsSync)(file)) {
            const checked = check_file_checkContractText(file, (0,external_node_fs_.readFileSync)(file));
            result = checked.pipeline ? { pipeline: checked.pipeline } : { invalid: file };
        }
        this.found.set(dagId, result);
        return result;
    }
    /** The dag ids of the folders beside `near`, for "did you mean". */
    siblings(near) {
        const parent = (0,external_node_path_.dirname)(near.dir);
        const names = (0,external_node_fs_.readdirSync)(parent, { withFileTypes: true })
            .filter((e) => e.isDirectory() && (0,external_node_fs_.existsSync)((0,external_node_path_.join)(parent, e.name, discover_CONTRACT_FILE)))
            .map((e) => e.name);
        return [...new Set([...names, ...[...this.found.keys()].filter((id) => this.known(id))])].sort();
    }
    known(dagId) {
        const f = this.found.get(dagId);
        return f !== undefined && 'pipeline' in f;
    }
}
/**
 * Diagnostics at the `from:` of an input of `p`. Found across contracts, after each was read
 * without positions: the contract is parsed again with them on the first one (a rare path).
 */
function fromDiagnostics(p) {
    let source;
    return (name, message) => {
        try {
            source ??= source_parseContract(p.file, (0,external_node_fs_.readFileSync)(p.file, 'utf8'));
            return source.diagnostic(['inputs', name, 'from'], message);
        }
        catch {
            // Gone since it was read: the file's first line still names it.
            return { file: p.file, line: 1, col: 1, severity: 'error', message };
        }
    };
}
/**
 * The downstream-to-upstream path from `start` back to itself, e.g. [a, b, a] when a reads
 * b and b reads a; undefined when `start` is in no cycle.
 */
function cycleThrough(start, finder) {
    const seen = new Set();
    const walk = (p, path) => {
        for (const ref of Object.values(p.from ?? {})) {
            if (ref.dagId === start.dagId)
                return [...path, ref.dagId];
            if (seen.has(ref.dagId))
                continue;
            seen.add(ref.dagId);
            const found = finder.find(ref.dagId, p);
            if (found && 'pipeline' in found) {
                const cycle = walk(found.pipeline, [...path, ref.dagId]);
                if (cycle)
                    return cycle;
            }
        }
        return undefined;
    };
    return walk(start, [start.dagId]);
}
/** Problems of `pipeline`'s `from:` inputs, each located at its `from:` value. */
function lineageDiagnostics(pipeline, finder) {
    const out = [];
    const located = fromDiagnostics(pipeline);
    for (const [name, ref] of Object.entries(pipeline.from ?? {})) {
        if (ref.dagId === pipeline.dagId) {
            out.push(located(name, `input '${name}' reads this pipeline's own output '${ref.output}': a partition cannot wait for itself; read an earlier stage inside the pipeline instead`));
            continue;
        }
        const found = finder.find(ref.dagId, pipeline);
        if (!found) {
            const known = finder.siblings(pipeline).filter((id) => id !== pipeline.dagId);
            const list = known.length ? `known: ${known.join(', ')}` : `no other pipelines beside ${pipeline.dagId}`;
            out.push(located(name, `input '${name}' reads from unknown pipeline '${ref.dagId}'${suggest_didYouMean(ref.dagId, known)} (${list})`));
            continue;
        }
        if ('invalid' in found) {
            out.push(located(name, `input '${name}' reads from pipeline '${ref.dagId}', whose contract has errors: run pipewright validate ${found.invalid}`));
            continue;
        }
        const outputs = Object.keys(found.pipeline.outputs);
        if (!outputs.includes(ref.output)) {
            out.push(located(name, `pipeline '${ref.dagId}' has no output '${ref.output}'${suggest_didYouMean(ref.output, outputs)} (outputs: ${outputs.join(', ') || 'none'})`));
        }
    }
    const cycle = out.length === 0 ? cycleThrough(pipeline, finder) : undefined;
    if (cycle) {
        const first = Object.entries(pipeline.from ?? {}).find(([, ref]) => ref.dagId === cycle[1]);
        if (first) {
            // Printed the way data flows: each pipeline feeds the next.
            const flow = [...cycle].reverse().join(' -> ');
            out.push(located(first[0], `pipelines wait on each other in a cycle: ${flow}; no partition of them could ever be planned — remove one from: input`));
        }
    }
    return out;
}
/**
 * `pipeline` with each `from:` input filled from its upstream contract; an input fed by one
 * upstream partition per partition (same grain and time zone) also gets the upstream's path
 * template in `inputs`. Call after `lineageDiagnostics` found no error.
 */
function resolveLineage(pipeline, finder) {
    const entries = Object.entries(pipeline.from ?? {});
    if (entries.length === 0)
        return pipeline;
    const inputs = { ...pipeline.inputs };
    const from = {};
    for (const [name, ref] of entries) {
        const found = finder.find(ref.dagId, pipeline);
        if (!found || !('pipeline' in found))
            throw new Error(`unresolved from: ${ref.dagId}.${ref.output}`);
        const up = found.pipeline;
        const path = up.outputs[ref.output];
        from[name] = { ...ref, upstream: { partition: up.partition, timezone: up.timezone, path, dir: up.dir } };
        if (up.partition === pipeline.partition && up.timezone === pipeline.timezone)
            inputs[name] = path;
    }
    return { ...pipeline, inputs, from };
}
/** Validates and resolves the lineage of several pipelines at once: the resolved ones and every problem. */
function resolve_checkLineage(pipelines, finder = new PipelineFinder(pipelines)) {
    const diagnostics = [];
    const resolved = [];
    for (const p of pipelines) {
        const problems = lineageDiagnostics(p, finder);
        diagnostics.push(...problems);
        if (problems.length === 0)
            resolved.push(resolveLineage(p, finder));
    }
    diagnostics.push(...sharedRootCollisions(pipelines));
    return { pipelines: resolved, diagnostics };
}
/**
 * Outputs of different pipelines with one path template: harmless while each pipeline has its own
 * `data/` folder, but in a shared data root (a bucket on GitHub) one overwrites the other. A warning
 * at the later pipeline's output (by dag_id), naming the other.
 */
function sharedRootCollisions(pipelines) {
    const seen = new Map();
    const out = [];
    for (const p of [...pipelines].sort((a, b) => a.dagId.localeCompare(b.dagId))) {
        const clashes = [];
        for (const [name, template] of Object.entries(p.outputs)) {
            const key = external_node_path_.posix.normalize(template.replace(/\{\{\s*([^}]*?)\s*\}\}/g, '{{$1}}'));
            const first = seen.get(key);
            if (first && first.dagId !== p.dagId)
                clashes.push([name, first]);
            else if (!first)
                seen.set(key, { dagId: p.dagId, output: name });
        }
        if (clashes.length === 0)
            continue;
        const source = source_parseContract(p.file, (0,external_node_fs_.readFileSync)(p.file, 'utf8'));
        for (const [name, first] of clashes)
            out.push(source.diagnostic(['outputs', name], `output '${name}' has the same path as output '${first.output}' of ${first.dagId}: in a shared data root (--data-root, a bucket) one would overwrite the other; give it a folder of its own`, { severity: 'warning' }));
    }
    return out;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: ./src/contract/cache-file.ts
var cache_file = __webpack_require__(6975);
;// CONCATENATED MODULE: ./src/contract/cache.ts
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







const LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'yarn.lock', 'bun.lock'];
const sha = (bytes) => (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex');
let codeFingerprint;
/**
 * What pipewright's own code is: the bundle that is running, or (run from source) every file of
 * src/contract, so a changed rule never meets results of the old one.
 */
function code() {
    if (codeFingerprint === undefined) {
        const self = (0,external_node_url_.fileURLToPath)(import.meta.url);
        // PATH too: a command rule warns about programs missing from it (command-rules.ts).
        const hash = (0,external_node_crypto_.createHash)('sha256').update(`${cache_file/* FORMAT */.uB} ${process.version}\n${process.env.PATH ?? ''}\n`);
        if (self.endsWith('.ts')) {
            const dir = (0,external_node_path_.dirname)(self);
            const files = (0,external_node_fs_.readdirSync)(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.[jt]s$/.test(f));
            for (const f of files.sort())
                hash.update(f).update((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(dir, f)));
        }
        else {
            hash.update((0,external_node_fs_.readFileSync)(self));
            // A bundle split into chunks (validate's action): the entry holds the import process's code.
            const entry = process.argv[1];
            if (entry && entry !== self && entry.endsWith('.js'))
                hash.update((0,external_node_fs_.readFileSync)(entry));
        }
        codeFingerprint = hash.digest('hex');
    }
    return codeFingerprint;
}
function lockfileSha(root) {
    for (const name of LOCKFILES) {
        const path = (0,external_node_path_.join)(root, name);
        if ((0,external_node_fs_.existsSync)(path))
            return sha((0,external_node_fs_.readFileSync)(path));
    }
    return 'none';
}
function fileSha(path) {
    try {
        return sha((0,external_node_fs_.readFileSync)(path));
    }
    catch {
        return undefined;
    }
}
async function openValidateCache(dir) {
    const path = (0,external_node_path_.join)(dir, cache_file/* CACHE_FILE */.Sk);
    const fingerprint = code();
    let previous;
    try {
        const parsed = JSON.parse(await (0,promises_.readFile)(path, 'utf8'));
        if (parsed.format === cache_file/* FORMAT */.uB && parsed.code === fingerprint)
            previous = parsed;
    }
    catch {
        previous = undefined;
    }
    const next = { format: cache_file/* FORMAT */.uB, code: fingerprint, contracts: {}, imports: {} };
    /** Whether an entry was stored: without one, `next` holds only entries of `previous`. */
    let stored = false;
    const lockfiles = new Map();
    const lockfile = (root) => {
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
            if (entry === undefined || entry.sha !== sha(bytes))
                return undefined;
            next.contracts[file] = entry;
            return { ...entry.result, handlers: locatedHandlers(entry.result.handlers, locateLater(file, bytes)) };
        },
        storeContract(file, bytes, result) {
            stored = true;
            next.contracts[file] = { sha: sha(bytes), result: { ...result, handlers: result.handlers.map(handlerValue) } };
        },
        handlerImport(module, root) {
            const entry = previous?.imports[module];
            if (entry === undefined || entry.lockfile !== lockfile(root))
                return undefined;
            for (const [file, hash] of Object.entries(entry.files))
                if (fileSha(file) !== hash)
                    return undefined;
            next.imports[module] = entry;
            return entry.result;
        },
        hasImports: () => previous !== undefined && Object.keys(previous.imports).length > 0,
        storeHandlerImport(module, root, result, loaded) {
            if (result.outcome !== 'loaded' || result.network.length > 0 || !loaded.includes(module))
                return;
            const files = {};
            for (const file of loaded) {
                const hash = fileSha(file);
                if (hash === undefined)
                    return;
                files[file] = hash;
            }
            stored = true;
            next.imports[module] = { lockfile: lockfile(root), files, result };
        },
        async save() {
            // Every entry of the file used again and none added: the file already says it (writing 20 MB costs a fifth of a second).
            const same = (a, b) => Object.keys(a).length === Object.keys(b).length;
            if (previous && !stored && same(next.contracts, previous.contracts) && same(next.imports, previous.imports))
                return;
            try {
                await (0,promises_.mkdir)(dir, { recursive: true });
                const temp = `${path}.${process.pid}.tmp`;
                await (0,promises_.writeFile)(temp, JSON.stringify(next));
                await (0,promises_.rename)(temp, path);
            }
            catch {
                // A cache that cannot be written costs the next run time, nothing else.
            }
        },
    };
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(5919);
;// CONCATENATED MODULE: ./src/worker-file.ts
// Where a worker thread's code is: beside its module when pipewright runs from source
// (tsx, or Node's own type stripping), its own bundle in dist/<name>/ when it runs from
// the bundles (scripts/build.js bundles each worker entry). Joined at run time, so the
// bundler leaves the path alone.



/** `source` relative to src/ (e.g. `store/rows-worker.ts`); `bundle` the dist/ folder name. */
function workerFile(source, bundle) {
    const fromSource = import.meta.url.endsWith('.ts');
    return new URL((fromSource ? ['.', source] : ['..', bundle, 'index.js']).join('/'), import.meta.url);
}
/**
 * A worker thread running `file`. A .ts file (pipewright run from source) loads with Node's
 * own type stripping and source-hooks.ts, without the parent's loaders: under tsx, the worker
 * would start its own loader thread and transform each module, several times the start.
 */
function startWorker(file, options = {}) {
    if (!file.pathname.endsWith('.ts'))
        return new external_node_worker_threads_.Worker(file, options);
    // Beside this module, named at run time: a literal path would make the bundler copy the file into dist/.
    const here = (0,external_node_url_.fileURLToPath)(import.meta.url);
    const hooks = `${here.slice(0, here.lastIndexOf(external_node_path_.sep))}${external_node_path_.sep}source-hooks.ts`;
    return new external_node_worker_threads_.Worker(file, { ...options, execArgv: ['--import', (0,external_node_url_.pathToFileURL)(hooks).href] });
}

;// CONCATENATED MODULE: ./src/contract/check-threads.ts
// Contracts checked on two threads when there are many and cores to spare: this one and a
// worker (contract-worker.ts) take the next contracts from one queue, so the split
// follows whichever is faster (the worker starts cold, the machine may be busy).
// The worker replies with plain data: diagnostics, the normalized pipeline and
// the handler values, located here from the bytes when something asks. A worker
// that cannot start, or stops, leaves its contracts to this thread: the results
// are the same either way.



/**
 * Below this many contracts to check, no worker starts: it is ready after 70-100 ms, by when
 * this thread has checked a hundred or more (a contract costs 0.5-0.7 ms), so it would take
 * little of the work and its start would compete with this thread for a core.
 */
const MIN_CONTRACTS_FOR_WORKER = 200;
/**
 * Fewer cores than this, no worker (unless the caller names one): two isolates' own background
 * threads (compilation, GC) fill a second core, and on 2 cores two threads took as long as one
 * for 1,000 contracts, with a quarter more CPU (bench/validate.ts prints both).
 */
const MIN_CORES_FOR_WORKER = 4;
/** Contracts per message to the worker: few messages, and little left in flight at the end. */
const BATCH = 8;
/**
 * Collects the contracts to check (`add`, while they are read) and checks them (`results`),
 * in the order added; a worker starts as soon as there are enough to share.
 */
class ContractChecks {
    #jobs = [];
    #options;
    #worker;
    constructor(options) {
        this.#options = options;
    }
    add(file, bytes) {
        this.#jobs.push({ file, bytes });
        if (this.#jobs.length === MIN_CONTRACTS_FOR_WORKER && this.#worker === undefined)
            this.#start();
    }
    /** Every contract's result, in the order added. */
    async results() {
        const jobs = this.#jobs;
        const results = new Array(jobs.length);
        const worker = this.#worker;
        const here = (index) => {
            const { file, bytes } = jobs[index];
            results[index] = check_file_checkContractText(file, bytes);
        };
        if (worker === undefined) {
            for (let i = 0; i < jobs.length; i++)
                here(i);
            this.#options.onSplit?.({ here: jobs.length, worker: 0 });
            return results;
        }
        let onWorker = 0;
        /** Indexes not yet checked, taken from the front by both threads. */
        const queue = jobs.map((_, i) => i);
        const pending = new Map();
        let batches = 0;
        const give = () => {
            while (worker.ready() && pending.size < 2 && queue.length > 0) {
                const indexes = queue.splice(0, BATCH);
                const batch = batches++;
                pending.set(batch, indexes);
                worker.post({ batch, jobs: indexes.map((i) => jobs[i]) });
            }
        };
        worker.onReply((reply) => {
            const indexes = pending.get(reply.batch);
            if (indexes === undefined)
                return;
            pending.delete(reply.batch);
            if ('failed' in reply)
                queue.unshift(...indexes);
            else {
                reply.results.forEach((r, k) => {
                    results[indexes[k]] = this.#received(r, jobs[indexes[k]]);
                });
                onWorker += indexes.length;
            }
            give();
        });
        worker.onStop(() => {
            // Its unanswered batches go back to the queue, checked here.
            for (const indexes of pending.values())
                queue.unshift(...indexes);
            pending.clear();
        });
        try {
            if (this.#options.waitForWorker)
                await worker.started();
            for (;;) {
                give();
                const index = queue.shift();
                if (index !== undefined) {
                    here(index);
                    // Let the worker's replies in between contracts.
                    await new Promise((resolve) => setImmediate(resolve));
                }
                else if (pending.size > 0)
                    await worker.next();
                else
                    break;
            }
        }
        finally {
            worker.stop();
        }
        this.#options.onSplit?.({ here: jobs.length - onWorker, worker: onWorker });
        return results;
    }
    #start() {
        // A worker given by the caller starts whatever the cores (tests, the benchmark).
        const chosen = 'workerUrl' in this.#options;
        if (!chosen && (0,external_node_os_.availableParallelism)() < MIN_CORES_FOR_WORKER)
            return;
        const url = chosen ? this.#options.workerUrl : workerFile('contract/contract-worker.ts', 'contract-worker');
        if (url !== undefined)
            this.#worker = contractWorker(url);
    }
    /** A worker's result as checkContractText returns it: its handlers are located from `job`'s bytes when asked. */
    #received(result, job) {
        return { ...result, handlers: locatedHandlers(result.handlers, locateLater(job.file, job.bytes)) };
    }
}
function contractWorker(url) {
    const worker = startWorker(url);
    let ready = false;
    let stopped = false;
    let replyListener;
    let stopListener;
    let wake;
    const woken = () => {
        const w = wake;
        wake = undefined;
        w?.();
    };
    const stop = () => {
        if (stopped)
            return;
        stopped = true;
        ready = false;
        stopListener?.();
        woken();
    };
    worker.on('message', (message) => {
        if (message === 'ready')
            ready = !stopped;
        else
            replyListener?.(message);
        woken();
    });
    worker.on('error', stop);
    worker.on('exit', stop);
    return {
        ready: () => ready,
        post: (batch) => worker.postMessage(batch),
        onReply: (listener) => (replyListener = listener),
        onStop: (listener) => (stopListener = listener),
        next: () => (stopped ? Promise.resolve() : new Promise((resolve) => (wake = resolve))),
        async started() {
            while (!ready && !stopped)
                await new Promise((resolve) => (wake = resolve));
        },
        stop() {
            stop();
            void worker.terminate();
        },
    };
}

;// CONCATENATED MODULE: ./src/contract/format.ts
// The one way a diagnostic is shown: `path:line:col: error: message`, with the
// path relative to where the user stands.

function displayPath(file, cwd) {
    if (!isAbsolute(file))
        return file;
    const rel = relative(cwd, file);
    return rel === '' ? file : rel;
}
function format_formatDiagnostic(d, cwd) {
    return `${displayPath(d.file, cwd)}:${d.line}:${d.col}: ${d.severity}: ${d.message}`;
}
function format_compareDiagnostics(a, b) {
    return a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col;
}

;// CONCATENATED MODULE: ./src/contract/imports/locate-failure.ts
// Finds where in the user's code an import failed, from what Node reported:
// the source excerpt Node prints for syntax errors, the stack, or the
// "imported from" of a missing module.



const locate_failure_toPath = (file) => (file.startsWith('file://') ? (0,external_node_url_.fileURLToPath)(file) : file);
/** `/abs/file.ts:3` followed by the source line and a `^^^` marker (syntax errors, unsupported TypeScript). */
function fromExcerpt(text) {
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
        const header = /^((?:file:\/\/)?\/.*):(\d+)$/.exec(lines[i]);
        if (!header)
            continue;
        let col = 1;
        for (const next of lines.slice(i + 1, i + 12)) {
            if (/^\s*\^+\s*$/.test(next)) {
                col = next.indexOf('^') + 1;
                break;
            }
            if (next === '')
                break;
        }
        return { file: locate_failure_toPath(header[1]), line: Number(header[2]), col };
    }
    return undefined;
}
/** The first stack frame in a user file (not Node's internals, not the probe). */
function fromStack(stack) {
    for (const line of stack.split('\n')) {
        const frame = /((?:file:\/\/)?\/[^()\s]*?):(\d+):(\d+)\)?\s*$/.exec(line.trim());
        if (!frame || !line.trim().startsWith('at ') || frame[1].includes('[eval'))
            continue;
        return { file: locate_failure_toPath(frame[1]), line: Number(frame[2]), col: Number(frame[3]) };
    }
    return undefined;
}
/** For ERR_MODULE_NOT_FOUND: the import statement naming the missing module. */
function fromMissingModule(message) {
    const match = /Cannot find (?:module|package) '([^']+)' imported from (.+)$/.exec(message);
    if (!match)
        return undefined;
    const file = locate_failure_toPath(match[2].trim());
    const wanted = (0,external_node_path_.basename)(match[1]);
    try {
        const lines = (0,external_node_fs_.readFileSync)(file, 'utf8').split('\n');
        for (const [i, text] of lines.entries()) {
            const at = text.search(new RegExp(`['"][^'"]*${wanted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"]`));
            if (at >= 0)
                return { file, line: i + 1, col: at + 1 };
        }
    }
    catch {
        // the importer vanished: fall back to its first line
    }
    return { file, line: 1, col: 1 };
}
function locateFailure(error, stderr) {
    if (error.code === 'ERR_MODULE_NOT_FOUND') {
        const at = fromMissingModule(error.message);
        if (at)
            return at;
    }
    return fromExcerpt(error.stack) ?? fromExcerpt(stderr) ?? fromStack(error.stack);
}
const TS_HINTS = [
    [/enum/, 'use a const object or a union of string literals instead'],
    [/namespace|module/, 'use ES modules instead'],
    [/parameter propert/, 'declare the field and assign it in the constructor instead'],
];
/** One line saying what went wrong, with advice for TypeScript Node cannot strip. */
function describeFailure(error) {
    if (error.code === 'ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX') {
        const hint = TS_HINTS.find(([re]) => re.test(error.message))?.[1] ?? 'keep to erasable syntax (erasableSyntaxOnly)';
        return `${error.message.replace(/ in strip-only mode$/, '')}: handlers run without a build step (Node strips types), so ${hint}`;
    }
    if (error.code === 'PIPEWRIGHT_NETWORK_BLOCKED')
        return `the module needs the network while it is imported (${error.message}): connect inside the handler function instead`;
    return `cannot import the handler module: ${error.name}: ${error.message.split('\n')[0]}`;
}

// EXTERNAL MODULE: ./src/contract/imports/probe.ts + 3 modules
var probe = __webpack_require__(1242);
// EXTERNAL MODULE: ./src/contract/imports/repo-root.ts
var repo_root = __webpack_require__(3612);
;// CONCATENATED MODULE: ./src/contract/imports/check.ts
// Handler import checks for `validate`: each module must resolve inside the
// repository, import cleanly in a child process within the time budget, and
// export the named function. Modules are imported once each, all in one child
// process (another only after a module that throws or hangs).






const check_inside = (root, path) => {
    const rel = (0,external_node_path_.relative)(root, path);
    return rel === '' || (!rel.startsWith('..') && !(0,external_node_path_.isAbsolute)(rel));
};
function formatMs(ms) {
    return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}
async function checkHandlerImports(refs, opts) {
    const out = [];
    const at = (ref, message) => ({
        file: ref.contract,
        line: ref.line,
        col: ref.col,
        severity: 'error',
        message,
    });
    const byModule = new Map();
    for (const ref of refs) {
        const root = opts.repoRoot ? (0,external_node_path_.resolve)(opts.repoRoot) : (0,repo_root/* findRepoRoot */.G)(ref.pipelineDir);
        const path = (0,external_node_path_.resolve)(ref.pipelineDir, ref.module);
        if ((0,external_node_path_.isAbsolute)(ref.module) || !check_inside(root, path)) {
            out.push(at(ref, `handler module '${ref.module}' resolves outside the repository (${root}): keep task code in the repository`));
            continue;
        }
        if (!(0,external_node_fs_.existsSync)(path)) {
            out.push(at(ref, `handler module '${ref.module}' not found (looked for ${(0,external_node_path_.relative)(root, path)})`));
            continue;
        }
        const real = (0,external_node_fs_.realpathSync)(path);
        if (!check_inside((0,external_node_fs_.realpathSync)(root), real)) {
            out.push(at(ref, `handler module '${ref.module}' is a link to ${real}, outside the repository`));
            continue;
        }
        // The pipelines folder, as a run sees it (src/run/module-format.ts).
        const entry = byModule.get(real) ?? { root, tasksRoot: (0,external_node_path_.dirname)((0,external_node_path_.resolve)(ref.pipelineDir)), refs: [] };
        entry.refs.push(ref);
        byModule.set(real, entry);
    }
    const modules = [...byModule.entries()];
    const results = [];
    // One child process imports every module that is not cached, per repository root (its cwd)
    // and pipelines folder (whose task code it loads as ES modules).
    const pending = new Map();
    modules.forEach(([path, { root, tasksRoot }], i) => {
        const cached = opts.cache?.handlerImport(path, root);
        if (cached) {
            results[i] = cached;
            return;
        }
        const key = `${root}\0${tasksRoot}`;
        const group = pending.get(key) ?? { root, tasksRoot, indexes: [] };
        group.indexes.push(i);
        pending.set(key, group);
    });
    for (const { root, tasksRoot, indexes } of pending.values()) {
        const probed = await (0,probe/* probeModules */.O)(indexes.map((i) => modules[i][0]), { timeoutMs: opts.timeoutMs, cwd: root, tasksRoot }, opts.early);
        probed.forEach(({ result, loaded }, k) => {
            const i = indexes[k];
            results[i] = result;
            opts.cache?.storeHandlerImport(modules[i][0], root, result, loaded);
        });
    }
    modules.forEach(([path, { refs: moduleRefs }], i) => {
        const result = results[i];
        const first = moduleRefs[0];
        const seen = new Set();
        for (const attempt of result.network) {
            const where = attempt.at
                ? {
                    ...attempt.at,
                    file: attempt.at.file.startsWith('file:') ? (0,external_node_url_.fileURLToPath)(attempt.at.file) : attempt.at.file,
                }
                : { file: first.contract, line: first.line, col: first.col };
            const key = `${where.file}:${where.line}:${where.col}`;
            if (seen.has(key))
                continue;
            seen.add(key);
            out.push({
                file: where.file,
                line: where.line,
                col: where.col,
                severity: 'warning',
                message: `network access while importing the handler module (${attempt.what}, blocked): do I/O inside the handler function`,
            });
        }
        if (result.outcome === 'timeout') {
            for (const ref of moduleRefs)
                out.push(at(ref, `importing '${ref.module}' took longer than ${formatMs(opts.timeoutMs)} (--import-timeout): move slow work into the handler function`));
            return;
        }
        if (result.outcome === 'failed') {
            const where = locateFailure(result.error, result.stderr) ?? { file: path, line: 1, col: 1 };
            out.push({ ...where, severity: 'error', message: describeFailure(result.error) });
            return;
        }
        for (const ref of moduleRefs) {
            if (result.functions.includes(ref.exportName))
                continue;
            if (result.exports.includes(ref.exportName)) {
                out.push(at(ref, `'${ref.exportName}' exported by '${ref.module}' is not a function`));
                continue;
            }
            const has = result.exports.length ? `it exports: ${result.exports.join(', ')}` : 'it has no exports';
            out.push(at(ref, `'${ref.module}' has no export '${ref.exportName}' (${has})`));
        }
    });
    return out;
}

;// CONCATENATED MODULE: ./src/contract/runbook.ts
// The runbook a person should read when a task fails: the task's own `runbook`, else the
// pipeline's. A Markdown file (relative to the pipeline folder) is quoted — only its
// `#section` when one is named, the way GitHub anchors headings — so an alert can lead
// with what to do; a URL is linked.




const MAX_CHARS = 3_000;
/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
function headingAnchor(heading) {
    return heading
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, '')
        .replace(/\s/g, '-');
}
/** The lines under the heading whose anchor is `anchor`, up to the next heading of its level or above. */
function runbookSection(markdown, anchor) {
    const lines = markdown.split(/\r?\n/);
    const start = lines.findIndex((l) => {
        const m = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(l);
        return m !== null && headingAnchor(m[2]) === anchor;
    });
    if (start < 0)
        return undefined;
    const level = /^#+/.exec(lines[start])[0].length;
    const end = lines.findIndex((l, i) => i > start && /^(#{1,6})\s/.test(l) && /^#+/.exec(l)[0].length <= level);
    return lines
        .slice(start + 1, end < 0 ? undefined : end)
        .join('\n')
        .trim();
}
/** The runbook for `taskId` (falling back to the pipeline's), read and cut to its section. */
async function runbookFor(pipeline, taskId) {
    const ref = pipeline.tasks.find((t) => t.id === taskId)?.runbook ?? pipeline.runbook;
    if (ref === undefined)
        return undefined;
    if (/^https?:\/\//.test(ref))
        return { ref };
    const [file = '', anchor] = ref.split('#');
    let markdown;
    try {
        markdown = await readFile(join(pipeline.dir, file), 'utf8');
    }
    catch {
        return { ref, file }; // a link still helps; validate is where a missing file is reported
    }
    const text = anchor ? runbookSection(markdown, anchor) : markdown.trim();
    if (text === undefined)
        return { ref, file };
    return { ref, file, text: text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS)}\n…` : text };
}
/**
 * A runbook file must exist inside the pipeline folder and hold its `#section`: checked on disk
 * at every validate (never cached with the contract, since the file changes on its own), each
 * problem located at the `runbook:` value. URLs are not fetched.
 */
async function runbookDiagnostics(pipeline) {
    const refs = [];
    if (pipeline.runbook)
        refs.push({ path: ['runbook'], ref: pipeline.runbook });
    pipeline.tasks.forEach((t, i) => {
        if (t.runbook)
            refs.push({ path: ['tasks', i, 'runbook'], ref: t.runbook });
    });
    const local = refs.filter((r) => !/^https?:\/\//.test(r.ref));
    if (local.length === 0)
        return [];
    const source = source_parseContract(pipeline.file, await (0,promises_.readFile)(pipeline.file, 'utf8'));
    const out = [];
    for (const { path, ref } of local) {
        const [file = '', anchor] = ref.split('#');
        const target = (0,external_node_path_.resolve)(pipeline.dir, file);
        const rel = (0,external_node_path_.relative)(pipeline.dir, target);
        if (rel.startsWith('..') || (0,external_node_path_.isAbsolute)(rel)) {
            out.push(source.diagnostic(path, `runbook '${ref}' is outside the pipeline folder: keep it beside pipeline.yml`));
            continue;
        }
        const markdown = await (0,promises_.readFile)(target, 'utf8').catch(() => undefined);
        if (markdown === undefined) {
            out.push(source.diagnostic(path, `runbook file '${file}' does not exist in ${pipeline.dir}`));
            continue;
        }
        if (anchor && runbookSection(markdown, anchor) === undefined) {
            const anchors = [...markdown.matchAll(/^#{1,6}\s+(.*?)\s*#*\s*$/gm)].map((m) => headingAnchor(m[1]));
            out.push(source.diagnostic(path, `runbook '${file}' has no heading '#${anchor}'${suggest_didYouMean(anchor, anchors)} (headings: ${anchors.map((a) => `#${a}`).join(', ') || 'none'})`));
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/contract/load.ts
// The contract module's public entry: validate contracts (with their handler
// imports) and load one pipeline by id for the other commands.

















const DEFAULT_IMPORT_TIMEOUT_MS = 5_000;
async function validatePaths(paths, opts = {}) {
    const files = await discoverContracts(paths, opts.cwd);
    const cacheDir = opts.cacheDir === undefined ? (0,cache_file/* defaultCacheDir */.$g)(opts.cwd ?? process.cwd()) : opts.cacheDir;
    const cache = cacheDir ? await openValidateCache(cacheDir) : undefined;
    // The contracts not in the cache are checked once all are read: on two threads when there are many
    // and cores to spare (check-threads.ts).
    const checks = new ContractChecks({ ...opts.threads });
    // Handlers to import and none kept by the last run: the import process starts with the first
    // contract naming one, so Node's start overlaps the checks, and waits for its list of modules
    // (it is stopped unused when they are in other folders, or all cached or missing).
    const importsAhead = opts.checkImports !== false && !cache?.hasImports();
    let early = opts.early;
    if (!importsAhead) {
        early?.stop();
        early = undefined;
    }
    let probeChosen = false;
    try {
        const results = new Array(files.length);
        const misses = [];
        files.forEach((file, index) => {
            const bytes = readContract(file);
            if (importsAhead && !probeChosen && bytes.includes('handler:')) {
                probeChosen = true;
                const folders = probeFolders(file, opts);
                if (!early?.fits(folders)) {
                    early?.stop();
                    early = (0,probe/* startEarlyProbe */.e)(folders);
                }
            }
            const cached = cache?.contract(file, bytes);
            if (cached)
                results[index] = cached;
            else {
                misses.push({ index, bytes });
                // The bytes, not a string: invalid UTF-8 and NUL bytes are reported at their place.
                checks.add(file, bytes);
            }
        });
        const checked = await checks.results();
        misses.forEach(({ index, bytes }, k) => {
            results[index] = checked[k];
            cache?.storeContract(files[index], bytes, checked[k]);
        });
        const valid = [];
        const diagnostics = [];
        const handlers = [];
        for (const result of results) {
            diagnostics.push(...result.diagnostics);
            handlers.push(...result.handlers);
            if (result.pipeline)
                valid.push(result.pipeline);
        }
        // The handler imports start first: their process works while lineage and runbooks are checked here.
        const imports = opts.checkImports !== false && handlers.length
            ? checkHandlerImports(handlers, {
                timeoutMs: opts.importTimeoutMs ?? DEFAULT_IMPORT_TIMEOUT_MS,
                ...(opts.repoRoot ? { repoRoot: opts.repoRoot } : {}),
                ...(cache ? { cache } : {}),
                ...(early ? { early } : {}),
            })
            : Promise.resolve([]);
        imports.catch(() => { }); // awaited below; this only keeps a failure before then from going unhandled
        // `from:` inputs are checked across contracts, once each contract is valid on its own.
        const lineage = resolve_checkLineage(valid);
        diagnostics.push(...lineage.diagnostics);
        // Runbook files change apart from their contract: checked on disk every time, never cached.
        const runbooks = await Promise.all(lineage.pipelines.map(runbookDiagnostics));
        diagnostics.push(...runbooks.flat());
        const pipelines = lineage.pipelines.filter((_, i) => runbooks[i].length === 0);
        opts.onContracts?.({ files, pipelines });
        diagnostics.push(...(await imports));
        await cache?.save();
        return { files, pipelines, diagnostics: unique(diagnostics).sort(format_compareDiagnostics) };
    }
    finally {
        early?.stop();
    }
}
/** The folders the import process of `file`'s handlers runs in (as checkHandlerImports groups them). */
function probeFolders(file, opts) {
    const pipelineDir = (0,external_node_path_.dirname)((0,external_node_path_.resolve)(file));
    const cwd = opts.repoRoot ? (0,external_node_path_.resolve)(opts.repoRoot) : (0,repo_root/* findRepoRoot */.G)(pipelineDir);
    return { cwd, tasksRoot: (0,external_node_path_.dirname)(pipelineDir) };
}
/** The schema and a policy rule can both catch one mistake (an empty description): say it once. */
function unique(diagnostics) {
    const seen = new Set();
    return diagnostics.filter((d) => {
        const key = `${d.file}:${d.line}:${d.col}:${d.severity}:${d.message}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
/**
 * Every pipeline under `pipelinesDir`, validated (without importing handlers), sorted by dag_id.
 * Throws ContractError listing every error when any contract is invalid.
 */
async function loadPipelines(pipelinesDir) {
    const result = await validatePaths([pipelinesDir], { checkImports: false });
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0)
        throw contractError(errors);
    return result.pipelines.sort((a, b) => a.dagId.localeCompare(b.dagId));
}
/**
 * The contract's bytes; a folder or unreadable file named pipeline.yml is the user's to fix, said in one line.
 * Read synchronously: a contract is a few kilobytes, and an async read costs five times the CPU.
 */
function readContract(file) {
    try {
        return (0,external_node_fs_.readFileSync)(file);
    }
    catch (error) {
        const code = error.code;
        const why = code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code ?? errors_errorMessage(error)})`;
        throw new errors_ContractError(`${file}: ${why}: ${discover_CONTRACT_FILE} must be a YAML file`, file);
    }
}
async function knownIds(pipelinesDir) {
    const entries = await readdir(pipelinesDir, { withFileTypes: true }).catch(() => []);
    return entries
        .filter((e) => e.isDirectory() && existsSync(join(pipelinesDir, e.name, CONTRACT_FILE)))
        .map((e) => e.name);
}
/**
 * The pipeline `pipelines/<dagId>/pipeline.yml`, validated (without importing handlers).
 * Throws UsageError for an unknown id, ContractError listing every problem for an invalid contract.
 */
async function loadPipelineById(pipelinesDir, dagId) {
    const file = resolve(pipelinesDir, dagId, CONTRACT_FILE);
    if (!/^[a-z][a-z0-9_]*$/.test(dagId) || !existsSync(file)) {
        const ids = await knownIds(pipelinesDir);
        const known = ids.length ? `known: ${ids.join(', ')}` : `no pipelines under ${pipelinesDir}`;
        throw new UsageError(`unknown pipeline '${dagId}'${didYouMean(dagId, ids)} (${known})`);
    }
    const result = checkContractText(file, readContract(file));
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    if (!result.pipeline)
        throw contractError(unique(errors).sort(compareDiagnostics));
    const lineage = checkLineage([result.pipeline]);
    const lineageErrors = lineage.diagnostics.filter((d) => d.severity === 'error');
    if (lineageErrors.length > 0)
        throw contractError(lineageErrors);
    return lineage.pipelines[0];
}
/** One ContractError listing every error, located at the first. */
function contractError(errors) {
    const first = errors[0];
    return new ContractError(errors.map((d) => formatDiagnostic(d, process.cwd())).join('\n'), first?.file, first?.line, first?.col);
}

;// CONCATENATED MODULE: ./src/run/error-place.ts
// Where a handler failed, in the user's terms: the first stack frame inside the pipelines
// folder gives `file:line:col` (type stripping keeps positions), and the user's frames make
// a trimmed stack. The text leads with the place, as contract errors do, so the terminal,
// the run record, the quality report and the Actions annotation all carry it.




const MAX_FRAMES = 8;
// `    at fn (file:///x/a.ts:12:7)`, `    at file:///x/a.ts:12:7`, `    at async fn (/x/a.ts:1:2)`
const FRAME = /^\s*at (?:(.+?) \()?((?:file:\/\/)?\/[^()]*?):(\d+):(\d+)\)?$/;
function error_place_inside(folder, file) {
    const rel = relative(folder, file);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) && !rel.split(sep).includes('node_modules');
}
/** The frames of `stack` in files under `folder`, paths relative to `root`. */
function userFrames(stack, folder, root) {
    const frames = [];
    for (const line of stack.split('\n')) {
        const m = FRAME.exec(line);
        if (!m)
            continue;
        const file = m[2].startsWith('file:') ? fileURLToPath(m[2]) : m[2];
        if (!error_place_inside(folder, file))
            continue;
        frames.push({
            file: relative(root, file).split(sep).join('/'),
            line: Number(m[3]),
            col: Number(m[4]),
            ...(m[1] ? { fn: m[1] } : {}),
        });
        if (frames.length === MAX_FRAMES)
            break;
    }
    return frames;
}
/**
 * The task error recorded for anything a handler threw: `file:line:col: message` and the
 * user's frames below it, or the bare message when no frame is the user's (a timeout).
 * User frames are those under the pipelines folder: task code may import shared code beside
 * its pipeline's folder.
 */
function locatedTaskError(error, pipelineDir) {
    const tasksFolder = dirname(resolve(pipelineDir));
    const message = errorMessage(error);
    const stack = error instanceof Error && typeof error.stack === 'string' ? error.stack : '';
    const frames = userFrames(stack, tasksFolder, findRepoRoot(tasksFolder));
    const first = frames[0];
    if (!first)
        return message;
    const trace = frames.map((f) => `    at ${f.fn ? `${f.fn} (${f.file}:${f.line}:${f.col})` : `${f.file}:${f.line}:${f.col}`}`);
    return [`${first.file}:${first.line}:${first.col}: ${message}`, ...trace].join('\n');
}
/** The place a task error text leads with, if any (see locatedTaskError). */
function error_place_placeOfTaskError(text) {
    const m = /^([^\s:][^:\n]*):(\d+):(\d+): (.*)$/m.exec(text.split('\n')[0] ?? '');
    if (!m)
        return undefined;
    return { file: m[1], line: Number(m[2]), col: Number(m[3]), message: m[4] };
}

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/command.js
var lib_command = __webpack_require__(9635);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/file-command.js
var file_command = __webpack_require__(2902);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/utils.js
var utils = __webpack_require__(4679);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/summary.js
var summary = __webpack_require__(1170);
// EXTERNAL MODULE: ./src/github/input.ts
var input = __webpack_require__(1823);
;// CONCATENATED MODULE: ./src/github/core.ts
// The workflow commands the actions use: inputs, outputs, log lines, annotations,
// masks, groups and the job summary. Each is @actions/core's own code, taken from
// its command modules instead of its root: the root also loads its OIDC client,
// and with it undici, http, https and tunnel (actions/toolkit#1560), which cost
// every action about 20 ms of its cold start though none asks for a token.
// `@actions/core`'s package exports only its root, so its modules are reached by
// path; package-lock.json pins the version these paths belong to.






function setOutput(name, value) {
    if (process.env.GITHUB_OUTPUT) {
        (0,file_command/* issueFileCommand */.n)('OUTPUT', (0,file_command/* prepareKeyValueMessage */.v)(name, value));
        return;
    }
    // Outside a runner that gives the file (an old runner, a local run): the logged command.
    process.stdout.write(external_node_os_.EOL);
    (0,lib_command/* issueCommand */.L)('set-output', { name }, (0,utils/* toCommandValue */.E)(value));
}
function setSecret(secret) {
    issueCommand('add-mask', {}, secret);
}
function info(message) {
    process.stdout.write(message + external_node_os_.EOL);
}
function debug(message) {
    issueCommand('debug', {}, message);
}
const annotate = (command) => (message, properties = {}) => (0,lib_command/* issueCommand */.L)(command, (0,utils/* toCommandProperties */.k)(properties), message instanceof Error ? message.toString() : message);
const error = annotate('error');
const warning = annotate('warning');
const notice = annotate('notice');
/** Fails the step: exit code 1 once the process ends, and the message as an error annotation. */
function setFailed(message) {
    process.exitCode = 1;
    error(message);
}
async function group(name, fn) {
    (0,lib_command/* issue */.s)('group', name);
    try {
        return await fn();
    }
    finally {
        (0,lib_command/* issue */.s)('endgroup');
    }
}

;// CONCATENATED MODULE: ./src/github/summary.ts
// Job summaries: small Markdown builders and the size guard. GitHub drops a
// step summary over 1 MiB entirely, so a long one is cut at a line with a
// note that points at the artifact holding the full report.


/** Kept under GitHub's 1 MiB (1,048,576 bytes) per step, with room for the note. */
const SUMMARY_LIMIT_BYTES = 1_000_000;
/**
 * One table cell: `|` would end the cell and a newline the row; `<` and `>` are
 * entities so a value (a contract's owner, a task's error) never becomes HTML.
 */
function escapeCell(value) {
    if (value === undefined)
        return '';
    return String(value).replaceAll('<', '&lt;').replaceAll('>', '&gt;').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}
/** A GitHub-flavoured Markdown table; every cell is escaped. */
function markdownTable(header, rows, align = []) {
    const rule = header.map((_, i) => {
        const a = align[i];
        return a === 'right' ? '---:' : a === 'center' ? ':---:' : '---';
    });
    const line = (cells) => `| ${header.map((_, i) => escapeCell(cells[i])).join(' | ')} |`;
    return [line(header), `| ${rule.join(' | ')} |`, ...rows.map(line)].join('\n') + '\n';
}
/** A fenced Mermaid block, rendered as a diagram in summaries, issues and PRs. */
function mermaidBlock(source) {
    return '```mermaid\n' + source.trim() + '\n```\n';
}
/**
 * Cuts `markdown` so that, with `usedBytes` already in the step's summary file,
 * it stays under `limitBytes`. The cut falls at a line end (never inside a UTF-8
 * sequence), closes an open code fence, and appends a note naming the artifact.
 */
function fitSummary(markdown, options = {}) {
    const limit = (options.limitBytes ?? SUMMARY_LIMIT_BYTES) - (options.usedBytes ?? 0);
    const full = Buffer.from(markdown, 'utf8');
    if (full.length <= limit)
        return { markdown, truncated: false, bytes: full.length };
    const where = options.artifactName ? `the artifact \`${options.artifactName}\`` : "this run's artifacts";
    const note = (kept) => `\n> [!WARNING]\n> Summary cut at ${kept.toLocaleString('en-US')} of ${full.length.toLocaleString('en-US')} bytes: ` +
        `GitHub drops step summaries over 1 MiB. The full report is in ${where}.\n`;
    const budget = limit - Buffer.byteLength(note(full.length)) - Buffer.byteLength('```\n');
    if (budget <= 0)
        return { markdown: '', truncated: true, bytes: 0 };
    let end = full.lastIndexOf(0x0a, budget - 1) + 1;
    if (end <= 0) {
        // One huge line: back off to a character boundary (skip UTF-8 continuation bytes).
        end = budget;
        while (end > 0 && ((full[end] ?? 0) & 0xc0) === 0x80)
            end--;
    }
    let kept = full.subarray(0, end).toString('utf8');
    const fences = kept.split('\n').filter((l) => l.trimStart().startsWith('```')).length;
    if (fences % 2 === 1)
        kept += kept.endsWith('\n') ? '```\n' : '\n```\n';
    const result = kept + note(end);
    return { markdown: result, truncated: true, bytes: Buffer.byteLength(result) };
}
/** Appends Markdown to this step's summary, cut to fit what the step has already written. */
async function writeJobSummary(markdown, options = {}) {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (!file)
        return { written: false, truncated: false, bytes: 0 };
    let usedBytes = 0;
    try {
        usedBytes = (0,external_node_fs_.statSync)(file).size;
    }
    catch {
        // core.summary creates nothing either: a missing file is reported by write() below.
    }
    const fitted = fitSummary(markdown, { ...options, usedBytes });
    await summary/* summary */.z.emptyBuffer().addRaw(fitted.markdown).write();
    return { written: true, truncated: fitted.truncated, bytes: fitted.bytes };
}

;// CONCATENATED MODULE: ./src/github/annotations.ts
// Contract diagnostics as annotations at the exact file:line of a pull request.
// GitHub keeps only 10 error and 10 warning annotations per step (50 per job),
// so the first 10 of each are emitted and the rest counted for the summary.




const ANNOTATIONS_PER_STEP = 10;
/** The path GitHub matches annotations against: relative to the checkout, with `/`. */
function workspacePath(file, workspace = process.env.GITHUB_WORKSPACE ?? process.cwd()) {
    const relative = external_node_path_default().isAbsolute(file) ? external_node_path_default().relative(workspace, file) : external_node_path_default().normalize(file);
    // A file outside the checkout cannot be annotated in place; keep its absolute path visible.
    if (relative.startsWith('..') || external_node_path_default().isAbsolute(relative))
        return file.split((external_node_path_default()).sep).join('/');
    return relative.split((external_node_path_default()).sep).join('/');
}
/** Emits `::error`/`::warning` workflow commands for up to `limit` diagnostics of each severity. */
function annotateDiagnostics(diagnostics, options = {}) {
    const limit = options.limit ?? ANNOTATIONS_PER_STEP;
    const outcome = { errors: 0, warnings: 0, omittedErrors: 0, omittedWarnings: 0 };
    for (const d of diagnostics) {
        const isError = d.severity === 'error';
        const shown = isError ? outcome.errors : outcome.warnings;
        if (shown >= limit) {
            if (isError)
                outcome.omittedErrors++;
            else
                outcome.omittedWarnings++;
            continue;
        }
        const properties = {
            file: workspacePath(d.file, options.workspace),
            startLine: d.line,
            startColumn: d.col,
            title: isError ? 'pipewright: contract error' : 'pipewright: contract warning',
        };
        if (isError) {
            error(d.message, properties);
            outcome.errors++;
        }
        else {
            warning(d.message, properties);
            outcome.warnings++;
        }
    }
    return outcome;
}
/** Every diagnostic as a summary table, with a line saying how many were not annotated. */
function diagnosticsMarkdown(diagnostics, outcome, workspace) {
    if (diagnostics.length === 0)
        return 'No problems found.\n';
    const omitted = outcome.omittedErrors + outcome.omittedWarnings;
    const lead = omitted > 0
        ? `${omitted} of ${diagnostics.length} problems are not annotated in the diff ` +
            `(GitHub shows ${ANNOTATIONS_PER_STEP} errors and ${ANNOTATIONS_PER_STEP} warnings per step); all are listed here.\n\n`
        : '';
    const rows = diagnostics.map((d) => [
        `${workspacePath(d.file, workspace)}:${d.line}:${d.col}`,
        d.severity,
        d.message,
    ]);
    return lead + markdownTable(['Location', 'Severity', 'Message'], rows);
}
/**
 * A failed task's cause as an error annotation: on the user's file and line when its text
 * leads with one (a handler's throw), else on the run (a timeout, a command's exit).
 */
/** Annotations are short: the runbook's first lines, then where to read the rest. */
const RUNBOOK_CHARS = 600;
function runbookLead(runbook) {
    if (!runbook.text)
        return `Runbook: ${runbook.ref}\n`;
    const text = runbook.text.length > RUNBOOK_CHARS ? `${runbook.text.slice(0, RUNBOOK_CHARS)}… (${runbook.ref})` : runbook.text;
    return `Runbook (${runbook.ref}):\n${text}\n\n`;
}
function annotateTaskError(taskId, partition, error, options = {}) {
    const place = placeOfTaskError(error);
    const title = `pipewright: ${taskId} failed`;
    // What to do comes first, in the owners' words; the error follows.
    const runbook = options.runbook ? runbookLead(options.runbook) : '';
    if (!place) {
        core.error(`${runbook}${partition}: task ${taskId} failed: ${error}`, { title });
        return;
    }
    core.error(`${runbook}${partition}: task ${taskId} failed: ${place.message}\n${error.split('\n').slice(1).join('\n')}`.trim(), {
        file: workspacePath(place.file, options.workspace),
        startLine: place.line,
        startColumn: place.col,
        title,
    });
}

;// CONCATENATED MODULE: ./src/graph/render.ts

const MERMAID_SHAPES = {
    handler: ['[', ']'],
    command: ['[[', ']]'],
    sensor: ['([', '])'],
    checks: ['{{', '}}'],
};
const MERMAID_STATE_STYLES = {
    success: 'fill:#d4edda,stroke:#28a745',
    failed: 'fill:#f8d7da,stroke:#dc3545',
    upstream_failed: 'fill:#fde2c8,stroke:#fd7e14',
    up_for_retry: 'fill:#fff3cd,stroke:#ffc107',
    deferred: 'fill:#e2e3f5,stroke:#6f42c1',
    skipped: 'fill:#eeeeee,stroke:#999999',
    running: 'fill:#cce5ff,stroke:#007bff',
};
function label(task, state) {
    return [task.id, task.spec.kind, state].filter(Boolean).join(' · ');
}
/** Edges upstream -> task; a task's non-default trigger rule labels its incoming edges. */
function edges(task) {
    const rule = task.triggerRule === 'all_success' ? undefined : task.triggerRule;
    return task.upstream.map((from) => ({ from, to: task.id, ...(rule ? { rule } : {}) }));
}
/** Node and edge lines of a pipeline's tasks; `id` names each node (a prefix keeps several pipelines apart). */
function mermaidTaskLines(tasks, opts = {}) {
    const id = opts.id ?? ((t) => t);
    const indent = opts.indent ?? '  ';
    const lines = [];
    for (const task of tasks) {
        const [open, close] = MERMAID_SHAPES[task.spec.kind];
        lines.push(`${indent}${id(task.id)}${open}"${label(task, opts.states?.[task.id])}"${close}`);
    }
    for (const task of tasks)
        for (const e of edges(task))
            lines.push(e.rule ? `${indent}${id(e.from)} -.->|${e.rule}| ${id(e.to)}` : `${indent}${id(e.from)} --> ${id(e.to)}`);
    return lines;
}
function toMermaid(pipeline, opts = {}) {
    const tasks = dag_topologicalOrder(pipeline.tasks);
    const lines = ['flowchart LR', ...mermaidTaskLines(tasks, opts)];
    const used = new Set(Object.values(opts.states ?? {}));
    for (const [state, style] of Object.entries(MERMAID_STATE_STYLES)) {
        if (!used.has(state))
            continue;
        lines.push(`  classDef ${state} ${style}`);
        const ids = tasks.filter((t) => opts.states?.[t.id] === state).map((t) => t.id);
        lines.push(`  class ${ids.join(',')} ${state}`);
    }
    return `${lines.join('\n')}\n`;
}
const DOT_SHAPES = {
    handler: 'box',
    command: 'box3d',
    sensor: 'ellipse',
    checks: 'hexagon',
};
const quote = (s) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
/** Node and edge lines of a pipeline's tasks in dot; `id` names each node (a prefix keeps several pipelines apart). */
function dotTaskLines(tasks, opts = {}) {
    const id = opts.id ?? ((t) => t);
    const indent = opts.indent ?? '  ';
    const lines = [];
    for (const task of tasks) {
        const state = opts.states?.[task.id];
        const text = [task.id, task.spec.kind, state].filter(Boolean).join('\\n');
        lines.push(`${indent}${quote(id(task.id))} [label="${text}", shape=${DOT_SHAPES[task.spec.kind]}];`);
    }
    for (const task of tasks)
        for (const e of edges(task))
            lines.push(`${indent}${quote(id(e.from))} -> ${quote(id(e.to))}${e.rule ? ` [style=dashed, label=${quote(e.rule)}]` : ''};`);
    return lines;
}
function toDot(pipeline, opts = {}) {
    const tasks = topologicalOrder(pipeline.tasks);
    const lines = [
        `digraph ${quote(pipeline.dagId)} {`,
        '  rankdir=LR;',
        '  node [fontname="Helvetica", fontsize=11];',
        ...dotTaskLines(tasks, opts),
    ];
    lines.push('}');
    return `${lines.join('\n')}\n`;
}

// EXTERNAL MODULE: ./src/actions/common/names.ts
var common_names = __webpack_require__(9613);
;// CONCATENATED MODULE: ./src/actions/common/inputs.ts
// Action inputs and outputs: typed readers that turn a bad value into one
// UsageError naming the input, the value and what would work (the names are in
// names.ts).




/** The trimmed value; a required input that is empty is a UsageError. */
function readString(name, options = {}) {
    const value = input/* getInput */.V(name);
    if (value === '' && options.required)
        throw new errors_UsageError(`input '${name}' is required`);
    return value === '' ? (options.fallback ?? '') : value;
}
const renamedWarned = new Set();
/**
 * An input renamed for one vocabulary: the new name wins; the old one still works for all
 * of v1, with one warning per step (action.yml marks it deprecated too).
 */
function readRenamed(name, old) {
    const value = core.getInput(name);
    if (value !== '')
        return value;
    const legacy = core.getInput(old);
    if (legacy !== '' && !renamedWarned.has(old)) {
        renamedWarned.add(old);
        core.warning(`input '${old}' is now '${name}': rename it in your workflow (the old name works for all of v1)`);
    }
    return legacy;
}
/** "true" or "false" only (empty takes the fallback): "yes" is refused, not read as false. */
function readBoolean(name, fallback) {
    const value = input/* getInput */.V(name);
    if (value === '')
        return fallback;
    if (value === 'true')
        return true;
    if (value === 'false')
        return false;
    throw new errors_UsageError(`input '${name}' must be "true" or "false" (got ${JSON.stringify(value)})`);
}
function readEnum(name, allowed, fallback) {
    const value = core.getInput(name);
    if (value === '')
        return fallback;
    if (allowed.includes(value))
        return value;
    throw new UsageError(`input '${name}' must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})`);
}
/** A positive whole number, or undefined when empty (`old`: the name it had before, still read). */
function readPositiveInt(name, old) {
    const value = old ? readRenamed(name, old) : core.getInput(name);
    if (value === '')
        return undefined;
    if (!/^\d+$/.test(value) || Number(value) < 1)
        throw new UsageError(`input '${name}' must be a positive whole number (got ${JSON.stringify(value)})`);
    return Number(value);
}
/** A duration such as 5s, 500ms or 2m, in milliseconds. */
function readDuration(name, fallbackMs) {
    const value = input/* getInput */.V(name);
    if (value === '')
        return fallbackMs;
    const ms = parseDuration(value);
    if (ms === undefined || ms <= 0 || ms > MAX_DURATION_MS)
        throw new errors_UsageError(`input '${name}' must be a duration like 5s, 500ms or 2m, at most 24.8 days (got ${JSON.stringify(value)})`);
    return ms;
}
/** A JSON list of strings (e.g. the plan's `partitions` output). */
function readStringList(name) {
    const value = core.getInput(name);
    if (value === '')
        return [];
    let parsed;
    try {
        parsed = JSON.parse(value);
    }
    catch {
        throw new UsageError(`input '${name}' must be a JSON list of strings, e.g. ["2026-05-01"] (got ${JSON.stringify(value)})`);
    }
    if (!Array.isArray(parsed) || !parsed.every((v) => typeof v === 'string'))
        throw new UsageError(`input '${name}' must be a JSON list of strings, e.g. ["2026-05-01"] (got ${JSON.stringify(value)})`);
    return parsed;
}
function inputs_setOutput(name, value) {
    setOutput(name, typeof value === 'string' ? value : String(value));
}

;// CONCATENATED MODULE: ./src/store/fs-errors.ts
// Filesystem failures that are the workspace's state, not a bug: a read-only or
// full data root, a permission, a file where a folder belongs. The edges turn
// them into one line naming the path and the fix (exit 1) instead of a stack.



const FIX = {
    EROFS: 'the file system is read-only: make the data root writable or choose another with --data-root',
    EACCES: 'permission denied: give this user write access to the data root or choose another with --data-root',
    EPERM: 'operation not permitted: give this user write access to the data root or choose another with --data-root',
    ENOSPC: 'the disk is full: free space under the data root and run again',
    EDQUOT: 'the disk quota is exhausted: free space under the data root and run again',
};
/** The nearest existing ancestor of `path` that is not a folder (what ENOTDIR trips over). */
function fileInTheWay(path) {
    for (let at = (0,external_node_path_.dirname)(path); at !== (0,external_node_path_.dirname)(at); at = (0,external_node_path_.dirname)(at)) {
        try {
            return (0,external_node_fs_.statSync)(at).isDirectory() ? undefined : at;
        }
        catch {
            // does not exist: look further up
        }
    }
    return undefined;
}
/**
 * Why the nearest existing ancestor of `path` cannot be written (EROFS, EACCES), if so:
 * a recursive mkdir on a read-only file system reports ENOENT for the folder it could not make.
 */
function unwritableAncestor(path) {
    for (let at = (0,external_node_path_.dirname)(path); at !== (0,external_node_path_.dirname)(at); at = (0,external_node_path_.dirname)(at)) {
        if (!(0,external_node_fs_.existsSync)(at))
            continue;
        try {
            (0,external_node_fs_.accessSync)(at, external_node_fs_.constants.W_OK);
            return undefined;
        }
        catch (error) {
            const code = error.code;
            return code && FIX[code] ? { at, code } : undefined;
        }
    }
    return undefined;
}
/** A StateError for a Node filesystem error with a path, or undefined for anything else. */
function stateErrorFromFs(error) {
    if (!(error instanceof Error))
        return undefined;
    const { code, path } = error;
    if (typeof code !== 'string' || typeof path !== 'string')
        return undefined;
    const fix = FIX[code];
    if (fix)
        return new errors_StateError(`${path}: ${fix}`, path);
    if (code === 'ENOTDIR') {
        const file = fileInTheWay(path) ?? path;
        return new errors_StateError(`${file} is a file where pipewright needs a folder: move it aside and run again`, file);
    }
    if (code === 'ENOENT' && error.syscall === 'mkdir') {
        const blocked = unwritableAncestor(path);
        if (blocked)
            return new errors_StateError(`${blocked.at}: ${FIX[blocked.code]}`, blocked.at);
    }
    if (code === 'EISDIR')
        return new errors_StateError(`${path} is a folder where pipewright needs a file: move it aside and run again`, path);
    return undefined;
}

;// CONCATENATED MODULE: ./src/actions/common/run.ts
// The one wrapper every action runs in: a user's mistake (bad input, invalid
// contract, a busy partition, state to repair) fails the step with one line and nothing done; a
// bug fails it with the stack; a thrown non-Error is still a failure.



async function runAction(name, body) {
    try {
        await body();
    }
    catch (thrown) {
        const error = stateErrorFromFs(thrown) ?? thrown;
        if (isUserError(error))
            setFailed(`pipewright ${name}: ${errors_errorMessage(error)}`);
        else if (error instanceof Error)
            setFailed(`pipewright ${name}: unexpected error\n${error.stack ?? error.message}`);
        else
            setFailed(`pipewright ${name}: unexpected error (a thrown ${typeof error}): ${String(error)}`);
    }
}

// EXTERNAL MODULE: ./src/actions/common/workspace.ts
var common_workspace = __webpack_require__(2336);
;// CONCATENATED MODULE: ./src/contract/diff.ts
function compare(changes, field, before, after) {
    if (before === after)
        return;
    const change = { field };
    if (before !== undefined)
        change.before = before;
    if (after !== undefined)
        change.after = after;
    changes.push(change);
}
/** A task's kind and what it runs, one line: `handler tasks/x.ts#f`, `checks on bronze`. */
function describeTask(task) {
    const spec = task.spec;
    switch (spec.kind) {
        case 'handler':
            return `handler ${spec.module}#${spec.exportName}`;
        case 'command':
            return `command ${spec.argv.join(' ')}`;
        case 'sensor':
            return `sensor ${spec.path}`;
        case 'checks':
            return `checks on ${spec.dataset}`;
    }
}
function taskChanges(changes, base, head) {
    const before = new Map(base.tasks.map((t) => [t.id, t]));
    const after = new Map(head.tasks.map((t) => [t.id, t]));
    for (const [id, task] of before)
        if (!after.has(id))
            compare(changes, `tasks.${id}`, describeTask(task), undefined);
    for (const [id, task] of after) {
        const old = before.get(id);
        if (!old) {
            compare(changes, `tasks.${id}`, undefined, describeTask(task));
            continue;
        }
        compare(changes, `tasks.${id}.kind`, describeTask(old), describeTask(task));
        compare(changes, `tasks.${id}.upstream`, [...old.upstream].sort().join(', '), [...task.upstream].sort().join(', '));
        compare(changes, `tasks.${id}.retries`, String(old.policy.retries), String(task.policy.retries));
        compare(changes, `tasks.${id}.trigger_rule`, old.triggerRule, task.triggerRule);
    }
}
function mapChanges(changes, prefix, base, head) {
    const names = [...new Set([...Object.keys(base), ...Object.keys(head)])].sort();
    for (const name of names)
        compare(changes, `${prefix}.${name}`, base[name], head[name]);
}
/** The changes from `base` (the target branch) to `head` (the pull request); either may be absent. */
function diffPipelines(base, head) {
    if (!base && !head)
        throw new RangeError('diffPipelines needs at least one pipeline');
    if (!base)
        return { dagId: head.dagId, status: 'added', changes: [] };
    if (!head)
        return { dagId: base.dagId, status: 'removed', changes: [] };
    const changes = [];
    compare(changes, 'owner', base.owner, head.owner);
    compare(changes, 'schedule', base.schedule ?? 'manual only', head.schedule ?? 'manual only');
    compare(changes, 'timezone', base.timezone, head.timezone);
    compare(changes, 'partition', base.partition, head.partition);
    compare(changes, 'start_date', base.startDate, head.startDate);
    compare(changes, 'end_date', base.endDate, head.endDate);
    compare(changes, 'catchup', String(base.catchup), String(head.catchup));
    compare(changes, 'max_active_runs', String(base.maxActiveRuns), String(head.maxActiveRuns));
    compare(changes, 'freshness.deadline', base.freshness?.deadline, head.freshness?.deadline);
    compare(changes, 'defaults.retries', String(base.defaults.retries), String(head.defaults.retries));
    mapChanges(changes, 'inputs', base.inputs, head.inputs);
    mapChanges(changes, 'outputs', base.outputs, head.outputs);
    taskChanges(changes, base, head);
    return { dagId: head.dagId, status: changes.length ? 'changed' : 'unchanged', changes };
}
/** Plain words for a change, for a summary table. */
function describeChange(change) {
    if (change.before === undefined)
        return `added: ${change.after}`;
    if (change.after === undefined)
        return `removed: ${change.before}`;
    return `${change.before} → ${change.after}`;
}

;// CONCATENATED MODULE: ./src/actions/validate/base-diff.ts
// The contracts of a pull request's base branch, read with `git show` from the
// checkout (origin/<base> first, then <base>), diffed against the head ones.







async function resolveRef(ref, top) {
    for (const candidate of [`origin/${ref}`, ref]) {
        try {
            await (0,common_workspace/* git */.$Y)(['rev-parse', '--verify', '--quiet', `${candidate}^{commit}`], top);
            return candidate;
        }
        catch {
            // try the next spelling
        }
    }
    return undefined;
}
function basePipeline(file, text) {
    if (text === undefined)
        return undefined;
    const result = check_file_checkContractText(file, text);
    if (!result.pipeline)
        warning(`the base version of ${file} is not a valid contract; diffing it as absent`);
    return result.pipeline;
}
async function diffAgainstBase(ref, files, pipelines, patterns, workspace) {
    let top;
    try {
        top = (await (0,common_workspace/* git */.$Y)(['rev-parse', '--show-toplevel'], workspace)).trim();
    }
    catch {
        return { ref, diffs: [], unavailable: 'The workspace is not a git repository: check out the repository first.' };
    }
    const resolved = await resolveRef(ref, top);
    if (!resolved)
        return {
            ref,
            diffs: [],
            unavailable: `Neither \`origin/${ref}\` nor \`${ref}\` exists in the checkout: use \`actions/checkout\` with \`fetch-depth: 0\`.`,
        };
    info(`base: ${resolved}`);
    const rel = (file) => external_node_path_default().relative(top, (0,external_node_fs_.realpathSync)(file)).split((external_node_path_default()).sep).join('/');
    const byFile = new Map(pipelines.map((p) => [p.file, p]));
    const diffs = [];
    const seen = new Set();
    for (const file of files) {
        const relative = rel(file);
        seen.add(relative);
        const text = await (0,common_workspace/* git */.$Y)(['show', `${resolved}:${relative}`], top).catch(() => undefined);
        const head = byFile.get(file);
        // The file is still here, so an invalid head is not a removal: the problems table says it all.
        if (!head)
            continue;
        diffs.push(diffPipelines(basePipeline(file, text), head));
    }
    // Contracts deleted by the pull request, under the folders validated.
    for (const pattern of patterns) {
        const folder = external_node_path_default().resolve(workspace, pattern);
        if (!(0,external_node_fs_.statSync)(folder, { throwIfNoEntry: false })?.isDirectory())
            continue;
        const listing = await (0,common_workspace/* git */.$Y)(['ls-tree', '-r', '--name-only', resolved, '--', rel(folder)], top).catch(() => '');
        for (const relative of listing.split('\n')) {
            if (external_node_path_default().posix.basename(relative) !== discover_CONTRACT_FILE || seen.has(relative))
                continue;
            seen.add(relative);
            const text = await (0,common_workspace/* git */.$Y)(['show', `${resolved}:${relative}`], top);
            const base = basePipeline(external_node_path_default().join(top, relative), text);
            if (base)
                diffs.push(diffPipelines(base, undefined));
        }
    }
    return { ref: resolved, diffs };
}

;// CONCATENATED MODULE: ./src/actions/validate/run.ts
// The validate action: every contract checked (schema, DAG, policy, handler
// imports), each problem annotated at its file:line:col, and a summary with one
// row per pipeline, every problem, the contract diff of a pull request and each
// DAG as a Mermaid diagram.














function readInputs() {
    const patterns = readString(common_names/* INPUT */.b.pipelines, { fallback: 'pipelines' })
        .split('\n')
        .map((p) => p.trim())
        .filter(Boolean);
    return {
        workspace: (0,common_workspace/* workspaceDir */.zf)(),
        patterns,
        importTimeoutMs: readDuration(common_names/* INPUT */.b.importTimeout, DEFAULT_IMPORT_TIMEOUT_MS),
        failOnWarnings: readBoolean(common_names/* INPUT */.b.failOnWarnings, false),
        baseRef: readString(common_names/* INPUT */.b.baseRef) || (process.env.GITHUB_BASE_REF ?? ''),
    };
}
const GLOB = /[*?[{]/;
/** Globs expanded against the workspace; folders and files passed through for discovery. */
async function expand(patterns, workspace) {
    const paths = [];
    for (const pattern of patterns) {
        if (!GLOB.test(pattern)) {
            paths.push(pattern);
            continue;
        }
        const before = paths.length;
        for await (const match of (0,promises_.glob)(pattern, { cwd: workspace }))
            paths.push(match);
        if (paths.length === before)
            throw new errors_UsageError(`input 'pipelines': no file matches ${JSON.stringify(pattern)}`);
    }
    return paths;
}
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
function statusOf(file, diagnostics) {
    const mine = diagnostics.filter((d) => d.file === file);
    const errors = mine.filter((d) => d.severity === 'error').length;
    const warnings = mine.length - errors;
    if (errors)
        return `❌ ${plural(errors, 'error')}${warnings ? `, ${plural(warnings, 'warning')}` : ''}`;
    if (warnings)
        return `⚠️ ${plural(warnings, 'warning')}`;
    return '✅ valid';
}
/** What a contract with errors still says (owner, schedule, tasks), read leniently for its summary row. */
async function whatParsed(file) {
    const data = await (0,promises_.readFile)(file, 'utf8').then((text) => source_parseContract(file, text).data, () => undefined);
    // Not even a mapping (unreadable, or YAML that is not a contract): nothing to show.
    if (typeof data !== 'object' || data === null)
        return { owner: '', schedule: '', timezone: '', tasks: 0 };
    const record = data;
    const text = (value) => (typeof value === 'string' ? value : undefined);
    return {
        owner: text(record.owner) ?? '',
        schedule: text(record.schedule),
        timezone: text(record.timezone) ?? 'UTC',
        tasks: Array.isArray(record.tasks) ? record.tasks.length : 0,
    };
}
async function pipelinesTable(files, pipelines, diagnostics, workspace) {
    const byFile = new Map(pipelines.map((p) => [p.file, p]));
    const rows = [];
    for (const file of files) {
        const valid = byFile.get(file);
        const p = valid ? { ...valid, tasks: valid.tasks.length } : await whatParsed(file);
        rows.push([
            valid?.dagId ?? external_node_path_default().basename(external_node_path_default().dirname(file)),
            p.owner,
            p.schedule === '' ? '' : `${p.schedule ?? 'manual only'} (${p.timezone})`,
            p.tasks || '',
            statusOf(file, diagnostics),
            (0,common_workspace/* shown */.SP)(file, workspace),
        ]);
    }
    return markdownTable(['Pipeline', 'Owner', 'Schedule', 'Tasks', 'Status', 'Contract'], rows, [
        'left',
        'left',
        'left',
        'right',
    ]);
}
function diffMarkdown(diffs) {
    const lines = [`## Changes against \`${diffs.ref}\``, ''];
    if (diffs.unavailable)
        return `${lines.join('\n')}${diffs.unavailable}\n`;
    const changed = diffs.diffs.filter((d) => d.status !== 'unchanged');
    if (!changed.length)
        return `${lines.join('\n')}No contract changes.\n`;
    for (const diff of changed) {
        if (diff.status === 'added' || diff.status === 'removed') {
            lines.push(`- \`${diff.dagId}\`: pipeline ${diff.status}`);
            continue;
        }
        lines.push(`- \`${diff.dagId}\`: ${plural(diff.changes.length, 'change')}`);
    }
    lines.push('');
    for (const diff of changed.filter((d) => d.status === 'changed')) {
        lines.push(`### \`${diff.dagId}\``, '');
        lines.push(markdownTable(['Setting', 'Base', 'Pull request'], diff.changes.map((c) => [c.field, c.before ?? '(none)', c.after ?? '(removed)'])));
    }
    return `${lines.join('\n')}\n`;
}
/** `early`: the import process the entry started (early-probe.ts), if it did. */
async function runValidateAction(early) {
    await runAction('validate', async () => {
        const inputs = readInputs();
        const paths = await expand(inputs.patterns, inputs.workspace);
        const result = await group('Validate contracts', async () => {
            // The repository's callers of pipewright.yml, against these contracts (located in the workflow files),
            // checked while the handlers are imported.
            let callers;
            const r = await validatePaths(paths, {
                importTimeoutMs: inputs.importTimeoutMs,
                cwd: inputs.workspace,
                ...(early ? { early } : {}),
                onContracts: (checked) => {
                    callers = checkCallers(inputs.workspace, checked);
                    callers.catch(() => { }); // awaited below
                },
            });
            info(`${plural(r.files.length, 'contract')}: ${r.files.map((f) => (0,common_workspace/* shown */.SP)(f, inputs.workspace)).join(', ')}`);
            // validatePaths tells onContracts before it returns.
            r.diagnostics.push(...(await callers).diagnostics);
            return r;
        });
        const { files, pipelines, diagnostics } = result;
        const errors = diagnostics.filter((d) => d.severity === 'error').length;
        const warnings = diagnostics.length - errors;
        const outcome = annotateDiagnostics(diagnostics, { workspace: inputs.workspace });
        // The counts are final here: set them before the summary, which a later step never reads.
        inputs_setOutput(common_names/* OUTPUT */.a.pipelineCount, files.length);
        inputs_setOutput(common_names/* OUTPUT */.a.pipelines, files.length); // the name before v1's one vocabulary
        inputs_setOutput(common_names/* OUTPUT */.a.errors, errors);
        inputs_setOutput(common_names/* OUTPUT */.a.warnings, warnings);
        const diffs = inputs.baseRef
            ? await group(`Diff contracts against ${inputs.baseRef}`, () => diffAgainstBase(inputs.baseRef, files, pipelines, inputs.patterns, inputs.workspace))
            : undefined;
        const md = [
            '# pipewright validate',
            '',
            `${plural(files.length, 'pipeline')}, ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`,
            '',
            '## Pipelines',
            '',
            await pipelinesTable(files, pipelines, diagnostics, inputs.workspace),
            '## Problems',
            '',
            diagnosticsMarkdown(diagnostics, outcome, inputs.workspace),
            diffs ? diffMarkdown(diffs) : '',
            pipelines.length ? '## DAGs\n' : '',
            ...pipelines.map((p) => `### \`${p.dagId}\`\n\n${mermaidBlock(toMermaid(p))}`),
        ].join('\n');
        await writeJobSummary(md);
        if (errors > 0)
            setFailed(`pipewright validate: ${plural(errors, 'error')} in the contracts (see the annotations)`);
        else if (warnings > 0 && inputs.failOnWarnings)
            setFailed(`pipewright validate: ${plural(warnings, 'warning')} and fail-on-warnings is true`);
        else
            info(`${plural(files.length, 'pipeline')} valid, ${plural(warnings, 'warning')}`);
    });
}


/***/ }),

/***/ 6781:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

// CommonJS on purpose (see luxon.ts): require('luxon') gets the build cron-parser gets.
module.exports = __webpack_require__(2596);


/***/ })

};
