// Writing a whole buffer through a FileHandle: one write may take fewer bytes than it
// was given, so it is repeated from where it stopped.
import type { FileHandle } from 'node:fs/promises';

/** Writes every byte of `bytes` at the file's current position. */
export async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  for (let at = 0; at < bytes.byteLength; ) at += (await handle.write(bytes, at, bytes.byteLength - at)).bytesWritten;
}
