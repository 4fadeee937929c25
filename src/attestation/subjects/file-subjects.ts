import { type Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { type Subject } from '../statement/index.ts';
import { sha256OfFile } from './digest.ts';
import { compareText, errnoCode } from '../../common/index.ts';
import { SubjectError } from './subject-error.ts';

/** Folder entries never digested unless named explicitly; each one skipped is reported. */
export const DEFAULT_IGNORED_NAMES: readonly string[] = ['.git', 'node_modules'];

export interface FileSubjectsOptions {
  /** Subject names are paths relative to this folder, with `/` separators. */
  readonly root: string;
  /** Files and folders (walked recursively), absolute or relative to `root`. */
  readonly paths: readonly string[];
  /** Entry names skipped inside folders; defaults to DEFAULT_IGNORED_NAMES. */
  readonly ignore?: readonly string[];
}

/** Something under a requested folder that is not a subject, and why. */
export interface SkippedPath {
  readonly path: string;
  readonly reason: string;
}

export interface FileSubjects {
  /** One sha256 subject per regular file, sorted by name, without duplicates. */
  readonly subjects: readonly Subject[];
  readonly skipped: readonly SkippedPath[];
}

interface Walk {
  readonly root: string;
  readonly ignore: readonly string[];
  /** subject name → absolute path */
  readonly files: Map<string, string>;
  readonly skipped: SkippedPath[];
}

/** sha256 subjects for every regular file under `paths`; what is left out is listed in skipped. */
export async function fileSubjects(options: FileSubjectsOptions): Promise<FileSubjects> {
  const root = resolve(options.root);
  const walk: Walk = {
    root,
    ignore: options.ignore ?? DEFAULT_IGNORED_NAMES,
    files: new Map(),
    skipped: [],
  };
  for (const path of options.paths) await addRequested(walk, resolve(root, path));
  const names = [...walk.files.keys()].sort(compareText);
  const subjects: Subject[] = [];
  for (const name of names) {
    const absolute = walk.files.get(name) ?? join(root, name);
    subjects.push({ name, digest: { sha256: await digestOrThrow(absolute) } });
  }
  return { subjects, skipped: walk.skipped.sort((a, b) => compareText(a.path, b.path)) };
}

/** A subject name: the path relative to the root, `/`-separated on every platform. */
export function subjectName(root: string, absolute: string): string {
  return relative(root, absolute).split(sep).join('/');
}

async function addRequested(walk: Walk, absolute: string): Promise<void> {
  const fromRoot = relative(walk.root, absolute);
  if (fromRoot === '..' || fromRoot.startsWith(`..${sep}`) || isAbsolute(fromRoot)) {
    throw new SubjectError(absolute, { kind: 'outside-root', root: walk.root });
  }
  const info = await stat(absolute).catch((error: unknown) => {
    const code = errnoCode(error);
    const problem =
      code === 'ENOENT' ? { kind: 'missing' as const } : { kind: 'unreadable' as const, code };
    throw new SubjectError(absolute, problem, error);
  });
  if (info.isDirectory()) await addFolder(walk, absolute);
  else if (info.isFile()) walk.files.set(subjectName(walk.root, absolute), absolute);
  else walk.skipped.push({ path: subjectName(walk.root, absolute), reason: 'not a regular file' });
}

async function addFolder(walk: Walk, folder: string): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true }).catch((error: unknown) => {
    throw new SubjectError(folder, { kind: 'unreadable', code: errnoCode(error) }, error);
  });
  for (const entry of entries) {
    const absolute = join(folder, entry.name);
    const name = subjectName(walk.root, absolute);
    if (walk.ignore.includes(entry.name)) {
      walk.skipped.push({ path: name, reason: `ignored name "${entry.name}"` });
    } else if (entry.isDirectory()) await addFolder(walk, absolute);
    else if (entry.isFile()) walk.files.set(name, absolute);
    else if (entry.isSymbolicLink()) await addLink(walk, absolute, name);
    else walk.skipped.push({ path: name, reason: describeSpecial(entry) });
  }
}

/** A link to a file is digested (its content is what a reader gets); a link to a folder is not
 * followed, so a loop cannot make the walk endless. */
async function addLink(walk: Walk, absolute: string, name: string): Promise<void> {
  const target = await stat(absolute).catch((error: unknown) => {
    walk.skipped.push({
      path: name,
      reason: `symbolic link that cannot be followed (${errnoCode(error)})`,
    });
    return undefined;
  });
  if (target === undefined) return;
  if (target.isFile()) walk.files.set(name, absolute);
  else if (target.isDirectory())
    walk.skipped.push({ path: name, reason: 'symbolic link to a folder (not followed)' });
  else walk.skipped.push({ path: name, reason: 'symbolic link to a special file' });
}

function describeSpecial(entry: Dirent): string {
  if (entry.isFIFO()) return 'named pipe';
  if (entry.isSocket()) return 'socket';
  return 'device or other special file';
}

async function digestOrThrow(absolute: string): Promise<string> {
  return sha256OfFile(absolute).catch((error: unknown) => {
    throw new SubjectError(absolute, { kind: 'unreadable', code: errnoCode(error) }, error);
  });
}
