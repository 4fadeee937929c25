/** What went wrong with a pipeline file. Every kind is a configuration error (exit code 2). */
export type PipelineProblem = 'unreadable' | 'syntax' | 'schema' | 'duplicate-id' | 'missing-path';

/** Where in the pipeline file a problem is: a 1-based line and column, and the key's path. */
export interface PipelineLocation {
  readonly line: number;
  readonly column: number;
  /** The offending key, as `tiers[1].steps[0].timeoutSeconds` (empty for the whole file). */
  readonly keyPath: string;
}

/** A pipeline file that cannot be used: says which file, where and what is wrong. */
export class PipelineError extends Error {
  override readonly name = 'PipelineError';

  readonly problem: PipelineProblem;
  readonly file: string;
  readonly detail: string;
  readonly location: PipelineLocation | undefined;

  constructor(problem: PipelineProblem, file: string, detail: string, location?: PipelineLocation) {
    super(PipelineError.describe(file, detail, location));
    this.problem = problem;
    this.file = file;
    this.detail = detail;
    this.location = location;
  }

  private static describe(file: string, detail: string, location?: PipelineLocation): string {
    if (location === undefined) return `${file}: ${detail}`;
    // Schema messages name their key already (`tiers[1].concurency …`): do not say it twice.
    const named = location.keyPath === '' || detail.includes(location.keyPath);
    const key = named ? '' : `${location.keyPath}: `;
    return `${file}:${location.line}:${location.column}: ${key}${detail}`;
  }
}
