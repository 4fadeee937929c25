/** The q-quantile of values sorted in ascending order, interpolated linearly (Hyndman–Fan type 7). */
export function quantileOfSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = q * (sorted.length - 1);
  const below = Math.floor(position);
  const low = sorted[below] ?? Number.NaN;
  const high = sorted[Math.min(below + 1, sorted.length - 1)] ?? low;
  return low + (high - low) * (position - below);
}

/** Interquartile range over the median: a spread that one stray value moves little. */
export function relativeIqr(values: readonly number[]): number | null {
  if (values.length < 2) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const median = quantileOfSorted(sorted, 0.5);
  if (!(median > 0)) return null;
  return (quantileOfSorted(sorted, 0.75) - quantileOfSorted(sorted, 0.25)) / median;
}

export function median(values: readonly number[]): number {
  return quantileOfSorted(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}
