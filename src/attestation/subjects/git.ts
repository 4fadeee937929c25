import { runProcess } from '../../common/index.ts';
import { type Subject } from '../statement/index.ts';

/** The subject name of the git commit; verifiers match subjects by digest, the name is a label. */
export const GIT_COMMIT_SUBJECT_NAME = 'git:HEAD';

export type WorkingTreeState =
  | { readonly kind: 'clean' }
  /** Sorted paths as `git status` gives them, relative to the repository's top folder. */
  | { readonly kind: 'dirty'; readonly changedPaths: readonly string[] }
  | { readonly kind: 'unknown'; readonly reason: string };

/**
 * What git says about the project. Outside a repository, without git, or before the first commit
 * there is no commit, and the reason is recorded: a commit is never made up.
 */
export type GitState =
  | { readonly kind: 'commit'; readonly commit: string; readonly workingTree: WorkingTreeState }
  | { readonly kind: 'unavailable'; readonly reason: string };

const COMMIT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/** `git rev-parse HEAD` and `git status` in `root`. */
export async function readGitState(root: string): Promise<GitState> {
  const head = await git(root, ['rev-parse', '--verify', 'HEAD']);
  if (!head.ok) return { kind: 'unavailable', reason: head.reason };
  const commit = head.stdout.trim();
  if (!COMMIT_ID.test(commit)) {
    return { kind: 'unavailable', reason: `git rev-parse printed ${JSON.stringify(commit)}` };
  }
  return { kind: 'commit', commit, workingTree: await readWorkingTree(root) };
}

/** The subject for the commit, when there is one. */
export function gitCommitSubjects(state: GitState): Subject[] {
  if (state.kind !== 'commit') return [];
  return [{ name: GIT_COMMIT_SUBJECT_NAME, digest: { gitCommit: state.commit } }];
}

async function readWorkingTree(root: string): Promise<WorkingTreeState> {
  const status = await git(root, ['status', '--porcelain=v1', '-z']);
  if (!status.ok) return { kind: 'unknown', reason: status.reason };
  const changedPaths = parsePorcelainZ(status.stdout).sort();
  return changedPaths.length === 0 ? { kind: 'clean' } : { kind: 'dirty', changedPaths };
}

/** `XY path\0`, and for a rename or copy `XY new\0old\0`: the paths now in the tree. */
function parsePorcelainZ(output: string): string[] {
  const records = output.split('\0').filter((record) => record !== '');
  const paths: string[] = [];
  for (let index = 0; index < records.length; index += 1) {
    const record = records[index] ?? '';
    paths.push(record.slice(3));
    if (record.startsWith('R') || record.startsWith('C')) index += 1;
  }
  return paths;
}

type GitRun =
  { readonly ok: true; readonly stdout: string } | { readonly ok: false; readonly reason: string };

async function git(root: string, args: readonly string[]): Promise<GitRun> {
  // GIT_OPTIONAL_LOCKS=0: reading status must not take the index lock from a concurrent git.
  const run = await runProcess(['git', ...args], {
    cwd: root,
    env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' },
    captureStdout: true,
  });
  if (run.exitCode === 0) return { ok: true, stdout: run.stdout };
  if (run.startErrorCode === 'ENOENT') {
    return { ok: false, reason: 'git is not installed (not on PATH)' };
  }
  const why =
    run.outputTail.find((line) => line.trim() !== '') ??
    run.startError ??
    `exit code ${String(run.exitCode ?? run.signal)}`;
  return { ok: false, reason: `git ${args[0] ?? ''} failed: ${why}` };
}
