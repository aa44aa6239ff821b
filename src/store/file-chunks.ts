// A file's bytes in big chunks read into two buffers that take turns: no allocation per
// chunk, so reading a 500 MB file costs no garbage collection, and the next chunk is read
// (off the main thread) while the caller works through this one. A chunk is valid until
// the next one is asked for; a consumer that keeps bytes copies them. A file this process
// is still writing (a download) can be followed: its end is where the writer finishes.
import type { FileHandle } from 'node:fs/promises';

/** Big reads keep the per-chunk overhead out of the way of whoever scans the bytes. */
export const READ_CHUNK = 1 << 20;

/** A file still being written by this process, only ever appended to. */
export interface FileGrowth {
  /** `growing` while bytes may still come, `whole` once the writer finished, else why it stopped. */
  state(): 'growing' | 'whole' | { stopped: unknown };
  /** Resolves once the file holds `bytes` bytes, or the writer finished or stopped. */
  reached(bytes: number): Promise<void>;
}

/** The writer of a followed file stopped before it was whole: what was read is all there is. */
export class FileGrowthStopped extends Error {
  readonly reason: unknown;
  constructor(reason: unknown) {
    super('the file stopped growing before it was whole');
    this.reason = reason;
  }
}

/**
 * Reads the opened file from its current position to the end, then closes it. With
 * `growth`, the end is where its writer finishes: caught up, it waits for more.
 */
export async function* fileChunks(
  handle: FileHandle,
  signal?: AbortSignal,
  growth?: FileGrowth,
): AsyncGenerator<Uint8Array> {
  let filling = new Uint8Array(READ_CHUNK);
  let spare = new Uint8Array(READ_CHUNK);
  let reading: Promise<{ bytesRead: number }> | undefined;
  /** Seen whole before the last read: a read that then finds nothing is the end. */
  let sawWhole = false;
  let position = 0;
  try {
    reading = handle.read(filling, 0, READ_CHUNK, null);
    for (;;) {
      signal?.throwIfAborted();
      const { bytesRead } = await reading;
      reading = undefined;
      if (bytesRead === 0) {
        const state = growth?.state() ?? 'whole';
        if (state === 'whole') {
          if (sawWhole || !growth) return;
          sawWhole = true; // its last bytes may have landed since that read
        } else if (state === 'growing') {
          // Caught up: wait for a whole chunk, so the reader is not woken for every few bytes.
          await growth?.reached(position + READ_CHUNK);
        } else throw new FileGrowthStopped(state.stopped);
        reading = handle.read(filling, 0, READ_CHUNK, null);
        continue;
      }
      position += bytesRead;
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
