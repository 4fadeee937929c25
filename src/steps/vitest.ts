import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { VitestStepSpec } from '../pipeline/index.ts';
import { runProcess } from './process.ts';
import type { Finding, StepContext, StepOutcome, TestCounts } from './types.ts';

/** The part of Vitest's JSON reporter output that the step reads. */
interface VitestJson {
  readonly numPassedTests: number;
  readonly numFailedTests: number;
  readonly numPendingTests: number;
  readonly numTodoTests: number;
  readonly numTotalTests: number;
  readonly numFailedTestSuites: number;
  readonly testResults: readonly {
    readonly name: string;
    readonly status: string;
    readonly message: string;
    readonly assertionResults: readonly {
      readonly fullName: string;
      readonly status: string;
      readonly failureMessages: readonly string[] | null;
      readonly location?: { readonly line: number; readonly column: number } | null;
    }[];
  }[];
}

function isVitestJson(value: unknown): value is VitestJson {
  if (typeof value !== 'object' || value === null) return false;
  const counts = ['numPassedTests', 'numFailedTests', 'numTotalTests', 'numFailedTestSuites'];
  return (
    counts.every((key) => typeof (value as Record<string, unknown>)[key] === 'number') &&
    Array.isArray((value as Record<string, unknown>).testResults)
  );
}

function firstLine(text: string): string {
  return text.split('\n').find((line) => line.trim() !== '') ?? text;
}

function findingsOf(report: VitestJson, root: string): Finding[] {
  return report.testResults.flatMap((file): Finding[] => {
    const path = relative(root, file.name);
    const failed = file.assertionResults.filter((test) => test.status === 'failed');
    if (failed.length === 0 && file.status === 'failed') {
      // A file that failed to load or run has no failed test to point at.
      return [{ rule: 'test-file-failed', file: path, message: firstLine(file.message) }];
    }
    return failed.map((test) => ({
      rule: 'test-failed',
      file: path,
      ...(test.location ? { line: test.location.line, column: test.location.column } : {}),
      message: `${test.fullName}: ${firstLine(test.failureMessages?.join('\n') ?? 'failed')}`,
    }));
  });
}

function countsOf(report: VitestJson): TestCounts {
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
    total: report.numTotalTests,
  };
}

/** Vitest's JSON report, or why there is none usable. */
async function readReport(file: string): Promise<VitestJson | string> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error: unknown) {
    return `vitest wrote no test report (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
  }
  try {
    const value: unknown = JSON.parse(text);
    return isVitestJson(value) ? value : 'the test report does not have the shape of Vitest JSON';
  } catch (error: unknown) {
    return `the test report is not JSON (${error instanceof Error ? error.message : String(error)})`;
  }
}

function summarize(counts: TestCounts): string {
  return `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`;
}

export interface VitestArgumentsOptions {
  /** Where Vitest writes its JSON report. */
  readonly reportFile: string;
  /** The machine's cores, for `maxWorkers: cores`. */
  readonly cores: number;
}

const sizesWorkers = (arg: string): boolean => /^--max-?[wW]orkers(=|$)/.test(arg);

/** `--maxWorkers` as the step asks for it; none when its args give one or it leaves it to Vitest. */
function workersFlag(spec: VitestStepSpec, cores: number): string[] {
  if (spec.maxWorkers === undefined || (spec.args ?? []).some(sizesWorkers)) return [];
  return [`--maxWorkers=${spec.maxWorkers === 'cores' ? cores : spec.maxWorkers}`];
}

/**
 * `vitest run`'s arguments. The number of test files run at once is the project's (its Vitest
 * config, else Vitest's run-mode default of one worker fewer than the cores) unless the step sets
 * `maxWorkers`: `cores` gives one per core, for a tier that owns the machine.
 */
export function vitestArguments(spec: VitestStepSpec, options: VitestArgumentsOptions): string[] {
  return [
    'run',
    '--reporter=json',
    '--includeTaskLocation',
    `--outputFile=${options.reportFile}`,
    ...workersFlag(spec, options.cores),
    ...(spec.args ?? []),
  ];
}

/**
 * The feature's test suite, run by `vitest run` with its JSON reporter. Passes only when the run
 * succeeded, at least one test passed and none failed.
 */
export async function runVitestStep(
  spec: VitestStepSpec,
  context: StepContext,
): Promise<StepOutcome> {
  const folder = await mkdtemp(join(tmpdir(), 'certify-vitest-'));
  try {
    const output = join(folder, 'results.json');
    const argv = [
      'vitest',
      ...vitestArguments(spec, { reportFile: output, cores: availableParallelism() }),
    ] as const;
    const run = await runProcess(argv, {
      cwd: context.pipeline.projectRoot,
      signal: context.signal,
      env: context.env,
      onLine: context.progress,
    });
    const report = await readReport(output);
    if (typeof report === 'string') {
      const end = run.startError ?? `exit code ${String(run.exitCode ?? run.signal)}`;
      return {
        status: 'fail',
        reason: `${report}; vitest ended with ${end}`,
        outputTail: run.outputTail,
      };
    }
    const counts = countsOf(report);
    const findings = findingsOf(report, context.pipeline.projectRoot);
    const details = { kind: 'tests', counts } as const;
    if (
      run.exitCode === 0 &&
      counts.failed === 0 &&
      report.numFailedTestSuites === 0 &&
      counts.passed > 0
    ) {
      return { status: 'pass', reason: summarize(counts), details };
    }
    const why = counts.passed === 0 && counts.failed === 0 ? 'no test ran' : summarize(counts);
    return { status: 'fail', reason: why, details, findings, outputTail: run.outputTail };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
