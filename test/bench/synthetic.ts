/**
 * Synthetic figures for the decision and document tests: process medians and noise windows as
 * data, the way a measuring process reports them.
 */
import {
  lookAt,
  type GateOutcome,
  type GateSettings,
  type NoiseWindow,
  type ProcessFigures,
} from '../../src/bench/index.ts';

/** A measuring process alone on a quiet machine. */
export const quiet: NoiseWindow = {
  wallMs: 800,
  cores: 2,
  threadShare: 1,
  stealFraction: 0,
  otherCpuCores: 0.05,
  involuntarySwitchesPerSecond: 2,
  loadAverage: 0.3,
};

/** One process per median, each with `within` relative spread, on the given machine. */
export function processesOf(
  medians: readonly number[],
  options: { within?: number; noise?: NoiseWindow } = {},
): ProcessFigures[] {
  return medians.map((medianTicks) => ({
    medianTicks,
    withinSpread: options.within ?? 0.05,
    samples: 500,
    noise: options.noise ?? quiet,
  }));
}

/** The gate's outcome for one case after these processes, as `runGate` would give it. */
export function outcomeOf(
  caseName: string,
  processes: readonly ProcessFigures[],
  budget: number,
  settings: GateSettings,
  level: number,
): GateOutcome {
  const look = lookAt({ processes, budget, level, minProcesses: settings.minProcesses });
  const status = look.status === 'undecided' ? 'inconclusive' : look.status;
  return {
    status,
    stoppedBy: look.status === 'undecided' ? 'max-processes' : 'decided',
    level,
    elapsedMs: 4_200,
    cases: [
      {
        caseName,
        status,
        reason: `${caseName}: ${look.reason}`,
        look,
        processes,
        measurements: [],
      },
    ],
  };
}
