import type { FileHandle } from 'node:fs/promises';
/** Big reads keep the per-chunk overhead out of the way of whoever scans the bytes. */
export declare const READ_CHUNK: number;
/** Reads the opened file from its current position to the end, then closes it. */
export declare function fileChunks(handle: FileHandle, signal?: AbortSignal): AsyncGenerator<Uint8Array>;
