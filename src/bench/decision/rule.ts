import { trimmedMeanInterval, type ConfidenceInterval } from './interval.ts';
import {
  describeNoise,
  summariseNoise,
  type NoiseSummary,
  type ProcessFigures,
} from './noise-summary.ts';

/** How the gate samples and decides (pipeline `gate`, `certify bench` flags). */
export interface GateSettings {
  /** Of the verdict as a whole, two-sided, for example 0.95. */
  readonly confidence: number;
  /** Processes before the first look (at least 2: a single process says nothing of the others). */
  readonly minProcesses: number;
  /** No more processes than this per case. */
  readonly maxProcesses: number;
  /** No new process is started past this, counted from the first. */
  readonly timeCapMs: number;
}

export const defaultGateSettings: GateSettings = {
  confidence: 0.95,
  minProcesses: 3,
  maxProcesses: 10,
  timeCapMs: 30_000,
};

/** The gated cases' looks: one after each process from the minimum to the maximum. */
export function looksOf(settings: GateSettings): number {
  return settings.maxProcesses - settings.minProcesses + 1;
}

/**
 * The level each interval is computed at: the verdict's error, 1 − confidence, shared out
 * (Bonferroni) over every look at every gated case, since the loop may stop at any of them and
 * any case may decide the verdict. Looking after each process at 95% would pass or fail a case
 * whose median sits on the budget about one time in ten each way, not one in forty.
 */
export function perLookLevel(settings: GateSettings, gatedCases: number): number {
  return 1 - (1 - settings.confidence) / (looksOf(settings) * Math.max(1, gatedCases));
}

/** What one look concludes for one case; `undecided` asks for another process. */
export type LookStatus = 'pass' | 'fail' | 'undecided';

export interface CaseLook {
  readonly status: LookStatus;
  /** Of the process medians, ticks per operation; null before two processes. */
  readonly interval: ConfidenceInterval | null;
  /**
   * The interval's lower bound divided by the most that the interference measured could have
   * slowed a process (the fail side); null before two processes.
   */
  readonly discountedLower: number | null;
  readonly noise: NoiseSummary;
  /** Why, in words, with the figures. */
  readonly reason: string;
}

export interface LookInput {
  readonly processes: readonly ProcessFigures[];
  readonly budget: number;
  readonly level: number;
  readonly minProcesses: number;
}

const ticks = (value: number): string => value.toFixed(2);

export function describeInterval(interval: ConfidenceInterval): string {
  const percent = Number((interval.level * 100).toFixed(3));
  return `${percent}% interval [${ticks(interval.lower)}, ${ticks(interval.upper)}] around ${ticks(interval.estimate)} ticks per event`;
}

/**
 * One look at a case's processes so far. Pass when the interval's upper bound is under the
 * budget. Fail when the lower bound is over it even after each process's median is divided by
 * the slowdown its measured interference (time off the processor, steal) could explain: noise
 * only adds time, so a machine too busy to tell is never taken for a slow feature. Otherwise
 * undecided: another process, or, at the cap, inconclusive.
 */
export function lookAt(input: LookInput): CaseLook {
  const { processes, budget, level } = input;
  const noise = summariseNoise(processes);
  const count = processes.length;
  if (count < Math.max(2, input.minProcesses)) {
    const reason = `${count} of at least ${Math.max(2, input.minProcesses)} processes measured`;
    return { status: 'undecided', interval: null, discountedLower: null, noise, reason };
  }
  const interval = trimmedMeanInterval(
    processes.map((process) => process.medianTicks),
    level,
  );
  // Dividing the bound, not each median, keeps the discount from widening the interval.
  const discountedLower = interval.lower / noise.slowdown;
  const base = { interval, discountedLower, noise };
  const figures = `${describeInterval(interval)} over ${count} processes`;
  if (interval.upper < budget) {
    return { ...base, status: 'pass', reason: `${figures}, within the budget of ${budget}` };
  }
  if (discountedLower > budget) {
    return { ...base, status: 'fail', reason: `${figures}, over the budget of ${budget}` };
  }
  const why =
    interval.lower > budget
      ? `over the budget of ${budget}, but the interference measured could explain it (lower bound ${ticks(discountedLower)} once divided by the slowdown of ${noise.slowdown.toFixed(2)}×; ${describeNoise(noise)})`
      : `straddles the budget of ${budget} (${describeNoise(noise)})`;
  return { ...base, status: 'undecided', reason: `${figures} ${why}` };
}

/** A gated case's final status, and the gate's: fail if any case failed, pass if all passed. */
export type GateStatus = 'pass' | 'fail' | 'inconclusive';

export function gateStatusOf(statuses: readonly GateStatus[]): GateStatus {
  if (statuses.includes('fail')) return 'fail';
  if (statuses.length > 0 && statuses.every((status) => status === 'pass')) return 'pass';
  return 'inconclusive';
}

/** The rule in one paragraph, as the document and the report state it. */
export function describeRule(settings: GateSettings, gatedCases: number): string {
  const level = Number((perLookLevel(settings, gatedCases) * 100).toFixed(3));
  const confidence = Number((settings.confidence * 100).toFixed(3));
  return (
    'Each measuring process (started alone, warmed up until settled) gives its median ticks per event; ' +
    `over ${settings.minProcesses} to ${settings.maxProcesses} processes per gated case, the 20% trimmed mean of those medians ` +
    `and its Yuen t interval at ${level}% (${confidence}% for the verdict, split over ${looksOf(settings)} looks` +
    `${gatedCases > 1 ? ` and ${gatedCases} cases` : ''}). ` +
    'Pass when the upper bound is under the budget; fail when the lower bound is over it even once divided by ' +
    'the slowdown the interference measured could explain (time off the processor, steal); otherwise one more process, ' +
    `until ${settings.maxProcesses} processes or ${settings.timeCapMs / 1000} s: inconclusive. ` +
    'The verdict fails if any gated case fails and passes only if all pass.'
  );
}
