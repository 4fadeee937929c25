import {
  findingLevels,
  highestLevel,
  type CheckObserver,
  type CoverageCategory,
  type CoverageUniverse,
  type Finding,
  type FindingLevel,
} from '../check/index.ts';
import { compareText } from '../../common/index.ts';
import type { SampleEntityKind } from '../sample/index.ts';
import type { CategoryCoverage, LiveCheckReport } from './model.ts';

/** Caps on what is listed by name, so a stream of random names cannot exhaust memory. */
export interface ListingLimits {
  readonly distinctFindings: number;
  readonly namesPerCategory: number;
}

const defaultLimits: ListingLimits = { distinctFindings: 10_000, namesPerCategory: 10_000 };

/** A count kept in an object, so that counting again is one map read and no map write. */
interface Tally {
  count: number;
}

interface DistinctFinding {
  readonly finding: Finding;
  count: number;
  /** The count of its id, in `byId`. */
  readonly idTally: Tally;
}

type TalliesByName = Map<string, Tally>;

function levelCounts(): Record<FindingLevel, number> {
  return { violation: 0, improvement: 0, information: 0 };
}

function tallyOf(map: TalliesByName, key: string): Tally {
  let tally = map.get(key);
  if (tally === undefined) {
    tally = { count: 0 };
    map.set(key, tally);
  }
  return tally;
}

function byCategory<T>(make: (category: CoverageCategory) => T): Record<CoverageCategory, T> {
  return {
    attributes: make('attributes'),
    spans: make('spans'),
    metrics: make('metrics'),
    events: make('events'),
  };
}

function counts(tallies: TalliesByName): [string, number][] {
  return [...tallies].map(([name, tally]) => [name, tally.count]);
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
  private readonly entitiesByType: Record<SampleEntityKind, number> = {
    resource: 0,
    span: 0,
    span_event: 0,
    span_link: 0,
    metric: 0,
    data_point: 0,
    log: 0,
    attribute: 0,
  };
  private readonly byLevel = levelCounts();
  private readonly byHighestLevel = levelCounts();
  private readonly byId: TalliesByName = new Map();
  private readonly distinct = new Map<string, DistinctFinding>();
  /** Findings are often the same cached objects: remember their entry without rebuilding keys. */
  private readonly known = new WeakMap<Finding, DistinctFinding>();
  /** Per category, what the registry defines (each seen 0 times or more) and what it lacks. */
  private readonly registrySeen: Record<CoverageCategory, TalliesByName>;
  private readonly outsideSeen: Record<CoverageCategory, TalliesByName>;

  private readonly onNewFinding: (finding: Finding) => void;
  private readonly limits: ListingLimits;

  constructor(
    universe: CoverageUniverse,
    onNewFinding: (finding: Finding) => void = () => undefined,
    limits: ListingLimits = defaultLimits,
  ) {
    this.onNewFinding = onNewFinding;
    this.limits = limits;
    this.registrySeen = byCategory((category) => {
      return new Map(universe[category].map((name) => [name, { count: 0 }]));
    });
    this.outsideSeen = byCategory(() => new Map());
  }

  entity(kind: SampleEntityKind, findings: readonly Finding[]): void {
    this.totalEntities += 1;
    this.entitiesByType[kind] += 1;
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
      const tally = this.registrySeen[category].get(name);
      // A deprecated entry is in the registry but outside what coverage counts.
      if (tally !== undefined) tally.count += 1;
      return;
    }
    const outside = this.outsideSeen[category];
    const tally = outside.get(name);
    if (tally !== undefined) tally.count += 1;
    else if (outside.size < this.limits.namesPerCategory) outside.set(name, { count: 1 });
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
    const entry = this.known.get(finding) ?? this.firstTimeOf(finding);
    if (entry === undefined) return;
    entry.count += 1;
    entry.idTally.count += 1;
  }

  /** The entry of a finding object not met before (or undefined past the listing cap, counted). */
  private firstTimeOf(finding: Finding): DistinctFinding | undefined {
    const key = `${finding.id}\u0000${finding.signal_type ?? ''}\u0000${finding.signal_name ?? ''}\u0000${finding.message}`;
    let entry = this.distinct.get(key);
    if (entry === undefined) {
      if (this.distinct.size >= this.limits.distinctFindings) {
        this.unlistedFindings += 1;
        tallyOf(this.byId, finding.id).count += 1;
        return undefined;
      }
      entry = { finding, count: 0, idTally: tallyOf(this.byId, finding.id) };
      this.distinct.set(key, entry);
      this.onNewFinding(finding);
    }
    this.known.set(finding, entry);
    return entry;
  }

  private categoryCoverage(category: CoverageCategory): CategoryCoverage {
    const seenCounts = counts(this.registrySeen[category]);
    const unseen = seenCounts.filter(([, count]) => count === 0).map(([name]) => name);
    const seen = seenCounts.length - unseen.length;
    return {
      total: seenCounts.length,
      seen,
      percent: percent(seen, seenCounts.length),
      counts: Object.fromEntries(seenCounts),
      unseen,
    };
  }

  private outside(category: CoverageCategory): Record<string, number> {
    return Object.fromEntries(counts(this.outsideSeen[category]).sort());
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
        total_entities_by_type: Object.fromEntries(
          Object.entries(this.entitiesByType)
            .filter(([, count]) => count > 0)
            .sort(([a], [b]) => compareText(a, b)),
        ),
        total_findings: this.totalFindings,
        findings_by_level: { ...this.byLevel },
        findings_by_id: Object.fromEntries(counts(this.byId).sort()),
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
