import { isAbsolute, relative } from 'node:path';
import { defaultGateSettings, type GateSettings } from './decision/index.ts';
import {
  buildDocument,
  gateResultOf,
  type BenchBudget,
  type BenchDocument,
  type BenchProfile,
  type GateResult,
} from './document/index.ts';
import { failure, type BenchSetupError, type Outcome } from './errors.ts';
import { resolveTickFrequency, type FrequencySources } from './frequency/index.ts';
import { runGate, type GateOutcome, type MeasureProcess } from './gate/index.ts';
import {
  measureInChild,
  mergeRounds,
  type CaseMeasurement,
  type PooledMeasurement,
} from './measure/index.ts';
import { profileCase } from './profile-case.ts';
import { defaultTiming, loadSuite, type BenchSuite, type BenchTiming } from './suite/index.ts';

/** The gate's sampling: its decision settings and each process's sampling window. */
export interface GateOptions extends GateSettings {
  /** Measured time each gated process samples for, once warmed up, in milliseconds. */
  readonly windowMs: number;
}

/**
 * 50 ms of measured time is about 400 samples of the activity log's batch case: the error of
 * that process's median (about 1%) is well under the spread between processes (3 to 15% here),
 * which is what the interval is made of. A longer window adds time, not precision.
 */
export const defaultGateOptions: GateOptions = { ...defaultGateSettings, windowMs: 50 };

/**
 * Everything one benchmark run needs. `certify bench` fills it from its flags; the pipeline's
 * tick-bench step fills it from the pipeline file (suite path, budget and gated cases).
 */
export interface BenchOptions {
  /** The suite module, absolute or relative to `cwd`. */
  readonly suitePath: string;
  readonly cwd?: string;
  /** When given, each named case's median ticks per operation is held to the budget. */
  readonly budget?: BenchBudget;
  /** How the gate samples and decides; defaults for what is not given. */
  readonly gate?: Partial<GateOptions>;
  /**
   * Measure the cases that are not gated (peers, ratios) too, in interleaved rounds; true by
   * default. The gate needs only its gated cases.
   */
  readonly peers?: boolean;
  /** Overrides the machine's frequency (`--tick-ghz`). */
  readonly tickGhz?: number;
  /** Where `CERTIFY_TICK_GHZ` is read; `process.env` by default. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Overrides the suite's own timing (tests use tiny sample counts). */
  readonly timing?: Partial<BenchTiming>;
  /** Called before each measuring process, for progress lines. */
  readonly onProgress?: (message: string) => void;
  /** Of the cases that are not gated, only these; every one by default. */
  readonly cases?: readonly string[];
  /** A gated case that does not pass is profiled in one extra process, its files written here. */
  readonly profileDir?: string;
  /** Aborting it stops the measuring process; `runBench` then rejects with the abort reason. */
  readonly signal?: AbortSignal;
}

/** A finished run (exit 0 when its verdict is `pass`, else 1), or why it could not start (exit 2). */
export type BenchOutcome =
  | { readonly ok: true; readonly document: BenchDocument; readonly exitCode: 0 | 1 }
  | { readonly ok: false; readonly error: BenchSetupError };

const quoted = (names: readonly string[]): string => names.map((n) => `"${n}"`).join(', ');

function checkBudget(
  budget: BenchBudget | undefined,
  suite: BenchSuite,
): Outcome<BenchBudget | undefined> {
  if (budget === undefined) return { ok: true, value: undefined };
  if (!Number.isFinite(budget.maxTicksPerOp) || budget.maxTicksPerOp <= 0) {
    return failure(
      'INVALID_BUDGET',
      `the budget must be a positive number of ticks, got ${budget.maxTicksPerOp}`,
    );
  }
  if (budget.caseNames.length === 0)
    return failure('INVALID_BUDGET', 'the budget names no gated case');
  const names = suite.cases.map((entry) => entry.name);
  const unknown = budget.caseNames.filter((name) => !names.includes(name));
  if (unknown.length > 0) {
    const which =
      unknown.length > 1
        ? `gated cases ${quoted(unknown)} are`
        : `gated case ${quoted(unknown)} is`;
    return failure(
      'UNKNOWN_CASE',
      `the ${which} not in the suite (its cases: ${names.join(', ')})`,
    );
  }
  return { ok: true, value: budget };
}

const isPositiveInteger = (value: number): boolean => Number.isSafeInteger(value) && value > 0;

function checkGate(given: Partial<GateOptions> | undefined): Outcome<GateOptions> {
  const gate: GateOptions = { ...defaultGateOptions, ...given };
  const problems = [
    gate.confidence > 0 && gate.confidence < 1
      ? ''
      : `confidence must be between 0 and 1, got ${gate.confidence}`,
    isPositiveInteger(gate.minProcesses) && gate.minProcesses >= 2
      ? ''
      : `minProcesses must be a whole number of at least 2, got ${gate.minProcesses}`,
    isPositiveInteger(gate.maxProcesses) && gate.maxProcesses >= gate.minProcesses
      ? ''
      : `maxProcesses must be a whole number of at least minProcesses (${gate.minProcesses}), got ${gate.maxProcesses}`,
    gate.timeCapMs > 0 ? '' : `the time cap must be positive, got ${gate.timeCapMs} ms`,
    gate.windowMs > 0 ? '' : `the sampling window must be positive, got ${gate.windowMs} ms`,
  ].filter((problem) => problem !== '');
  return problems.length === 0
    ? { ok: true, value: gate }
    : failure('INVALID_GATE', `the gate's settings: ${problems.join('; ')}`);
}

function shownPath(absolute: string, cwd: string): string {
  const path = relative(cwd, absolute);
  return path.startsWith('..') || isAbsolute(path) ? absolute : path;
}

/** A round's share of the samples and time: together the rounds take at least the suite's. */
function roundTiming(timing: BenchTiming): BenchTiming {
  const { rounds } = timing;
  return {
    ...timing,
    minSamples: Math.ceil(timing.minSamples / rounds),
    minTimeMs: timing.minTimeMs / rounds,
  };
}

/** The cases measured besides the gated ones: none without peers, else the selection or all. */
function peerCases(
  suite: BenchSuite,
  options: BenchOptions,
  gated: readonly string[],
): Outcome<string[]> {
  const names = suite.cases.map((entry) => entry.name);
  const unknown = (options.cases ?? []).filter((name) => !names.includes(name));
  if (unknown.length > 0) {
    return failure(
      'UNKNOWN_CASE',
      `selected case${unknown.length > 1 ? 's' : ''} ${quoted(unknown)} not in the suite (its cases: ${names.join(', ')})`,
    );
  }
  if (options.peers === false) return { ok: true, value: [] };
  const selected = options.cases ?? names;
  return {
    ok: true,
    value: names.filter((name) => selected.includes(name) && !gated.includes(name)),
  };
}

interface RoundsOptions {
  readonly suitePath: string;
  readonly timing: BenchTiming;
  readonly onProgress: ((message: string) => void) | undefined;
  readonly measure: MeasureProcess;
  readonly signal: AbortSignal | undefined;
}

/** Every case in its own process, one after another, `rounds` times over; samples pooled per case. */
async function measureInRounds(
  caseNames: readonly string[],
  { suitePath, timing, onProgress, measure, signal }: RoundsOptions,
): Promise<CaseMeasurement[][]> {
  const byCase = caseNames.map((): CaseMeasurement[] => []);
  const perRound = roundTiming(timing);
  for (let round = 1; round <= timing.rounds; round += 1) {
    for (const [index, name] of caseNames.entries()) {
      const roundNote = timing.rounds > 1 ? `, round ${round} of ${timing.rounds}` : '';
      onProgress?.(`measuring ${name} (${index + 1} of ${caseNames.length}${roundNote})`);
      signal?.throwIfAborted();
      byCase[index]?.push(await measure({ suitePath, caseName: name, timing: perRound }));
    }
  }
  return byCase;
}

interface GatePhase {
  readonly outcome: GateOutcome;
  readonly result: GateResult;
}

/** The ratios the suite defines between cases that were both measured. */
function measuredRatios(suite: BenchSuite, measured: readonly string[]) {
  const has = (name: string) => measured.includes(name);
  return (suite.ratios ?? []).filter((ratio) => has(ratio.numerator) && has(ratio.denominator));
}

interface ProfilesInput {
  readonly gate: GatePhase | undefined;
  readonly options: BenchOptions;
  readonly suitePath: string;
  readonly timing: BenchTiming;
  readonly measure: MeasureProcess;
}

/** One profiled process for each gated case over budget or undecided, when a folder is given. */
async function profilesOf(
  input: ProfilesInput,
): Promise<{ profiles: BenchProfile[]; warnings: string[] }> {
  const { gate, options } = input;
  const folder = options.profileDir;
  const profiles: BenchProfile[] = [];
  const warnings: string[] = [];
  const broken =
    gate?.outcome.stoppedBy === 'guard-failed' || gate?.outcome.stoppedBy === 'case-failed';
  if (folder === undefined || gate === undefined || broken) return { profiles, warnings };
  for (const entry of gate.outcome.cases.filter((c) => c.status !== 'pass')) {
    options.onProgress?.(`profiling ${entry.caseName} (one extra process, not counted)`);
    options.signal?.throwIfAborted();
    const profiled = await profileCase({
      suitePath: input.suitePath,
      caseName: entry.caseName,
      timing: input.timing,
      folder,
      measure: input.measure,
    });
    if (profiled.ok) profiles.push(profiled.profile);
    else warnings.push(`${profiled.caseName}: no profile: ${profiled.error}`);
  }
  return { profiles, warnings };
}

/**
 * The benchmark: the gated cases first, each in fresh processes one after another until the
 * gate decides it; then, when asked, every other case in interleaved rounds; then, for a gated
 * case that did not pass, one profiled process. Builds the document.
 */
export async function runBench(options: BenchOptions): Promise<BenchOutcome> {
  const cwd = options.cwd ?? process.cwd();
  const sources: FrequencySources = { flagGhz: options.tickGhz, env: options.env ?? process.env };
  const frequency = resolveTickFrequency(sources);
  if (!frequency.ok) return frequency;
  const loaded = await loadSuite(options.suitePath, cwd);
  if (!loaded.ok) return loaded;
  const { path, suite } = loaded.value;
  const budget = checkBudget(options.budget, suite);
  if (!budget.ok) return budget;
  const gateOptions = checkGate(options.gate);
  if (!gateOptions.ok) return gateOptions;
  const gated = budget.value?.caseNames ?? [];
  const peers = peerCases(suite, options, gated);
  if (!peers.ok) return peers;
  const timing: BenchTiming = { ...defaultTiming, ...suite.timing, ...options.timing };
  const measure: MeasureProcess = (request) => measureInChild(request, options.signal);
  const common = { suitePath: path, onProgress: options.onProgress, signal: options.signal };

  let gate: GatePhase | undefined;
  if (budget.value !== undefined) {
    const settings = gateOptions.value;
    const outcome = await runGate({
      ...common,
      caseNames: gated,
      maxTicksPerOp: budget.value.maxTicksPerOp,
      ghz: frequency.value.ghz,
      timing: { ...timing, minTimeMs: settings.windowMs },
      settings,
      measure,
    });
    gate = { outcome, result: gateResultOf(outcome, settings, budget.value.maxTicksPerOp) };
  }
  const gateBroken =
    gate !== undefined &&
    gate.outcome.stoppedBy !== 'decided' &&
    gate.outcome.stoppedBy !== 'time-cap' &&
    gate.outcome.stoppedBy !== 'max-processes';
  const rounds = gateBroken
    ? []
    : await measureInRounds(peers.value, { ...common, timing, measure });
  const { profiles, warnings } = await profilesOf({
    gate,
    options,
    suitePath: path,
    timing,
    measure,
  });

  const processes = [...(gate?.outcome.cases.map((entry) => entry.measurements) ?? []), ...rounds];
  const measurements = processes.flatMap((list): PooledMeasurement[] => {
    const pooled = mergeRounds(list);
    return pooled === undefined ? [] : [pooled];
  });
  const document = buildDocument({
    suitePath: shownPath(path, cwd),
    frequency: frequency.value,
    measurements,
    ratios: measuredRatios(suite, [...gated, ...peers.value]),
    gate: gate?.result ?? null,
    profiles,
  });
  const withWarnings = { ...document, warnings: [...document.warnings, ...warnings] };
  return { ok: true, document: withWarnings, exitCode: document.verdict === 'pass' ? 0 : 1 };
}
