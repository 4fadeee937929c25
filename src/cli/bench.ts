import { mkdir } from 'node:fs/promises';
import {
  formatBenchTable,
  parseGhzOverride,
  runBench,
  type BenchBudget,
  type BenchOptions,
  type GateOptions,
} from '../bench/index.ts';
import { parseCommandLine, UsageError } from './usage.ts';

const EXIT_CONFIGURATION = 2;

function positiveNumber(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = parseGhzOverride(text);
  if (value === undefined) throw new UsageError(`${flag} must be a positive number, got "${text}"`);
  return value;
}

function wholeNumber(flag: string, text: string | undefined): number | undefined {
  const value = positiveNumber(flag, text);
  if (value !== undefined && !Number.isSafeInteger(value)) {
    throw new UsageError(`${flag} must be a whole number, got "${String(text)}"`);
  }
  return value;
}

function budgetOf(ticks: string | undefined, gates: readonly string[]): BenchBudget | undefined {
  const maxTicksPerOp = positiveNumber('--budget', ticks);
  if (maxTicksPerOp === undefined && gates.length === 0) return undefined;
  if (maxTicksPerOp === undefined) throw new UsageError('--gate needs --budget <ticks>');
  if (gates.length === 0 || gates.includes('')) {
    throw new UsageError('--budget needs --gate <case name>');
  }
  return { caseNames: [...new Set(gates)], maxTicksPerOp };
}

interface GateFlags {
  readonly confidence?: string;
  readonly 'time-cap'?: string;
  readonly 'min-processes'?: string;
  readonly 'max-processes'?: string;
  readonly 'window-ms'?: string;
}

function gateOf(flags: GateFlags): Partial<GateOptions> {
  const confidence = positiveNumber('--confidence', flags.confidence);
  if (confidence !== undefined && confidence >= 1) {
    throw new UsageError(`--confidence must be between 0 and 1, got "${String(flags.confidence)}"`);
  }
  const timeCap = positiveNumber('--time-cap', flags['time-cap']);
  const minProcesses = wholeNumber('--min-processes', flags['min-processes']);
  const maxProcesses = wholeNumber('--max-processes', flags['max-processes']);
  const windowMs = positiveNumber('--window-ms', flags['window-ms']);
  return {
    ...(confidence === undefined ? {} : { confidence }),
    ...(timeCap === undefined ? {} : { timeCapMs: timeCap * 1000 }),
    ...(minProcesses === undefined ? {} : { minProcesses }),
    ...(maxProcesses === undefined ? {} : { maxProcesses }),
    ...(windowMs === undefined ? {} : { windowMs }),
  };
}

/** The command line, as the typed options `runBench` takes (the pipeline builds the same object). */
export function benchOptionsFromArgs(args: readonly string[]): BenchOptions & { json: boolean } {
  const { values } = parseCommandLine(args, {
    options: {
      suite: { type: 'string' },
      budget: { type: 'string' },
      gate: { type: 'string', multiple: true },
      'tick-ghz': { type: 'string' },
      confidence: { type: 'string' },
      'time-cap': { type: 'string' },
      'min-processes': { type: 'string' },
      'max-processes': { type: 'string' },
      'window-ms': { type: 'string' },
      'profile-dir': { type: 'string' },
      'gated-only': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  if (values.suite === undefined || values.suite === '') {
    throw new UsageError('bench needs --suite <file>, a module exporting the benchmark cases');
  }
  const budget = budgetOf(values.budget, values.gate ?? []);
  const tickGhz = positiveNumber('--tick-ghz', values['tick-ghz']);
  const gate = gateOf(values);
  const profileDir = values['profile-dir'];
  if (profileDir === '') throw new UsageError('--profile-dir needs a folder');
  if (values['gated-only'] && budget === undefined) {
    throw new UsageError('--gated-only needs --budget <ticks> --gate <case name>');
  }
  return {
    suitePath: values.suite,
    json: values.json,
    ...(budget === undefined ? {} : { budget }),
    ...(Object.keys(gate).length === 0 ? {} : { gate }),
    ...(tickGhz === undefined ? {} : { tickGhz }),
    ...(profileDir === undefined ? {} : { profileDir }),
    ...(values['gated-only'] ? { peers: false } : {}),
  };
}

/**
 * `certify bench`: every case of the suite, the gated ones decided by the statistical gate; prints
 * the table (or the JSON document); 1 when a gated case is over budget or undecided, or a guard
 * failed.
 */
export async function runBenchCommand(args: readonly string[]): Promise<number> {
  const { json, ...options } = benchOptionsFromArgs(args);
  if (options.profileDir !== undefined) await mkdir(options.profileDir, { recursive: true });
  const outcome = await runBench({
    ...options,
    onProgress: (message) => process.stderr.write(`certify bench: ${message}\n`),
  });
  if (!outcome.ok) {
    process.stderr.write(`certify bench: ${outcome.error.message}\n`);
    return EXIT_CONFIGURATION;
  }
  const { document } = outcome;
  process.stdout.write(
    json ? `${JSON.stringify(document, null, 2)}\n` : formatBenchTable(document),
  );
  return outcome.exitCode;
}
