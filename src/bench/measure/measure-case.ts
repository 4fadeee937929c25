import type { BenchCase, BenchCaseRun, BenchTiming } from '../suite/index.ts';
import { guardedRun, guardReport, RunTally, type GuardReport } from './guard.ts';
import { sample, type SampleFigures } from './sample.ts';

/** What one case's measurement gives: raw nanoseconds per `run` call, before any conversion. */
export type CaseMeasurement =
  | {
      readonly kind: 'measured';
      readonly name: string;
      readonly opsPerRun: number;
      /** ns per call of the case's `run`. */
      readonly perRun: SampleFigures;
      /** ns per call of an empty `run` through the same measuring loop, measured just before. */
      readonly emptyRun: SampleFigures;
      readonly warmup: WarmupReport;
      readonly guard: GuardReport;
    }
  | { readonly kind: 'failed'; readonly name: string; readonly error: string };

export interface WarmupReport {
  readonly passes: number;
  readonly settled: boolean;
}

/** Two consecutive warm-up medians within 5% of each other: the JIT has settled. */
const settledTolerance = 0.05;
const warmupPassSamples = 5;

async function warmUp(
  timed: () => void,
  untimed: () => void | Promise<void>,
  timing: BenchTiming,
  maxSamples?: number,
): Promise<WarmupReport> {
  let previous: number | undefined;
  for (let pass = 1; pass <= timing.maxWarmupPasses; pass += 1) {
    const { p50 } = await sample(timed, untimed, {
      minSamples: warmupPassSamples,
      minTimeMs: timing.warmupPassMs,
      ...(maxSamples === undefined ? {} : { maxSamples }),
    });
    if (previous !== undefined && Math.abs(p50 - previous) <= settledTolerance * previous) {
      return { passes: pass, settled: true };
    }
    previous = p50;
  }
  return { passes: timing.maxWarmupPasses, settled: false };
}

async function warmAndSample(
  timed: () => void,
  untimed: () => void | Promise<void>,
  timing: BenchTiming,
): Promise<{ figures: SampleFigures; warmup: WarmupReport }> {
  const warmup = await warmUp(timed, untimed, timing);
  const figures = await sample(timed, untimed, timing);
  return { figures, warmup };
}

const doNothing = (): void => undefined;

/** The empty measuring loop: the same guarded wrapper and mitata loop around a `run` that does no work. */
async function measureEmptyRun(timing: BenchTiming): Promise<SampleFigures> {
  const tally = new RunTally(0);
  const { figures } = await warmAndSample(
    guardedRun(() => 0, tally),
    doNothing,
    timing,
  );
  return figures;
}

async function measurePrepared(
  benchCase: BenchCase,
  prepared: BenchCaseRun,
  timing: BenchTiming,
): Promise<CaseMeasurement> {
  const emptyRun = await measureEmptyRun(timing);
  const tally = new RunTally(prepared.expected);
  const timed = guardedRun(prepared.run, tally);
  const { figures, warmup } = await warmAndSample(timed, prepared.beforeRun ?? doNothing, timing);
  const stateProblems = (await prepared.verify?.()) ?? [];
  return {
    kind: 'measured',
    name: benchCase.name,
    opsPerRun: benchCase.opsPerRun,
    perRun: figures,
    emptyRun,
    warmup,
    guard: guardReport(tally, stateProblems),
  };
}

const messageOf = (error: unknown): string =>
  error instanceof Error ? (error.stack ?? error.message) : String(error);

/**
 * Sets the case up, warms it until the JIT settles, samples it with mitata, then checks what it
 * returned and the state it left. A case that throws is reported as failed, with its error.
 */
export async function measureCase(
  benchCase: BenchCase,
  timing: BenchTiming,
): Promise<CaseMeasurement> {
  let prepared: BenchCaseRun | undefined;
  try {
    prepared = await benchCase.setup();
    return await measurePrepared(benchCase, prepared, timing);
  } catch (error: unknown) {
    return { kind: 'failed', name: benchCase.name, error: messageOf(error) };
  } finally {
    await prepared?.close?.();
  }
}
