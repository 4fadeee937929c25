import type { BenchCase, BenchCaseRun, BenchTiming } from '../suite/index.ts';
import { guardedRun, guardReport, RunTally, type GuardReport } from './guard.ts';
import { sample, type Sampled, type SampleFigures } from './sample.ts';

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

async function warmUp(
  timed: () => void,
  untimed: () => void | Promise<void>,
  timing: BenchTiming,
): Promise<WarmupReport> {
  let previous: number | undefined;
  for (let pass = 1; pass <= timing.maxWarmupPasses; pass += 1) {
    const { figures } = await sample(timed, untimed, {
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
  timed: () => void,
  untimed: () => void | Promise<void>,
  timing: BenchTiming,
): Promise<{ sampled: Sampled; warmup: WarmupReport }> {
  const warmup = await warmUp(timed, untimed, timing);
  const sampled = await sample(timed, untimed, { ...timing, collectGarbageFirst: false });
  return { sampled, warmup };
}

const doNothing = (): void => undefined;

/** An empty call lasts tens of nanoseconds: a few thousand samples pin its median down. */
const emptyRunSamples = 2000;
/**
 * The empty loop is warmed up by one pass of 6,000 calls rather than passes until settled: its
 * median, tens of nanoseconds, moves by tens of nanoseconds from pass to pass as mitata's loop
 * (compiled afresh for every pass) is optimised, so three passes of 2,000 never met the 5% rule
 * either; one pass of 6,000 leaves it about where they did. Each pass costs 30 to 60 ms of
 * mitata's own set-up here (its 8 MB array of samples, faulted in page by page).
 */
const emptyRunWarmupSamples = 6000;

const exactly = (samples: number) => ({ minSamples: samples, minTimeMs: 0, maxSamples: samples });

/** The empty measuring loop: the same guarded wrapper and mitata loop around a `run` that does no work. */
async function measureEmptyRun(timing: BenchTiming): Promise<SampleFigures> {
  const timed = guardedRun(() => 0, new RunTally(0));
  await sample(timed, doNothing, exactly(emptyRunWarmupSamples));
  const samples = Math.max(timing.minSamples, emptyRunSamples);
  const { figures } = await sample(timed, doNothing, exactly(samples));
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
  const { sampled, warmup } = await warmAndSample(timed, prepared.beforeRun ?? doNothing, timing);
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
