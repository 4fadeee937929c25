import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** The files of a registry folder, found by walking it (following symbolic links). */
export interface FoundFiles {
  readonly yaml: readonly string[];
  readonly rego: readonly string[];
}

export type WalkResult =
  | { readonly ok: true; readonly found: FoundFiles }
  | { readonly ok: false; readonly message: string };

function errorCode(error: unknown): string | undefined {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string')
    return error.code;
  return undefined;
}

/** Thrown inside the walk to stop it with a message; caught in `walkRegistry`. */
class WalkStop extends Error {}

interface WalkState {
  readonly yaml: string[];
  readonly rego: string[];
}

async function targetIsDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch (error: unknown) {
    const code = errorCode(error);
    if (code === 'ELOOP')
      throw new WalkStop(`symbolic link loop at ${path}: the link never reaches a file or folder`);
    // A dangling link: a YAML name is still collected, so reading it reports the problem.
    if (code === 'ENOENT') return false;
    throw error;
  }
}

async function visit(
  folder: string,
  ancestors: readonly string[],
  state: WalkState,
): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((left, right) => left.name.localeCompare(right.name));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    const isDirectory = entry.isSymbolicLink()
      ? await targetIsDirectory(path)
      : entry.isDirectory();
    if (isDirectory) {
      if (entry.name.startsWith('.')) continue;
      const real = await realpath(path);
      if (ancestors.includes(real)) {
        throw new WalkStop(
          `symbolic link loop: ${path} leads back to ${real}, a folder it is inside`,
        );
      }
      await visit(path, [...ancestors, real], state);
    } else if (/\.ya?ml$/.test(entry.name)) state.yaml.push(path);
    else if (entry.name.endsWith('.rego')) state.rego.push(path);
  }
}

/** Lists every `.yaml`/`.yml` and `.rego` file under `root`, skipping hidden folders. */
export async function walkRegistry(root: string): Promise<WalkResult> {
  const state: WalkState = { yaml: [], rego: [] };
  try {
    await visit(root, [await realpath(root)], state);
  } catch (error: unknown) {
    if (error instanceof WalkStop) return { ok: false, message: error.message };
    const code = errorCode(error);
    if (code === undefined) throw error;
    return { ok: false, message: `cannot read the registry folder ${root} (${code})` };
  }
  return { ok: true, found: state };
}
