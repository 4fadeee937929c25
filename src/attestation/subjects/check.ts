import { isAbsolute, resolve } from 'node:path';
import { errnoCode } from '../../common/index.ts';
import { type Subject } from '../statement/index.ts';
import { sha256OfFile } from './digest.ts';
import { readGitState, type GitState } from './git.ts';

export interface SubjectCheckOptions {
  readonly root: string;
  readonly subjects: readonly Subject[];
}

export interface SubjectCheck {
  /** How many subjects matched the working tree. */
  readonly matched: number;
  /** One line per subject that did not match, or could not be checked. */
  readonly problems: readonly string[];
}

/** Does the working tree under `root` still hold every subject: same file bytes, same HEAD? */
export async function checkSubjects(options: SubjectCheckOptions): Promise<SubjectCheck> {
  const root = resolve(options.root);
  const needsGit = options.subjects.some((subject) => 'gitCommit' in subject.digest);
  const git = needsGit ? await readGitState(root) : undefined;
  const problems: string[] = [];
  for (const subject of options.subjects) {
    const problem = await checkSubject(root, subject, git);
    if (problem !== undefined) problems.push(problem);
  }
  return { matched: options.subjects.length - problems.length, problems };
}

async function checkSubject(
  root: string,
  subject: Subject,
  git: GitState | undefined,
): Promise<string | undefined> {
  const { sha256, gitCommit } = subject.digest;
  if (sha256 !== undefined) return checkFile(root, subject.name, sha256);
  if (gitCommit !== undefined && git !== undefined) return checkCommit(gitCommit, git);
  return `${subject.name}: no sha256 or gitCommit digest, so it cannot be checked`;
}

async function checkFile(root: string, name: string, signed: string): Promise<string | undefined> {
  if (isAbsolute(name) || name.split(/[\\/]/).includes('..')) {
    return `${name}: not a path inside ${root}, so it cannot be checked`;
  }
  const current = await currentDigest(resolve(root, name));
  if (!current.ok) {
    if (current.code === 'ENOENT') return `${name}: missing from the working tree`;
    return `${name}: cannot be read (${current.code})`;
  }
  if (current.sha256 === signed) return undefined;
  return `${name}: changed (signed sha256 ${signed}, now ${current.sha256})`;
}

type Digest =
  { readonly ok: true; readonly sha256: string } | { readonly ok: false; readonly code: string };

async function currentDigest(path: string): Promise<Digest> {
  try {
    return { ok: true, sha256: await sha256OfFile(path) };
  } catch (error: unknown) {
    return { ok: false, code: errnoCode(error) };
  }
}

function checkCommit(signed: string, git: GitState): string | undefined {
  if (git.kind === 'unavailable') return `git commit ${signed}: cannot read HEAD (${git.reason})`;
  if (git.commit === signed) return undefined;
  return `git commit: HEAD is ${git.commit}, the report was signed for ${signed}`;
}
