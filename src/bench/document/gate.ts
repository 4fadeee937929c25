import {
  describeRule,
  type GateSettings,
  type NoiseSummary,
  type ProcessFigures,
} from '../decision/index.ts';
import type { GateOutcome } from '../gate/index.ts';
import type { GateCaseResult, GateResult, ProcessNoise } from './types.ts';

const round = (value: number, decimals = 3): number => {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
};

function roundedNoise(noise: NoiseSummary): NoiseSummary {
  const keep = (value: number | null) => (value === null ? null : round(value, 4));
  return {
    withinProcessSpread: keep(noise.withinProcessSpread),
    betweenProcessSpread: keep(noise.betweenProcessSpread),
    stealPercent: keep(noise.stealPercent),
    otherCpuCores: keep(noise.otherCpuCores),
    descheduledPercent: keep(noise.descheduledPercent),
    involuntarySwitchesPerSecond: keep(noise.involuntarySwitchesPerSecond),
    loadAverage: keep(noise.loadAverage),
    slowdown: round(noise.slowdown, 4),
  };
}

function processNoiseOf(process: ProcessFigures): ProcessNoise {
  const keep = (value: number | null) => (value === null ? null : round(value, 4));
  const { noise } = process;
  return {
    withinSpread: keep(process.withinSpread),
    samples: process.samples,
    wallMs: Math.round(noise.wallMs),
    threadShare: keep(noise.threadShare),
    stealFraction: keep(noise.stealFraction),
    otherCpuCores: keep(noise.otherCpuCores),
    involuntarySwitchesPerSecond: round(noise.involuntarySwitchesPerSecond, 1),
    loadAverage: round(noise.loadAverage, 2),
  };
}

function caseResult(outcome: GateOutcome['cases'][number]): GateCaseResult {
  const { look } = outcome;
  const interval = look.interval;
  return {
    caseName: outcome.caseName,
    status: outcome.status,
    reason: outcome.reason,
    interval:
      interval === null
        ? null
        : {
            estimate: round(interval.estimate),
            lower: round(interval.lower),
            upper: round(interval.upper),
            level: round(interval.level, 6),
          },
    discountedLower: look.discountedLower === null ? null : round(look.discountedLower),
    processes: outcome.processes.length,
    samples: outcome.processes.reduce((sum, process) => sum + process.samples, 0),
    processMedians: outcome.processes.map((process) => round(process.medianTicks)),
    processNoise: outcome.processes.map(processNoiseOf),
    noise: roundedNoise(look.noise),
  };
}

/** The gate's outcome, as the document states it: the rule, the settings, each case's decision. */
export function gateResultOf(
  outcome: GateOutcome,
  settings: GateSettings,
  maxTicksPerOp: number,
): GateResult {
  return {
    maxTicksPerOp,
    status: outcome.status,
    confidence: settings.confidence,
    perLookLevel: round(outcome.level, 6),
    minProcesses: settings.minProcesses,
    maxProcesses: settings.maxProcesses,
    timeCapMs: settings.timeCapMs,
    elapsedMs: Math.round(outcome.elapsedMs),
    stoppedBy: outcome.stoppedBy,
    rule: describeRule(settings, outcome.cases.length),
    cases: outcome.cases.map(caseResult),
  };
}
