import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 106:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  DZ: () => (/* binding */ csvReading)
});

// UNUSED EXPORTS: CsvDataError, CsvReader, FIELD_ESCAPED, FIELD_ODD, FIELD_PLAIN, FIELD_QUOTED, READ_CHUNK, fieldBytes, fieldText, mayNeedTrim, readChunks, readCsv, readCsvFile

;// CONCATENATED MODULE: external "node:buffer"
const external_node_buffer_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");
;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: ./src/store/file-chunks.ts
/** Big reads keep the per-chunk overhead out of the way of whoever scans the bytes. */
const READ_CHUNK = 1 << 20;
/** The writer of a followed file stopped before it was whole: what was read is all there is. */
class FileGrowthStopped extends Error {
    reason;
    constructor(reason) {
        super('the file stopped growing before it was whole');
        this.reason = reason;
    }
}
/**
 * Reads the opened file from its current position to the end, then closes it. With
 * `growth`, the end is where its writer finishes: caught up, it waits for more.
 */
async function* fileChunks(handle, signal, growth) {
    let filling = new Uint8Array(READ_CHUNK);
    let spare = new Uint8Array(READ_CHUNK);
    let reading;
    /** Seen whole before the last read: a read that then finds nothing is the end. */
    let sawWhole = false;
    let position = 0;
    try {
        reading = handle.read(filling, 0, READ_CHUNK, null);
        for (;;) {
            signal?.throwIfAborted();
            const { bytesRead } = await reading;
            reading = undefined;
            if (bytesRead === 0) {
                const state = growth?.state() ?? 'whole';
                if (state === 'whole') {
                    if (sawWhole || !growth)
                        return;
                    sawWhole = true; // its last bytes may have landed since that read
                }
                else if (state === 'growing') {
                    // Caught up: wait for a whole chunk, so the reader is not woken for every few bytes.
                    await growth?.reached(position + READ_CHUNK);
                }
                else
                    throw new FileGrowthStopped(state.stopped);
                reading = handle.read(filling, 0, READ_CHUNK, null);
                continue;
            }
            position += bytesRead;
            const chunk = filling.subarray(0, bytesRead);
            // The buffer the caller gave back by asking for this chunk takes the next read.
            [filling, spare] = [spare, filling];
            reading = handle.read(filling, 0, READ_CHUNK, null);
            yield chunk;
        }
    }
    finally {
        // Never close the file under a read still in flight.
        await reading?.catch(() => { });
        await handle.close();
    }
}

;// CONCATENATED MODULE: ./src/csv/reader.ts
// The core's streaming CSV reader (RFC 4180). It finds field boundaries in the
// raw bytes and hands each record to a callback as offsets, so a consumer that
// needs four columns of ten million rows never builds a string or an object per
// row. Quoted fields may hold commas, doubled quotes and newlines; CRLF and LF
// records are both accepted; a UTF-8 BOM at the start is skipped; empty lines
// are skipped unless asked for.
//
// It reads the common shape fast and *notices* what it does not read the way
// csv-parse would (a quote inside an unquoted field, a bare CR, text after a
// closing quote, bytes that are not UTF-8): `odd` records and `validUtf8` let a
// consumer hand such a file to csv-parse, which is the better judge of those.



const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
/** A record that breaks CSV or the data's contract, located at its first physical line. */
class CsvDataError extends Error {
    name = 'CsvDataError';
    line;
    constructor(message, line) {
        super(message);
        this.line = line;
    }
}
/** Field flags: how the bytes of field i relate to its value. */
const FIELD_PLAIN = 0;
/** Quoted; the quotes are excluded from the span. */
const FIELD_QUOTED = 1;
/** Quoted with doubled quotes that `fieldBytes` must undo. */
const FIELD_ESCAPED = 2;
/** Not read as csv-parse reads it: a quote inside an unquoted value, a bare CR, text after a closing quote. */
const FIELD_ODD = 3;
/** Push chunks of any size in order, then call end(); records split across chunks are reassembled. */
class CsvReader {
    #onRecord;
    #maxRecordBytes;
    #keepEmpty;
    #onChunkEnd;
    #fields;
    /** Holds the unfinished record followed by the next chunk, reused to avoid an allocation per chunk. */
    #scratch = new Uint8Array(0);
    #carry = 0;
    #started = false;
    #validUtf8 = true;
    constructor(onRecord, options = {}) {
        this.#onRecord = onRecord;
        this.#maxRecordBytes = options.maxRecordBytes ?? 16 * 1024 * 1024;
        this.#keepEmpty = options.keepEmpty ?? false;
        this.#onChunkEnd = options.onChunkEnd;
        this.#fields = {
            starts: new Int32Array(16),
            ends: new Int32Array(16),
            flags: new Uint8Array(16),
            count: 0,
            line: 1,
            start: 0,
            end: 0,
            eol: 0,
            odd: false,
        };
    }
    /** False once a record held bytes that are not UTF-8 (csv-parse would read U+FFFD there). */
    get validUtf8() {
        return this.#validUtf8;
    }
    push(input) {
        if (input.length === 0)
            return;
        // One array class in the hot loop: a Buffer here and a Uint8Array there would make it polymorphic.
        let chunk = input.constructor === Uint8Array ? input : new Uint8Array(input.buffer, input.byteOffset, input.length);
        if (!this.#started) {
            if (this.#carry + chunk.length < 3 && isBomPrefix(this.#scratch, this.#carry, chunk)) {
                this.#append(chunk);
                return;
            }
            this.#started = true;
            const merged = this.#carry > 0 ? this.#append(chunk) : chunk;
            const total = this.#carry > 0 ? this.#carry : chunk.length;
            this.#carry = 0;
            const from = merged[0] === 0xef && merged[1] === 0xbb && merged[2] === 0xbf ? 3 : 0;
            this.#scan(merged, from, total);
            return;
        }
        if (this.#carry === 0) {
            this.#scan(chunk, 0, chunk.length);
            return;
        }
        // The carried record usually ends at the chunk's first line break: finish it alone, then read
        // the rest of the chunk where it lies instead of copying the whole chunk behind the carry.
        const lf = chunk.indexOf(LF);
        if (lf >= 0 && lf + 1 < chunk.length) {
            const head = this.#append(chunk.subarray(0, lf + 1));
            const size = this.#carry;
            this.#carry = 0;
            this.#scan(head, 0, size);
            if (this.#carry === 0) {
                this.#scan(chunk, lf + 1, chunk.length);
                return;
            }
            chunk = chunk.subarray(lf + 1);
        }
        const total = this.#carry + chunk.length;
        const merged = this.#append(chunk);
        this.#carry = 0;
        this.#scan(merged, 0, total);
    }
    /** Flushes a last record without a line break; an open quote at the end of input is an error. */
    end() {
        if (!this.#started) {
            this.#started = true;
            const bytes = this.#scratch.slice(0, this.#carry);
            this.#carry = 0;
            if (bytes.length > 0)
                this.push(bytes);
        }
        if (this.#carry === 0)
            return;
        const rest = this.#scratch.slice(0, this.#carry);
        this.#carry = 0;
        const done = scanRecords(rest, 0, rest.length, this.#fields, this.#onRecord, this.#keepEmpty, true);
        this.#onChunkEnd?.(rest);
        if (this.#validUtf8 && done > 0 && !(0,external_node_buffer_namespaceObject.isUtf8)(rest.subarray(0, done)))
            this.#validUtf8 = false;
        if (done < rest.length)
            throw new CsvDataError('unterminated quoted field', this.#fields.line);
    }
    #scan(buf, from, to) {
        const done = scanRecords(buf, from, to, this.#fields, this.#onRecord, this.#keepEmpty, false);
        this.#onChunkEnd?.(buf);
        if (this.#validUtf8 && done > from && !(0,external_node_buffer_namespaceObject.isUtf8)(buf.subarray(from, done)))
            this.#validUtf8 = false;
        this.#keep(buf, done, to);
    }
    /** Appends `chunk` after the carried bytes in the scratch buffer and returns the buffer. */
    #append(chunk) {
        const total = this.#carry + chunk.length;
        if (this.#scratch.length < total) {
            const grown = new Uint8Array(Math.max(total, this.#scratch.length * 2));
            grown.set(this.#scratch.subarray(0, this.#carry));
            this.#scratch = grown;
        }
        this.#scratch.set(chunk, this.#carry);
        this.#carry = total;
        return this.#scratch;
    }
    /** Moves the unfinished record buf[from, to) to the front of the scratch buffer. */
    #keep(buf, from, to) {
        const rest = to - from;
        if (rest > this.#maxRecordBytes) {
            throw new CsvDataError(`record longer than ${this.#maxRecordBytes} bytes (unterminated quote?)`, this.#fields.line);
        }
        if (rest > 0) {
            if (this.#scratch.length < rest)
                this.#scratch = new Uint8Array(Math.max(rest * 2, 1 << 16));
            if (buf === this.#scratch)
                this.#scratch.copyWithin(0, from, to);
            else
                this.#scratch.set(buf.subarray(from, to));
        }
        this.#carry = rest;
    }
}
/** True while the bytes seen so far could still be the start of a BOM. */
function isBomPrefix(carried, carry, chunk) {
    const bom = [0xef, 0xbb, 0xbf];
    let k = 0;
    for (let i = 0; i < carry; i++)
        if (carried[i] !== bom[k++])
            return false;
    for (let i = 0; i < chunk.length; i++)
        if (chunk[i] !== bom[k++])
            return false;
    return true;
}
/**
 * Scans complete records of buf[pos, len) and returns the offset where the first unfinished one
 * starts (len when none is). At the end of input (`last`), the end of the buffer ends a record.
 * Kept as one function over locals: this loop is the hot path.
 */
function scanRecords(buf, pos, len, fields, onRecord, keepEmpty, last) {
    let starts = fields.starts;
    let ends = fields.ends;
    let flags = fields.flags;
    let line = fields.line;
    let i = pos;
    while (i < len) {
        const recordStart = i;
        const recordLine = line;
        let f = 0;
        let odd = false;
        let eol = 0;
        for (;;) {
            if (f === starts.length) {
                growFields(fields);
                starts = fields.starts;
                ends = fields.ends;
                flags = fields.flags;
            }
            let flag = FIELD_PLAIN;
            let s = i;
            if (i < len && buf[i] === QUOTE) {
                let j = i + 1;
                flag = FIELD_QUOTED;
                for (;;) {
                    if (j >= len) {
                        fields.line = recordLine;
                        return recordStart;
                    }
                    const d = buf[j];
                    if (d === QUOTE) {
                        if (j + 1 >= len && !last) {
                            fields.line = recordLine;
                            return recordStart;
                        }
                        if (buf[j + 1] !== QUOTE)
                            break;
                        flag = FIELD_ESCAPED;
                        j += 2;
                        continue;
                    }
                    if (d === LF)
                        line++;
                    j++;
                }
                s = i + 1;
                ends[f] = j;
                i = j + 1;
            }
            // Unquoted bytes up to the next comma or line break; after a closing quote there should be none.
            const plainStart = i;
            let c = 0;
            for (;;) {
                // Ordinary bytes (above the comma) need one comparison each.
                while (i < len && buf[i] > COMMA)
                    i++;
                if (i >= len) {
                    if (!last) {
                        fields.line = recordLine;
                        return recordStart;
                    }
                    c = -1;
                    break;
                }
                c = buf[i];
                if (c === COMMA || c === LF)
                    break;
                if (c === CR) {
                    if (i + 1 >= len && !last) {
                        fields.line = recordLine;
                        return recordStart;
                    }
                    if (buf[i + 1] === LF) {
                        eol = 2;
                        break;
                    }
                    flag = FIELD_ODD;
                }
                else if (c === QUOTE) {
                    flag = FIELD_ODD;
                }
                i++;
            }
            if (flag === FIELD_PLAIN) {
                ends[f] = i;
            }
            else if (flag === FIELD_ODD || i > plainStart) {
                // Text after a closing quote: the field is odd, its span everything up to the delimiter.
                if (flag !== FIELD_ODD)
                    s -= 1;
                flag = FIELD_ODD;
                ends[f] = i;
                odd = true;
            }
            starts[f] = s;
            flags[f] = flag;
            f++;
            if (c === -1) {
                fields.end = i;
                break;
            }
            if (c === COMMA) {
                eol = 0;
                i++;
                continue;
            }
            // A line break: LF, or CR LF (eol already 2).
            fields.end = i;
            if (eol === 2)
                i++;
            else
                eol = 1;
            i++;
            line++;
            break;
        }
        if (keepEmpty || f > 1 || flags[0] !== FIELD_PLAIN || ends[0] > starts[0]) {
            fields.count = f;
            fields.line = recordLine;
            fields.start = recordStart;
            fields.eol = eol;
            fields.odd = odd;
            onRecord(buf, fields);
        }
    }
    fields.line = line;
    return i;
}
function growFields(fields) {
    const size = fields.starts.length * 2;
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    const flags = new Uint8Array(size);
    starts.set(fields.starts);
    ends.set(fields.ends);
    flags.set(fields.flags);
    fields.starts = starts;
    fields.ends = ends;
    fields.flags = flags;
}
/** The bytes of field i with doubled quotes undone (a view when there is nothing to undo). */
function fieldBytes(buf, fields, i) {
    const start = fields.starts[i];
    const end = fields.ends[i];
    if (fields.flags[i] !== FIELD_ESCAPED)
        return buf.subarray(start, end);
    const out = new Uint8Array(end - start);
    let n = 0;
    for (let k = start; k < end; k++) {
        out[n++] = buf[k];
        if (buf[k] === QUOTE)
            k++;
    }
    return out.subarray(0, n);
}
const decoder = new TextDecoder();
/** Field i as a string: for headers, error messages and the rare slow path. */
function fieldText(buf, fields, i) {
    return decoder.decode(fieldBytes(buf, fields, i));
}
/** True when JavaScript's trim() would change buf[start, end): an end byte is whitespace or may start/end one. */
function mayNeedTrim(buf, start, end) {
    if (start === end)
        return false;
    const first = buf[start];
    const lastByte = buf[end - 1];
    return first <= 0x20 || first >= 0x80 || lastByte <= 0x20 || lastByte >= 0x80;
}
/** Reads the file at `path` through a CsvReader in big chunks; returns the reader (for `validUtf8`). */
async function readCsvFile(path, onRecord, options = {}) {
    return readCsv(readChunks(path, options), onRecord, options);
}
/** Reads chunks (of a file, an object, any stream) through a CsvReader; returns the reader (for `validUtf8`). */
async function readCsv(chunks, onRecord, options = {}) {
    const reader = new CsvReader(onRecord, options);
    for await (const chunk of chunks)
        reader.push(chunk);
    reader.end();
    return reader;
}

/**
 * The bytes of `path` in chunks of up to READ_CHUNK, read into one buffer that is reused: a chunk
 * is valid until the next one is asked for (a CsvReader copies what it keeps). No allocation per
 * chunk, so a 500 MB file costs no garbage collection.
 */
async function* readChunks(path, options = {}) {
    yield* fileChunks(await (0,promises_namespaceObject.open)(path, 'r'), options.signal);
}
const csvReading = {
    FIELD_ESCAPED,
    CsvReader,
    CsvDataError,
    readFile: readCsvFile,
    readChunks,
    fieldBytes,
    fieldText,
    mayNeedTrim,
};


/***/ }),

/***/ 564:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  cu: () => (/* binding */ loadAsModules)
});

// UNUSED EXPORTS: folderUrl, importTaskModule, moduleFormatFor, moduleFormatHookSource

;// CONCATENATED MODULE: external "node:module"
const external_node_module_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");
;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
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
    const href = (0,external_node_url_namespaceObject.pathToFileURL)(folder).href;
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
    (0,external_node_module_namespaceObject.registerHooks)({
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


/***/ }),

/***/ 810:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(919);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_worker_threads__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _csv_reader_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(106);
/* harmony import */ var _module_format_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(564);
// The worker thread of `readInParts`: imports the task's module, runs its exported
// function over the pieces this thread is posted (the header record first), and posts
// the result back. Its own bundle (dist/parts-worker/), loaded by path, never imported.



const port = node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.parentPort;
if (port === null)
    throw new Error('parts-worker runs as a worker thread');
const setup = node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.workerData;
/** Pieces posted and not yet read, and the reader waiting for the next one. */
const queue = [];
let wake;
port.on('message', (message) => {
    queue.push(message);
    wake?.();
});
/** The posted pieces in order; each is handed back for reuse once the next is asked for. */
async function* pieces() {
    for (;;) {
        let next = queue.shift();
        while (next === undefined) {
            await new Promise((resolve) => (wake = resolve));
            wake = undefined;
            next = queue.shift();
        }
        if (next === 'end')
            return;
        yield next;
        port?.postMessage(next, [next.buffer]);
    }
}
try {
    for (const root of setup.roots)
        (0,_module_format_js__WEBPACK_IMPORTED_MODULE_2__/* .loadAsModules */ .cu)(root);
    const mod = (await import(/* webpackIgnore: true */ setup.module));
    const fn = mod[setup.export];
    if (typeof fn !== 'function')
        throw new Error(`no function ${setup.export}`);
    port.postMessage('ready');
    port.postMessage({ value: await fn(pieces(), _csv_reader_js__WEBPACK_IMPORTED_MODULE_1__/* .csvReading */ .DZ) });
}
catch {
    // The calling thread reads the whole dataset itself, and reports any error the way a plain read does.
    port.postMessage({ failed: true });
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

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
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
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
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(810);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
