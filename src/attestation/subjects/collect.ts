import { type Subject } from '../statement/index.ts';
import { fileSubjects, type FileSubjectsOptions, type SkippedPath } from './file-subjects.ts';
import { gitCommitSubjects, readGitState, type GitState } from './git.ts';

export interface SubjectCollection {
  /** The git commit first (when there is one), then the files sorted by name. */
  readonly subjects: readonly Subject[];
  /** For the report: the commit, whether the tree was dirty, or why there is no commit. */
  readonly git: GitState;
  /** For the report: what the requested folders held that is not a subject, and why. */
  readonly skipped: readonly SkippedPath[];
}

/** Every subject of a certification: the git commit and the sha256 of each requested file. */
export async function collectSubjects(options: FileSubjectsOptions): Promise<SubjectCollection> {
  const [git, files] = await Promise.all([readGitState(options.root), fileSubjects(options)]);
  return { subjects: [...gitCommitSubjects(git), ...files.subjects], git, skipped: files.skipped };
}
