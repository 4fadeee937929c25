import { ActivityLog, type ActivityLogOptions } from '../src/index.ts';

/**
 * Hands out a log with room for the next run. A full log is replaced, before a sample and so
 * outside the timed region, by a fresh one whose shared memory is touched page by page first,
 * so the timed appends measure writing to resident memory, not the kernel's first-touch faults.
 */
export class LogRotation {
  readonly #options: ActivityLogOptions;
  readonly #eventsPerRun: number;
  #log: ActivityLog;
  #runsLeft = 0;

  constructor(options: ActivityLogOptions & { readonly capacity: number }, eventsPerRun: number) {
    this.#options = options;
    this.#eventsPerRun = eventsPerRun;
    this.#log = this.#fresh();
  }

  /** The log the next run appends to; call before every run, outside the timed region. */
  next(): ActivityLog {
    if (this.#runsLeft === 0) this.#log = this.#fresh();
    this.#runsLeft -= 1;
    return this.#log;
  }

  /** The log the last run appended to. */
  get current(): ActivityLog {
    return this.#log;
  }

  /** Events the current log holds after its runs so far. */
  get expectedCount(): number {
    const runs = Math.floor(this.#log.capacity / this.#eventsPerRun) - this.#runsLeft;
    return runs * this.#eventsPerRun;
  }

  #fresh(): ActivityLog {
    const log = new ActivityLog(this.#options);
    touchPages(log);
    this.#runsLeft = Math.floor(log.capacity / this.#eventsPerRun);
    return log;
  }
}

const pageBytes = 4096;

/** Adds 0 to one byte per page: every page becomes resident and no value changes. */
function touchPages(log: ActivityLog): void {
  const { rows, extras } = log.share();
  for (const buffer of [rows, extras]) {
    const bytes = new Uint8Array(buffer);
    for (let at = 0; at < bytes.length; at += pageBytes) Atomics.add(bytes, at, 0);
  }
}
