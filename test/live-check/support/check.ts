import { LiveChecker, type Finding } from '../../../src/live-check/check/index.ts';
import { ReportAccumulator, type LiveCheckReport } from '../../../src/live-check/report/index.ts';
import type { Sample } from '../../../src/live-check/sample/index.ts';
import type { ResolvedRegistry } from '../../../src/registry/index.ts';
import { inlineRegistry } from './registry.ts';

/** Runs samples through the real checker into the real accumulator. */
export function checkSamples(
  registry: ResolvedRegistry,
  samples: readonly Sample[],
): LiveCheckReport {
  const checker = new LiveChecker(registry);
  const accumulator = new ReportAccumulator(checker.index.coverage);
  for (const sample of samples) checker.check(sample, accumulator);
  return accumulator.report();
}

/** Loads an inline YAML registry and checks the samples against it. */
export async function checkAgainst(
  yaml: string,
  samples: readonly Sample[],
): Promise<LiveCheckReport> {
  return checkSamples(await inlineRegistry(yaml), samples);
}

export function findingsOf(report: LiveCheckReport): Finding[] {
  return report.findings.map(({ finding }) => finding);
}

export function idsOf(report: LiveCheckReport): string[] {
  return findingsOf(report).map((finding) => finding.id);
}
