import { isAbsolute, relative } from 'node:path';
import { buildDocument, type BenchBudget, type BenchDocument } from './document/index.ts';
import { failure, type BenchSetupError, type Outcome } from './errors.ts';
import { resolveTickFrequency, type FrequencySources } from './frequency/index.ts';
import { measureInChild, mergeRounds, type CaseMeasurement } from './measure/index.ts';
import { defaultTiming, loadSuite, type BenchSuite, type BenchTiming } from './suite/index.ts';

/**
 * Everything one benchmark run needs. `certify bench` fills it from its flags; the pipeline's
 * tick-bench step fills it from the pipeline file (suite path, budget and gated case).
 */
export interface BenchOptions {
  /** The suite module, absolute or relative to `cwd`. */
  readonly suitePath: string;
  readonly cwd?: string;
  /** When given, the named case's median ticks per operation must not exceed the budget. */
  readonly budget?: BenchBudget;
  /** Overrides the machine's frequency (`--tick-ghz`). */
  readonly tickGhz?: number;
  /** Where `CERTIFY_TICK_GHZ` is read; `process.env` by default. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Overrides the suite's own timing (tests use tiny sample counts). */
  readonly timing?: Partial<BenchTiming>;
  /** Called before each case is measured, for progress lines. */
  readonly onProgress?: (message: string) => void;
  /** Measure only these cases (the budgeted case is always measured); every case by default. */
  readonly cases?: readonly string[];
  /** Aborting it stops the measuring process; `runBench` then rejects with the abort reason. */
  readonly signal?: AbortSignal;
}

/** A finished run (exit 0 when its verdict is `pass`, else 1), or why it could not start (exit 2). */
export type BenchOutcome =
  | { readonly ok: true; readonly document: BenchDocument; readonly exitCode: 0 | 1 }
  | { readonly ok: false; readonly error: BenchSetupError };

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
  const names = suite.cases.map((entry) => entry.name);
  if (!names.includes(budget.caseName)) {
    return failure(
      'UNKNOWN_CASE',
      `the gated case "${budget.caseName}" is not in the suite (its cases: ${names.join(', ')})`,
    );
  }
  return { ok: true, value: budget };
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

/**
 * The suite restricted to the selected cases (and the budgeted one), with the ratios between
 * cases that are still measured; the whole suite when no selection is given.
 */
function selectCases(
  suite: BenchSuite,
  selection: readonly string[] | undefined,
  budget: BenchBudget | undefined,
): Outcome<BenchSuite> {
  if (selection === undefined) return { ok: true, value: suite };
  const names = suite.cases.map((entry) => entry.name);
  const unknown = selection.filter((name) => !names.includes(name));
  if (unknown.length > 0) {
    return failure(
      'UNKNOWN_CASE',
      `selected case${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `"${n}"`).join(', ')} not in the suite (its cases: ${names.join(', ')})`,
    );
  }
  const wanted = new Set([...selection, ...(budget === undefined ? [] : [budget.caseName])]);
  const measured = (name: string) => wanted.has(name);
  return {
    ok: true,
    value: {
      ...suite,
      cases: suite.cases.filter((entry) => measured(entry.name)),
      ratios: (suite.ratios ?? []).filter(
        (ratio) => measured(ratio.numerator) && measured(ratio.denominator),
      ),
    },
  };
}

interface RoundsOptions {
  readonly suitePath: string;
  readonly timing: BenchTiming;
  readonly onProgress: ((message: string) => void) | undefined;
  readonly signal: AbortSignal | undefined;
}

/** Every case in its own process, one after another, `rounds` times over; samples pooled per case. */
async function measureInRounds(
  suite: BenchSuite,
  { suitePath, timing, onProgress, signal }: RoundsOptions,
): Promise<CaseMeasurement[]> {
  const byCase = suite.cases.map((): CaseMeasurement[] => []);
  const perRound = roundTiming(timing);
  for (let round = 1; round <= timing.rounds; round += 1) {
    for (const [index, { name }] of suite.cases.entries()) {
      const roundNote = timing.rounds > 1 ? `, round ${round} of ${timing.rounds}` : '';
      onProgress?.(`measuring ${name} (${index + 1} of ${suite.cases.length}${roundNote})`);
      signal?.throwIfAborted();
      const request = { suitePath, caseName: name, timing: perRound };
      byCase[index]?.push(await measureInChild(request, signal));
    }
  }
  return byCase.flatMap((rounds) => mergeRounds(rounds) ?? []);
}

/**
 * Measures every (selected) case of the suite, one fresh process each, one after another, and
 * builds the document.
 */
export async function runBench(options: BenchOptions): Promise<BenchOutcome> {
  const cwd = options.cwd ?? process.cwd();
  const sources: FrequencySources = { flagGhz: options.tickGhz, env: options.env ?? process.env };
  const frequency = resolveTickFrequency(sources);
  if (!frequency.ok) return frequency;
  const loaded = await loadSuite(options.suitePath, cwd);
  if (!loaded.ok) return loaded;
  const { path } = loaded.value;
  const budget = checkBudget(options.budget, loaded.value.suite);
  if (!budget.ok) return budget;
  const selected = selectCases(loaded.value.suite, options.cases, budget.value);
  if (!selected.ok) return selected;
  const suite = selected.value;
  const timing: BenchTiming = { ...defaultTiming, ...suite.timing, ...options.timing };
  const measurements = await measureInRounds(suite, {
    suitePath: path,
    timing,
    onProgress: options.onProgress,
    signal: options.signal,
  });
  const document = buildDocument({
    suitePath: shownPath(path, cwd),
    frequency: frequency.value,
    measurements,
    ratios: suite.ratios,
    budget: budget.value,
  });
  return { ok: true, document, exitCode: document.verdict === 'pass' ? 0 : 1 };
}
