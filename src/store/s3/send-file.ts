// Sending a local file or a part buffer: the request is signed with the SHA-256 of
// its bytes when one is given (else UNSIGNED-PAYLOAD, where a CRC32 the server checks
// guards them), so the server refuses bytes that changed on the way, and a connection
// lost or a busy server is tried again with a fresh body (the SDK cannot resend a stream).

import { setTimeout as sleep } from 'node:timers/promises';
import { PutObjectCommand, type S3Client, type UploadPartCommand } from '@aws-sdk/client-s3';
import { classifyS3Error } from './errors.js';

/** Tries of one request whose body is read from a local file. */
const ATTEMPTS = 3;

/** What a request is signed with when its body is not hashed (S3 then checks a CRC32 it is sent). */
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

/**
 * Sends the command made by `command` (anew for each try: a try uses up its body stream),
 * signed with `sha256`: the body's hex SHA-256, or UNSIGNED_PAYLOAD.
 */
export async function sendWithPayloadSha256(
  client: S3Client,
  command: () => PutObjectCommand | UploadPartCommand,
  sha256: string | undefined,
  signal?: AbortSignal,
): Promise<{ ETag?: string }> {
  for (let attempt = 1; ; attempt++) {
    try {
      const made = command();
      const options = { abortSignal: signal };
      if (made instanceof PutObjectCommand) {
        if (sha256 !== undefined) made.middlewareStack.add(signedWith(sha256), SIGNED);
        return await client.send(made, options);
      }
      if (sha256 !== undefined) made.middlewareStack.add(signedWith(sha256), SIGNED);
      return await client.send(made, options);
    } catch (error) {
      const kind = classifyS3Error(error).kind;
      const passing = kind === 'unreachable' || kind === 'server' || kind === 'throttled';
      if (!passing || attempt >= ATTEMPTS || signal?.aborted) throw error;
      await sleep(250 * 2 ** attempt, undefined, { signal });
    }
  }
}

const SIGNED = { step: 'build', name: 'pipewrightPayloadSha256' } as const;

/** Sets the payload hash the request is signed with (the signing step reads this header). */
function signedWith(sha256: string) {
  return <Args extends { request: unknown }, Result>(next: (args: Args) => Result) =>
    (args: Args): Result => {
      const request = args.request as { headers?: Record<string, string> };
      if (request.headers) request.headers['x-amz-content-sha256'] = sha256;
      return next(args);
    };
}

/** A CRC32 as S3 headers carry it: the 4 bytes big-endian, in base64. */
export function crc32Base64(value: number): string {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value >>> 0);
  return bytes.toString('base64');
}
