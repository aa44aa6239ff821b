// A file's bytes in big chunks read into one buffer that is reused: no allocation per
// chunk, so reading a 500 MB file costs no garbage collection. A chunk is valid until
// the next one is asked for; a consumer that keeps bytes copies them.
import type { FileHandle } from 'node:fs/promises';

/** Big reads keep the per-chunk overhead out of the way of whoever scans the bytes. */
export const READ_CHUNK = 1 << 20;

/** Reads the opened file from its current position to the end, then closes it. */
export async function* fileChunks(handle: FileHandle, signal?: AbortSignal): AsyncGenerator<Uint8Array> {
  try {
    const buffer = new Uint8Array(READ_CHUNK);
    for (;;) {
      signal?.throwIfAborted();
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}
