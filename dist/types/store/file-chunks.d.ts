import type { FileHandle } from 'node:fs/promises';
/** Big reads keep the per-chunk overhead out of the way of whoever scans the bytes. */
export declare const READ_CHUNK: number;
/** A file still being written by this process, only ever appended to. */
export interface FileGrowth {
    /** `growing` while bytes may still come, `whole` once the writer finished, else why it stopped. */
    state(): 'growing' | 'whole' | {
        stopped: unknown;
    };
    /** Resolves once the file holds `bytes` bytes, or the writer finished or stopped. */
    reached(bytes: number): Promise<void>;
}
/** The writer of a followed file stopped before it was whole: what was read is all there is. */
export declare class FileGrowthStopped extends Error {
    readonly reason: unknown;
    constructor(reason: unknown);
}
/**
 * Reads the opened file from its current position to the end, then closes it. With
 * `growth`, the end is where its writer finishes: caught up, it waits for more.
 */
export declare function fileChunks(handle: FileHandle, signal?: AbortSignal, growth?: FileGrowth): AsyncGenerator<Uint8Array>;
