import { describeNoise } from '../decision/index.ts';
import type {
  BenchDocument,
  BenchProfile,
  BenchRatioResult,
  BenchResult,
  GateCaseResult,
  GateResult,
} from './types.ts';

const columns = [
  'ns p50',
  'ns min',
  'ns p99',
  'ticks p50',
  'ticks min',
  'ticks p99',
  'samples',
  'processes',
  'guard',
] as const;

const fixed = (value: number): string => value.toFixed(2);

function cells(result: BenchResult): string[] {
  const { nsPerOp: ns, ticksPerOp: ticks } = result;
  const guard = result.guard.ok ? 'ok' : 'FAILED';
  return [
    fixed(ns.p50),
    fixed(ns.min),
    fixed(ns.p99),
    fixed(ticks.p50),
    fixed(ticks.min),
    fixed(ticks.p99),
    String(result.samples),
    String(result.processes),
    guard,
  ];
}

/** Rows of cells, the first column left-aligned and the others right-aligned. */
function alignRows(rows: readonly (readonly string[])[]): string[] {
  const widths = (rows[0] ?? []).map((_, column) =>
    Math.max(...rows.map((row) => (row[column] ?? '').length)),
  );
  return rows.map((row) =>
    row
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd(),
  );
}

function ratioLine(ratio: BenchRatioResult): string {
  const value = ratio.value === null ? 'not measured' : `${ratio.value.toFixed(2)}×`;
  if (ratio.limit === undefined) return `  ${ratio.name} = ${value}`;
  const status = ratio.withinLimit === true ? 'within' : 'OVER';
  return `  ${ratio.name} = ${value} (limit ${ratio.limit}×: ${status})`;
}

const statusWord = {
  pass: 'PASS',
  fail: 'FAIL (over budget)',
  inconclusive: 'INCONCLUSIVE',
} as const;

function gateCaseLines(entry: GateCaseResult): string[] {
  const { interval } = entry;
  const figures =
    interval === null
      ? 'no interval (fewer than two processes)'
      : `${Number((interval.level * 100).toFixed(3))}% interval [${fixed(interval.lower)}, ${fixed(interval.upper)}] ticks per op around ${fixed(interval.estimate)}`;
  return [
    `  ${entry.caseName}: ${statusWord[entry.status]}`,
    `    ${figures}; ${entry.processes} processes, ${entry.samples} samples`,
    `    process medians: ${entry.processMedians.map(fixed).join(', ')}`,
    `    noise: ${describeNoise(entry.noise)}`,
    `    ${entry.reason}`,
  ];
}

function gateLines(gate: GateResult | null): string[] {
  if (gate === null) return ['gate: no budget given'];
  const seconds = (ms: number) => (ms / 1000).toFixed(1);
  return [
    `gate: budget ${gate.maxTicksPerOp} ticks per op, ${statusWord[gate.status]} (${seconds(gate.elapsedMs)} s, stopped: ${gate.stoppedBy})`,
    ...gate.cases.flatMap(gateCaseLines),
    `  rule: ${gate.rule}`,
  ];
}

function profileLines(profile: BenchProfile): string[] {
  return [
    `profile: ${profile.caseName}: ${profile.flameGraph} (flame graph), ${profile.cpuprofile}`,
    ...profile.hottest.map(
      (hot) =>
        `  ${hot.selfPercent.toFixed(1)}% self  ${hot.functionName}  ${hot.file}:${hot.line}`,
    ),
  ];
}

/** The readable form of the document: the same figures as `--json`, as a table. */
export function formatBenchTable(document: BenchDocument): string {
  const nsPerTick = 1 / document.tickGhz;
  const lines = [
    `certify bench: ${document.suite}`,
    `tick: ${document.tickGhz} GHz (1 tick = ${nsPerTick.toFixed(3)} ns), from ${document.tickSource}; node ${document.node}`,
    'figures per operation, the empty measuring loop subtracted; gated on the median (p50)',
    '',
    ...alignRows([
      ['case', ...columns],
      ...document.results.map((result) => [result.name, ...cells(result)]),
    ]),
  ];
  for (const result of document.results) {
    for (const problem of result.guard.problems) lines.push(`guard: ${result.name}: ${problem}`);
  }
  for (const failure of document.failures) lines.push(`failed: ${failure.name}: ${failure.error}`);
  if (document.ratios.length > 0)
    lines.push(
      '',
      'ratios of medians, measured in the same run:',
      ...document.ratios.map(ratioLine),
    );
  for (const warning of document.warnings) lines.push(`warning: ${warning}`);
  lines.push('', ...gateLines(document.gate));
  for (const profile of document.profiles) lines.push(...profileLines(profile));
  lines.push(`verdict: ${document.verdict}`);
  return `${lines.join('\n')}\n`;
}
