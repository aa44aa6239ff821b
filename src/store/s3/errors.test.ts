// What versitygw cannot produce (AWS's 301 redirect, throttling, 5xx), shaped as the
// SDK shapes it; everything it can produce is tested on it in test/store/s3/errors.test.ts.
import { describe, expect, it } from 'vitest';
import { StateError, TransientError, UsageError } from '../../errors.js';
import { PreconditionFailedError } from '../object-store.js';
import { classifyS3Error, s3Error } from './errors.js';
import { judgeProbe } from './preflight.js';

const context = { where: 's3://lake/gold/a.csv', key: 'gold/a.csv', bucket: 'lake', region: 'us-east-1' };

function sdkError(name: string, status: number, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(`${name} message`), { name, $metadata: { httpStatusCode: status }, ...extra });
}

describe('s3Error', () => {
  it("turns AWS's 301 PermanentRedirect into one line with the bucket's region from x-amz-bucket-region", () => {
    const error = sdkError('PermanentRedirect', 301);
    Object.defineProperty(error, '$response', { value: { headers: { 'x-amz-bucket-region': 'eu-central-1' } } });
    const mapped = s3Error(error, context);
    expect(mapped).toBeInstanceOf(UsageError);
    expect(mapped.message).toBe(
      's3://lake/gold/a.csv: bucket s3://lake is in region eu-central-1, not us-east-1: set AWS_REGION=eu-central-1',
    );
    // HeadBucket's bodyless 301
    expect(classifyS3Error(Object.assign(sdkError('Unknown', 301), { $response: { headers: {} } }))).toEqual({
      kind: 'region',
      region: undefined,
    });
  });

  it.each([
    ['SlowDown', 503],
    ['TooManyRequests', 429],
    ['InternalError', 500],
    ['ServiceUnavailable', 503],
    ['BadGateway', 502],
  ])('%s (%i) is transient, retried by the executor', (name, status) => {
    const mapped = s3Error(sdkError(name, status), { ...context, endpoint: 'https://acct.r2.cloudflarestorage.com' });
    expect(mapped).toBeInstanceOf(TransientError);
    expect(mapped.message).toMatch(/^s3:\/\/lake\/gold\/a\.csv: https:\/\/acct\.r2\.cloudflarestorage\.com /);
    expect(mapped.message).toContain(name);
  });

  it('treats socket timeouts as transient and ExpiredToken as a credentials fix', () => {
    expect(s3Error(Object.assign(new Error('socket hang up'), { name: 'TimeoutError' }), context)).toBeInstanceOf(
      TransientError,
    );
    const expired = s3Error(sdkError('ExpiredToken', 400), context);
    expect(expired).toBeInstanceOf(UsageError);
    expect(expired.message).toContain('access denied (ExpiredToken)');
  });

  it('maps ConditionalRequestConflict (409) like 412, and quotes anything unknown in one line', () => {
    expect(s3Error(sdkError('ConditionalRequestConflict', 409), context)).toBeInstanceOf(PreconditionFailedError);
    const odd = s3Error(sdkError('NotImplemented', 501 - 100), context);
    expect(odd).toBeInstanceOf(StateError);
    expect(odd.message).toBe('s3://lake/gold/a.csv: AWS S3 answered NotImplemented (HTTP 401): NotImplemented message');
  });
});

describe('judgeProbe', () => {
  const honest = {
    create: 'written',
    createAgain: 'precondition_failed',
    wrongEtag: 'precondition_failed',
    rightEtag: 'written',
  } as const;

  it('accepts an endpoint that honours both conditions', () => {
    expect(judgeProbe(honest)).toBeUndefined();
  });

  it('names the condition an endpoint ignored or rejected', () => {
    expect(judgeProbe({ ...honest, createAgain: 'written' })).toBe(
      'If-None-Match: * on an existing key was written instead of refused',
    );
    expect(judgeProbe({ ...honest, wrongEtag: 'written' })).toBe(
      'If-Match with a wrong ETag was written instead of refused',
    );
    expect(judgeProbe({ ...honest, create: { error: 'NotImplemented' } })).toBe(
      'If-None-Match: * on a new key failed (NotImplemented)',
    );
    expect(judgeProbe({ ...honest, rightEtag: 'precondition_failed' })).toBe(
      'If-Match with the current ETag was refused',
    );
  });
});
