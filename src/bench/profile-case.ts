import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchProfile } from './document/index.ts';
import {
  callTreeOf,
  hottestFunctions,
  parseCpuProfile,
  renderFlameGraph,
  subtreesWhere,
  type ProfileCallFrame,
} from './flame/index.ts';
import type { MeasureProcess } from './gate/index.ts';
import type { BenchTiming } from './suite/index.ts';

export interface ProfileCaseOptions {
  readonly suitePath: string;
  readonly caseName: string;
  readonly timing: BenchTiming;
  /** The folder the `.cpuprofile` and the flame graph are written to. */
  readonly folder: string;
  readonly measure: MeasureProcess;
}

export type ProfileOutcome =
  | { readonly ok: true; readonly profile: BenchProfile }
  | { readonly ok: false; readonly caseName: string; readonly error: string };

/** Every stack sampled 10 times a millisecond: thousands of samples over the profiled sampling. */
const samplingIntervalUs = 100;
/** The profiled sampling lasts at least this long (measured time), for enough stack samples. */
const profiledWindowMs = 400;

/**
 * The timed call: the harness's wrapper that mitata times (`bench` in measure/sample.ts). Under
 * it is the case's `run`; beside it, what is not timed (the case's `beforeRun`, such as emptying
 * a full store, the event loop's turns, mitata's own loop).
 */
const isTimedCall = (frame: ProfileCallFrame): boolean =>
  frame.functionName === 'bench' && frame.url.endsWith('/src/bench/measure/sample.ts');

/** The file names of a case's profile: `tick-profile-<case, as a slug>.cpuprofile` and `.svg`. */
export function profileFileBase(caseName: string): string {
  const slug = caseName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `tick-profile-${slug === '' ? 'case' : slug}`;
}

/**
 * One extra measuring process for a gated case that did not pass, its sampling profiled with the
 * inspector: the profile (`.cpuprofile`, for Chrome DevTools or speedscope), a flame graph of its
 * call tree (`.svg`), and the three functions with the most self time. Its figures never count.
 */
export async function profileCase(options: ProfileCaseOptions): Promise<ProfileOutcome> {
  const base = profileFileBase(options.caseName);
  const cpuprofile = join(options.folder, `${base}.cpuprofile`);
  const flameGraph = join(options.folder, `${base}.svg`);
  await mkdir(options.folder, { recursive: true });
  const timing = {
    ...options.timing,
    minTimeMs: Math.max(options.timing.minTimeMs, profiledWindowMs),
  };
  const measured = await options.measure({
    suitePath: options.suitePath,
    caseName: options.caseName,
    timing,
    profile: { path: cpuprofile, samplingIntervalUs },
  });
  if (measured.kind === 'failed')
    return { ok: false, caseName: options.caseName, error: measured.error };
  try {
    const tree = callTreeOf(parseCpuProfile(await readFile(cpuprofile, 'utf8')));
    const timed = subtreesWhere(tree, isTimedCall);
    const timedUs = timed.reduce((sum, node) => sum + node.totalUs, 0);
    const timedShare = tree.totalUs > 0 ? Math.round((timedUs / tree.totalUs) * 100) : 0;
    await writeFile(
      flameGraph,
      renderFlameGraph(tree, {
        title: `${options.caseName}: CPU profile of one measuring process`,
        subtitle: `${(tree.totalUs / 1000).toFixed(0)} ms sampled every ${samplingIntervalUs} µs after the warm-up, ${timedShare}% of it in the timed calls (under "bench"); hover a frame for its file, line and times`,
      }),
    );
    // What the figures measure is the timed calls: their hot spots, not the untimed set-up's.
    const hottest = hottestFunctions(timed.length > 0 ? timed : tree, 3);
    return { ok: true, profile: { caseName: options.caseName, cpuprofile, flameGraph, hottest } };
  } catch (error: unknown) {
    // Reported with the step's findings: a profile that cannot be read does not change the verdict.
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      caseName: options.caseName,
      error: `the profile could not be read or drawn: ${reason}`,
    };
  }
}
