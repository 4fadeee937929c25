/**
 * The proof of work: every call of a case's `run` returns the number of operations it performed,
 * as the code under test reported them, and that number must equal the case's `opsPerRun`, the
 * divisor of every per-operation figure. A case that declares more operations than its loop does
 * (a 4× better figure for the same work), work the JIT eliminated, or a call that stopped doing
 * its work shows up as a mismatch.
 */
export class RunTally {
  runs = 0;
  mismatchedRuns = 0;
  firstMismatch: number | undefined;

  readonly opsPerRun: number;

  constructor(opsPerRun: number) {
    this.opsPerRun = opsPerRun;
  }

  note(performed: number): void {
    this.runs += 1;
    if (performed === this.opsPerRun) return;
    this.mismatchedRuns += 1;
    this.firstMismatch ??= performed;
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
      `run performed ${String(tally.firstMismatch)} operations per call but the case declares ` +
        `opsPerRun ${tally.opsPerRun} (${tally.mismatchedRuns} of ${tally.runs} calls): ` +
        'the figures would be divided by work that was not done',
    );
  }
  return { ok: problems.length === 0, runs: tally.runs, problems };
}
