import { resolve } from 'node:path';
import { runBench, type BenchDocument, type BenchResult } from '../bench/index.ts';
import type { TickBenchStepSpec } from '../pipeline/index.ts';
import type { Finding, StepContext, StepOutcome, TickFigures } from './types.ts';

const fixed = (value: number) => value.toFixed(2);

function figuresOf(document: BenchDocument, gated: BenchResult, budget: number): TickFigures {
  return {
    case: gated.name,
    ticksPerEvent: gated.ticksPerOp,
    nsPerEvent: gated.nsPerOp,
    budget,
    samples: gated.samples,
    tickGhz: document.tickGhz,
    tickSource: document.tickSource,
    cases: document.results.map((result) => ({
      name: result.name,
      nsPerEvent: result.nsPerOp.p50,
      ticksPerEvent: result.ticksPerOp.p50,
    })),
    ratios: document.ratios.map((ratio) => ({
      name: ratio.name,
      value: ratio.value,
      ...(ratio.limit === undefined ? {} : { limit: ratio.limit }),
    })),
  };
}

/** What the benchmark found wrong or worth a look: failed cases, broken guards, warnings. */
function findingsOf(document: BenchDocument): Finding[] {
  return [
    ...document.failures.map((failure) => ({
      rule: 'bench-case-failed',
      message: `${failure.name}: ${failure.error.split('\n')[0] ?? failure.error}`,
    })),
    ...document.results.flatMap((result) =>
      result.guard.problems.map((problem) => ({
        rule: 'bench-guard',
        message: `${result.name}: ${problem}`,
      })),
    ),
    ...document.ratios
      .filter((ratio) => ratio.withinLimit === false)
      .map((ratio) => ({
        rule: 'bench-ratio-over-limit',
        message: `${ratio.name} = ${String(ratio.value)}×, over its limit of ${String(ratio.limit)}× (informational)`,
      })),
    ...document.warnings.map((warning) => ({ rule: 'bench-warning', message: warning })),
  ];
}

function verdictReason(document: BenchDocument, gated: BenchResult | undefined, budget: number) {
  const median =
    gated === undefined
      ? 'the budgeted case was not measured'
      : `median ${fixed(gated.ticksPerOp.p50)} ticks per event (${fixed(gated.nsPerOp.p50)} ns at ${document.tickGhz.toFixed(3)} GHz)`;
  switch (document.verdict) {
    case 'pass':
      return `${median}, within the budget of ${budget}`;
    case 'over-budget':
      return `${median}, over the budget of ${budget}`;
    case 'guard-failed':
      return `a guard caught skipped or wrong work, so no figure can be trusted; ${median}`;
    case 'case-failed':
      return `a case could not be measured (${document.failures.map((f) => f.name).join(', ')})`;
  }
}

/**
 * The feature's tick benchmark, with the pipeline's budget for its gated case: each case is
 * measured in its own process; the step passes only when every case was measured, every guard
 * held and the gated median is within budget.
 */
export async function runTickBenchStep(
  spec: TickBenchStepSpec,
  context: StepContext,
): Promise<StepOutcome> {
  const { projectRoot, budgets } = context.pipeline;
  const budget = budgets.ticksPerEvent;
  const outcome = await runBench({
    suitePath: resolve(projectRoot, spec.suite),
    cwd: projectRoot,
    budget: { caseName: budget.case, maxTicksPerOp: budget.max },
    env: context.env,
    ...(spec.cases === undefined ? {} : { cases: spec.cases }),
    ...(spec.timing === undefined ? {} : { timing: spec.timing }),
    signal: context.signal,
    onProgress: context.progress,
  });
  if (!outcome.ok) {
    const reason = `the benchmark could not run: ${outcome.error.message}`;
    // Without a clock frequency nothing can be said in ticks; the other problems are the suite's.
    return outcome.error.code === 'TICK_FREQUENCY'
      ? { status: 'inconclusive', reason }
      : { status: 'fail', reason };
  }
  const { document } = outcome;
  const gated = document.results.find((result) => result.name === budget.case);
  const reason = verdictReason(document, gated, budget.max);
  const findings = findingsOf(document);
  if (gated === undefined) return { status: 'fail', reason, findings };
  const details = { kind: 'ticks', figures: figuresOf(document, gated, budget.max) } as const;
  return document.verdict === 'pass'
    ? { status: 'pass', reason, details, findings }
    : { status: 'fail', reason, details, findings };
}
