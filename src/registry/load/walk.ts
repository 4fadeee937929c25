import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compareText, errnoCodeOf } from '../../common/index.ts';

/** The files of a registry folder, found by walking it (following symbolic links). */
export interface FoundFiles {
  readonly yaml: readonly string[];
  readonly rego: readonly string[];
}

export type WalkResult =
  | { readonly ok: true; readonly found: FoundFiles }
  | { readonly ok: false; readonly message: string };

/** Thrown inside the walk to stop it with a message; caught in `walkRegistry`. */
class WalkStop extends Error {}

interface WalkState {
  readonly yaml: string[];
  readonly rego: string[];
}

function targetIsDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch (error: unknown) {
    const code = errnoCodeOf(error);
    if (code === 'ELOOP') {
      throw new WalkStop(`symbolic link loop at ${path}: the link never reaches a file or folder`);
    }
    // A dangling link: a YAML name is still collected, so reading it reports the problem.
    if (code === 'ENOENT') return false;
    throw error;
  }
}

function visit(folder: string, ancestors: readonly string[], state: WalkState): void {
  const entries = readdirSync(folder, { withFileTypes: true });
  entries.sort((left, right) => compareText(left.name, right.name));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    const isDirectory = entry.isSymbolicLink() ? targetIsDirectory(path) : entry.isDirectory();
    if (isDirectory) {
      if (entry.name.startsWith('.')) continue;
      const real = realpathSync(path);
      if (ancestors.includes(real)) {
        throw new WalkStop(
          `symbolic link loop: ${path} leads back to ${real}, a folder it is inside`,
        );
      }
      visit(path, [...ancestors, real], state);
    } else if (/\.ya?ml$/.test(entry.name)) state.yaml.push(path);
    else if (entry.name.endsWith('.rego')) state.rego.push(path);
  }
}

/**
 * Lists every `.yaml`/`.yml` and `.rego` file under `root`, skipping hidden folders.
 * Synchronous, like the reads that follow it: cheaper for many small local files.
 */
export function walkRegistry(root: string): WalkResult {
  const state: WalkState = { yaml: [], rego: [] };
  try {
    visit(root, [realpathSync(root)], state);
  } catch (error: unknown) {
    if (error instanceof WalkStop) return { ok: false, message: error.message };
    const code = errnoCodeOf(error);
    if (code === undefined) throw error;
    return { ok: false, message: `cannot read the registry folder ${root} (${code})` };
  }
  return { ok: true, found: state };
}
