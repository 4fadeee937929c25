import { basename, isAbsolute, relative, resolve } from 'node:path';
import {
  runBench,
  type BenchDocument,
  type BenchProfile,
  type GateCaseResult,
  type GateOptions,
  type GateResult,
} from '../bench/index.ts';
import { gatedCasesOf, type TickBenchGate, type TickBenchStepSpec } from '../pipeline/index.ts';
import type {
  Finding,
  GatedTickFigures,
  StepContext,
  StepOutcome,
  TickFigures,
  TickProfile,
} from './types.ts';

function gateOptionsOf(gate: TickBenchGate | undefined): Partial<GateOptions> {
  if (gate === undefined) return {};
  return {
    ...(gate.confidence === undefined ? {} : { confidence: gate.confidence }),
    ...(gate.timeCapSeconds === undefined ? {} : { timeCapMs: gate.timeCapSeconds * 1000 }),
    ...(gate.minProcesses === undefined ? {} : { minProcesses: gate.minProcesses }),
    ...(gate.maxProcesses === undefined ? {} : { maxProcesses: gate.maxProcesses }),
    ...(gate.windowMs === undefined ? {} : { windowMs: gate.windowMs }),
  };
}

function gatedFigures(document: BenchDocument, entry: GateCaseResult): GatedTickFigures {
  const pooled = document.results.find((result) => result.name === entry.caseName);
  const none = { min: 0, p50: 0, p99: 0 };
  return {
    case: entry.caseName,
    decision: entry.status,
    interval: entry.interval,
    ticksPerEvent: pooled?.ticksPerOp ?? none,
    nsPerEvent: pooled?.nsPerOp ?? none,
    processes: entry.processes,
    samples: entry.samples,
    processMedians: entry.processMedians,
    noise: entry.noise,
  };
}

/** A path for the report: relative to `base` when inside it, else as it is. */
function inside(base: string, path: string): string {
  const shown = relative(base, path);
  return shown.startsWith('..') || isAbsolute(shown) ? path : shown;
}

function profileFigures(profile: BenchProfile, projectRoot: string): TickProfile {
  return {
    case: profile.caseName,
    // Written into the reports folder, so the Markdown report beside them links them by name.
    cpuprofile: basename(profile.cpuprofile),
    flameGraph: basename(profile.flameGraph),
    hottest: profile.hottest.map((hot) => ({
      function: hot.functionName,
      file: inside(projectRoot, hot.file),
      line: hot.line,
      selfPercent: hot.selfPercent,
    })),
  };
}

function figuresOf(document: BenchDocument, gate: GateResult, projectRoot: string): TickFigures {
  return {
    budget: gate.maxTicksPerOp,
    decision: gate.status,
    confidence: gate.confidence,
    perLookLevel: gate.perLookLevel,
    rule: gate.rule,
    minProcesses: gate.minProcesses,
    maxProcesses: gate.maxProcesses,
    timeCapSeconds: gate.timeCapMs / 1000,
    elapsedSeconds: Math.round(gate.elapsedMs / 100) / 10,
    tickGhz: document.tickGhz,
    tickSource: document.tickSource,
    gated: gate.cases.map((entry) => gatedFigures(document, entry)),
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
    ...(document.profiles.length === 0
      ? {}
      : { profiles: document.profiles.map((profile) => profileFigures(profile, projectRoot)) }),
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

/** "hottest (self time): f (file:line) 41%, …" for each profiled case. */
function hottestPhrase(profiles: readonly TickProfile[] | undefined): string {
  const phrases = (profiles ?? []).map((profile) => {
    const spots = profile.hottest.map(
      (hot) => `${hot.function} (${hot.file}:${hot.line}) ${hot.selfPercent.toFixed(1)}%`,
    );
    return `${profile.case} hottest by self time: ${spots.length === 0 ? 'none sampled' : spots.join(', ')}; flame graph ${profile.flameGraph}`;
  });
  return phrases.length === 0 ? '' : `. ${phrases.join('. ')}`;
}

function verdictReason(document: BenchDocument, figures: TickFigures | undefined): string {
  const gate = document.gate;
  const decided = gate === null ? '' : gate.cases.map((entry) => entry.reason).join('; ');
  const clock = `(${document.tickGhz.toFixed(3)} GHz)`;
  switch (document.verdict) {
    case 'pass':
      return `${decided} ${clock}`;
    case 'over-budget':
    case 'inconclusive':
      return `${decided} ${clock}${hottestPhrase(figures?.profiles)}`;
    case 'guard-failed':
      return `a guard caught missing or wrong work, so no figure can be trusted: ${document.results
        .flatMap((result) => result.guard.problems.map((problem) => `${result.name}: ${problem}`))
        .join('; ')}`;
    case 'case-failed':
      return `a case could not be measured (${document.failures.map((f) => f.name).join(', ')})`;
  }
}

function statusOf(document: BenchDocument): 'pass' | 'fail' | 'inconclusive' {
  if (document.verdict === 'pass') return 'pass';
  return document.verdict === 'inconclusive' ? 'inconclusive' : 'fail';
}

/**
 * The feature's tick benchmark, with the pipeline's budget for its gated cases: each gated case
 * is measured in fresh processes, one after another, until the confidence interval of its median
 * is under the budget (pass) or over it (fail), or the cap is reached (inconclusive: not
 * certified either). The peers run only when the step asks. A case that did not pass is profiled
 * into the reports folder.
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
    budget: { caseNames: gatedCasesOf(budget), maxTicksPerOp: budget.max },
    gate: gateOptionsOf(spec.gate),
    peers: spec.peers ?? false,
    env: context.env,
    ...(spec.cases === undefined ? {} : { cases: spec.cases }),
    ...(spec.timing === undefined ? {} : { timing: spec.timing }),
    ...(context.reportsDir === undefined ? {} : { profileDir: context.reportsDir }),
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
  const findings = findingsOf(document);
  const figures =
    document.gate === null ? undefined : figuresOf(document, document.gate, projectRoot);
  const reason = verdictReason(document, figures);
  const details = figures === undefined ? {} : { details: { kind: 'ticks', figures } as const };
  return { status: statusOf(document), reason, findings, ...details };
}
