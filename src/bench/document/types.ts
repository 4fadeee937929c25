import type { GateStatus, NoiseSummary } from '../decision/index.ts';
import type { HotFunction } from '../flame/index.ts';

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
  /** Samples kept after trimming, over every process; one sample is one call of `opsPerSample` operations. */
  readonly samples: number;
  /** Measuring processes whose samples are pooled here. */
  readonly processes: number;
  readonly opsPerSample: number;
  /** Median of the empty measuring loop, per sample, subtracted from every figure above. */
  readonly emptyLoopNsPerSample: number;
  readonly warmupPasses: number;
  /** The guard: every call performed the operations the case declares, and its state checked out. */
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

/** The budget the gated cases are held to: each case's median ticks per operation. */
export interface BenchBudget {
  readonly caseNames: readonly string[];
  readonly maxTicksPerOp: number;
}

/** A two-sided confidence interval, in ticks per operation. */
export interface IntervalFigures {
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
  readonly level: number;
}

/** One gated case's decision. */
export interface GateCaseResult {
  readonly caseName: string;
  readonly status: GateStatus;
  readonly reason: string;
  /** Over the process medians; null when fewer than two processes were measured. */
  readonly interval: IntervalFigures | null;
  /** The lower bound once each process's median is discounted for its measured interference. */
  readonly discountedLower: number | null;
  readonly processes: number;
  readonly samples: number;
  /** Each process's median, ticks per operation, in the order they ran. */
  readonly processMedians: readonly number[];
  /** Each process's own figures, in the same order: what the machine did while it measured. */
  readonly processNoise: readonly ProcessNoise[];
  readonly noise: NoiseSummary;
}

/** One measuring process's noise (see `NoiseWindow`), for a person looking into a decision. */
export interface ProcessNoise {
  readonly withinSpread: number | null;
  readonly samples: number;
  readonly wallMs: number;
  readonly threadShare: number | null;
  readonly stealFraction: number | null;
  readonly otherCpuCores: number | null;
  readonly involuntarySwitchesPerSecond: number;
  readonly loadAverage: number;
}

/** The statistical gate: how it decided, and what it decided for each gated case. */
export interface GateResult {
  readonly maxTicksPerOp: number;
  readonly status: GateStatus;
  /** Of the verdict; each interval is computed at `perLookLevel`. */
  readonly confidence: number;
  readonly perLookLevel: number;
  readonly minProcesses: number;
  readonly maxProcesses: number;
  readonly timeCapMs: number;
  readonly elapsedMs: number;
  readonly stoppedBy: 'decided' | 'time-cap' | 'max-processes' | 'case-failed' | 'guard-failed';
  readonly rule: string;
  readonly cases: readonly GateCaseResult[];
}

/** A CPU profile of a gated case that did not pass, and its flame graph. */
export interface BenchProfile {
  readonly caseName: string;
  readonly cpuprofile: string;
  readonly flameGraph: string;
  /** The three functions with the most self time in the timed calls of the profiled sampling. */
  readonly hottest: readonly HotFunction[];
}

/**
 * `pass`: every case measured, every guard held, every gated case decided within budget.
 * `inconclusive`: the gate could not decide (not certified either). The others fail, the
 * untrustworthy ones first.
 */
export type BenchVerdict = 'pass' | 'over-budget' | 'inconclusive' | 'guard-failed' | 'case-failed';

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
  readonly gate: GateResult | null;
  readonly profiles: readonly BenchProfile[];
  readonly verdict: BenchVerdict;
  readonly warnings: readonly string[];
}
