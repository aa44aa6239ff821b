// The two kinds of data root a test can run the CLI against: a temp folder, or
// a prefix in a bucket of a real S3 server (versitygw on loopback). Inputs land
// through the S3 API, as an exporter would deliver them; published objects are
// read back where versitygw's posix backend keeps them (`<bucket>/<key>` files),
// so the assertions of a folder test read the same bytes either way.
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll } from 'vitest';
import { s3ClientFor, startVersitygw, type Versitygw } from './versitygw.js';

export type RootKind = 'folder' | 'bucket';
export const ROOT_KINDS: RootKind[] = ['folder', 'bucket'];

export interface TestRoot {
  kind: RootKind;
  /** What `--data-root` gets: the folder, or `s3://bucket/prefix`. */
  dataRoot: string;
  /** The environment a CLI process needs to reach it. */
  env: NodeJS.ProcessEnv;
  /** Where the root's bytes can be read locally (the folder, or versitygw's backend folder of the prefix). */
  dir: string;
  /** Delivers a file (an export landing), through the S3 API for a bucket. */
  put(rel: string, data: string | Uint8Array): Promise<void>;
  /** Delivers every file of a local folder under `rel`. */
  putDir(localDir: string, rel: string): Promise<void>;
}

/**
 * Call at the top of a test file: starts versitygw once for the file (stopped by
 * pid and its folder removed after the file), and returns a function that makes
 * a fresh root of a kind, removed after the file.
 */
export function testRoots(prefix: string): (kind: RootKind) => TestRoot {
  let server: Versitygw | undefined;
  let client: S3Client | undefined;
  const folders: string[] = [];
  beforeAll(async () => {
    server = await startVersitygw({ buckets: ['pipewright-test'] });
    client = s3ClientFor(server);
  }, 120_000);
  afterAll(async () => {
    client?.destroy();
    await server?.stop();
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });
  return (kind) => {
    if (kind === 'folder') {
      const dir = mkdtempSync(path.join(tmpdir(), prefix));
      folders.push(dir);
      return {
        kind,
        dataRoot: dir,
        env: {},
        dir,
        async put(rel, data) {
          mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
          writeFileSync(path.join(dir, rel), data);
        },
        async putDir(localDir, rel) {
          cpSync(localDir, path.join(dir, rel), { recursive: true });
        },
      };
    }
    if (!server || !client) throw new Error('testRoots: versitygw is not running (call testRoots at the top level)');
    const s3 = client;
    const bucket = 'pipewright-test';
    const keyPrefix = `${prefix.replace(/[^a-z0-9-]/g, '')}${randomBytes(4).toString('hex')}`;
    const put = async (rel: string, data: string | Uint8Array) => {
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `${keyPrefix}/${rel}`, Body: data }));
    };
    return {
      kind,
      dataRoot: `s3://${bucket}/${keyPrefix}`,
      env: { ...server.env },
      dir: path.join(server.root, bucket, keyPrefix),
      put,
      async putDir(localDir, rel) {
        for (const file of filesUnder(localDir)) {
          await put(path.posix.join(rel, file), readFileSync(path.join(localDir, file)));
        }
      },
    };
  };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((rel) => statSync(path.join(dir, rel)).isFile())
    .map((rel) => rel.split(path.sep).join('/'))
    .sort();
}
