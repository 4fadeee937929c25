import {
  gateStatusOf,
  lookAt,
  perLookLevel,
  type CaseLook,
  type GateSettings,
  type GateStatus,
  type ProcessFigures,
} from '../decision/index.ts';
import type { CaseMeasurement, CaseRequest } from '../measure/index.ts';
import type { BenchTiming } from '../suite/index.ts';
import { processFiguresOf } from './process-figures.ts';

/** Measures one case in a fresh process (the real one spawns Node; see `measureInChild`). */
export type MeasureProcess = (request: CaseRequest) => Promise<CaseMeasurement>;

export interface GateRunOptions {
  readonly suitePath: string;
  readonly caseNames: readonly string[];
  readonly maxTicksPerOp: number;
  readonly ghz: number;
  readonly timing: BenchTiming;
  readonly settings: GateSettings;
  readonly measure: MeasureProcess;
  readonly onProgress?: ((message: string) => void) | undefined;
  readonly signal?: AbortSignal | undefined;
}

/** Why the loop stopped taking processes. */
export type GateStop = 'decided' | 'time-cap' | 'max-processes' | 'case-failed' | 'guard-failed';

export interface GateCaseOutcome {
  readonly caseName: string;
  readonly status: GateStatus;
  readonly reason: string;
  /** The last look: interval, noise. */
  readonly look: CaseLook;
  readonly processes: readonly ProcessFigures[];
  /** Every process's raw measurement, to pool into the case's figures. */
  readonly measurements: readonly CaseMeasurement[];
}

export interface GateOutcome {
  readonly status: GateStatus;
  readonly stoppedBy: GateStop;
  readonly level: number;
  readonly elapsedMs: number;
  readonly cases: readonly GateCaseOutcome[];
}

interface CaseState {
  readonly caseName: string;
  readonly processes: ProcessFigures[];
  readonly measurements: CaseMeasurement[];
  readonly durationsMs: number[];
  look: CaseLook;
  status: GateStatus | 'undecided';
  finalReason: string | undefined;
  /** Set when the case was closed undecided at its maximum of processes. */
  atMaximum: boolean;
}

const initialLook = (options: GateRunOptions, level: number): CaseLook =>
  lookAt({
    processes: [],
    budget: options.maxTicksPerOp,
    level,
    minProcesses: options.settings.minProcesses,
  });

function newState(caseName: string, options: GateRunOptions, level: number): CaseState {
  return {
    caseName,
    processes: [],
    measurements: [],
    durationsMs: [],
    look: initialLook(options, level),
    status: 'undecided',
    finalReason: undefined,
    atMaximum: false,
  };
}

const mean = (values: readonly number[]): number =>
  values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;

/** A process that would end past the cap is not started: the cap bounds the whole loop. */
function pastCap(state: CaseState, elapsedMs: number, capMs: number): boolean {
  return elapsedMs + mean(state.durationsMs) > capMs;
}

function close(state: CaseState, why: string): void {
  state.status = 'inconclusive';
  state.finalReason = `${state.caseName}: ${state.look.reason}; ${why}`;
}

/** What a failed process means for the loop: the case failed, or a guard caught missing work. */
function brokenBy(measurement: CaseMeasurement): GateStop | undefined {
  if (measurement.kind === 'failed') return 'case-failed';
  return measurement.guard.ok ? undefined : 'guard-failed';
}

interface Step {
  readonly stop?: GateStop;
}

async function measureOnce(
  state: CaseState,
  options: GateRunOptions,
  level: number,
): Promise<Step> {
  const started = performance.now();
  const measurement = await options.measure({
    suitePath: options.suitePath,
    caseName: state.caseName,
    timing: options.timing,
  });
  state.durationsMs.push(performance.now() - started);
  state.measurements.push(measurement);
  const broken = brokenBy(measurement);
  if (broken !== undefined || measurement.kind === 'failed')
    return { stop: broken ?? 'case-failed' };
  state.processes.push(processFiguresOf(measurement, options.ghz));
  state.look = lookAt({
    processes: state.processes,
    budget: options.maxTicksPerOp,
    level,
    minProcesses: options.settings.minProcesses,
  });
  if (state.look.status !== 'undecided') {
    state.status = state.look.status;
    state.finalReason = `${state.caseName}: ${state.look.reason}`;
  }
  return state.look.status === 'fail' ? { stop: 'decided' } : {};
}

function outcomeOf(
  states: readonly CaseState[],
  stop: GateStop,
  level: number,
  elapsedMs: number,
): GateOutcome {
  const cases = states.map((state): GateCaseOutcome => {
    const status = state.status === 'undecided' ? 'inconclusive' : state.status;
    return {
      caseName: state.caseName,
      status,
      reason: state.finalReason ?? `${state.caseName}: ${state.look.reason}`,
      look: state.look,
      processes: state.processes,
      measurements: state.measurements,
    };
  });
  return {
    status: gateStatusOf(cases.map((entry) => entry.status)),
    stoppedBy: stop,
    level,
    elapsedMs,
    cases,
  };
}

function progressLine(state: CaseState, options: GateRunOptions): string {
  const { interval } = state.look;
  const sofar =
    interval === null
      ? ''
      : `; so far [${interval.lower.toFixed(2)}, ${interval.upper.toFixed(2)}] ticks`;
  return `measuring ${state.caseName}, process ${state.processes.length + 1} of at most ${options.settings.maxProcesses}${sofar}`;
}

/**
 * The adaptive gate: the gated cases take turns, one measuring process at a time (never two at
 * once: they would share the cores), each case until its interval decides it. A failed case
 * ends the loop (the verdict is then fail whatever the others say), as does a broken guard or a
 * case that could not be measured. Past the time cap, or at the maximum of processes, an
 * undecided case is inconclusive.
 */
export async function runGate(options: GateRunOptions): Promise<GateOutcome> {
  const level = perLookLevel(options.settings, options.caseNames.length);
  const states = options.caseNames.map((name) => newState(name, options, level));
  const started = performance.now();
  const elapsed = (): number => performance.now() - started;
  let open = states;
  while (open.length > 0) {
    for (const state of open) {
      if (state.processes.length >= options.settings.maxProcesses) {
        close(state, `no decision after the maximum of ${options.settings.maxProcesses} processes`);
        state.atMaximum = true;
        continue;
      }
      if (pastCap(state, elapsed(), options.settings.timeCapMs)) {
        for (const left of states.filter((entry) => entry.status === 'undecided')) {
          close(left, `no decision within the time cap of ${options.settings.timeCapMs / 1000} s`);
        }
        return outcomeOf(states, 'time-cap', level, elapsed());
      }
      options.signal?.throwIfAborted();
      options.onProgress?.(progressLine(state, options));
      const { stop } = await measureOnce(state, options, level);
      if (stop === undefined) continue;
      for (const left of states.filter((entry) => entry.status === 'undecided')) {
        close(
          left,
          stop === 'decided'
            ? 'not decided: another gated case failed'
            : 'not decided: a case could not be measured',
        );
      }
      return outcomeOf(states, stop, level, elapsed());
    }
    open = states.filter((state) => state.status === 'undecided');
  }
  const stop = states.some((state) => state.atMaximum) ? 'max-processes' : 'decided';
  return outcomeOf(states, stop, level, elapsed());
}
