import { noiseWindow, readNoise, type NoiseWindow } from '../noise/index.ts';
import type { BenchCase, BenchCaseRun, BenchTiming } from '../suite/index.ts';
import { guardedRun, guardReport, RunTally, type GuardReport } from './guard.ts';
import { ProfileRecording, type ProfileRequest } from './profile.ts';
import { sample, type Sampled, type SampleFigures } from './sample.ts';

/** What one measuring process gives for its case: raw nanoseconds per `run` call. */
export type CaseMeasurement =
  | {
      readonly kind: 'measured';
      readonly name: string;
      readonly opsPerRun: number;
      /** ns per call of the case's `run`, and every sample kept (ascending), to pool processes. */
      readonly perRun: SampleFigures;
      readonly perRunSamples: readonly number[];
      /** ns per call of an empty `run` through the same measuring loop, measured just before. */
      readonly emptyRun: SampleFigures;
      readonly warmup: WarmupReport;
      readonly guard: GuardReport;
      /** The machine while this process warmed up and sampled. */
      readonly noise: NoiseWindow;
      /** Where this process's time went, in milliseconds of wall time. */
      readonly phasesMs: PhaseTimes;
    }
  | { readonly kind: 'failed'; readonly name: string; readonly error: string };

/** Wall time of each part of a measuring process, in milliseconds. */
export interface PhaseTimes {
  /** From the process's start to the case's setup: Node, the hooks, the harness, the suite. */
  readonly start: number;
  readonly setup: number;
  readonly emptyLoop: number;
  readonly warmup: number;
  readonly sampling: number;
  readonly verify: number;
}

export interface WarmupReport {
  readonly passes: number;
  readonly settled: boolean;
}

/** What a measuring process may be asked beyond measuring. */
export interface MeasureOptions {
  /** Record a CPU profile of the sampling (after the warm-up) and write it there. */
  readonly profile?: ProfileRequest;
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

interface Sampling {
  readonly timed: () => void;
  readonly untimed: () => void | Promise<void>;
  readonly timing: BenchTiming;
  readonly profile: ProfileRequest | undefined;
}

interface WarmedSampling {
  readonly sampled: Sampled;
  readonly warmup: WarmupReport;
  readonly warmupMs: number;
  readonly samplingMs: number;
}

async function warmAndSample({
  timed,
  untimed,
  timing,
  profile,
}: Sampling): Promise<WarmedSampling> {
  const started = performance.now();
  const warmup = await warmUp(timed, untimed, timing);
  const warmed = performance.now();
  // The profile covers the sampling only: the code as the JIT left it once settled.
  const recording = profile === undefined ? undefined : await ProfileRecording.start(profile);
  const sampled = await sample(timed, untimed, { ...timing, collectGarbageFirst: false });
  await recording?.stopAndWrite();
  return { sampled, warmup, warmupMs: warmed - started, samplingMs: performance.now() - warmed };
}

const doNothing = (): void => undefined;

/** An empty call lasts tens of nanoseconds: a few thousand samples pin its median down. */
const emptyRunSamples = 2000;
/**
 * The empty loop is warmed up by one pass of 6,000 calls rather than passes until settled: its
 * median, tens of nanoseconds, moves by tens of nanoseconds from pass to pass as mitata's loop
 * (compiled afresh for every pass) is optimised, so three passes of 2,000 never met the 5% rule
 * either; one pass of 6,000 leaves it about where they did.
 */
const emptyRunWarmupSamples = 6000;

const exactly = (samples: number) => ({ minSamples: samples, minTimeMs: 0, maxSamples: samples });

/** The empty measuring loop: the same guarded wrapper and mitata loop around a `run` that does no work. */
async function measureEmptyRun(): Promise<SampleFigures> {
  const tally = new RunTally(0);
  const timed = guardedRun(() => 0, tally);
  await sample(timed, doNothing, exactly(emptyRunWarmupSamples));
  const { figures } = await sample(timed, doNothing, exactly(emptyRunSamples));
  return figures;
}

/** The suite API before `run` reported its operations had `expected`; say so rather than guess. */
function removedFieldProblem(prepared: BenchCaseRun): string | undefined {
  if (!('expected' in prepared)) return undefined;
  return (
    'setup returned `expected`, which the suite API no longer has: `run` must return the ' +
    'number of operations it performed (the case declares opsPerRun), as the code under test reported them'
  );
}

interface Prepared {
  readonly benchCase: BenchCase;
  readonly prepared: BenchCaseRun;
  /** Wall time from the process's start to the end of the setup, and of the setup itself. */
  readonly startMs: number;
  readonly setupMs: number;
}

async function measurePrepared(
  { benchCase, prepared, startMs, setupMs }: Prepared,
  timing: BenchTiming,
  options: MeasureOptions,
): Promise<CaseMeasurement> {
  const removed = removedFieldProblem(prepared);
  if (removed !== undefined) return { kind: 'failed', name: benchCase.name, error: removed };
  const start = readNoise();
  const emptyRun = await measureEmptyRun();
  const emptyLoopMs = performance.now() - start.atMs;
  const tally = new RunTally(benchCase.opsPerRun);
  const { sampled, warmup, warmupMs, samplingMs } = await warmAndSample({
    timed: guardedRun(prepared.run, tally),
    untimed: prepared.beforeRun ?? doNothing,
    timing,
    profile: options.profile,
  });
  const end = readNoise();
  const noise = noiseWindow(start, end);
  const stateProblems = (await prepared.verify?.()) ?? [];
  const verifyMs = performance.now() - end.atMs;
  return {
    kind: 'measured',
    name: benchCase.name,
    opsPerRun: benchCase.opsPerRun,
    perRun: sampled.figures,
    perRunSamples: sampled.values,
    emptyRun,
    warmup,
    guard: guardReport(tally, stateProblems),
    noise,
    phasesMs: {
      start: startMs,
      setup: setupMs,
      emptyLoop: emptyLoopMs,
      warmup: warmupMs,
      sampling: samplingMs,
      verify: verifyMs,
    },
  };
}

const messageOf = (error: unknown): string =>
  error instanceof Error ? (error.stack ?? error.message) : String(error);

/**
 * Sets the case up, warms it until the JIT settles, samples it with mitata, then checks what it
 * reported and the state it left. A case that throws is reported as failed, with its error.
 */
export async function measureCase(
  benchCase: BenchCase,
  timing: BenchTiming,
  options: MeasureOptions = {},
): Promise<CaseMeasurement> {
  let prepared: BenchCaseRun | undefined;
  try {
    // performance.now() counts from the process's start (its time origin).
    const startMs = performance.now();
    prepared = await benchCase.setup();
    const setupMs = performance.now() - startMs;
    return await measurePrepared({ benchCase, prepared, startMs, setupMs }, timing, options);
  } catch (error: unknown) {
    return { kind: 'failed', name: benchCase.name, error: messageOf(error) };
  } finally {
    await prepared?.close?.();
  }
}
