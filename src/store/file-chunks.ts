// A file's bytes in big chunks read into two buffers that take turns: no allocation per
// chunk, so reading a 500 MB file costs no garbage collection, and the next chunk is read
// (off the main thread) while the caller works through this one. A chunk is valid until
// the next one is asked for; a consumer that keeps bytes copies them.
import type { FileHandle } from 'node:fs/promises';

/** Big reads keep the per-chunk overhead out of the way of whoever scans the bytes. */
export const READ_CHUNK = 1 << 20;

/** Reads the opened file from its current position to the end, then closes it. */
export async function* fileChunks(handle: FileHandle, signal?: AbortSignal): AsyncGenerator<Uint8Array> {
  let filling = new Uint8Array(READ_CHUNK);
  let spare = new Uint8Array(READ_CHUNK);
  let reading: Promise<{ bytesRead: number }> | undefined;
  try {
    reading = handle.read(filling, 0, READ_CHUNK, null);
    for (;;) {
      signal?.throwIfAborted();
      const { bytesRead } = await reading;
      reading = undefined;
      if (bytesRead === 0) return;
      const chunk = filling.subarray(0, bytesRead);
      // The buffer the caller gave back by asking for this chunk takes the next read.
      [filling, spare] = [spare, filling];
      reading = handle.read(filling, 0, READ_CHUNK, null);
      yield chunk;
    }
  } finally {
    // Never close the file under a read still in flight.
    await reading?.catch(() => {});
    await handle.close();
  }
}
