import { measure } from 'mitata';

/** Nanoseconds per timed call: min, median and 99th percentile, over `samples` samples. */
export interface SampleFigures {
  readonly min: number;
  readonly p50: number;
  readonly p99: number;
  readonly samples: number;
}

/** mitata's percentile rule, on values sorted in ascending order. */
export function figuresOf(sorted: readonly number[]): SampleFigures {
  const at = (quantile: number): number =>
    sorted[Math.trunc(quantile * (sorted.length - 1))] ?? Number.NaN;
  return { min: at(0), p50: at(0.5), p99: at(0.99), samples: sorted.length };
}

/** The figures of a sampling, and its samples (ns per call, ascending), to merge with others. */
export interface Sampled {
  readonly figures: SampleFigures;
  readonly values: readonly number[];
}

export interface SampleLimits {
  readonly minSamples: number;
  readonly minTimeMs: number;
  /** Stops sampling even before `minTimeMs` (a very short call, such as the empty loop). */
  readonly maxSamples?: number;
  /** Collect garbage (a forced full GC) before the first sample; true unless said otherwise. */
  readonly collectGarbageFirst?: boolean;
}

/** Keeps the sampling, and the sort mitata does at its end, bounded when a call is very short. */
const defaultMaxSamples = 100_000;

/** mitata drops the two lowest and two highest samples; these are taken on top of the minimum. */
const trimmedSamples = 4;

/** mitata collects with the real GC when node runs with --expose-gc; never with its 1 GiB fallback. */
const collectGarbage = (): (() => void) | false => {
  const gc: unknown = Reflect.get(globalThis, 'gc');
  return typeof gc === 'function' ? () => void Reflect.apply(gc, globalThis, []) : false;
};

/**
 * Each sample starts on a fresh turn of the event loop, as a request does in an application:
 * promises an SDK queued during the previous sample (one per exported span or log record)
 * settle here, outside the timed region, instead of piling up over thousands of samples.
 */
const nextTurn = (): Promise<void> =>
  new Promise((resolve) => {
    setImmediate(resolve);
  });

/**
 * mitata's generator form: parameter 0 is computed, and awaited, before each sample's clock
 * starts, so `untimed` (resetting a store) stays out of the figures. Its published types know
 * only the plain form.
 */
function withUntimedStep(timed: () => void, untimed: () => void | Promise<void>) {
  const spec = {
    0: async () => {
      await untimed();
      await nextTurn();
      return 0;
    },
    // mitata passes parameter 0 only to a function that declares it.
    bench: (untimedResult: number) => {
      timed();
      return untimedResult;
    },
  };
  return function* () {
    yield spec;
  } as unknown as () => Generator<() => unknown, void, undefined>;
}

/**
 * One sample is one call of `timed`: the case batches its own operations (thousands per call),
 * so mitata's own batching is turned off (`batch_threshold: -1`) and its warm-up left to ours.
 * mitata trims the two lowest and two highest samples; at least `minSamples` remain.
 */
export async function sample(
  timed: () => void,
  untimed: () => void | Promise<void>,
  limits: SampleLimits,
): Promise<Sampled> {
  const stats = await measure(withUntimedStep(timed, untimed), {
    min_samples: limits.minSamples + trimmedSamples,
    min_cpu_time: limits.minTimeMs * 1e6,
    max_samples: Math.max(
      limits.maxSamples ?? defaultMaxSamples,
      limits.minSamples + trimmedSamples,
    ),
    batch_threshold: -1,
    warmup_threshold: 0,
    gc: limits.collectGarbageFirst === false ? false : collectGarbage(),
  });
  return { figures: figuresOf(stats.samples), values: stats.samples };
}
