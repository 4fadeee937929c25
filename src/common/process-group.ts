/** Grace period between SIGTERM and SIGKILL when a process tree is stopped. */
export const KILL_GRACE_MS = 2_000;

/** Sends `signal` to every process of the group led by `pid` (started with `detached: true`). */
export function signalProcessGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (error: unknown) {
    // ESRCH: the whole group has already exited, which is what we want.
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/**
 * Stops a process group: SIGTERM now, SIGKILL after a grace period for whatever ignored it, so
 * that a timeout or an interrupt ends the whole tree a command started, not just its first process.
 */
export function stopProcessGroup(pid: number, graceMs = KILL_GRACE_MS): void {
  signalProcessGroup(pid, 'SIGTERM');
  setTimeout(() => {
    signalProcessGroup(pid, 'SIGKILL');
  }, graceMs).unref();
}
