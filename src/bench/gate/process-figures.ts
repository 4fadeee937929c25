import { relativeIqr, type ProcessFigures } from '../decision/index.ts';
import type { CaseMeasurement } from '../measure/index.ts';

type Measured = Extract<CaseMeasurement, { kind: 'measured' }>;

/** One process's figures in ticks per operation, its own empty loop subtracted. */
export function processFiguresOf(measured: Measured, ghz: number): ProcessFigures {
  const empty = measured.emptyRun.p50;
  const perOpTicks = (perRunNs: number): number =>
    (Math.max(0, perRunNs - empty) / measured.opsPerRun) * ghz;
  return {
    medianTicks: perOpTicks(measured.perRun.p50),
    withinSpread: relativeIqr(measured.perRunSamples.map(perOpTicks)),
    samples: measured.perRun.samples,
    noise: measured.noise,
  };
}
