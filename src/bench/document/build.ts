import type { TickFrequency } from '../frequency/index.ts';
import type { PooledMeasurement } from '../measure/index.ts';
import type { BenchRatio } from '../suite/index.ts';
import type {
  BenchDocument,
  BenchFailure,
  BenchProfile,
  BenchRatioResult,
  BenchResult,
  BenchVerdict,
  GateResult,
} from './types.ts';

export interface DocumentInput {
  readonly suitePath: string;
  readonly frequency: TickFrequency;
  /** Each case's processes, pooled. */
  readonly measurements: readonly PooledMeasurement[];
  readonly ratios?: readonly BenchRatio[] | undefined;
  readonly gate?: GateResult | null | undefined;
  readonly profiles?: readonly BenchProfile[] | undefined;
}

type Measured = Extract<PooledMeasurement, { kind: 'measured' }>;

/** ticks.md: a sample shorter than about 100 µs is dominated by the cost of reading the clock. */
const shortestHonestSampleNs = 100_000;

const round = (value: number, decimals = 3): number => {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
};

function toResult(measured: Measured, ghz: number): BenchResult {
  const empty = measured.emptyRun.p50;
  const perOp = (perRunNs: number): number => Math.max(0, (perRunNs - empty) / measured.opsPerRun);
  const ns = {
    min: perOp(measured.perRun.min),
    p50: perOp(measured.perRun.p50),
    p99: perOp(measured.perRun.p99),
  };
  return {
    name: measured.name,
    nsPerOp: { min: round(ns.min), p50: round(ns.p50), p99: round(ns.p99) },
    ticksPerOp: { min: round(ns.min * ghz), p50: round(ns.p50 * ghz), p99: round(ns.p99 * ghz) },
    samples: measured.perRun.samples,
    processes: measured.processes,
    opsPerSample: measured.opsPerRun,
    emptyLoopNsPerSample: round(empty),
    warmupPasses: measured.warmup.passes,
    guard: measured.guard,
  };
}

function warningsFor(measured: Measured): string[] {
  const warnings: string[] = [];
  if (measured.perRun.p50 < shortestHonestSampleNs) {
    const us = round(measured.perRun.p50 / 1000, 1);
    warnings.push(
      `${measured.name}: a sample takes ${us} µs, under 100 µs; raise opsPerRun so the clock's cost does not weigh`,
    );
  }
  if (!measured.warmup.settled) {
    warnings.push(
      `${measured.name}: the median had not settled after ${measured.warmup.passes} warm-up passes`,
    );
  }
  return warnings;
}

function ratioResult(ratio: BenchRatio, results: readonly BenchResult[]): BenchRatioResult {
  const median = (name: string) => results.find((result) => result.name === name)?.nsPerOp.p50;
  const [top, bottom] = [median(ratio.numerator), median(ratio.denominator)];
  const value =
    top === undefined || bottom === undefined || bottom === 0 ? null : round(top / bottom);
  const base = {
    name: `${ratio.numerator} / ${ratio.denominator}`,
    numerator: ratio.numerator,
    denominator: ratio.denominator,
    value,
  };
  if (ratio.limit === undefined) return base;
  return { ...base, limit: ratio.limit, withinLimit: value !== null && value <= ratio.limit };
}

function verdictOf(
  results: readonly BenchResult[],
  failures: readonly BenchFailure[],
  gate: GateResult | null,
): BenchVerdict {
  if (failures.length > 0) return 'case-failed';
  if (results.some((result) => !result.guard.ok)) return 'guard-failed';
  if (gate?.status === 'fail') return 'over-budget';
  if (gate?.status === 'inconclusive') return 'inconclusive';
  return 'pass';
}

/** Turns raw per-call nanoseconds into the per-operation document, with its ratios, the gate's decision and the verdict. */
export function buildDocument(input: DocumentInput): BenchDocument {
  const measured = input.measurements.filter(
    (entry): entry is Measured => entry.kind === 'measured',
  );
  const results = measured.map((entry) => toResult(entry, input.frequency.ghz));
  const failures = input.measurements.flatMap((entry) =>
    entry.kind === 'failed' ? [{ name: entry.name, error: entry.error }] : [],
  );
  const gate = input.gate ?? null;
  return {
    suite: input.suitePath,
    tickGhz: input.frequency.ghz,
    tickSource: input.frequency.source,
    node: process.version,
    results,
    failures,
    ratios: (input.ratios ?? []).map((ratio) => ratioResult(ratio, results)),
    gate,
    profiles: input.profiles ?? [],
    verdict: verdictOf(results, failures, gate),
    warnings: measured.flatMap(warningsFor),
  };
}
