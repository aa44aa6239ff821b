export const id = 225;
export const ids = [225];
export const modules = {

/***/ 1225:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  openS3Store: () => (/* binding */ openS3Store)
});

// UNUSED EXPORTS: S3ObjectStore

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var dist_cjs = __webpack_require__(3711);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/lib-storage/dist-cjs/index.js
var lib_storage_dist_cjs = __webpack_require__(2358);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/store/object-store.ts
var object_store = __webpack_require__(3266);
// EXTERNAL MODULE: ./src/store/s3/errors.ts
var s3_errors = __webpack_require__(4829);
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
    };
}
function nonEmpty(value) {
    return value === undefined || value.trim() === '' ? undefined : value.trim();
}

;// CONCATENATED MODULE: ./src/store/s3/bucket-store.ts
// A data root in an S3-compatible bucket: `s3://bucket/prefix`, keys under the
// prefix. Bytes stream both ways (GetObject's body is handed on as it arrives;
// streamed bodies go up in parts through lib-storage's Upload), so memory stays
// flat in the object's size. Conditional writes map to If-None-Match/If-Match and
// a lost race is a PreconditionFailedError; every other SDK error is one line
// (errors.ts). Publishing copies server-side: no data flows through the runner.







const GIB = 1024 ** 3;
const MIB = 1024 ** 2;
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
    /** `endpoint` and `region` only name the client's settings in messages. */
    constructor(location, client, options = {}) {
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
        const output = await this.headObject(key);
        return output && this.info(key, output);
    }
    async read(key, options = {}) {
        const Key = this.objectKey(key);
        try {
            const output = await this.client.send(new dist_cjs.GetObjectCommand({ Bucket: this.bucket, Key }), {
                abortSignal: options.signal,
            });
            if (!(output.Body instanceof external_node_stream_.Readable))
                throw new Error(`${this.describe(key)}: GetObject gave no stream`);
            return this.guard(output.Body, key);
        }
        catch (error) {
            throw this.readError(error, key);
        }
    }
    async readText(key) {
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
        const params = {
            Bucket: this.bucket,
            Key: this.objectKey(key),
            Metadata: options.metadata,
            ContentType: options.contentType,
            IfNoneMatch: options.ifNoneMatch,
            IfMatch: options.ifMatch,
        };
        try {
            if (typeof body === 'string' || body instanceof Uint8Array) {
                const bytes = typeof body === 'string' ? Buffer.from(body) : body;
                const output = await this.client.send(new dist_cjs.PutObjectCommand({ ...params, Body: bytes, ContentLength: bytes.byteLength }), { abortSignal: options.signal });
                return this.written(key, output.ETag, bytes.byteLength, options);
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
            if (options.signal?.aborted)
                throw options.signal.reason;
            if (error instanceof BodyError)
                throw error.cause;
            // If-Match on a key that is gone: the object changed under us, as with a 412.
            if (options.ifMatch !== undefined && (0,s3_errors/* classifyS3Error */.R)(error).kind === 'not_found')
                throw new object_store/* PreconditionFailedError */.k9(key, `${this.describe(key)} was removed by someone else meanwhile`);
            // A create racing another create of the same new key: versitygw's folder backend can answer 409
            // ExistingObjectIsDirectory while the other writer's folders appear. Someone else wrote it.
            const code = error.Code ?? error.name;
            if (options.ifNoneMatch === '*' && code === 'ExistingObjectIsDirectory')
                throw new object_store/* PreconditionFailedError */.k9(key);
            throw (0,s3_errors/* s3Error */.l)(error, this.context(key));
        }
    }
    async copy(from, to) {
        const source = await this.headObject(from);
        if (!source)
            throw new object_store/* ObjectNotFoundError */.d_(from, this.describe(from));
        const size = source.ContentLength ?? 0;
        const CopySource = encodeURIComponent(`${this.bucket}/${this.objectKey(from)}`).replaceAll('%2F', '/');
        try {
            if (size > this.multipartCopyAbove)
                return await this.copyInParts(to, source, CopySource);
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
            const kind = (0,s3_errors/* classifyS3Error */.R)(error).kind;
            if (kind === 'not_found')
                throw new object_store/* ObjectNotFoundError */.d_(from, this.describe(from));
            // CopySourceIfMatch lost: the source was replaced between our look and the copy.
            if (kind === 'precondition')
                throw new object_store/* PreconditionFailedError */.k9(from, `${this.describe(from)} changed while it was being copied`);
            throw (0,s3_errors/* s3Error */.l)(error, this.context(to));
        }
    }
    async delete(key) {
        try {
            await this.client.send(new dist_cjs.DeleteObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
        }
        catch (error) {
            if ((0,s3_errors/* classifyS3Error */.R)(error).kind !== 'not_found')
                throw (0,s3_errors/* s3Error */.l)(error, this.context(key));
        }
    }
    async *list(prefix) {
        const base = this.prefix ? `${this.prefix}/` : '';
        const trimmed = prefix.replace(/\/$/, '');
        if (trimmed !== '')
            assertKey(trimmed, this.url);
        let token;
        do {
            let output;
            try {
                output = await this.listPage(`${base}${prefix}`, token);
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
    listPage(prefix, token) {
        return this.client.send(new dist_cjs.ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }));
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
     * Above the single-copy limit: UploadPartCopy ranges of the source into a
     * multipart upload, every part pinned to the source's ETag so a source
     * replaced midway fails the copy instead of mixing two versions.
     */
    async copyInParts(to, source, CopySource) {
        const Key = this.objectKey(to);
        const size = source.ContentLength ?? 0;
        const { UploadId } = await this.client.send(new dist_cjs.CreateMultipartUploadCommand({
            Bucket: this.bucket,
            Key,
            Metadata: source.Metadata,
            ContentType: source.ContentType,
        }));
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
                parts.push({ ETag: output.CopyPartResult?.ETag, PartNumber });
            }
            const output = await this.client.send(new dist_cjs.CompleteMultipartUploadCommand({ Bucket: this.bucket, Key, UploadId, MultipartUpload: { Parts: parts } }));
            return { ...this.info(to, source), etag: output.ETag ?? '', lastModified: new Date() };
        }
        catch (error) {
            await this.client
                .send(new dist_cjs.AbortMultipartUploadCommand({ Bucket: this.bucket, Key, UploadId }))
                .catch(() => undefined);
            throw error;
        }
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
     * error, and a reader that stops early releases the connection.
     */
    guard(body, key) {
        const out = new external_node_stream_.PassThrough();
        body.on('error', (error) => out.destroy(this.readError(error, key)));
        out.on('close', () => {
            if (!body.destroyed)
                body.destroy();
        });
        return body.pipe(out);
    }
}
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
/** A failure of the body being written, carried past the S3 error mapping unchanged. */
class BodyError extends Error {
    cause;
    constructor(cause) {
        super('the body failed');
        this.cause = cause;
    }
}
/** The body as a byte stream for Upload, counting what passes (a Transform: cheap per chunk). */
function countBytes(body) {
    let bytes = 0;
    let failed;
    const source = body instanceof external_node_stream_.Readable ? body : external_node_stream_.Readable.from(body, { objectMode: false });
    const counter = new external_node_stream_.Transform({
        transform(chunk, _encoding, done) {
            bytes += chunk.byteLength;
            done(null, chunk);
        },
    });
    source.on('error', (error) => {
        failed = { error };
        counter.destroy(error);
    });
    return { stream: source.pipe(counter), bytes: () => bytes, failure: () => failed?.error };
}


/***/ }),

/***/ 4829:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ classifyS3Error),
/* harmony export */   l: () => (/* binding */ s3Error)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _object_store_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3266);
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
