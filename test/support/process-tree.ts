import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A Node script (for `node -e`) that starts a grandchild, writes both pids to `pids.txt` in its
 * working folder, and keeps both alive for a minute: what a step that must be stopped as a whole
 * tree looks like.
 */
export const processTreeScript = [
  "const { spawn } = require('node:child_process');",
  "const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });",
  "require('node:fs').writeFileSync('pids.txt', `${process.pid} ${child.pid}`);",
  'setTimeout(() => {}, 60000);',
].join(' ');

/** The pids the script wrote in `folder`, once it has written them. */
export function treePids(folder: string): number[] {
  const file = join(folder, 'pids.txt');
  return existsSync(file) ? readFileSync(file, 'utf8').trim().split(' ').map(Number) : [];
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
