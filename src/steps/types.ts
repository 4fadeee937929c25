import type { Pipeline } from '../pipeline/index.ts';
import type { TypeScriptSession } from '../typescript-session/index.ts';

/** The written exemption that covers a finding: it is reported as exempted, and does not count. */
export interface FindingExemption {
  readonly reason: string;
  readonly owner: string;
  /** The last day it holds, `YYYY-MM-DD`. */
  readonly expires: string;
  /** Where it is written: `pipeline/exemptions.yaml:12`. */
  readonly source: string;
}

/** One thing a step found wrong (or could not check), located in a file when it can be. */
export interface Finding {
  /** A short stable id of the rule or check, e.g. `non-null-assertion`. */
  readonly rule: string;
  readonly message: string;
  /** Path relative to the project root. */
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  /** Present when a written exemption covers the finding. */
  readonly exemption?: FindingExemption;
}

/** Counts from a test run. */
export interface TestCounts {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly total: number;
}

/** Coverage of the feature's source by its test suite, with the floors it was held to. */
export interface CoverageFigures {
  /** Percent of the lines covered, over every file of `feature.source`. */
  readonly linesPercent: number;
  readonly branchesPercent: number;
  readonly lines: { readonly covered: number; readonly total: number };
  readonly branches: { readonly covered: number; readonly total: number };
  /** Files measured. */
  readonly files: number;
  readonly floors: {
    readonly lines: number;
    readonly branches?: number;
    readonly perFile: boolean;
  };
}

/** min / median / p99 of a measured quantity. */
export interface Spread {
  readonly min: number;
  readonly p50: number;
  readonly p99: number;
}

/** How noisy the machine was while a gated case was measured (see `NoiseSummary` in src/bench). */
export interface TickNoise {
  /** Median over the processes of each one's IQR / median of its samples. */
  readonly withinProcessSpread: number | null;
  /** IQR / median of the process medians. */
  readonly betweenProcessSpread: number | null;
  readonly stealPercent: number | null;
  /** CPU other processes used while a process measured, in cores. */
  readonly otherCpuCores: number | null;
  /** Share of its wall time the measuring thread was off the processor, in percent. */
  readonly descheduledPercent: number | null;
  readonly involuntarySwitchesPerSecond: number | null;
  readonly loadAverage: number | null;
  /** The most the measured interference could have slowed one process (×). */
  readonly slowdown: number;
}

/** A two-sided confidence interval of a gated case's median, in ticks per event. */
export interface TickInterval {
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
  readonly level: number;
}

export type TickDecision = 'pass' | 'fail' | 'inconclusive';

/** One gated case: its decision, its interval, and its samples pooled over its processes. */
export interface GatedTickFigures {
  readonly case: string;
  readonly decision: TickDecision;
  /** Null when fewer than two processes were measured. */
  readonly interval: TickInterval | null;
  readonly ticksPerEvent: Spread;
  readonly nsPerEvent: Spread;
  readonly processes: number;
  readonly samples: number;
  /** Each process's median, in ticks per event, in the order they ran. */
  readonly processMedians: readonly number[];
  readonly noise: TickNoise;
}

/** A function with much self time in a profile, where it is (relative to the project root). */
export interface HotSpot {
  readonly function: string;
  readonly file: string;
  readonly line: number;
  readonly selfPercent: number;
}

/** The CPU profile of a gated case that did not pass; paths relative to the reports folder. */
export interface TickProfile {
  readonly case: string;
  readonly cpuprofile: string;
  readonly flameGraph: string;
  readonly hottest: readonly HotSpot[];
}

/** The tick gate's decision, with the clock frequency that turned ns into ticks. */
export interface TickFigures {
  readonly budget: number;
  readonly decision: TickDecision;
  /** Of the verdict; each interval is at `perLookLevel`. */
  readonly confidence: number;
  readonly perLookLevel: number;
  /** The decision rule, in words. */
  readonly rule: string;
  readonly minProcesses: number;
  readonly maxProcesses: number;
  readonly timeCapSeconds: number;
  readonly elapsedSeconds: number;
  readonly tickGhz: number;
  readonly tickSource: string;
  readonly gated: readonly GatedTickFigures[];
  /** Every measured case's median, the gated ones and their peers, measured in the same run. */
  readonly cases?: readonly CaseMedian[];
  /** Ratios of medians between cases, as the suite defines them; null when one was not measured. */
  readonly ratios?: readonly CaseRatio[];
  readonly profiles?: readonly TickProfile[];
}

export interface CaseMedian {
  readonly name: string;
  readonly nsPerEvent: number;
  readonly ticksPerEvent: number;
}

export interface CaseRatio {
  readonly name: string;
  readonly value: number | null;
  readonly limit?: number;
}

/** A sub-check of a step that has several (the security audit). */
export interface SubCheck {
  readonly name: string;
  readonly status: 'pass' | 'fail' | 'inconclusive' | 'off';
  readonly reason: string;
  /** An advisory sub-check is reported but does not decide the step's status. */
  readonly advisory: boolean;
}

/** Structured figures a step has beyond its status; the report renders each kind. */
export type StepDetails =
  | { readonly kind: 'command'; readonly argv: readonly string[]; readonly exitCode: number | null }
  | {
      readonly kind: 'tests';
      readonly counts: TestCounts;
      /** Absent when the step measures no coverage (`coverage: off`) or could not. */
      readonly coverage?: CoverageFigures;
    }
  | { readonly kind: 'ticks'; readonly figures: TickFigures }
  | { readonly kind: 'checks'; readonly checks: readonly SubCheck[] }
  | {
      readonly kind: 'telemetry';
      readonly coveragePercent: number;
      readonly coverageBudget: number;
      readonly violations: number;
    }
  | { readonly kind: 'diagnostics'; readonly errors: number; readonly warnings: number };

interface OutcomeBase {
  /** One sentence saying why the step has its status. */
  readonly reason: string;
  readonly findings?: readonly Finding[];
  readonly details?: StepDetails;
  /** The last lines of a process's output, kept for a failed or inconclusive step. */
  readonly outputTail?: readonly string[];
}

/**
 * What a step concluded. `inconclusive` means the check could not be made (an unreachable
 * service, a step that is not implemented): never a pass.
 */
export type StepOutcome =
  | (OutcomeBase & { readonly status: 'pass' })
  | (OutcomeBase & { readonly status: 'fail' })
  | (OutcomeBase & { readonly status: 'inconclusive' })
  | { readonly status: 'skipped'; readonly reason: string };

export type StepStatus = StepOutcome['status'];

/** What a running step may use. */
export interface StepContext {
  readonly pipeline: Pipeline;
  /** Aborted when the step times out or the run is interrupted: stop and clean up. */
  readonly signal: AbortSignal;
  /** Environment for the processes a step starts. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** A line of progress for the person watching. */
  readonly progress: (line: string) => void;
  /** The run's TypeScript session, started on first use and closed when the run ends. */
  readonly typeScript: () => TypeScriptSession;
  /**
   * The run's reports folder, where a step may write files the report links to (the tick
   * benchmark's flame graphs); absent when the run writes no report.
   */
  readonly reportsDir?: string;
}
