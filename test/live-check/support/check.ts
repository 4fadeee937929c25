import {
  LiveChecker,
  type Finding,
  type LiveCheckRegistry,
} from '../../../src/live-check/check/index.ts';
import { ReportAccumulator, type LiveCheckReport } from '../../../src/live-check/report/index.ts';
import type { Sample } from '../../../src/live-check/sample/index.ts';

/** Runs samples through the real checker into the real accumulator. */
export function checkSamples(
  registry: LiveCheckRegistry,
  samples: readonly Sample[],
): LiveCheckReport {
  const checker = new LiveChecker(registry);
  const accumulator = new ReportAccumulator(checker.index.coverage);
  for (const sample of samples) checker.check(sample, accumulator);
  return accumulator.report();
}

/** The distinct findings, as `id level signal: message` lines, easy to compare exactly. */
export function findingsOf(report: LiveCheckReport): Finding[] {
  return report.findings.map(({ finding }) => finding);
}

export function idsOf(report: LiveCheckReport): string[] {
  return findingsOf(report).map((finding) => finding.id);
}
