import {
  formatBenchTable,
  parseGhzOverride,
  runBench,
  type BenchBudget,
  type BenchOptions,
} from '../bench/index.ts';
import { parseCommandLine, UsageError } from './usage.ts';

const EXIT_CONFIGURATION = 2;

function positiveNumber(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = parseGhzOverride(text);
  if (value === undefined) throw new UsageError(`${flag} must be a positive number, got "${text}"`);
  return value;
}

function budgetOf(ticks: string | undefined, gate: string | undefined): BenchBudget | undefined {
  const maxTicksPerOp = positiveNumber('--budget', ticks);
  if (maxTicksPerOp === undefined && gate === undefined) return undefined;
  if (maxTicksPerOp === undefined) throw new UsageError('--gate needs --budget <ticks>');
  if (gate === undefined || gate === '') throw new UsageError('--budget needs --gate <case name>');
  return { caseName: gate, maxTicksPerOp };
}

/** The command line, as the typed options `runBench` takes (the pipeline builds the same object). */
export function benchOptionsFromArgs(args: readonly string[]): BenchOptions & { json: boolean } {
  const { values } = parseCommandLine(args, {
    options: {
      suite: { type: 'string' },
      budget: { type: 'string' },
      gate: { type: 'string' },
      'tick-ghz': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (values.suite === undefined || values.suite === '') {
    throw new UsageError('bench needs --suite <file>, a module exporting the benchmark cases');
  }
  const budget = budgetOf(values.budget, values.gate);
  const tickGhz = positiveNumber('--tick-ghz', values['tick-ghz']);
  return {
    suitePath: values.suite,
    json: values.json,
    ...(budget === undefined ? {} : { budget }),
    ...(tickGhz === undefined ? {} : { tickGhz }),
  };
}

/** `certify bench`: prints the table (or the JSON document); 1 when over budget or a guard failed. */
export async function runBenchCommand(args: readonly string[]): Promise<number> {
  const { json, ...options } = benchOptionsFromArgs(args);
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
