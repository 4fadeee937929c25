export { checkSubjects, type SubjectCheck, type SubjectCheckOptions } from './check.ts';
export { collectSubjects, type SubjectCollection } from './collect.ts';
export {
  DEFAULT_IGNORED_NAMES,
  fileSubjects,
  type FileSubjects,
  type FileSubjectsOptions,
  type SkippedPath,
} from './file-subjects.ts';
export {
  GIT_COMMIT_SUBJECT_NAME,
  gitCommitSubjects,
  readGitState,
  type GitState,
  type WorkingTreeState,
} from './git.ts';
export { SubjectError, type SubjectProblem } from './subject-error.ts';
