import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { CoverageFloors } from '../../pipeline/index.ts';
import type { CoverageFigures, Finding } from '../types.ts';

/** The default floor: 90% of the lines, of the total and of every file. */
export const DEFAULT_LINE_FLOOR = 90;

/** The floors in force: the step's, with the defaults filled in. */
export interface Floors {
  readonly lines: number;
  readonly branches?: number;
  readonly perFile: boolean;
}

export function floorsOf(coverage: CoverageFloors | undefined): Floors {
  return {
    lines: coverage?.lines ?? DEFAULT_LINE_FLOOR,
    ...(coverage?.branches === undefined ? {} : { branches: coverage.branches }),
    perFile: coverage?.perFile ?? true,
  };
}

/** One counter of istanbul's `json-summary`: `pct` is "Unknown" when there is nothing to count. */
interface Counter {
  readonly total: number;
  readonly covered: number;
  readonly pct: number | string;
}

interface FileSummary {
  readonly lines: Counter;
  readonly branches: Counter;
}

type Summary = Readonly<Record<string, FileSummary>>;

function percent(counter: Counter): number {
  return counter.total === 0 || typeof counter.pct !== 'number' ? 100 : counter.pct;
}

function isSummary(value: unknown): value is Summary {
  if (typeof value !== 'object' || value === null) return false;
  return Object.values(value).every(
    (entry: unknown) =>
      typeof entry === 'object' &&
      entry !== null &&
      ['lines', 'branches'].every(
        (key) => typeof (entry as Record<string, { total?: unknown }>)[key]?.total === 'number',
      ),
  );
}

/** The `coverage-summary.json` vitest wrote in `folder`, or why there is none. */
export async function readCoverageSummary(folder: string): Promise<Summary | string> {
  let text: string;
  try {
    text = await readFile(join(folder, 'coverage-summary.json'), 'utf8');
  } catch (error: unknown) {
    return `vitest wrote no coverage report (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
  }
  const value: unknown = JSON.parse(text);
  return isSummary(value) && value.total !== undefined
    ? value
    : 'the coverage report is not an istanbul json-summary';
}

function below(
  what: 'lines' | 'branches',
  counter: Counter,
  floor: number,
  scope: string,
  file?: string,
): Finding {
  const unit = what === 'lines' ? 'lines' : 'branches';
  return {
    rule: `coverage-${what}`,
    message: `${scope}: ${percent(counter).toFixed(1)}% of ${unit} covered (${counter.covered} of ${counter.total}), under the floor of ${floor}%`,
    ...(file === undefined ? {} : { file }),
  };
}

function floorFindings(
  counters: FileSummary,
  floors: Floors,
  scope: string,
  file?: string,
): Finding[] {
  const findings: Finding[] = [];
  if (percent(counters.lines) < floors.lines) {
    findings.push(below('lines', counters.lines, floors.lines, scope, file));
  }
  if (floors.branches !== undefined && percent(counters.branches) < floors.branches) {
    findings.push(below('branches', counters.branches, floors.branches, scope, file));
  }
  return findings;
}

export interface CoverageCheck {
  readonly figures: CoverageFigures;
  readonly findings: readonly Finding[];
}

/**
 * The figures of the summary and the floors it misses: the total's, and with `perFile` each
 * file's; a source file the summary does not list (excluded from coverage) is a finding too.
 */
export function checkCoverage(options: {
  readonly summary: Summary;
  readonly floors: Floors;
  readonly projectRoot: string;
  readonly source: string;
  /** The feature's script files, relative to the project root. */
  readonly sourceFiles: readonly string[];
}): CoverageCheck {
  const { summary, floors, projectRoot, source } = options;
  const total = summary.total;
  const files = new Map(
    Object.entries(summary)
      .filter(([key]) => key !== 'total')
      .map(([key, value]) => [relative(projectRoot, resolve(projectRoot, key)), value]),
  );
  const findings: Finding[] = total === undefined ? [] : floorFindings(total, floors, source);
  if (floors.perFile) {
    for (const [file, counters] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
      findings.push(...floorFindings(counters, floors, file, file));
    }
  }
  for (const file of options.sourceFiles) {
    if (files.has(file)) continue;
    findings.push({
      rule: 'coverage-lines',
      file,
      message: `${file} is not in the coverage report: excluded from coverage (by the Vitest configuration?), it is counted as not covered`,
    });
  }
  const figures: CoverageFigures = {
    linesPercent: total === undefined ? 0 : percent(total.lines),
    branchesPercent: total === undefined ? 0 : percent(total.branches),
    lines: { covered: total?.lines.covered ?? 0, total: total?.lines.total ?? 0 },
    branches: { covered: total?.branches.covered ?? 0, total: total?.branches.total ?? 0 },
    files: files.size,
    floors,
  };
  return { figures, findings };
}
