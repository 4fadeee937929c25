/** Why a benchmark could not be set up: a usage or configuration problem (exit code 2). */
export type BenchSetupErrorCode =
  | 'SUITE_NOT_FOUND'
  | 'SUITE_LOAD_FAILED'
  | 'SUITE_INVALID'
  | 'UNKNOWN_CASE'
  | 'INVALID_BUDGET'
  | 'INVALID_GATE'
  | 'TICK_FREQUENCY';

export class BenchSetupError extends Error {
  override readonly name = 'BenchSetupError';
  readonly code: BenchSetupErrorCode;

  constructor(code: BenchSetupErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** A step that either gives its value or says, with a typed error, why it could not. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: BenchSetupError };

export function failure(code: BenchSetupErrorCode, message: string): Outcome<never> {
  return { ok: false, error: new BenchSetupError(code, message) };
}
