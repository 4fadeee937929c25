/**
 * The dead-code guard: every call of a case's `run` must return the count or checksum the case
 * expects. Work the JIT eliminated, or a case that stopped doing its work, shows up as a mismatch.
 */
export class RunTally {
  runs = 0;
  mismatchedRuns = 0;
  firstMismatch: number | undefined;

  readonly expected: number;

  constructor(expected: number) {
    this.expected = expected;
  }

  note(got: number): void {
    this.runs += 1;
    if (got === this.expected) return;
    this.mismatchedRuns += 1;
    this.firstMismatch ??= got;
  }
}

/** The guard's verdict on one case, after its last call. */
export interface GuardReport {
  readonly ok: boolean;
  readonly runs: number;
  readonly problems: readonly string[];
}

/** The timed call: the case's `run`, its result noted (a compare and an add per call, not per op). */
export function guardedRun(run: () => number, tally: RunTally): () => void {
  return () => {
    tally.note(run());
  };
}

export function guardReport(tally: RunTally, stateProblems: readonly string[]): GuardReport {
  const problems = [...stateProblems];
  if (tally.runs === 0) problems.push('run was never called');
  if (tally.mismatchedRuns > 0) {
    problems.push(
      `run returned ${String(tally.firstMismatch)} instead of ${tally.expected} ` +
        `on ${tally.mismatchedRuns} of ${tally.runs} calls: work was skipped or eliminated`,
    );
  }
  return { ok: problems.length === 0, runs: tally.runs, problems };
}
