import type { BenchDocument, BenchRatioResult, BenchResult } from './types.ts';

const columns = [
  'ns p50',
  'ns min',
  'ns p99',
  'ticks p50',
  'ticks min',
  'ticks p99',
  'samples',
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

function budgetLine(document: BenchDocument): string {
  const { budget } = document;
  if (budget === null) return 'budget: none given';
  const measured =
    budget.ticksPerOpP50 === null
      ? 'was not measured'
      : `median ${fixed(budget.ticksPerOpP50)} ticks per op`;
  const status = budget.withinBudget ? 'within budget' : 'OVER BUDGET';
  return `budget: ${budget.caseName} ${measured}, budget ${budget.maxTicksPerOp}: ${status}`;
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
  lines.push('', budgetLine(document), `verdict: ${document.verdict}`);
  return `${lines.join('\n')}\n`;
}
