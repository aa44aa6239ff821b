import { describe, expect, it } from 'vitest';
import { UsageError } from '../../errors.js';
import { isLocalOrIp, parseS3Url, s3ClientConfig, s3Settings } from './url.js';

describe('parseS3Url', () => {
  it('splits bucket and prefix and gives the canonical URL', () => {
    expect(parseS3Url('s3://turanmart-lake/gold/daily')).toEqual({
      bucket: 'turanmart-lake',
      prefix: 'gold/daily',
      url: 's3://turanmart-lake/gold/daily',
    });
    expect(parseS3Url('s3://turanmart-lake/gold/')).toMatchObject({ prefix: 'gold', url: 's3://turanmart-lake/gold' });
    expect(parseS3Url('s3://turanmart-lake')).toEqual({
      bucket: 'turanmart-lake',
      prefix: '',
      url: 's3://turanmart-lake',
    });
    expect(parseS3Url('s3://my_gcs_bucket.v2/x')).toMatchObject({ bucket: 'my_gcs_bucket.v2', prefix: 'x' });
  });

  it.each([
    ['https://bucket/x', 'is not an s3:// URL'],
    ['s3://', 'has no bucket'],
    ['s3:///prefix', 'has no bucket'],
    ['s3://Turanmart/x', "names bucket 'Turanmart', which is not a bucket name"],
    ['s3://ab/x', "names bucket 'ab'"],
    ['s3://-lake/x', "names bucket '-lake'"],
    ['s3://a..b/x', "names bucket 'a..b'"],
    ['s3://lake//x', 'has an empty segment'],
    ['s3://lake/a/../b', "has an '..' segment"],
    ['s3://lake/a?versionId=1', 'contains ?'],
  ])('refuses %s with one line', (url, message) => {
    const error = (() => {
      try {
        parseS3Url(url);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain(message);
    expect((error as Error).message).toContain(JSON.stringify(url));
    expect((error as Error).message).not.toContain('\n');
  });
});

describe('s3Settings', () => {
  it('takes the S3 endpoint before the general one, and the region from AWS_REGION then AWS_DEFAULT_REGION', () => {
    expect(
      s3Settings({
        AWS_ENDPOINT_URL_S3: 'https://acct.r2.cloudflarestorage.com',
        AWS_ENDPOINT_URL: 'https://other.example',
        AWS_DEFAULT_REGION: 'auto',
      }),
    ).toEqual({ endpoint: 'https://acct.r2.cloudflarestorage.com', region: 'auto', forcePathStyle: false });
    expect(
      s3Settings({ AWS_ENDPOINT_URL: 'https://oss-cn-hangzhou.aliyuncs.com', AWS_REGION: 'oss-cn-hangzhou' }),
    ).toEqual({
      endpoint: 'https://oss-cn-hangzhou.aliyuncs.com',
      region: 'oss-cn-hangzhou',
      forcePathStyle: false,
    });
    expect(s3Settings({})).toEqual({ endpoint: undefined, region: undefined, forcePathStyle: false });
  });

  it('uses path-style addressing for IP and localhost endpoints, or when forced', () => {
    expect(s3Settings({ AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:7070' }).forcePathStyle).toBe(true);
    expect(s3Settings({ AWS_ENDPOINT_URL_S3: 'http://[::1]:7070' }).forcePathStyle).toBe(true);
    expect(s3Settings({ AWS_ENDPOINT_URL_S3: 'http://localhost:9000' }).forcePathStyle).toBe(true);
    expect(s3Settings({ AWS_ENDPOINT_URL_S3: 'https://minio.internal:9000' }).forcePathStyle).toBe(false);
    expect(
      s3Settings({ AWS_ENDPOINT_URL_S3: 'https://minio.internal:9000', AWS_S3_FORCE_PATH_STYLE: 'true' })
        .forcePathStyle,
    ).toBe(true);
    expect(s3Settings({ AWS_S3_FORCE_PATH_STYLE: 'TRUE' }).forcePathStyle).toBe(true);
    expect(isLocalOrIp('storage.googleapis.com')).toBe(false);
    expect(isLocalOrIp('10.0.0.12')).toBe(true);
  });

  it('refuses a malformed endpoint or path-style setting with one line naming the variable', () => {
    expect(() => s3Settings({ AWS_ENDPOINT_URL_S3: 'r2.cloudflarestorage.com' })).toThrow(
      /^AWS_ENDPOINT_URL_S3=r2\.cloudflarestorage\.com is not an http\(s\) URL/,
    );
    expect(() => s3Settings({ AWS_ENDPOINT_URL: 'ftp://x' })).toThrow(UsageError);
    expect(() => s3Settings({ AWS_S3_FORCE_PATH_STYLE: 'yes' })).toThrow(
      /AWS_S3_FORCE_PATH_STYLE=yes must be true or false/,
    );
  });
});

describe('s3ClientConfig', () => {
  it('asks for checksums only where required on S3-compatible endpoints, not on AWS', () => {
    const r2 = s3ClientConfig({ AWS_ENDPOINT_URL_S3: 'https://acct.r2.cloudflarestorage.com', AWS_REGION: 'auto' });
    expect(r2).toMatchObject({
      endpoint: 'https://acct.r2.cloudflarestorage.com',
      region: 'auto',
      forcePathStyle: false,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    const aws = s3ClientConfig({ AWS_REGION: 'eu-central-1' });
    expect(aws.endpoint).toBeUndefined();
    expect(aws.requestChecksumCalculation).toBeUndefined();
    const chosen = s3ClientConfig({
      AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:7070',
      AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_SUPPORTED',
    });
    expect(chosen.requestChecksumCalculation).toBeUndefined();
    expect(chosen.forcePathStyle).toBe(true);
  });

  it('leaves credentials to the SDK default chain (profiles, web identity)', () => {
    expect(s3ClientConfig({ AWS_ACCESS_KEY_ID: 'AKIA', AWS_SECRET_ACCESS_KEY: 's' })).not.toHaveProperty('credentials');
  });
});
