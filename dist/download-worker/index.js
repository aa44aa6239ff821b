import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 51:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  _: () => (/* binding */ rowCounterFor)
});

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./src/store/rows.ts
// Rows as manifests count them: for .csv files, records after the header (a
// newline inside quotes does not end a record; blank lines are no records); for
// other files, lines. Counted chunk by chunk, so a writer can count as it writes.

/** The counter for `path`'s kind of file. */
function rowCounterFor(path) {
    return (0,external_node_path_namespaceObject.extname)(path).toLowerCase() === '.csv' ? csvRecordCounter() : lineCounter();
}
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
/**
 * CSV records excluding the header: a newline inside quotes does not end a record; blank lines are no records.
 * This counter sees every byte a run writes, and its input checksums, so it never judges bytes one
 * by one: quotes are found with memchr (Buffer's indexOf), and between them the line feeds are
 * counted four bytes at a time. Only a stretch where a blank line may hide (a line feed followed
 * by another or by a CR) has its lines looked at one by one.
 */
function csvRecordCounter() {
    let records = 0;
    let inQuotes = false;
    /** The current line holds something besides CRs. */
    let hasContent = false;
    /** Counts the lines that end in chunk[from, end), a stretch outside quotes. */
    const lines = (chunk, bytes, from, end) => {
        let lf = bytes.indexOf(LF, from);
        if (lf < 0 || lf >= end) {
            if (!hasContent)
                hasContent = !onlyCrs(chunk, from, end);
            return;
        }
        if (hasContent || !onlyCrs(chunk, from, lf))
            records++;
        const more = lineFeedsAfter(chunk, lf, end);
        if (more >= 0) {
            // Every line after the first starts with a byte that is neither LF nor CR: none is blank.
            records += more;
            const last = more === 0 ? lf : bytes.lastIndexOf(LF, end - 1);
            hasContent = !onlyCrs(chunk, last + 1, end);
            return;
        }
        for (;;) {
            const next = bytes.indexOf(LF, lf + 1);
            if (next < 0 || next >= end) {
                hasContent = !onlyCrs(chunk, lf + 1, end);
                return;
            }
            if (!onlyCrs(chunk, lf + 1, next))
                records++;
            lf = next;
        }
    };
    return {
        add(chunk) {
            const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
            let from = 0;
            for (;;) {
                const quote = bytes.indexOf(QUOTE, from);
                if (inQuotes) {
                    if (quote < 0)
                        return;
                    inQuotes = false;
                }
                else {
                    lines(chunk, bytes, from, quote < 0 ? chunk.length : quote);
                    if (quote < 0)
                        return;
                    hasContent = true;
                    inQuotes = true;
                }
                from = quote + 1;
            }
        },
        total() {
            return Math.max(0, records + (hasContent ? 1 : 0) - 1);
        },
    };
}
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
/**
 * The line feeds in chunk(lf, end), where chunk[lf] is one; -1 as soon as a line feed is followed
 * by another or by a CR (a blank line may start there). Four bytes at a time where they are aligned
 * (on little-endian machines, where the order of bytes in a word is known).
 */
function lineFeedsAfter(chunk, lf, end) {
    let n = 0;
    let afterLf = true;
    let i = lf + 1;
    const offset = chunk.byteOffset;
    while (i < end && (!LITTLE_ENDIAN || ((offset + i) & 3) !== 0)) {
        const c = chunk[i++];
        if (afterLf && (c === LF || c === CR))
            return -1;
        afterLf = c === LF;
        if (afterLf)
            n++;
    }
    const words = (end - i) >> 2;
    if (words > 0) {
        const view = new Int32Array(chunk.buffer, offset + i, words);
        for (let w = 0; w < words; w++) {
            const word = view[w];
            if (afterLf) {
                const first = word & 0xff;
                if (first === LF || first === CR)
                    return -1;
            }
            const lfs = zeroBytes(word ^ 0x0a0a0a0a);
            if (lfs === 0) {
                afterLf = false;
                continue;
            }
            // A line feed followed, inside the word, by a line feed or a CR.
            if (((lfs << 8) & (lfs | zeroBytes(word ^ 0x0d0d0d0d))) !== 0)
                return -1;
            n += Math.imul(lfs >>> 7, 0x01010101) >>> 24;
            afterLf = (lfs & 0x80000000) !== 0;
        }
        i += words << 2;
    }
    while (i < end) {
        const c = chunk[i++];
        if (afterLf && (c === LF || c === CR))
            return -1;
        afterLf = c === LF;
        if (afterLf)
            n++;
    }
    return n;
}
/** 0x80 in each byte of the result whose byte of `x` is zero, nothing elsewhere (exact: no borrow between bytes). */
function zeroBytes(x) {
    return ~(((x & 0x7f7f7f7f) + 0x7f7f7f7f) | x | 0x7f7f7f7f);
}
function onlyCrs(chunk, start, end) {
    for (let i = start; i < end; i++)
        if (chunk[i] !== CR)
            return false;
    return true;
}
/** Lines, counting a last line without its newline. */
function lineCounter() {
    let lines = 0;
    let lastByte;
    return {
        add(chunk) {
            for (let i = chunk.indexOf(LF); i >= 0; i = chunk.indexOf(LF, i + 1))
                lines++;
            if (chunk.length > 0)
                lastByte = chunk[chunk.length - 1];
        },
        total() {
            return lines + (lastByte !== undefined && lastByte !== LF ? 1 : 0);
        },
    };
}


/***/ }),

/***/ 709:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(67);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_http__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__nccwpck_require__.n(node_https__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(919);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__nccwpck_require__.n(node_worker_threads__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _rows_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(51);
/* harmony import */ var _write_all_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(352);
// The worker thread of a big bucket object a run reads (download-aside.ts): GETs it from a
// presigned URL into the run's copy file, hashing and counting it on the way. So its bytes
// never pass the run's main thread, whose heap V8 collected every 15 MB of network buffers
// (a full collection each time: 1.3 s of CPU for a 500 MB input), and its checksum needs no
// second read of the file. Its own bundle (dist/download-worker/).
// Tells its parent, in order: the object's ETag and size, each stretch on disk, the checksum;
// or why it stopped (the parent then reads the rest through the SDK, which names the error).







/** Bytes gathered from the network before one write: the disk gets big writes, the follower big steps. */
const WRITE_BYTES = 1 << 20;
const port = node_worker_threads__WEBPACK_IMPORTED_MODULE_4__.parentPort;
if (port === null)
    throw new Error('download-worker runs as a worker thread');
const job = node_worker_threads__WEBPACK_IMPORTED_MODULE_4__.workerData;
const send = (message) => port.postMessage(message);
try {
    const response = await get(job);
    const etag = response.headers.etag ?? '';
    const size = Number(response.headers['content-length']);
    if (response.statusCode !== 200 || etag === '' || !Number.isSafeInteger(size)) {
        response.resume();
        throw new Error(`GET answered ${response.statusCode}${etag === '' ? ' without an ETag' : ''}`);
    }
    send({ kind: 'response', etag, size });
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    const rows = (0,_rows_js__WEBPACK_IMPORTED_MODULE_5__/* .rowCounterFor */ ._)(job.key);
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(job.file, 'w');
    let bytes = 0;
    try {
        let batch = [];
        let batchBytes = 0;
        const flush = async () => {
            await (0,_write_all_js__WEBPACK_IMPORTED_MODULE_6__/* .writeAll */ .f)(handle, Buffer.concat(batch, batchBytes));
            bytes += batchBytes;
            batch = [];
            batchBytes = 0;
            send({ kind: 'wrote', bytes });
        };
        // Awaiting the disk pauses the response: memory stays flat whatever the object's size.
        for await (const chunk of response) {
            hash.update(chunk);
            rows.add(chunk);
            batch.push(chunk);
            batchBytes += chunk.byteLength;
            if (batchBytes >= WRITE_BYTES)
                await flush();
        }
        await flush();
    }
    finally {
        await handle.close();
    }
    if (bytes !== size)
        throw new Error(`the download ended after ${bytes} of ${size} bytes`);
    send({ kind: 'done', sum: { rows: rows.total(), bytes, sha256: hash.digest('hex') } });
}
catch (error) {
    send({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
}
function get({ url, timeoutMs }) {
    return new Promise((resolve, reject) => {
        const request = (url.startsWith('https:') ? node_https__WEBPACK_IMPORTED_MODULE_3__.request : node_http__WEBPACK_IMPORTED_MODULE_2__.request)(url, { timeout: timeoutMs }, resolve);
        request.on('timeout', () => request.destroy(new Error(`no answer for ${timeoutMs / 1000} s`)));
        request.on('error', reject);
        request.end();
    });
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 352:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ writeAll)
/* harmony export */ });
/** Writes every byte of `bytes` at the file's current position. */
async function writeAll(handle, bytes) {
    for (let at = 0; at < bytes.byteLength;)
        at += (await handle.write(bytes, at, bytes.byteLength - at)).bytesWritten;
}


/***/ }),

/***/ 598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 67:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

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
/******/ var __webpack_exports__ = __nccwpck_require__(709);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
