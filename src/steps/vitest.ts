import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Pipeline, VitestStepSpec } from '../pipeline/index.ts';
import { applyExemptions } from './exemptions.ts';
import { runProcess, type ProcessResult } from './process.ts';
import { isScript, readSourceFiles } from './source-files.ts';
import type { CoverageFigures, Finding, StepContext, StepOutcome, TestCounts } from './types.ts';
import {
  checkCoverage,
  findTrivialTests,
  floorsOf,
  readCoverageSummary,
  reporterFile,
  RESULTS_FORMAT,
  RESULTS_VARIABLE,
  testCounts,
  testFindings,
  type Floors,
  type VitestResults,
} from './vitest/index.ts';

export interface VitestArgumentsOptions {
  /** The machine's cores, for `maxWorkers: cores`. */
  readonly cores: number;
  /** Coverage of the files matching `include`, its summary written to `directory`. */
  readonly coverage?: { readonly include: string; readonly directory: string };
}

const sizesWorkers = (arg: string): boolean => /^--max-?[wW]orkers(=|$)/.test(arg);

/** `--maxWorkers` as the step asks for it; none when its args give one or it leaves it to Vitest. */
function workersFlag(spec: VitestStepSpec, cores: number): string[] {
  if (spec.maxWorkers === undefined || (spec.args ?? []).some(sizesWorkers)) return [];
  return [`--maxWorkers=${spec.maxWorkers === 'cores' ? cores : spec.maxWorkers}`];
}

function coverageFlags(coverage: VitestArgumentsOptions['coverage']): string[] {
  if (coverage === undefined) return [];
  return [
    '--coverage.enabled=true',
    '--coverage.provider=v8',
    `--coverage.include=${coverage.include}`,
    '--coverage.reporter=json-summary',
    `--coverage.reportsDirectory=${coverage.directory}`,
    '--coverage.reportOnFailure=true',
  ];
}

/**
 * `vitest run`'s arguments: certify's reporter (every test's result with vitest's own messages),
 * `.only` refused, at least one assertion required of every test, and coverage when asked for.
 * The number of test files run at once is the project's (its Vitest config, else Vitest's
 * run-mode default of one worker fewer than the cores) unless the step sets `maxWorkers`: `cores`
 * gives one per core, for a tier that owns the machine.
 */
export function vitestArguments(spec: VitestStepSpec, options: VitestArgumentsOptions): string[] {
  return [
    'run',
    `--reporter=${reporterFile}`,
    '--includeTaskLocation',
    '--allowOnly=false',
    '--expect.requireAssertions=true',
    ...coverageFlags(options.coverage),
    ...workersFlag(spec, options.cores),
    ...(spec.args ?? []),
  ];
}

function isResults(value: unknown): value is VitestResults {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { format?: unknown }).format === RESULTS_FORMAT &&
    Array.isArray((value as { modules?: unknown }).modules)
  );
}

/** The reporter's results, or why there are none usable. */
async function readResults(file: string): Promise<VitestResults | string> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error: unknown) {
    return `vitest wrote no test results (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
  }
  try {
    const value: unknown = JSON.parse(text);
    return isResults(value) ? value : 'the test results do not have the shape certify writes';
  } catch (error: unknown) {
    return `the test results are not JSON (${error instanceof Error ? error.message : String(error)})`;
  }
}

/** Whether the project can load the coverage provider (Vitest loads it from the project). */
function hasCoverageProvider(projectRoot: string): boolean {
  try {
    createRequire(join(projectRoot, 'package.json')).resolve('@vitest/coverage-v8/package.json');
    return true;
  } catch {
    return false;
  }
}

const ruleWords: Readonly<Record<string, string>> = {
  'test-failed': 'failed',
  'test-file-failed': 'test file that could not run',
  'unhandled-error': 'error outside any test',
  'no-assertion': 'test asserting nothing',
  'focused-test': '`.only` left in',
  'skipped-test': 'skipped or todo test',
  'trivial-assertion': 'test asserting only constants',
  'coverage-lines': 'line coverage under its floor',
  'coverage-branches': 'branch coverage under its floor',
  'coverage-unavailable': 'coverage not measured',
  'exemption-expired': 'expired exemption',
};

function refusals(findings: readonly Finding[]): string {
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(finding.rule, (counts.get(finding.rule) ?? 0) + 1);
  return [...counts].map(([rule, count]) => `${count} ${ruleWords[rule] ?? rule}`).join(', ');
}

function describeCoverage(figures: CoverageFigures | undefined, off: boolean): string {
  if (off) return 'coverage not measured (off in the pipeline file)';
  if (figures === undefined) return 'coverage not measured';
  const { floors } = figures;
  const branchFloor = floors.branches === undefined ? '' : `, ${floors.branches}% of branches`;
  const scope = floors.perFile ? ', in total and per file' : '';
  return `coverage ${figures.linesPercent.toFixed(1)}% of lines, ${figures.branchesPercent.toFixed(1)}% of branches (floor ${floors.lines}% of lines${branchFloor}${scope})`;
}

function summarize(counts: TestCounts): string {
  return `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`;
}

/** Coverage figures and the floors they miss, from the summary vitest wrote in `directory`. */
async function coverageOf(
  pipeline: Pipeline,
  floors: Floors,
  directory: string,
): Promise<{ figures?: CoverageFigures; findings: readonly Finding[] }> {
  const summary = await readCoverageSummary(directory);
  if (typeof summary === 'string') {
    return { findings: [{ rule: 'coverage-unavailable', message: summary }] };
  }
  const { projectRoot, feature } = pipeline;
  const sourceFiles = (await readSourceFiles(resolve(projectRoot, feature.source), projectRoot))
    .map((file) => file.path)
    .filter((path) => isScript(path) && !/\.d\.[cm]?ts$/.test(path));
  return checkCoverage({ summary, floors, projectRoot, source: feature.source, sourceFiles });
}

/** Tests that passed, by file and line: the ones whose assertions are read for constants. */
function passedTests(results: VitestResults): Map<string, number[]> {
  return new Map(
    results.modules.map((module) => [
      module.file,
      module.tests.flatMap((test) =>
        test.state === 'passed' && test.line !== undefined ? [test.line] : [],
      ),
    ]),
  );
}

interface Judged {
  readonly run: ProcessResult;
  readonly results: VitestResults;
  readonly measured:
    { readonly figures?: CoverageFigures; readonly findings: readonly Finding[] } | undefined;
  readonly floors: Floors | undefined;
  readonly pipeline: Pipeline;
}

/** The step's outcome from what vitest reported and the coverage it measured. */
function judge({ run, results, measured, floors, pipeline }: Judged): StepOutcome {
  const counts = testCounts(results);
  const found = [
    ...testFindings(results, pipeline.projectRoot),
    ...findTrivialTests(passedTests(results), pipeline.projectRoot),
    ...(measured?.findings ?? []),
  ];
  const exempted = applyExemptions(found, pipeline.exemptionEntries, 'vitest');
  const details = {
    kind: 'tests',
    counts,
    ...(measured?.figures === undefined ? {} : { coverage: measured.figures }),
  } as const;
  const exemptNote = exempted.exemptedCount === 0 ? '' : ` (${exempted.exemptedCount} exempted)`;
  const described = `${summarize(counts)}${exemptNote}; ${describeCoverage(measured?.figures, floors === undefined)}`;
  const failed = (reason: string): StepOutcome => ({
    status: 'fail',
    reason,
    details,
    findings: exempted.findings,
    outputTail: run.outputTail,
  });
  if (counts.passed === 0 && counts.failed === 0) return failed(`no test ran; ${described}`);
  if (exempted.counted.length > 0) {
    return failed(`${described}; refused: ${refusals(exempted.counted)}`);
  }
  if (run.exitCode !== 0) return failed(`${described}; vitest ended with ${endOf(run)}`);
  return { status: 'pass', reason: described, details, findings: exempted.findings };
}

function endOf(run: ProcessResult): string {
  return run.startError ?? `exit code ${String(run.exitCode ?? run.signal)}`;
}

/**
 * The feature's test suite, run by `vitest run` with certify's reporter. Passes only when at
 * least one test passed and no finding counts: no failed, skipped, todo, focused or
 * assertion-free test, none asserting only constants, coverage at or above its floors, unless
 * a written exemption covers the finding.
 */
export async function runVitestStep(
  spec: VitestStepSpec,
  context: StepContext,
): Promise<StepOutcome> {
  const { pipeline } = context;
  const floors = spec.coverage === 'off' ? undefined : floorsOf(spec.coverage);
  if (floors !== undefined && !hasCoverageProvider(pipeline.projectRoot)) {
    return {
      status: 'fail',
      reason: `coverage is asked for (floor ${floors.lines}% of lines) but the project has no @vitest/coverage-v8: install it at its Vitest's version (npm install -D @vitest/coverage-v8@<vitest version>), or set coverage: off`,
    };
  }
  const folder = await mkdtemp(join(tmpdir(), 'certify-vitest-'));
  try {
    const resultsFile = join(folder, 'results.json');
    const coverage = {
      include: `${pipeline.feature.source}/**`,
      directory: join(folder, 'coverage'),
    };
    const options = {
      cores: availableParallelism(),
      ...(floors === undefined ? {} : { coverage }),
    };
    const run = await runProcess(['vitest', ...vitestArguments(spec, options)], {
      cwd: pipeline.projectRoot,
      signal: context.signal,
      env: { ...context.env, [RESULTS_VARIABLE]: resultsFile },
      onLine: context.progress,
    });
    const results = await readResults(resultsFile);
    if (typeof results === 'string') {
      return {
        status: 'fail',
        reason: `${results}; vitest ended with ${endOf(run)}`,
        outputTail: run.outputTail,
      };
    }
    const measured =
      floors === undefined ? undefined : await coverageOf(pipeline, floors, coverage.directory);
    return judge({ run, results, measured, floors, pipeline });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
