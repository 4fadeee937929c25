import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    // Not there, or not executable: the caller reports "not found" with the places it looked.
    return false;
  }
}

/** `weaver` on the PATH of `env`, or undefined. */
export function findWeaverOnPath(
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  const dirs = (env.PATH ?? '').split(delimiter).filter((dir) => dir !== '');
  return dirs.map((dir) => join(dir, 'weaver')).find(isExecutableFile);
}

export function isUsableWeaver(path: string): boolean {
  return isExecutableFile(path);
}
