/**
 * What a benchmark suite file exports. A suite is a TypeScript module whose default export is a
 * `BenchSuite` (use `defineSuite` for the types). certify knows nothing about the feature beyond
 * this shape: the suite file and the budget come from the command line or the pipeline file.
 */

/** A case after its untimed setup: what the harness times and how it checks the work was done. */
export interface BenchCaseRun {
  /**
   * Timed. Performs the case's operations and returns how many it performed, as the code under
   * test reported them (for example the rows a batch call accepted plus those it refused, summed
   * from its results). The harness checks after every call that this equals the case's
   * `opsPerRun`, the divisor of every figure: a case that declares more operations than its loop
   * does, work the JIT eliminated, or a call that silently did nothing fails the benchmark.
   */
  readonly run: () => number;
  /** Untimed, before every timed call: resets a store, clears an in-memory exporter. */
  readonly beforeRun?: () => void | Promise<void>;
  /**
   * Untimed, after the last call: inspects the state the work left (counts, checksums over what
   * was stored, spans exported); returns what is wrong.
   */
  readonly verify?: () => readonly string[] | Promise<readonly string[]>;
  /** Untimed, at the very end: shuts providers down. */
  readonly close?: () => void | Promise<void>;
}

/** One measured case. Figures are reported per operation: a sample's time over `opsPerRun`. */
export interface BenchCase {
  /** Unique in the suite, for example `activity-log/hot-path/batch`. */
  readonly name: string;
  /**
   * Operations performed by one `run` call, which `run` must report on every call; large enough
   * that one call takes about 100 µs.
   */
  readonly opsPerRun: number;
  /** Untimed: builds the inputs, stores and providers the case measures. */
  readonly setup: () => BenchCaseRun | Promise<BenchCaseRun>;
}

/** A ratio of two cases' medians measured in the same run, optionally held against a limit. */
export interface BenchRatio {
  readonly numerator: string;
  readonly denominator: string;
  /** Reported as within or over; informational (the gate is the budget). */
  readonly limit?: number;
}

/** How long each case is warmed up and sampled. */
export interface BenchTiming {
  /** Length of one warm-up pass; passes repeat until two medians agree (the JIT has settled). */
  readonly warmupPassMs: number;
  /** Upper bound on warm-up passes. */
  readonly maxWarmupPasses: number;
  /** At least this many samples, after the harness trims outliers. */
  readonly minSamples: number;
  /** And at least this much measured time. */
  readonly minTimeMs: number;
  /**
   * Rounds: the suite is run this many times over, every case in its own process each time,
   * sharing out the samples and measured time, and each case's samples are pooled. Interleaving
   * the cases so makes their ratios hold better on a machine whose load changes.
   */
  readonly rounds: number;
}

export interface BenchSuite {
  readonly cases: readonly BenchCase[];
  readonly ratios?: readonly BenchRatio[];
  readonly timing?: Partial<BenchTiming>;
}

/** Identity, for the types: `export default defineSuite({ cases: [...] })`. */
export function defineSuite(suite: BenchSuite): BenchSuite {
  return suite;
}

/** ticks.md: at least 30 samples, warmed up until the JIT has settled. */
export const defaultTiming: BenchTiming = {
  warmupPassMs: 100,
  maxWarmupPasses: 6,
  minSamples: 30,
  minTimeMs: 500,
  rounds: 1,
};
