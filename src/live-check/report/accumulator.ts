import {
  findingLevels,
  highestLevel,
  type CheckObserver,
  type CoverageCategory,
  type CoverageUniverse,
  type Finding,
  type FindingLevel,
} from '../check/index.ts';
import type { SampleEntityKind } from '../sample/index.ts';
import type { CategoryCoverage, LiveCheckReport } from './model.ts';

/** Caps on what is listed by name, so a stream of random names cannot exhaust memory. */
export interface ListingLimits {
  readonly distinctFindings: number;
  readonly namesPerCategory: number;
}

const defaultLimits: ListingLimits = { distinctFindings: 10_000, namesPerCategory: 10_000 };

const categories: readonly CoverageCategory[] = ['attributes', 'spans', 'metrics', 'events'];

interface DistinctFinding {
  readonly finding: Finding;
  count: number;
}

function levelCounts(): Record<FindingLevel, number> {
  return { violation: 0, improvement: 0, information: 0 };
}

function increment(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : (part / whole) * 100;
}

/**
 * Collects the checks' outcome into statistics as samples are checked. `onNewFinding` is called
 * the first time each distinct finding occurs, which is what the ANSI output streams.
 */
export class ReportAccumulator implements CheckObserver {
  private totalEntities = 0;
  private noFinding = 0;
  private totalFindings = 0;
  private unlistedFindings = 0;
  private unlistedNames = 0;
  private readonly entitiesByType = new Map<string, number>();
  private readonly byLevel = levelCounts();
  private readonly byHighestLevel = levelCounts();
  private readonly byId = new Map<string, number>();
  private readonly distinct = new Map<string, DistinctFinding>();
  /** Findings are often the same cached objects: remember their entry without rebuilding keys. */
  private readonly known = new WeakMap<Finding, DistinctFinding>();
  private readonly registrySeen = new Map<CoverageCategory, Map<string, number>>();
  private readonly outsideSeen = new Map<CoverageCategory, Map<string, number>>();

  private readonly onNewFinding: (finding: Finding) => void;
  private readonly limits: ListingLimits;

  constructor(
    universe: CoverageUniverse,
    onNewFinding: (finding: Finding) => void = () => undefined,
    limits: ListingLimits = defaultLimits,
  ) {
    this.onNewFinding = onNewFinding;
    this.limits = limits;
    for (const category of categories) {
      this.registrySeen.set(category, new Map(universe[category].map((name) => [name, 0])));
      this.outsideSeen.set(category, new Map());
    }
  }

  entity(kind: SampleEntityKind, findings: readonly Finding[]): void {
    this.totalEntities += 1;
    increment(this.entitiesByType, kind);
    const highest = highestLevel(findings);
    if (highest === undefined) {
      this.noFinding += 1;
      return;
    }
    this.byHighestLevel[highest] += 1;
    for (const finding of findings) this.record(finding);
  }

  seen(category: CoverageCategory, name: string, inRegistry: boolean): void {
    if (inRegistry) {
      const counts = this.registrySeen.get(category);
      const count = counts?.get(name);
      // A deprecated entry is in the registry but outside what coverage counts.
      if (counts !== undefined && count !== undefined) counts.set(name, count + 1);
      return;
    }
    const outside = this.outsideSeen.get(category);
    if (outside === undefined) return;
    const count = outside.get(name);
    if (count !== undefined) outside.set(name, count + 1);
    else if (outside.size < this.limits.namesPerCategory) outside.set(name, 1);
    else this.unlistedNames += 1;
  }

  /** True once any finding at `level` or above has occurred. */
  hasFindingAtOrAbove(level: FindingLevel): boolean {
    const rank = findingLevels.indexOf(level);
    return findingLevels.slice(0, rank + 1).some((each) => this.byLevel[each] > 0);
  }

  get entityCount(): number {
    return this.totalEntities;
  }

  private record(finding: Finding): void {
    this.totalFindings += 1;
    this.byLevel[finding.level] += 1;
    increment(this.byId, finding.id);
    let entry = this.known.get(finding);
    if (entry === undefined) {
      const key = `${finding.id}\u0000${finding.signal_type ?? ''}\u0000${finding.signal_name ?? ''}\u0000${finding.message}`;
      entry = this.distinct.get(key);
      if (entry === undefined) {
        if (this.distinct.size >= this.limits.distinctFindings) {
          this.unlistedFindings += 1;
          return;
        }
        entry = { finding, count: 0 };
        this.distinct.set(key, entry);
        this.onNewFinding(finding);
      }
      this.known.set(finding, entry);
    }
    entry.count += 1;
  }

  private categoryCoverage(category: CoverageCategory): CategoryCoverage {
    const counts = this.registrySeen.get(category) ?? new Map<string, number>();
    const unseen = [...counts].filter(([, count]) => count === 0).map(([name]) => name);
    const seen = counts.size - unseen.length;
    return {
      total: counts.size,
      seen,
      percent: percent(seen, counts.size),
      counts: Object.fromEntries(counts),
      unseen,
    };
  }

  private outside(category: CoverageCategory): Record<string, number> {
    return Object.fromEntries([...(this.outsideSeen.get(category) ?? [])].sort());
  }

  /** The report as it stands now; the accumulator keeps counting afterwards. */
  report(): LiveCheckReport {
    const coverage = {
      attributes: this.categoryCoverage('attributes'),
      spans: this.categoryCoverage('spans'),
      metrics: this.categoryCoverage('metrics'),
      events: this.categoryCoverage('events'),
    };
    const all = Object.values(coverage);
    const total = all.reduce((sum, each) => sum + each.total, 0);
    const seen = all.reduce((sum, each) => sum + each.seen, 0);
    return {
      findings: [...this.distinct.values()].map(({ finding, count }) => ({ finding, count })),
      findings_unlisted: this.unlistedFindings,
      statistics: {
        total_entities: this.totalEntities,
        total_entities_by_type: Object.fromEntries([...this.entitiesByType].sort()),
        total_findings: this.totalFindings,
        findings_by_level: { ...this.byLevel },
        findings_by_id: Object.fromEntries([...this.byId].sort()),
        entities_by_highest_level: { ...this.byHighestLevel },
        samples_with_no_finding: this.noFinding,
        registry_coverage: percent(seen, total),
        coverage,
        not_in_registry: {
          attributes: this.outside('attributes'),
          spans: this.outside('spans'),
          metrics: this.outside('metrics'),
          events: this.outside('events'),
        },
        not_in_registry_unlisted: this.unlistedNames,
      },
    };
  }
}
