export const id = 447;
export const ids = [447];
export const modules = {

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


/***/ }),

/***/ 8447:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkBucket: () => (/* binding */ checkBucket),
/* harmony export */   probeConditionalWrites: () => (/* binding */ probeConditionalWrites)
/* harmony export */ });
/* unused harmony exports CONDITIONAL_WRITES_ENV, judgeProbe */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3711);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _object_store_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3266);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4829);
// What a run asks of a bucket before any task starts: that it exists, that the
// credentials reach it in the right region (checkBucket), and that the endpoint
// honours conditional writes (probeConditionalWrites), which leases and the
// manifest-last publish rely on. A sensor never pokes a bucket that is not there.






/** HeadBucket; missing, denied or wrong region is one UsageError line naming the bucket and the fix. */
async function checkBucket(store) {
    const context = store.context();
    try {
        await store.client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_5__.HeadBucketCommand({ Bucket: store.bucket }));
    }
    catch (error) {
        const detailed = await explain(store, error);
        // HeadBucket's 404 is a missing bucket (versitygw also answers 404 to an unknown access key: explain tells).
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .classifyS3Error */ .R)(detailed).kind === 'not_found')
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .s3Error */ .l)({ Code: 'NoSuchBucket' }, context);
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .s3Error */ .l)(detailed, context);
    }
}
/**
 * A HEAD answer has no body, so its status says little (a wrong region and a bad
 * signature look alike): ask ListObjectsV2 once, whose answer names the code.
 */
async function explain(store, error) {
    const status = error.$metadata?.httpStatusCode;
    if (status !== 400 && status !== 403 && status !== 404)
        return error;
    try {
        await store.client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_5__.ListObjectsV2Command({ Bucket: store.bucket, MaxKeys: 1 }));
        return error;
    }
    catch (detailed) {
        return detailed;
    }
}
const CONDITIONAL_WRITES_ENV = 'PIPEWRIGHT_S3_CONDITIONAL_WRITES';
/** Why an endpoint cannot be trusted with conditional writes, or undefined when it honours them. */
function judgeProbe(outcomes) {
    const expected = {
        create: 'written',
        createAgain: 'precondition_failed',
        wrongEtag: 'precondition_failed',
        rightEtag: 'written',
    };
    const what = {
        create: 'If-None-Match: * on a new key',
        createAgain: 'If-None-Match: * on an existing key',
        wrongEtag: 'If-Match with a wrong ETag',
        rightEtag: 'If-Match with the current ETag',
    };
    for (const step of Object.keys(expected)) {
        const outcome = outcomes[step];
        if (outcome === expected[step])
            continue;
        if (typeof outcome === 'object')
            return `${what[step]} failed (${outcome.error})`;
        return outcome === 'written' ? `${what[step]} was written instead of refused` : `${what[step]} was refused`;
    }
    return undefined;
}
const probes = new Map();
/**
 * Once per endpoint and bucket in this process: writes a probe object under
 * `_pipewright/probe/` with If-None-Match twice and If-Match with a wrong and the
 * right ETag, then removes it. An endpoint that ignores the conditions is refused
 * with one line unless PIPEWRIGHT_S3_CONDITIONAL_WRITES=unchecked accepts the risk.
 */
function probeConditionalWrites(store, env = process.env) {
    const setting = env[CONDITIONAL_WRITES_ENV]?.trim() ?? '';
    if (setting === 'unchecked')
        return Promise.resolve();
    if (setting !== '' && setting !== 'checked')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`${CONDITIONAL_WRITES_ENV}=${setting} must be checked (the default) or unchecked`);
    const id = `${store.endpoint ?? 'aws'} ${store.bucket}`;
    let probe = probes.get(id);
    if (!probe) {
        probe = runProbe(store);
        probes.set(id, probe);
        probe.catch(() => probes.delete(id));
    }
    return probe;
}
/** Probes whose requests failed for another reason (a server hiccup) are run again before judging. */
const PROBE_ROUNDS = 3;
async function runProbe(store) {
    for (let round = 1;; round++) {
        try {
            return await probeOnce(store, round === PROBE_ROUNDS);
        }
        catch (error) {
            if (!(error instanceof ProbeInconclusive))
                throw error;
            await new Promise((resolve) => setTimeout(resolve, 200 * round));
        }
    }
}
/** A probe request failed with neither success nor 412: judged only on the last round. */
class ProbeInconclusive extends Error {
}
async function probeOnce(store, last) {
    const key = `_pipewright/probe/${(0,node_os__WEBPACK_IMPORTED_MODULE_1__.hostname)()}-${process.pid}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}.txt`;
    const attempt = async (run) => {
        try {
            await run();
            return 'written';
        }
        catch (error) {
            if (error instanceof _object_store_js__WEBPACK_IMPORTED_MODULE_3__/* .PreconditionFailedError */ .k9)
                return 'precondition_failed';
            if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb)
                throw error; // denied, missing bucket: say that, not "no conditional writes"
            return { error: (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error) };
        }
    };
    let etag = '';
    try {
        const create = await attempt(async () => {
            etag = (await store.write(key, 'probe 1', { ifNoneMatch: '*' })).etag;
        });
        const outcomes = {
            create,
            createAgain: await attempt(() => store.write(key, 'probe 2', { ifNoneMatch: '*' })),
            wrongEtag: await attempt(() => store.write(key, 'probe 3', { ifMatch: '"00000000000000000000000000000000"' })),
            rightEtag: create === 'written' ? await attempt(() => store.write(key, 'probe 4', { ifMatch: etag })) : create,
        };
        const inconclusive = Object.values(outcomes).some((o) => typeof o === 'object');
        if (inconclusive && !last)
            throw new ProbeInconclusive();
        const refusal = judgeProbe(outcomes);
        if (refusal)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`${store.url}: ${store.endpoint ?? 'the endpoint'} does not honour conditional writes (${refusal}), so two runs could hold one partition or overwrite a manifest: use a store that honours If-None-Match/If-Match, or set ${CONDITIONAL_WRITES_ENV}=unchecked to accept the risk`);
    }
    finally {
        await store.delete(key).catch(() => undefined);
    }
}


/***/ })

};
