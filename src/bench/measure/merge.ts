import type { CaseMeasurement } from './measure-case.ts';
import { figuresOf } from './sample.ts';

type Measured = Extract<CaseMeasurement, { kind: 'measured' }>;

/** One case's processes pooled: every sample of every process, for its min, median and p99. */
export type PooledMeasurement =
  | (Omit<Measured, 'noise' | 'phasesMs'> & { readonly processes: number })
  | Extract<CaseMeasurement, { kind: 'failed' }>;

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.trunc((sorted.length - 1) / 2)] ?? Number.NaN;
};

function mergeMeasured(first: Measured, rounds: readonly Measured[]): PooledMeasurement {
  const all = rounds.flatMap((round) => round.perRunSamples).sort((a, b) => a - b);
  const empties = rounds.map((round) => round.emptyRun);
  const problems = rounds.flatMap((round, index) =>
    round.guard.problems.map((problem) =>
      rounds.length > 1 ? `process ${index + 1}: ${problem}` : problem,
    ),
  );
  return {
    kind: 'measured',
    name: first.name,
    opsPerRun: first.opsPerRun,
    processes: rounds.length,
    perRun: figuresOf(all),
    perRunSamples: all,
    emptyRun: {
      min: Math.min(...empties.map((empty) => empty.min)),
      p50: median(empties.map((empty) => empty.p50)),
      p99: Math.max(...empties.map((empty) => empty.p99)),
      samples: empties.reduce((sum, empty) => sum + empty.samples, 0),
    },
    warmup: {
      passes: Math.max(...rounds.map((round) => round.warmup.passes)),
      settled: rounds.every((round) => round.warmup.settled),
    },
    guard: {
      ok: rounds.every((round) => round.guard.ok),
      runs: rounds.reduce((sum, round) => sum + round.guard.runs, 0),
      problems,
    },
  };
}

/**
 * One case measured in several processes (rounds interleaved with the other cases, or the gate's
 * processes): the samples are pooled, so a burst of load on the shared machine weighs on every
 * case alike. The empty loop's median is the median of the processes'. A failed process fails
 * the case.
 */
export function mergeRounds(rounds: readonly CaseMeasurement[]): PooledMeasurement | undefined {
  const [first] = rounds;
  if (first === undefined) return undefined;
  const failed = rounds.findIndex((round) => round.kind === 'failed');
  const failure = rounds[failed];
  if (failure?.kind === 'failed') {
    return rounds.length > 1
      ? { ...failure, error: `process ${failed + 1}: ${failure.error}` }
      : failure;
  }
  const measured = rounds.filter((round): round is Measured => round.kind === 'measured');
  return first.kind === 'measured' ? mergeMeasured(first, measured) : first;
}
