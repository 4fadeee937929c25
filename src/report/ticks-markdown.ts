import type { GatedTickFigures, TickFigures, TickNoise } from '../steps/index.ts';

const decisionLabel = {
  pass: '✅ PASS',
  fail: '❌ FAIL (over budget)',
  inconclusive: '⚠️ INCONCLUSIVE',
} as const;

/** Text safe inside a Markdown table cell: one line, pipes escaped. */
const cell = (text: string): string => text.replace(/\s*\n\s*/g, ' ').replaceAll('|', '\\|');
const fixed = (value: number) => value.toFixed(2);
const percent = (value: number | null, scale = 100) =>
  value === null ? 'n/a' : `${(value * scale).toFixed(1)}%`;
const level = (value: number) => `${Number((value * 100).toFixed(3))}%`;

function intervalCell(figures: GatedTickFigures): string {
  const { interval } = figures;
  if (interval === null) return 'none (fewer than 2 processes)';
  return `[${fixed(interval.lower)}, ${fixed(interval.upper)}] at ${level(interval.level)}`;
}

function noiseCells(noise: TickNoise): string[] {
  return [
    percent(noise.withinProcessSpread),
    percent(noise.betweenProcessSpread),
    percent(noise.stealPercent, 1),
    noise.otherCpuCores === null ? 'n/a' : `${fixed(noise.otherCpuCores)} cores`,
    percent(noise.descheduledPercent, 1),
    noise.loadAverage === null ? 'n/a' : fixed(noise.loadAverage),
  ];
}

function gatedRow(figures: GatedTickFigures, budget: number): string {
  const estimate = figures.interval === null ? 'n/a' : `${fixed(figures.interval.estimate)} ticks`;
  const cells = [
    `\`${figures.case}\``,
    decisionLabel[figures.decision],
    intervalCell(figures),
    estimate,
    `${fixed(budget)} ticks`,
    `${fixed(figures.ticksPerEvent.p50)} (${fixed(figures.ticksPerEvent.min)} to ${fixed(figures.ticksPerEvent.p99)})`,
    `${fixed(figures.nsPerEvent.p50)} ns`,
    String(figures.processes),
    String(figures.samples),
    ...noiseCells(figures.noise),
  ];
  return `| ${cells.map(cell).join(' | ')} |`;
}

function profileLines(figures: TickFigures): string[] {
  const profiles = figures.profiles ?? [];
  if (profiles.length === 0) return [];
  return [
    '',
    'CPU profiles of the cases that did not pass (one extra process each, its figures not counted):',
    '',
    ...profiles.map((profile) => {
      const hottest = profile.hottest
        .map(
          (hot) =>
            `\`${hot.function}\` (\`${hot.file}:${hot.line}\`) ${hot.selfPercent.toFixed(1)}%`,
        )
        .join(', ');
      return `- \`${profile.case}\`: [flame graph](${profile.flameGraph}), [CPU profile](${profile.cpuprofile}) (Chrome DevTools, speedscope); hottest by self time: ${hottest === '' ? 'none sampled' : hottest}`;
    }),
  ];
}

/** The gate's section for one tick-bench step: decision, intervals, noise, rule, profiles. */
export function gateLines(figures: TickFigures): string[] {
  return [
    '',
    `Gate: **${decisionLabel[figures.decision]}** at ${level(figures.confidence)} confidence (each interval at ${level(figures.perLookLevel)}); ${figures.minProcesses} to ${figures.maxProcesses} processes per case, time cap ${figures.timeCapSeconds} s; took ${figures.elapsedSeconds.toFixed(1)} s. Clock ${figures.tickGhz.toFixed(3)} GHz (${cell(figures.tickSource)}).`,
    '',
    '| Case | Decision | Interval (ticks per event) | Estimate | Budget | Pooled median (min to p99) | ns per event | Processes | Samples | Within-process spread | Between processes | Steal | Other processes | Descheduled | Load |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...figures.gated.map((gated) => gatedRow(gated, figures.budget)),
    '',
    ...figures.gated.map(
      (gated) =>
        `Process medians of \`${gated.case}\` (ticks per event, in order): ${gated.processMedians.map(fixed).join(', ') || 'none'}.`,
    ),
    '',
    `Decision rule: ${figures.rule}`,
    ...profileLines(figures),
  ];
}
