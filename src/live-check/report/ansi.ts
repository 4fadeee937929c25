import type { Finding, FindingLevel } from '../check/index.ts';
import type { CategoryCoverage, LiveCheckReport } from './model.ts';

/** SGR codes; whether to use them is the caller's decision (a terminal, NO_COLOR, --format). */
const sgr = { red: 31, green: 32, yellow: 33, cyan: 36, bold: 1 } as const;

type Style = keyof typeof sgr;

const levelStyle: Readonly<Record<FindingLevel, Style>> = {
  violation: 'red',
  improvement: 'yellow',
  information: 'cyan',
};

function paint(text: string, style: Style, color: boolean): string {
  return color ? `\u001b[${sgr[style]}m${text}\u001b[0m` : text;
}

/** One line per finding, as it is streamed: level, id, signal, message. */
export function findingLine(finding: Finding, color: boolean): string {
  const level = paint(finding.level.padEnd(11), levelStyle[finding.level], color);
  const signal =
    finding.signal_type === null
      ? ''
      : ` [${finding.signal_type}${finding.signal_name === null ? '' : ` ${finding.signal_name}`}]`;
  return `${level} ${paint(finding.id, 'bold', color)}${signal} ${finding.message}\n`;
}

function countsList(counts: Readonly<Record<string, number>>): string {
  const entries = Object.entries(counts);
  return entries.length === 0 ? 'none' : entries.map(([name, n]) => `${name} ${n}`).join(', ');
}

function coverageLine(name: string, coverage: CategoryCoverage): string {
  return `${name} ${coverage.seen}/${coverage.total}`;
}

function unseenLines(report: LiveCheckReport): string[] {
  const { coverage } = report.statistics;
  return Object.entries(coverage)
    .filter(([, each]) => each.unseen.length > 0)
    .map(([name, each]) => `    not seen, ${name}: ${each.unseen.join(', ')}\n`);
}

function outsideLines(report: LiveCheckReport): string[] {
  const { not_in_registry: outside, not_in_registry_unlisted: unlisted } = report.statistics;
  const lines = Object.entries(outside)
    .filter(([, counts]) => Object.keys(counts).length > 0)
    .map(([name, counts]) => `    ${name}: ${countsList(counts)}\n`);
  if (unlisted > 0) lines.push(`    and ${unlisted} more occurrences of names not listed\n`);
  return lines.length === 0
    ? ['  not in the registry: nothing\n']
    : ['  not in the registry:\n', ...lines];
}

/** The closing summary: counts per level and id, samples with no finding, coverage. */
export function summaryText(report: LiveCheckReport, color: boolean): string {
  const stats = report.statistics;
  const { violation, improvement, information } = stats.findings_by_level;
  const { attributes, spans, metrics, events } = stats.coverage;
  const levels = [
    paint(`${violation} violations`, violation > 0 ? 'red' : 'green', color),
    `${improvement} improvements`,
    `${information} information`,
  ].join(', ');
  return [
    paint('Live check summary\n', 'bold', color),
    `  entities: ${stats.total_entities} (${countsList(stats.total_entities_by_type)})\n`,
    `  findings: ${levels}\n`,
    `    by id: ${countsList(stats.findings_by_id)}\n`,
    `  entities with no finding: ${stats.samples_with_no_finding}\n`,
    `  registry coverage: ${stats.registry_coverage.toFixed(1)}% (${[
      coverageLine('attributes', attributes),
      coverageLine('spans', spans),
      coverageLine('metrics', metrics),
      coverageLine('events', events),
    ].join(', ')})\n`,
    ...unseenLines(report),
    ...outsideLines(report),
  ].join('');
}
