import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** A file of the feature, read once and shared by the checks that scan it. */
export interface SourceFile {
  /** Path relative to the project root, as findings show it. */
  readonly path: string;
  readonly text: string;
}

const skippedFolders = new Set(['node_modules', '.git']);

/** Every file under `folder` (recursively, without node_modules), read as UTF-8 text. */
export async function readSourceFiles(folder: string, projectRoot: string): Promise<SourceFile[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter(
      (file) =>
        !relative(folder, file)
          .split('/')
          .some((part) => skippedFolders.has(part)),
    )
    .sort();
  return Promise.all(
    files.map(async (file) => ({
      path: relative(projectRoot, file),
      text: await readFile(file, 'utf8'),
    })),
  );
}

/** TypeScript and JavaScript sources, which the compiler API can parse. */
export function isScript(path: string): boolean {
  return /\.(?:[cm]?ts|tsx|[cm]?js|jsx)$/.test(path);
}
