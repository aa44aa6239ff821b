// `s3://bucket/prefix` data roots and the S3 client they need. Endpoint, region
// and credentials come from the standard AWS chain, so one pipeline runs against
// AWS S3, R2, OSS, GCS's XML API, MinIO or versitygw by environment alone:
// AWS_ENDPOINT_URL_S3 (then AWS_ENDPOINT_URL), AWS_REGION (then
// AWS_DEFAULT_REGION, then the profile), credentials from the SDK's default
// provider (env keys, AWS_PROFILE, web identity/OIDC, SSO, instance roles).
// Gateways on an IP address or localhost get path-style addressing by
// themselves; AWS_S3_FORCE_PATH_STYLE=true forces it for any endpoint.

import type { S3ClientConfig } from '@aws-sdk/client-s3';
import { UsageError } from '../../errors.js';

export interface S3Location {
  bucket: string;
  /** Key prefix without leading or trailing slash; '' for the bucket's root. */
  prefix: string;
  /** Canonical form: `s3://bucket` or `s3://bucket/prefix`. */
  url: string;
}

const SCHEME = 's3://';
// The rules every provider shares (AWS, R2, OSS; GCS also allows underscores).
const BUCKET = /^[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]$/;
const BUCKET_RULE =
  '3 to 63 lowercase letters, digits, dots, hyphens or underscores, starting and ending with a letter or digit';

export function isS3Url(text: string): boolean {
  return text.startsWith(SCHEME);
}

/** Parses `s3://bucket[/prefix]`; anything else is one UsageError line naming the URL and the rule it breaks. */
export function parseS3Url(text: string): S3Location {
  const refuse = (why: string) => new UsageError(`data root ${JSON.stringify(text)} ${why}`);
  if (!isS3Url(text)) throw refuse(`is not an s3:// URL (expected s3://bucket/prefix)`);
  if (/[?#\s\\]/.test(text)) throw refuse('contains ?, #, a backslash or whitespace: give s3://bucket/prefix only');
  const rest = text.slice(SCHEME.length);
  const slash = rest.indexOf('/');
  const bucket = slash < 0 ? rest : rest.slice(0, slash);
  if (bucket === '') throw refuse('has no bucket (expected s3://bucket/prefix)');
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

export interface S3Settings {
  /** Undefined: the provider's default endpoint (AWS S3 for the region). */
  endpoint?: string;
  /** Undefined: the SDK reads the profile's region. */
  region?: string;
  forcePathStyle: boolean;
}

const ENDPOINT_VARIABLES = ['AWS_ENDPOINT_URL_S3', 'AWS_ENDPOINT_URL'] as const;

/** What the environment says about the S3 endpoint, checked so a typo fails with one line. */
export function s3Settings(env: NodeJS.ProcessEnv = process.env): S3Settings {
  const variable = ENDPOINT_VARIABLES.find((name) => nonEmpty(env[name]) !== undefined);
  const endpoint = variable && nonEmpty(env[variable]);
  let host: string | undefined;
  if (variable && endpoint) {
    let url: URL | undefined;
    try {
      url = new URL(endpoint);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:'))
      throw new UsageError(
        `${variable}=${endpoint} is not an http(s) URL: give the endpoint, e.g. https://<account>.r2.cloudflarestorage.com`,
      );
    host = url.hostname;
  }
  const region = nonEmpty(env.AWS_REGION) ?? nonEmpty(env.AWS_DEFAULT_REGION);
  return { endpoint, region, forcePathStyle: pathStyle(env.AWS_S3_FORCE_PATH_STYLE, host) };
}

function pathStyle(setting: string | undefined, host: string | undefined): boolean {
  const value = nonEmpty(setting)?.toLowerCase();
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  if (value !== undefined) throw new UsageError(`AWS_S3_FORCE_PATH_STYLE=${setting} must be true or false`);
  // A bucket cannot be a subdomain of an IP address or of localhost.
  return host !== undefined && isLocalOrIp(host);
}

/** An IPv4 or IPv6 literal, or localhost: no virtual-hosted bucket names there. */
export function isLocalOrIp(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  return (
    bare === 'localhost' || bare.endsWith('.localhost') || /^\d{1,3}(\.\d{1,3}){3}$/.test(bare) || bare.includes(':')
  );
}

/** Connection setup stays short; a stalled transfer fails after this much silence (then retried). */
const CONNECTION_TIMEOUT_MS = 10_000;
export const SOCKET_TIMEOUT_MS = 60_000;

/**
 * The S3 client configuration for this environment. Credentials are left to the
 * SDK's default provider chain. A non-AWS endpoint gets request checksums only
 * where S3 requires them (AWS_REQUEST_CHECKSUM_CALCULATION overrides), because
 * several S3-compatible services reject the SDK's default CRC32 trailers.
 */
export function s3ClientConfig(env: NodeJS.ProcessEnv = process.env): S3ClientConfig {
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

const quiet = () => {};
const SILENT = { trace: quiet, debug: quiet, info: quiet, warn: quiet, error: quiet };

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
