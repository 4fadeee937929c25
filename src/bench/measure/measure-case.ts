import type { BenchCase, BenchCaseRun, BenchTiming } from '../suite/index.ts';
import { guardedRun, guardReport, RunTally, type GuardReport } from './guard.ts';
import { sample, type Sampled, type SampledCalls, type SampleFigures } from './sample.ts';

/** What one case's measurement gives: raw nanoseconds per `run` call, before any conversion. */
export type CaseMeasurement =
  | {
      readonly kind: 'measured';
      readonly name: string;
      readonly opsPerRun: number;
      /** ns per call of the case's `run`, and every sample kept (ascending), to merge rounds. */
      readonly perRun: SampleFigures;
      readonly perRunSamples: readonly number[];
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

/**
 * Two consecutive warm-up medians within 5% of each other: the JIT has settled. Garbage is
 * collected (a forced full GC) only before the first pass: after a full GC, code such as the
 * OTLP encoder runs two to four times slower for about a hundred calls, so a collection before
 * every pass kept such a case from settling, and one before the sampling weighed on its median.
 */
const settledTolerance = 0.05;
const warmupPassSamples = 5;

async function warmUp(calls: SampledCalls, timing: BenchTiming): Promise<WarmupReport> {
  let previous: number | undefined;
  for (let pass = 1; pass <= timing.maxWarmupPasses; pass += 1) {
    const { figures } = await sample(calls, {
      minSamples: warmupPassSamples,
      minTimeMs: timing.warmupPassMs,
      collectGarbageFirst: pass === 1,
    });
    if (previous !== undefined && Math.abs(figures.p50 - previous) <= settledTolerance * previous) {
      return { passes: pass, settled: true };
    }
    previous = figures.p50;
  }
  return { passes: timing.maxWarmupPasses, settled: false };
}

async function warmAndSample(
  calls: SampledCalls,
  timing: BenchTiming,
): Promise<{ sampled: Sampled; warmup: WarmupReport }> {
  const warmup = await warmUp(calls, timing);
  const sampled = await sample(calls, { ...timing, collectGarbageFirst: false });
  return { sampled, warmup };
}

const doNothing = (): void => undefined;

/** An empty call lasts tens of nanoseconds: a few thousand samples pin its median down. */
const emptyRunSamples = 2000;
/**
 * The empty loop is warmed up by one pass of 6,000 calls rather than passes until settled: its
 * median, tens of nanoseconds, moves by tens of nanoseconds from pass to pass as mitata's loop
 * (compiled afresh for every pass) is optimised, so three passes of 2,000 never met the 5% rule
 * and only set the empty figure where one pass of 6,000 sets it too. Each pass costs 30 to 60 ms
 * of mitata's own set-up here (its 8 MB array of samples, faulted in page by page).
 */
const emptyRunWarmupSamples = 6000;

/**
 * The empty measuring loop: the same guarded wrapper and mitata loop, with the same untimed step
 * and turns of the event loop, around a `run` that does no work.
 */
async function measureEmptyRun(timing: BenchTiming, freshTurn: boolean): Promise<SampleFigures> {
  const calls = { timed: guardedRun(() => 0, new RunTally(0)), untimed: doNothing, freshTurn };
  const exactly = (samples: number) => ({ minSamples: samples, minTimeMs: 0, maxSamples: samples });
  await sample(calls, exactly(emptyRunWarmupSamples));
  const { figures } = await sample(calls, exactly(Math.max(timing.minSamples, emptyRunSamples)));
  return figures;
}

async function measurePrepared(
  benchCase: BenchCase,
  prepared: BenchCaseRun,
  timing: BenchTiming,
): Promise<CaseMeasurement> {
  const freshTurn = prepared.freshTurnPerRun ?? true;
  const emptyRun = await measureEmptyRun(timing, freshTurn);
  const tally = new RunTally(prepared.expected);
  const calls = {
    timed: guardedRun(prepared.run, tally),
    untimed: prepared.beforeRun ?? doNothing,
    freshTurn,
  };
  const { sampled, warmup } = await warmAndSample(calls, timing);
  const stateProblems = (await prepared.verify?.()) ?? [];
  return {
    kind: 'measured',
    name: benchCase.name,
    opsPerRun: benchCase.opsPerRun,
    perRun: sampled.figures,
    perRunSamples: sampled.values,
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
