import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { errnoCodeOf } from '../../common/index.ts';
import { parseProcStat, parseThreadCpuTicks, type CpuTimes } from './parse.ts';

/** What the machine and this process had used at one moment; Linux's /proc figures when present. */
export interface NoiseReading {
  readonly atMs: number;
  /** This process, every thread (getrusage), in microseconds. */
  readonly processCpuUs: number;
  /** The thread running JavaScript, in clock ticks; undefined without /proc. */
  readonly threadCpuTicks: number | undefined;
  readonly machine: CpuTimes | undefined;
  readonly involuntarySwitches: number;
  readonly loadAverage: number;
}

/** Linux counts /proc times in USER_HZ ticks, 100 per second on every architecture it exports. */
export const clockTicksPerSecond = 100;

function readOptional(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error: unknown) {
    // Not Linux, or /proc hidden: the figures that need it are reported as not measured.
    const code = errnoCodeOf(error);
    if (code === 'ENOENT' || code === 'EACCES' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}

/** Reads the counters now: a few small files, outside any timed region. */
export function readNoise(): NoiseReading {
  const usage = process.resourceUsage();
  const stat = readOptional('/proc/stat');
  const thread = readOptional('/proc/thread-self/stat');
  return {
    atMs: performance.now(),
    processCpuUs: usage.userCPUTime + usage.systemCPUTime,
    threadCpuTicks: thread === undefined ? undefined : parseThreadCpuTicks(thread),
    machine: stat === undefined ? undefined : parseProcStat(stat),
    involuntarySwitches: usage.involuntaryContextSwitches,
    loadAverage: loadavg()[0] ?? 0,
  };
}

/** What happened on the machine while one process measured (its warm-up and sampling). */
export interface NoiseWindow {
  readonly wallMs: number;
  readonly cores: number;
  /** CPU the measuring thread got over the window's wall time (1 when it ran throughout). */
  readonly threadShare: number | null;
  /** Share of all processors' time the hypervisor gave to other guests. */
  readonly stealFraction: number | null;
  /** CPU used by every other process on the machine, in cores (0 to `cores`). */
  readonly otherCpuCores: number | null;
  readonly involuntarySwitchesPerSecond: number;
  /** The 1-minute load average as the window started. */
  readonly loadAverage: number;
}

const clamp = (value: number, low: number, high: number): number =>
  Math.min(Math.max(value, low), high);

/**
 * A thread's CPU time comes in whole clock ticks (10 ms), so over a short window its share is
 * too coarse to tell a thread that ran throughout from one that waited a fifth of the time.
 */
export const shortestThreadWindowMs = 250;

/**
 * The thread's share of the window, counting one tick more than read (the reading truncates), so
 * that a thread that ran throughout reads as 1 rather than 0.98; null when the window is short.
 */
function threadShareOf(ticks: number | undefined, wallMs: number): number | null {
  if (ticks === undefined || wallMs < shortestThreadWindowMs) return null;
  return clamp(((ticks + 1) * 1000) / clockTicksPerSecond / wallMs, 0, 1);
}

/** The window between two readings of the same process. */
export function noiseWindow(start: NoiseReading, end: NoiseReading): NoiseWindow {
  const wallMs = Math.max(end.atMs - start.atMs, 1e-3);
  const cores = availableParallelism();
  const msPerTick = 1000 / clockTicksPerSecond;
  const threadTicks =
    start.threadCpuTicks === undefined || end.threadCpuTicks === undefined
      ? undefined
      : end.threadCpuTicks - start.threadCpuTicks;
  const machine =
    start.machine === undefined || end.machine === undefined
      ? undefined
      : {
          busy: end.machine.busy - start.machine.busy,
          total:
            end.machine.busy +
            end.machine.idle +
            end.machine.steal -
            (start.machine.busy + start.machine.idle + start.machine.steal),
          steal: end.machine.steal - start.machine.steal,
        };
  const ownMs = (end.processCpuUs - start.processCpuUs) / 1000;
  return {
    wallMs,
    cores,
    threadShare: threadShareOf(threadTicks, wallMs),
    stealFraction:
      machine === undefined || machine.total <= 0
        ? null
        : clamp(machine.steal / machine.total, 0, 1),
    otherCpuCores:
      machine === undefined ? null : clamp((machine.busy * msPerTick - ownMs) / wallMs, 0, cores),
    involuntarySwitchesPerSecond:
      ((end.involuntarySwitches - start.involuntarySwitches) * 1000) / wallMs,
    loadAverage: start.loadAverage,
  };
}
