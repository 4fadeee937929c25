import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A throw-away folder holding the given files; `remove` deletes it. */
export interface TempProject {
  readonly root: string;
  write(path: string, content: string): string;
  remove(): void;
}

export function createTempProject(files: Record<string, string> = {}): TempProject {
  const root = mkdtempSync(join(tmpdir(), 'certify-test-'));
  const write = (path: string, content: string): string => {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
    return file;
  };
  for (const [path, content] of Object.entries(files)) write(path, content);
  const remove = (): void => {
    rmSync(root, { recursive: true, force: true });
  };
  return { root, write, remove };
}
