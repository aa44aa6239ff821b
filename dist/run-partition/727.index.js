export const id = 727;
export const ids = [727];
export const modules = {

/***/ 22727:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  openS3Store: () => (/* binding */ openS3Store)
});

// UNUSED EXPORTS: S3ObjectStore

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var dist_cjs = __webpack_require__(53711);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/lib-storage/dist-cjs/index.js
var lib_storage_dist_cjs = __webpack_require__(22358);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/store/checksum-aside.ts
var checksum_aside = __webpack_require__(63735);
// EXTERNAL MODULE: ./src/store/file-chunks.ts
var file_chunks = __webpack_require__(58962);
// EXTERNAL MODULE: ./src/store/object-store.ts
var object_store = __webpack_require__(73266);
// EXTERNAL MODULE: ./src/store/write-all.ts
var write_all = __webpack_require__(9352);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/s3-request-presigner/dist-cjs/index.js
var s3_request_presigner_dist_cjs = __webpack_require__(18505);
// EXTERNAL MODULE: ./src/worker-file.ts
var worker_file = __webpack_require__(55076);
;// CONCATENATED MODULE: ./src/store/s3/url.ts
// `s3://bucket/prefix` data roots and the S3 client they need. Endpoint, region
// and credentials come from the standard AWS chain, so one pipeline runs against
// AWS S3, R2, OSS, GCS's XML API, MinIO or versitygw by environment alone:
// AWS_ENDPOINT_URL_S3 (then AWS_ENDPOINT_URL), AWS_REGION (then
// AWS_DEFAULT_REGION, then the profile), credentials from the SDK's default
// provider (env keys, AWS_PROFILE, web identity/OIDC, SSO, instance roles).
// Gateways on an IP address or localhost get path-style addressing by
// themselves; AWS_S3_FORCE_PATH_STYLE=true forces it for any endpoint.

const SCHEME = 's3://';
// The rules every provider shares (AWS, R2, OSS; GCS also allows underscores).
const BUCKET = /^[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]$/;
const BUCKET_RULE = '3 to 63 lowercase letters, digits, dots, hyphens or underscores, starting and ending with a letter or digit';
function isS3Url(text) {
    return text.startsWith(SCHEME);
}
/** Parses `s3://bucket[/prefix]`; anything else is one UsageError line naming the URL and the rule it breaks. */
function parseS3Url(text) {
    const refuse = (why) => new errors/* UsageError */.eb(`data root ${JSON.stringify(text)} ${why}`);
    if (!isS3Url(text))
        throw refuse(`is not an s3:// URL (expected s3://bucket/prefix)`);
    if (/[?#\s\\]/.test(text))
        throw refuse('contains ?, #, a backslash or whitespace: give s3://bucket/prefix only');
    const rest = text.slice(SCHEME.length);
    const slash = rest.indexOf('/');
    const bucket = slash < 0 ? rest : rest.slice(0, slash);
    if (bucket === '')
        throw refuse('has no bucket (expected s3://bucket/prefix)');
    if (!BUCKET.test(bucket) || bucket.includes('..'))
        throw refuse(`names bucket '${bucket}', which is not a bucket name (${BUCKET_RULE})`);
    const prefix = slash < 0 ? '' : rest.slice(slash + 1).replace(/\/$/, '');
    if (prefix !== '') {
        const bad = prefix.split('/').find((segment) => segment === '' || segment === '.' || segment === '..');
        if (bad !== undefined)
            throw refuse(`has an ${bad === '' ? 'empty' : `'${bad}'`} segment in its prefix: write s3://bucket/a/b`);
    }
    return { bucket, prefix, url: prefix ? `${SCHEME}${bucket}/${prefix}` : `${SCHEME}${bucket}` };
}
const ENDPOINT_VARIABLES = ['AWS_ENDPOINT_URL_S3', 'AWS_ENDPOINT_URL'];
/** What the environment says about the S3 endpoint, checked so a typo fails with one line. */
function s3Settings(env = process.env) {
    const variable = ENDPOINT_VARIABLES.find((name) => nonEmpty(env[name]) !== undefined);
    const endpoint = variable && nonEmpty(env[variable]);
    let host;
    if (variable && endpoint) {
        let url;
        try {
            url = new URL(endpoint);
        }
        catch {
            url = undefined;
        }
        if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:'))
            throw new errors/* UsageError */.eb(`${variable}=${endpoint} is not an http(s) URL: give the endpoint, e.g. https://<account>.r2.cloudflarestorage.com`);
        host = url.hostname;
    }
    const region = nonEmpty(env.AWS_REGION) ?? nonEmpty(env.AWS_DEFAULT_REGION);
    return { endpoint, region, forcePathStyle: pathStyle(env.AWS_S3_FORCE_PATH_STYLE, host) };
}
function pathStyle(setting, host) {
    const value = nonEmpty(setting)?.toLowerCase();
    if (value === 'true' || value === '1')
        return true;
    if (value === 'false' || value === '0')
        return false;
    if (value !== undefined)
        throw new errors/* UsageError */.eb(`AWS_S3_FORCE_PATH_STYLE=${setting} must be true or false`);
    // A bucket cannot be a subdomain of an IP address or of localhost.
    return host !== undefined && isLocalOrIp(host);
}
/** An IPv4 or IPv6 literal, or localhost: no virtual-hosted bucket names there. */
function isLocalOrIp(host) {
    const bare = host.replace(/^\[|\]$/g, '');
    return (bare === 'localhost' || bare.endsWith('.localhost') || /^\d{1,3}(\.\d{1,3}){3}$/.test(bare) || bare.includes(':'));
}
/** Connection setup stays short; a stalled transfer fails after this much silence (then retried). */
const CONNECTION_TIMEOUT_MS = 10_000;
const SOCKET_TIMEOUT_MS = 60_000;
/**
 * The S3 client configuration for this environment. Credentials are left to the
 * SDK's default provider chain. A non-AWS endpoint gets request checksums only
 * where S3 requires them (AWS_REQUEST_CHECKSUM_CALCULATION overrides), because
 * several S3-compatible services reject the SDK's default CRC32 trailers.
 */
function s3ClientConfig(env = process.env) {
    const { endpoint, region, forcePathStyle } = s3Settings(env);
    const compatible = endpoint !== undefined && !/\.amazonaws\.com(\.cn)?$/.test(new URL(endpoint).hostname);
    return {
        ...(endpoint !== undefined && { endpoint }),
        ...(region !== undefined && { region }),
        forcePathStyle,
        ...(compatible &&
            env.AWS_REQUEST_CHECKSUM_CALCULATION === undefined && { requestChecksumCalculation: 'WHEN_REQUIRED' }),
        ...(compatible &&
            env.AWS_RESPONSE_CHECKSUM_VALIDATION === undefined && { responseChecksumValidation: 'WHEN_REQUIRED' }),
        requestHandler: { connectionTimeout: CONNECTION_TIMEOUT_MS, requestTimeout: SOCKET_TIMEOUT_MS },
        // Without a logger the SDK writes some warnings (a failed streamed upload) to the console; the error we
        // report is the one line.
        logger: SILENT,
    };
}
const quiet = () => { };
const SILENT = { trace: quiet, debug: quiet, info: quiet, warn: quiet, error: quiet };
function nonEmpty(value) {
    return value === undefined || value.trim() === '' ? undefined : value.trim();
}

;// CONCATENATED MODULE: ./src/store/s3/download-aside.ts
// A big object a run reads, downloaded into the run's copy by a worker thread
// (download-worker.ts) that hashes it on the way: the run's tasks follow the copy as it
// grows, and its checksum comes with the last byte. The GET is presigned here, with the
// client's own credentials and endpoint, so the worker needs no SDK.





/** Long enough for any transfer to start; S3 checks a presigned URL's expiry when a request begins. */
const URL_EXPIRES_SECONDS = 15 * 60;
/**
 * Downloads the object into a new copy file of the run on a worker thread; resolves to its
 * checksum once the copy is whole, or undefined when it could not be made (the download, if
 * it began, is then stopped: its followers read the rest from the bucket).
 */
async function downloadAside(job) {
    const { copies, key } = job;
    let url;
    let file;
    try {
        file = copies.newFile();
        url = await (0,s3_request_presigner_dist_cjs/* getSignedUrl */.A)(job.client, new dist_cjs.GetObjectCommand({ Bucket: job.Bucket, Key: job.Key }), {
            expiresIn: URL_EXPIRES_SECONDS,
        });
    }
    catch {
        job.started(undefined);
        return undefined;
    }
    const data = { url, file, key, timeoutMs: SOCKET_TIMEOUT_MS };
    const worker = (0,worker_file/* startWorker */.D)((0,worker_file/* workerFile */.T)('store/s3/download-worker.ts', 'download-worker'), { workerData: data });
    return new Promise((resolve) => {
        let download;
        let onDisk = 0;
        let settled = false;
        const end = (sum, reason) => {
            if (settled)
                return;
            settled = true;
            job.signal?.removeEventListener('abort', abort);
            if (download === undefined)
                job.started(undefined);
            if (sum && download)
                download.finish();
            else {
                download?.stop(new Error(reason ?? 'the download stopped'));
                void (0,promises_.rm)(file, { force: true });
            }
            void worker.terminate();
            resolve(sum);
        };
        const abort = () => end(undefined, 'the read was aborted');
        job.signal?.addEventListener('abort', abort, { once: true });
        worker.on('message', (message) => {
            if (settled)
                return;
            if (message.kind === 'response') {
                download = copies.startDownload(key, file, message.etag, message.size);
                job.started(download);
            }
            else if (message.kind === 'wrote') {
                download?.wrote(message.bytes - onDisk);
                onDisk = message.bytes;
            }
            else if (message.kind === 'done')
                end(message.sum);
            else
                end(undefined, message.message);
        });
        worker.once('error', (error) => end(undefined, error.message));
        worker.once('exit', () => end(undefined, 'the download worker stopped'));
    });
}

// EXTERNAL MODULE: ./src/store/s3/errors.ts
var s3_errors = __webpack_require__(84829);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/store/pid.ts
var store_pid = __webpack_require__(47160);
;// CONCATENATED MODULE: ./src/store/s3/run-copies.ts
// A run's local copies of bucket objects, in a private temp folder of this runner.
// What a run writes streams to disk first (then goes up in one request, while the
// run goes on), and what it reads from the bucket is kept as it streams by, so the
// run's later tasks read a 500 MB bronze from disk instead of GETting it back over
// the network. The bucket stays the truth: a copy is served only while the bucket
// still holds the object with the ETag and size the copy was made from (the caller
// HEADs it), or while this process is still sending it. A copy still downloading can
// be followed by a second reader (`download`), so the run's input checksum and its
// first task share one GET. The folder goes when the run ends; one left by a killed
// process is removed by the next run on this machine.





const FOLDER_PREFIX = 'pipewright-copies-';
/** A copy being downloaded: followed by other readers of the key until it is whole (file-chunks.ts). */
class Download {
    status = 'growing';
    waiting = [];
    onDisk = 0;
    /** Resolves true once the copy is whole and kept, false if it stopped. */
    whole;
    settle = () => { };
    file;
    etag;
    size;
    onEnd;
    constructor(file, etag, size, onEnd) {
        this.file = file;
        this.etag = etag;
        this.size = size;
        this.onEnd = onEnd;
        this.whole = new Promise((resolve) => {
            this.settle = resolve;
        });
    }
    state() {
        return this.status;
    }
    reached(bytes) {
        if (this.status !== 'growing' || this.onDisk >= bytes)
            return Promise.resolve();
        return new Promise((wake) => this.waiting.push({ bytes, wake }));
    }
    /** `bytes` more are on disk. */
    wrote(bytes) {
        this.onDisk += bytes;
        this.wakeUp();
    }
    wakeUp() {
        const ended = this.status !== 'growing';
        const waiting = this.waiting;
        this.waiting = [];
        for (const waiter of waiting) {
            if (ended || this.onDisk >= waiter.bytes)
                waiter.wake();
            else
                this.waiting.push(waiter);
        }
    }
    finish() {
        this.end('whole');
    }
    stop(reason) {
        this.end({ stopped: reason });
    }
    end(status) {
        if (this.status !== 'growing')
            return;
        this.status = status;
        this.onEnd(status === 'whole');
        this.settle(status === 'whole');
        this.wakeUp();
    }
}
class RunCopies {
    folder;
    copies = new Map();
    downloads = new Map();
    /** GETs that will become downloads once the server answers. */
    starting = new Map();
    sending = new Map();
    next = 0;
    closed = false;
    parent;
    /** `parent`: where the run's folder is made (default: the system temp folder). */
    constructor(parent = (0,external_node_os_.tmpdir)()) {
        this.parent = parent;
    }
    /** The run's folder, made on first use (after removing those of dead processes). */
    get dir() {
        return this.folder;
    }
    /** False once the run ended: nothing more is kept. */
    get active() {
        return !this.closed;
    }
    /** A new file name in the run's folder, for a copy being made. */
    newFile() {
        if (this.closed)
            throw new Error('the run has ended: its local copies are gone');
        if (this.folder === undefined) {
            removeAbandoned(this.parent);
            this.folder = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(this.parent, `${FOLDER_PREFIX}${process.pid}-`));
        }
        return (0,external_node_path_.join)(this.folder, String(++this.next));
    }
    /** Records `file` as the copy of `key` as the bucket holds it now (`etag`, `size`). */
    keep(key, file, etag, size) {
        if (this.closed || etag === '') {
            void (0,promises_.rm)(file, { force: true });
            return;
        }
        const old = this.copies.get(key);
        if (old && old.file !== file)
            void (0,promises_.rm)(old.file, { force: true });
        this.copies.set(key, { file, etag, size });
    }
    /**
     * Records `file` as what this process is sending to `key` (`upload` resolves to
     * the ETag). Until it is there, the run reads the file as it is; a failed upload
     * leaves no copy and is the error of the next call that waits for the key.
     */
    sendBehind(key, file, size, upload) {
        const entry = { file, done: Promise.resolve(), failed: false };
        entry.done = upload.then((etag) => {
            if (this.sending.get(key) === entry)
                this.sending.delete(key);
            this.keep(key, file, etag ?? '', size);
        }, (error) => {
            entry.failed = true; // kept, so every later wait for the key gets the reason
            void (0,promises_.rm)(file, { force: true });
            throw error;
        });
        entry.done.catch(() => { }); // observed by `arrived`
        this.sending.set(key, entry);
    }
    /** The file of `key` while this process is still sending it. */
    sendingFile(key) {
        const entry = this.sending.get(key);
        return entry && !entry.failed ? entry.file : undefined;
    }
    /** Waits until what this process sends to `key` is in the bucket; its failure is thrown here. */
    async arrived(key) {
        await this.sending.get(key)?.done;
    }
    /** Waits for everything this process is sending (failures are left to `arrived`). */
    async allArrived() {
        await Promise.all([...this.sending.values()].map((s) => s.done.catch(() => { })));
    }
    /**
     * Records that `file` is being downloaded from `key` (the object `etag`, `size` bytes).
     * The caller reports its progress on the Download; once finished it is kept as the copy.
     */
    startDownload(key, file, etag, size) {
        const download = new Download(file, etag, size, (whole) => {
            if (this.downloads.get(key) === download)
                this.downloads.delete(key);
            if (whole)
                this.keep(key, file, etag, size);
        });
        this.downloads.set(key, download);
        return download;
    }
    /**
     * The download of `key` under way (or being started by another reader), or else the
     * right to start it: the claimant then calls `start` with its download (undefined
     * when it made none). Checked and claimed at once, so a key is fetched once at a time.
     */
    claimDownload(key) {
        const download = this.downloads.get(key);
        if (download?.state() === 'growing')
            return { underWay: Promise.resolve(download) };
        const starting = this.starting.get(key);
        if (starting)
            return { underWay: starting };
        let settle = () => { };
        const promise = new Promise((resolve) => {
            settle = resolve;
        });
        this.starting.set(key, promise);
        return {
            start: (started) => {
                if (this.starting.get(key) === promise)
                    this.starting.delete(key);
                settle(started);
            },
        };
    }
    /** True when there is a copy of `key` to ask the bucket about. */
    has(key) {
        return this.copies.has(key);
    }
    /**
     * The copy's file when the bucket's object (`current`, from a HEAD) is the one it
     * was made from and the file still has all its bytes; otherwise the copy is dropped.
     */
    async match(key, current) {
        const copy = this.copies.get(key);
        if (!copy)
            return undefined;
        const size = await (0,promises_.stat)(copy.file).then((s) => s.size, () => -1);
        if (current && current.etag === copy.etag && current.size === copy.size && size === copy.size)
            return copy.file;
        this.drop(key);
        return undefined;
    }
    /** Forgets the copy of `key` (its object was deleted or replaced), and a failed send to it. */
    drop(key) {
        if (this.sending.get(key)?.failed)
            this.sending.delete(key);
        const copy = this.copies.get(key);
        if (!copy)
            return;
        this.copies.delete(key);
        void (0,promises_.rm)(copy.file, { force: true });
    }
    /** Waits for what is still being sent, then removes the folder with every copy; nothing is kept after. */
    async close() {
        await this.allArrived();
        this.closed = true;
        this.copies.clear();
        if (this.folder !== undefined)
            await (0,promises_.rm)(this.folder, { recursive: true, force: true });
    }
}
/** Folders left by runs that were killed (their process is gone). */
function removeAbandoned(parent) {
    let names;
    try {
        names = (0,external_node_fs_.readdirSync)(parent);
    }
    catch {
        return;
    }
    for (const name of names) {
        if (!name.startsWith(FOLDER_PREFIX))
            continue;
        const pid = Number(name.slice(FOLDER_PREFIX.length).split('-')[0]);
        if (pid !== process.pid && !(0,store_pid/* isProcessAlive */.j)(pid))
            (0,external_node_fs_.rmSync)((0,external_node_path_.join)(parent, name), { recursive: true, force: true });
    }
}

// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(58500);
;// CONCATENATED MODULE: ./src/store/s3/send-file.ts
// Sending a local file or a part buffer: the request is signed with the SHA-256 of
// its bytes when one is given (else UNSIGNED-PAYLOAD, where a CRC32 the server checks
// guards them), so the server refuses bytes that changed on the way, and a connection
// lost or a busy server is tried again with a fresh body (the SDK cannot resend a stream).



/** Tries of one request whose body is read from a local file. */
const ATTEMPTS = 3;
/** What a request is signed with when its body is not hashed (S3 then checks a CRC32 it is sent). */
const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
/**
 * Sends the command made by `command` (anew for each try: a try uses up its body stream),
 * signed with `sha256`: the body's hex SHA-256, or UNSIGNED_PAYLOAD.
 */
async function sendWithPayloadSha256(client, command, sha256, signal) {
    for (let attempt = 1;; attempt++) {
        try {
            const made = command();
            const options = { abortSignal: signal };
            if (made instanceof dist_cjs.PutObjectCommand) {
                if (sha256 !== undefined)
                    made.middlewareStack.add(signedWith(sha256), SIGNED);
                return await client.send(made, options);
            }
            if (sha256 !== undefined)
                made.middlewareStack.add(signedWith(sha256), SIGNED);
            return await client.send(made, options);
        }
        catch (error) {
            const kind = (0,s3_errors/* classifyS3Error */.R)(error).kind;
            const passing = kind === 'unreachable' || kind === 'server' || kind === 'throttled';
            if (!passing || attempt >= ATTEMPTS || signal?.aborted)
                throw error;
            await (0,external_node_timers_promises_.setTimeout)(250 * 2 ** attempt, undefined, { signal });
        }
    }
}
const SIGNED = { step: 'build', name: 'pipewrightPayloadSha256' };
/** Sets the payload hash the request is signed with (the signing step reads this header). */
function signedWith(sha256) {
    return (next) => (args) => {
        const request = args.request;
        if (request.headers)
            request.headers['x-amz-content-sha256'] = sha256;
        return next(args);
    };
}
/** A CRC32 as S3 headers carry it: the 4 bytes big-endian, in base64. */
function crc32Base64(value) {
    const bytes = Buffer.alloc(4);
    bytes.writeUInt32BE(value >>> 0);
    return bytes.toString('base64');
}

;// CONCATENATED MODULE: ./src/store/s3/spooled-parts.ts
// A large write of a run goes up while it is still being written. Its bytes are
// spooled to the run's copy file; each part, once all its bytes are on disk, is
// sent as an UploadPart of one multipart upload with its CRC32 where the server
// checks one, else signed with its own SHA-256 (the writer's hash is of the whole
// object: a part would be hashed twice). When the body ends, only the last
// part and CompleteMultipartUpload are left (an S3 server joins parts without
// hashing them again), so the copies and the publish that wait for the object
// start about when the task ends instead of a whole upload later. A body that
// fails, or a part that cannot be sent, aborts the upload: nothing appears at the key.
// A part goes up from memory: from part 2 on, its bytes are copied into a buffer as
// they are written, while one of a few buffers is free; else it is read back from the
// file into one. Buffers are reused, part after part: a stream of the file would
// allocate a buffer per read, and 500 MB of them made V8 collect the run's whole heap
// every few megabytes.





class SpooledParts {
    target;
    /** Bytes seen so far, and the part they are filling. */
    seen = 0;
    partStart = 0;
    partHash;
    partCrc = 0;
    sealed = [];
    done = [];
    uploadId;
    /** The last part of each lane: `lanes` parts go up at once, each lane one after another. */
    lanes;
    /** Part buffers not in use, and how many were made: at most one per lane and one being filled. */
    free = [];
    made = 0;
    /** The buffer the part being filled is copied into, if one was free when it began. */
    filling;
    /** A lane's own buffer, for a part read back from the file while every pooled one is in use. */
    laneBuffers = [];
    onDisk = 0;
    failure;
    constructor(target) {
        this.target = target;
        this.partHash = this.newHash();
        this.lanes = Array.from({ length: Math.max(1, target.queueSize) }, () => Promise.resolve());
    }
    /** True once a part was full: the object goes up as a multipart upload. */
    get started() {
        return this.uploadId !== undefined;
    }
    /** The next bytes of the body, in order. */
    add(chunk) {
        const { partSize } = this.target;
        let at = 0;
        while (at < chunk.length) {
            const take = Math.min(chunk.length - at, this.partStart + partSize - this.seen);
            const piece = chunk.subarray(at, at + take);
            this.filling?.set(piece, this.seen - this.partStart);
            this.partHash?.update(piece);
            this.partCrc = (0,external_node_zlib_.crc32)(piece, this.partCrc);
            this.seen += take;
            at += take;
            if (this.seen - this.partStart === partSize)
                this.seal();
        }
    }
    /** `bytes` of the body are on disk: the parts they complete can go. */
    written(bytes) {
        this.onDisk = bytes;
        this.sendReady();
    }
    /** The body ended and is all on disk: sends the last part and completes the upload; resolves to the ETag. */
    async finish() {
        if (this.seen > this.partStart)
            this.seal();
        this.onDisk = this.seen;
        this.sendReady();
        try {
            const parts = await Promise.all(this.done);
            if (this.failure)
                throw this.failure.error;
            const output = await this.target.client.send(new dist_cjs.CompleteMultipartUploadCommand({
                Bucket: this.target.Bucket,
                Key: this.target.Key,
                UploadId: await this.uploadId,
                MultipartUpload: { Parts: parts },
            }));
            return output.ETag;
        }
        catch (error) {
            await this.abort();
            throw error;
        }
    }
    /** Stops sending and drops what was sent (the body failed, or the upload did). */
    async abort() {
        this.failure ??= { error: new Error('the write was aborted') };
        if (this.uploadId === undefined)
            return;
        await Promise.all(this.lanes);
        const UploadId = await this.uploadId.catch(() => undefined);
        if (UploadId === undefined)
            return;
        await this.target.client
            .send(new dist_cjs.AbortMultipartUploadCommand({ Bucket: this.target.Bucket, Key: this.target.Key, UploadId }))
            .catch(() => undefined);
    }
    seal() {
        this.sealed.push({
            PartNumber: this.sealed.length + this.done.length + 1,
            start: this.partStart,
            end: this.seen,
            sha256: this.partHash?.digest('hex'),
            crc32: this.partCrc,
            memory: this.filling,
        });
        // The first part is read back: a body may end within it and go up as one PutObject.
        this.filling = this.takeBuffer();
        this.partStart = this.seen;
        this.partHash = this.newHash();
        this.partCrc = 0;
    }
    /** Parts are hashed only where no CRC32 is checked: else the SDK sends them as an unsigned payload. */
    newHash() {
        return this.target.crc32 ? undefined : (0,external_node_crypto_.createHash)('sha256');
    }
    sendReady() {
        while (this.sealed.length > 0 && this.sealed[0].end <= this.onDisk && !this.failure) {
            const part = this.sealed.shift();
            this.uploadId ??= this.create();
            const lane = part.PartNumber % this.lanes.length;
            const sent = this.lanes[lane].then(() => this.sendPart(part, lane));
            this.lanes[lane] = sent.catch(() => { });
            sent.catch((error) => {
                this.failure ??= { error };
            });
            this.done.push(sent);
        }
    }
    async create() {
        const { client, Bucket, Key, Metadata, ContentType } = this.target;
        const output = await client.send(new dist_cjs.CreateMultipartUploadCommand({
            Bucket,
            Key,
            Metadata,
            ContentType,
            // A whole-object CRC32, as a single PutObject has, which copies keep as it is.
            ...(this.target.crc32 ? { ChecksumAlgorithm: 'CRC32', ChecksumType: 'FULL_OBJECT' } : {}),
        }));
        return output.UploadId;
    }
    async sendPart(part, lane) {
        try {
            if (this.failure)
                throw this.failure.error;
            const UploadId = await this.uploadId;
            const { client, Bucket, Key } = this.target;
            const checksum = this.target.crc32 ? { ChecksumCRC32: crc32Base64(part.crc32) } : {};
            const length = part.end - part.start;
            const body = part.memory ? part.memory.subarray(0, length) : await this.readPart(part, lane);
            const output = await sendWithPayloadSha256(client, () => new dist_cjs.UploadPartCommand({
                Bucket,
                Key,
                UploadId,
                PartNumber: part.PartNumber,
                Body: body,
                ContentLength: length,
                ...checksum,
            }), 
            // A body in memory would be hashed by the SDK to sign it: the CRC32 the server checks guards it instead.
            part.sha256 ?? UNSIGNED_PAYLOAD);
            return { ETag: output.ETag, PartNumber: part.PartNumber, ...checksum };
        }
        finally {
            // Its request has ended: the buffer can take another part.
            if (part.memory)
                this.free.push(part.memory);
            part.memory = undefined;
        }
    }
    /** A pooled buffer, if one is free or may still be made. */
    takeBuffer() {
        const buffer = this.free.pop();
        if (buffer !== undefined || this.made > this.lanes.length)
            return buffer;
        this.made++;
        return Buffer.allocUnsafeSlow(this.target.partSize);
    }
    /** The part's bytes, read back from the spool file into a pooled buffer or else the lane's own. */
    async readPart(part, lane) {
        const length = part.end - part.start;
        let buffer = this.takeBuffer();
        if (buffer !== undefined)
            part.memory = buffer; // given back with the part's (sendPart)
        else {
            buffer = this.laneBuffers[lane] ?? Buffer.allocUnsafeSlow(this.target.partSize);
            this.laneBuffers[lane] = buffer;
        }
        const handle = await (0,promises_.open)(this.target.file, 'r');
        try {
            for (let at = 0; at < length;) {
                const { bytesRead } = await handle.read(buffer, at, length - at, part.start + at);
                if (bytesRead === 0)
                    throw new Error(`${this.target.file} ended before part ${part.PartNumber}`);
                at += bytesRead;
            }
        }
        finally {
            await handle.close();
        }
        return buffer.subarray(0, length);
    }
}

;// CONCATENATED MODULE: ./src/store/s3/bucket-store.ts
// A data root in an S3-compatible bucket: `s3://bucket/prefix`, keys under the
// prefix. Bytes stream both ways (GetObject's body is handed on as it arrives;
// streamed bodies go up in parts through lib-storage's Upload), so memory stays
// flat in the object's size. Conditional writes map to If-None-Match/If-Match and
// a lost race is a PreconditionFailedError; every other SDK error is one line
// (errors.ts). Publishing copies server-side: no data flows through the runner.
// A run's view of the store (`withRunCopies`) keeps local copies (run-copies.ts):
// a streamed write is spooled to disk and sent while the run goes on, in one
// PutObject, or when large in parts while it is still being written
// (spooled-parts.ts), and a later read of an object the bucket still holds
// unchanged comes from the copy.


















const GIB = 1024 ** 3;
const MIB = 1024 ** 2;
/** Bytes a local copy being written may hold in memory: queued chunks go to disk together. */
const SPOOL_BUFFER = 4 * MIB;
/**
 * The bucket store for `s3://bucket/prefix`, configured from this process's
 * environment (url.ts); one UsageError line for a bad URL or setting.
 */
function openS3Store(url, options = {}) {
    const location = parseS3Url(url);
    const { endpoint, region } = s3Settings(process.env);
    return new S3ObjectStore(location, new dist_cjs.S3Client(s3ClientConfig(process.env)), { ...options, endpoint, region });
}
class S3ObjectStore {
    kind = 's3';
    url;
    bucket;
    prefix;
    /** The endpoint from the environment; undefined for AWS S3's own. */
    endpoint;
    region;
    client;
    partSize;
    queueSize;
    multipartCopyAbove;
    copyPartSize;
    prepareCopyAbove;
    spoolPartSize;
    singlePutMax;
    copies;
    checksumAsideFrom;
    location;
    options;
    /** `endpoint` and `region` only name the client's settings in messages. */
    constructor(location, client, options = {}) {
        this.location = location;
        this.options = options;
        this.url = location.url;
        this.bucket = location.bucket;
        this.prefix = location.prefix;
        this.client = client;
        this.endpoint = options.endpoint;
        this.region = options.region;
        this.partSize = options.partSize ?? 8 * MIB;
        this.queueSize = options.queueSize ?? 4;
        this.multipartCopyAbove = options.multipartCopyAbove ?? 5 * GIB;
        this.copyPartSize = options.copyPartSize ?? 512 * MIB;
        this.prepareCopyAbove = options.prepareCopyAbove ?? 16 * MIB;
        this.spoolPartSize = Math.max(5 * MIB, options.spoolPartSize ?? 16 * MIB);
        this.singlePutMax = options.singlePutMax ?? 5 * GIB;
        this.copies = options.runCopies;
        this.checksumAsideFrom = options.checksumAsideFrom ?? checksum_aside/* ASIDE_FROM_BYTES */.E;
    }
    /**
     * This store as one run uses it: with local copies of what the run writes and
     * reads, in a folder of `parent` (default: the system temp folder) that `close`
     * removes. Same client, same bucket. An unconditional streamed write returns once
     * its body is on disk and is sent behind; every other call of this view about
     * that key (and every list) waits until it is in the bucket, and a send that
     * failed is their error, so the run sees its writes as complete and in order.
     */
    withRunCopies(parent) {
        const copies = new RunCopies(parent);
        const store = new S3ObjectStore(this.location, this.client, { ...this.options, runCopies: copies });
        return { store, close: () => copies.close() };
    }
    /** The full S3 key of a store key (the prefix, then the key). */
    objectKey(key) {
        assertKey(key, this.url);
        return this.prefix ? `${this.prefix}/${key}` : key;
    }
    describe(key) {
        return key === '' ? this.url : `s3://${this.bucket}/${this.objectKey(key)}`;
    }
    /** Error context for messages about `key` (the bucket itself when undefined). */
    context(key) {
        const where = key === undefined ? `s3://${this.bucket}` : this.describe(key);
        return { where, key, bucket: this.bucket, endpoint: this.endpoint, region: this.region };
    }
    async head(key) {
        await this.copies?.arrived(key);
        const output = await this.headObject(key);
        return output && this.info(key, output);
    }
    /** The run's local copy of `key` that may be read instead of the object (run-copies.ts), if any. */
    async localCopy(key) {
        const sending = this.copies?.sendingFile(key);
        if (sending !== undefined || !this.copies?.has(key))
            return sending;
        const head = await this.headObject(key);
        return this.copies.match(key, head && { etag: head.ETag ?? '', size: head.ContentLength ?? -1 });
    }
    /**
     * Where this read of `key` gets its bytes: the run's copy; a download of the run
     * under way, while the bucket still holds the object it downloads; else a GET, which
     * in a run becomes that download (one per key at a time: others follow it).
     */
    async source(key, options) {
        const local = await this.localCopy(key);
        if (local !== undefined)
            return { file: local };
        const claim = this.copies?.active ? this.copies.claimDownload(key) : undefined;
        if (claim && 'underWay' in claim) {
            const download = await claim.underWay;
            if (download && (await this.headObject(key))?.ETag === download.etag)
                return { download };
            return { body: await this.get(key, options) }; // another object now: read, not kept
        }
        if (!claim || !this.copies)
            return { body: await this.get(key, options) };
        const copies = this.copies;
        let started;
        try {
            const body = await this.get(key, options, (etag, size) => {
                const copy = keepingCopy(copies, key, etag, size);
                started = copy.download;
                return copy.transform;
            });
            return { body, download: started };
        }
        finally {
            claim.start(started);
        }
    }
    /**
     * A GetObject of `key` (`range`: from a byte on, of one object by its ETag), its body
     * handed on through `keep(etag, size)` when given (and the server says both).
     */
    async get(key, options, keep, range) {
        try {
            const output = await this.client.send(new dist_cjs.GetObjectCommand({
                Bucket: this.bucket,
                Key: this.objectKey(key),
                ...(range && { Range: `bytes=${range.start}-`, IfMatch: range.etag }),
            }), { abortSignal: options.signal });
            if (!(output.Body instanceof external_node_stream_.Readable))
                throw new Error(`${this.describe(key)}: GetObject gave no stream`);
            const { ETag: etag, ContentLength: size } = output;
            return this.guard(output.Body, key, keep && etag && size !== undefined ? keep(etag, size) : new external_node_stream_.PassThrough());
        }
        catch (error) {
            throw this.readError(error, key);
        }
    }
    /**
     * The object's bytes from a download under way, in reused buffers: as they reach the
     * disk, and if the download stops, the rest from the bucket (the same object, by ETag).
     */
    async *follow(key, download, options) {
        let position = 0;
        try {
            const handle = await (0,promises_.open)(download.file, 'r').catch(() => undefined); // removed: it stopped already
            if (handle !== undefined) {
                for await (const chunk of (0,file_chunks/* fileChunks */.T9)(handle, options.signal, download)) {
                    position += chunk.byteLength;
                    yield chunk;
                }
                return;
            }
        }
        catch (error) {
            if (!(error instanceof file_chunks/* FileGrowthStopped */.py))
                throw error;
        }
        // The same object only (If-Match: 412 when it was replaced meanwhile).
        if (position < download.size)
            yield* await this.get(key, options, undefined, { start: position, etag: download.etag });
    }
    /**
     * The checksum of a big object a run reads, taken off the main thread. Unless the run
     * has a copy of it or one is under way, a worker thread downloads the copy and hashes
     * it on the way (download-aside.ts), and the tasks follow the copy as it grows: the bytes
     * cross the network once and never pass the main thread. A copy already there is hashed
     * by a worker thread (checksum-aside.ts). Undefined outside a run, for an object below
     * `checksumAsideFrom`, or when no copy could be made (the caller then reads the object).
     */
    async checksum(key, options = {}) {
        if (!this.copies?.active)
            return undefined;
        const size = options.size ?? (await this.headObject(key))?.ContentLength;
        if (size === undefined || size < this.checksumAsideFrom)
            return undefined;
        const local = await this.localCopy(key);
        if (local !== undefined)
            return (0,checksum_aside/* checksumFileAside */.q)(local, key);
        const claim = this.copies.claimDownload(key);
        if ('start' in claim) {
            return downloadAside({
                client: this.client,
                Bucket: this.bucket,
                Key: this.objectKey(key),
                key,
                copies: this.copies,
                started: claim.start,
                signal: options.signal,
            });
        }
        // Another reader's download: hashed once whole, if the bucket still holds what it downloads.
        const download = await claim.underWay;
        if (!download || (await this.headObject(key))?.ETag !== download.etag)
            return undefined;
        return (await download.whole) ? (0,checksum_aside/* checksumFileAside */.q)(download.file, key) : undefined;
    }
    async read(key, options = {}) {
        const source = await this.source(key, options);
        if ('file' in source)
            return (0,external_node_fs_.createReadStream)(source.file, { highWaterMark: 1 << 20, signal: options.signal });
        if (source.body)
            return source.body;
        // A follower's chunks are reused buffers and a stream's reader may keep them: each is copied.
        const chunks = this.follow(key, source.download, options);
        return external_node_stream_.Readable.from((async function* () {
            for await (const chunk of chunks)
                yield Buffer.from(chunk);
        })(), { objectMode: false });
    }
    /**
     * The object's bytes; from the run's local copy (or a download of it under way) in
     * chunks of reused buffers, each valid until the next is asked for (fs-store.ts
     * `readChunks`): a 500 MB scan then costs no garbage collection.
     */
    async *readChunks(key, options = {}) {
        const source = await this.source(key, options);
        if ('file' in source)
            yield* (0,file_chunks/* fileChunks */.T9)(await (0,promises_.open)(source.file, 'r'), options.signal);
        else if (source.body)
            yield* source.body;
        else
            yield* this.follow(key, source.download, options);
    }
    async readText(key) {
        await this.copies?.arrived(key);
        try {
            const output = await this.client.send(new dist_cjs.GetObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
            return await output.Body.transformToString('utf8');
        }
        catch (error) {
            if ((0,s3_errors/* classifyS3Error */.R)(error).kind === 'not_found')
                return undefined;
            throw (0,s3_errors/* s3Error */.l)(error, this.context(key));
        }
    }
    async write(key, body, options = {}) {
        // A body that fails while this waits to send it fails this write (countBytes), not the process.
        if (body instanceof external_node_stream_.Readable)
            body.on('error', () => { });
        const params = await this.beginWrite(key, options);
        try {
            if (typeof body === 'string' || body instanceof Uint8Array) {
                const bytes = typeof body === 'string' ? Buffer.from(body) : body;
                const output = await this.client.send(new dist_cjs.PutObjectCommand({ ...params, Body: bytes, ContentLength: bytes.byteLength }), { abortSignal: options.signal });
                return this.written(key, output.ETag, bytes.byteLength, options);
            }
            if (this.copies) {
                // A conditional write must know whether it won before it returns; any other is sent behind.
                const behind = options.ifMatch === undefined && options.ifNoneMatch === undefined;
                return await this.writeSpooled(key, body, params, options, this.copies, behind);
            }
            const counted = countBytes(body);
            const upload = new lib_storage_dist_cjs/* Upload */._({
                client: this.client,
                params: { ...params, Body: counted.stream },
                partSize: this.partSize,
                queueSize: this.queueSize,
                leavePartsOnError: false,
            });
            const abort = () => void upload.abort();
            options.signal?.addEventListener('abort', abort, { once: true });
            try {
                options.signal?.throwIfAborted();
                const output = await upload.done();
                return this.written(key, output.ETag, counted.bytes(), options);
            }
            catch (error) {
                // The body's own failure (the task's data, its stream) is the task's error, not the store's.
                const failure = counted.failure();
                throw failure === undefined ? error : new BodyError(failure);
            }
            finally {
                options.signal?.removeEventListener('abort', abort);
            }
        }
        catch (error) {
            throw this.writeError(error, key, options);
        }
    }
    /**
     * Before a write of `key`: a send of it still under way has ended and the run's copy of it is
     * dropped (it is about to be replaced); the request's parameters.
     */
    async beginWrite(key, options) {
        await this.copies?.arrived(key).catch(() => { });
        this.copies?.drop(key);
        return {
            Bucket: this.bucket,
            Key: this.objectKey(key),
            Metadata: options.metadata,
            ContentType: options.contentType,
            IfNoneMatch: options.ifNoneMatch,
            IfMatch: options.ifMatch,
        };
    }
    /** What a failed write of `key` is to the caller. */
    writeError(error, key, options) {
        if (options.signal?.aborted)
            return options.signal.reason;
        if (error instanceof BodyError)
            return error.cause;
        // If-Match on a key that is gone: the object changed under us, as with a 412.
        if (options.ifMatch !== undefined && (0,s3_errors/* classifyS3Error */.R)(error).kind === 'not_found')
            return new object_store/* PreconditionFailedError */.k9(key, `${this.describe(key)} was removed by someone else meanwhile`);
        // A create racing another create of the same new key: versitygw's folder backend can answer 409
        // ExistingObjectIsDirectory while the other writer's folders appear. Someone else wrote it.
        const code = error.Code ?? error.name;
        if (options.ifNoneMatch === '*' && code === 'ExistingObjectIsDirectory')
            return new object_store/* PreconditionFailedError */.k9(key);
        return (0,s3_errors/* s3Error */.l)(error, this.context(key));
    }
    async copy(from, to) {
        await this.copies?.arrived(from);
        await this.copies?.arrived(to).catch(() => { });
        this.copies?.drop(to);
        const source = await this.headObject(from);
        if (!source)
            throw new object_store/* ObjectNotFoundError */.d_(from, this.describe(from));
        const size = source.ContentLength ?? 0;
        const CopySource = this.copySource(from);
        if (size > this.multipartCopyAbove) {
            const parts = await this.copyParts(from, to, source, CopySource).catch((error) => {
                throw this.copyError(error, from, to);
            });
            return parts.complete();
        }
        try {
            const output = await this.client.send(new dist_cjs.CopyObjectCommand({
                Bucket: this.bucket,
                Key: this.objectKey(to),
                CopySource,
                CopySourceIfMatch: source.ETag,
                MetadataDirective: 'COPY',
            }));
            return {
                ...this.info(to, source),
                etag: output.CopyObjectResult?.ETag ?? '',
                lastModified: output.CopyObjectResult?.LastModified ?? new Date(),
            };
        }
        catch (error) {
            throw this.copyError(error, from, to);
        }
    }
    async delete(key) {
        await this.copies?.arrived(key).catch(() => { });
        this.copies?.drop(key);
        try {
            await this.client.send(new dist_cjs.DeleteObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
        }
        catch (error) {
            if ((0,s3_errors/* classifyS3Error */.R)(error).kind !== 'not_found')
                throw (0,s3_errors/* s3Error */.l)(error, this.context(key));
        }
    }
    async *list(prefix, options = {}) {
        await this.copies?.allArrived();
        const base = this.prefix ? `${this.prefix}/` : '';
        const trimmed = prefix.replace(/\/$/, '');
        if (trimmed !== '')
            assertKey(trimmed, this.url);
        let token;
        do {
            let output;
            try {
                const startAfter = token === undefined && options.startAfter !== undefined ? `${base}${options.startAfter}` : undefined;
                output = await this.listPage(`${base}${prefix}`, token, startAfter);
            }
            catch (error) {
                throw (0,s3_errors/* s3Error */.l)(error, this.context(prefix));
            }
            for (const object of output.Contents ?? []) {
                if (object.Key === undefined || !object.Key.startsWith(base))
                    continue;
                yield {
                    key: object.Key.slice(base.length),
                    size: object.Size ?? 0,
                    etag: object.ETag ?? '',
                    lastModified: object.LastModified ?? new Date(0),
                    // ListObjectsV2 does not return user metadata: `head` a key for it.
                    metadata: {},
                };
            }
            token = output.IsTruncated ? output.NextContinuationToken : undefined;
        } while (token);
    }
    /**
     * A streamed write of a run: the body goes to a local file first (the run's copy),
     * then up in one PutObject with its length known; above `singlePutMax`, in parts
     * from the file. Sent behind, a body larger than `spoolPartSize` goes up in parts
     * while it is being written.
     */
    async writeSpooled(key, body, params, options, copies, behind) {
        const spool = await this.spool(key, params, options, copies, behind);
        const chunks = body[Symbol.asyncIterator]();
        for (;;) {
            let next;
            try {
                options.signal?.throwIfAborted();
                next = await chunks.next();
            }
            catch (error) {
                // The body's own failure (the task's data, its stream) is the task's error, not the store's.
                await spool.fail();
                throw options.signal?.aborted ? error : new BodyError(error);
            }
            if (next.done)
                return spool.finish();
            const chunk = next.value;
            await spool.add(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
        }
    }
    /**
     * A write of a run fed chunk by chunk (staging.ts): each `write` resolves once its bytes
     * are in the run's copy, and the writer may then reuse its buffer, so no chunk is copied.
     * Undefined outside a run, or for a conditional write (the caller streams it to `write`).
     */
    async openWrite(key, options = {}) {
        const copies = this.copies;
        if (!copies || options.ifMatch !== undefined || options.ifNoneMatch !== undefined)
            return undefined;
        const spool = await this.spool(key, await this.beginWrite(key, options), options, copies, true);
        const failed = (error) => this.writeError(error, key, options);
        return {
            write: (chunk) => spool.add(chunk).catch((error) => Promise.reject(failed(error))),
            end: () => spool.finish().catch((error) => Promise.reject(failed(error))),
            abort: () => spool.fail(),
        };
    }
    /**
     * The run's copy file of a write and, sent behind, the parts that go up while it
     * grows: `add` each chunk in order (hashed, counted and on disk when it resolves),
     * then `finish` (or `fail`, which removes the file and aborts the parts).
     */
    async spool(key, params, options, copies, behind) {
        const file = copies.newFile();
        // Sent behind, a large body goes up in parts while it is still being written (spooled-parts.ts).
        const parts = behind
            ? new SpooledParts({
                client: this.client,
                Bucket: params.Bucket,
                Key: params.Key,
                Metadata: params.Metadata,
                ContentType: params.ContentType,
                file,
                partSize: this.spoolPartSize,
                queueSize: Math.min(this.queueSize, 2),
                crc32: await this.checksCrc32(),
            })
            : undefined;
        // The writer's own hash when it has one; a CRC32 (cheap) for the server to check what it stores.
        const hash = options.bodySha256 ? undefined : (0,external_node_crypto_.createHash)('sha256');
        let crc = 0;
        let size = 0;
        let handle = await (0,promises_.open)(file, 'w');
        const close = async () => {
            const closing = handle;
            handle = undefined;
            await closing?.close();
        };
        const fail = async () => {
            await close().catch(() => { });
            await parts?.abort();
            await (0,promises_.rm)(file, { force: true });
        };
        const upload = async () => {
            const sums = { sha256: hash ? hash.digest('hex') : (options.bodySha256?.() ?? ''), crc32: crc };
            if (behind) {
                // Sent while the run goes on: the attempt that wrote it has ended, so its signal no longer applies.
                const whole = async () => size > this.singlePutMax
                    ? this.uploadFile(params, file, size)
                    : this.putFile(params, file, size, parts?.started ? { ...sums, crc32: await crc32OfFile(file) } : sums);
                // Parts the server would not join: the whole file is still here to send as one object.
                const sent = parts?.started ? parts.finish().catch(whole) : whole();
                copies.sendBehind(key, file, size, sent.catch((error) => Promise.reject(this.writeError(error, key, {}))));
                return this.written(key, undefined, size, options);
            }
            const etag = size > this.singlePutMax
                ? await this.uploadFile(params, file, size)
                : await this.putFile(params, file, size, sums, options.signal);
            copies.keep(key, file, etag ?? '', size);
            return this.written(key, etag, size, options);
        };
        return {
            async add(chunk) {
                if (chunk.byteLength === 0)
                    return;
                const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
                try {
                    if (handle === undefined)
                        throw new Error('write after the end');
                    hash?.update(bytes);
                    // Parts carry their own CRC32s; the whole one is needed only by a body sent in one request.
                    if (!parts?.started)
                        crc = (0,external_node_zlib_.crc32)(bytes, crc);
                    parts?.add(bytes);
                    await (0,write_all/* writeAll */.f)(handle, bytes);
                    size += bytes.byteLength;
                    parts?.written(size);
                }
                catch (error) {
                    await fail();
                    throw error;
                }
            },
            async finish() {
                try {
                    await close();
                    return await upload();
                }
                catch (error) {
                    await (0,promises_.rm)(file, { force: true });
                    throw error;
                }
            },
            fail,
        };
    }
    /**
     * One PutObject of a local file, signed with the SHA-256 of its bytes (the SDK
     * signs a stream as UNSIGNED-PAYLOAD), so the server refuses bytes that changed
     * on the way; with their CRC32 too where the server checks one (`checksCrc32`),
     * which it then keeps as the object's checksum instead of computing a costlier
     * default one, here and in every copy of it. A connection lost or a busy server
     * is tried again (the SDK cannot resend a stream).
     */
    async putFile(params, file, size, sums, signal) {
        const crc = (await this.checksCrc32()) ? { ChecksumCRC32: crc32Base64(sums.crc32) } : {};
        const body = () => (0,external_node_fs_.createReadStream)(file, { highWaterMark: 1 << 20 });
        const made = () => new dist_cjs.PutObjectCommand({ ...params, ...crc, Body: body(), ContentLength: size });
        return (await sendWithPayloadSha256(this.client, made, sums.sha256, signal)).ETag;
    }
    /** A local file too large for one PutObject, in parts (lib-storage retries each part). */
    async uploadFile(params, file, size) {
        const upload = new lib_storage_dist_cjs/* Upload */._({
            client: this.client,
            params: { ...params, Body: (0,external_node_fs_.createReadStream)(file, { highWaterMark: 1 << 20 }) },
            // S3 takes at most 10,000 parts.
            partSize: Math.max(this.partSize, Math.ceil(size / 10_000)),
            queueSize: this.queueSize,
            leavePartsOnError: false,
        });
        return (await upload.done()).ETag;
    }
    /**
     * Whether the server checks an `x-amz-checksum-crc32` it is sent (AWS, versitygw,
     * MinIO, R2 do; some S3-compatible services refuse the header or ignore it). Asked
     * once per endpoint and bucket in this process: a tiny PutObject with a wrong CRC32
     * must be refused as BadDigest. Anything else is a no, and the header is not sent.
     */
    checksCrc32() {
        const id = `${this.endpoint ?? 'aws'} ${this.bucket}`;
        let answer = crc32Support.get(id);
        if (!answer) {
            answer = this.probeCrc32();
            crc32Support.set(id, answer);
        }
        return answer;
    }
    async probeCrc32() {
        const Key = this.objectKey(`_pipewright/probe/crc32-${process.pid}-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.txt`);
        const probe = Buffer.from('crc32 probe');
        try {
            await this.client.send(new dist_cjs.PutObjectCommand({ Bucket: this.bucket, Key, Body: probe, ChecksumCRC32: crc32Base64((0,external_node_zlib_.crc32)(probe) ^ 1) }));
        }
        catch (error) {
            const code = error.Code ?? error.name;
            return code === 'BadDigest';
        }
        // Stored although the checksum was wrong: the header is not checked here.
        await this.client.send(new dist_cjs.DeleteObjectCommand({ Bucket: this.bucket, Key })).catch(() => undefined);
        return false;
    }
    listPage(prefix, token, startAfter) {
        return this.client.send(new dist_cjs.ListObjectsV2Command({
            Bucket: this.bucket,
            Prefix: prefix,
            ContinuationToken: token,
            StartAfter: startAfter,
        }));
    }
    async headObject(key) {
        try {
            return await this.client.send(new dist_cjs.HeadObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
        }
        catch (error) {
            if ((0,s3_errors/* classifyS3Error */.R)(error).kind === 'not_found')
                return undefined;
            throw (0,s3_errors/* s3Error */.l)(error, this.context(key));
        }
    }
    /**
     * A copy of `from` made now as the parts of a multipart upload to `to`, which no
     * reader sees until `complete` (CompleteMultipartUpload: the server joins the parts
     * without hashing them again). Undefined below `prepareCopyAbove`, where a plain
     * copy is quick. Uploads to `to` left pending by processes that were killed are
     * aborted first: the caller holds `to` (the publish of its partition).
     */
    async prepareCopy(from, to) {
        await this.copies?.arrived(from);
        const source = await this.headObject(from);
        if (!source)
            throw new object_store/* ObjectNotFoundError */.d_(from, this.describe(from));
        if ((source.ContentLength ?? 0) < this.prepareCopyAbove)
            return undefined;
        await this.abortPendingUploads(to);
        const CopySource = this.copySource(from);
        try {
            // The source's own CRC32 is taken over where the server checks one (a source with a checksum of
            // its parts cannot give one: then completing fails and the publish copies instead).
            return await this.copyParts(from, to, source, CopySource, await this.checksCrc32());
        }
        catch (error) {
            throw this.copyError(error, from, to);
        }
    }
    /** Aborts the multipart uploads to exactly `key` that are still open. */
    async abortPendingUploads(key) {
        const Key = this.objectKey(key);
        try {
            const output = await this.client.send(new dist_cjs.ListMultipartUploadsCommand({ Bucket: this.bucket, Prefix: Key }));
            for (const upload of output.Uploads ?? []) {
                if (upload.Key !== Key || upload.UploadId === undefined)
                    continue;
                await this.client
                    .send(new dist_cjs.AbortMultipartUploadCommand({ Bucket: this.bucket, Key, UploadId: upload.UploadId }))
                    .catch(() => undefined);
            }
        }
        catch (error) {
            throw (0,s3_errors/* s3Error */.l)(error, this.context(key));
        }
    }
    /**
     * UploadPartCopy ranges of the source into a multipart upload, every part pinned
     * to the source's ETag so a source replaced midway fails the copy instead of
     * mixing two versions. Nothing is at `to` until the upload is completed.
     */
    async copyParts(from, to, source, CopySource, crc = false) {
        const Key = this.objectKey(to);
        const size = source.ContentLength ?? 0;
        // A whole-object CRC32 where asked and the copy is one part: else the server computes its costlier
        // default checksum of every part. (versitygw takes a CRC32 source's checksum over as the checksum of a
        // part copied from it, right only for a part that is the whole object.)
        const checksum = crc && size <= this.copyPartSize ? 'CRC32' : undefined;
        const { UploadId } = await this.client.send(new dist_cjs.CreateMultipartUploadCommand({
            Bucket: this.bucket,
            Key,
            Metadata: source.Metadata,
            ContentType: source.ContentType,
            ...(checksum ? { ChecksumAlgorithm: checksum, ChecksumType: 'FULL_OBJECT' } : {}),
        }));
        let ended = false;
        const abort = async () => {
            if (ended)
                return;
            ended = true;
            await this.client
                .send(new dist_cjs.AbortMultipartUploadCommand({ Bucket: this.bucket, Key, UploadId }))
                .catch(() => undefined);
        };
        try {
            const parts = [];
            for (let start = 0, PartNumber = 1; start < size; start += this.copyPartSize, PartNumber++) {
                const end = Math.min(start + this.copyPartSize, size) - 1;
                const output = await this.client.send(new dist_cjs.UploadPartCopyCommand({
                    Bucket: this.bucket,
                    Key,
                    UploadId,
                    PartNumber,
                    CopySource,
                    CopySourceIfMatch: source.ETag,
                    CopySourceRange: `bytes=${start}-${end}`,
                }));
                const sum = checksum ? { ChecksumCRC32: output.CopyPartResult?.ChecksumCRC32 } : {};
                parts.push({ ETag: output.CopyPartResult?.ETag, PartNumber, ...sum });
            }
            const complete = async () => {
                if (ended)
                    throw new Error(`the copy of ${this.describe(from)} to ${this.describe(to)} has already ended`);
                try {
                    const output = await this.client.send(new dist_cjs.CompleteMultipartUploadCommand({
                        Bucket: this.bucket,
                        Key,
                        UploadId,
                        MultipartUpload: { Parts: parts },
                    }));
                    ended = true;
                    return { ...this.info(to, source), etag: output.ETag ?? '', lastModified: new Date() };
                }
                catch (error) {
                    await abort();
                    throw (0,s3_errors/* s3Error */.l)(error, this.context(to));
                }
            };
            return { from, to, sourceEtag: source.ETag ?? '', complete, abort };
        }
        catch (error) {
            await abort();
            throw error;
        }
    }
    /** The CopySource header of `from`: bucket and key, URL-encoded but for the slashes. */
    copySource(from) {
        return encodeURIComponent(`${this.bucket}/${this.objectKey(from)}`).replaceAll('%2F', '/');
    }
    /** What a failed copy of `from` to `to` is to the caller. */
    copyError(error, from, to) {
        const kind = (0,s3_errors/* classifyS3Error */.R)(error).kind;
        if (kind === 'not_found')
            return new object_store/* ObjectNotFoundError */.d_(from, this.describe(from));
        // CopySourceIfMatch lost: the source was replaced between our look and the copy.
        if (kind === 'precondition')
            return new object_store/* PreconditionFailedError */.k9(from, `${this.describe(from)} changed while it was being copied`);
        return (0,s3_errors/* s3Error */.l)(error, this.context(to));
    }
    info(key, output) {
        return {
            key,
            size: output.ContentLength ?? 0,
            etag: output.ETag ?? '',
            lastModified: output.LastModified ?? new Date(0),
            metadata: output.Metadata ?? {},
        };
    }
    /** What a write produced; the time is this runner's, since PutObject does not return one. */
    written(key, etag, size, options) {
        return { key, size, etag: etag ?? '', lastModified: new Date(), metadata: options.metadata ?? {} };
    }
    readError(error, key) {
        if (error instanceof object_store/* ObjectNotFoundError */.d_ || (error instanceof Error && error.name === 'AbortError'))
            return error;
        if ((0,s3_errors/* classifyS3Error */.R)(error).kind === 'not_found')
            return new object_store/* ObjectNotFoundError */.d_(key, this.describe(key));
        return (0,s3_errors/* s3Error */.l)(error, this.context(key));
    }
    /**
     * Hands the body on as it arrives (a PassThrough costs next to nothing per chunk,
     * unlike an async generator); a connection lost midway becomes the same one-line
     * error, and a reader that stops early releases the connection. `out` may keep a
     * run's copy on the way.
     */
    guard(body, key, out) {
        body.on('error', (error) => out.destroy(this.readError(error, key)));
        out.on('close', () => {
            if (!body.destroyed)
                body.destroy();
        });
        return body.pipe(out);
    }
}
/** Whether each endpoint and bucket checks a CRC32 header, asked once per process (`checksCrc32`). */
const crc32Support = new Map();
/** Keys are relative and never climb out of the root: no `..`, `.`, empty segments or leading slash. */
function assertKey(key, root) {
    const bad = typeof key !== 'string' || key === '' || key.includes('\0')
        ? 'is empty or holds NUL'
        : key.split('/').some((segment) => segment === '' || segment === '.' || segment === '..')
            ? "has an empty, '.' or '..' segment (or a leading or trailing slash)"
            : undefined;
    if (bad)
        throw new errors/* UsageError */.eb(`refusing key ${JSON.stringify(key)} under ${root}: it ${bad}`);
}
/**
 * Hands the body on while keeping it as the run's copy of `key` (the reader waits
 * for the disk, so memory stays flat); the copy counts once all `size` bytes were
 * written. Until then other readers of the key follow the file as it grows. A
 * reader that stops early, or a disk that fails, leaves no copy.
 */
function keepingCopy(copies, key, etag, size) {
    const file = copies.newFile();
    const download = copies.startDownload(key, file, etag, size);
    // Chunks arrive as the network gives them (64 KiB): queued, they go to disk several at a time (writev).
    const sink = (0,external_node_fs_.createWriteStream)(file, { highWaterMark: SPOOL_BUFFER });
    let failed = false;
    /** The chunk waiting for the disk to drain (or fail). */
    let waiting;
    const release = () => {
        const next = waiting;
        waiting = undefined;
        next?.();
    };
    sink.on('drain', release);
    sink.on('error', (error) => {
        failed = true;
        download.stop(error);
        release();
    });
    const discard = (reason) => {
        download.stop(new Error(reason));
        sink.destroy();
        void (0,promises_.rm)(file, { force: true });
    };
    const transform = new external_node_stream_.Transform({
        transform(chunk, _encoding, done) {
            if (failed || sink.write(chunk, () => download.wrote(chunk.byteLength)))
                return done(null, chunk);
            waiting = () => done(null, chunk);
        },
        flush(done) {
            if (failed) {
                discard('the local copy could not be written');
                return done();
            }
            sink.end(() => {
                if (!failed && sink.bytesWritten === size)
                    download.finish();
                else
                    discard(`the download ended after ${sink.bytesWritten} of ${size} bytes`);
                done();
            });
        },
        destroy(error, done) {
            if (!sink.writableFinished)
                discard('its reader stopped');
            done(error);
        },
    });
    return { transform, download };
}
async function crc32OfFile(file) {
    let crc = 0;
    for await (const chunk of (0,external_node_fs_.createReadStream)(file, { highWaterMark: 1 << 20 }))
        crc = (0,external_node_zlib_.crc32)(chunk, crc);
    return crc;
}
/** A failure of the body being written, carried past the S3 error mapping unchanged. */
class BodyError extends Error {
    cause;
    constructor(cause) {
        super('the body failed');
        this.cause = cause;
    }
}
/** The body as a byte stream, counting (and showing `each` chunk) what passes (a Transform: cheap per chunk). */
function countBytes(body, each) {
    let bytes = 0;
    let failed;
    const source = body instanceof external_node_stream_.Readable ? body : external_node_stream_.Readable.from(body, { objectMode: false });
    const counter = new external_node_stream_.Transform({
        transform(chunk, _encoding, done) {
            bytes += chunk.byteLength;
            each?.(chunk);
            done(null, chunk);
        },
    });
    source.on('error', (error) => {
        failed = { error };
        counter.destroy(error);
    });
    // Destroyed before this was called: piping it would wait for ever.
    if (source.destroyed) {
        failed = { error: source.errored ?? new Error('the body was closed before it ended') };
        counter.destroy(failed.error);
        return { stream: counter, bytes: () => bytes, failure: () => failed?.error };
    }
    return { stream: source.pipe(counter), bytes: () => bytes, failure: () => failed?.error };
}


/***/ }),

/***/ 84829:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ classifyS3Error),
/* harmony export */   l: () => (/* binding */ s3Error)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _object_store_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73266);
// Every error the S3 SDK throws becomes one line naming s3://bucket/key and the
// likely fix, never an SDK stack. What passes by itself (unreachable endpoint,
// throttling, 5xx, timeouts) is a TransientError, which the executor retries;
// what a person must fix (credentials, a missing bucket, the wrong region) is a
// UsageError (exit 2). Anything else the server answered is a StateError (exit 1)
// quoting its code, so a surprise from an S3-compatible service is still one line.


const NETWORK_CODES = new Set([
    'ECONNREFUSED',
    'ECONNRESET',
    'ENOTFOUND',
    'EAI_AGAIN',
    'ETIMEDOUT',
    'EPIPE',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'UND_ERR_SOCKET',
]);
const TIMEOUT_NAMES = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);
const THROTTLE_NAMES = new Set([
    'SlowDown',
    'Throttling',
    'ThrottlingException',
    'TooManyRequests',
    'TooManyRequestsException',
    'RequestLimitExceeded',
]);
const DENIED_NAMES = new Set([
    'AccessDenied',
    'Forbidden',
    'InvalidAccessKeyId',
    'SignatureDoesNotMatch',
    'ExpiredToken',
    'TokenRefreshRequired',
    'InvalidToken',
    'AllAccessDisabled',
    'AccountProblem',
    'XAdminUserNotFound', // versitygw's answer to an unknown access key
]);
const CONDITION_NAMES = new Set(['PreconditionFailed', 'ConditionalRequestConflict']);
function shape(error) {
    return error !== null && typeof error === 'object' ? error : { message: String(error) };
}
/** The S3 error code (`NoSuchKey`, `SlowDown`...), or the Node error code for a network failure. */
function codeOf(e) {
    const nested = e.cause;
    return e.Code ?? e.code ?? nested?.code ?? e.name ?? 'Error';
}
/** Classifies anything an S3 call threw. */
function classifyS3Error(error) {
    const e = shape(error);
    const status = e.$metadata?.httpStatusCode;
    const code = codeOf(e);
    const message = e.message ?? '';
    if (CONDITION_NAMES.has(code) || status === 412)
        return { kind: 'precondition' };
    if (code === 'NoSuchBucket')
        return { kind: 'no_bucket' };
    if (code === 'NoSuchKey' || (code === 'NotFound' && status === 404))
        return { kind: 'not_found' };
    const headerRegion = e.$response?.headers?.['x-amz-bucket-region'];
    if (code === 'PermanentRedirect' || status === 301 || code === 'IllegalLocationConstraintException')
        return { kind: 'region', region: e.Region ?? headerRegion };
    if (code === 'AuthorizationHeaderMalformed' || code === 'InvalidRegion') {
        const expected = /expecting ['"]?([a-z0-9-]+)['"]?/i.exec(message)?.[1];
        return { kind: 'region', region: e.Region ?? headerRegion ?? expected };
    }
    if (DENIED_NAMES.has(code) || status === 403)
        return { kind: 'denied', code };
    if (/^Region (is missing|not accepted)/.test(message))
        return { kind: 'no_region' };
    if (code === 'CredentialsProviderError')
        return { kind: 'no_credentials' };
    if (THROTTLE_NAMES.has(code) || status === 429 || status === 503)
        return { kind: 'throttled', code };
    if (status !== undefined && status >= 500)
        return { kind: 'server', code };
    if (NETWORK_CODES.has(code) || TIMEOUT_NAMES.has(code) || (status === undefined && /socket|network/i.test(message)))
        return { kind: 'unreachable', code };
    return { kind: 'other', code, status, message: message.split('\n')[0] ?? '' };
}
/**
 * The one-line error for a failed S3 call. NotFound is left to the caller
 * (a missing key is an answer, not a failure): it maps to StateError here.
 */
function s3Error(error, context) {
    const failure = classifyS3Error(error);
    const { where, bucket } = context;
    const endpoint = context.endpoint ?? 'AWS S3';
    const cause = { cause: error };
    switch (failure.kind) {
        case 'precondition':
            return new _object_store_js__WEBPACK_IMPORTED_MODULE_1__/* .PreconditionFailedError */ .k9(context.key ?? where, `${where} was written by someone else meanwhile`);
        case 'no_bucket':
            return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`bucket s3://${bucket} does not exist at ${endpoint}: create it, or fix the bucket in the data root (--data-root, PIPEWRIGHT_DATA_ROOT) or AWS_ENDPOINT_URL_S3`, cause);
        case 'denied':
            return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${where}: access denied (${failure.code}): check the credentials (AWS_PROFILE, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, the OIDC role) and that they may read and write s3://${bucket}; an expired token needs a fresh login`, cause);
        case 'region':
            return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(failure.region
                ? `${where}: bucket s3://${bucket} is in region ${failure.region}, not ${context.region ?? 'the configured one'}: set AWS_REGION=${failure.region}`
                : `${where}: bucket s3://${bucket} is in another region than ${context.region ?? 'the configured one'}: set AWS_REGION to the bucket's region`, cause);
        case 'no_region':
            return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${where}: no valid region is configured: set AWS_REGION (AWS: the bucket's region; R2: auto; MinIO/versitygw: us-east-1)`, cause);
        case 'no_credentials':
            return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${where}: no credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or a web identity (aws-actions/configure-aws-credentials in Actions)`, cause);
        case 'unreachable':
            return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TransientError */ .N_(`${where}: cannot reach ${endpoint} (${failure.code}): check AWS_ENDPOINT_URL_S3 and the network; retried`, cause);
        case 'throttled':
            return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TransientError */ .N_(`${where}: ${endpoint} is throttling requests (${failure.code}): retried later`, cause);
        case 'server':
            return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TransientError */ .N_(`${where}: ${endpoint} answered a server error (${failure.code}): retried`, cause);
        case 'not_found':
            return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .StateError */ .qq(`${where} does not exist`, where);
        case 'other':
            return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .StateError */ .qq(`${where}: ${endpoint} answered ${failure.code}${failure.status ? ` (HTTP ${failure.status})` : ''}: ${failure.message}`, where);
    }
}


/***/ })

};
