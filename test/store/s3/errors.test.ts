// What a user sees when a bucket cannot be used, produced by a real S3 server
// (versitygw): a missing bucket, wrong credentials, the wrong region, no region,
// no credentials, a stopped server. One line naming the bucket or key, never a stack.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { TransientError, UsageError } from '../../../src/errors.js';
import { openS3Store } from '../../../src/store/s3/bucket-store.js';
import { checkBucket, probeConditionalWrites } from '../../../src/store/s3/preflight.js';
import { stubS3Env } from '../../support/s3-env.js';
import { startVersitygw, type Versitygw } from '../../support/versitygw.js';

let server: Versitygw;

beforeAll(async () => {
  server = await startVersitygw({ buckets: ['lake'] });
});

afterEach(() => {
  vi.unstubAllEnvs();
});

afterAll(async () => {
  await server?.stop();
});

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    expect((error as Error).message).not.toContain('\n');
    return error as Error;
  }
  throw new Error('expected a failure');
}

describe('bucket preflight and errors on versitygw', () => {
  it('passes for a bucket that exists, and the endpoint honours conditional writes', async () => {
    stubS3Env(server);
    const store = openS3Store('s3://lake/daily');
    await checkBucket(store);
    await probeConditionalWrites(store);
    const left: string[] = [];
    for await (const info of store.list('_pipewright/probe/')) left.push(info.key);
    expect(left).toEqual([]);
  });

  it('names a missing bucket and the fix', async () => {
    stubS3Env(server);
    const error = await failure(checkBucket(openS3Store('s3://no-such-lake/daily')));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe(
      `bucket s3://no-such-lake does not exist at ${server.endpoint}: create it, or fix the bucket in the data root (--data-root, PIPEWRIGHT_DATA_ROOT) or AWS_ENDPOINT_URL_S3`,
    );
    const read = await failure(openS3Store('s3://no-such-lake/daily').readText('x.json'));
    expect(read).toBeInstanceOf(UsageError);
    expect(read.message).toMatch(/^bucket s3:\/\/no-such-lake does not exist/);
  });

  it('says access is denied for a wrong secret or an unknown key id, naming the bucket or key', async () => {
    stubS3Env(server, { AWS_SECRET_ACCESS_KEY: 'not-the-secret' });
    const head = await failure(checkBucket(openS3Store('s3://lake/daily')));
    expect(head).toBeInstanceOf(UsageError);
    expect(head.message).toMatch(/^s3:\/\/lake: access denied \(SignatureDoesNotMatch\): check the credentials/);
    const read = await failure(openS3Store('s3://lake/daily').readText('gold/a.csv'));
    expect(read).toBeInstanceOf(UsageError);
    expect(read.message).toMatch(/^s3:\/\/lake\/daily\/gold\/a\.csv: access denied \(SignatureDoesNotMatch\)/);

    stubS3Env(server, { AWS_ACCESS_KEY_ID: 'nobody' });
    const unknown = await failure(checkBucket(openS3Store('s3://lake/daily')));
    expect(unknown).toBeInstanceOf(UsageError);
    expect(unknown.message).toMatch(/^s3:\/\/lake: access denied/);
  });

  it('names the region the bucket is in when the client signs for another', async () => {
    stubS3Env(server, { AWS_REGION: 'eu-west-1' });
    const error = await failure(checkBucket(openS3Store('s3://lake/daily')));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe(
      's3://lake: bucket s3://lake is in region us-east-1, not eu-west-1: set AWS_REGION=us-east-1',
    );
  });

  it('asks for a region or credentials when the AWS chain finds none', async () => {
    stubS3Env(server, {
      AWS_REGION: undefined,
      AWS_DEFAULT_REGION: undefined,
      AWS_CONFIG_FILE: '/nonexistent/pipewright/config',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/pipewright/credentials',
    });
    const region = await failure(checkBucket(openS3Store('s3://lake/daily')));
    expect(region).toBeInstanceOf(UsageError);
    expect(region.message).toMatch(/^s3:\/\/lake: no valid region is configured: set AWS_REGION/);

    stubS3Env(server, {
      AWS_ACCESS_KEY_ID: undefined,
      AWS_SECRET_ACCESS_KEY: undefined,
      AWS_PROFILE: undefined,
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONFIG_FILE: '/nonexistent/pipewright/config',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/pipewright/credentials',
    });
    const credentials = await failure(checkBucket(openS3Store('s3://lake/daily')));
    expect(credentials).toBeInstanceOf(UsageError);
    expect(credentials.message).toMatch(/^s3:\/\/lake: no credentials found: set AWS_ACCESS_KEY_ID/);
  });

  it('calls a stopped server unreachable: transient, so the executor retries', async () => {
    const gone = await startVersitygw({ buckets: ['lake'] });
    await gone.stop();
    stubS3Env(gone);
    const store = openS3Store('s3://lake/daily');
    const read = await failure(store.readText('gold/a.csv'));
    expect(read).toBeInstanceOf(TransientError);
    expect(read.message).toBe(
      `s3://lake/daily/gold/a.csv: cannot reach ${gone.endpoint} (ECONNREFUSED): check AWS_ENDPOINT_URL_S3 and the network; retried`,
    );
    const write = await failure(store.write('gold/a.csv', 'x'));
    expect(write).toBeInstanceOf(TransientError);
  });

  it('turns a connection lost in the middle of a read into the same transient line', async () => {
    const dying = await startVersitygw({ buckets: ['lake'] });
    try {
      stubS3Env(dying);
      const store = openS3Store('s3://lake/daily');
      const block = Buffer.alloc(1024 * 1024, 1);
      await store.write(
        'gold/big.bin',
        (async function* () {
          for (let i = 0; i < 64; i++) yield block;
        })(),
      );
      const reading = await store.read('gold/big.bin');
      const chunks = reading[Symbol.asyncIterator]();
      await chunks.next();
      process.kill(dying.pid, 'SIGKILL');
      const error = await failure(
        (async () => {
          for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
            // drain what was already on the way
          }
        })(),
      );
      expect(error).toBeInstanceOf(TransientError);
      expect(error.message).toMatch(/^s3:\/\/lake\/daily\/gold\/big\.bin: cannot reach http:\/\/127\.0\.0\.1:\d+ \(/);
    } finally {
      await dying.stop();
    }
  });

  it('refuses a malformed override of the probe, and skips the probe when the risk is accepted', async () => {
    stubS3Env(server);
    const store = openS3Store('s3://lake/daily');
    expect(() => probeConditionalWrites(store, { PIPEWRIGHT_S3_CONDITIONAL_WRITES: 'off' })).toThrow(
      'PIPEWRIGHT_S3_CONDITIONAL_WRITES=off must be checked (the default) or unchecked',
    );
    await probeConditionalWrites(openS3Store('s3://no-such-lake'), { PIPEWRIGHT_S3_CONDITIONAL_WRITES: 'unchecked' });
  });
});
