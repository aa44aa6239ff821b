// Every error the S3 SDK throws becomes one line naming s3://bucket/key and the
// likely fix, never an SDK stack. What passes by itself (unreachable endpoint,
// throttling, 5xx, timeouts) is a TransientError, which the executor retries;
// what a person must fix (credentials, a missing bucket, the wrong region) is a
// UsageError (exit 2). Anything else the server answered is a StateError (exit 1)
// quoting its code, so a surprise from an S3-compatible service is still one line.

import { StateError, TransientError, UsageError } from '../../errors.js';
import { PreconditionFailedError } from '../object-store.js';

/** The fields of an SDK error (or a Node network error) that say what went wrong. */
interface SdkErrorShape {
  name?: string;
  message?: string;
  code?: string;
  Code?: string;
  Region?: string;
  $metadata?: { httpStatusCode?: number };
  $response?: { headers?: Record<string, string | undefined> };
}

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

/** What went wrong, as the decisions above need it. */
export type S3Failure =
  | { kind: 'precondition' }
  | { kind: 'not_found' }
  | { kind: 'no_bucket' }
  | { kind: 'denied'; code: string }
  | { kind: 'region'; region?: string }
  | { kind: 'no_region' }
  | { kind: 'no_credentials' }
  | { kind: 'unreachable'; code: string }
  | { kind: 'throttled'; code: string }
  | { kind: 'server'; code: string }
  | { kind: 'other'; code: string; status?: number; message: string };

function shape(error: unknown): SdkErrorShape {
  return error !== null && typeof error === 'object' ? (error as SdkErrorShape) : { message: String(error) };
}

/** The S3 error code (`NoSuchKey`, `SlowDown`...), or the Node error code for a network failure. */
function codeOf(e: SdkErrorShape): string {
  const nested = (e as { cause?: SdkErrorShape }).cause;
  return e.Code ?? e.code ?? nested?.code ?? e.name ?? 'Error';
}

/** Classifies anything an S3 call threw. */
export function classifyS3Error(error: unknown): S3Failure {
  const e = shape(error);
  const status = e.$metadata?.httpStatusCode;
  const code = codeOf(e);
  const message = e.message ?? '';
  if (CONDITION_NAMES.has(code) || status === 412) return { kind: 'precondition' };
  if (code === 'NoSuchBucket') return { kind: 'no_bucket' };
  if (code === 'NoSuchKey' || (code === 'NotFound' && status === 404)) return { kind: 'not_found' };
  const headerRegion = e.$response?.headers?.['x-amz-bucket-region'];
  if (code === 'PermanentRedirect' || status === 301 || code === 'IllegalLocationConstraintException')
    return { kind: 'region', region: e.Region ?? headerRegion };
  if (code === 'AuthorizationHeaderMalformed' || code === 'InvalidRegion') {
    const expected = /expecting ['"]?([a-z0-9-]+)['"]?/i.exec(message)?.[1];
    return { kind: 'region', region: e.Region ?? headerRegion ?? expected };
  }
  if (DENIED_NAMES.has(code) || status === 403) return { kind: 'denied', code };
  if (/^Region (is missing|not accepted)/.test(message)) return { kind: 'no_region' };
  if (code === 'CredentialsProviderError') return { kind: 'no_credentials' };
  if (THROTTLE_NAMES.has(code) || status === 429 || status === 503) return { kind: 'throttled', code };
  if (status !== undefined && status >= 500) return { kind: 'server', code };
  if (NETWORK_CODES.has(code) || TIMEOUT_NAMES.has(code) || (status === undefined && /socket|network/i.test(message)))
    return { kind: 'unreachable', code };
  return { kind: 'other', code, status, message: message.split('\n')[0] ?? '' };
}

export interface S3Context {
  /** `s3://bucket/key` (or `s3://bucket` for a bucket call). */
  where: string;
  /** The key relative to the store's root, for PreconditionFailedError. */
  key?: string;
  bucket: string;
  /** The endpoint in use, for messages; undefined for AWS S3's own. */
  endpoint?: string;
  /** The region the client signs for, when known. */
  region?: string;
}

/**
 * The one-line error for a failed S3 call. NotFound is left to the caller
 * (a missing key is an answer, not a failure): it maps to StateError here.
 */
export function s3Error(error: unknown, context: S3Context): Error {
  const failure = classifyS3Error(error);
  const { where, bucket } = context;
  const endpoint = context.endpoint ?? 'AWS S3';
  const cause = { cause: error };
  switch (failure.kind) {
    case 'precondition':
      return new PreconditionFailedError(context.key ?? where, `${where} was written by someone else meanwhile`);
    case 'no_bucket':
      return new UsageError(
        `bucket s3://${bucket} does not exist at ${endpoint}: create it, or fix the bucket in the data root (--data-root, PIPEWRIGHT_DATA_ROOT) or AWS_ENDPOINT_URL_S3`,
        cause,
      );
    case 'denied':
      return new UsageError(
        `${where}: access denied (${failure.code}): check the credentials (AWS_PROFILE, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, the OIDC role) and that they may read and write s3://${bucket}; an expired token needs a fresh login`,
        cause,
      );
    case 'region':
      return new UsageError(
        failure.region
          ? `${where}: bucket s3://${bucket} is in region ${failure.region}, not ${context.region ?? 'the configured one'}: set AWS_REGION=${failure.region}`
          : `${where}: bucket s3://${bucket} is in another region than ${context.region ?? 'the configured one'}: set AWS_REGION to the bucket's region`,
        cause,
      );
    case 'no_region':
      return new UsageError(
        `${where}: no valid region is configured: set AWS_REGION (AWS: the bucket's region; R2: auto; MinIO/versitygw: us-east-1)`,
        cause,
      );
    case 'no_credentials':
      return new UsageError(
        `${where}: no credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or a web identity (aws-actions/configure-aws-credentials in Actions)`,
        cause,
      );
    case 'unreachable':
      return new TransientError(
        `${where}: cannot reach ${endpoint} (${failure.code}): check AWS_ENDPOINT_URL_S3 and the network; retried`,
        cause,
      );
    case 'throttled':
      return new TransientError(`${where}: ${endpoint} is throttling requests (${failure.code}): retried later`, cause);
    case 'server':
      return new TransientError(`${where}: ${endpoint} answered a server error (${failure.code}): retried`, cause);
    case 'not_found':
      return new StateError(`${where} does not exist`, where);
    case 'other':
      return new StateError(
        `${where}: ${endpoint} answered ${failure.code}${failure.status ? ` (HTTP ${failure.status})` : ''}: ${failure.message}`,
        where,
      );
  }
}
