import { stat } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { errnoCodeOf } from '../../common/index.ts';
import {
  isIoProblem,
  readYamlFileSync,
  type YamlDocument,
  type YamlProblem,
} from '../../yaml/index.ts';
import type { Diagnostic } from '../diagnostic/index.ts';
import { walkRegistry } from './walk.ts';

/** One semantic-convention YAML file of the registry, parsed. */
export interface RegistryFile {
  /** The path shown to people: the registry folder as given, then the path inside it. */
  readonly display: string;
  /** The path inside the registry folder, with `/` separators. */
  readonly relative: string;
  readonly document: YamlDocument;
}

/** A registry folder read from disk: its parsed files and the problems of those that did not parse. */
export interface LoadedRegistry {
  /** The registry folder as given. */
  readonly root: string;
  readonly files: readonly RegistryFile[];
  /** `manifest.yaml` (or the older `registry_manifest.yaml`) at the root, when present. */
  readonly manifest?: RegistryFile;
  /** Rego policy files found in the folder (display paths). */
  readonly policyFiles: readonly string[];
  /** How many YAML files were found, parsed or not. */
  readonly yamlFileCount: number;
  readonly diagnostics: readonly Diagnostic[];
}

/** The registry cannot be read at all (exit code 2): a missing folder, an unreadable file. */
export interface RegistryIoProblem {
  readonly message: string;
}

export type LoadResult =
  | { readonly ok: true; readonly registry: LoadedRegistry }
  | { readonly ok: false; readonly problem: RegistryIoProblem };

const manifestNames = new Set(['manifest.yaml', 'registry_manifest.yaml']);

function insidePath(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

function displayPath(root: string, path: string): string {
  const inside = insidePath(root, path);
  const shownRoot = root.split(sep).join('/').replace(/\/+$/, '');
  return shownRoot === '' || shownRoot === '.' ? inside : `${shownRoot}/${inside}`;
}

function contentDiagnostic(problem: YamlProblem, id: string): Diagnostic {
  return { id, level: 'error', message: problem.message, location: problem.location };
}

/** Why `stat` could not look at the folder, in words. */
function unreadableBecause(code: string): string {
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'symbolic link loop';
  return code;
}

/**
 * Why `root` cannot be checked as a registry folder, or undefined when it is a folder. Only a
 * path that is not there is "not found": a permission error or a link loop says so.
 */
export async function registryFolderProblem(root: string): Promise<RegistryIoProblem | undefined> {
  try {
    if (!(await stat(root)).isDirectory())
      return { message: `the registry ${root} is not a folder` };
  } catch (error: unknown) {
    const code = errnoCodeOf(error);
    if (code === undefined) throw error;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      return { message: `registry folder not found: ${root}` };
    return { message: `the registry folder ${root} cannot be read: ${unreadableBecause(code)}` };
  }
  return undefined;
}

/**
 * Finds and parses every YAML file of a registry folder. A file that cannot be read is an I/O
 * problem that stops the check; a file that is read but is not usable YAML becomes a
 * `DeserializationError` diagnostic (as in Weaver) and the other files are still checked.
 */
export async function loadRegistryFiles(root: string): Promise<LoadResult> {
  const folderProblem = await registryFolderProblem(root);
  if (folderProblem !== undefined) return { ok: false, problem: folderProblem };
  const walk = walkRegistry(root);
  if (!walk.ok) return { ok: false, problem: { message: walk.message } };
  const { yaml, rego } = walk.found;
  if (yaml.length === 0) {
    return {
      ok: false,
      problem: { message: `no YAML files (*.yaml, *.yml) in the registry folder ${root}` },
    };
  }
  const reads = yaml.map((path) => ({ path, result: readYamlFileSync(displayPath(root, path)) }));
  const files: RegistryFile[] = [];
  const diagnostics: Diagnostic[] = [];
  let manifest: RegistryFile | undefined;
  for (const { path, result } of reads) {
    const isManifest = manifestNames.has(relative(root, path));
    if (!result.ok) {
      if (isIoProblem(result.problem)) {
        return {
          ok: false,
          problem: { message: `${result.problem.location.file}: ${result.problem.message}` },
        };
      }
      diagnostics.push(
        contentDiagnostic(
          result.problem,
          isManifest ? 'InvalidRegistryManifest' : 'DeserializationError',
        ),
      );
      continue;
    }
    const file = {
      display: result.document.file,
      relative: insidePath(root, path),
      document: result.document,
    };
    if (isManifest) manifest = file;
    else files.push(file);
  }
  const policyFiles = rego.map((path) => displayPath(root, path));
  const registry: LoadedRegistry = {
    root,
    files,
    policyFiles,
    yamlFileCount: yaml.length,
    diagnostics,
  };
  return { ok: true, registry: manifest === undefined ? registry : { ...registry, manifest } };
}
