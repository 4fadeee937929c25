import { studentTQuantile } from './student-t.ts';

/** A two-sided confidence interval for the centre of the process medians. */
export interface ConfidenceInterval {
  /** The 20% trimmed mean of the process medians. */
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
  /** Two-sided confidence level of this interval, e.g. 0.95. */
  readonly level: number;
}

/** Tukey and McLaughlin's 20% trimming: robust to one process in five going astray. */
export const trimFraction = 0.2;

const mean = (values: readonly number[]): number =>
  values.reduce((sum, value) => sum + value, 0) / values.length;

/**
 * The trimmed mean of `values` and Yuen's interval for it: the values sorted, `g = ⌊0.2 n⌋` cut
 * from each end for the estimate; the winsorized variance (those ends set to the nearest kept
 * value) for its standard error, √((n − 1) s²_w / (h (h − 1))) with h = n − 2g kept values; and
 * Student's t with h − 1 degrees of freedom. With fewer than five values nothing is trimmed and
 * this is the ordinary t interval of the mean. Needs at least two values.
 */
export function trimmedMeanInterval(values: readonly number[], level: number): ConfidenceInterval {
  const n = values.length;
  if (n < 2) throw new RangeError(`an interval needs at least two values, got ${n}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`a level between 0 and 1, got ${level}`);
  const sorted = [...values].sort((a, b) => a - b);
  const g = Math.floor(trimFraction * n);
  const h = n - 2 * g;
  const kept = sorted.slice(g, n - g);
  const estimate = mean(kept);
  const lowestKept = kept[0] ?? estimate;
  const highestKept = kept[h - 1] ?? estimate;
  const winsorized = sorted.map((value) => Math.min(Math.max(value, lowestKept), highestKept));
  const centre = mean(winsorized);
  const variance = winsorized.reduce((sum, value) => sum + (value - centre) ** 2, 0) / (n - 1);
  const standardError = Math.sqrt(((n - 1) * variance) / (h * (h - 1)));
  const half = studentTQuantile(1 - (1 - level) / 2, h - 1) * standardError;
  return { estimate, lower: estimate - half, upper: estimate + half, level };
}
