import type { NoiseWindow } from '../noise/index.ts';
import { median, relativeIqr } from './spread.ts';

/** One measuring process, as the decision sees it. */
export interface ProcessFigures {
  /** Its median sample, in ticks per operation (the empty loop subtracted). */
  readonly medianTicks: number;
  /** Its samples' interquartile range over their median. */
  readonly withinSpread: number | null;
  readonly samples: number;
  readonly noise: NoiseWindow;
}

/** How noisy the machine was while a case was measured, over all its processes. */
export interface NoiseSummary {
  /** Median over the processes of each one's IQR / median. */
  readonly withinProcessSpread: number | null;
  /** IQR / median of the process medians. */
  readonly betweenProcessSpread: number | null;
  /** Share of all processors' time stolen by the hypervisor, in percent (mean over processes). */
  readonly stealPercent: number | null;
  /** CPU other processes used, in cores (mean over processes). */
  readonly otherCpuCores: number | null;
  /** Share of its wall time the measuring thread was off the processor, in percent (mean). */
  readonly descheduledPercent: number | null;
  readonly involuntarySwitchesPerSecond: number | null;
  /** The highest 1-minute load average seen as a process started. */
  readonly loadAverage: number | null;
  /** The most that the measured interference could have slowed one process's samples (×). */
  readonly slowdown: number;
}

const mean = (values: readonly number[]): number | null =>
  values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;

const present = (values: readonly (number | null)[]): number[] =>
  values.filter((value): value is number => value !== null);

/**
 * How much slower than on a quiet machine one process's samples could have been from what was
 * measured: the thread was off the processor for 1 − share of the time, and the hypervisor kept
 * a `steal` share of the time the guest thought it ran. Noise of this kind only adds time.
 */
export function slowdownOf(noise: NoiseWindow): number {
  const share = noise.threadShare ?? 1;
  const steal = noise.stealFraction ?? 0;
  const available = Math.max(share * (1 - steal), 0.05);
  return Math.max(1, 1 / available);
}

export function summariseNoise(processes: readonly ProcessFigures[]): NoiseSummary {
  const noise = processes.map((process) => process.noise);
  const percent = (value: number | null) => (value === null ? null : value * 100);
  const loads = noise.map((window) => window.loadAverage);
  return {
    withinProcessSpread:
      processes.length === 0 ? null : median(present(processes.map((p) => p.withinSpread))),
    betweenProcessSpread: relativeIqr(processes.map((process) => process.medianTicks)),
    stealPercent: percent(mean(present(noise.map((window) => window.stealFraction)))),
    otherCpuCores: mean(present(noise.map((window) => window.otherCpuCores))),
    descheduledPercent: percent(
      mean(
        present(
          noise.map((window) => (window.threadShare === null ? null : 1 - window.threadShare)),
        ),
      ),
    ),
    involuntarySwitchesPerSecond: mean(noise.map((window) => window.involuntarySwitchesPerSecond)),
    loadAverage: loads.length === 0 ? null : Math.max(...loads),
    slowdown: Math.max(1, ...noise.map(slowdownOf)),
  };
}

const fixed = (value: number | null, digits: number, unit = ''): string =>
  value === null ? 'not measured' : `${value.toFixed(digits)}${unit}`;

/** The noise figures in one phrase, for reasons and tables. */
export function describeNoise(summary: NoiseSummary): string {
  const pct = (value: number | null) => fixed(value === null ? null : value * 100, 1, '%');
  return [
    `within-process spread ${pct(summary.withinProcessSpread)}`,
    `between processes ${pct(summary.betweenProcessSpread)}`,
    `steal ${fixed(summary.stealPercent, 1, '%')}`,
    `other processes ${fixed(summary.otherCpuCores, 2, ' cores')}`,
    `descheduled ${fixed(summary.descheduledPercent, 1, '%')}`,
    `load ${fixed(summary.loadAverage, 2)}`,
  ].join(', ');
}
