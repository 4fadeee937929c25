import { execFileSync } from 'node:child_process';

/** `setpriv` on PATH: it runs a program without some of root's capabilities. */
function hasSetpriv(): boolean {
  try {
    execFileSync('setpriv', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const isRoot = process.getuid?.() === 0;

/**
 * The argv that runs `argv` with the file permissions of an ordinary user: as is for one, and for
 * root (as in CI) under `setpriv` without the capabilities that bypass permission checks
 * (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH). Undefined when root has no `setpriv`: the caller skips.
 */
export function withFilePermissions(argv: readonly string[]): string[] | undefined {
  if (!isRoot) return [...argv];
  if (!hasSetpriv()) return undefined;
  return ['setpriv', '--bounding-set=-dac_override,-dac_read_search', ...argv];
}
