import type { StepDetails, TickFigures } from '../steps/index.ts';

const fixed = (value: number) => value.toFixed(2);
const level = (value: number) => `${Number((value * 100).toFixed(3))}%`;
const orNa = (value: number | null, digits: number, unit = '') =>
  value === null ? 'n/a' : `${value.toFixed(digits)}${unit}`;

/** The gate's figures as plain lines (JUnit's output), one case per line, then the rule. */
export function tickTextLines(figures: TickFigures): string[] {
  return [
    `gate: ${figures.decision}, budget ${figures.budget} ticks per event, ${level(figures.confidence)} confidence (each interval at ${level(figures.perLookLevel)}), ${figures.elapsedSeconds.toFixed(1)} s, clock ${figures.tickGhz.toFixed(3)} GHz (${figures.tickSource})`,
    ...figures.gated.map((gated) => {
      const interval =
        gated.interval === null
          ? 'no interval'
          : `interval [${fixed(gated.interval.lower)}, ${fixed(gated.interval.upper)}] at ${level(gated.interval.level)}, estimate ${fixed(gated.interval.estimate)}`;
      const { noise } = gated;
      const spread = (value: number | null) => orNa(value === null ? null : value * 100, 1, '%');
      return (
        `${gated.case}: ${gated.decision}, ${interval}, ${gated.processes} processes, ${gated.samples} samples; ` +
        `noise: within-process spread ${spread(noise.withinProcessSpread)}, between processes ${spread(noise.betweenProcessSpread)}, ` +
        `steal ${orNa(noise.stealPercent, 1, '%')}, other processes ${orNa(noise.otherCpuCores, 2, ' cores')}, ` +
        `descheduled ${orNa(noise.descheduledPercent, 1, '%')}, load ${orNa(noise.loadAverage, 2)}`
      );
    }),
    ...(figures.profiles ?? []).map(
      (profile) => `profile: ${profile.case}: ${profile.flameGraph}, ${profile.cpuprofile}`,
    ),
    `rule: ${figures.rule}`,
  ];
}

/** JUnit properties of a tick-bench step: the decision and each gated case's interval. */
export function tickProperties(details: StepDetails | undefined): [string, string][] {
  if (details?.kind !== 'ticks') return [];
  const { figures } = details;
  return [
    ['tick.decision', figures.decision],
    ['tick.budget', String(figures.budget)],
    ['tick.confidence', String(figures.confidence)],
    ...figures.gated.flatMap((gated): [string, string][] => [
      [`tick.${gated.case}.decision`, gated.decision],
      [`tick.${gated.case}.lower`, gated.interval === null ? '' : fixed(gated.interval.lower)],
      [`tick.${gated.case}.upper`, gated.interval === null ? '' : fixed(gated.interval.upper)],
      [`tick.${gated.case}.level`, gated.interval === null ? '' : String(gated.interval.level)],
      [`tick.${gated.case}.processes`, String(gated.processes)],
      [`tick.${gated.case}.samples`, String(gated.samples)],
    ]),
  ];
}
