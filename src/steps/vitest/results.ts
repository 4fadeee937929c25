/**
 * What certify's Vitest reporter (`reporter.ts`) writes and the vitest step reads: every test
 * with its full name, location, state and vitest's own error messages. Vitest's JSON reporter
 * keeps only each error's stack, which for a timeout begins with a placeholder
 * (`Error: STACK_TRACE_ERROR`) instead of the message.
 */
export const RESULTS_FORMAT = 'certify-vitest-results/1';

/** The environment variable naming the file the reporter writes. */
export const RESULTS_VARIABLE = 'CERTIFY_VITEST_RESULTS';

export interface ErrorSummary {
  readonly name: string;
  readonly message: string;
}

export interface TestSummary {
  /** The suites' names and the test's, joined by ` > `. */
  readonly fullName: string;
  readonly line?: number;
  readonly column?: number;
  readonly state: 'passed' | 'failed' | 'skipped' | 'pending';
  /** How the test was declared: `run`, `skip`, `only`, `todo`. */
  readonly mode: string;
  /** The note of `ctx.skip(note)`. */
  readonly note?: string;
  readonly errors: readonly ErrorSummary[];
}

export interface ModuleSummary {
  /** Absolute path of the test file. */
  readonly file: string;
  readonly state: string;
  /** Errors of the file itself (it could not load, a hook failed). */
  readonly errors: readonly ErrorSummary[];
  readonly tests: readonly TestSummary[];
}

export interface VitestResults {
  readonly format: typeof RESULTS_FORMAT;
  readonly reason: string;
  readonly modules: readonly ModuleSummary[];
  readonly unhandledErrors: readonly ErrorSummary[];
}
