import type { MeterProvider, TracerProvider } from '@opentelemetry/api';
import type { ActivityLogLimits } from './limits.ts';
import type { SharedActivityStore } from './store/index.ts';

/**
 * Options for `new ActivityLog(options)`. Every field is optional; the defaults suit a single
 * process logging about a million events.
 */
export interface ActivityLogOptions extends Partial<ActivityLogLimits> {
  /** Most events the store holds; when full, events are refused with `CAPACITY_EXCEEDED`. Default 1,048,576. */
  readonly capacity?: number;
  /**
   * Bytes set aside for event ids and details, which have variable size. When they run out,
   * events carrying an id or details are refused with `CAPACITY_EXCEEDED`. Default 64 MiB.
   */
  readonly extrasBytes?: number;
  /**
   * Attach to a store another `ActivityLog` shared with `share()` (typically in a worker thread)
   * instead of creating one. Capacity and limits then come from that store and may not be given.
   */
  readonly store?: SharedActivityStore;
  /** The wall clock, in epoch milliseconds, for the future-timestamp rule. Default `Date.now`. */
  readonly clock?: () => number;
  /** Where spans go. Default: the global tracer provider of `@opentelemetry/api`. */
  readonly tracerProvider?: TracerProvider;
  /** Where metrics go. Default: the global meter provider of `@opentelemetry/api`. */
  readonly meterProvider?: MeterProvider;
}

/** Default number of events a store holds. */
export const DEFAULT_CAPACITY = 1_048_576;

/** Default bytes for event ids and details. */
export const DEFAULT_EXTRAS_BYTES = 64 * 1024 * 1024;

/**
 * The largest capacity: the hot columns (17 bytes per event) live in one WebAssembly memory,
 * which holds at most 4 GiB, and the id table (two slots per event) is indexed by 32-bit
 * `Atomics` integers.
 */
export const MAX_CAPACITY = 2 ** 27;

/** The largest extras area: offsets into it are 32-bit signed integers. */
export const MAX_EXTRAS_BYTES = 2 ** 31 - 1024;
