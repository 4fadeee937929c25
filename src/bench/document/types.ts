/** min, median and 99th percentile of one figure, per operation. */
export interface PerOpFigures {
  readonly min: number;
  readonly p50: number;
  readonly p99: number;
}

/** One case's figures, per operation, with the empty measuring loop already subtracted. */
export interface BenchResult {
  readonly name: string;
  readonly nsPerOp: PerOpFigures;
  readonly ticksPerOp: PerOpFigures;
  /** Samples kept after trimming; one sample is one call of `opsPerSample` operations. */
  readonly samples: number;
  readonly opsPerSample: number;
  /** Median of the empty measuring loop, per sample, subtracted from every figure above. */
  readonly emptyLoopNsPerSample: number;
  readonly warmupPasses: number;
  /** The dead-code guard: every call returned what the case expects, and its state checked out. */
  readonly guard: {
    readonly ok: boolean;
    readonly runs: number;
    readonly problems: readonly string[];
  };
}

/** A case that could not be measured (its setup or run threw, or its process died). */
export interface BenchFailure {
  readonly name: string;
  readonly error: string;
}

export interface BenchRatioResult {
  readonly name: string;
  readonly numerator: string;
  readonly denominator: string;
  /** numerator's median over denominator's median; null when either was not measured. */
  readonly value: number | null;
  readonly limit?: number;
  readonly withinLimit?: boolean;
}

/** The budget the gated case's median is held to. */
export interface BenchBudget {
  readonly caseName: string;
  readonly maxTicksPerOp: number;
}

export interface BudgetVerdict extends BenchBudget {
  readonly ticksPerOpP50: number | null;
  readonly withinBudget: boolean;
}

/**
 * `pass`: every case measured, every guard held, the gated median within budget.
 * The others fail the benchmark (exit 1), the untrustworthy ones first.
 */
export type BenchVerdict = 'pass' | 'over-budget' | 'guard-failed' | 'case-failed';

/** What `certify bench --json` prints. */
export interface BenchDocument {
  readonly suite: string;
  /** The frequency of one tick, in GHz (ticks = ns × tickGhz), and where it came from. */
  readonly tickGhz: number;
  readonly tickSource: string;
  readonly node: string;
  readonly results: readonly BenchResult[];
  readonly failures: readonly BenchFailure[];
  readonly ratios: readonly BenchRatioResult[];
  readonly budget: BudgetVerdict | null;
  readonly verdict: BenchVerdict;
  readonly warnings: readonly string[];
}
