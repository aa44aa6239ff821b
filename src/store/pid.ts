// Whether a process on this host still runs: decides if a temp file or a lock
// was left behind by a killed writer.

/** True unless the kernel says no such process; a process we may not signal still counts as alive. */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
