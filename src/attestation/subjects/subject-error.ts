export type SubjectProblem =
  | { readonly kind: 'missing' }
  | { readonly kind: 'outside-root'; readonly root: string }
  | { readonly kind: 'unreadable'; readonly code: string };

/** A path that was asked for and cannot become a subject. Nothing is skipped silently. */
export class SubjectError extends Error {
  override readonly name = 'SubjectError';
  readonly path: string;
  readonly problem: SubjectProblem;

  constructor(path: string, problem: SubjectProblem, cause?: unknown) {
    super(`cannot digest ${path}: ${describe(problem)}`, { cause });
    this.path = path;
    this.problem = problem;
  }
}

function describe(problem: SubjectProblem): string {
  switch (problem.kind) {
    case 'missing':
      return 'no such file or folder';
    case 'outside-root':
      return `it is outside the project root ${problem.root}`;
    case 'unreadable':
      return `cannot be read (${problem.code})`;
  }
}
